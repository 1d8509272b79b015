"""Import external RDF (a Wikidata or GeoNames extract, another project's graph) into its own graph.

An import is one named graph, graph/import/<slug> unless the user names another, replaced as a
whole: the file is parsed completely before the store is touched, so malformed input changes
nothing and the error names the parser's line and column. Quads of a dataset format (TriG,
N-Quads, JSON-LD with graphs) all land in the one import graph. RDF/XML with a DOCTYPE or ENTITY
declaration is refused (entity expansion can exhaust memory), and JSON-LD contexts are never
fetched (pyoxigraph has no document loader set, so a remote @context is an error).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from . import iri
from .errors import DiplographError
from .namespaces import GRAPH_IRI

IMPORT_PREFIX = GRAPH_IRI + "import/"
EXTENSIONS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML, ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD, ".n3": ox.RdfFormat.N3,
}
MAX_BYTES = 512 * 1024 * 1024
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def graph_for(path: Path) -> str:
    slug = iri.slugify(Path(path).stem)
    if not slug:
        raise DiplographError(f"{path}: cannot name an import graph after this file; give --graph IRI")
    return IMPORT_PREFIX + slug


def check_graph(graph: str) -> str:
    """Imports may not overwrite the project's own graphs (ontology, reference, documents...)."""
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+$", graph or ""):
        raise DiplographError(f"--graph: expected an absolute IRI, got {graph!r}")
    if graph.startswith(GRAPH_IRI) and not graph.startswith(IMPORT_PREFIX):
        raise DiplographError(f"--graph {graph}: the project's own graphs cannot be imported into; "
                              f"use an IRI under {IMPORT_PREFIX} or outside {GRAPH_IRI}")
    return graph


def rdf_format(path: Path) -> ox.RdfFormat:
    fmt = EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        raise DiplographError(f"{path}: unknown RDF file type {Path(path).suffix or '(none)'} "
                              f"(one of {', '.join(sorted(EXTENSIONS))})")
    return fmt


def _syntax_message(path: Path, e: SyntaxError) -> str:
    msg = (e.msg or "syntax error").splitlines()[0]
    if e.lineno is not None and "line" not in msg:
        msg = f"line {e.lineno} column {e.offset}: {msg}"
    return f"{path}: {msg}"


def parse(path: Path) -> list[tuple]:
    """Every triple of the file (graph names dropped), or one DiplographError for the whole file."""
    path = Path(path)
    if not path.is_file():
        raise DiplographError(f"{path}: no such file")
    fmt = rdf_format(path)
    size = path.stat().st_size
    if size == 0:
        raise DiplographError(f"{path}: empty file")
    if size > MAX_BYTES:
        raise DiplographError(f"{path}: larger than {MAX_BYTES // 2**20} MiB; split it or load it with a bulk loader")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise DiplographError(f"{path}: binary file, not RDF text")
    if fmt == ox.RdfFormat.RDF_XML and _DTD.search(data):
        raise DiplographError(f"{path}: RDF/XML with a DOCTYPE or ENTITY declaration is refused "
                              "(entity expansion); remove the declaration")
    try:
        quads = list(ox.parse(data, format=fmt, base_iri=path.resolve().as_uri()))
    except SyntaxError as e:
        raise DiplographError(_syntax_message(path, e)) from None
    except (ValueError, OSError) as e:
        raise DiplographError(f"{path}: {str(e).splitlines()[0]}") from None
    return [(q.subject, q.predicate, q.object) for q in quads]


def import_file(store, path: Path, graph: str | None = None) -> tuple[str, int]:
    """Parse the whole file, then replace its graph in one transaction; (graph, triples)."""
    g = check_graph(graph) if graph else graph_for(path)
    triples = list(dict.fromkeys(parse(path)))
    store.replace_graphs({g: triples})
    return g, len(triples)


def imported_graphs(store) -> list[str]:
    return [g for g in store.graphs() if g.startswith(IMPORT_PREFIX)]


__all__ = ["import_file", "parse", "graph_for", "check_graph", "imported_graphs", "IMPORT_PREFIX"]
