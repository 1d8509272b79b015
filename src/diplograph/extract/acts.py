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

import bisect
import datetime as dt
import re

from diplograph.extract.candidates import (  # re-exported for merge.py and __init__
    ACT_ANAPHOR_RX, DEFINITE_RX, DURING_RX, GROUP_RX, GROUP_SUBJECT_RX, HYPOTHETICAL_RX, PRON_RX, SIMILAR_RX, SYMBOL,
    ZONE_RX,
    Cand, Ent, _add)
from diplograph.extract.dates import DateMention
from diplograph.extract.fields import FieldsMixin
from diplograph.extract.lexicon import trigger_patterns, triggers
from diplograph.extract.statements import StatementMixin
from diplograph.extract.titles import seniority


def definite(before: str) -> bool:
    """'the exercise', 'these visits' (an act named before) - but not 'the Ambassador signed a memorandum'."""
    m = DEFINITE_RX.search(before)
    if not m:
        return False
    ind = re.search(r"\b(?:a|an|two|three|several)\s+(?:[\w-]+\s+){0,3}$", before, re.I)
    return not (ind and ind.start() > m.start())


VISIT_VERB_GAP_RX = re.compile(r",?\s*(?:who\s+)?(?:(?:is|was|has|have|had|will|also|today|then)\s+)*(?:concluded|concludes|began|begins|started|starts|paid|pays|paying|made|makes|making|undert(?:ook|akes|aking)|completed|ended|wrapped up)\b[^,;.]{0,50}", re.I)


# "the next round of", "the 13th", "the upcoming" before a meeting noun, and a future after it
NEXT_RX = re.compile(r"\b(?:next|upcoming|forthcoming|\d+(?:st|nd|rd|th))\s+(?:(?:round|session|edition|meeting)\s+of\s+(?:the\s+)?)?"
                     r"(?:[\w'’+\"“”-]+\s+){0,4}[\"“]?$", re.I)
NEXT_FUTURE_RX = re.compile(r"^[^.;]{0,60}?\b(?:will|would|is\s+to|are\s+to|is\s+scheduled|are\s+scheduled|is\s+due|is\s+set|is\s+expected|"
                            r"to\s+be\s+held|scheduled\s+(?:for|to))\b", re.I)


