"""The SPARQL rule materialisation and the compiled rules (RuleTable) agree with each other and
with owlrl's OWL RL closure on small graphs and on the founding document."""

from __future__ import annotations

import owlrl
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS

from diplograph.errors import DiplographError
from diplograph.namespaces import DG, DG_IRI, GRAPH_IRI, ID, INFERRED_GRAPH, ONTOLOGY_GRAPH
from diplograph.reasoning import _to_ox, load_ontology_into, materialise, materialise_graph, rule_table
from diplograph.validation import load_ontology

STATES = [ID["state/aze"], ID["state/tur"], ID["state/arm"]]
PEOPLE = [ID["person/jane-roe"], ID["person/john-doe"]]
BODIES = [ID["body/aze-ministry-of-defense"]]
ACTS = [ID["act/a1"], ID["act/a2"]]
ACT_CLASSES = [DG.OfficialVisit, DG.Meeting, DG.PhoneCall, DG.MilitaryExercise, DG.Agreement, DG.Statement]
ROLES = [DG.participant, DG.visitor, DG.host, DG.initiator, DG.speaker]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_ontology()


def owlrl_expected(data: rdflib.Graph, ontology: rdflib.Graph) -> set:
    """owlrl's closure, restricted to what the rules cover, plus the one project (non-OWL) rule.

    Domains and ranges are removed first: the rules leave them out on purpose.
    """
    g = rdflib.Graph()
    for t in ontology:
        if t[1] not in (RDFS.domain, RDFS.range):
            g.add(t)
    for t in data:
        g.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    closure = {t for t in g if _covered(t)}
    # participant-state: a dg:participant s, s a dg:State -> a dg:involvesState s. Nothing else
    # follows from involvesState, so one pass over the OWL closure completes it.
    closure |= {(a, DG.involvesState, s) for a, s in g.subject_objects(DG.participant)
                if (s, RDF.type, DG.State) in g}
    return closure - set(data)


def _covered(t) -> bool:
    s, p, o = t
    if not str(s).startswith(str(ID)):
        return False  # ontology terms and owlrl's axiomatic triples are not materialised
    if p == RDF.type:
        return str(o).startswith(DG_IRI)
    return str(p).startswith(DG_IRI)


def test_chain_and_inverse_on_a_visit(ontology):
    g = rdflib.Graph()
    act, person, state = ACTS[0], PEOPLE[0], STATES[0]
    g.add((act, RDF.type, DG.OfficialVisit))
    g.add((act, DG.visitor, person))
    g.add((person, RDF.type, DG.Official))
    g.add((person, DG.actsFor, state))
    g.add((act, DG.host, STATES[1]))
    g.add((STATES[1], RDF.type, DG.State))
    inferred = set(materialise_graph(g, ontology))
    expected = {
        (act, RDF.type, DG.DiplomaticAct),
        (act, DG.participant, person),             # visitor subPropertyOf participant
        (act, DG.participant, STATES[1]),          # host subPropertyOf participant
        (act, DG.involvesState, state),            # chain participant / actsFor
        (act, DG.involvesState, STATES[1]),        # participant that is a State
        (person, DG.participatesIn, act),          # inverse of participant
        (STATES[1], DG.participatesIn, act),
        (state, DG.hasAgent, person),              # inverse of actsFor
        (person, RDF.type, DG.Actor),
        (STATES[1], RDF.type, DG.Actor),
        (STATES[1], RDF.type, DG.Place),           # a state is also a place
    }
    assert inferred == expected
    assert inferred == owlrl_expected(g, ontology)


def test_about_implies_involves_state(ontology):
    g = rdflib.Graph()
    g.add((ACTS[0], RDF.type, DG.Statement))
    g.add((ACTS[0], DG.about, STATES[2]))
    inferred = set(materialise_graph(g, ontology))
    assert (ACTS[0], DG.involvesState, STATES[2]) in inferred
    assert inferred == owlrl_expected(g, ontology)


