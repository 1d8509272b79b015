"""Statements: a speaker's public position about another state (mixed into ActFinder).

A statement is an act of its speaker about others. Reporting is not an act: an attribution
("..., the ministry said") whose content reports another act (a visit, talks, a signing, an
exercise) adds nothing; an announcement of a future act is that act, planned.
"""

from __future__ import annotations

import re

from diplograph.extract.lexicon import trigger_patterns, triggers

from diplograph.extract.candidates import GROUP_SUBJECT_RX, HYPOTHETICAL_RX, _add


REPORTED_ROLES = {"visit", "visit_noun", "meeting", "weak_meeting", "call", "sign", "exercise"}
HELD_RX = re.compile(r"\b(?:held|hold|holds|holding|conducted|conduct|staged|carried out)\s+(?:a |an |the |their )?(?:[\w\"“”-]+\s+){0,4}$", re.I)


# between a state or capital and its speech verb: "Baku said", "The UAE also strongly condemned",
# "Tehran, in a statement, warned", "Mexico's Foreign Ministry said"
METONYM_GAP_RX = re.compile(r"(?:'s|’s)?\s*(?:,[^,]{0,40},)?\s*(?:(?:has|have|had|also|again|once again|then|on \w+|[\w]+ly)\s+)*", re.I)


# a person introduced as an expert, not an official: a following "he said" is theirs
NON_OFFICIAL_RX = re.compile(r"(?:\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}|\b(?:political|military|independent|regional|security|local)\s+)(?:researcher|analyst|professor|expert|scholar|academic|economist|"
                             r"commentator|lecturer|journalist|historian|(?:senior\s+)?fellow)\b", re.I)


