"""Exports: RDF in every common syntax, compact JSON-LD, framed act cards and the CSV act table.

pyoxigraph serialises (rdflib is 10-300x slower); JSON-LD is compacted here against the
project's own @context (prefixes only), which pyld expands back in the tests. Every file is
written atomically: a temporary file in the same folder, then os.replace, so a failed
serialisation leaves the previous file untouched.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import BASE, CAMEO, DG_IRI, GEONAMES, GRAPH_IRI, PLOVER, PREFIXES, PROV, XSD

STAGING_PREFIX = GRAPH_IRI + "staging/"
CONTEXT_IRI = BASE + "context.jsonld"
RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML,
}
FORMATS = (*RDF_FORMATS, "csv")
QUAD_FORMATS = ("nq", "trig", "jsonld")
XSD_STRING = str(XSD.string)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# An XML element name needs an NCName local part (letters, digits, '-', '_', '.').
_NCNAME_TAIL = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*$")


def context_prefixes() -> dict[str, str]:
    """The prefixes of the JSON-LD @context and Turtle output: namespaces.py plus code lists."""
    return {**PREFIXES, "gn": str(GEONAMES), "cameo": str(CAMEO), "plover": str(PLOVER),
            "graph": GRAPH_IRI}


def context_document() -> dict:
    """The stable @context served at CONTEXT_IRI: only prefixes, so compaction is predictable."""
    return {"@context": dict(sorted(context_prefixes().items()))}


# -- atomic files -----------------------------------------------------------------
def write_atomic(path: Path, produce: Callable[[IO[bytes]], None]) -> Path:
    """Call produce(fileobj) on a temp file beside `path`, then swap it in; clean up on failure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    return write_atomic(path, lambda fh: fh.write(data))


# -- selecting quads ----------------------------------------------------------------
def quads(store, graph: str | None = None) -> list[ox.Quad]:
    """The store's quads (one graph, or all but staging), in a stable order for stable files."""
    if graph is not None:
        if not store.has_graph(graph):
            raise DiplographError(f"no graph {graph} in the store (see the graph list with 'diplograph export --format trig')")
        out = list(store.quads(graph))
    else:
        out = [q for q in store.quads()
               if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(STAGING_PREFIX))]
    out.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return out


def triples(qs: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The union of the graphs: each distinct triple once."""
    seen: dict[ox.Triple, None] = {}
    for q in qs:
        seen.setdefault(q.triple, None)
    return list(seen)


def _check_rdfxml(ts: Iterable[ox.Triple]) -> None:
    for t in ts:
        if not _NCNAME_TAIL.search(t.predicate.value):
            raise DiplographError(f"predicate <{t.predicate.value}> cannot be written in RDF/XML "
                                  "(its IRI does not end in an XML name); use another format")


# -- serialising --------------------------------------------------------------------
def serialize(qs: list[ox.Quad], fmt: str) -> bytes:
    """Quads -> bytes in `fmt` (a key of RDF_FORMATS); triple formats get the union graph."""
    if fmt == "jsonld":
        return json.dumps(compact_jsonld(qs), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    if fmt not in RDF_FORMATS:
        raise DiplographError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    rdf_format = RDF_FORMATS[fmt]
    data: list = qs if fmt in QUAD_FORMATS else triples(qs)
    if fmt == "rdfxml":
        _check_rdfxml(data)
    prefixes = context_prefixes() if fmt in ("ttl", "trig", "rdfxml") else None
    try:
        return ox.serialize(data, format=rdf_format, prefixes=prefixes)
    except (ValueError, TypeError) as e:
        raise DiplographError(f"cannot write {fmt}: {str(e).splitlines()[0]}") from None


class _Compactor:
    """IRIs -> compact IRIs (prefix:suffix) where the context allows it unambiguously."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.names = set(prefixes)

    def iri(self, value: str) -> str:
        for p, ns in self.prefixes:
            if value.startswith(ns) and len(value) > len(ns):
                suffix = value[len(ns):]
                # "p://x" would read as an absolute IRI; keep the full IRI then.
                if not suffix.startswith("//"):
                    return f"{p}:{suffix}"
        return value

    def node(self, term) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term) -> dict | str:
        if isinstance(term, ox.Literal):
            if term.language:
                return {"@value": term.value, "@language": term.language}
            if term.datatype.value == XSD_STRING:
                return {"@value": term.value}
            return {"@value": term.value, "@type": self.iri(term.datatype.value)}
        return {"@id": self.node(term)}