BARE_WEEKDAY_RX = re.compile(r"(?<=[a-z] )(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                             r"(?= (?:to|that|with|in|at|on|for|over|after|as|by)\b|,)")


class ActFinder(FieldsMixin, StatementMixin):
    def __init__(self, text: str, norm: str, sentences, ents: list[Ent], dates: list[DateMention],
                 published: dt.date | None, pub_last: dt.date | None):
        self.text, self.norm = text, norm
        self.sentences = sentences
        self.ents = ents
        self.dates = dates
        self.pub_last = pub_last
        self.acts: list[Cand] = []
        self.posts: dict[str, str] = {}      # official name -> principal post
        self.focus: Cand | None = None
        self.cur_sent: tuple[int, int] = (0, 0)
        self.planned = trigger_patterns("planned")
        self.negated = trigger_patterns("negated")
        self.not_new = trigger_patterns("not_new")

    # ------------------------------------------------------------------ helpers
    def ents_in(self, s: int, e: int, zones=()) -> list[Ent]:
        return [x for x in self.ents if s <= x.start < e and not any(a <= x.start < b for a, b, _ in zones)]

    def dates_in(self, s: int, e: int, zones=()) -> list[DateMention]:
        return [d for d in self.dates if s <= d.start < e and not d.excluded
                and not any(a <= d.start < b for a, b, _ in zones)]

    def context_states(self, form: str = "") -> list[str]:
        """States a group anaphor means: 'the two countries' -> the last act with two states."""
        m = re.search(r"\b(two|three|four|five)\b", form)
        if m:
            n = ["two", "three", "four", "five"].index(m.group(1)) + 2
            if self.focus and len(set(self.focus.states)) == n:
                return list(self.focus.states)
            prev = next((a for a in reversed(self.acts) if len(set(a.states)) == n and a.type != "Statement"), None)
            if prev is not None:
                return list(prev.states)
            if self.focus is None:
                # no act yet: "Chancellor X and Polish PM Y have sought to contain a dispute. The two leaders
                # spoke by phone": the states the sentences just before name
                k = next((i for i, (a, _) in enumerate(self.sentences) if a == self.cur_sent[0]), 0)
                for a, b in reversed(self.sentences[max(0, k - 2):k]):
                    codes = self.ent_states([x for x in self.ents_in(a, b) if x.kind in ("off", "state")])
                    if len(set(codes)) == n:
                        return codes
        return list(self.focus.states) if self.focus else []

    def group_persons(self, form: str, persons: list[str], states: list[str] | None = None) -> list[str]:
        """'Both ministers' among a visit's people: those whose post is a minister's (not the Vice President)."""
        m = re.search(r"\b(ministers|presidents|prime ministers|premiers|leaders|heads of state)\b", form)
        if not m:
            return persons
        word = {"ministers": "minister", "presidents": "president", "prime ministers": "prime minister",
                "premiers": "prime minister", "leaders": "", "heads of state": ""}[m.group(1)]
        home = {x.person: x.code for x in self.ents if x.kind == "off" and x.person}
        pool = list(persons)
        for a in reversed(self.acts[-6:]):
            _add(pool, *a.persons)
        hit: dict[str, str] = {}
        for p in pool:
            post = (self.posts.get(p) or "").lower()
            fits = seniority(self.posts.get(p)) >= 90 if not word else word in post and not (word == "president" and "vice" in post)
            if fits and home.get(p) not in hit and (not states or home.get(p) in states):   # "the two leaders": heads
                hit[home.get(p)] = p   # one per side, the one in focus first
        return list(hit.values()) if len(hit) >= 2 else persons

    def ent_states(self, ents: list[Ent], for_visit: bool = False) -> list[str]:
        out: list[str] = []
        for x in ents:
            if x.kind == "off" and x.form == "title" and re.fullmatch(r"(?:[\w-]+\s+)?(?:ministers|presidents|leaders|heads of state)",
                                                                       self.norm[x.start:x.end], re.I):
                prev = next((a for a in reversed(self.acts) if a.persons and len(set(a.states)) >= 2
                             and a.type in ("Meeting", "OfficialVisit", "PhoneCall", "Agreement")), None)
                _add(out, *(prev.states if prev else self.context_states(self.norm[max(0, x.start - 10):x.end].lower())))
                continue   # "the ministers" (plural title): the parties in focus, not one official
            if x.kind in ("off", "state", "body", "pron") and x.code:
                if x.kind == "state" and x.form == "capital" and x.locative and not for_visit:
                    continue
                if x.kind == "state" and re.match(r"(?:\s*(?:,|and|, and)\s*[A-Z]\w+)*\s+languages?\b", self.norm[x.end:x.end + 60]):
                    continue   # "in the Spanish, Arabic and French languages"
                _add(out, x.code)
            elif x.kind == "group":
                _add(out, *self.context_states(x.form))
            elif x.kind == "place" and for_visit:
                _add(out, x.code)
        return out

    # ------------------------------------------------------------------ main loop
    def run(self) -> list[Cand]:
        self._mask_and_scan()
        for si, (s, e) in enumerate(self.sentences):
            self.sentence(s, e)
        return self.acts

    def _mask_and_scan(self) -> None:
        """Entities masked by their kind's symbol (within their sentence), then every trigger
        pattern run once over the whole masked text and its matches filed by sentence: one scan
        per pattern, not one per pattern and sentence (a third of the extraction time)."""
        masked = list(self.norm)
        for s, e in self.sentences:
            for x in self.ents_in(s, e):
                for k in range(x.start, min(x.end, e)):
                    masked[k] = SYMBOL[x.kind]
        self.masked = "".join(masked)
        # wire style "agreed Saturday to ...", "met Tuesday with ...": the bare weekday is blanked for
        # the trigger patterns only (same length, so offsets hold), as if it were not there
        scan = BARE_WEEKDAY_RX.sub(lambda m: " " * len(m.group()), self.masked)
        starts = [s for s, _ in self.sentences]
        self.triggers_by_sentence: dict[int, list[tuple[int, int, str, str]]] = {}
        for typ, role, rx, _ in triggers():
            if typ == "-" or role in ("report",):
                continue
            for m in rx.finditer(scan):
                k = bisect.bisect_right(starts, m.start()) - 1
                if k >= 0 and m.end() <= self.sentences[k][1]:
                    self.triggers_by_sentence.setdefault(self.sentences[k][0], []).append((m.start(), m.end(), typ, role))

    def sentence(self, s: int, e: int) -> None:
        self.cur_sent = (s, e)
        sent_ents = self.ents_in(s, e)
        ms = self.masked[s:e]
        zones = []
        for m in ZONE_RX.finditer(ms):
            zones.append((s + m.start(), s + m.end(), "sub"))
        for m in DURING_RX.finditer(ms):
            if not any(a <= s + m.start() < b for a, b, _ in zones):
                zones.append((s + m.start(), s + m.end(), "during"))
        trig = list(self.triggers_by_sentence.get(s, ()))
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
        self.split_tour(made, s, e)
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
                z0 = self._zone_start(c)
                # "... the Partnership signed in February 2023 during Chinh's visit": the zone dates the signing
                # just before it, not the sentence's main act
                attached = kind == "during" and re.search(r"\b(?:signed|concluded|adopted|agreed|reached|held)\s+(?:in|on|at)\s+[^,;]{0,40}$",
                                                          self.norm[max(s, z0 - 60):z0], re.I)
                for m in main:
                    if attached and m.tstart < z0 - 60:
                        continue
                    if kind == "during" or re.match(r"(?:following|after)\b", self.norm[z0:].lower()):
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
        f = self.focus
        if f is not None and f.type == "OfficialVisit" and f.first and f.first != f.last:
            # "held talks on November 26, ... on a state visit from November 25-27": the talks' day
            f = next((a for a in reversed(self.acts) if a.type == "Meeting" and a.sent == f.sent and a.first
                      and a.first == a.last and a.precision == "day"), f)
        if f is not None and f.first and f.precision == "day" and f.first == f.last and f.status == "happened" \
                and (f.sent[0] >= self._recent_start(s) or f.sent[0] >= self._recent_start(s, 4) and
                     not any(f.sent[1] <= d.start < s and not d.excluded for d in self.dates)):
            for c in made:
                # same occasion: an undated act right after a dated one, among the same states
                # ("Mexico and Guatemala signed on Tuesday ... The two ministers met in Tapachula")
                told = any(a.type == c.type and a is not f and a.first and a.first != f.first and set(a.states) == set(c.states)
                           and a.status == "happened" for a in self.acts)   # "The swap agreement was exchanged": the one told
                if c.first is None and c.zone is None and not c.weak and c.status == "happened" and c.type != "Statement" and \
                        not c.links and not told and set(c.states) & set(f.states) and set(c.states) <= set(f.states) | set(c.about):
                    # "The visit runs until October 10": the end it names stays
                    last = c.last if c.last and c.last > f.last and c.type == f.type else f.last
                    c.first, c.last, c.precision = f.first, last, f.precision
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
        if re.search(r"\b(?:a|any|every|no)\s+(?:state|country|nation|government|leader)\s+(?:that|which|who)\s+(?:\w+\s+)?$", before, re.I):
            return None   # "a state that hosts Putin, Xi and Scholz within six months": a generalisation, not an act
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
        hosted_talks = typ == "OfficialVisit" and role == "host" and re.match(r"\s+by\b", self.norm[te:te + 5]) and \
            re.search(r"\b(?:talks|negotiations|consultations|meeting|summit)\s+$", self.norm[max(s, ts - 16):ts], re.I)
        if hosted_talks:
            typ, role = "Meeting", "meeting"   # "met ... in talks hosted by Gonsalves": a meeting with a host, not a visit
        c = Cand(typ, role, ts, te, (s, e), scope, evidence=[(s, e) if not zone else (zone[0], zone[1])])
        c.rule = f"{typ}:{role}" if not hosted_talks else "Meeting:hosted-talks"
        if typ == "Meeting" and re.match(r"(?:gathered|convened)$", low.strip()):
            c.rule = "Meeting:gathered"
        c.zone = zone[2] if zone else None
        if typ == "Statement":
            return self.statement(c, ts, te, s, e, zones, ms, content_zones)
        if typ == "MilitaryExercise":
            if re.search(r"\bto\s+(?:agree|discuss|talk|plan|prepare|coordinate|negotiate)\s+(?:on\s+|about\s+)?(?:[\w-]+\s+){0,3}$", before, re.I):
                return None   # "... to agree on joint patrols": the topic of talks, not an exercise
            if re.search(r"\bto\s+$", before) or low.strip() == "exercise" and re.match(r"\s+(?:of|restraint|caution|its|their|control)\b", self.norm[te:te + 12]):
                return None
        if typ == "Agreement" and role == "agreement_noun":
            return None   # nouns only name what a signing verb acts on
        if typ == "OfficialVisit" and role == "host":
            guest = next((x for x in self.ents if x.start >= te and x.kind == "off"), None)
            if guest is not None and guest.start - te < 60 and (self.posts.get(guest.person) or "").startswith(("Ambassador", "Chargé")):
                typ, role = "Meeting", "meeting"    # a courtesy call by an envoy posted there: no visit
                c.type, c.role, c.rule = typ, role, "Meeting:courtesy-call"
        if typ != "Statement" and re.search(r"\bif\s+[^;.]{0,100}$", self.norm[max(s, ts - 100):ts], re.I) and \
                any(a <= ts < b for a, b in content_zones):
            return None   # "warned ... if X and Y go ahead with their next exercise": a condition, not an act
        if role in ("meeting", "meeting_noun", "visit_noun", "call_noun", "visit", "sign") and \
                HYPOTHETICAL_RX.search(self.norm[max(s, ts - 80):ts]):
            return None   # "ready to host talks", "open to negotiations": no act took place
        if role == "meeting_noun" and re.search(r"Ⓖ+\s+(?:[\w-]+\s+)?$", ms[max(0, ts - s - 30):ts - s]):
            return None   # "the NATO summit": its states are not named
        if typ == "Agreement" and role == "sign":
            if low.strip() in ("issued", "released") and not re.search(r"(?:joint\s+statement|declaration|communiqu[ée]|press\s+release)\s+$", self.norm[s:ts], re.I) \
                    and not re.match(r"\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:joint|declaration|communiqu|press\s+release)", self.norm[te:te + 40], re.I):
                return None   # "In a statement issued after the talks, X said": a statement, not a joint document
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
            if definite(self.norm[max(s, noun.start() - 40):noun.start()]) and not c.name:
                c.weak = True
        if typ == "Agreement" and role == "joint":
            if re.match(r"agree(?:s)?\b(?!d)", low.strip()) and re.search(r"\b(?:we|they|i|both of us)\s+(?:all\s+|fully\s+|both\s+)?$",
                                                                     self.norm[max(s, ts - 14):ts], re.I):
                return None   # "but we agree that the unity of the country must be preserved": a shared view
            after = self.norm[te:te + 30].lower()
            if any(rx.match(after.strip()) for _, rx in self.not_new):
                return None
            if re.search(r"\bto\s+$", self.norm[max(s, ts - 4):ts]) and re.search(
                    r"\b(?:meet|meets|met|meeting|talks|travel|visit)\b", self.norm[max(s, ts - 120):ts], re.I):
                return None   # "will meet X on Thursday to agree on joint patrols": the purpose of a meeting
            meet_next = re.match(r"\s*(?:(?:the|their|both|two)\s+)*(?:[\w-]+\s+){0,5}?(?:would|will|should|to)\s+meet\b",
                                 self.norm[te:te + 80], re.I) if re.match(r"(?:agreed|agree|agrees|decided|decide) (?:to|that)$", " ".join(low.split())) else None
            if re.match(r"(?:agreed|agree|agrees|decided) that$", " ".join(low.split())):
                # "agreed that the next round of the Consultation Mechanism would be held in China"
                meet_next = meet_next or re.match(r"\s*(?:the|their)\s+(?:next|second|third|new|\w+th)\s+(?:round|meeting|session|summit)\b"
                                                  r"[^.;]{0,100}?\b(?:would|will|should)\s+(?:be\s+held|take\s+place|convene)\b",
                                                  self.norm[te:te + 160], re.I)
            if meet_next or re.match(r"(?:agreed|agree|agrees|decided|decide) to$", " ".join(low.split())) and re.match(
                    r"\s*(?:hold|convene|organi[sz]e|host|meet)\b(?:\s+(?:again|regularly)\b)?", self.norm[te:te + 40], re.I) \
                    and re.search(r"\b(?:meeting|session|summit|talks|consultations|commission|committee|cabinet|council|"
                                  r"forum|round|dialogue|again|conference|sidelines|in person)\b", self.norm[te:min(e, te + 120)], re.I):
                # "agreed to hold the next meeting", "agreed to convene the commission": a planned meeting
                typ, role = "Meeting", "meeting"
                c.type, c.role, c.rule = typ, role, "Meeting:agreed-to-hold"
            if re.match(r"(?:agreed|agree|agrees|decided|decide)\s+(?:to|that)$", " ".join(low.split())) and re.match(
                    r"[^.;]{0,80}?\b(?:would|will|to|should)\s+(?:jointly\s+)?(?:hold|conduct|stage|carry out)\s+(?:a |an |the |their )?"
                    r"(?:[\w-]+\s+){0,3}(?:exercises?|drills?|patrols?|manoeuvres|maneuvers)\b", self.norm[te:te + 160], re.I):
                return None   # "agreed that the two forces would hold a second joint exercise": that exercise, planned
            if low.startswith(("decided", "decide")):
                subj = self.norm[max(s, ts - 80):ts]
                if not (GROUP_RX.search(subj) or re.search(r"\b(?:we|they|and)\b", subj, re.I)):
                    return None
        if role in ("meeting_noun", "call_noun", "visit_noun", "exercise") or (typ == "Agreement" and role == "joint" and "decision" in low):
            noun_text = low.strip()
            c.plural = bool(re.search(r"(?:visits|trips|meetings|exercises|drills|talks|negotiations|consultations|decisions|maneuvers|manoeuvres|games)\b", noun_text))
            c.another = bool(re.search(r"\b(?:an?|the\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))"
                                       r"\s+(?:[\w-]+\s+){0,2}$", self.text[max(s, ts - 40):ts]))
            if role != "visit_noun" or not re.match(r"(?:'s|’s)", low):
                if definite(self.norm[max(s, ts - 40):ts]) and not re.search(r"(?:'s|’s)\s*$", self.norm[max(s, ts - 5):ts]):
                    c.weak = True
                elif role == "visit_noun" and re.match(r"(?:the|this|his|her)\s", low):
                    c.weak = c.definite = True    # "The visit, initially expected this month, was postponed"
                elif re.search(r"\b(?:today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\s+(?:[\w-]+\s+)?$",
                               self.norm[max(s, ts - 30):ts], re.I):
                    c.weak = True                 # "the preparations for Friday's meeting": the meeting told elsewhere
            if typ == "Meeting" and role == "meeting_noun" and NEXT_RX.search(self.norm[max(s, ts - 70):ts]) and \
                    NEXT_FUTURE_RX.search(self.norm[te:min(e, te + 120)]):
                c.weak, c.next_occasion = False, True   # "The next round of consultations is scheduled for September"
            if typ == "MilitaryExercise":
                c.name = self.proper_name(ts)
                if c.name and not re.search(r"\b(?:next|upcoming|coming)\s+(?:[\w'’-]+\s+){0,4}$", self.norm[max(s, ts - 50):ts], re.I):
                    c.weak = False   # "their next X exercise" refers to one announced elsewhere
            elif typ == "Meeting" and role == "meeting_noun" and self.text[ts:ts + 1].isupper():
                # "the Sixth Caspian Summit", "the Fifth Binational Cabinet": a named occasion
                m2 = re.search(r"((?:[A-Z][\w'’-]*,?[ \t]+){1,4})$", self.text[max(s, ts - 60):ts])
                words = [w for w in (m2.group(1).replace(",", " ").split() if m2 else []) if w not in ("The", "A", "An", "This", "That", "At", "In", "On")]
                if words:
                    c.name = " ".join(words + [self.text[ts:te].strip()])
                    c.weak = False
            att = re.search(r"\b(was|were|is|are|will be)\s+attended\s+by\b", self.norm[te:e], re.I) if c.weak else None
            if att:
                c.attendance = "past" if att.group(1).lower() in ("was", "were") else "other"   # truthy either way
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
        if typ == "MilitaryExercise" and len(states) < 2 and re.search(
                r"\b(?:first|previous|earlier|last)\s+(?:[\w'’-]+\s+){0,3}$", self.norm[max(s, ts - 40):ts], re.I):
            # "The first X drills were held ...": the series of the exercise just named
            prev = next((a for a in reversed(self.acts + made) if a.type == typ and len(a.states) >= 2), None)
            if prev:
                _add(states, *prev.states)
                c.uses_context = True
        group = next((x for x in scope_ents if x.kind == "group"), None)
        if group is not None:
            c.uses_context = True
            if typ in ("Agreement", "Meeting", "PhoneCall") and not c.persons and self.focus is not None and \
                    self.focus.persons and set(self.focus.states) <= set(states) and \
                    re.search(r"\b(?:leaders|presidents|ministers|prime ministers|premiers|heads of state|counterparts)\b", group.form):
                # "The two leaders agreed to ...": the leaders of the act in focus
                _add(c.persons, *self.group_persons(group.form, self.focus.persons, states))
        if typ == "Meeting" and len(states) < 2 and zone is None and re.search(
                r"\b(?:joint|bi-?national|binational|bilateral|mixed|intergovernmental)\s+(?:[\w-]+\s+){0,3}(?:commission|committee|council)\b",
                self.norm[s:e], re.I) and self.focus is not None:
            _add(states, *self.focus.states)   # "The joint permanent committee on water is scheduled to meet": the parties in focus
            c.uses_context = True
        if typ == "OfficialVisit" and re.match(r"(?:is|are|was|were)\s+(?:expected|due)\b", low) and len(states) > 2:
            return None   # "X is due in Vientiane next month for the ASEAN meeting": that meeting, not a visit
        if c.next_occasion and len(set(states)) < 2 and self.focus is not None:
            _add(states, *self.focus.states)   # the parties of the series just told
            c.uses_context = True
        c.states = states
        self.locate(c, scope_ents, ts, te, scope, for_visit)
        self.date(c, scope_dates, ts, zones, zone)
        self.modality(c, ts, te, s)
        if c.next_occasion and c.status == "happened":
            c.status = "planned"
        if c.rule == "Meeting:agreed-to-hold" and c.status == "happened":
            c.status = "planned"
        if typ == "Meeting" and re.search(r"\bbilateral\b", self.norm[scope[0]:scope[1]], re.I) and \
                re.search(r"\bcounterparts\b", self.norm[scope[0]:scope[1]], re.I) and self.focus and len(self.focus.states) >= 3:
            return self.bilaterals(c)
        if typ == "OfficialVisit" and role == "host" and re.match(r"\s+by\b", self.norm[te:te + 5]) \
                and re.search(r",\s*$", self.norm[max(s, ts - 3):ts]) \
                and re.search(r"\b(?:summit|conference|forum|ministerial|meeting|session)\b[^.;]{0,120}$", self.norm[max(s, ts - 160):ts], re.I):
            # "took part ... in the 65th Summit of ..., hosted by the President of Uruguay": the summit, not a visit
            c.type, c.role, c.rule = "Meeting", "meeting", "Meeting:hosted-summit"
            typ = "Meeting"
        guests = {x.code for x in scope_ents if x.kind == "off" and x.code and x.start >= te}
        if typ == "OfficialVisit" and role == "host" and len(guests - set(c.hosts or c.states[:1])) >= 2 \
                and not re.search(r"\bdelegations?\b", self.norm[ts:te], re.I) \
                and not re.search(r"\b(?:was|were|been|being)\s+$", self.norm[max(s, ts - 12):ts], re.I):
            # "X hosted A's minister, B's and C's": a multilateral meeting, not one visit
            c.type, c.role, c.rule = "Meeting", "meeting", "Meeting:hosted-several"
        if typ == "Agreement" and role == "sign" and re.search(r"\beach\s+$", self.norm[max(s, ts - 8):ts], re.I):
            split = self.each(c, ts, te, s, e)
            if split:
                return split
        if typ in ("PhoneCall", "Meeting") and re.search(r"\bseparate\s+(?:[\w-]+\s+){0,2}(?:(?:tele)?phone|video|calls?\b|meetings?\b|talks\b|conversations?\b)",
                                                        self.norm[max(s, ts - 30):te + 12], re.I):
            split = self.separate(c, ts, te, s, e, zone)
            if split:
                return split
        if c.weak and c.explicit_date and c.precision in ("day", "month", "year") and (not c.plural or (
                re.match(r"(?:talks|negotiations|consultations)\b", low.strip()) and c.persons and c.precision == "day")):
            # "the trilateral meeting held ... on July 27", "followed talks in Manila on July 2 between X and Y":
            # introduced with its date
            c.weak = False
        if c.weak and c.status != "happened" and not c.plural and len(set(c.states)) >= 2:
            c.weak = False   # "postponed his planned visit to China": news about an act, not a reference
        if c.plural and not c.explicit_date and not c.name and role != "sign" and not c.next_occasion:
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

    def separate(self, c: Cand, ts, te, s, e, zone) -> list[Cand]:
        """'after separate phone calls with A and B': one act per partner, each with the subject."""
        others = [x for x in self.ents_in(te, zone[1] if zone else e) if x.kind in ("off", "state") and x.code]
        if zone:
            subj = [x for x in self.ents_in(s, zone[0]) if x.kind in ("off", "state", "pron") and x.code]
        else:
            subj = [x for x in self.ents_in(s, ts) if x.kind in ("off", "state", "pron") and x.code]
        if not subj or len({x.code for x in others}) < 2:
            return []
        me = subj[0] if zone else subj[-1]
        out = []
        for code in dict.fromkeys(x.code for x in others if x.code != me.code):
            k = self.clone(c)
            k.states = sorted({me.code, code})
            k.persons = [p for p in [me.person] + [x.person for x in others if x.code == code] if p]
            k.weak = False
            k.zone = None
            k.rule = c.rule + ":separate"
            out.append(k)
        return out

    def split_tour(self, made: list[Cand], s: int, e: int) -> None:
        """'X visited Niamey on 4 June ... and travelled to Ouagadougou the following day': one visit per stop."""
        for c in [c for c in made if c.type == "OfficialVisit" and c.role == "visit" and c.zone is None]:
            # "visited Bamako and Ouagadougou": one visit per destination state
            after = [x for x in self.ents_in(c.tend, e) if x.kind in ("state", "place", "off", "org")]
            if not after or after[0].kind not in ("state", "place") or not after[0].code or after[0].start - c.tend > 12:
                continue
            stops = [after[0]]
            for x in after[1:]:
                if x.kind in ("state", "place") and x.code and re.fullmatch(r"\s*(?:,|and|, and)\s*", self.norm[stops[-1].end:x.start]):
                    stops.append(x)
                else:
                    break
            codes = list(dict.fromkeys(x.code for x in stops))
            subj = next((x for x in reversed(self.ents_in(s, c.tstart)) if x.kind in ("off", "state", "pron") and x.code), None)
            if len(codes) < 2 or subj is None or subj.code in codes:
                continue
            i = made.index(c)
            clones = []
            for code in codes:
                k = self.clone(c)
                k.states, k.hosts = [subj.code, code], [code]
                k.persons = [p for p in c.persons if p == subj.person] or c.persons[:1]
                k.rule = c.rule + ":stops"
                clones.append(k)
            made[i:i + 1] = clones
        visits = sorted((c for c in made if c.type == "OfficialVisit" and c.role == "visit" and c.zone is None
                         and not c.rule.endswith(":stops")), key=lambda c: c.tstart)
        if len(visits) < 2:
            return
        dests = []
        for c in visits:
            d = next((x for x in self.ents_in(c.tend, min(e, c.tend + 40)) if x.kind in ("state", "place") and x.code), None)
            dests.append(d.code if d else None)
        if None in dests or len(set(dests)) < 2:
            return
        subj = next((x for x in self.ents_in(s, visits[0].tstart) if x.kind in ("off", "state", "pron") and x.code), None)
        if subj is None:
            return
        for i, c in enumerate(visits):
            end = visits[i + 1].tstart if i + 1 < len(visits) else e
            seg = [x for x in self.ents_in(c.tend, end) if x.kind in ("off", "pron") and x.code == dests[i]]
            if i:
                # "A paid a visit to X ..., and B is expected to visit Y": the later clause's own subject
                own_subj = [x for x in self.ents_in(visits[i - 1].tend, c.tstart) if x.kind == "off" and x.code
                            and re.fullmatch(r"\s*(?:(?:is|was|are|were|has|have|had|will|would|also|then|later|expected|due|set|to|be)\s+)*",
                                             self.norm[x.end:c.tstart])]
                if own_subj:
                    subj = own_subj[-1]
            c.states = [subj.code, dests[i]]
            c.hosts = [dests[i]]
            c.persons = [p for p in [subj.person] + [x.person for x in seg] if p]
            own = self.dates_in(c.tend, end)
            if i and not own and visits[i - 1].first:
                prev = visits[i - 1]
                shift = 1 if re.search(r"\bthe (?:following|next) day\b", self.norm[c.tend:end], re.I) else 0
                c.first = c.last = prev.first + dt.timedelta(days=shift)
                c.precision = prev.precision
            c.rule += ":tour"
        for h in made:
            if h.type == "OfficialVisit" and h.role == "host" and h.zone is None:
                at = max((c for c in visits if c.tstart <= h.tstart), key=lambda c: c.tstart, default=visits[0])
                h.states, h.hosts, h.first, h.last, h.precision = list(at.states), list(at.hosts), at.first, at.last, at.precision

    def each(self, c: Cand, ts, te, s, e) -> list[Cand]:
        """'A and B each signed an agreement with C': one act per subject, each with C."""
        subj = [x for x in self.ents_in(c.scope[0], ts) if x.kind == "state" and x.code]
        other = [x.code for x in self.ents_in(te, c.scope[1]) if x.kind in ("state", "off") and x.code]
        subj_codes = list(dict.fromkeys(x.code for x in subj))
        other = [o for o in dict.fromkeys(other) if o not in subj_codes][:1]
        if len(subj_codes) < 2 or not other:
            return []
        out = []
        for code in subj_codes:
            k = self.clone(c)
            k.states = sorted({code, other[0]})
            k.rule = c.rule + ":each"
            out.append(k)
        return out

    def _recent_start(self, s: int, back: int = 2) -> int:
        """Start of the sentence `back` before the one starting at s (no other date between: still that occasion)."""
        idx = next((i for i, (a, _) in enumerate(self.sentences) if a == s), 0)
        return self.sentences[max(0, idx - back)][0]

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
        if not left:
            # "X, ..., concluded on Wednesday a two-day official visit to Y": the subject of the verb
            subj = [x for x in ents if x.end <= ts and x.kind in ("off", "state", "pron") and
                    VISIT_VERB_GAP_RX.fullmatch(self.norm[x.end:ts])]
            left = subj[-1:]
        tail = self.norm[te:min(len(self.norm), te + 200)]
        m = re.match(r"[^,;.]*?(?=[,;.]|\s(?:shows?|showed|suggests?|reveals?|indicates?|means|is|was|were|are|took|takes|has|have|had|can|could|will|would|demonstrates?|came|comes)\b|$)", tail)
        right_end = te + (m.end() if m else 0)
        while True:
            # "the visit of the President of Uzbekistan, Shavkat Mirziyoyev, to Azerbaijan": past the apposition
            app = next((x for x in ents if x.kind == "off" and (x.start <= right_end < x.end or
                                                                 re.fullmatch(r",\s*", self.norm[right_end:x.start]))), None)
            if app is None or not re.match(r",\s*(?:to|in|with)\b", self.norm[app.end:app.end + 8]):
                break
            m2 = re.match(r",[^,;.]*?(?=[,;.]|$)", self.norm[app.end:app.end + 200])
            right_end = app.end + (m2.end() if m2 else 0)
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

