"""The dataset description: VoID statistics and a DCAT catalogue entry, written to dist/void.ttl.

Counts come from the store by SPARQL, so the description always matches what was exported.
The server publishes the same file at /.well-known/void.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox

from . import __version__, iri
from .namespaces import (BASE, DCAT, DCTERMS, FOAF, GEONAMES, GRAPH_IRI, ID_IRI, ONTOLOGY_GRAPH, OWL, RDF,
                         RDFS, VOID, WD, XSD)

N = ox.NamedNode
DATASET = BASE + "dataset"
CATALOG = BASE + "catalog"
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".nq": "application/n-quads",
               ".trig": "application/trig", ".jsonld": "application/ld+json", ".csv": "text/csv",
               ".rdf": "application/rdf+xml"}
LINK_TARGETS = {"wikidata": str(WD), "geonames": str(GEONAMES)}


def _n(term) -> ox.NamedNode:
    return N(str(term))


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_n(XSD.integer))


def _one(store, sparql: str) -> int:
    rows = list(store.query(sparql))
    return int(rows[0][0].value) if rows and rows[0][0] is not None else 0


def _staging_filter(var: str = "?g") -> str:
    return f'FILTER (!STRSTARTS(STR({var}), "{GRAPH_IRI}staging/"))'


def statistics(store) -> dict:
    """Counts over the union of all named graphs (what graph.nt holds)."""
    f = _staging_filter()
    stats = {
        "triples": _one(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {f} }} }}"),
        "entities": _one(store, f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {f} FILTER (isIRI(?s) && STRSTARTS(STR(?s), "{ID_IRI}")) }}'),
        "distinctSubjects": _one(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {f} }}"),
        "distinctObjects": _one(store, f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {f} }}"),
        "properties": _one(store, f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {f} }}"),
        "classes": _one(store, f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {f} }}"),
    }
    stats["class_partitions"] = [(r["c"].value, int(r["n"].value)) for r in store.query(
        f'SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {f} '
        f'FILTER (isIRI(?c) && STRSTARTS(STR(?s), "{ID_IRI}")) }} GROUP BY ?c ORDER BY ?c')]
    stats["graphs"] = [(r["g"].value, int(r["n"].value)) for r in store.query(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {f} }} GROUP BY ?g ORDER BY ?g")]
    stats["links"] = {}
    for name, ns in LINK_TARGETS.items():
        stats["links"][name] = {p: _one(store, f'SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{p}> ?o }} {f} FILTER STRSTARTS(STR(?o), "{ns}") }} }}')
                                for p in (str(OWL.sameAs), "http://www.w3.org/2004/02/skos/core#exactMatch")}
    stats["sources"] = sorted({r["src"].value for r in store.query(
        "SELECT DISTINCT ?src WHERE { ?d a dg:Document ; dcterms:source ?src }")})
    return stats


def _license(store) -> str:
    rows = list(store.query("SELECT ?l ?g WHERE { GRAPH ?g { ?o a owl:Ontology ; dcterms:license ?l } }",
                            {"g": N(ONTOLOGY_GRAPH)}, union=False))
    return rows[0]["l"].value if rows else DEFAULT_LICENSE


def void_triples(store, files: list[Path] | None = None, today: dt.date | None = None) -> list[tuple]:
    """VoID + DCAT triples describing the dataset and its dist/ files."""
    s = statistics(store)
    today = today or dt.date.today()
    d, t = N(DATASET), []
    add = t.append
    date = ox.Literal(today.isoformat(), datatype=_n(XSD.date))
    add((d, _n(RDF.type), _n(VOID.Dataset)))
    add((d, _n(RDF.type), _n(DCAT.Dataset)))
    add((d, _n(DCTERMS.title), ox.Literal("diplograph knowledge graph", language="en")))
    add((d, _n(DCTERMS.description), ox.Literal(
        "States, officials, posts and diplomatic acts (visits, meetings, phone calls, military exercises, "
        "agreements, statements) extracted from foreign-policy documents, each act tied to the text "
        "span that attests it.", language="en")))
    add((d, _n(DCTERMS.license), N(_license(store))))
    add((d, _n(DCTERMS.modified), date))
    add((d, _n(DCTERMS.issued), date))
    add((d, N(str(DCAT) + "version"), ox.Literal(__version__)))
    add((d, _n(OWL.versionInfo), ox.Literal(__version__)))
    add((d, _n(DCTERMS.publisher), N(BASE)))
    add((N(BASE), _n(RDF.type), _n(FOAF.Organization)))
    add((N(BASE), _n(FOAF.name), ox.Literal("diplograph")))
    for kw in ("diplomacy", "foreign policy", "event data", "CAMEO", "PLOVER"):
        add((d, _n(DCAT.keyword), ox.Literal(kw, language="en")))
    add((d, _n(VOID.uriSpace), ox.Literal(ID_IRI)))
    add((d, _n(VOID.vocabulary), N(BASE + "ontology#")))
    add((d, _n(VOID.sparqlEndpoint), N(BASE + "sparql")))
    add((d, _n(VOID.feature), N("http://www.w3.org/ns/formats/Turtle")))
    for key in ("triples", "entities", "distinctSubjects", "distinctObjects", "properties", "classes"):
        add((d, _n(VOID[key]), _int(s[key])))
    for src in s["sources"]:
        add((d, _n(DCTERMS.source), N(src) if _is_iri(src) else ox.Literal(src)))
    for i, (cls, n) in enumerate(s["class_partitions"]):
        part = N(f"{DATASET}/class/{i}")
        add((d, _n(VOID.classPartition), part))
        add((part, _n(VOID["class"]), N(cls)))
        add((part, _n(VOID.entities), _int(n)))
    for g, n in s["graphs"]:
        sub = N(f"{DATASET}/graph/{iri.slugify(g[len(GRAPH_IRI):] if g.startswith(GRAPH_IRI) else g, 200)}")
        add((d, _n(VOID.subset), sub))
        add((sub, _n(RDF.type), _n(VOID.Dataset)))
        add((sub, _n(RDFS.label), ox.Literal(g)))
        add((sub, _n(VOID.triples), _int(n)))
        add((sub, N("http://www.w3.org/ns/sparql-service-description#name"), N(g)))
    for name, by_prop in s["links"].items():
        for prop, n in by_prop.items():
            if not n:
                continue
            ls = N(f"{DATASET}/links/{name}/{prop.rsplit('#', 1)[-1]}")
            add((d, _n(VOID.subset), ls))
            add((ls, _n(RDF.type), _n(VOID.Linkset)))
            add((ls, _n(VOID.linkPredicate), N(prop)))
            add((ls, _n(VOID.subjectsTarget), d))
            add((ls, _n(VOID.objectsTarget), N(LINK_TARGETS[name])))
            add((ls, _n(VOID.triples), _int(n)))
    for f in files or []:
        f = Path(f)
        if f.suffix not in MEDIA_TYPES or not f.exists():
            continue
        dist = N(f"{DATASET}/distribution/{f.name}")
        add((d, _n(DCAT.distribution), dist))
        add((d, _n(VOID.dataDump), N(BASE + f.name)))
        add((dist, _n(RDF.type), _n(DCAT.Distribution)))
        add((dist, _n(DCTERMS.title), ox.Literal(f.name)))
        add((dist, _n(DCAT.downloadURL), N(BASE + f.name)))
        add((dist, _n(DCAT.mediaType), N("https://www.iana.org/assignments/media-types/" + MEDIA_TYPES[f.suffix])))
        add((dist, _n(DCAT.byteSize), ox.Literal(str(f.stat().st_size), datatype=_n(XSD.nonNegativeInteger))))
    cat = N(CATALOG)
    add((cat, _n(RDF.type), _n(DCAT.Catalog)))
    add((cat, _n(DCTERMS.title), ox.Literal("diplograph data catalogue", language="en")))
    add((cat, _n(DCAT.dataset), d))
    return t


def _is_iri(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def write_void(store, path: Path, files: list[Path] | None = None) -> Path:
    from .export import context_prefixes, write_bytes

    data = ox.serialize([ox.Triple(*t) for t in void_triples(store, files)], format=ox.RdfFormat.TURTLE,
                        prefixes=context_prefixes())
    return write_bytes(path, data)


__all__ = ["statistics", "void_triples", "write_void", "DATASET"]
