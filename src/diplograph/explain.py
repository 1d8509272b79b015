"""Why the graph says what it says about one act: values, evidence, rule, confidence, curation.

The values shown are the effective ones (the `acts` query's row, curation applied); the evidence
is every span with its offsets and document; curation lists each correction with who, when, why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from . import queries
from .errors import DiplographError
from .namespaces import ID_IRI
from .queries import term_text

# Every query projects ?act: pyoxigraph binds parameters only through the SELECT projection.
_ACT = """
SELECT ?act ?type ?label ?rule ?confidence ?retracted WHERE {
  ?act a ?t0 . ?t0 rdfs:subClassOf dg:DiplomaticAct .
  OPTIONAL { GRAPH ?g { ?act a ?type } ?type rdfs:subClassOf dg:DiplomaticAct
             FILTER (?type != dg:DiplomaticAct && ?g != graph:curation) }
  OPTIONAL { ?act rdfs:label ?label }
  OPTIONAL { ?act dg:extractionRule ?rule }
  OPTIONAL { ?act dg:confidence ?confidence }
  OPTIONAL { ?act dg:retracted ?retracted }
}"""

_ROLES = """
SELECT DISTINCT ?act ?role ?who ?name ?code WHERE {
  VALUES ?role { dg:visitor dg:host dg:initiator dg:speaker dg:about dg:participant }
  ?act ?role ?who .
  OPTIONAL { ?who foaf:name|rdfs:label ?name }
  OPTIONAL { ?who dg:isoAlpha3|dg:actsFor/dg:isoAlpha3 ?code }
} ORDER BY ?role ?name"""

_CURATION = """
SELECT ?act ?c ?kind ?curator ?date ?why ?file WHERE {
  GRAPH graph:curation {
    ?c dg:corrects ?act .
    OPTIONAL { ?c dcterms:type ?kind } OPTIONAL { ?c dcterms:creator ?curator }
    OPTIONAL { ?c dcterms:date ?date } OPTIONAL { ?c rdfs:comment ?why } OPTIONAL { ?c dcterms:source ?file }
  }
} ORDER BY ?date ?c"""

# The act's own values, for acts the `acts` query hides (retracted, or source not in the store).
_VALUES = """
SELECT ?act (SAMPLE(?s) AS ?start) (SAMPLE(?e) AS ?end) (SAMPLE(?pr) AS ?precision) (SAMPLE(?st) AS ?status)
       (GROUP_CONCAT(DISTINCT ?code; separator=" ") AS ?states) (SAMPLE(?pl) AS ?place) (SAMPLE(?src) AS ?source)
       (GROUP_CONCAT(DISTINCT ?pn; separator="|") AS ?persons)
