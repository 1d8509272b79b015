"""The act table: one row per act in the column conventions of event data (ICEWS / PLOVER).

Analysts load it in pandas or R. CAMEO and PLOVER codes are not written here: they are read
from the ontology's class mappings (ontology/cameo-plover.ttl) so the table follows the ontology.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from typing import IO

import pyoxigraph as ox

COLUMNS = ("event_id", "event_date", "end_date", "date_precision", "event_type", "cameo_code",
           "plover_category", "plover_mode", "plover_context", "actor1_iso3", "actor2_iso3",
           "states_iso3", "persons", "place", "place_country_iso3", "status", "confidence",
           "source_document", "source_url", "evidence")

# Most specific act class = a direct subclass of dg:DiplomaticAct (they are pairwise disjoint).
ACTS = """
SELECT ?act ?type ?start ?end ?precision ?status ?confidence ?doc ?url ?place ?placeCountry
WHERE {
  ?type rdfs:subClassOf dg:DiplomaticAct . FILTER (?type != dg:DiplomaticAct)
  ?act a ?type .
  OPTIONAL { ?act dg:startDate ?start }
  OPTIONAL { ?act dg:endDate ?end }
  OPTIONAL { ?act dg:datePrecision/skos:notation ?precision }
  OPTIONAL { ?act dg:status/skos:notation ?status }
  OPTIONAL { ?act dg:confidence ?confidence }
  OPTIONAL { ?act dg:sourceDocument ?doc OPTIONAL { ?doc dcterms:source ?url } }
  OPTIONAL { ?act dg:placeName ?place }
  OPTIONAL { ?act dg:location ?loc
             OPTIONAL { ?loc dg:isoAlpha3 ?c1 } OPTIONAL { ?loc dg:locatedIn/dg:isoAlpha3 ?c2 }
             BIND (COALESCE(?c1, ?c2) AS ?placeCountry) }
}
"""

# Every actor role of every act, resolved to an ISO code (a state, or whom an actor acts for).
ROLES = """
SELECT ?act ?role ?code ?name
WHERE {
  VALUES ?role { dg:visitor dg:host dg:speaker dg:initiator dg:about dg:involvesState dg:participant }
  ?act ?role ?who .
  ?act a/rdfs:subClassOf dg:DiplomaticAct .
  OPTIONAL { ?who dg:isoAlpha3 ?c1 }
  OPTIONAL { ?who dg:actsFor/dg:isoAlpha3 ?c2 }
  BIND (COALESCE(?c1, ?c2) AS ?code)
  OPTIONAL { ?who a dg:Official ; foaf:name ?name }
}
"""

EVIDENCE = "SELECT ?act ?text WHERE { ?act a/rdfs:subClassOf dg:DiplomaticAct ; dg:evidence/dg:spanText ?text }"

CODES = """
SELECT ?class ?kind ?notation
WHERE {
  VALUES ?kind { dg:cameoCode dg:ploverCategory dg:ploverMode dg:ploverContext }
  ?class ?kind ?concept . ?concept skos:notation ?notation .
}
"""


def _v(term) -> str:
    return "" if term is None else term.value


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def class_codes(store) -> dict[str, dict[str, list[str]]]:
    """{act class IRI: {"cameoCode": [...], "ploverCategory": [...], ...}} from the ontology."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in store.query(CODES):
        vals = out[r["class"].value][_local(r["kind"].value)]
        if r["notation"].value not in vals:
            vals.append(r["notation"].value)
    return out


def rows(store, graph: str | None = None) -> list[dict[str, str]]:
    acts: dict[str, dict[str, str]] = {}
    for r in store.query(ACTS):
        a = r["act"].value
        if a in acts:  # several dates or sources: keep the first, stable order below
            continue
        acts[a] = {"event_id": a, "event_type": _local(r["type"].value), "_type": r["type"].value,
                   "event_date": _v(r["start"]), "end_date": _v(r["end"]),
                   "date_precision": _v(r["precision"]), "status": _v(r["status"]),
                   "confidence": _v(r["confidence"]), "source_document": _v(r["doc"]),
                   "source_url": _v(r["url"]), "place": _v(r["place"]),
                   "place_country_iso3": _v(r["placeCountry"])}
    if graph is not None:
        typed = {q.subject.value for q in ox_quads(store, graph)}
        acts = {a: row for a, row in acts.items() if a in typed}
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    persons: dict[str, set[str]] = defaultdict(set)
    for r in store.query(ROLES):
        a, role = r["act"].value, _local(r["role"].value)
        if r["code"] is not None:
            roles[a][role].add(r["code"].value)
        if r["name"] is not None:
            persons[a].add(r["name"].value)
    evidence: dict[str, list[str]] = defaultdict(list)
    for r in store.query(EVIDENCE):
        if r["text"].value not in evidence[r["act"].value]:
            evidence[r["act"].value].append(r["text"].value)
    codes = class_codes(store)
    out = []
    for a, row in acts.items():
        rl = roles[a]
        states = sorted(rl["involvesState"] | rl["participant"] | rl["visitor"] | rl["host"]
                        | rl["speaker"] | rl["about"] | rl["initiator"])
        actor1 = sorted(rl["visitor"] | rl["speaker"] | rl["initiator"])
        actor2 = sorted((rl["host"] | rl["about"]) - set(actor1))
        if not actor1:
            actor1 = [s for s in states if s not in actor2][:1]
        if not actor2:
            actor2 = [s for s in states if s not in actor1][:1]
        c = codes.get(row.pop("_type"), {})
        row.update({
            "cameo_code": " ".join(sorted(c.get("cameoCode", []))),
            "plover_category": " ".join(sorted(c.get("ploverCategory", []))),
            "plover_mode": " ".join(sorted(c.get("ploverMode", []))),
            "plover_context": " ".join(sorted(c.get("ploverContext", []))),
            "actor1_iso3": " ".join(actor1), "actor2_iso3": " ".join(actor2),
            "states_iso3": " ".join(states), "persons": "|".join(sorted(persons[a])),
            "evidence": " … ".join(sorted(evidence[a])),
        })
        out.append(row)
    out.sort(key=lambda r: (r["event_date"], r["event_type"], r["event_id"]))
    return out


def ox_quads(store, graph: str):
    from .namespaces import RDF

    return store.db.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None, ox.NamedNode(graph))


def write_csv(store, fh: IO[bytes], graph: str | None = None) -> None:
    text = io.StringIO(newline="")
    w = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows(store, graph):
        w.writerow(r)
    fh.write(text.getvalue().encode("utf-8"))


__all__ = ["COLUMNS", "rows", "write_csv", "class_codes"]
