"""VoID + DCAT description and the ontology documentation."""

from __future__ import annotations

import datetime as dt
import html
import html.parser

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCAT, DCTERMS, VOID

from diplograph import dataset, docs, export
from diplograph.namespaces import DG, DG_IRI, ONTOLOGY_GRAPH

D = rdflib.URIRef(dataset.DATASET)


def void_graph(store, files=None) -> rdflib.Graph:
    data = ox.serialize([ox.Triple(*t) for t in dataset.void_triples(store, files, dt.date(2025, 6, 1))],
                        format=ox.RdfFormat.TURTLE)
    return rdflib.Graph().parse(data=data, format="turtle")


def test_void_counts_match_the_export(sample_store):
    g = void_graph(sample_store)
    union = {q.triple for q in export.quads(sample_store)}
    assert int(g.value(D, VOID.triples)) == len(union)
    assert int(g.value(D, VOID.properties)) == len({t.predicate for t in union})
    assert int(g.value(D, VOID.distinctSubjects)) == len({t.subject for t in union})
    parts = {g.value(p, VOID["class"]): int(g.value(p, VOID.entities)) for p in g.objects(D, VOID.classPartition)}
    assert parts[rdflib.URIRef(DG.OfficialVisit)] == 3
    assert parts[rdflib.URIRef(DG.State)] == 196
    graphs = {str(g.value(s, rdflib.RDFS.label)): int(g.value(s, VOID.triples))
              for s in g.objects(D, VOID.subset) if (s, rdflib.RDF.type, VOID.Linkset) not in g}
    assert graphs[ONTOLOGY_GRAPH] == sum(1 for _ in sample_store.quads(ONTOLOGY_GRAPH))


def test_void_describes_licence_version_date_sources_and_linksets(sample_store):
    g = void_graph(sample_store)
    assert (D, rdflib.RDF.type, DCAT.Dataset) in g and (D, rdflib.RDF.type, VOID.Dataset) in g
    assert str(g.value(D, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"
    assert str(g.value(D, DCTERMS.modified)) == "2025-06-01"
    assert g.value(D, rdflib.URIRef(str(DCAT) + "version")) is not None
    assert "AVIM Commentary No: 2025 / 37" in {str(o) for o in g.objects(D, DCTERMS.source)}
    linksets = {str(g.value(s, VOID.objectsTarget)): int(g.value(s, VOID.triples))
                for s in g.subjects(rdflib.RDF.type, VOID.Linkset)}
    wd_links = {(r["s"].value, r["o"].value) for r in sample_store.query(
        "SELECT ?s ?o WHERE { ?s owl:sameAs ?o FILTER STRSTARTS(STR(?o), STR(wd:)) }")}
    assert linksets["http://www.wikidata.org/entity/"] == len(wd_links) >= 196


def test_void_lists_distributions_with_sizes(sample_store, tmp_path):
    f = export.export(sample_store, "ttl", tmp_path / "graph.ttl")
    g = void_graph(sample_store, [f])
    dist = g.value(D, DCAT.distribution)
    assert int(g.value(dist, DCAT.byteSize)) == f.stat().st_size
    assert str(g.value(dist, DCAT.mediaType)).endswith("text/turtle")


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.srcs = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("script", "link", "img"):
            self.srcs.append(a.get("src") or a.get("href"))


def test_docs_have_a_section_per_term_with_its_definition(sample_store, tmp_path):
    written = docs.write_docs(sample_store, tmp_path / "docs")
    page = (tmp_path / "docs" / "index.html").read_text(encoding="utf-8")
    p = _Collector()
    p.feed(page)
    terms = {r["t"].value[len(DG_IRI):]: r["d"].value for r in sample_store.query(
        "SELECT ?t ?d ?g WHERE { GRAPH ?g { ?t skos:definition ?d FILTER STRSTARTS(STR(?t), STR(dg:)) } }",
        {"g": ox.NamedNode(ONTOLOGY_GRAPH)}, union=False)}
    assert {"State", "Official", "OfficialVisit", "involvesState", "Happened"} <= set(terms)
    assert set(terms) <= p.ids
    for definition in terms.values():
        assert html.escape(definition) in page
    assert p.srcs == []  # self-contained: no remote scripts, styles or images
    ttl = rdflib.Graph().parse(tmp_path / "docs" / "ontology.ttl", format="turtle")
    assert len(ttl) == sum(1 for _ in sample_store.quads(ONTOLOGY_GRAPH))
    assert len(written) == 2
