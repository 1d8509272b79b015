"""Text -> officials, states, places and diplomatic acts (rule-based).

`extract(doc)` is the whole pipeline: gazetteer mentions -> officials -> entities -> dates ->
act triggers -> merge. An optional NER backend can add person names: register an object with a
`persons(text) -> list[tuple[int, int]]` method via `register_backend`; none is installed by
default, and the rule-based title patterns do not need one.
"""

from __future__ import annotations

import re
from typing import Protocol

from diplograph.records import Act, Document, Extraction, Official, Span

MAX_CHARS = 2_000_000   # longer texts are cut: extraction is linear, but bounded


class NerBackend(Protocol):
    def persons(self, text: str) -> list[tuple[int, int]]: ...


_BACKENDS: dict[str, NerBackend] = {}


def register_backend(name: str, backend: NerBackend) -> None:
    """Plug in a statistical person recogniser; its spans become name candidates."""
    _BACKENDS[name] = backend


# capitals that, as actors, stand for the organisation seated there rather than for their state
ORG_SEATS = {"Brussels": "EU"}


def extract(doc: Document) -> Extraction:
    from diplograph.extract.acts import ActFinder, Ent
    from diplograph.extract.affiliation import home_states
    from diplograph.extract.dates import _pub_bounds, find_dates
    from diplograph.extract.gazetteer import find_mentions, lookup_city, resolve_ambiguous
    from diplograph.extract.merge import merge
    from diplograph.extract.officials import OfficialFinder
    from diplograph.extract.text import analysis, sentences, tokenize

    text = doc.text[:MAX_CHARS]
    norm = analysis(text)
    toks = tokenize(norm)
    mentions = find_mentions(norm, toks)
    resolve_ambiguous(mentions)
    home, strong = home_states(norm, doc.publisher, mentions)
    sents = sentences(text)
    finder = OfficialFinder(norm, toks, mentions, sents)
    finder.run()
    finder.published = doc.published
    officials, omentions = finder.finish(sents, home, strong, mentions)

    ents: list[Ent] = []
    taken: list[tuple[int, int]] = []
    for om in omentions:
        o = officials[om.official]
        ents.append(Ent(om.start, om.end, "off", o.state, o.name if o.state else None, om.kind))
        taken.append((om.start, om.end))

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    for m in mentions:
        if not free(m.start, m.end):
            continue
        after = norm[m.end:m.end + 2]
        if m.kind == "state" and m.form == "capital":
            if re.match(r" [A-Z]", after) and not re.match(r" (?:and|on|in|to)\b", norm[m.end:m.end + 4]):
                continue                      # "the Baku Declaration": part of a name
            if text[m.start:m.end].isupper() and len(text[m.start:m.end]) > 3 and after.startswith(","):
                continue                      # "MOSCOW, June 23." dateline
        locative = bool(re.search(r"\b(?:in|at)\s+(?:the\s+)?$", norm[max(0, m.start - 8):m.start])) and not \
            re.search(r"\b(?:authorities|government|leadership|officials|junta|regime|rulers)\s+in\s+$", norm[max(0, m.start - 30):m.start], re.I)
        if m.kind == "state" and m.form == "capital" and not locative and norm[m.start:m.end] in ORG_SEATS and \
                not any(x.code == m.code and x.form != "capital" for x in mentions):
            # "will not allow Brussels to punish Georgians": the EU speaks, not Belgium (the city as a
            # place keeps its state)
            ents.append(Ent(m.start, m.end, "org", ORG_SEATS[norm[m.start:m.end]], None, "seat"))
            taken.append((m.start, m.end))
            continue
        ents.append(Ent(m.start, m.end, m.kind, m.code, None, m.form, m.geonameid, locative))
        taken.append((m.start, m.end))
    _bodies(norm, ents, taken, free, home[0] if home else None)
    _places(norm, toks, ents, taken, free, lookup_city)
    from diplograph.extract.acts import GROUP_RX, PRON_RX
    for m in GROUP_RX.finditer(norm):
        if free(m.start(), m.end()):
            ents.append(Ent(m.start(), m.end(), "group", None, None, m.group().lower()))
            taken.append((m.start(), m.end()))
    ents.sort(key=lambda x: x.start)
    off_starts = {x.start for x in ents if x.kind == "off"}
    for m in PRON_RX.finditer(norm):
        if not free(m.start(), m.end()) or m.end() + 1 in off_starts:
            continue      # "his Somali counterpart X": a determiner of the official, not a pronoun
        prev = next((x for x in reversed(ents) if x.kind == "off" and x.end <= m.start() and x.code), None)
        if prev and m.group()[:1].isupper() and re.search(r"(?:^|[.!?][”\"]?\s+)$", norm[max(0, m.start() - 3):m.start()]):
            # a sentence-initial "He" continues the previous sentence's subject, not its last-named person
            ps = max(norm.rfind(". ", 0, prev.start), norm.rfind("\n", 0, prev.start), 0)
            prev = next((x for x in ents if x.kind == "off" and ps <= x.start <= prev.start and x.code), prev)
        ss = max(norm.rfind(". ", 0, m.start()), norm.rfind("\n", 0, m.start()), 0)
        if prev and m.group().lower() == "him" and prev.start >= ss and \
                not any(x.kind == "off" and ss <= x.start < prev.start for x in ents):
            # "Ms Paetongtarn told him": the object is not the sentence's subject, named just before
            subj = prev
            prev = next((x for x in reversed(ents) if x.kind == "off" and x.end <= subj.start and x.code and
                         x.person and x.person != subj.person), None)
        if prev and m.start() - prev.end < 600:
            ents.append(Ent(m.start(), m.end(), "pron", prev.code, prev.person, "pronoun"))
    ents.sort(key=lambda x: x.start)

    dates = find_dates(norm, doc.published)
    pub_first, pub_last, _ = _pub_bounds(doc.published)
    finder2 = ActFinder(text, norm, sents, ents, dates, pub_first, pub_last)
    finder2.posts = {o.name: o.post for o in officials if o.post}
    cands = finder2.run()
    acts = [_record(c, text) for c in merge(cands)]

    states = sorted({m.code for m in mentions if m.kind == "state" and m.code})
    places = sorted({(text[x.start:x.end], x.code, x.geonameid) for x in ents if x.kind == "place"},
                    key=lambda p: p[0])
    for o in officials:
        o.spans = [Span(s.start, s.end, text[s.start:s.end]) for s in o.spans]
    return Extraction(document=doc, officials=[o for o in officials if o.state], acts=acts,
                      states=states, places=places)


