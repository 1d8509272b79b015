"""OWL RL materialisation of the rules the diplograph ontology needs, as SPARQL on pyoxigraph.

owlrl's full closure takes ~100 s for 10k acts and never finishes on some inputs (STACK-NOTES);
these rules take about a second. They read the axioms from the ontology graph, so a new
subclass, subproperty, inverse or two-step property chain in ontology/*.ttl needs no code:

  cax-sco / cax-eqc   x a C, C subClassOf+ D              -> x a D
  prp-spo1 / prp-eqp  x p y, p subPropertyOf+ q           -> x q y
  prp-inv             x p y, p inverseOf q                -> y q x
  prp-spo2            x p1 y, y p2 z, p propertyChainAxiom (p1 p2) -> x p z
  participant-state   a dg:participant s, s a dg:State    -> a dg:involvesState s   (project rule)

Domains and ranges are not applied: range typing would hide class errors that SHACL should
report. owl:sameAs is not applied either (it merges on a single wrong link). By default only
conclusions in the dg: vocabulary are kept; alignment superclasses (schema:, sem:, ...) are
left to consumers that want them (dg_only=False keeps everything).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib

from .errors import DiplographError
from .namespaces import DG_IRI, GRAPH_IRI, INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES
from .paths import project_root

MAX_ROUNDS = 50  # the rules are monotone over a finite vocabulary; this only guards bugs

# Each rule is a CONSTRUCT over the data graphs (the default graph) and the ontology (the only
# named graph visible). FILTER NOT EXISTS keeps known triples out. {vocab}?x becomes a test that
# ?x is a dg: term (or `true`): pyoxigraph cannot substitute variables a CONSTRUCT does not
# project, and this is a fixed choice between two query texts, not a caller's value.
RULES: dict[str, str] = {
    "cax-sco": """
CONSTRUCT { ?x a ?d } WHERE {
  GRAPH ?onto { ?c (rdfs:subClassOf|owl:equivalentClass|^owl:equivalentClass)+ ?d }
  FILTER (isIRI(?d) && ?d != ?c && {vocab}?d)
  ?x a ?c .
  FILTER NOT EXISTS { ?x a ?d }
}""",
    "prp-spo1": """
CONSTRUCT { ?x ?q ?y } WHERE {
  GRAPH ?onto { ?p (rdfs:subPropertyOf|owl:equivalentProperty|^owl:equivalentProperty)+ ?q }
  FILTER (isIRI(?q) && ?q != ?p && {vocab}?q)
  ?x ?p ?y .
  FILTER NOT EXISTS { ?x ?q ?y }
}""",
    "prp-inv": """
CONSTRUCT { ?y ?q ?x } WHERE {
  GRAPH ?onto { { ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p } }
  FILTER (isIRI(?q) && {vocab}?q)
  ?x ?p ?y .
  FILTER (!isLiteral(?y))
  FILTER NOT EXISTS { ?y ?q ?x }
}""",
    "prp-spo2": """
CONSTRUCT { ?x ?p ?z } WHERE {
  GRAPH ?onto { ?p owl:propertyChainAxiom ?l . ?l rdf:first ?p1 ; rdf:rest ?r .
                ?r rdf:first ?p2 ; rdf:rest rdf:nil . }
  FILTER ({vocab}?p)
  ?x ?p1 ?y . ?y ?p2 ?z .
  FILTER NOT EXISTS { ?x ?p ?z }
}""",
    "participant-state": """