def test_holds_and_held_by_are_completed_both_ways(ontology):
    g = rdflib.Graph()
    tenure = ID["tenure/jane-roe--aze-minister-of-defense"]
    g.add((PEOPLE[0], DG.holds, tenure))
    g.add((ID["tenure/x"], DG.heldBy, PEOPLE[1]))
    inferred = set(materialise_graph(g, ontology))
    assert (tenure, DG.heldBy, PEOPLE[0]) in inferred
    assert (PEOPLE[1], DG.holds, ID["tenure/x"]) in inferred
    assert inferred == owlrl_expected(g, ontology)


def test_asserted_triples_are_not_repeated_and_literals_do_not_invert(ontology):
    g = rdflib.Graph()
    g.add((ACTS[0], RDF.type, DG.Meeting))
    g.add((ACTS[0], RDF.type, DG.DiplomaticAct))
    g.add((ACTS[0], DG.confidence, rdflib.Literal("0.5", datatype=rdflib.XSD.decimal)))
    assert set(materialise_graph(g, ontology)) == set()


def test_alignment_conclusions_only_on_request(ontology):
    g = rdflib.Graph()
    g.add((PEOPLE[0], RDF.type, DG.Official))
    dg_only = set(materialise_graph(g, ontology))
    everything = set(materialise_graph(g, ontology, dg_only=False))
    assert dg_only == {(PEOPLE[0], RDF.type, DG.Actor)}
    foaf_person = rdflib.URIRef("http://xmlns.com/foaf/0.1/Person")
    assert (PEOPLE[0], RDF.type, foaf_person) in everything
    assert dg_only < everything


graph_triples = st.one_of(
    st.tuples(st.sampled_from(ACTS), st.just(RDF.type), st.sampled_from(ACT_CLASSES)),
    st.tuples(st.sampled_from(ACTS), st.sampled_from(ROLES), st.sampled_from(STATES + PEOPLE + BODIES)),
    st.tuples(st.sampled_from(ACTS), st.sampled_from([DG.about, DG.involvesState]), st.sampled_from(STATES)),
    st.tuples(st.sampled_from(PEOPLE + BODIES), st.just(DG.actsFor), st.sampled_from(STATES)),
    st.tuples(st.sampled_from(STATES), st.just(DG.hasAgent), st.sampled_from(PEOPLE)),
    st.tuples(st.sampled_from(STATES), st.just(RDF.type), st.just(DG.State)),
    st.tuples(st.sampled_from(PEOPLE), st.just(RDF.type), st.just(DG.Official)),
    st.tuples(st.sampled_from(PEOPLE), st.just(DG.participatesIn), st.sampled_from(ACTS)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(graph_triples, min_size=1, max_size=12))
def test_rules_agree_with_owlrl_on_random_graphs(ontology, triples):
    g = rdflib.Graph()
    for t in triples:
        g.add(t)
    assert set(materialise_graph(g, ontology)) == owlrl_expected(g, ontology)


# -- the store-level API -----------------------------------------------------------

@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    load_ontology_into(s)
    return s


def _add(store: ox.Store, graph: str, triples) -> None:
    store.extend(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), ox.NamedNode(str(o)), ox.NamedNode(graph))
                 for s, p, o in triples)


def test_materialise_counts_writes_and_recomputes(store):
    doc = GRAPH_IRI + "doc-1"
    _add(store, doc, [(ACTS[0], RDF.type, DG.PhoneCall), (ACTS[0], DG.initiator, PEOPLE[0]),
                      (PEOPLE[0], DG.actsFor, STATES[0])])
    n = materialise(store, ONTOLOGY_GRAPH, None, INFERRED_GRAPH)
    inferred = {(q.subject.value, q.predicate.value, q.object.value)
                for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))}
    # DiplomaticAct type, participant, participatesIn, involvesState (chain), hasAgent.
    assert n == len(inferred) == 5
    assert (str(ACTS[0]), str(DG.involvesState), str(STATES[0])) in inferred
    assert not any(g.value.startswith(GRAPH_IRI + "staging/") for g in store.named_graphs())
    # Recomputing replaces the graph: removing the source removes its conclusions.
    store.remove_graph(ox.NamedNode(doc))
    assert materialise(store, ONTOLOGY_GRAPH, None, INFERRED_GRAPH) == 0
    assert store.contains_named_graph(ox.NamedNode(INFERRED_GRAPH))
    assert not list(store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH)))


