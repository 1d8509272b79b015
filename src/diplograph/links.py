"""Links to other datasets: reference link files, what stays unlinked, and reconciliation.

Link files (data/reference/*.csv, each row with its source) become owl:sameAs (places,
officials) and skos:exactMatch (posts) triples in the reference graph. `reconcile` proposes
Wikidata links for unlinked officials and places from any SPARQL endpoint that uses Wikidata's
data model (rdfs:label/skos:altLabel, P31, P39 with P580/P582 qualifiers, P17) and scores them;
accepted links go to a curation file, which build loads into the curation graph.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import iri
from .errors import DiplographError
from .namespaces import DG, GEONAMES, OWL, RDF, RDFS, SKOS, WD
from .reference import read_csv

N = ox.NamedNode
QID = re.compile(r"^Q[1-9][0-9]*$")
WIKIDATA = str(WD)


def _n(term) -> ox.NamedNode:
    return N(str(term))


# -- reference link files -----------------------------------------------------------
def link_triples() -> Iterator[tuple]:
    """Triples from data/reference/{places,officials,posts}.csv; malformed ids are an error."""
    for row in read_csv("places.csv"):
        code, name = row.get("alpha3", "").upper(), row.get("name", "")
        if not (code and name):
            continue
        p = N(iri.place(code, name))
        yield p, _n(RDF.type), _n(DG.Place)
        yield p, _n(RDFS.label), ox.Literal(name, language="en")
        yield p, _n(DG.locatedIn), N(iri.state(code))
        if row.get("geonames"):
            if not row["geonames"].isdigit():
                raise DiplographError(f"places.csv: bad GeoNames id {row['geonames']!r} for {name}")
            yield p, _n(OWL.sameAs), N(f"{GEONAMES}{row['geonames']}/")
        if row.get("wikidata"):
            yield p, _n(OWL.sameAs), N(WIKIDATA + _qid(row["wikidata"], "places.csv", name))
    for row in read_csv("officials.csv"):
        if row.get("name") and row.get("wikidata"):
            yield N(iri.person(row["name"])), _n(OWL.sameAs), N(WIKIDATA + _qid(row["wikidata"], "officials.csv", row["name"]))
    for row in read_csv("posts.csv"):
        if row.get("title") and row.get("wikidata"):
            post = N(iri.post(row.get("alpha3", "").upper() or None, row["title"]))
            yield post, _n(SKOS.exactMatch), N(WIKIDATA + _qid(row["wikidata"], "posts.csv", row["title"]))


def _qid(value: str, file: str, what: str) -> str:
    if not QID.match(value):
        raise DiplographError(f"{file}: bad Wikidata id {value!r} for {what} (expected Q followed by digits)")
    return value


# -- what has no link ----------------------------------------------------------------
UNLINKED = {
    "state": ("dg:State", True, False),
    "official": ("dg:Official", True, False),
    "place": ("dg:Place", True, True),
    "post": ("dg:Post", True, False),
    "org": ("dg:InternationalOrganization", True, False),
}

UNLINKED_QUERY = """
SELECT ?entity ?kind (SAMPLE(?l) AS ?label) (MAX(?wd) AS ?hasWikidata) (MAX(?gn) AS ?hasGeonames)
WHERE {
  VALUES (?class ?kind) { (dg:State "state") (dg:Official "official") (dg:Place "place")
                          (dg:Post "post") (dg:InternationalOrganization "org") }
  ?entity a ?class .
  FILTER NOT EXISTS { ?entity a dg:State . FILTER (?class = dg:Place) }
  OPTIONAL { ?entity rdfs:label ?l }
  OPTIONAL { ?entity owl:sameAs|skos:exactMatch ?w FILTER STRSTARTS(STR(?w), STR(wd:)) }
  OPTIONAL { ?entity owl:sameAs ?g FILTER STRSTARTS(STR(?g), "https://sws.geonames.org/") }
  BIND (BOUND(?w) AS ?wd)
  BIND (BOUND(?g) AS ?gn)
}
GROUP BY ?entity ?kind
ORDER BY ?kind ?entity
"""


@dataclass
class Unlinked:
    kind: str
    entity: str
    label: str
    missing: list[str]


def coverage(store) -> tuple[dict[str, tuple[int, int]], list[Unlinked]]:
    """({kind: (linked, total)}, entities lacking a link). Places need Wikidata and GeoNames."""
    totals: dict[str, list[int]] = {}
    missing: list[Unlinked] = []
    for r in store.query(UNLINKED_QUERY):
        kind = r["kind"].value
        has_wd = r["hasWikidata"].value == "true"
        has_gn = r["hasGeonames"].value == "true"
        lack = [] if has_wd else ["wikidata"]
        if kind == "place" and not has_gn:
            lack.append("geonames")
        t = totals.setdefault(kind, [0, 0])
        t[1] += 1
        if not lack:
            t[0] += 1
        else:
            missing.append(Unlinked(kind, r["entity"].value, r["label"].value if r["label"] else "", lack))
    return {k: (v[0], v[1]) for k, v in totals.items()}, missing


# -- reconciliation ------------------------------------------------------------------
OFFICIAL_CANDIDATES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
SELECT ?name ?item ?matched ?type ?position ?positionLabel ?country ?start ?end WHERE {
  VALUES (?name ?label) { %s }
  { ?item rdfs:label ?label BIND ("label" AS ?matched) }
  UNION { ?item skos:altLabel ?label BIND ("alias" AS ?matched) }
  OPTIONAL { ?item wdt:P31 ?type }
  OPTIONAL { ?item p:P39 ?st . ?st ps:P39 ?position .
             OPTIONAL { ?position rdfs:label ?positionLabel FILTER (LANG(?positionLabel) = "en") }
             OPTIONAL { ?position wdt:P17 ?country }
             OPTIONAL { ?st pq:P580 ?start } OPTIONAL { ?st pq:P582 ?end } }
}
"""

