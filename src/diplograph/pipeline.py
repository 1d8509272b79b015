"""The main job, in order: load reference -> ingest documents -> reason -> validate -> export."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import iri, model, reference
from .errors import DiplographError
from .namespaces import CURATION_GRAPH, GRAPH_IRI, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH
from .paths import DIST_DIR, DOCUMENTS_DIR
from .records import Extraction
from .store import Store

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".pdf")


def inferred_graph(doc_graph: str) -> str:
    """Per-document inferences live beside the document, so re-ingesting one stays incremental."""
    return GRAPH_IRI + "inferred/" + doc_graph[len(GRAPH_IRI):]


def extract_file(path: Path) -> Extraction:
    from .documents import read_document
    from .extract import extract

    return extract(read_document(Path(path)))


REFERENCE_INFERRED = GRAPH_IRI + "inferred/reference"


def ensure_reference(store: Store, force: bool = False) -> None:
    """Ontology + reference graphs, and the reference's own inferences computed once."""
    from . import reasoning

    if reference.ensure_loaded(store, force=force) or not store.has_graph(REFERENCE_INFERRED):
        reasoning.materialise(store.db, ONTOLOGY_GRAPH, [REFERENCE_GRAPH], REFERENCE_INFERRED)


class _Context:
    """What the rules see besides a document: the reference, its inferences and the curation graph,
    two hops from each resource the document mentions (a state's type, its capital's triples).

    Scanning the whole reference for every document cost ~0.3 s each; the slice keeps reasoning
    proportional to the document. `curation` (triples about to be written in the same
    transaction) stands in for the stored curation graph.
    """

    def __init__(self, store: Store, curation: Iterable[tuple] | None = None):
        import pyoxigraph as ox

        names = [REFERENCE_GRAPH, REFERENCE_INFERRED] + ([CURATION_GRAPH] if curation is None else [])
        self._graphs = [ox.NamedNode(g) for g in names if store.has_graph(g)]
        self._db = store.db
        self._edges: dict = {}
        for t in curation or ():
            self._edges.setdefault(t[0], []).append(tuple(t))
        self._local = set(self._edges)  # subjects whose in-memory edges still lack the stored ones
        self._literal = ox.Literal

    def edges(self, node) -> list[tuple]:
        found = self._edges.get(node)
        if found is None or node in self._local:
            found = list(found or ())
            for g in self._graphs:
                found.extend((q.subject, q.predicate, q.object) for q in self._db.quads_for_pattern(node, None, None, g))
            self._edges[node] = found
            self._local.discard(node)
        return found

    def slice(self, triples: Iterable[tuple]) -> set[tuple]:
        lit = self._literal
        nodes = set()
        for s, _p, o in triples:
            nodes.add(s)
            if not isinstance(o, lit):
                nodes.add(o)
        out: set[tuple] = set()
        for x in nodes:
            for t in self.edges(x):
                out.add(t)
                if not isinstance(t[2], lit):
                    out.update(self.edges(t[2]))
        return out


def document_inferences(store: Store, documents: Mapping[str, Iterable[tuple]],
                        curation: Iterable[tuple] | None = None) -> dict[str, set[tuple]]:
    """inferred_graph(doc) -> the rules' conclusions over the document plus its context slice.

    Equal to `reasoning.materialise` over the document and the slice graph (tests hold both to
    it), but the ontology's rules are compiled once instead of re-walked by ~10 queries per
    document.
    """
    from . import reasoning

    table = reasoning.rule_table(store.db, ONTOLOGY_GRAPH)
    context = _Context(store, curation)
    out = {}
    for g, triples in documents.items():
        facts = {tuple(t) for t in triples}
        out[inferred_graph(g)] = table.infer(facts | context.slice(facts))
    return out


def reason_documents(store: Store, doc_graphs: Iterable[str]) -> int:
    """Recompute the inferences of stored documents, each in its own graph (so re-ingesting one
    document stays local), all written in one transaction; returns their number."""
    docs = {g: [(q.subject, q.predicate, q.object) for q in store.quads(g)] for g in doc_graphs}
    inferred = document_inferences(store, docs)
    store.replace_graphs(inferred)
    return sum(len(v) for v in inferred.values())


def extract_files(paths: list[Path], progress: Callable[[Path], None] | None = None) -> list[Extraction]:
    """Read and extract every file; any bad file raises before a store is touched."""
    if not paths:
        raise DiplographError("no documents given")
    extractions = []
    for p in paths:
        extractions.append(extract_file(p))
        if progress:
            progress(p)
    ids = Counter(e.document.doc_id for e in extractions)
    dup = [d for d, c in ids.items() if c > 1]
    if dup:
        raise DiplographError(f"two documents share the id {dup[0]!r} (file stem); rename one")
    return extractions


def ingest(store: Store, paths: list[Path], progress: Callable[[Path], None] | None = None) -> list[Extraction]:
    """Extract every file first, then write all document graphs in one transaction."""
    return write_extractions(store, extract_files(paths, progress))


def write_extractions(store: Store, extractions: list[Extraction]) -> list[Extraction]:
    """Documents, curation and inferences of a batch, written in one transaction."""
    ensure_reference(store)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    graphs = {model.document_graph(e): model.document_triples(e, now) for e in extractions}
    # Curation is recompiled with every ingest and swapped in with the documents, in one transaction.
    from . import curation

    cur = curation.curation_triples(documents={e.document.doc_id: e.document for e in extractions})
    # Their inferences too: reasoned before writing (the new curation in memory), so a document
    # never appears without its conclusions.
    inferred = document_inferences(store, graphs, cur)
    store.replace_graphs({**graphs, CURATION_GRAPH: cur, **inferred})
    return extractions