def test_materialise_only_reads_the_given_graphs(store):
    _add(store, GRAPH_IRI + "doc-1", [(ACTS[0], DG.speaker, STATES[0])])
    _add(store, GRAPH_IRI + "doc-2", [(ACTS[1], DG.speaker, STATES[1])])
    materialise(store, ONTOLOGY_GRAPH, [GRAPH_IRI + "doc-1"], INFERRED_GRAPH)
    subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))}
    assert str(ACTS[1]) not in subjects and str(ACTS[0]) in subjects


def test_materialise_needs_the_ontology():
    with pytest.raises(DiplographError, match="ontology graph"):
        materialise(ox.Store(), ONTOLOGY_GRAPH, None, INFERRED_GRAPH)


def test_three_step_chain_is_refused(store):
    ex = "http://example.org/"
    store.update(f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{ex}p> <http://www.w3.org/2002/07/owl#propertyChainAxiom> "
                 f"( <{ex}a> <{ex}b> <{ex}c> ) }} }}")
    with pytest.raises(DiplographError, match="two steps"):
        materialise(store, ONTOLOGY_GRAPH, None, INFERRED_GRAPH)


def test_malformed_ontology_file_gives_file_and_line(tmp_path):
    (tmp_path / "broken.ttl").write_text("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a foo:b ex:c .\n")
    with pytest.raises(DiplographError, match=r"broken\.ttl:3: malformed Turtle"):
        load_ontology_into(ox.Store(), directory=tmp_path)


def test_union_and_explicit_graph_lists_agree(store):
    _add(store, GRAPH_IRI + "doc-1", [(ACTS[0], RDF.type, DG.Meeting), (ACTS[0], DG.participant, PEOPLE[0])])
    _add(store, GRAPH_IRI + "doc-2", [(PEOPLE[0], DG.actsFor, STATES[0]), (STATES[0], RDF.type, DG.State)])

    def inferred():
        return {q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))}

    n_union = materialise(store, ONTOLOGY_GRAPH, None, INFERRED_GRAPH)
    union = inferred()
    n_list = materialise(store, ONTOLOGY_GRAPH, [GRAPH_IRI + "doc-1", GRAPH_IRI + "doc-2"], INFERRED_GRAPH)
    assert n_union == n_list == len(union) > 0
    assert inferred() == union
    assert ox.Triple(ox.NamedNode(str(ACTS[0])), ox.NamedNode(str(DG.involvesState)),
                     ox.NamedNode(str(STATES[0]))) in union


# -- the compiled rules (RuleTable), used per document by the pipeline ------------------

def _rdflib(triples) -> set:
    if not triples:
        return set()
    nt = ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return set(rdflib.Graph().parse(data=nt, format="nt"))