def compact_jsonld(qs: Iterable[ox.Quad], context: str | dict = CONTEXT_IRI) -> dict:
    """Compacted JSON-LD (one node object per subject and graph) referencing the served context.

    Values are always objects ({"@value"} / {"@id"}) so no JSON number or boolean changes a
    literal's lexical form; rdf:type with an IRI object becomes "@type".
    """
    c = _Compactor(context_prefixes())
    graphs: dict[str | None, dict[str, dict]] = {}
    for q in qs:
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else c.node(q.graph_name)
        nodes = graphs.setdefault(g, {})
        sid = c.node(q.subject)
        node = nodes.setdefault(sid, {"@id": sid})
        if q.predicate.value == RDF_TYPE and isinstance(q.object, ox.NamedNode):
            node.setdefault("@type", []).append(c.iri(q.object.value))
        else:
            node.setdefault(c.iri(q.predicate.value), []).append(c.value(q.object))
    top: dict[str, dict] = dict(graphs.pop(None, {}))
    for g, nodes in graphs.items():
        holder = top.setdefault(g, {"@id": g})
        holder["@graph"] = list(nodes.values())
    return {"@context": context, "@graph": list(top.values())}


# -- JSON-LD processing without the network ----------------------------------------------
def document_loader(url: str, options: dict | None = None) -> dict:
    """pyld loader: serves the project context for CONTEXT_IRI and refuses every other URL."""
    if url == CONTEXT_IRI:
        return {"contextUrl": None, "documentUrl": url, "document": context_document()}
    raise DiplographError(f"refusing to fetch remote JSON-LD context {url}")


CARD_LINKS = ("participant", "visitor", "host", "speaker", "initiator", "about", "involvesState",
              "location", "evidence", "sourceDocument")
CARD_FIELDS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://xmlns.com/foaf/0.1/name", RDF_TYPE,
               "spanText", "startOffset", "endOffset", "isoAlpha3", "http://purl.org/dc/terms/source",
               "http://purl.org/dc/terms/title", "http://www.w3.org/2004/02/skos/core#notation")


def frame_act_cards(qs: list[ox.Quad]) -> dict:
    """Framed JSON-LD: one card per act, its participants, place, evidence and source embedded."""
    from pyld import jsonld

    from .namespaces import DG

    classes = _act_classes(qs)
    ts = triples(qs)
    acts = {t.subject for t in ts if t.predicate.value == RDF_TYPE and t.object.value in classes}
    links = {DG_IRI + x for x in CARD_LINKS}
    fields = {f if ":" in f else DG_IRI + f for f in CARD_FIELDS}
    linked = {t.object for t in ts if t.subject in acts and t.predicate.value in links}
    subset = [t for t in ts if (t.subject in acts and not t.predicate.value.startswith(str(PROV)))
              or (t.subject in linked and t.subject not in acts and t.predicate.value in fields)]
    ctx = context_document()["@context"]
    doc = compact_jsonld([ox.Quad(t.subject, t.predicate, t.object) for t in subset], ctx)
    c = _Compactor(context_prefixes())
    frame = {"@context": ctx, "@type": sorted(c.iri(t) for t in classes if t != str(DG.DiplomaticAct))
             or [c.iri(str(DG.DiplomaticAct))]}
    framed = jsonld.frame(doc, frame, {"documentLoader": document_loader, "embed": "@always",
                                       "omitGraph": False})
    framed["@context"] = CONTEXT_IRI
    return framed


def _act_classes(qs: Iterable[ox.Quad]) -> set[str]:
    """dg:DiplomaticAct and its direct subclasses, as the ontology in the quads states them."""
    from .namespaces import DG, RDFS

    sub, act = str(RDFS.subClassOf), str(DG.DiplomaticAct)
    return {act} | {q.subject.value for q in qs if q.predicate.value == sub and q.object.value == act}


# -- files --------------------------------------------------------------------------
def export(store, fmt: str, out: Path, graph: str | None = None) -> Path:
    """One export file (atomically); fmt is one of FORMATS."""
    if fmt not in FORMATS:
        raise DiplographError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "csv":
        from .acttable import write_csv

        return write_atomic(out, lambda fh: write_csv(store, fh, graph))
    data = serialize(quads(store, graph), fmt)
    return write_bytes(out, data)


def write_dist(store, dist: Path) -> list[Path]:
    """dist/: graph.ttl/.nt/.nq/.trig/.jsonld + context.jsonld, acts.csv, act cards, void.ttl, docs/."""
    from . import dataset, docs
    from .acttable import write_csv

    dist = Path(dist)
    qs = quads(store)
    written = []
    for fmt, name in (("ttl", "graph.ttl"), ("nt", "graph.nt"), ("nq", "graph.nq"),
                      ("trig", "graph.trig"), ("jsonld", "graph.jsonld")):
        written.append(write_bytes(dist / name, serialize(qs, fmt)))
    written.append(write_bytes(dist / "context.jsonld",
                               json.dumps(context_document(), indent=1).encode() + b"\n"))
    written.append(write_bytes(dist / "acts.jsonld",
                               json.dumps(frame_act_cards(qs), ensure_ascii=False, indent=1).encode() + b"\n"))
    written.append(write_atomic(dist / "acts.csv", lambda fh: write_csv(store, fh)))
    written.append(dataset.write_void(store, dist / "void.ttl", files=written))
    written.extend(docs.write_docs(store, dist / "docs"))
    return written


__all__ = ["FORMATS", "CONTEXT_IRI", "export", "write_dist", "serialize", "quads", "write_atomic",
           "compact_jsonld", "context_document", "document_loader", "frame_act_cards"]
