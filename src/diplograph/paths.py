"""Where the hand-edited project sources live (ontology, shapes, queries, data)."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The checkout root; DIPLOGRAPH_HOME overrides it (e.g. for a relocated data tree)."""
    env = os.environ.get("DIPLOGRAPH_HOME")
    return Path(env).resolve() if env else Path(__file__).resolve().parents[2]


ROOT = project_root()
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DIR = ROOT / "shapes"
QUERIES_DIR = ROOT / "queries"
DATA_DIR = ROOT / "data"
DOCUMENTS_DIR = DATA_DIR / "documents"
REFERENCE_DIR = DATA_DIR / "reference"
CURATION_DIR = DATA_DIR / "curation"
DIST_DIR = ROOT / "dist"
