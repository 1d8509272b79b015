"""Lint the ontology with SPARQL, the way schema.org lints its vocabulary: it parses, every dg:
term is documented, every referenced term exists, the header is complete, inverses come in
pairs and the axioms stay inside OWL 2 RL."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS

from diplograph.errors import DiplographError
from diplograph.namespaces import CAMEO, DG, DG_IRI, PLOVER, PREFIXES
from diplograph.paths import project_root
from diplograph.validation import load_ontology, load_shapes, ontology_files, parse_turtle

ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/diplograph/ontology")
TERMS_MD = project_root().parent / "notes" / "terms.md"
PREFIX_LINES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return load_ontology()


def ask_rows(g: rdflib.Graph, query: str) -> list:
    return list(g.query(PREFIX_LINES + query))


def dg_terms(g: rdflib.Graph) -> set[rdflib.URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
    return {s for k in kinds for s in g.subjects(RDF.type, k)
            if isinstance(s, rdflib.URIRef) and str(s).startswith(DG_IRI)}


def test_files_exist_and_parse_in_both_parsers():
    names = {p.name for p in ontology_files()}
    assert {"diplograph.ttl", "align-schema.ttl", "align-sem.ttl", "align-org.ttl", "align-prov.ttl",
            "align-foaf.ttl", "cameo-plover.ttl"} <= names
    for path in ontology_files():
        assert len(rdflib.Graph().parse(path)) > 10
        assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) > 10


def test_every_dg_term_has_label_definition_and_defined_by(onto):
    terms = dg_terms(onto)
    assert len(terms) > 60
    for t in terms:
        labels = [o for o in onto.objects(t, RDFS.label) if getattr(o, "language", None) == "en"]
        assert len(labels) == 1, f"{t}: needs exactly one rdfs:label@en"
        defs = [o for o in onto.objects(t, SKOS.definition) if getattr(o, "language", None) == "en"]
        assert len(defs) == 1, f"{t}: needs exactly one skos:definition@en"
        assert str(defs[0]).endswith("."), f"{t}: definition must end with a period"
        assert str(defs[0])[0].isupper(), f"{t}: definition should be a sentence"
        assert (t, RDFS.isDefinedBy, ONTOLOGY_IRI) in onto, f"{t}: rdfs:isDefinedBy missing"


def test_no_undeclared_dg_term_is_used(onto):
    used = {x for t in onto for x in t if isinstance(x, rdflib.URIRef) and str(x).startswith(DG_IRI)}
    assert used - dg_terms(onto) == set()


def test_every_term_of_the_agreed_vocabulary_is_defined(onto):
    if not TERMS_MD.exists():
        pytest.skip("terms.md is kept beside the repository, not in it")
    names = set(re.findall(r"\bdg:([A-Za-z0-9]+)", TERMS_MD.read_text(encoding="utf-8")))
    assert len(names) > 50
    missing = sorted(n for n in names if DG[n] not in dg_terms(onto))
    assert missing == []


def test_every_superclass_and_superproperty_exists(onto):
    rows = ask_rows(onto, """
        SELECT ?s ?super WHERE {
          ?s rdfs:subClassOf|rdfs:subPropertyOf|owl:inverseOf|rdfs:domain|rdfs:range ?super .
          FILTER (isIRI(?super))
          FILTER NOT EXISTS { ?super a ?kind .
            VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdfs:Datatype } }
          FILTER (?super != rdfs:Literal && ?super != rdf:langString && !STRSTARTS(STR(?super), STR(xsd:)))
        }""")
    assert rows == []


def test_chain_members_and_mapping_targets_exist(onto):
    rows = ask_rows(onto, """
        SELECT ?p ?member WHERE { ?p owl:propertyChainAxiom/rdf:rest*/rdf:first ?member .
          FILTER NOT EXISTS { ?member a owl:ObjectProperty } }""")
    assert rows == []
    rows = ask_rows(onto, """
        SELECT ?c ?concept WHERE { ?c dg:cameoCode|dg:ploverCategory|dg:ploverMode|dg:ploverContext ?concept .
          FILTER NOT EXISTS { ?concept a skos:Concept ; skos:prefLabel ?l ; skos:notation ?n ; skos:definition ?d } }""")
    assert rows == []


def test_header(onto):
    h = ONTOLOGY_IRI
    assert (h, RDF.type, OWL.Ontology) in onto
    assert (h, OWL.versionIRI, rdflib.URIRef("https://w3id.org/diplograph/ontology/0.1.0")) in onto
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    vann = rdflib.Namespace("http://purl.org/vocab/vann/")
    for p in (dct.title, dct.description, dct.created, dct.modified):
        assert onto.value(h, p) is not None, p
    assert onto.value(h, dct.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(onto.value(h, vann.preferredNamespacePrefix)) == "dg"
    assert str(onto.value(h, vann.preferredNamespaceUri)) == DG_IRI
    # Each alignment file is its own ontology importing the core.
    for path in ontology_files():
        g = rdflib.Graph().parse(path)
        heads = list(g.subjects(RDF.type, OWL.Ontology))
        assert len(heads) == 1, path.name
        if path.name != "diplograph.ttl":
            assert (heads[0], OWL.imports, h) in g, path.name
            assert g.value(heads[0], dct.license) is not None, path.name


def test_inverses_are_declared_in_pairs(onto):
    pairs = set(onto.subject_objects(OWL.inverseOf))
    assert len(pairs) >= 10
    for a, b in pairs:
        assert (b, OWL.inverseOf, a) in onto, f"{a} inverseOf {b} is not declared on {b}"
    assert (DG.participant, OWL.inverseOf, DG.participatesIn) in onto
    assert (DG.actsFor, OWL.inverseOf, DG.hasAgent) in onto
    assert (DG.capital, OWL.inverseOf, DG.capitalOf) in onto
    assert (DG.evidence, OWL.inverseOf, DG.evidenceFor) in onto
    assert (DG.holds, OWL.inverseOf, DG.heldBy) in onto


def test_key_axioms(onto):
    chain = onto.value(DG.involvesState, OWL.propertyChainAxiom)
    assert list(rdflib.collection.Collection(onto, chain)) == [DG.participant, DG.actsFor]
    assert (DG.about, RDFS.subPropertyOf, DG.involvesState) in onto
    for p in (DG.visitor, DG.host, DG.initiator, DG.speaker):
        assert (p, RDFS.subPropertyOf, DG.participant) in onto
    for p in (DG.status, DG.datePrecision):
        assert (p, RDF.type, OWL.FunctionalProperty) in onto
    acts = [DG.OfficialVisit, DG.Meeting, DG.PhoneCall, DG.MilitaryExercise, DG.Agreement, DG.Statement]
    disjoint = [list(rdflib.collection.Collection(onto, m)) for d in onto.subjects(RDF.type, OWL.AllDisjointClasses)
                for m in onto.objects(d, OWL.members)]
    assert acts in disjoint
    for c in acts:
        assert (c, RDFS.subClassOf, DG.DiplomaticAct) in onto
    notations = {str(onto.value(i, SKOS.notation)) for i in (DG.Happened, DG.Planned, DG.ReportedNotHappened)}
    assert notations == {"happened", "planned", "reported-not-happened"}
    notations = {str(onto.value(i, SKOS.notation)) for i in (DG.DayPrecision, DG.MonthPrecision, DG.YearPrecision)}
    assert notations == {"day", "month", "year"}


def test_act_classes_map_to_cameo_and_plover(onto):
    def codes(c):
        return {str(onto.value(x, SKOS.notation)) for x in onto.objects(c, DG.cameoCode)}
    assert codes(DG.OfficialVisit) == {"042", "043"}
    assert codes(DG.PhoneCall) == {"041"}
    assert {"040", "044", "046"} <= codes(DG.Meeting)
    assert "062" in codes(DG.MilitaryExercise)
    assert codes(DG.Agreement) == {"057"}
    assert {"010", "051", "111", "120", "130"} <= codes(DG.Statement)
    assert (DG.PhoneCall, DG.ploverMode, PLOVER["consult-phone"]) in onto
    assert (DG.OfficialVisit, DG.ploverMode, PLOVER["consult-visit"]) in onto
    assert (DG.MilitaryExercise, DG.ploverContext, PLOVER["context-military"]) in onto
    assert (DG.Agreement, DG.ploverCategory, PLOVER["support"]) in onto
    for concept in set(onto.subjects(RDF.type, SKOS.Concept)):
        assert str(concept).startswith((str(CAMEO), str(PLOVER)))
        assert onto.value(concept, SKOS.inScheme) is not None, concept
        assert str(onto.value(concept, SKOS.definition)).endswith("."), concept


def test_owl2_rl_profile_sanity(onto):
    # Superclass position may not hold unions, existentials, or max cardinality > 1 (OWL 2 RL).
    rows = ask_rows(onto, """
        SELECT ?c ?sup WHERE {
          { ?c rdfs:subClassOf ?sup } UNION { ?p rdfs:domain ?sup } UNION { ?p rdfs:range ?sup }
          ?sup owl:unionOf|owl:someValuesFrom|owl:minCardinality|owl:cardinality|owl:minQualifiedCardinality ?x .
        }""")
    assert rows == []
    rows = ask_rows(onto, """
        SELECT ?r WHERE { ?r owl:maxCardinality|owl:maxQualifiedCardinality ?n . FILTER (?n > 1) }""")
    assert rows == []
    # No constructs outside RL at all.
    for p in (OWL.hasSelf, OWL.hasKey, OWL.disjointUnionOf, OWL.complementOf):
        assert not list(onto.subject_objects(p)), p


def test_malformed_turtle_is_reported_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://e/> .\nex:a ex:b ex:c .\n\nex:a ex:b "no end .\n')
    with pytest.raises(DiplographError, match=r"bad\.ttl:4: malformed Turtle"):
        parse_turtle([bad])
    with pytest.raises(DiplographError, match="no .ttl files"):
        load_shapes(tmp_path / "empty-does-not-exist")
