"""The only module that spells namespace IRIs; everything else imports from here."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, VOID

BASE = "https://w3id.org/diplograph/"
DG_IRI = BASE + "ontology#"
ID_IRI = BASE + "id/"
GRAPH_IRI = BASE + "graph/"
SHAPES_IRI = BASE + "shapes#"  # SHACL shapes (shapes/*.ttl), so results name their source shape

DG = Namespace(DG_IRI)
ID = Namespace(ID_IRI)
GRAPH = Namespace(GRAPH_IRI)
DGSH = Namespace(SHAPES_IRI)
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
VANN = Namespace("http://purl.org/vocab/vann/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
GEONAMES = Namespace("https://sws.geonames.org/")
CAMEO = Namespace(BASE + "cameo/")
PLOVER = Namespace(BASE + "plover/")

# Well-known named graphs inside the store.
ONTOLOGY_GRAPH = GRAPH_IRI + "ontology"
REFERENCE_GRAPH = GRAPH_IRI + "reference"
INFERRED_GRAPH = GRAPH_IRI + "inferred"
CURATION_GRAPH = GRAPH_IRI + "curation"

PREFIXES: dict[str, str] = {
    "dg": DG_IRI,
    "dgsh": SHAPES_IRI,
    "id": ID_IRI,
    "graph": GRAPH_IRI,  # stored queries prefer curated values: GRAPH graph:curation { ... }
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "dcat": str(DCAT),
    "void": str(VOID),
    "sh": str(SH),
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "org": str(ORG),
    "vann": str(VANN),
    "wd": str(WD),
    "wdt": str(WDT),
}


def sparql_prefixes() -> str:
    """PREFIX lines for every known namespace, prepended to stored queries."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


__all__ = [
    "BASE", "DG", "ID", "GRAPH", "SH", "SCHEMA", "SEM", "ORG", "VANN", "WD", "WDT", "GEONAMES",
    "CAMEO", "PLOVER", "DGSH", "SHAPES_IRI", "DCAT", "DCTERMS", "FOAF", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
    "VOID", "ONTOLOGY_GRAPH", "REFERENCE_GRAPH", "INFERRED_GRAPH", "CURATION_GRAPH", "PREFIXES",
    "sparql_prefixes", "DG_IRI", "ID_IRI", "GRAPH_IRI",
]