WHERE {
  ?act a/rdfs:subClassOf dg:DiplomaticAct .
  OPTIONAL { ?act dg:startDate ?s } OPTIONAL { ?act dg:endDate ?e }
  OPTIONAL { ?act dg:datePrecision/skos:notation ?pr } OPTIONAL { ?act dg:status/skos:notation ?st }
  OPTIONAL { ?act dg:involvesState/dg:isoAlpha3 ?code } OPTIONAL { ?act dg:placeName ?pl }
  OPTIONAL { ?act dg:sourceDocument ?src }
  OPTIONAL { ?act dg:participant ?who . ?who a dg:Official ; foaf:name ?pn }
} GROUP BY ?act"""

_CURATED_VALUES = """
SELECT ?act ?p ?o WHERE { GRAPH graph:curation { ?act ?p ?o } } ORDER BY ?p ?o"""


@dataclass
class Explanation:
    act: str
    types: list[str]
    label: str = ""
    row: dict[str, str] = field(default_factory=dict)     # the effective `acts` row ('' when hidden)
    roles: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[dict[str, str]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    confidence: str = ""
    retracted: bool = False
    corrections: list[dict[str, str]] = field(default_factory=list)
    curated: list[tuple[str, str]] = field(default_factory=list)


def resolve(text: str) -> ox.NamedNode:
    v = text.strip()
    if v.startswith("id:"):
        v = ID_IRI + v[3:]
    if not v.startswith(ID_IRI + "act/") or any(c in v for c in " <>\"{}|\\^`"):
        raise DiplographError(f"not an act IRI: {text!r} (e.g. {ID_IRI}act/2025-05-03-meeting-aze-irn)")
    return ox.NamedNode(v)


def explain(store, act_iri: str) -> Explanation:
    act = resolve(act_iri)
    b = {"act": act}
    rows = list(store.query(_ACT, b))
    if not rows:
        raise DiplographError(f"no act {act.value} in the store (see 'diplograph query acts')")
    ex = Explanation(act.value, sorted({term_text(r["type"]) for r in rows if r["type"]}))
    ex.label = next((r["label"].value for r in rows if r["label"]), "")
    ex.rules = sorted({r["rule"].value for r in rows if r["rule"]})
    ex.confidence = max((r["confidence"].value for r in rows if r["confidence"]), default="")
    ex.retracted = any(r["retracted"] and r["retracted"].value == "true" for r in rows)
    for r in queries.run(store, queries.get("acts")):
        if r["act"] == act:
            ex.row = {v: term_text(r[v]) for v in ("type", "start", "end", "precision", "states", "persons",
                                                  "place", "placeState", "status", "source")}
    if not ex.row:
        for r in store.query(_VALUES, b):
            ex.row = {v: term_text(r[v]) for v in ("start", "end", "precision", "status", "states", "persons",
                                                  "place", "source")}
            ex.row.update(type="", placeState="")
    if ex.row:  # GROUP_CONCAT order is the store's: sort for a stable display
        ex.row["states"] = " ".join(sorted(ex.row["states"].split()))
    roles = store.query(_ROLES, b)
    ex.roles = list(dict.fromkeys((term_text(r["role"]), _who(r)) for r in roles))
    ev = queries.get("act-evidence")
    for r in queries.run(store, ev, {"act": act.value}):
        ex.evidence.append({k: term_text(r[k]) for k in ("text", "startOffset", "endOffset", "docId", "document",
                                                        "source")})
    cur = store.query(_CURATION, b)
    ex.corrections = [{k: term_text(r[k]) for k in ("c", "kind", "curator", "date", "why", "file")} for r in cur]
    vals = store.query(_CURATED_VALUES, b)
    ex.curated = [(term_text(r["p"]), term_text(r["o"])) for r in vals]
    return ex


def _who(r) -> str:
    name = r["name"].value if r["name"] else term_text(r["who"])
    return f"{name} ({r['code'].value})" if r["code"] and r["code"].value != name else name


def render(ex: Explanation) -> str:
    """Plain text for the terminal: one fact per line, evidence quoted with its offsets."""
    row = ex.row
    lines = [f"act         {ex.act}"]
    if ex.label:
        lines.append(f"label       {ex.label}")
    if ex.retracted:
        lines.append("retracted   yes, by curation: hidden from every query")
    shown = row.get("type") or ", ".join(ex.types) or "-"
    lines.append(f"type        {shown}" + (f"   (extracted: {', '.join(ex.types) or 'none, added by curation'})"
                                          if ex.types != [shown] else ""))
    if row:
        when = row["start"] + (f" .. {row['end']}" if row["end"] and row["end"] != row["start"] else "")
        lines.append(f"dates       {when or 'undated'}" + (f"   precision {row['precision']}" if row["precision"] else ""))
        lines.append(f"status      {row['status']}")
        lines.append(f"states      {row['states'] or '-'}")
        lines.append(f"persons     {row['persons'].replace('|', ', ') if row['persons'] else '-'}")
        if row["place"] or row["placeState"]:
            lines.append(f"place       {row['place'] or '-'}" + (f" ({row['placeState']})" if row["placeState"] else ""))
        lines.append(f"source      {row['source']}")
    for role, who in ex.roles:
        if role != "dg:participant":
            lines.append(f"{role[3:]:11} {who}")
    lines.append(f"rule        {' + '.join(ex.rules) or '-'}")
    lines.append(f"confidence  {ex.confidence or '-'}")
    lines.append(f"evidence    {len(ex.evidence)} span(s)")
    for e in ex.evidence:
        quote = " ".join(e["text"].split())
        lines.append(f"  [{e['startOffset']}:{e['endOffset']}] {e['docId'] or e['document']}: \u201c{quote}\u201d")
    if ex.corrections:
        lines.append(f"curation    {len(ex.corrections)} correction(s)")
        for c in ex.corrections:
            lines.append(f"  {c['kind']} by {c['curator']} on {c['date']} ({c['file']}): {c['why']}")
        if any(c["kind"] == "add" for c in ex.corrections):
            lines.append("  the whole act comes from curation")
        else:
            for p, o in ex.curated:
                lines.append(f"  curated value  {p} {o}")
    else:
        lines.append("curation    none")
    return "\n".join(lines)


__all__ = ["explain", "render", "resolve", "Explanation"]
