"""Curation: human corrections to extraction, kept in their own named graph with provenance.

A curator writes TOML files under data/curation/ (stdlib `tomllib`: comments, real dates, strict
errors with line numbers, no dependency). Field names are the column names of `diplograph query
acts`, so a row of that output can be corrected in place. Every entry says who, when and why:

    curator = "A. Analyst"           # default for the entries below
    date = 2025-06-20

    [[retract]]                      # an act (or an official: official = "Name") that is wrong
    act = "id:act/2025-05-19-meeting-aze-isr"
    why = "The talks were part of the visit, not a separate meeting."

    [[fix]]                          # curated values win over extracted ones in every query
    act = "id:act/2025-05-03-meeting-aze-irn-mustafayev-nasirzadeh"
    place = "Tehran"
    placeState = "IRN"
    why = "..."

    [[add]]                          # an act extraction missed; source is a document id
    type = "PhoneCall"
    start = 2025-05-25
    states = ["AZE", "IRN"]
    persons = ["Ilham Aliyev", "Masoud Pezeshkian"]
    source = "avim-2025-37"
    evidence = ["exact words from the document"]
    why = "..."

    [[official]]                     # add an official or fix name, post, state, rank
    name = "Aziz Nasirzadeh"
    post = "Minister of Defense"
    state = "IRN"
    why = "The text calls him Deputy Chief of General Staff by mistake."

Hand-written Turtle (*.ttl) in the same folder is loaded verbatim, for experts.

Corrections survive re-extraction because document graphs never hold them: the stored queries
read the curation graph first (`dg:retracted true` hides a resource; curated values COALESCE over
extracted ones; curated lists of states or persons replace the extracted lists).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from . import iri, paths
from .errors import DiplographError
from .namespaces import DCTERMS, DG, FOAF, ID_IRI, OWL, PROV, RDF, RDFS, WD, XSD
from .records import ACT_TYPES, PRECISIONS, STATUSES, Document

N = ox.NamedNode
KINDS = ("retract", "fix", "add", "official")
ACT_FIELDS = {"type", "start", "end", "precision", "status", "states", "persons", "place", "placeState",
              "visitors", "hosts", "label"}
COMMON = {"why", "curator", "date"}
ALLOWED = {
    "retract": COMMON | {"act", "official", "person"},
    "fix": COMMON | {"act"} | ACT_FIELDS,
    "add": COMMON | {"act", "source", "evidence", "key"} | ACT_FIELDS,
    "official": COMMON | {"name", "person", "post", "state", "rank", "wikidata", "source"},
}
STATUS = {"happened": DG.Happened, "planned": DG.Planned, "reported-not-happened": DG.ReportedNotHappened}
PRECISION = {"day": DG.DayPrecision, "month": DG.MonthPrecision, "year": DG.YearPrecision}


def _n(term) -> ox.NamedNode:
    return N(str(term))


def _lit(value: str, dtype=None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=_n(dtype)) if dtype is not None else ox.Literal(value)


class _Entry:
    """One [[kind]] table of one file, with its defaults and a name for error messages."""

    def __init__(self, path: Path, kind: str, index: int, data: Mapping, defaults: Mapping):
        self.path, self.kind, self.index, self.data = path, kind, index, dict(data)
        self.where = f"{path}: [[{kind}]] #{index + 1}"
        unknown = sorted(set(self.data) - ALLOWED[kind])
        if unknown:
            raise DiplographError(f"{self.where}: unknown field {unknown[0]!r} "
                                  f"(allowed: {', '.join(sorted(ALLOWED[kind]))})")
        self.curator = self.text("curator", defaults.get("curator"))
        self.date = self.day("date", defaults.get("date"))
        self.why = self.text("why")
        if not self.curator or not self.date or not self.why:
            raise DiplographError(f"{self.where}: every correction needs curator, date and why "
                                  "(curator and date may be set once at the top of the file)")

    def fail(self, msg: str):
        raise DiplographError(f"{self.where}: {msg}")

    def text(self, key: str, default=None) -> str | None:
        v = self.data.get(key, default)
        if v is None:
            return None
        if not isinstance(v, str) or not v.strip():
            self.fail(f"{key} must be a non-empty string")
        return v.strip()

    def day(self, key: str, default=None) -> dt.date | None:
        v = self.data.get(key, default)
        if v is None or (isinstance(v, dt.date) and not isinstance(v, dt.datetime)):
            return v
        if isinstance(v, str):
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                pass
        self.fail(f"{key} must be a date like 2025-05-03")

    def texts(self, key: str) -> list[str] | None:
        v = self.data.get(key)
        if v is None:
            return None
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            self.fail(f"{key} must be a list of strings")
        return [x.strip() for x in v]

    def codes(self, key: str) -> list[str] | None:
        v = self.texts(key)
        if v is None:
            return None
        for c in v:
            if not re.fullmatch(r"[A-Za-z]{3}", c):
                self.fail(f"{key}: {c!r} is not an ISO 3166-1 alpha-3 code")
        return [c.upper() for c in v]

    def code(self, key: str) -> str | None:
        c = self.text(key)
        if c is not None and not re.fullmatch(r"[A-Za-z]{3}", c):
            self.fail(f"{key}: {c!r} is not an ISO 3166-1 alpha-3 code")
        return c.upper() if c else None

    def target(self, key: str, kind: str) -> str | None:
        """An instance IRI, full or as 'id:<kind>/<slug>'."""
        v = self.text(key)
        if v is None:
            return None
        full = ID_IRI + v[3:] if v.startswith("id:") else v
        try:
            k, _ = iri.parse(full)
        except ValueError:
            self.fail(f"{key}: {v!r} is not a diplograph {kind} IRI (e.g. id:{kind}/...)")
        if k != kind:
            self.fail(f"{key}: {v!r} is a {k} IRI, expected a {kind} IRI")
        return full


class Compiler:
    """Turns curation entries into the triples of the curation graph."""

    def __init__(self, documents: Mapping[str, Document] | None = None, documents_dir: Path | None = None):
        self.triples: list[tuple] = []
        self.documents = dict(documents or {})
        self.documents_dir = documents_dir

    def add(self, s, p, o) -> None:
        self.triples.append((s, _n(p), o))

    # -- provenance ----------------------------------------------------------------
    def correction(self, e: _Entry, target: str) -> None:
        c = N(iri.mint("correction", e.path.stem, e.kind, str(e.index + 1)))
        self.add(c, RDF.type, _n(DG.Correction))
        self.add(c, RDF.type, _n(PROV.Activity))
        self.add(c, RDFS.label, _lit(f"{e.kind} {target}", lang="en"))
        self.add(c, DCTERMS.type, _lit(e.kind))
        self.add(c, DG.corrects, N(target))
        self.add(c, DCTERMS.creator, _lit(e.curator))
        self.add(c, DCTERMS.date, _lit(e.date.isoformat(), XSD.date))
        self.add(c, RDFS.comment, _lit(e.why, lang="en"))
        self.add(c, DCTERMS.source, _lit(_display(e.path)))

    # -- entries -------------------------------------------------------------------
    def retract(self, e: _Entry) -> None:
        targets = [t for t in (e.target("act", "act"), e.target("person", "person")) if t]
        if e.data.get("official") is not None:
            targets.append(iri.person(e.text("official")))
        if len(targets) != 1:
            e.fail("give exactly one of act, official (a name) or person")
        self.add(N(targets[0]), DG.retracted, _lit("true", XSD.boolean))
        self.correction(e, targets[0])

    def fix(self, e: _Entry) -> None:
        act = e.target("act", "act")
        if not act:
            e.fail("a fix needs act = the IRI of the act to correct")
        if not set(e.data) & ACT_FIELDS:
            e.fail(f"nothing to fix: give one of {', '.join(sorted(ACT_FIELDS))}")
        self.act_fields(e, N(act))
        self.correction(e, act)

    def add_act(self, e: _Entry) -> None:
        t, start = e.text("type"), e.day("start")
        states = e.codes("states") or []
        persons = e.texts("persons") or []
        source = e.text("source")
        if not t or not states or not source:
            e.fail("an added act needs type, states and source (the document id)")
        if t not in ACT_TYPES:
            e.fail(f"type {t!r} is not one of {', '.join(ACT_TYPES)}")
        precision = e.text("precision") or ("day" if start else None)
        act = e.target("act", "act") or iri.act(t, start, precision, states, persons, e.text("key"))
        n = N(act)
        self.act_fields(e, n, defaults={"precision": precision, "status": "happened",
                                        "end": e.day("end") or start})
        doc_id = iri.slugify(source, 200)
        doc = N(iri.document(doc_id))
        self.add(n, RDFS.label, _lit(e.text("label") or f"{t} {'-'.join(sorted(states))} "
                                     f"{start.isoformat() if start else 'undated'}", lang="en"))
        self.add(n, DG.sourceDocument, doc)
        self.add(n, DG.extractionRule, _lit("curation"))
        self.add(n, DG.confidence, _lit("1.00", XSD.decimal))
        self.add(n, PROV.wasGeneratedBy, N(iri.mint("correction", e.path.stem, e.kind, str(e.index + 1))))
        text = self.document_text(doc_id)
        for quote in e.texts("evidence") or []:
            if text is None:
                continue  # the document is not here: its act is not shown either
            m = re.search(r"\s+".join(map(re.escape, quote.split())), text)
            if not m:
                e.fail(f"evidence {quote[:60]!r} not found in document {doc_id}")
            sp = N(iri.span(doc_id, m.start(), m.end()))
            self.add(sp, RDF.type, _n(DG.EvidenceSpan))
            self.add(sp, DG.spanText, _lit(m.group(0)))
            self.add(sp, DG.startOffset, _lit(str(m.start()), XSD.integer))
            self.add(sp, DG.endOffset, _lit(str(m.end()), XSD.integer))
            self.add(sp, DG.inDocument, doc)
            self.add(n, DG.evidence, sp)
        self.correction(e, act)

    def act_fields(self, e: _Entry, n: ox.NamedNode, defaults: Mapping | None = None) -> None:
        d = dict(defaults or {})
        t = e.text("type")
        if t is not None:
            if t not in ACT_TYPES:
                e.fail(f"type {t!r} is not one of {', '.join(ACT_TYPES)}")
            self.add(n, RDF.type, _n(DG[t]))
            self.add(n, RDF.type, _n(DG.DiplomaticAct))
        for key in ("start", "end"):
            v = e.day(key, d.get(key))
            if v is not None:
                self.add(n, DG.startDate if key == "start" else DG.endDate, _lit(v.isoformat(), XSD.date))
        precision = e.text("precision", d.get("precision"))
        if precision is not None:
            if precision not in PRECISIONS:
                e.fail(f"precision must be one of {', '.join(PRECISIONS)}")
            self.add(n, DG.datePrecision, _n(PRECISION[precision]))
        status = e.text("status", d.get("status"))
        if status is not None:
            if status not in STATUSES:
                e.fail(f"status must be one of {', '.join(STATUSES)}")
            self.add(n, DG.status, _n(STATUS[status]))
        for code in e.codes("states") or []:
            self.add(n, DG.involvesState, N(iri.state(code)))
        for prop, key in ((DG.participant, "persons"), (DG.visitor, "visitors"), (DG.host, "hosts")):
            for ref in e.texts(key) or []:
                self.add(n, prop, self.actor(ref))
                if prop != DG.participant:
                    self.add(n, DG.participant, self.actor(ref))
        place, pstate = e.text("place"), e.code("placeState")
        if place:
            pl = N(iri.place(pstate, place))
            self.add(n, DG.placeName, _lit(place))
            self.add(n, DG.location, pl)
            self.add(pl, RDF.type, _n(DG.Place))
            self.add(pl, RDFS.label, _lit(place, lang="en"))
            if pstate:
                self.add(pl, DG.locatedIn, N(iri.state(pstate)))
        elif pstate:
            self.add(n, DG.location, N(iri.state(pstate)))

    def actor(self, ref: str) -> ox.NamedNode:
        """An ISO code names a state, anything else an official (IRI minted from the name)."""
        if re.fullmatch(r"[A-Z]{3}", ref):
            return N(iri.state(ref))
        p = N(iri.person(ref))
        self.add(p, RDF.type, _n(DG.Official))
        self.add(p, FOAF.name, _lit(ref))
        self.add(p, RDFS.label, _lit(ref, lang="en"))
        return p

    def official(self, e: _Entry) -> None:
        name = e.text("name")
        person = e.target("person", "person") or (iri.person(name) if name else None)
        if not person:
            e.fail("an official needs name (or person = an IRI)")
        p = N(person)
        state, post = e.code("state"), e.text("post")
        if not (name or state or post or "rank" in e.data or "wikidata" in e.data or "source" in e.data):
            e.fail("nothing to add or fix: give name, post, state, rank, wikidata or source")
        if post and not state:
            e.fail("a post belongs to a state: give state too")
        self.add(p, RDF.type, _n(DG.Official))
        if name:
            self.add(p, FOAF.name, _lit(name))
            self.add(p, RDFS.label, _lit(name, lang="en"))
        if state:
            self.add(p, DG.actsFor, N(iri.state(state)))
        source = e.text("source")
        doc = N(iri.document(iri.slugify(source, 200))) if source else None
        if doc is not None:
            self.add(p, DG.sourceDocument, doc)
        if post:
            po = N(iri.post(state, post))
            self.add(po, RDF.type, _n(DG.Post))
            self.add(po, DG.postTitle, _lit(post))
            self.add(po, RDFS.label, _lit(f"{post} ({state})", lang="en"))
            self.add(po, DG.postOf, N(iri.state(state)))
            self.add(p, DG.principalPost, po)
            holder = name or iri.parse(person)[1]
            t = N(iri.tenure(holder, state, post))
            self.add(t, RDF.type, _n(DG.Tenure))
            self.add(t, RDFS.label, _lit(f"{holder} as {post}", lang="en"))
            self.add(p, DG.holds, t)
            self.add(t, DG.heldBy, p)
            self.add(t, DG.post, po)
            if doc is not None:
                self.add(t, DG.sourceDocument, doc)
        if e.text("rank"):
            self.add(p, DG.rank, _lit(e.text("rank")))
        wd = e.text("wikidata")
        if wd:
            if not re.fullmatch(r"Q[1-9]\d*", wd):
                e.fail(f"wikidata must be an entity id like Q42, got {wd!r}")
            self.add(p, OWL.sameAs, N(f"{WD}{wd}"))
        self.correction(e, person)

    # -- documents (to turn evidence quotes into offsets) ------------------------------
    def document_text(self, doc_id: str) -> str | None:
        if doc_id in self.documents:
            return self.documents[doc_id].text
        root = self.documents_dir or paths.DOCUMENTS_DIR
        hits = [p for p in sorted(root.rglob("*")) if p.is_file() and iri.slugify(p.stem, 200) == doc_id] \
            if root.exists() else []
        if not hits:
            return None
        from .documents import read_document

        doc = read_document(hits[0])
        self.documents[doc_id] = doc
        return doc.text

    def compile_file(self, path: Path) -> None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise DiplographError(f"{path}: not UTF-8 text") from None
        except tomllib.TOMLDecodeError as e:
            raise DiplographError(f"{path}: {str(e).splitlines()[0]}") from None
        defaults = {k: data.pop(k) for k in ("curator", "date") if k in data}
        unknown = sorted(set(data) - set(KINDS))
        if unknown:
            raise DiplographError(f"{path}: unknown section {unknown[0]!r} (use [[retract]], [[fix]], "
                                  "[[add]] or [[official]]; curator and date at the top)")
        for kind in KINDS:
            entries = data.get(kind, [])
            if not isinstance(entries, list) or not all(isinstance(x, dict) for x in entries):
                raise DiplographError(f"{path}: write each {kind} as a [[{kind}]] table")
            for i, raw in enumerate(entries):
                e = _Entry(path, kind, i, raw, defaults)
                {"retract": self.retract, "fix": self.fix, "add": self.add_act, "official": self.official}[kind](e)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return path.name


def files(directory: Path | None = None) -> list[Path]:
    d = directory or paths.CURATION_DIR
    if not d.exists():
        return []
    return sorted(p for p in d.iterdir() if p.is_file() and p.suffix in (".toml", ".ttl"))


def curation_triples(directory: Path | None = None, documents: Mapping[str, Document] | None = None,
                     documents_dir: Path | None = None) -> list[tuple]:
    """Every correction under data/curation as triples; any error raises before anything is written."""
    c = Compiler(documents, documents_dir)
    for p in files(directory):
        if p.suffix == ".toml":
            c.compile_file(p)
            continue
        try:
            c.triples.extend((q.subject, q.predicate, q.object)
                             for q in ox.parse(path=str(p), format=ox.RdfFormat.TURTLE))
        except (SyntaxError, ValueError, OSError) as e:
            raise DiplographError(f"{p}: {str(e).splitlines()[0]}") from None
    return c.triples


def dangling(store) -> list[tuple[str, str]]:
    """(correction, target) pairs whose retracted or fixed target no longer exists in any document."""
    rows = store.query("""
        SELECT ?c ?target WHERE {
          GRAPH graph:curation { ?c a dg:Correction ; dg:corrects ?target ; dcterms:type ?k }
          FILTER (?k IN ("retract", "fix"))
          FILTER NOT EXISTS { GRAPH ?g { ?target ?p ?o } FILTER (?g != graph:curation) }
        } ORDER BY ?c""")
    return [(r["c"].value, r["target"].value) for r in rows]


__all__ = ["curation_triples", "files", "dangling", "Compiler"]