def _bodies(norm, ents, taken, free, home: str | None = None) -> None:
    """'the Azerbaijani Ministry of Defense', 'the Georgian MFA', 'the Defence Ministry'. A body
    without a state word is the document's home state's ('the Ministry said' in its press release)."""
    from diplograph.extract.acts import Ent
    rx = re.compile(r"\b(?:(?:Ministry|Department) of (?:the )?[A-Z][\w]+(?: [A-Z][\w]+| Affairs)?|(?:[A-Z][\w]+ )?Ministry|MFA|Presidency|Foreign Office|Government|Embassy|Armed Forces)\b")
    states = [x for x in ents if x.kind == "state"]
    for m in rx.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        prev = next((x for x in reversed(states) if x.end <= m.start() and
                     re.fullmatch(r"(?:\s*(?:'s|’s))?\s*", norm[x.end:m.start()])), None)
        start = prev.start if prev else m.start()
        code = prev.code if prev else home
        if prev:
            ents.remove(prev)
            taken.remove((prev.start, prev.end))
        ents.append(Ent(start, m.end(), "body", code, None, m.group()))
        taken.append((start, m.end()))


def _places(norm, toks, ents, taken, free, lookup_city) -> None:
    from diplograph.extract.acts import Ent
    from diplograph.extract.phrases import NOT_NAMES
    for i, t in enumerate(toks):
        if not t.cap or t.text.lower() in NOT_NAMES or i == 0 or toks[i - 1].text.lower() not in ("in", "at", "to", "visiting", "visited", "of"):
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].cap and j - i < 2 and norm[toks[j].end:toks[j + 1].start] == " ":
            j += 1
        for k in range(j, i - 1, -1):
            s, e = t.start, toks[k].end
            if not free(s, e):
                continue
            hit = lookup_city(norm[s:e])
            if hit and (toks[i - 1].text.lower() != "of" or re.search(r"(?:region|province|district|city|town|people|residents|population|civilians|siege|bombing|shelling)\s+of\s+$", norm[max(0, s - 30):s])):
                # "in Kazan" is where; "the people of Gaza" is what (statements read the difference)
                ents.append(Ent(s, e, "place", hit[0], None, "city", hit[1], toks[i - 1].text.lower() in ("in", "at")))
                taken.append((s, e))
                break


def _record(c, text: str) -> Act:
    ev = []
    for s, e in sorted(set(c.evidence)):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            ev.append(Span(s, e, text[s:e]))
    return Act(type=c.type, states=sorted(set(c.states)), persons=list(dict.fromkeys(c.persons)),
               start=c.first, end=c.last if c.first else None, precision=c.precision if c.first else None,
               status=c.status, place=c.place, place_state=c.place_state, place_geonames=c.place_geonameid,
               visitors=c.visitors, hosts=c.hosts, speakers=c.speakers, about=c.about,
               orgs=list(dict.fromkeys(c.orgs)), name=c.name, evidence=ev, rule=c.rule,
               confidence=round(c.confidence, 2))