class StatementMixin:
    def _prev_sentence_start(self, s: int) -> int:
        idx = next((i for i, (a, _) in enumerate(self.sentences) if a == s), 0)
        return self.sentences[max(0, idx - 1)][0]

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
                while k >= 0 and re.fullmatch(r"\s*(?:,|and|, and)\s*", self.norm[prior[k].end:speaker_ents[0].start]) \
                        and (prior[k].kind == "off") == (speaker_ents[0].kind == "off"):
                    speaker_ents.insert(0, prior[k])
                    k -= 1
                gap = self.norm[last.end:ts]
                if re.search(r"[.;]", gap) or len(gap) > 120:
                    speaker_ents = []
                elif (last.kind == "place" or last.kind == "state" and last.form == "capital") and not METONYM_GAP_RX.fullmatch(gap):
                    speaker_ents = []   # "an expert at a Lima university told": the city does not speak
            rel = speaker_ents and re.search(r",\s*which\s+$", self.norm[max(s, speaker_ents[0].start - 12):speaker_ents[0].start])
            quote = re.match(r"\s*[“\"]", self.norm[s:s + 3])
            q_end = max(self.norm.rfind("”", s, ts), self.norm.rfind('"', s + 1, ts))
            tail = self.norm[te:e]
            # a quotation of several sentences: '"The integrity of Syria is a red line. We call on ...," X said'
            opened = max(self.norm.rfind("“", max(0, s - 800), s), self.norm.rfind('"', max(0, s - 800), s)) \
                if not quote and q_end > s and speaker_ents and speaker_ents[0].start > q_end and \
                '"' not in self.norm[s:q_end] and "“" not in self.norm[s:q_end] else -1
            if opened >= 0 and self.norm.count('"', opened, s) + self.norm.count("“", opened, s) + self.norm.count("”", opened, s) != 1:
                opened = -1   # the quote before is closed: this sentence's quote mark is not the end of it
            if rel:
                content = (s, speaker_ents[0].start)   # "..., which Mogadishu denounced as ...": the antecedent
            elif quote and q_end > s and speaker_ents and speaker_ents[0].start > q_end:
                content = (s, q_end)
            elif opened >= 0:
                content = (opened, q_end)
            elif speaker_ents and re.fullmatch(r"\s*(?:(?:in|on) (?:a |an |its |his |her )?[\w -]{0,40})?[.!]?\s*", tail) \
                    and re.search(r",\s*(?:the\s+|[\w-]+\s+){0,3}$", self.norm[s:speaker_ents[0].start]):
                content = (s, speaker_ents[0].start)   # "..., the Defence Ministry has reported."
            else:
                content = (te, e)
                # "said on Wednesday that ...", "told reporters on Monday": the date of the saying
                # "told a parliamentary committee on Nov. 7 that ...": a few words, then the date
                near = next((d for d in self.dates if te <= d.start < te + 50 and re.fullmatch(
                    r"\s*(?:[\w-]+\s+)?(?:on|last|this|earlier|late|early)?\s*|\s*(?:[\w-]+\s+){1,4}(?:on|last|earlier)\s+",
                    self.norm[te:d.start])), None)
                if near is not None:
                    tail2 = re.match(r"\s*(?:evening|morning|afternoon|night)?\s*(?:that\b)?", self.norm[near.end:e])
                    content = (near.end + (tail2.end() if tail2 else 0), e)
        if not speaker_ents:
            return None
        if re.match(r"(?:called|calls) on$", " ".join(low.split())):
            nxt = next((x for x in sent_ents if x.start >= te), None)
            if nxt is not None and nxt.kind == "off" and not re.match(r"\s+(?:\S+\s+){0,3}?to\b", self.norm[nxt.end:nxt.end + 30]):
                return None   # "called on Vice President X at the Great Hall": a courtesy call, not an appeal
        if (speaker_ents[-1].kind == "pron" or re.search(r"\b(?:he|she)\s+(?:\w+\s+)?$", self.norm[max(s, ts - 20):ts], re.I)) \
                and NON_OFFICIAL_RX.search(self.norm[self._prev_sentence_start(s):ts]):
            return None   # "X, a researcher at ..., argues ... 'quote,' he said": not the official named earlier
        group = next((x for x in speaker_ents if x.kind == "group"), None)
        c.content = [content]
        content_zones.append(content)
        text = self.norm[content[0]:content[1]]
        mtext = ms[content[0] - s:content[1] - s]
        future = re.search(r"\b(?:will|shall|is to|are to|set to|scheduled|to be held|expected to|plans? to)\b", text, re.I)
        subs = [(a - content[0], b - content[0]) for a, b, k in zones if k == "sub"]
        reported = [m for _, role, rx, _ in triggers() if role in REPORTED_ROLES for m in rx.finditer(mtext)
                    if not any(a <= m.start() < b for a, b in subs)
                    and not HYPOTHETICAL_RX.search(text[max(0, m.start() - 80):m.start()])
                    # an exercise is reported when held ("will hold the joint exercise"), commented on otherwise
                    and (role != "exercise" or HELD_RX.search(text[max(0, m.start() - 50):m.start()]))]
        if reported and not future:
            return None        # reporting another act (a visit, talks, a signing, an exercise) is that act
        if any(rx.search(text) for _, rx in trigger_patterns("negated")) and \
                re.search(r"\b(?:session|meeting|talks|visit|summit|trip|consultations)\b", text, re.I):
            return None        # "the session ... has been postponed, the ministry said": news about that act
        if future and any(rx.search(mtext) for _, role, rx, _ in triggers() if role == "visit") and \
                re.match(r"\s*(?:that\s+)?(?:he|she|they|we|I)\b", text):
            return None        # "X said he would travel to Y": the announced trip is a planned visit
        own = [t for t, rx in trigger_patterns("joint") + trigger_patterns("sign") if rx.search(mtext)]
        if own and re.search(r"\b(?:we|I)\b|\b(?:he|she) and\b|\band (?:he|she)\b", text):
            return None        # "we agreed ...": the speaker's own act, extracted as that act
        g = GROUP_SUBJECT_RX.search(text)
        if g and not future and not re.search(r"\b(?:urg\w*|call\w*\s+on|ask\w*|appeal\w*\s+to|press\w*|encourag\w*|between)\s+$",
                                           text[:g.start()], re.I):
            return None        # "the two sides agreed ...": a readout of their act ("urged the parties to" is not)
        speakers: list[str] = []
        if group is not None:
            # "Both ministers called on Venezuela": the parties of the act in focus, about a third state
            _add(speakers, *self.context_states(group.form))
            if self.focus is not None and set(self.focus.states) <= set(speakers):
                _add(c.persons, *self.group_persons(group.form, self.focus.persons))
        for x in speaker_ents:
            if x.kind in ("off", "state", "body", "pron") and x.code:
                _add(speakers, x.code)
            if x.person:
                _add(c.persons, x.person)
        content_ents = [x for x in (sent_ents if content[0] >= s else self.ents_in(content[0], content[1]))
                        if content[0] <= x.start < content[1]]
        about = [st for st in self.ent_states(content_ents) if st not in speakers]
        # "condemned the crimes against the people of Gaza": a place the words are about (not where
        # they were said: "told reporters in Tehran") stands for its state
        _add(about, *[x.code for x in content_ents if x.kind == "place" and not x.locative and x.code
                      and x.code not in speakers])
        if c.role == "statement_obj":
            # "ordered the French ambassador to leave": the state inside the act's own words is its object
            _add(about, *[st for st in self.ent_states([x for x in sent_ents if ts <= x.start < te]) if st not in speakers])
        if group is not None and not about:
            return None        # a readout of what the parties did belongs to their act
        anaphor = re.search(r"\b(?:the|this|that|these|both)\s+(?:two\s+|three\s+)?(?:[\w-]+\s+)?(?:countries|nations|sides|exercises?|drills?|visits?|agreements?|deals?|meetings?|talks|summit|declaration|memorand(?:um|a)|call|dispute|row|standoff|stand-off|pacts?|accords?)\b|\bbilateral\b|\bjoint\b", text, re.I)
        if anaphor and self.focus and not about:
            ctx = [st for st in self.focus.states if st not in speakers]
            if len(ctx) < len(self.focus.states) or not speakers:
                _add(about, *ctx)
        f = self.focus
        if not about and speakers and f is not None and f.type != "Statement" and len(set(f.states)) >= 2 and \
                not set(speakers) & set(f.states) and f.sent[0] >= self._recent_start(s, 3) and not reported and \
                all(x.kind in ("off", "body", "pron") or x.kind == "state" and x.form == "capital" for x in speaker_ents) and \
                not NON_OFFICIAL_RX.search(self.norm[s:ts]):
            # a third state's reaction to the act just reported ("Chinese spokesperson X said on
            # Wednesday that maritime issues should be handled by the countries directly concerned")
            _add(about, *f.states)
        if not about or not speakers:
            return None        # "an expert told EFE": no state speaks
        if any(a.type == "OfficialVisit" and set(about) <= set(a.states) for a in self.acts[-6:]) and \
                re.search(r"\b(?:the|this|my|our)\s+(?:[\w-]+\s+)?(?:visit|trip)\b", text, re.I):
            return None        # "I am very happy to visit ... The visit reflects ...": a remark on the visit itself
        c.speakers = speakers
        c.about = about
        c.states = sorted(set(speakers) | set(about))
        c.orgs = [x.code for x in content_ents if x.kind == "org"]
        c.status = "happened"
        # the date of the speech act, never of what was said
        deed = c.role == "statement_obj" and re.match(r"(?:recall|withdr|expel|sever|broke|breaks|cut|ordered|summon|lodg|file|deliver)",
                                                      self.norm[ts:te].lower())
        # "recalled its ambassador in March": a deed, whose own words after the trigger may date it
        # "condemned the Chinese actions on Monday, saying ...": a weekday closing the object dates the speech act
        own = [d for d in self.dates_in(s, e, [z for z in zones if z[2] == "sub"]) if deed or not (content[0] <= d.start < content[1])
               or d.kind in ("wd", "same_day") and d.start - te < 60 and re.match(r"\s*[,.;]", self.norm[d.end:d.end + 3])]
        kept_content = c.content
        if deed or any(content[0] <= d.start < content[1] for d in own):
            c.content = []
        self.date(c, own, ts, [z for z in zones if not (content[0] <= z[0] < content[1])], None)
        c.content = kept_content
        if c.precision == "year" and not c.explicit_date:
            c.first = c.last = c.precision = None
        f = self.focus
        if c.first is None and f is not None and f.first and f.precision == "day" and f.first == f.last and \
                (set(c.persons) & set(f.persons) or f.status == "happened" and set(c.speakers) <= set(f.states) and
                 self.pub_last is not None and 0 <= (self.pub_last - f.first).days <= 31 and
                 not re.search(r"\b(?:long|repeatedly|often|always|consistently)\s+$", self.norm[max(s, ts - 20):ts]) and
                 f.sent[0] >= self._recent_start(s, 3) and not any(f.sent[1] <= d.start < s and not d.excluded for d in self.dates)):
            # said at the talks just reported: by one of their persons, or by one of their sides in the
            # sentences that follow (no other date between)
            c.first, c.last, c.precision = f.first, f.last, f.precision   # said at the talks just reported
        c.rule = "Statement:" + ("quote" if content[1] <= ts else "verb")
        c.confidence = 0.55
        # "Turkey and Pakistan voiced support": each speaks for itself; "In it (the joint declaration),
        # France, Germany and Poland condemned": one joint statement
        joint = re.search(r"\b(?:jointly|together|joint|in it|in the (?:declaration|statement|communiqu\w*))\b", self.norm[s:e], re.I)
        c.split_speakers = len(speaker_ents) > 1 and not joint and all(x.kind == "state" and x.form == "name" for x in speaker_ents)
        return c