CONSTRUCT { ?a dg:involvesState ?s } WHERE {
  ?a dg:participant ?s . ?s a dg:State .
  FILTER NOT EXISTS { ?a dg:involvesState ?s }
}""",
}

_UNSUPPORTED_CHAINS = """
SELECT ?p WHERE { GRAPH ?onto {
  ?p owl:propertyChainAxiom ?l .
  FILTER NOT EXISTS { ?l rdf:rest/rdf:rest rdf:nil ; rdf:rest/rdf:first ?second }
} }"""


def _rule_texts(dg_only: bool) -> list[str]:
    test = f'STRSTARTS(STR(?VAR), "{DG_IRI}")' if dg_only else "true"
    out = []
    for text in RULES.values():
        for var in ("d", "q", "p"):
            text = text.replace("{vocab}?" + var, test.replace("VAR", var))
        out.append(text)
    return out


def materialise(store: ox.Store, ontology_graph: str = ONTOLOGY_GRAPH,
                data_graphs: list[str] | None = None, target_graph: str = INFERRED_GRAPH,
                *, dg_only: bool = True) -> int:
    """Recompute the inferred triples of `data_graphs` into `target_graph`; return their number.

    The target graph is cleared first, then the rules run to a fixpoint, each round's new
    triples added in one transaction. Triples already asserted in a data graph are not repeated.
    data_graphs=None reads every graph of the store as one union (the fast path: pyoxigraph
    answers an explicit list of ~1000 default graphs ~10x slower than its union default graph);
    the ontology graph then counts as data too, which yields no dg: conclusions.
    """
    onto = ox.NamedNode(ontology_graph)
    target = ox.NamedNode(target_graph)
    if not store.contains_named_graph(onto):
        raise DiplographError(f"ontology graph {ontology_graph} is not in the store (load the ontology first)")
    # named_graphs=[onto] makes the ontology the only graph `GRAPH ?onto` can match.
    bad = [s["p"].value for s in store.query(_UNSUPPORTED_CHAINS, prefixes=PREFIXES, named_graphs=[onto])]
    if bad:
        raise DiplographError(f"property chains other than two steps are not supported: {', '.join(sorted(bad))}")
    if data_graphs is None:
        dataset = {"use_default_graph_as_union": True}
    else:
        sources = [ox.NamedNode(g) for g in data_graphs if g not in (ontology_graph, target_graph)]
        dataset = {"default_graph": [*sources, target]}

    if store.contains_named_graph(target):
        store.remove_graph(target)
    store.add_graph(target)
    rules = _rule_texts(dg_only)
    for _round in range(MAX_ROUNDS):
        added = 0
        for query in rules:
            new = {(t.subject, t.predicate, t.object) for t in store.query(
                query, prefixes=PREFIXES, named_graphs=[onto], **dataset)}
            if new:
                store.extend([ox.Quad(s, p, o, target) for s, p, o in new])
                added += len(new)
        if not added:
            break
    else:  # pragma: no cover - would need a non-terminating rule set
        raise DiplographError(f"reasoning did not reach a fixpoint in {MAX_ROUNDS} rounds")
    return sum(1 for _ in store.quads_for_pattern(None, None, None, target))


# -- the same rules in Python, for many small graphs ---------------------------------
# Each SPARQL round re-walks the ontology's subClassOf+/subPropertyOf+ paths, ~10 ms per document.
# Compiled once per ontology version into lookup tables, the rules run on a document's few
# hundred triples in well under a millisecond. `materialise` stays the reference and the path
# for whole graphs; tests check that both agree (and agree with owlrl).

_SUPER = """
SELECT DISTINCT ?sub ?sup WHERE {
  GRAPH ?onto { ?sub (%s|owl:%s|^owl:%s)+ ?sup }
  FILTER (isIRI(?sup) && ?sup != ?sub)
}"""
_INVERSES = """
SELECT DISTINCT ?p ?q WHERE {
  GRAPH ?onto { { ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p } }
  FILTER (isIRI(?q))
}"""
_CHAINS = """
SELECT DISTINCT ?p ?p1 ?p2 WHERE {
  GRAPH ?onto { ?p owl:propertyChainAxiom ?l . ?l rdf:first ?p1 ; rdf:rest ?r .
                ?r rdf:first ?p2 ; rdf:rest rdf:nil . }
}"""

_TYPE = ox.NamedNode(str(rdflib.RDF.type))
_PARTICIPANT = ox.NamedNode(DG_IRI + "participant")
_INVOLVES_STATE = ox.NamedNode(DG_IRI + "involvesState")
_STATE = ox.NamedNode(DG_IRI + "State")

Triple3 = tuple  # (subject, predicate, object) of pyoxigraph terms


class RuleTable:
    """The ontology's axioms as lookup tables: what each class, property and chain step implies."""

    def __init__(self, superclasses, superproperties, inverses, chains):
        self.superclasses: dict = superclasses      # class -> its superclasses (closure)
        self.superproperties: dict = superproperties  # property -> its superproperties (closure)
        self.inverses: dict = inverses              # property -> properties of the reversed triple
        self.first: dict = {}                       # p1 -> [(p2, p)] for chains p1 p2 -> p
        self.second: dict = {}                      # p2 -> [(p1, p)]
        for p, p1, p2 in chains:
            self.first.setdefault(p1, []).append((p2, p))
            self.second.setdefault(p2, []).append((p1, p))
        self.joined = {*self.first, *self.second, _PARTICIPANT}  # predicates joins look up

    def infer(self, triples) -> set[Triple3]:
        """The conclusions the rules draw from `triples` that are not among them (a fixpoint).

        Same semantics as `materialise` on a graph holding `triples`: conclusions outside the
        table's vocabulary were never compiled in, so they neither appear nor feed other rules.
        """
        facts: set = set()
        out: dict = {}    # (s, p) -> objects, for the joined predicates
        into: dict = {}   # (p, o) -> subjects, for the joined predicates
        agenda: list = []
        joined = self.joined

        def add(t) -> None:
            if t not in facts:
                facts.add(t)
                agenda.append(t)
                if t[1] in joined:
                    out.setdefault((t[0], t[1]), []).append(t[2])
                    into.setdefault((t[1], t[2]), []).append(t[0])

        for t in triples:
            add(t)
        asserted = set(facts)
        while agenda:
            s, p, o = agenda.pop()
            if p == _TYPE:
                for d in self.superclasses.get(o, ()):
                    add((s, p, d))
                if o == _STATE:  # participant-state
                    for a in into.get((_PARTICIPANT, s), ()):
                        add((a, _INVOLVES_STATE, s))
            for q in self.superproperties.get(p, ()):
                add((s, q, o))
            literal = isinstance(o, ox.Literal)
            if not literal:
                for q in self.inverses.get(p, ()):
                    add((o, q, s))
                for p2, r in self.first.get(p, ()):
                    for z in out.get((o, p2), ()):
                        add((s, r, z))
            for p1, r in self.second.get(p, ()):
                for x in into.get((p1, s), ()):
                    add((x, r, o))
            if p == _PARTICIPANT and (o, _TYPE, _STATE) in facts:
                add((s, _INVOLVES_STATE, o))
        return facts - asserted