PLACE_CANDIDATES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?name ?item ?matched ?type ?country ?geonames WHERE {
  VALUES (?name ?label) { %s }
  { ?item rdfs:label ?label BIND ("label" AS ?matched) }
  UNION { ?item skos:altLabel ?label BIND ("alias" AS ?matched) }
  OPTIONAL { ?item wdt:P31 ?type }
  OPTIONAL { ?item wdt:P17 ?country }
  OPTIONAL { ?item wdt:P1566 ?geonames }
}
"""

# Store side: what we know about each unlinked official and place.
LOCAL_OFFICIALS = """
SELECT ?entity ?name ?stateWd ?postTitle ?date WHERE {
  ?entity a dg:Official ; foaf:name ?name .
  FILTER NOT EXISTS { ?entity owl:sameAs ?w FILTER STRSTARTS(STR(?w), STR(wd:)) }
  OPTIONAL { ?entity dg:actsFor ?s . ?s owl:sameAs ?stateWd FILTER STRSTARTS(STR(?stateWd), STR(wd:)) }
  OPTIONAL { ?entity dg:holds/dg:post/dg:postTitle ?postTitle }
  OPTIONAL { { ?entity dg:holds/dg:attestedOn ?date } UNION { ?act dg:participant ?entity ; dg:startDate ?date } }
}
"""

LOCAL_PLACES = """
SELECT ?entity ?name ?stateWd ?geonames WHERE {
  ?entity a dg:Place ; rdfs:label ?name .
  FILTER NOT EXISTS { ?entity a dg:State }
  FILTER NOT EXISTS { ?entity owl:sameAs ?w FILTER STRSTARTS(STR(?w), STR(wd:)) }
  OPTIONAL { ?entity dg:locatedIn ?s . ?s owl:sameAs ?stateWd FILTER STRSTARTS(STR(?stateWd), STR(wd:)) }
  OPTIONAL { ?entity owl:sameAs ?geonames FILTER STRSTARTS(STR(?geonames), "https://sws.geonames.org/") }
}
"""

HUMAN = WIKIDATA + "Q5"
SETTLEMENT_TYPES = {WIKIDATA + q for q in ("Q515", "Q486972", "Q5119", "Q1549591", "Q200250", "Q3957",
                                           "Q532", "Q1637706", "Q10864048", "Q13220204")}


@dataclass
class Local:
    entity: str
    name: str
    kind: str
    state_wd: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)
    geonames: set[str] = field(default_factory=set)


@dataclass
class Proposal:
    entity: str
    kind: str
    name: str
    candidate: str
    score: float
    reasons: list[str]
    accepted: bool = False


def _locals(store) -> list[Local]:
    out: dict[str, Local] = {}
    for r in store.query(LOCAL_OFFICIALS):
        e = out.setdefault(r["entity"].value, Local(r["entity"].value, r["name"].value, "official"))
        if r["stateWd"] is not None:
            e.state_wd.add(r["stateWd"].value)
        if r["postTitle"] is not None:
            e.posts.add(r["postTitle"].value)
        if r["date"] is not None:
            try:
                e.dates.add(dt.date.fromisoformat(r["date"].value[:10]))
            except ValueError:
                pass
    for r in store.query(LOCAL_PLACES):
        e = out.setdefault(r["entity"].value, Local(r["entity"].value, r["name"].value, "place"))
        if r["stateWd"] is not None:
            e.state_wd.add(r["stateWd"].value)
        if r["geonames"] is not None:
            e.geonames.add(r["geonames"].value.rstrip("/").rsplit("/", 1)[-1])
    return sorted(out.values(), key=lambda x: (x.kind, x.entity))


def sparql_select(endpoint: str, query: str, timeout: float = 30.0) -> list[dict[str, dict]]:
    """POST a query (SPARQL 1.1 protocol) and return the JSON result bindings."""
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise DiplographError(f"--endpoint: expected an http(s) URL, got {endpoint!r}")
    req = urllib.request.Request(endpoint, data=query.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json",
        "User-Agent": "diplograph-link"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
    except urllib.error.HTTPError as e:
        raise DiplographError(f"{endpoint}: HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, OSError) as e:
        raise DiplographError(f"{endpoint}: {getattr(e, 'reason', e)}") from None
    try:
        return json.loads(body)["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        raise DiplographError(f"{endpoint}: the answer is not SPARQL JSON results") from None


def _values(names: list[str]) -> str:
    """A VALUES block. A remote endpoint cannot take engine-side bindings, so each name is
    written as a literal serialised by pyoxigraph (which escapes it), never pasted raw."""
    rows = []
    for n in names:
        rows.append(f"({ox.Literal(n)} {ox.Literal(n, language='en')})")
    return " ".join(rows)


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", s.lower()) if w not in {"of", "the", "and", "for"}}


def _date(b: dict | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(b["value"][:10]) if b else None
    except ValueError:
        return None


def score_official(local: Local, rows: list[dict]) -> tuple[float, list[str]]:
    """Name 0.4 (alias 0.3) + human 0.1 + a position of the same state 0.3 + title 0.1 + in office 0.1."""
    s, why = 0.0, []
    if any(r["matched"]["value"] == "label" for r in rows):
        s, why = 0.4, ["label"]
    else:
        s, why = 0.3, ["alias"]
    if any(r.get("type", {}).get("value") == HUMAN for r in rows):
        s += 0.1
        why.append("human")
    same_state = [r for r in rows if r.get("country", {}).get("value") in local.state_wd]
    if same_state:
        s += 0.3
        why.append("position in the same state")
        if any(_title_match(p, r.get("positionLabel", {}).get("value", ""))
               for r in same_state for p in local.posts):
            s += 0.1
            why.append("post title")
        if local.dates and any(_in_office(r, d) for r in same_state for d in local.dates):
            s += 0.1
            why.append("in office on a dated mention")
    return round(min(s, 1.0), 2), why


def _title_match(title: str, label: str) -> bool:
    """Every word of our title is in the position's label, and both or neither are deputies."""
    wt, wl = _words(title), _words(label)
    return bool(wt) and wt <= wl and (("deputy" in wt) == ("deputy" in wl))


