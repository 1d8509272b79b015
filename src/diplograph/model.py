"""Extraction records -> RDF triples (pyoxigraph terms) for one document's named graph."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import replace

import pyoxigraph as ox

from . import __version__, iri
from .namespaces import DCTERMS, DG, FOAF, GEONAMES, OWL, PROV, RDF, RDFS, SKOS, WD, XSD
from .records import ACT_TYPES, Act, Document, Extraction, Official, Span

N = ox.NamedNode
STATUS = {"happened": DG.Happened, "planned": DG.Planned, "reported-not-happened": DG.ReportedNotHappened}
PRECISION = {"day": DG.DayPrecision, "month": DG.MonthPrecision, "year": DG.YearPrecision}
SOFTWARE = iri.ID_IRI + "software/diplograph-" + __version__.replace(".", "-")


@functools.lru_cache(maxsize=1024)  # vocabulary terms only; building a NamedNode each time was ~1/3 of the model
def _n(term) -> ox.NamedNode:
    return N(str(term))


def _s(value: str) -> ox.Literal:
    return ox.Literal(value)


def _en(value: str) -> ox.Literal:
    return ox.Literal(value, language="en")


def _typed(value: str, dtype) -> ox.Literal:
    return ox.Literal(value, datatype=_n(dtype))


def _date(d: dt.date) -> ox.Literal:
    return _typed(d.isoformat(), XSD.date)


def issued_literal(published: str | None) -> ox.Literal | None:
    p = (published or "").strip()
    if len(p) >= 10 and p[4] == "-" and p[7] == "-":
        return _typed(p[:10], XSD.date)
    if len(p) == 7 and p[4] == "-":
        return _typed(p, XSD.gYearMonth)
    if len(p) == 4 and p.isdigit():
        return _typed(p, XSD.gYear)
    return None


def act_iri(a: Act) -> str:
    return iri.act(a.type, a.start, a.precision, a.states, a.persons, a.key)


def merge_acts(acts: list[Act]) -> dict[str, Act]:
    """Acts with the same IRI are one real-world act: union participants and evidence."""
    out: dict[str, Act] = {}
    for a in acts:
        k = act_iri(a)
        if k not in out:
            out[k] = replace(a, evidence=list(a.evidence))
            continue
        m = out[k]
        for f in ("visitors", "hosts", "speakers", "about", "orgs", "bodies"):
            setattr(m, f, list(dict.fromkeys(getattr(m, f) + getattr(a, f))))
        m.evidence.extend(e for e in a.evidence if e not in m.evidence)
        m.place = m.place or a.place
        m.place_state = m.place_state or a.place_state
        m.place_geonames = m.place_geonames or a.place_geonames
        m.confidence = max(m.confidence, a.confidence)
        if a.rule and a.rule not in m.rule.split("+"):
            m.rule = f"{m.rule}+{a.rule}" if m.rule else a.rule
    return out


class DocumentModel:
    """Builds the triples of one document graph; IRIs depend only on stable inputs."""

    def __init__(self, ex: Extraction, run_time: dt.datetime | None = None):
        self.ex = ex
        self.doc: Document = ex.document
        self.doc_iri = N(iri.document(self.doc.doc_id))
        self.run_time = run_time or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        digest = hashlib.sha256((self.doc.text + __version__).encode()).hexdigest()[:12]
        self.run_iri = N(iri.run(f"{iri.slugify(self.doc.doc_id)}-{digest}"))
        self.triples: list[tuple] = []
        self.person_iris: dict[str, ox.NamedNode] = {}

    def add(self, s, p, o) -> None:
        self.triples.append((s, _n(p), o))

    def build(self) -> list[tuple]:
        self._document()
        for o in self.ex.officials:
            self._official(o)
        for key, a in merge_acts([a for a in self.ex.acts if a.type in ACT_TYPES]).items():
            self._act(N(key), a)
        return self.triples

    # -- pieces ------------------------------------------------------------------
    def _document(self) -> None:
        d, doc = self.doc_iri, self.doc
        self.add(d, RDF.type, _n(DG.Document))
        self.add(d, DG.docId, _s(doc.doc_id))
        self.add(d, RDFS.label, _en(doc.title if doc.title and doc.title != "unknown" else doc.doc_id))
        if doc.title and doc.title != "unknown":
            self.add(d, DCTERMS.title, _en(doc.title))
        if doc.source:
            self.add(d, DCTERMS.source, _s(doc.source))
        if doc.publisher:
            self.add(d, DCTERMS.publisher, _s(doc.publisher))
        issued = issued_literal(doc.published)
        if issued is not None:
            self.add(d, DCTERMS.issued, issued)
        self.add(d, DCTERMS.format, _s(doc.media_type))
        r = self.run_iri
        self.add(r, RDF.type, _n(DG.ExtractionRun))
        self.add(r, RDF.type, _n(PROV.Activity))
        self.add(r, RDFS.label, _en(f"extraction of {doc.doc_id}"))
        self.add(r, PROV.used, d)
        self.add(r, PROV.wasAssociatedWith, N(SOFTWARE))
        self.add(r, PROV.endedAtTime, _typed(self.run_time.isoformat(), XSD.dateTime))
        self.add(N(SOFTWARE), RDF.type, _n(PROV.SoftwareAgent))
        self.add(N(SOFTWARE), RDFS.label, _en(f"diplograph {__version__}"))

    def _span(self, sp: Span) -> ox.NamedNode:
        n = N(iri.span(self.doc.doc_id, sp.start, sp.end))
        self.add(n, RDF.type, _n(DG.EvidenceSpan))
        self.add(n, DG.spanText, _s(sp.text))
        self.add(n, DG.startOffset, _typed(str(sp.start), XSD.integer))
        self.add(n, DG.endOffset, _typed(str(sp.end), XSD.integer))
        self.add(n, DG.inDocument, self.doc_iri)
        return n

    def _post(self, state: str | None, title: str) -> ox.NamedNode:
        p = N(iri.post(state, title))
        self.add(p, RDF.type, _n(DG.Post))
        self.add(p, DG.postTitle, _s(title))
        self.add(p, RDFS.label, _en(f"{title} ({state})" if state else title))
        if state:
            self.add(p, DG.postOf, N(iri.state(state)))
        return p

    def _official(self, o: Official) -> None:
        p = N(iri.person(o.name))
        self.person_iris[o.name] = p
        self.add(p, RDF.type, _n(DG.Official))
        self.add(p, FOAF.name, _s(o.name))
        self.add(p, RDFS.label, _en(o.name))
        self.add(p, DG.sourceDocument, self.doc_iri)
        for alias in o.aliases:
            if alias != o.name:
                self.add(p, SKOS.altLabel, _en(alias))
        if o.rank:
            self.add(p, DG.rank, _s(o.rank))
        if o.wikidata:
            self.add(p, OWL.sameAs, N(f"{WD}{o.wikidata}"))
        if o.state:
            self.add(p, DG.actsFor, N(iri.state(o.state)))
        if o.body and o.state:
            b = N(iri.body(o.state, o.body))
            self.add(b, RDF.type, _n(DG.GovernmentBody))
            self.add(b, RDFS.label, _en(o.body))
            self.add(b, DG.actsFor, N(iri.state(o.state)))
            self.add(p, DG.memberOfBody, b)
        for sp in o.spans:
            self.add(p, DG.evidence, self._span(sp))
        titles = ([o.post] if o.post else []) + [t for t in o.other_posts if t and t != o.post]
        published = self.doc.published_date()
        for i, title in enumerate(titles):
            post = self._post(o.state, title)
            if i == 0:
                self.add(p, DG.principalPost, post)
            t = N(iri.tenure(o.name, o.state, title))
            self.add(t, RDF.type, _n(DG.Tenure))
            self.add(t, RDFS.label, _en(f"{o.name} as {title}"))
            self.add(p, DG.holds, t)
            self.add(t, DG.heldBy, p)
            self.add(t, DG.post, post)
            self.add(t, DG.sourceDocument, self.doc_iri)
            if published and self.doc.published and len(self.doc.published) >= 10:
                self.add(t, DG.attestedOn, _date(published))

    def _actor(self, ref: str) -> ox.NamedNode | None:
        """A participant reference: an ISO code, an official's name, or 'ISO|Body name'."""
        if "|" in ref:
            code, name = ref.split("|", 1)
            b = N(iri.body(code, name))
            self.add(b, RDF.type, _n(DG.GovernmentBody))
            self.add(b, RDFS.label, _en(name))
            self.add(b, DG.actsFor, N(iri.state(code)))
            return b
        if len(ref) == 3 and ref.isalpha() and ref.isupper():
            return N(iri.state(ref))
        return self.person_iris.get(ref) or N(iri.person(ref))

    def _act(self, n: ox.NamedNode, a: Act) -> None:
        self.add(n, RDF.type, _n(DG[a.type]))
        label = a.name or f"{a.type} {'-'.join(sorted(a.states))} {a.start.isoformat() if a.start else 'undated'}"
        self.add(n, RDFS.label, _en(label))
        if a.start:
            self.add(n, DG.startDate, _date(a.start))
            self.add(n, DG.endDate, _date(a.end or a.start))
        if a.precision in PRECISION:
            self.add(n, DG.datePrecision, _n(PRECISION[a.precision]))
        self.add(n, DG.status, _n(STATUS.get(a.status, DG.Happened)))
        for code in sorted(set(a.states)):
            self.add(n, DG.involvesState, N(iri.state(code)))
        for name in a.persons:
            self.add(n, DG.participant, self._actor(name))
        visitors, hosts = a.visitors, a.hosts
        if a.type == "OfficialVisit" and not (visitors or hosts) and a.place_state in a.states:
            # A visit happens in the host state: without explicit roles, the place decides them.
            hosts = [a.place_state]
            visitors = [c for c in a.states if c != a.place_state]
        for prop, refs in ((DG.visitor, visitors), (DG.host, hosts), (DG.speaker, a.speakers)):
            for ref in refs:
                self.add(n, prop, self._actor(ref))
        for code in a.about:
            self.add(n, DG.about, N(iri.state(code)))
        for ref in a.bodies:
            self.add(n, DG.participant, self._actor(ref))
        for org in a.orgs:
            o = N(iri.org(org))
            self.add(o, RDF.type, _n(DG.InternationalOrganization))
            self.add(o, RDFS.label, _en(org))
            self.add(n, DG.participant, o)
        if a.place:
            self.add(n, DG.placeName, _s(a.place))
            pl = N(iri.place(a.place_state, a.place))
            self.add(n, DG.location, pl)
            self.add(pl, RDF.type, _n(DG.Place))
            self.add(pl, RDFS.label, _en(a.place))
            if a.place_state:
                self.add(pl, DG.locatedIn, N(iri.state(a.place_state)))
            if a.place_geonames:
                self.add(pl, OWL.sameAs, N(f"{GEONAMES}{a.place_geonames}/"))
        elif a.place_state:
            # Only the country is known: the act took place somewhere in that state.
            self.add(n, DG.location, N(iri.state(a.place_state)))
        for sp in a.evidence:
            self.add(n, DG.evidence, self._span(sp))
        self.add(n, DG.sourceDocument, self.doc_iri)
        self.add(n, PROV.wasGeneratedBy, self.run_iri)
        if a.rule:
            self.add(n, DG.extractionRule, _s(a.rule))
        self.add(n, DG.confidence, _typed(f"{max(0.0, min(1.0, a.confidence)):.2f}", XSD.decimal))


def document_triples(ex: Extraction, run_time: dt.datetime | None = None) -> list[tuple]:
    return DocumentModel(ex, run_time).build()


def document_graph(ex: Extraction) -> str:
    return iri.doc_graph(ex.document.doc_id)


__all__ = ["document_triples", "document_graph", "act_iri", "merge_acts"]