_TABLES: dict[tuple[str, bool], RuleTable] = {}


def ontology_fingerprint(store: ox.Store, ontology_graph: str = ONTOLOGY_GRAPH) -> str:
    import hashlib

    lines = sorted(str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ontology_graph)))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def rule_table(store: ox.Store, ontology_graph: str = ONTOLOGY_GRAPH, *, dg_only: bool = True) -> RuleTable:
    """The compiled rules of the ontology in `store`, cached by the ontology graph's contents."""
    onto = ox.NamedNode(ontology_graph)
    if not store.contains_named_graph(onto):
        raise DiplographError(f"ontology graph {ontology_graph} is not in the store (load the ontology first)")
    key = (ontology_fingerprint(store, ontology_graph), dg_only)
    if key not in _TABLES:
        if len(_TABLES) >= 8:  # a long-lived process that keeps editing its ontology
            _TABLES.clear()
        _TABLES[key] = _compile(store, onto, dg_only)
    return _TABLES[key]


def _compile(store: ox.Store, onto: ox.NamedNode, dg_only: bool) -> RuleTable:
    bad = [s["p"].value for s in store.query(_UNSUPPORTED_CHAINS, prefixes=PREFIXES, named_graphs=[onto])]
    if bad:
        raise DiplographError(f"property chains other than two steps are not supported: {', '.join(sorted(bad))}")

    def keep(term) -> bool:  # the vocabulary test of the SPARQL rules; a predicate must be an IRI
        return isinstance(term, ox.NamedNode) and (not dg_only or term.value.startswith(DG_IRI))

    def select(query: str, *names: str):
        return [tuple(r[n] for n in names) for r in store.query(query, prefixes=PREFIXES, named_graphs=[onto])]

    def closure(step: str, equivalent: str) -> dict:
        table: dict = {}
        for sub, sup in select(_SUPER % (step, equivalent, equivalent), "sub", "sup"):
            if keep(sup):
                table.setdefault(sub, []).append(sup)
        return table

    inverses: dict = {}
    for p, q in select(_INVERSES, "p", "q"):
        if keep(q):
            inverses.setdefault(p, []).append(q)
    chains = [(p, p1, p2) for p, p1, p2 in select(_CHAINS, "p", "p1", "p2") if keep(p)]
    return RuleTable(closure("rdfs:subClassOf", "equivalentClass"),
                     closure("rdfs:subPropertyOf", "equivalentProperty"), inverses, chains)


# -- helpers for small graphs ----------------------------------------------------

def load_ontology_into(store: ox.Store, graph: str = ONTOLOGY_GRAPH, directory: Path | None = None) -> int:
    """Replace `graph` with ontology/*.ttl; a syntax error becomes 'file:line: reason'."""
    folder = directory or project_root() / "ontology"
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise DiplographError(f"{folder}: no .ttl files found")
    quads = []
    g = ox.NamedNode(graph)
    for path in files:
        try:
            quads.extend(ox.Quad(t.subject, t.predicate, t.object, g)
                         for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except SyntaxError as e:
            raise DiplographError(f"{path}:{e.lineno}: malformed Turtle: {e.msg}") from None
        except OSError as e:
            raise DiplographError(f"{path}: cannot read: {e}") from None
    if store.contains_named_graph(g):
        store.remove_graph(g)
    store.extend(quads)
    store.add_graph(g)
    return len(quads)


def _to_ox(graph: rdflib.Graph) -> list[ox.Triple]:
    nt = graph.serialize(format="nt", encoding="utf-8")
    return list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))


def materialise_graph(data: rdflib.Graph, ontology: rdflib.Graph | None = None,
                      *, dg_only: bool = True) -> rdflib.Graph:
    """Inferred triples for a small rdflib graph (tests, validation of one document)."""
    store = ox.Store()
    onto = ox.NamedNode(ONTOLOGY_GRAPH)
    if ontology is None:
        load_ontology_into(store)
    else:
        store.extend(ox.Quad(t.subject, t.predicate, t.object, onto) for t in _to_ox(ontology))
        store.add_graph(onto)
    data_graph = ox.NamedNode(GRAPH_IRI + "data")
    store.extend(ox.Quad(t.subject, t.predicate, t.object, data_graph) for t in _to_ox(data))
    materialise(store, ONTOLOGY_GRAPH, [data_graph.value], INFERRED_GRAPH, dg_only=dg_only)
    out = rdflib.Graph()
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))]
    if triples:
        out.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return out


__all__ = ["RULES", "RuleTable", "materialise", "materialise_graph", "load_ontology_into", "rule_table",
           "ontology_fingerprint"]