def _in_office(row: dict, day: dt.date) -> bool:
    start, end = _date(row.get("start")), _date(row.get("end"))
    return (start is None or start <= day) and (end is None or day <= end) and (start or end) is not None


def score_place(local: Local, rows: list[dict]) -> tuple[float, list[str]]:
    """Name 0.5 (alias 0.4) + same country 0.3 + settlement type 0.1 + same GeoNames id 0.2."""
    label = any(r["matched"]["value"] == "label" for r in rows)
    s, why = (0.5, ["label"]) if label else (0.4, ["alias"])
    if any(r.get("country", {}).get("value") in local.state_wd for r in rows):
        s += 0.3
        why.append("same country")
    if any(r.get("type", {}).get("value") in SETTLEMENT_TYPES for r in rows):
        s += 0.1
        why.append("settlement")
    if local.geonames and any(r.get("geonames", {}).get("value") in local.geonames for r in rows):
        s += 0.2
        why.append("same GeoNames id")
    return round(min(s, 1.0), 2), why


def reconcile(store, endpoint: str, accept_above: float = 0.8, batch: int = 50) -> list[Proposal]:
    """Score every candidate; accept the best one per entity when above the bar and unrivalled."""
    proposals: list[Proposal] = []
    locals_ = _locals(store)
    for kind, template, scorer in (("official", OFFICIAL_CANDIDATES, score_official),
                                   ("place", PLACE_CANDIDATES, score_place)):
        todo = [x for x in locals_ if x.kind == kind]
        by_name: dict[str, list[Local]] = {}
        for x in todo:
            by_name.setdefault(x.name, []).append(x)
        names = sorted(by_name)
        for i in range(0, len(names), batch):
            rows = sparql_select(endpoint, template % _values(names[i:i + batch]))
            grouped: dict[tuple[str, str], list[dict]] = {}
            for r in rows:
                if "item" not in r or not r["item"]["value"].startswith(WIKIDATA):
                    continue
                grouped.setdefault((r["name"]["value"], r["item"]["value"]), []).append(r)
            for (name, item), rs in sorted(grouped.items()):
                for local in by_name.get(name, []):
                    sc, why = scorer(local, rs)
                    proposals.append(Proposal(local.entity, kind, name, item, sc, why))
    best: dict[str, list[Proposal]] = {}
    for p in proposals:
        best.setdefault(p.entity, []).append(p)
    for ps in best.values():
        ps.sort(key=lambda p: -p.score)
        top = ps[0]
        rival = len(ps) > 1 and ps[1].score >= top.score - 0.1
        top.accepted = top.score >= accept_above and not rival
    proposals.sort(key=lambda p: (p.kind, p.entity, -p.score))
    return proposals


