"""The only module that spells namespace IRIs; everything else imports from here."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, VOID

BASE = "https://w3id.org/diplograph/"
DG_IRI = BASE + "ontology#"
ID_IRI = BASE + "id/"
GRAPH_IRI = BASE + "graph/"
SHAPES_IRI = BASE + "shapes#"  # SHACL shapes (shapes/*.ttl), so results name their source shape


class _Namespace(Namespace):
    """A Namespace whose terms are built once: building a document's graph looks up the same few
    dozen terms for every act, and rdflib builds and validates a URIRef on each lookup. A term
    is kept as an instance attribute, so later `DG.Act` lookups never reach __getattr__."""

    def term(self, name: str):
        t = super().term(name)
        if name.isidentifier() and not hasattr(str, name) and len(self.__dict__) < 5_000:
            self.__dict__[name] = t      # bounded: instance ids (GeoNames, Wikidata) pass through too
        return t


DG = _Namespace(DG_IRI)
ID = _Namespace(ID_IRI)
GRAPH = _Namespace(GRAPH_IRI)
DGSH = _Namespace(SHAPES_IRI)
SH = _Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = _Namespace("https://schema.org/")
SEM = _Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = _Namespace("http://www.w3.org/ns/org#")
VANN = _Namespace("http://purl.org/vocab/vann/")
WD = _Namespace("http://www.wikidata.org/entity/")
WDT = _Namespace("http://www.wikidata.org/prop/direct/")
GEONAMES = _Namespace("https://sws.geonames.org/")
CAMEO = _Namespace(BASE + "cameo/")
PLOVER = _Namespace(BASE + "plover/")

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