def compiled(data: rdflib.Graph, ontology: rdflib.Graph, *, dg_only: bool = True) -> set:
    """The Python path's conclusions for an rdflib graph, as rdflib triples."""
    s = ox.Store()
    onto = ox.NamedNode(ONTOLOGY_GRAPH)
    s.extend(ox.Quad(t.subject, t.predicate, t.object, onto) for t in _to_ox(ontology))
    table = rule_table(s, dg_only=dg_only)
    return _rdflib(table.infer((t.subject, t.predicate, t.object) for t in _to_ox(data)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(graph_triples, min_size=1, max_size=16))
def test_compiled_rules_agree_with_sparql_and_owlrl(ontology, triples):
    g = rdflib.Graph()
    for t in triples:
        g.add(t)
    expected = owlrl_expected(g, ontology)
    assert compiled(g, ontology) == set(materialise_graph(g, ontology)) == expected


def test_compiled_rules_keep_every_vocabulary_on_request(ontology):
    g = rdflib.Graph()
    g.add((ACTS[0], RDF.type, DG.OfficialVisit))
    g.add((ACTS[0], DG.visitor, PEOPLE[0]))
    g.add((PEOPLE[0], DG.holds, ID["tenure/t"]))
    g.add((ID["tenure/t"], DG.post, ID["post/p"]))
    everything = compiled(g, ontology, dg_only=False)
    assert everything == set(materialise_graph(g, ontology, dg_only=False))
    # org:holds is a chain holds/post outside dg:, so only the full vocabulary has it.
    org_holds = rdflib.URIRef("http://www.w3.org/ns/org#holds")
    assert (PEOPLE[0], org_holds, ID["post/p"]) in everything
    assert (PEOPLE[0], org_holds, ID["post/p"]) not in compiled(g, ontology)


def test_rule_table_follows_the_ontology_graph(store):
    act, cls = ox.NamedNode(str(ACTS[0])), ox.NamedNode(DG_IRI + "Summit")
    data = [(act, ox.NamedNode(str(RDF.type)), cls)]
    assert rule_table(store).infer(data) == set()
    # A new axiom changes the fingerprint, so the cached table is not reused.
    store.add(ox.Quad(cls, ox.NamedNode(str(RDFS.subClassOf)), ox.NamedNode(str(DG.Meeting)),
                      ox.NamedNode(ONTOLOGY_GRAPH)))
    types = {t[2].value for t in rule_table(store).infer(data)}
    assert types == {str(DG.Meeting), str(DG.DiplomaticAct)}


def test_rule_table_refuses_what_materialise_refuses(store):
    with pytest.raises(DiplographError, match="ontology graph"):
        rule_table(ox.Store())
    ex = "http://example.org/"
    store.update(f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{ex}p> <http://www.w3.org/2002/07/owl#propertyChainAxiom> "
                 f"( <{ex}a> <{ex}b> <{ex}c> ) }} }}")
    with pytest.raises(DiplographError, match="two steps"):
        rule_table(store)


# The slice the pipeline's reasoning used to stage as a graph: the reference oracle below.
_SLICE = """
CONSTRUCT { ?x ?p ?o . ?o ?p2 ?o2 } WHERE {
  { SELECT DISTINCT ?x WHERE { GRAPH ?doc { { ?s ?q ?x } UNION { ?x ?q ?s } } } }
  ?x ?p ?o OPTIONAL { ?o ?p2 ?o2 }
}"""


def test_founding_document_inferences_equal_materialise(tmp_path, base_graphs):
    """pipeline.ingest (compiled rules over the document and its context slice) writes exactly
    what the SPARQL rules derive over the document plus the same slice staged as a graph."""
    from diplograph import pipeline
    from diplograph.namespaces import CURATION_GRAPH, PREFIXES, REFERENCE_GRAPH
    from diplograph.paths import DOCUMENTS_DIR
    from diplograph.store import Store

    with Store(tmp_path / "s") as s:
        s.replace_graphs(base_graphs)
        [ex] = pipeline.ingest(s, [DOCUMENTS_DIR / "avim-2025-37.txt"])
        doc = pipeline.model.document_graph(ex)
        written = {q.triple for q in s.quads(pipeline.inferred_graph(doc))}
        context = [ox.NamedNode(g) for g in (REFERENCE_GRAPH, pipeline.REFERENCE_INFERRED, CURATION_GRAPH)
                   if s.has_graph(g)]
        sliced = ox.NamedNode(GRAPH_IRI + "test-slice")
        s.db.extend(ox.Quad(t.subject, t.predicate, t.object, sliced) for t in s.db.query(
            _SLICE, prefixes=PREFIXES, default_graph=context, named_graphs=[ox.NamedNode(doc)]))
        target = GRAPH_IRI + "test-inferred"
        n = materialise(s.db, ONTOLOGY_GRAPH, [doc, sliced.value], target)
        assert written == {q.triple for q in s.quads(target)}
        assert n == len(written) > 50
        # Recomputing from the stored document writes the same graph again.
        assert pipeline.reason_documents(s, [doc]) == n
        assert {q.triple for q in s.quads(pipeline.inferred_graph(doc))} == written