def write_curation(path: Path, proposals: list[Proposal], endpoint: str) -> int:
    """Add accepted links to a curation Turtle file (atomically), keeping links already there."""
    from .export import write_bytes

    path = Path(path)
    header = ("# Links accepted by 'diplograph link'; each with its score, reasons, source and date.\n"
              "# Hand-check before committing: a wrong link is worse than none.\n")
    text, have = header, set()
    if path.exists():
        text = path.read_text(encoding="utf-8")
        try:
            have = {(q.subject.value, q.object.value) for q in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)}
        except SyntaxError as e:
            raise DiplographError(f"{path}: {str(e).splitlines()[0]}") from None
    added, today = [], dt.date.today().isoformat()
    for p in proposals:
        if p.accepted and (p.entity, p.candidate) not in have:
            have.add((p.entity, p.candidate))
            added.append(f"\n# {p.name}: score {p.score:.2f} ({', '.join(p.reasons)}), from {endpoint} on {today}\n"
                         f"{N(p.entity)} {N(str(OWL.sameAs))} {N(p.candidate)} .\n")
    if added or not path.exists():
        write_bytes(path, (text + "".join(added)).encode("utf-8"))
    return len(added)


def curation_path(endpoint: str, folder: Path) -> Path:
    host = urllib.parse.urlsplit(endpoint).hostname or "endpoint"
    return Path(folder) / f"links-{iri.slugify(host) or 'endpoint'}.ttl"


__all__ = ["link_triples", "coverage", "reconcile", "write_curation", "curation_path", "Proposal",
           "sparql_select", "score_official", "score_place"]
