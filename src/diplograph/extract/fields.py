"""Where, when and how sure: an act candidate's place, dates and modality (mixed into ActFinder).

Dates: the nearest date expression in the act's own clause wins; a range is one expression; a date
said of the cancellation ("was cancelled on Monday") is not the act's date; "N-day visit" spans N
days from its start (or back from its end: "concluded on Wednesday a two-day visit").
"""

from __future__ import annotations

import datetime as dt
import re

from diplograph.extract.candidates import _add

NOT_OWN_DATE_RX = re.compile(r"\b(?:cancel(?:l)?ed|postponed|called off|suspended|put off|announced|confirmed|"
                             r"reported|said|revealed)\s+(?:on\s+|late\s+|early\s+)?$", re.I)


PARTICIPLE_RX = re.compile(r",\s*(?:which\s+was\s+|that\s+was\s+)?(?:signed|concluded|adopted|ratified|agreed|inked|held)\b[^,;.]*", re.I)
# "decisions taken at the Commission held in Victoria Falls in November 2024": a noun's own time
HELD_AT_RX = re.compile(r"(?<=\w )(?<!\bbe )(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )(?<!\bbeing )"
                        r"(?:held|taken|reached|convened)\s+(?:at|in|on|during)\b[^,;.]*", re.I)


class FieldsMixin:
    # ------------------------------------------------------------------ fields
    def locate(self, c: Cand, ents, ts, te, scope, for_visit):
        if c.type == "PhoneCall":
            return
        seg = self.norm
        if re.search(r",\s*where\s+(?:\w+\s+){0,3}$", seg[max(scope[0], ts - 40):ts]):
            # "travelled to Tehran in June, where he was received by ...": where is the place just named
            before = [x for x in ents if x.end <= ts and (x.kind == "place" or x.kind == "state" and x.form == "capital")]
            if before:
                x = before[-1]
                c.place, c.place_state, c.place_geonameid = " ".join(self.text[x.start:x.end].split()), x.code, x.geonameid
                if for_visit:
                    _add(c.hosts, x.code)
                    _add(c.states, x.code)
                return
        for x in ents:
            if x.kind not in ("place", "state") or x.kind == "state" and x.form != "capital":
                continue
            pre = seg[max(scope[0], x.start - 40):x.start]
            m = re.search(r"\b(?:in|at|to)\s+(?:the\s+)?((?:(?:[A-Z][\w'’-]+\s+){1,3}(?:region|province|district|area)\s+of\s+)?)(?:the\s+)?(?:liberated\s+)?$", pre) \
                or re.search(r"\b(?:held|took place|met|meeting)\s+at\s+the\s+(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+,\s*()$", pre)   # "held at the State House, Abuja"
            if m and re.search(r"\b(?:situation|war|conflict|crisis|developments?|events?|peace|security|stability|settlement|process|fighting|tensions?)\s+in\s+(?:the\s+)?$", pre):
                m = None   # "the war in Gaza": a topic, not where the act took place
            hosted = re.match(r"\s+(?:hosted|hosts|will host|is hosting)\b", seg[x.end:x.end + 20])
            visiting = for_visit and re.search(r"\b(?:visit(?:ed|ing|s)?|trip|arrived|arrives|came|comes|travell?ed|travels|flew|flies)\s+(?:to\s+|in\s+)?$", pre)
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
        if for_visit and not c.hosts:
            # "Chinh's official visit to Singapore": the state named right after is the host
            nxt = next((x for x in ents if x.kind == "state" and x.start >= te), None)
            if nxt is not None and re.fullmatch(r"\s*to\s+(?:the\s+)?", seg[te:nxt.start]):
                _add(c.hosts, nxt.code)

    def date(self, c: Cand, dates, ts, zones, zone):
        usable = [d for d in dates if (d.first or d.offset) and (d.kind != "y_noun" or c.type == "Agreement")
                  and (self.norm[d.end:d.end + 2] not in ("'s", "’s") or ts - 3 <= d.end <= ts)]   # "Friday's meeting" names another act
        # ", signed in Brasília on April 26, 1973,": a participle phrase dates the noun before it, not
        # the clause's own act ("Lula met Peña, with whom he reviewed the Itaipu Treaty, signed in ...")
        for rx in (PARTICIPLE_RX, HELD_AT_RX, NOUN_SIGNED_RX):
            for m in rx.finditer(self.norm, c.sent[0], c.sent[1]):
                own = m.start() <= ts < m.end() or ts <= m.start() < c.tend or 0 <= m.start() - c.tend <= 60 and not re.search(r"[,;]|\b(?:and|who|which)\b", self.norm[c.tend:m.start()]) \
                    or any(k == "during" and a <= m.start() <= b + 2 for a, b, k in zones) \
                    or re.search(r"\b(?:margins|sidelines|occasion|course)\s+of\s+(?:the\s+)?(?:\S+\s+){0,5}$",
                                 self.norm[max(c.sent[0], m.start() - 80):m.start()], re.I)   # "on the margins of the Summit held in Abuja on D"
                if re.search(r"\b(?:would|will|to|shall|should|is|are|was|were)\s+be\s+$", self.norm[max(c.sent[0], m.start() - 20):m.start()]):
                    own = True  # "agreed that the next round would be held in China by the end of the year": a verb, not a participle
                if rx is PARTICIPLE_RX and m.start() < ts:
                    own = True  # "Steel Lance 2024, held from 3 to 9 June, brought together ...": the subject is the act
                if not own:     # the noun right before the phrase is the one it dates
                    usable = [d for d in usable if not (m.start() <= d.start < m.end())]
        if c.status == "happened" and not re.search(r"\b(?:will|would|shall|is to|are to)\b", self.norm[c.sent[0]:c.sent[1]]):
            # "signed a memorandum which commits both to finish the works before the end of 2025": a deadline
            usable = [d for d in usable if not re.search(r"\b(?:before|by|until)\s+the\s+end\s+of\s+$", self.norm[max(0, d.start - 20):d.start], re.I)
                      and not re.match(r"(?:before|by) the end of", self.norm[d.start:d.start + 20], re.I)]
        if zone is None:
            # "signed ... during Erdogan's visit in December 2023, and Mitsotakis travelled to Ankara in May last
            # year": the during-phrase dates its own act; the main clause's date comes first from outside it
            cut = [m.start() for m in re.finditer(r";|,\s+(?:and|but|while|whereas)\s+", self.norm[c.sent[0]:c.sent[1]])]
            lo = max([c.sent[0] + x for x in cut if c.sent[0] + x < ts], default=c.sent[0])
            hi = min([c.sent[0] + x for x in cut if c.sent[0] + x > ts], default=c.sent[1])
            outside = [d for d in usable if not any(k == "during" and a <= d.start < b for a, b, k in zones) and lo <= d.start < hi]
            if outside and len(outside) < len(usable):
                usable = outside
        if c.type != "Statement":
            # "was cancelled on Monday", "the ministry announced on Friday": not the act's own date
            usable = [d for d in usable if not NOT_OWN_DATE_RX.search(self.norm[max(0, d.start - 40):d.start])]
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
        if c.first is None and zone is not None and re.match(r"(?:when|during which)\b", self.norm[zone[0]:zone[0] + 14], re.I):
            # "The wager was renewed on 9 April, when X returned to Y": the when-clause's time is the main clause's
            dz = [d for d in self.dates_in(c.sent[0], zone[0]) if d.first and not d.excluded]
            if dz:
                rank = {"day": 2, "month": 1}
                d = max(dz, key=lambda d: (rank.get(d.precision, 0), d.start))
                c.first, c.last, c.precision = d.first, d.last, d.precision
                c.explicit_date = True
        if c.first is None:
            weak_rel = [d for d in usable if d.first and d not in strong]
            if weak_rel and c.type != "Statement":
                d = weak_rel[0]
                c.first, c.last, c.precision = d.first, d.last, d.precision
        if c.type == "OfficialVisit" and c.first and c.precision == "day" and c.first == c.last:
            self._span_days(c, ts)
        if c.first is None and re.match(r"\s*(?:The|This|That)\s+(?:decision|announcement|agreement|move|resolution|call)\s+(?:was|were)\s+"
                                        r"(?:taken|made|adopted|announced|reached|issued)\s+(?:at|during)\b", self.text[c.sent[0]:c.sent[0] + 80]):
            # "West African leaders on Sunday approved ... The decision was taken at the 66th Session": that day
            k = next((i for i, (a, _) in enumerate(self.sentences) if a == c.sent[0]), 0)
            if k:
                prev = [d for d in self.dates_in(*self.sentences[k - 1], []) if d.first and not d.excluded]
                if prev:
                    c.first, c.last, c.precision = prev[0].first, prev[0].last, prev[0].precision
                    c.explicit_date = True
        later = re.match(r"\s*(a|one|two|three|four|five|six|\d+)\s+months?\s+later\b", self.norm[c.sent[0]:c.sent[0] + 30], re.I)
        f = self.focus
        if c.first is None and later and zone is None and f is not None and f.first and f.precision in ("day", "month"):
            # "A month later Raisi came to Riyadh": months on from the act just told, to month precision
            n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(later.group(1).lower()) or int(later.group(1))
            y, m = divmod(f.first.month - 1 + n, 12)
            import calendar
            first = dt.date(f.first.year + y, m + 1, 1)
            c.first, c.last, c.precision = first, first.replace(day=calendar.monthrange(first.year, first.month)[1]), "month"
            c.explicit_date = True
        offs = [d for d in self.dates if d.offset is not None and c.sent[0] <= d.start < c.sent[1]]
        if offs and c.first is None and zone is None:
            c.pending_offset = (offs[0].end, offs[0].offset)   # resolved against the act named after it
        if c.first is None and self.focus is not None and re.search(r"\b(?:on )?the same (?:day|evening|night|afternoon|morning)\b", self.norm[c.sent[0]:c.sent[1]], re.I):
            c.links.append(("offset", self.focus, 0))
        elif c.first is None and self.focus is not None and zone is None and \
                re.search(r"\b(?:on )?the (?:following|next) day\b", self.norm[ts:c.sent[1]], re.I):
            c.links.append(("offset", self.focus, 1))

    def _span_days(self, c: Cand, ts: int) -> None:
        """'a two-day working visit' dated by its start runs two days; one dated by its end
        ('concluded on Wednesday a two-day visit') ran the days before."""
        clause = self.norm[c.scope[0]:c.scope[1]]
        m = re.search(r"\b(two|three|four|five|six|seven|2|3|4|5|6|7)[- ]days?\b", clause, re.I)
        if not m:
            return
        n = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}.get(m.group(1).lower()) or int(m.group(1))
        if re.search(r"\b(?:concluded|concludes|ended|ends|wrapped up|completed|wound up|returned (?:home )?(?:on \w+ )?from|came back from)\b",
                     self.norm[max(c.scope[0], ts - 60):ts + 40], re.I):
            c.first = c.last - dt.timedelta(days=n - 1)
        else:
            c.last = c.first + dt.timedelta(days=n - 1)

    def _in_content(self, c: Cand, pos: int) -> bool:
        return any(a <= pos < b for a, b in c.content)

    def modality(self, c: Cand, ts, te, s):
        window = self.norm[max(s, ts - 50):te + 5]
        after = self.norm[te:min(c.sent[1], te + 160)]
        passive_neg = re.search(r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:now\s+)?(?:postponed|cancel(?:l)?ed|called off|suspended|put off)\b", after)
        if any(rx.search(window) for _, rx in self.negated) or passive_neg:
            c.status = "reported-not-happened"
            # "was postponed; it could take place in January", "postponed to April": planned for the new date
            stop = re.search(r"[.!?](?:\s|$)", self.norm[c.sent[1] - 1:c.sent[1] + 200])   # past a ";" clause break
            stop = c.sent[1] - 1 + stop.end() if stop else c.sent[1]
            moved = re.search(r"\b(?:postponed|put off|pushed back|delayed|rescheduled|moved)\b", self.norm[ts:stop])
            later = [d for d in self.dates_in(ts + moved.end(), stop) if d.first and
                     (re.search(r"\b(?:to|until|till|for|in)\s*$", self.norm[max(0, d.start - 12):d.start], re.I) or
                      re.match(r"(?:to|until|till|for|in)\b", self.norm[d.start:d.start + 6], re.I))] if moved else []
            if later:
                d = later[0]
                first, last = d.first, d.last
                floor = c.first or self.pub_last
                if floor and first < floor and not d.explicit_year and d.precision in ("day", "month"):
                    first, last = _next_year(first), _next_year(last)   # a new date lies ahead
                if not floor or first >= floor:
                    c.first, c.last, c.precision, c.status = first, last, d.precision, "planned"
        elif any(rx.search(window) for _, rx in self.planned) and c.type != "Statement":
            c.status = "planned"
        if c.type != "Statement" and c.first and self.pub_last and c.first > self.pub_last \
                and c.status == "happened":
            c.status = "planned"
        elif c.type != "Statement" and c.status == "happened" and c.first and self.pub_last and c.first <= self.pub_last < (c.last or c.first) \
                and re.search(r"\blater\s+(?:this|that)\s+(?:week|month|year)\b", self.norm[c.sent[0]:c.sent[1]], re.I):
            c.status = "planned"   # "was expected to return to Kabul later this month for a meeting": ahead of the publication

# "the Green Economy Partnership signed in February 2023": a document's own date, without a comma
NOUN_SIGNED_RX = re.compile(r"\b(?:(?-i:[A-Z])[\w-]+|agreement|memorandum|treaty|accord|declaration|convention|protocol)\s+"
                            r"(?:signed|concluded|adopted|ratified)\s+(?:at|in|on|during)\b[^,;.]*", re.I)


def _next_year(d):
    import calendar
    import datetime as dt
    y = d.year + 1
    return dt.date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))
