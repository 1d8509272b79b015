"""Diplomatic acts from trigger words (data/reference/triggers.csv) and the entities around them.

Per sentence: entities (officials, states, capitals, places, bodies, organisations, group
anaphors such as "the two countries") are masked into one symbol each, so trigger patterns can
say "a state follows". Subordinate adjuncts ("after ...", "since ...", "following ...") form
zones: an act triggered outside a zone takes neither its participants nor its dates from it;
"during ..." zones lend their date to the main clause. Principles:

* An act needs two states (a Statement: a speaker and a state it is about).
* A definite or plural mention without a date of its own ("the exercise", "the meetings",
  "these visits") refers to an act introduced elsewhere: it merges, it never creates.
* A statement is an act of its speaker about others. A readout of a meeting's content (the
  parties/sides/leaders did X) or a comment on one's own visit is part of that act, not a
  statement; an announcement of a future act is a statement.
* "the two countries", "the parties" mean the states of the act in focus (the last one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from diplograph.extract.dates import DateMention
from diplograph.extract.gazetteer import Mention, lookup_city
from diplograph.extract.lexicon import trigger_patterns, triggers

SYMBOL = {"off": "Ⓞ", "state": "Ⓢ", "place": "Ⓟ", "org": "Ⓖ", "body": "Ⓑ", "group": "Ⓡ", "pron": "Ⓠ"}
ZONE_RX = re.compile(r"\b(?:(?:only\s+|just\s+)?(?:\w+\s+(?:days?|weeks?|months?)\s+)?(?:after|before)|following|since|prior to|ahead of|while|whereas|when)\b[^,;:]*", re.I)
DURING_RX = re.compile(r"\b(?:during|amid|on the sidelines of|at the end of|in the course of)\b[^,;:]*", re.I)
GROUP_RX = re.compile(r"\b(?:the|both|all|these)\s+(?:two|three|four)\s+(?:[\w-]+\s+)?(?:countries|nations|sides|parties|leaders|presidents|counterparts|ministers|states|governments|delegations|armies|heads of state)\b|\bboth (?:[\w-]+ )?(?:countries|sides|nations|leaders|parties|governments)\b|\bthe (?:parties|sides|counterparts|leaders|presidents|heads of state)\b", re.I)
PRON_RX = re.compile(r"\b(?:he|she|his|her)\b", re.I)
DEFINITE_RX = re.compile(r"(?:\b(?:the|this|that|these|those|its|their|his|her|such)\s+(?:(?!of\b)[\w-]+\s+){0,3}$)", re.I)
ACT_ANAPHOR_RX = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:agreement|deal|accord|treaty|declaration|memorandum|exercise|drills|visit|meeting|summit|talks|call)\b", re.I)
SIMILAR_RX = re.compile(r"\b(?:similar|such|previous|earlier|another)\s+(?:[\w-]+\s+){0,2}$", re.I)
GROUP_SUBJECT_RX = re.compile(r"\b(?:the|both)\s+(?:(?:two|three)\s+)?(?:[\w-]+\s+)?(?:parties|sides|leaders|presidents|counterparts|ministers|delegations)\b", re.I)


@dataclass
class Ent:
    start: int
    end: int
    kind: str                 # off | state | place | org | body | group | pron
    code: str | None = None   # ISO3 (org: name)
    person: str | None = None
    form: str = ""
    geonameid: int | None = None
    locative: bool = False    # a capital after "in"/"at": where, not who


@dataclass
class Cand:
    type: str
    role: str
    tstart: int
    tend: int
    sent: tuple[int, int]
    scope: tuple[int, int]
    states: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    visitors: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    precision: str | None = None
    explicit_date: bool = False
    status: str = "happened"
    place: str | None = None
    place_state: str | None = None
    place_geonameid: int | None = None
    name: str | None = None
    weak: bool = False
    plural: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[str, "Cand", int]] = field(default_factory=list)   # (kind, act, days)
    rule: str = ""
    confidence: float = 0.6
    merged_into: "Cand | None" = None
    uses_context: bool = False
    zone: str | None = None          # None (main clause) | sub | during
    content: list[tuple[int, int]] = field(default_factory=list)
    split_speakers: bool = False
    pending_offset: tuple[int, int] | None = None


def _add(lst: list, *items) -> None:
    for x in items:
        if x and x not in lst:
            lst.append(x)


class ActFinder:
    def __init__(self, text: str, norm: str, sentences, ents: list[Ent], dates: list[DateMention],
                 published: dt.date | None, pub_last: dt.date | None):
        self.text, self.norm = text, norm
        self.sentences = sentences
        self.ents = ents
        self.dates = dates
        self.pub_last = pub_last
        self.acts: list[Cand] = []
        self.focus: Cand | None = None
        self.planned = trigger_patterns("planned")
        self.negated = trigger_patterns("negated")
        self.not_new = trigger_patterns("not_new")

    # ------------------------------------------------------------------ helpers
    def ents_in(self, s: int, e: int, zones=()) -> list[Ent]:
        return [x for x in self.ents if s <= x.start < e and not any(a <= x.start < b for a, b, _ in zones)]

    def dates_in(self, s: int, e: int, zones=()) -> list[DateMention]:
        return [d for d in self.dates if s <= d.start < e and not d.excluded
                and not any(a <= d.start < b for a, b, _ in zones)]

    def context_states(self) -> list[str]:
        return list(self.focus.states) if self.focus else []

    def ent_states(self, ents: list[Ent], for_visit: bool = False) -> list[str]:
        out: list[str] = []
        for x in ents:
            if x.kind in ("off", "state", "body", "pron") and x.code:
                if x.kind == "state" and x.form == "capital" and x.locative and not for_visit:
                    continue
                _add(out, x.code)
            elif x.kind == "group":
                _add(out, *self.context_states())
            elif x.kind == "place" and for_visit:
                _add(out, x.code)
        return out

    # ------------------------------------------------------------------ main loop
    def run(self) -> list[Cand]:
        for si, (s, e) in enumerate(self.sentences):
            self.sentence(s, e)
        return self.acts

    def sentence(self, s: int, e: int) -> None:
        sent_ents = self.ents_in(s, e)
        masked = list(self.norm[s:e])
        for x in sent_ents:
            for k in range(x.start, min(x.end, e)):
                masked[k - s] = SYMBOL[x.kind]
        ms = "".join(masked)
        zones = []
        for m in ZONE_RX.finditer(ms):
            zones.append((s + m.start(), s + m.end(), "sub"))
        for m in DURING_RX.finditer(ms):
            if not any(a <= s + m.start() < b for a, b, _ in zones):
                zones.append((s + m.start(), s + m.end(), "during"))
        trig = []
        for typ, role, rx, _ in triggers():
            if typ == "-" or role in ("report",):
                continue
            for m in rx.finditer(ms):
                trig.append((s + m.start(), s + m.end(), typ, role))
        trig.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept = []
        for t in trig:   # the longer trigger of one type wins ("held talks" over "talks")
            if any(k[2] == t[2] and k[0] <= t[0] < k[1] for k in kept):
                continue
            kept.append(t)
        content_zones: list[tuple[int, int]] = []
        made: list[Cand] = []
        for ts, te, typ, role in kept:
            if role == "weak_meeting":
                continue
            if any(a <= ts < b for a, b in content_zones) and typ == "Statement":
                continue
            c = self.candidate(ts, te, typ, role, s, e, zones, ms, made, content_zones)
            if c is None:
                continue
            if isinstance(c, list):
                made.extend(c)
            else:
                made.append(c)
        main = [c for c in made if c.zone is None]
        for m in main:
            if m.pending_offset:
                pos, days = m.pending_offset
                after = [c for c in made if c.zone == "sub" and c.tstart >= pos and not c.weak]
                after = after or [c for c in made if c.zone == "sub" and c.tstart >= pos]
                if after:
                    m.links.append(("offset", min(after, key=lambda c: c.tstart), days))
        for c in made:
            if c.zone in ("during", "sub"):
                kind = "during" if c.zone == "during" else "after"
                for m in main:
                    if kind == "during" or re.match(r"(?:following|after)\b", self.norm[self._zone_start(c):].lower()):
                        m.links.append((kind, c, 0))
        for m in main:
            # "began their second summit ... and decided to": an act named in passing in the same
            # clause is the occasion that dates an undated one
            if m.type != "Statement" and not m.explicit_date:
                for w in made:
                    if w is not m and w.weak and w.zone is None and w.type != m.type and not m.weak:
                        m.links.append(("with", w, 0))
                    elif w is not m and w.weak and w.zone is None and w.type != m.type and m.weak and len(m.states) < 2 \
                            and m.type == "Agreement" and m.status == "planned":
                        m.weak = False   # "the meeting is anticipated to involve the signing of ...": a planned act
                        m.links.append(("with", w, 0))
                if any(k == "with" for k, _, _ in m.links) and m.first and not m.explicit_date:
                    m.first = m.last = m.precision = None
        for c in made:
            self.acts.append(c)
        strong = [c for c in made if not c.weak and c.type != "Statement"]
        if strong:
            self.focus = strong[-1]
        elif made and made[-1].type != "Statement" and made[-1].merged_into is None:
            self.focus = self.focus or made[-1]

    # ------------------------------------------------------------------ one trigger
    def candidate(self, ts, te, typ, role, s, e, zones, ms, made, content_zones):
        low = self.norm[ts:te].lower()
        before = self.norm[max(s, ts - 60):ts]
        zone = next(((a, b, k) for a, b, k in zones if a <= ts < b), None)
        if zone:
            inner = [z for z in zones if z[2] == "sub" and zone[0] < z[0] < zone[1]]
            scope_ents = self.ents_in(zone[0], zone[1], inner)
            scope = (zone[0], zone[1])
            scope_dates = self.dates_in(zone[0], zone[1], inner)
        else:
            scope_ents = self.ents_in(s, e, zones)
            scope = (s, e)
            scope_dates = self.dates_in(s, e, [z for z in zones if z[2] == "sub"])
        c = Cand(typ, role, ts, te, (s, e), scope, evidence=[(s, e) if not zone else (zone[0], zone[1])])
        c.rule = f"{typ}:{role}"
        c.zone = zone[2] if zone else None
        if typ == "Statement":
            return self.statement(c, ts, te, s, e, zones, ms, content_zones)
        if typ == "MilitaryExercise":
            if re.search(r"\bto\s+$", before) or low.strip() == "exercise" and re.match(r"\s+(?:of|restraint|caution|its|their|control)\b", self.norm[te:te + 12]):
                return None
        if typ == "Agreement" and role == "agreement_noun":
            return None   # nouns only name what a signing verb acts on
        if typ == "Agreement" and role == "sign":
            nouns = [m for _, rx in trigger_patterns("agreement_noun") for m in rx.finditer(self.norm, scope[0], scope[1])]
            if not nouns:
                return None
            noun = min(nouns, key=lambda m: abs(m.start() - ts))
            c.plural = bool(re.search(r"(?:s|a|ies)$", noun.group().lower())) and noun.group().lower() not in ("memoranda",) or noun.group().lower().endswith("ums")
            c.name = self.proper_name(noun.start())
            named = re.match(r"((?:[A-Z][\w'’-]+\s+){1,4})$", self.text[max(s, noun.start() - 60):noun.start()])
            if noun.group()[:1].isupper() and not c.name:
                # "the Joint Declaration": a capitalised document title names one document
                m2 = re.search(r"((?:[A-Z][\w'’-]*\s+){0,4})$", self.text[max(s, noun.start() - 60):noun.start()])
                c.name = " ".join((m2.group(1) + noun.group()).split()) if m2 else noun.group()
            if DEFINITE_RX.search(self.norm[max(s, noun.start() - 40):noun.start()]) and not c.name:
                c.weak = True
        if typ == "Agreement" and role == "joint":
            after = self.norm[te:te + 30].lower()
            if any(rx.match(after.strip()) for _, rx in self.not_new):
                return None
            if low.startswith(("decided", "decide")):
                subj = self.norm[max(s, ts - 80):ts]
                if not (GROUP_RX.search(subj) or re.search(r"\b(?:we|they|and)\b", subj, re.I)):
                    return None
        if role in ("meeting_noun", "call_noun", "visit_noun", "exercise") or (typ == "Agreement" and role == "joint" and "decision" in low):
            noun_text = low.strip()
            c.plural = bool(re.search(r"(?:visits|trips|meetings|exercises|drills|talks|negotiations|consultations|decisions|maneuvers|manoeuvres|games)\b", noun_text))
            if role != "visit_noun" or not re.match(r"(?:'s|’s)", low):
                if DEFINITE_RX.search(self.norm[max(s, ts - 40):ts]) and not re.search(r"(?:'s|’s)\s*$", self.norm[max(s, ts - 5):ts]):
                    c.weak = True
            if typ == "MilitaryExercise":
                c.name = self.proper_name(ts)
                if c.name:
                    c.weak = False
        # participants
        for_visit = typ == "OfficialVisit"
        if role == "visit_noun" or role == "meeting_noun" and re.search(r"(?:'s|’s)\s*$", self.norm[max(s, ts - 40):ts]):
            scope_ents = self.noun_frame(ts, te, scope_ents, s)
        states = self.ent_states(scope_ents, for_visit)
        if len(states) < 2 and zone is None:
            # "Joint decisions were taken ... during the visit of X to Y": the during-zone's parties
            dz = [z for z in zones if z[2] == "during"]
            for a, b, _ in dz:
                _add(states, *self.ent_states(self.ents_in(a, b), for_visit))
        c.persons = [x.person for x in scope_ents if x.kind in ("off", "pron") and x.person]
        c.orgs = [x.code for x in scope_ents if x.kind == "org"]
        if typ == "MilitaryExercise" and SIMILAR_RX.search(self.norm[max(s, ts - 30):ts]):
            prev = next((a for a in reversed(self.acts + made) if a.type == typ and len(a.states) >= 2), None)
            if prev:
                _add(states, *prev.states)
                c.uses_context = True
        if any(x.kind == "group" for x in scope_ents):
            c.uses_context = True
        c.states = states
        self.locate(c, scope_ents, ts, te, scope, for_visit)
        self.date(c, scope_dates, ts, zones, zone)
        self.modality(c, ts, te, s)
        if typ == "Meeting" and re.search(r"\bbilateral\b", self.norm[scope[0]:scope[1]], re.I) and \
                re.search(r"\bcounterparts\b", self.norm[scope[0]:scope[1]], re.I) and self.focus and len(self.focus.states) >= 3:
            return self.bilaterals(c)
        if c.weak and c.explicit_date and c.precision in ("day", "month") and not c.plural:
            c.weak = False   # "the trilateral meeting held ... on July 27": introduced with its date
        if c.weak and c.status != "happened" and not c.plural and len(set(c.states)) >= 2:
            c.weak = False   # "postponed his planned visit to China": news about an act, not a reference
        if c.plural and not c.explicit_date and not c.name and role != "sign":
            c.weak = True
        if len(set(c.states)) < 2 and self.focus and ACT_ANAPHOR_RX.search(self.norm[s:e]) and c.zone is None \
                and not c.weak and c.first is not None:
            # "The agreement, which builds on the declaration signed on April 25": same parties
            _add(c.states, *self.focus.states)
            c.uses_context = True
        elif c.weak and c.zone == "during" and (c.states or c.place) and not c.plural:
            c.weak = False   # "signed during the first official visit to Shusha": the occasion is asserted
        if typ == "Agreement" and role == "sign" and c.plural:
            days = [d for d in scope_dates if d.precision == "day" and d.first]
            if len(days) >= 2:
                out = []
                for d in days:
                    k = self.clone(c)
                    k.first, k.last, k.precision, k.explicit_date = d.first, d.last, d.precision, True
                    out.append(k)
                return out
        return c

    def _zone_start(self, c: Cand) -> int:
        return c.scope[0]

    def clone(self, c: Cand) -> Cand:
        import copy
        k = copy.copy(c)
        for f in ("states", "persons", "visitors", "hosts", "speakers", "about", "orgs", "evidence", "links"):
            setattr(k, f, list(getattr(c, f)))
        return k

    def bilaterals(self, c: Cand) -> list[Cand]:
        mine = [x for x in c.states if x in self.focus.states] or c.states[:1]
        own = mine[0] if mine else None
        out = []
        for other in self.focus.states:
            if other == own:
                continue
            k = self.clone(c)
            k.states = sorted({own, other})
            if not k.first and self.focus.first:
                k.first, k.last, k.precision = self.focus.first, self.focus.last, self.focus.precision
            k.place, k.place_state = k.place or self.focus.place, k.place_state or self.focus.place_state
            k.rule = "Meeting:bilateral-with-counterparts"
            out.append(k)
        return out

    def noun_frame(self, ts, te, ents, s):
        """'X's visit to Y', 'the visit of X to Y', 'X's meeting with Y': the frame's own parties."""
        left = [x for x in ents if x.end <= ts and re.fullmatch(r"\s*(?:'s|’s)?(?:\s+[\w-]+){0,3}\s*", self.norm[x.end:ts])
                and (self.norm[x.end:x.end + 2] in ("'s", "’s") or x.kind == "pron" or self.norm[x.end:ts].strip() == "")]
        left = left[-1:] if left else []
        tail = self.norm[te:min(len(self.norm), te + 200)]
        m = re.match(r"[^,;.]*?(?=[,;.]|\s(?:shows?|showed|suggests?|reveals?|indicates?|means|is|was|were|are|took|takes|has|have|had|can|could|will|would|demonstrates?|came|comes)\b|$)", tail)
        right_end = te + (m.end() if m else 0)
        right = [x for x in ents if te - 6 <= x.start < right_end]
        inner = [x for x in ents if ts <= x.start < te]
        chosen = left + inner + right
        return chosen or ents

    def proper_name(self, pos: int) -> str | None:
        """'the Aras 2025 military exercise', 'Three Brothers - 2021 joint ...', 'the Baku Declaration'."""
        before = self.text[max(0, pos - 80):pos]
        m = re.search(r"((?:[A-Z][\w'’]+[ \t]+){0,3}[A-Z][\w'’]+(?:[ \t]*[-–][ \t]*|[ \t]+)(?:19|20)\d{2}|(?:[A-Z][\w'’]+[ \t]+){0,3}[A-Z][\w'’]+)"
                      r"(?:[ \t]+[A-Z][\w'’-]*(?:-[A-Z][\w'’]*)*)?[ \t]+(?:(?:joint|military|naval|international|command-staff|tactical|special|large-scale)[ \t]+)*$", before)
        if not m:
            m2 = re.match(r"\s*([A-Z][\w'’]+(?:\s+(?:on|of)\s+[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)?)", self.text[pos:pos + 80])
            return None
        name = m.group(1)
        words = name.split()
        stop = {"The", "A", "An", "This", "That", "These", "Joint", "In", "On", "During", "First", "Military", "And"}
        while words and words[0] in stop:
            words = words[1:]
        if not words:
            return None
        name = " ".join(words)
        from diplograph.extract.gazetteer import gazetteer
        gz = gazetteer()
        if all(any(e.kind in ("demonym", "name") for e in gz.lookup(w)) for w in re.findall(r"[A-Za-z][\w'’]+", name)):
            return None   # "Azerbaijani-Turkish" is not a name
        if not re.search(r"\d", name) and len(words) == 1 and gz.lookup(name):
            # "the Baku Declaration": a place-named agreement
            return name
        return name

    # ------------------------------------------------------------------ fields
    def locate(self, c: Cand, ents, ts, te, scope, for_visit):
        if c.type == "PhoneCall":
            return
        seg = self.norm
        for x in ents:
            if x.kind not in ("place", "state") or x.kind == "state" and x.form != "capital":
                continue
            pre = seg[max(scope[0], x.start - 40):x.start]
            m = re.search(r"\b(?:in|at|to)\s+(?:the\s+)?((?:(?:[A-Z][\w'’-]+\s+){1,3}(?:region|province|district|area)\s+of\s+)?)(?:the\s+)?(?:liberated\s+)?$", pre)
            if m and re.search(r"\b(?:situation|war|conflict|crisis|developments?|events?|peace|security|stability|settlement|process|fighting|tensions?)\s+in\s+(?:the\s+)?$", pre):
                m = None   # "the war in Gaza": a topic, not where the act took place
            hosted = re.match(r"\s+(?:hosted|hosts|will host|is hosting)\b", seg[x.end:x.end + 20])
            visiting = for_visit and re.search(r"\b(?:visit(?:ed|ing|s)?|trip|arrived|arrives)\s+(?:to\s+|in\s+)?$", pre)
            if m and re.search(r"\bto\s+(?:the\s+)?$", pre) and not (for_visit and 0 <= x.start - te < 25):
                m = None
            if m or hosted or visiting:
                start = x.start - len(m.group(1)) if m and m.group(1) else x.start
                end = x.end
                more = re.match(r"\s+and\s+(?:the\s+)?([A-Z][\w'’-]+)", seg[x.end:x.end + 40])
                if more and c.type == "MilitaryExercise":
                    end = x.end + more.end()
                c.place = " ".join(self.text[start:end].split())
                c.place_state = x.code
                c.place_geonameid = x.geonameid
                if for_visit or hosted:
                    _add(c.hosts, x.code)
                    _add(c.states, x.code)
                return
        if for_visit:
            tail = seg[te:te + 80]
            m = re.match(r"\s*(?:to\s+)?(?:the\s+)?([Ⓢ]+)", "".join(tail))

    def date(self, c: Cand, dates, ts, zones, zone):
        usable = [d for d in dates if d.first or d.offset]
        if c.type == "Statement":
            usable = [d for d in usable if not (c.scope[0] <= d.start < c.scope[1] and self._in_content(c, d.start))]
        explicit = [d for d in usable if d.first and (d.precision in ("day", "month") or d.explicit_year) and d.explicit_year is not None]
        strong = [d for d in explicit if not (d.precision == "year" and not d.explicit_year)]
        pick = None
        starts = [d for d in strong if d.role == "start"]
        ends = [d for d in strong if d.role == "end"]
        points = [d for d in strong if d.role == "point"]
        if points:
            pick = min(points, key=lambda d: abs(d.start - ts))
            c.first, c.last, c.precision = pick.first, pick.last, pick.precision
        elif starts:
            c.first, c.last, c.precision = starts[0].first, starts[0].last, starts[0].precision
        if ends and c.first:
            c.last = max(c.last or ends[0].last, ends[0].last)
        elif ends and not c.first:
            c.last = ends[0].last
            c.precision = ends[0].precision
        if c.first:
            c.explicit_date = (pick or (starts or ends)[0]).precision != "year" or (pick or (starts or ends)[0]).explicit_year
        if c.first is None and zone is None:
            # "during the war ... in 2020": a during-zone's date holds for the main clause
            for a, b, k in zones:
                if k == "during":
                    dz = [d for d in self.dates_in(a, b) if d.first]
                    if dz:
                        c.first, c.last, c.precision = dz[0].first, dz[0].last, dz[0].precision
                        c.explicit_date = True
                        break
        if c.first is None:
            weak_rel = [d for d in usable if d.first and d not in strong]
            if weak_rel and c.type != "Statement":
                d = weak_rel[0]
                c.first, c.last, c.precision = d.first, d.last, d.precision
        offs = [d for d in self.dates if d.offset is not None and c.sent[0] <= d.start < c.sent[1]]
        if offs and c.first is None and zone is None:
            c.pending_offset = (offs[0].end, offs[0].offset)   # resolved against the act named after it
        if c.first is None and self.focus is not None and re.search(r"\b(?:on )?the same day\b", self.norm[c.sent[0]:c.sent[1]], re.I):
            c.links.append(("offset", self.focus, 0))

    def _in_content(self, c: Cand, pos: int) -> bool:
        return any(a <= pos < b for a, b in c.content)

    def modality(self, c: Cand, ts, te, s):
        window = self.norm[max(s, ts - 50):te + 5]
        after = self.norm[te:min(c.sent[1], te + 160)]
        passive_neg = re.search(r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:now\s+)?(?:postponed|cancel(?:l)?ed|called off|suspended|put off)\b", after)
        if any(rx.search(window) for _, rx in self.negated) or passive_neg:
            c.status = "reported-not-happened"
        elif any(rx.search(window) for _, rx in self.planned) and c.type != "Statement":
            c.status = "planned"
        if c.type != "Statement" and c.first and self.pub_last and c.first > self.pub_last \
                and c.status == "happened":
            c.status = "planned"

    # ------------------------------------------------------------------ statements
    def statement(self, c: Cand, ts, te, s, e, zones, ms, content_zones):
        low = self.norm[ts:te].lower()
        sent_ents = self.ents_in(s, e)
        speaker_ents: list[Ent] = []
        if low.startswith("according to"):
            after = [x for x in sent_ents if x.start >= te]
            speaker_ents = after[:1]
            content = (s, ts)
        else:
            prior = [x for x in sent_ents if x.end <= ts and not any(a <= x.start < b for a, b, k in zones if k == "sub")]
            if prior:
                last = prior[-1]
                speaker_ents = [last]
                # coordinated speakers: "Turkey and Pakistan", "Turkish and Azerbaijani sides"
                k = len(prior) - 2
                while k >= 0 and re.fullmatch(r"\s*(?:,|and|, and)\s*", self.norm[prior[k].end:speaker_ents[0].start]):
                    speaker_ents.insert(0, prior[k])
                    k -= 1
                gap = self.norm[last.end:ts]
                if re.search(r"[.;]", gap) or len(gap) > 120:
                    speaker_ents = []
            quote = re.match(r"\s*[“\"]", self.norm[s:s + 3])
            q_end = max(self.norm.rfind("”", s, ts), self.norm.rfind('"', s + 1, ts))
            tail = self.norm[te:e]
            if quote and q_end > s and speaker_ents and speaker_ents[0].start > q_end:
                content = (s, q_end)
            elif speaker_ents and re.fullmatch(r"\s*(?:(?:in|on) (?:a |an |its |his |her )?[\w -]{0,40})?[.!]?\s*", tail) \
                    and re.search(r",\s*(?:the\s+|[\w-]+\s+){0,3}$", self.norm[s:speaker_ents[0].start]):
                content = (s, speaker_ents[0].start)   # "..., the Defence Ministry has reported."
            else:
                content = (te, e)
        if not speaker_ents:
            return None
        if any(x.kind == "group" for x in speaker_ents):
            return None        # a readout of what the parties did belongs to their act
        c.content = [content]
        content_zones.append(content)
        text = self.norm[content[0]:content[1]]
        mtext = ms[content[0] - s:content[1] - s]
        future = re.search(r"\b(?:will|shall|is to|are to|set to|scheduled|to be held|expected to|plans? to)\b", text, re.I)
        reported_acts = [t for t, rx in trigger_patterns("visit") + trigger_patterns("visit_noun") +
                         trigger_patterns("meeting") + trigger_patterns("weak_meeting") + trigger_patterns("call")
                         if rx.search(mtext)]
        if reported_acts and not future:
            return None        # a comment on (or readout of) a visit/meeting is part of it
        own = [t for t, rx in trigger_patterns("joint") + trigger_patterns("sign") if rx.search(mtext)]
        if own and re.search(r"\b(?:we|I)\b", text):
            return None        # "we agreed ...": the speaker's own act, extracted as that act
        if GROUP_SUBJECT_RX.search(text) and not future:
            return None
        speakers: list[str] = []
        for x in speaker_ents:
            if x.kind in ("off", "state", "body", "pron") and x.code:
                _add(speakers, x.code)
            if x.person:
                _add(c.persons, x.person)
        content_ents = [x for x in sent_ents if content[0] <= x.start < content[1]]
        about = [st for st in self.ent_states(content_ents) if st not in speakers]
        anaphor = re.search(r"\b(?:the|this|that|these|both)\s+(?:two\s+)?(?:[\w-]+\s+)?(?:countries|nations|sides|exercises?|drills?|visit|agreement|deal|meeting|talks|summit|declaration|memorandum|call)\b|\bbilateral\b|\bjoint\b", text, re.I)
        if anaphor and self.focus and not about:
            ctx = [st for st in self.focus.states if st not in speakers]
            if len(ctx) < len(self.focus.states) or not speakers:
                _add(about, *ctx)
        if not speakers and about:
            speakers = []
        if not about or (not speakers and len(about) < 2):
            return None
        c.speakers = speakers
        c.about = about
        c.states = sorted(set(speakers) | set(about))
        c.orgs = [x.code for x in content_ents if x.kind == "org"]
        c.status = "happened"
        # the date of the speech act, never of what was said
        own = [d for d in self.dates_in(s, e, [z for z in zones if z[2] == "sub"]) if not (content[0] <= d.start < content[1])]
        self.date(c, own, ts, [z for z in zones if not (content[0] <= z[0] < content[1])], None)
        if c.precision == "year" and not c.explicit_date:
            c.first = c.last = c.precision = None
        c.rule = "Statement:" + ("quote" if content[1] <= ts else "verb")
        c.confidence = 0.55
        c.split_speakers = len(speaker_ents) > 1 and all(x.kind == "state" and x.form == "name" for x in speaker_ents)
        return c
