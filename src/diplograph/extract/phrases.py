"""Title phrases and person names over tokens: the grammar behind extract/officials.py.

A title phrase is [determiners] [honorifics] [state words] core [of|for State] [to State]:
"the Minister of Foreign Affairs of Latvia", "Kremlin spokesman", "UAE Ambassador to India",
"Deputy Prime Minister and Minister of Foreign Affairs" (a combined post: both are kept, the
principal is chosen by seniority), "US Special Envoy to the Middle East". A name is a run of
capitalised tokens with particles ("de la", "van", "bin", "Al-"), after any honorifics
("H.E. Mr.", "Hon. Dr.", "Sheikh").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from diplograph.extract.gazetteer import Mention
from diplograph.extract.text import Token
from diplograph.extract.titles import _vocab, normalise_post

DETERMINERS = {"the", "his", "her", "their", "its", "a", "an"}
# "the then Prime Minister", "the newly appointed Ambassador": words between determiner and title
PRE_TITLE = {"then", "newly", "appointed", "new", "incoming", "current", "incumbent", "visiting",
             "transitional", "interim", "outgoing"}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von", "der", "den",
             "la", "le", "abu", "abd", "ben", "dos", "das", "del", "y", "ter", "te"}
NOT_NAMES = {"the", "he", "she", "it", "this", "that", "these", "those", "in", "on", "at", "and",
             "but", "as", "by", "for", "to", "with", "during", "after", "before", "following",
             "according", "also", "however", "meanwhile", "speaking", "both", "each", "we", "i",
             "they", "his", "her", "their", "our", "said", "says", "told", "noted", "added",
             "january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
             "friday", "saturday", "sunday", "ministry", "government", "embassy", "office",
             "declaration", "agreement", "summit", "exercise", "exercises", "forces", "council",
             "affairs", "state", "republic", "parliament", "assembly", "party", "news", "agency",
             "commentary", "no", "committee", "administration", "kremlin", "union", "corridor",
             "region", "presidency", "mfa", "platform", "airport", "palace", "house", "x",
             "twitter", "facebook", "telegram", "university", "institute", "center", "centre",
             "during", "earlier", "later", "today", "yesterday", "tomorrow", "minister", "ministers", "commission",
             "visits", "signs", "meets", "holds", "says", "receives", "hosts", "welcomes", "urges", "discusses", "arrives",
             "warns", "hails", "condemns", "vows", "pledges", "launches", "backs", "slams", "east", "west", "north", "south", "middle", "gulf", "asia", "africa",
             "europe", "pacific", "atlantic", "caucasus", "balkans", "sahel", "horn", "peninsula", "sea"}
POSTNOMINALS = {"MP", "MPs", "QC", "KC", "OON", "CON", "GCON", "CBE", "OBE", "MBE", "KBE", "PhD", "MLA", "MNA", "MEP", "Jr", "Sr"}
DEST_HEADS = {"ambassador", "ambassadors", "envoy", "representative", "consul", "coordinator", "mission",
              "chargé", "commissioner", "ambassador-at-large"}


# last words of a region a post covers ("for the West Philippine Sea", "for the Horn of Africa")
REGION_HEADS = {"sea", "ocean", "gulf", "strait", "straits", "peninsula", "region", "basin", "lakes", "coast", "islands"}


@dataclass
class Title:
    start: int               # token index of first token (after determiners)
    end: int                 # token index after the title phrase
    states: list[str]
    core: list[Token]        # title tokens (state words removed)
    rank: list[Token]
    plural: bool = False
    counterpart: bool = False
    det: bool = False
    dest: str | None = None                              # "Ambassador ... to Nepal": NPL
    avoid: list[str] = field(default_factory=list)       # "Special Representative for Afghanistan": not AFG's
    extra: list[str] = field(default_factory=list)       # further posts of a combined title


class TitleParser:
    def __init__(self, norm: str, tokens: list[Token], mentions: list[Mention]):
        self.norm = norm
        self.toks = tokens
        self.n = len(tokens)
        self._lows = [t.text.lower() for t in tokens]    # low() is the hottest call of the pass
        self.state_at: dict[int, tuple[int, str]] = {}    # token idx -> (end token idx, ISO3)
        self.body_at: dict[int, tuple[int, str]] = {}     # "Kremlin", "White House": a state's body
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        self.masked: set[int] = set()
        self.state_names: set[int] = set()                # "China", not "Chinese"
        self.org_last: set[int] = set()                   # last token of an organisation's name
        self.capital_at: dict[int, tuple[int, str]] = {}  # "Baghdad": (end token idx, ISO3)
        self.org_tokens: set[int] = set()                 # tokens inside an organisation's name
        for m in mentions:
            if m.start in starts and m.end in ends:
                i, j = starts[m.start], ends[m.end]
                if m.kind == "state" and m.form in ("name", "demonym", "alias") and not m.extra.get("compound"):
                    self.state_at[i] = (j + 1, m.code)
                    if m.form != "demonym":
                        self.state_names.add(i)
                elif m.kind == "state" and m.form == "capital" and m.code:
                    self.capital_at[i] = (j + 1, m.code)
                elif m.kind == "org":
                    self.org_last.add(j)
                    self.org_tokens.update(range(i, j + 1))
                elif m.kind == "body" and m.code:
                    self.body_at[i] = (j + 1, m.code)
                for k in range(i, j + 1):
                    self.masked.add(k)
        v = _vocab()
        self.heads, self.words, self.honor, self.ranks = v[0], v[1], v[2], v[3]
        self.counterpart_words, self.head_words = v[7], v[8]

    # ------------------------------------------------------------------ token helpers
    def low(self, i: int) -> str:
        return self._lows[i] if 0 <= i < self.n else ""

    def gap(self, i: int) -> str:
        """Text between token i and i+1; a run of spaces (justified PDF text) reads as one."""
        g = self.norm[self.toks[i].end:self.toks[i + 1].start] if 0 <= i and i + 1 < self.n else ""
        return " " if len(g) > 1 and not g.strip(" \t\u00a0") else g

    def is_title_word(self, i: int) -> bool:
        w = self.low(i)
        parts = [p for p in w.split("-") if p]
        if len(parts) >= 2 and w not in self.words and all(p in self.words for p in parts):
            return True     # "Vice-Foreign Minister"
        return w in self.words or w.rstrip(".") + "." in self.ranks or w in ("fm",)

    def skip_honor(self, j: int) -> int:
        """Index after honorifics: 'H.E. Mr.', 'Hon. Dr.', 'His Highness', 'Sheikh'."""
        while j < self.n:
            two = self.low(j) + " " + self.low(j + 1)
            w = self.low(j)
            if two in self.honor:
                j += 2
            elif (w in self.honor or w + "." in self.honor) and (w != "he" or self.toks[j].text == "HE") \
                    and self.toks[j].cap and (w not in ("sheikh", "sheikha", "shaikh") or self.toks[j + 1 if j + 1 < self.n else j].cap):
                j += 1
            else:
                break
            if self.low(j) in (".", "'", "’") and self.gap(j - 1) == "":
                j += 1      # "Prof.", Malaysia's "Dato'"
        return j

    def skip_rank(self, j: int) -> tuple[int, list[Token]]:
        """'Colonel General', 'Gen.', 'Commodore' before a name."""
        for r in _ranks_by_length(frozenset(self.ranks)):
            rw = r.replace(".", " .").split()
            k, ok = j, True
            for w in rw:
                if self.low(k) != w:
                    ok = False
                    break
                k += 1
            if ok and self.toks[j].cap:
                return k, self.toks[j:k]
        return j, []

    def _unit(self, k: int) -> list[Token]:
        """'Regional Command "East"', 'Western Military District': a named command after a state's."""
        out: list[Token] = []
        while k < self.n and len(out) < 5 and self.skip_rank(k)[0] == k and k not in self.masked:
            if self.low(k) in ('"', "“", "”") and k + 1 < self.n and self.toks[k + 1].cap:
                k += 1
                continue
            if not self.toks[k].cap:
                break
            out.append(self.toks[k])
            k += 1
        words = {t.text.lower() for t in out}
        return out if words & {"command", "district", "fleet", "corps", "army", "division", "brigade"} else []

    def _has_head(self, core: list[Token]) -> bool:
        words = " ".join(t.text.lower() for t in core)
        return any(w in self.head_words for w in words.split()) or bool(_multiword_heads(frozenset(self.heads)).search(words))

    # ------------------------------------------------------------------ title phrase
    def may_start_title(self, i: int) -> bool:
        """Whether parse_title(i) can find anything: a title opens with a determiner, an honorific,
        a state, a state's body or a title word (a cheap test before the full parse)."""
        w = self.low(i)
        return (w in DETERMINERS or i in self.state_at or i in self.body_at or w in self.honor or w + "." in self.honor
                or w + " " + self.low(i + 1) in self.honor or self.is_title_word(i))

    def parse_title(self, i: int, allow_det: bool = True) -> Title | None:
        if not self.may_start_title(i):
            return None
        j, det = i, False
        while True:
            k = j
            while allow_det and k < self.n and self.low(k) in DETERMINERS:
                k, det = k + 1, True
            k = self.skip_honor(k)
            while det and self.low(k) in PRE_TITLE and not self.toks[k].cap:
                k += 1
            if k == j:
                break
            j = k
        start = j
        states: list[str] = []
        state_starts: list[int] = []
        core: list[Token] = []
        while j in self.state_at:
            end, code = self.state_at[j]
            states.append(code)
            state_starts.append(j)
            j = end
            if self.low(j) in ("'s", "’s"):
                j += 1
            if self.low(j) in ("and", ",") and (j + 1) in self.state_at:
                j += 1
                continue
            if self.low(j) == "," and self.low(j + 1) == "and" and (j + 2) in self.state_at:
                j += 2
                continue
            break
        if states:      # "Mali's transitional president": the office, not a description
            while self.low(j) in PRE_TITLE | {"former"} and not self.toks[j].cap and self.is_title_word(j + 1):
                j += 1
        if j in self.body_at and self.is_title_word(self.body_at[j][0]):
            end, code = self.body_at[j]      # "Kremlin spokesman": the body names state and office
            states.append(code)
            core.extend(self.toks[j:end])
            j = end
        rank: list[Token] = []
        dest: str | None = None
        avoid_states: list[str] = []
        extra: list[str] = []
        last_conn = False
        ends: list[int] = []      # j after each consumed core token, to undo trailing connectors
        while j < self.n:
            w = self.low(j)
            if w in ("of", "for") and core:
                nxt = j + 1
                if self.low(nxt) == "the":
                    nxt += 1
                gov = re.match(r"(?:of|for) the (?:[A-Z][\w-]+ ){0,3}(?:Government|Republic|Kingdom|Federation|Administration) of ",
                               self.norm[self.toks[j].start:self.toks[j].start + 80])
                if gov:   # "Adviser for Foreign Affairs of the Interim Government of Bangladesh"
                    k = j
                    while k < self.n and self.toks[k].start < self.toks[j].start + gov.end():
                        k += 1
                    if k in self.state_at:
                        if gov.group().lower() == f"{w} the government of " and \
                                " ".join(t.text for t in core + self.toks[j:k - 1]).lower() in _vocab()[5]:
                            core = core + self.toks[j:k - 1]    # Spain's "President of the Government"
                        states.append(self.state_at[k][1])
                        j = self.state_at[k][0]
                        last_conn = False
                        continue
                if w == "for" and nxt in self.state_at and any(t.text.lower() in DEST_HEADS for t in core):
                    # "Special Representative for Afghanistan": the post names the state it deals with
                    end, code = self.state_at[nxt]
                    core.extend(self.toks[j:end])
                    ends.extend(range(j, end))
                    avoid_states.append(code)
                    j = end
                    break
                run = nxt
                while run < self.n and run - nxt < 5 and self.toks[run].cap and self.gap(run - 1) == " ":
                    run += 1
                cut = next((r + 1 for r in range(run - 1, nxt - 1, -1) if self.low(r) in REGION_HEADS), None)
                if w == "for" and cut:
                    # "spokesman for the West Philippine Sea": a region, not a state and a name
                    core.extend(self.toks[j:cut])
                    ends.extend(range(j, cut))
                    j = cut
                    break
                # "the Afghan foreign ministry's spokesman"
                if nxt in self.state_at or self.is_title_word(nxt) or (
                        w == "for" and self.toks[nxt].cap if nxt < self.n else False):
                    core.append(self.toks[j])
                    ends.append(j)
                    if nxt != j + 1:
                        core.append(self.toks[j + 1])
                        ends.append(j + 1)
                    j = nxt
                    last_conn = True
                    continue
                break
            if w in ("'s", "’s") and core and core[-1].text.lower() in ("ministry", "office", "presidency", "government", "guard", "forces",
                                                                                  "army", "navy", "police", "command", "council") \
                    and self.is_title_word(j + 1):
                j += 1          # "the foreign ministry's spokesman": one title
                continue
            if w == "in" and core and self.low(j + 1) == "charge" and self.low(j + 2) == "of" and \
                    core[-1].text.lower() in self.head_words:
                k = j + 3                       # Cambodia's "Minister in charge of State Border Affairs"
                while k < self.n and k - j < 8 and self.toks[k].cap and k not in self.masked and self.gap(k - 1) == " ":
                    k += 1
                if k > j + 3:
                    core.extend(self.toks[j:k])
                    ends.extend(range(j, k))
                    j = k
                break
            if w == "in" and core and dest is None and any(t.text.lower() in DEST_HEADS for t in core):
                nxt = j + 1 + (self.low(j + 1) == "the")
                hit = self.state_at.get(nxt) or self.capital_at.get(nxt)
                if hit:                         # "Turkey's ambassador in Baghdad": posted to Iraq
                    dest = hit[1]
                    j = hit[0]
                    continue
                break
            if w == "to" and core and dest is None and any(t.text.lower() in DEST_HEADS for t in core):
                nxt = j + 1 + (self.low(j + 1) == "the")
                if nxt in self.state_at or nxt in self.capital_at:   # "Ambassador of India to Nepal", "to Manila"
                    dest = (self.state_at.get(nxt) or self.capital_at[nxt])[1]
                    j = (self.state_at.get(nxt) or self.capital_at[nxt])[0]
                    continue
                run = nxt
                while run < self.n and run not in self.masked and self.gap(run - 1) == " " and (
                        self.toks[run].cap or self.low(run) in ("of", "and") and run + 1 < self.n and self.toks[run + 1].cap):
                    run += 1            # "to the Horn of Africa", "for the Great Lakes"
                if run - nxt >= 3 or run - nxt >= 1 and not (run < self.n and self.toks[run].cap):
                    # "Special Envoy to the Middle East Steve Witkoff": the last two words name him
                    cut = run - 2 if run - nxt >= 3 else run
                    core.extend(self.toks[j:cut])
                    ends.extend(range(j, cut))
                    j = cut
                    break
                break
            if w == "and" and core and j + 1 < self.n and self.toks[j + 1].cap:
                t2 = self.parse_title(j + 1, allow_det=False) if (
                    self.is_title_word(j + 1) or (j + 1) in self.state_at) and self._has_head(core) else None
                if t2 and t2.core and self._has_head(t2.core) and not t2.plural:
                    first = normalise_post(" ".join(t.text for t in core))   # "Deputy Prime Minister and ..."
                    if first:
                        extra.append(first)
                    extra.extend(t2.extra)
                    core, rank, dest = t2.core, t2.rank, t2.dest
                    states.extend(s for s in t2.states if s not in states)
                    j = t2.end
                    ends = []
                    break
                if self.is_title_word(j + 1) and self.low(j + 1) not in self.head_words and \
                        any(t.text.lower() in ("of", "for") for t in core) and core[-1].text.lower() not in self.head_words:
                    core.append(self.toks[j])   # "Minister of Foreign Affairs and Trade"
                    ends.append(j)
                    j += 1
                    continue
                break
            if j in self.state_at and (last_conn or core):
                end, code = self.state_at[j]
                if last_conn and self.low(end) in ("'s", "’s") and core[-1].text.lower() == "of" and \
                        core[-2].text.lower() in ("commander", "head", "chief"):
                    unit = self._unit(end + 1)      # "commander of Kazakhstan's Regional Command 'East'"
                    if unit:
                        states.append(code)
                        core.extend(unit)
                        ends.extend(range(end + 1, self.toks.index(unit[-1]) + 1))
                        j = ends[-1] + 1
                        if self.low(j) in ('"', "”", "'", "’") and self.gap(j - 1) == "":
                            j += 1
                        last_conn = False
                        break
                if last_conn or self.is_title_word(end):
                    states.append(code)
                    j = end
                    if last_conn and not self.is_title_word(end):   # "... Affairs of Georgia": drop "of"
                        while core and core[-1].text.lower() in ("of", "for", "the"):
                            core.pop()
                            ends.pop()
                    last_conn = False
                    continue
                break
            if w in ("amir", "emir") and core and self._has_head(core):
                break     # "... of the Ministry of Defense Amir Baram": a first name, not a second title
            if w in ("prince", "princess") and core and self._has_head(core) and core[-1].text.lower() != "crown" \
                    and j + 1 < self.n and self.toks[j + 1].cap:
                break     # "Foreign Minister Prince Faisal bin Farhan": a style before the name, not the post
            if self.is_title_word(j) and "-" not in self.gap(j - 1 if j else 0)[-1:]:
                core.append(self.toks[j])
                ends.append(j)
                j += 1
                last_conn = False
                continue
            if last_conn and self.toks[j].cap and core and (core[-1].text.lower() == "for" or
                                                            len(core) > 1 and [t.text.lower() for t in core[-2:]] == ["for", "the"]):
                core.append(self.toks[j])     # "Senior Advisor for Africa"
                ends.append(j)
                j += 1
                last_conn = False
                continue
            break
        while core and core[-1].text.lower() in ("of", "for", "the", "and") and ends and ends[-1] == j - 1:
            core.pop()
            j = ends.pop()
        # split a trailing rank off the core ("... Defense Four Star General")
        text_core = [t.text.lower() for t in core]
        core_end = core[-1] if core else None
        for r in _ranks_by_words(frozenset(self.ranks)):
            rw = r.split()
            if len(core) >= len(rw) and text_core[-len(rw):] == rw:
                pre = core[:-len(rw)]
                # "Four Star General": a numeric word before the rank belongs to it
                while pre and pre[-1].text.lower() in ("four", "three", "two", "one", "five", "star", "four-star"):
                    pre = pre[:-1]
                rank = core[len(pre):]
                core = pre
                break
            if r.endswith(".") and len(rw) == 1 and len(core) > 1 and text_core[-1] == r[:-1]:
                rank, core = core[-1:], core[:-1]
                break
        if rank and rank[-1] is core_end and self.low(j) == "." and self.gap(j - 1) == "":
            j += 1      # "Defence Minister Gen. X": the abbreviated rank's period
        words = " ".join(t.text.lower() for t in core)
        has_head = self._has_head(core)
        counterpart = bool(set(words.split()) & self.counterpart_words)
        if not (has_head or rank or counterpart):
            return None
        counterparts = bool(core) and core[-1].text.lower() == "counterparts"   # "his Egyptian and Somali counterparts"
        if counterpart and not has_head:
            core = [t for t in core if t.text.lower() not in self.counterpart_words]
        if [t.text.lower() for t in core] in (["amir"], ["emir"]) and not (states or start > i):
            return None     # "Amir Baram": a given name; "the Amir", "Qatari Emir" are titles
        plural = bool(core) and core[-1].text.lower() in ("presidents", "ministers", "leaders") or counterparts
        if not plural and len(state_starts) > 1:
            # "... to Israel, Iranian Minister X": only the state next to the title is its own
            start = state_starts[-1]
            states = states[len(state_starts) - 1:]
        return Title(start, j, states, core, rank, plural, counterpart, det, dest, extra=extra, avoid=avoid_states)

    def title_post(self, t: Title) -> str | None:
        if not t.core:
            return None
        post = normalise_post(" ".join(x.text for x in t.core))
        if post and t.dest:
            post = f"{post} to {state_label(t.dest)}"
        return post

    # ------------------------------------------------------------------ names
    def parse_name(self, i: int, given_ok: bool = False) -> int:
        """Token index after a person name starting at i (i itself when none)."""
        j, caps = i, 0
        while j < self.n and caps < 4:
            t = self.toks[j]
            w = t.text.lower()
            if j > i and self.gap(j - 1) not in (" ",):
                break
            if j > i and re.fullmatch(r"(?:al|el|ad|as|ash|at|az)-[A-Z][\w'’-]+", t.text) and j not in self.masked:
                caps += 1               # "Mohammed Shia al-Sudani": the particle is fused to the surname
                j += 1
                continue
            if w in PARTICLES or re.match(r"^(?:al|el|ad|as|ash|at|az)-\w", w) and t.text[:1].islower():
                k = j
                while k < self.n and self.low(k) in PARTICLES and self.gap(k) == " ":
                    k += 1              # "de la Fuente", "van der Berg"
                if k < self.n and k > j and self.toks[k].cap and k not in self.masked or \
                        k == j and j + 1 < self.n and self.toks[j + 1].cap:
                    j = max(k, j + 1)
                    continue
                if caps >= 1 and t.cap and k == j + 1 and w in ("bin", "le", "du", "da") and \
                        not (k < self.n and self.toks[k].cap and self.gap(j) == " "):
                    return j + 1        # "Jiang Bin", "Dang Le": a capitalised family name, not a particle
                break
            if j in self.capital_at and j > i and self.capital_at[j][0] == j + 1:
                pass            # never inside a name: "Santiago" after "Ana"? a capital ends the name
            elif j in self.capital_at and j == i and self.capital_at[j][0] == j + 1 and j + 1 < self.n and \
                    (given_ok or i > 0 and self.is_title_word(i - 1) and self.gap(i - 1) == " ") and \
                    self.toks[j + 1].cap and j + 1 not in self.masked and self.gap(j) == " " and self.low(j + 1) not in NOT_NAMES:
                caps += 1       # "President Santiago Peña": a given name that is also a capital
                j += 1
                continue
            if not t.cap or not t.text[:1].isalpha() or j in self.masked or j in self.state_at:
                break
            if j == i and len(t.text) == 1 and t.text.isupper() and self.low(j + 1) == "." and self.gap(j) == "" and \
                    j + 2 < self.n and self.gap(j + 1) == " " and self.toks[j + 2].cap and j + 2 not in self.masked:
                caps += 1       # "S. Jaishankar": an initial opens the name
                j += 2
                continue
            if j > i and len(t.text) == 1 and t.text.isupper() and self.low(j + 1) == "." and \
                    self.gap(j) == "" and j + 2 < self.n and self.gap(j + 1) == " " and self.toks[j + 2].cap:
                j += 2                  # a middle initial: "Tore O. Sandvik"
                continue
            if caps >= 2 and t.text in ("Jr", "Sr") and self.gap(j - 1) == " ":
                # "Ferdinand R. Marcos Jr.": the suffix belongs to the name as written
                j += 1 + (self.low(j + 1) == "." and self.gap(j) == "")
                break
            if caps >= 2 and t.text in POSTNOMINALS:
                break           # "Richard Marles MP", "Yusuf Tuggar OON"
            initials = re.fullmatch(r"(?:[A-Z]\.){2,}", t.text) is not None
            given = w in ("said", "says") and j == i and j + 1 < self.n and self.toks[j + 1].cap   # "Said Harthy"
            if w in NOT_NAMES and not given or (self.is_title_word(j) and w not in ("major", "amir", "emir")) or \
                    t.text.isupper() and len(t.text) > 1 and caps == 0 and len(t.text) <= 4 and not initials:
                break
            if initials and not (j + 1 < self.n and self.toks[j + 1].cap and self.gap(j) == " "):
                break
            caps += 1
            j += 1
        while j > i and self.toks[j - 1].text.lower() in PARTICLES:
            j -= 1
        return j


@functools.lru_cache(maxsize=4)
def _ranks_by_length(ranks: frozenset[str]) -> list[str]:
    return sorted(ranks, key=lambda r: (-len(r), r))


@functools.lru_cache(maxsize=4)
def _ranks_by_words(ranks: frozenset[str]) -> list[str]:
    return sorted(ranks, key=lambda r: (-len(r.split()), r))


@functools.lru_cache(maxsize=4)
def _multiword_heads(heads: frozenset[str]) -> re.Pattern[str]:
    """One pattern for the heads of several words ("prime minister"), compiled once."""
    multi = sorted((h for h in heads if " " in h), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in multi) + r")\b") if multi else re.compile(r"(?!)")


def state_label(code: str) -> str:
    """'Nepal', 'the United Arab Emirates': a state's short name as it follows 'to'."""
    from diplograph.extract.gazetteer import gazetteer
    name = gazetteer().names.get(code, code)
    if name.startswith(("United", "Republic", "Democratic", "Central African", "Czech", "Dominican")) \
            or name.endswith(("Islands", "lands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles")) \
            or name == "Gambia":
        return "the " + name
    return name