def document_paths(root: Path = DOCUMENTS_DIR) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def load_curation(store: Store) -> int:
    """data/curation/*.toml|*.ttl into the curation graph (an error anywhere changes nothing)."""
    from . import curation

    triples = curation.curation_triples()
    store.replace_graphs({CURATION_GRAPH: triples})
    return len(triples)


_REFERENCED = """
CONSTRUCT { ?x ?p ?o . ?o ?p2 ?o2 } WHERE {
  { SELECT DISTINCT ?x WHERE { { ?s ?q ?x } UNION { ?x ?q ?s } } }
  GRAPH <%s> { ?x ?p ?o OPTIONAL { ?o ?p2 ?o2 } }
}"""


def validate_store(store: Store, batch: int = 1):
    """SHACL per document (pyshacl wants small graphs: STACK-NOTES; and an act two documents
    report legitimately has two confidences), then the reference.

    Each batch is its document graphs, their inferences, the curation graph and the reference
    triples about the resources the batch mentions and the resources those point to (a state's
    capital), so a shape can see a state's type and code without the whole reference each time.
    """
    import pyoxigraph as ox

    from . import validation

    docs = [g for g in store.graphs() if g.startswith(GRAPH_IRI) and g not in
            (ONTOLOGY_GRAPH, REFERENCE_GRAPH, CURATION_GRAPH, INFERRED_GRAPH)
            and not g.startswith((GRAPH_IRI + "inferred/", GRAPH_IRI + "import/"))]
    shapes = validation.load_shapes()
    report = validation.Report(conforms=True)
    groups = [docs[i:i + batch] for i in range(0, len(docs), batch)] or [[]]
    for group in groups:
        graphs = [*group, *(inferred_graph(g) for g in group), CURATION_GRAPH]
        graphs = [g for g in graphs if store.has_graph(g)]
        data = validation.store_graph(store.db, graphs)
        ref = store.db.query(_REFERENCED % REFERENCE_GRAPH, default_graph=[ox.NamedNode(g) for g in graphs])
        nt = ox.serialize(ref, format=ox.RdfFormat.N_TRIPLES)
        if nt:
            data.parse(data=nt.decode("utf-8"), format="nt")
        r = validation.validate(data, shapes)
        report.conforms = report.conforms and r.conforms
        report.results.extend(r.results)
    r = validation.validate(validation.store_graph(store.db, [REFERENCE_GRAPH, REFERENCE_INFERRED]), shapes)
    report.conforms = report.conforms and r.conforms
    report.results.extend(r.results)
    return report


@dataclass
class BuildSummary:
    documents: int = 0
    triples: int = 0
    inferred: int = 0
    acts_by_type: dict[str, int] = field(default_factory=dict)
    officials: int = 0
    states: int = 0
    conforms: bool = True
    report: str = ""
    outputs: list[Path] = field(default_factory=list)


def summarise(store: Store, s: BuildSummary) -> BuildSummary:
    s.triples = len(store)
    s.acts_by_type = {r["t"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in store.query(
        "SELECT ?t (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?t . ?t rdfs:subClassOf dg:DiplomaticAct "
        "FILTER(?t != dg:DiplomaticAct) } GROUP BY ?t ORDER BY ?t")}
    s.officials = int(next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a dg:Official }")))["n"].value)
    s.states = int(next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?a dg:involvesState ?s }")))["n"].value)
    return s


def build(store: Store, docs_dir: Path = DOCUMENTS_DIR, dist: Path = DIST_DIR,
          progress: Callable[[str, int, int], None] | None = None) -> BuildSummary:
    from . import export

    paths = document_paths(docs_dir)
    if not paths:
        raise DiplographError(f"no documents under {docs_dir}")
    ensure_reference(store, force=True)
    load_curation(store)
    done = [0]

    def tick(_p: Path) -> None:
        done[0] += 1
        if progress:
            progress("ingest", done[0], len(paths))

    extractions = ingest(store, paths, tick)
    # Graphs of documents that are no longer under data/ would linger: drop them.
    keep = {model.document_graph(e) for e in extractions}
    fixed = {ONTOLOGY_GRAPH, REFERENCE_GRAPH, CURATION_GRAPH, INFERRED_GRAPH}
    stale = [g for g in store.graphs() if g not in fixed and not g.startswith(GRAPH_IRI + "inferred/")
             and g.startswith(GRAPH_IRI) and g not in keep]
    store.drop_graphs(stale + [inferred_graph(g) for g in stale])
    summary = BuildSummary(documents=len(paths))
    from . import checks

    report = validate_store(store)
    failed = checks.run(store)  # what SHACL core cannot say, on pyoxigraph (queries/checks/)
    summary.conforms = report.conforms and not failed
    summary.report = report.text() + ("\n" + checks.report(failed) if failed else "")
    summarise(store, summary)
    if not report.conforms:
        return summary
    summary.outputs = export.write_dist(store, dist)
    return summary


__all__ = ["ingest", "build", "document_paths", "extract_file", "BuildSummary", "iri"]
