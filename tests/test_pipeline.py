"""`diplograph build` end to end, in a copy of the project's hand-edited tree (DIPLOGRAPH_HOME)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.paths import ROOT

EXE = [sys.executable, "-c", "from diplograph.cli import main; main()"]


def project_copy(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    for d in ("ontology", "shapes", "queries", "data"):
        shutil.copytree(ROOT / d, home / d, ignore=shutil.ignore_patterns("examples"))
    return home


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DIPLOGRAPH_HOME": str(home)}
    env.pop("DIPLOGRAPH_DEBUG", None)
    return subprocess.run([*EXE, "--store", str(home / "store"), *args], env=env,
                          capture_output=True, text=True, timeout=600)


def snapshot(store_dir: Path) -> set[str]:
    db = ox.Store.read_only(str(store_dir))
    out = {str(q) for q in db}
    del db
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    home = project_copy(tmp_path_factory.mktemp("build"))
    return home, run(home, "build", "--dist", str(home / "dist"))


def test_build_validates_and_exports_every_format(built):
    home, r = built
    assert r.returncode == 0, r.stderr
    assert "validation: conforms" in r.stderr
    assert "documents: 1" in r.stderr
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.jsonld", "context.jsonld", "void.ttl"):
        assert (home / "dist" / name).stat().st_size > 0, name
    # The TriG keeps the document's named graph; Turtle parses with an independent parser.
    trig = list(ox.parse(path=str(home / "dist" / "graph.trig"), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in trig if isinstance(q.graph_name, ox.NamedNode)}
    assert "https://w3id.org/diplograph/graph/avim-2025-37" in graphs
    ttl = list(ox.parse(path=str(home / "dist" / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(ttl) > 1000


def test_build_summary_counts_acts_by_type(built):
    _home, r = built
    line = next(x for x in r.stderr.splitlines() if x.startswith("acts:"))
    assert "OfficialVisit" in line and "MilitaryExercise" in line


def test_malformed_turtle_fails_cleanly_and_leaves_the_store(built, tmp_path):
    home, r = built
    assert r.returncode == 0
    broken = tmp_path / "broken"
    shutil.copytree(home, broken, ignore=shutil.ignore_patterns("dist"))
    before = snapshot(broken / "store")
    (broken / "ontology" / "zz-broken.ttl").write_text("@prefix dg: <x#> .\ndg:a dg:b \n", encoding="utf-8")
    r2 = run(broken, "build", "--dist", str(broken / "dist"))
    assert r2.returncode == 1
    lines = [x for x in r2.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "zz-broken.ttl" in lines[0], r2.stderr
    assert "Traceback" not in r2.stderr
    assert snapshot(broken / "store") == before
    assert not (broken / "dist").exists()


def test_a_violation_fails_the_build_and_exports_nothing(tmp_path):
    home = project_copy(tmp_path)
    # A shape no act can satisfy: every act would need a dg:rank.
    (home / "shapes" / "zz-impossible.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
        "<urn:test:impossible> a sh:NodeShape ; sh:targetClass dg:DiplomaticAct ;\n"
        "  sh:property [ sh:path dg:rank ; sh:minCount 1 ; sh:severity sh:Violation ;\n"
        "                sh:message \"test: every act needs a rank\" ] .\n", encoding="utf-8")
    r = run(home, "build", "--dist", str(home / "dist"))
    assert r.returncode == 1
    assert "validation: FAILED" in r.stderr
    assert "test: every act needs a rank" in r.stderr
    assert not (home / "dist").exists()
