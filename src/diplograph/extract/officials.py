"""Officials: named persons acting for a state, found through the titles that mark them.

Patterns (all driven by data/reference/posts.csv):
  [Demonym|State's|the] [Title] [Rank] Name       "Azerbaijani Minister of Defense Zakir Hasanov"
  [Title] Name of [State]                         "Foreign Minister Olivier Nduhungirehe of Rwanda"
  Name, [the] [Title phrase]                      "Major General X, the Iranian Armed Forces Deputy Chief..."
  Name, who serves as the [Title phrase]
  Name, [State] [Title] Name2's [Title2]          -> "Title2 to the Title" of Name2's state
  Demonym and Demonym [Titles] Name and Name      distributive ("Russian and Azerbaijani Presidents ...")
  his [Demonym] counterpart Name                  same post as the person just named
Later mentions: by any name token (surname), by title alone ("the Azerbaijani Minister of
Defense"), pronouns are resolved in acts.py. A person's state, when the title names none,
comes from a coordinated official ("X and Deputy Minister Y"), else — for heads of state and
government only — from the state the document names most.

Principal post: when a person is given several posts, the most senior one (posts.csv
`seniority`: head of state > head of government > minister > chief of general staff > deputy
minister > commanders > ambassadors...) is `post`; the others go to `other_posts`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from diplograph.extract.gazetteer import Mention
from diplograph.extract.lexicon import posts
from diplograph.extract.text import Token
from diplograph.records import Official, Span

DETERMINERS = {"the", "his", "her", "their", "its", "a", "an"}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von", "der", "den",
             "la", "le", "abu", "abd", "ben", "dos", "das", "del", "y"}
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
             "twitter", "facebook", "telegram", "university", "institute", "center", "centre"}


@dataclass
class OfficialMention:
    start: int
    end: int
    official: int            # index into the officials list
    kind: str                # full | surname | title
    sentence: int = -1


@dataclass
class _Title:
    start: int               # token index of first token (after determiners)
    end: int                 # token index after the title core
    states: list[str]
    core: list[Token]        # title tokens (state words removed)
    rank: list[Token]
    plural: bool = False
    counterpart: bool = False
    det: bool = False


@dataclass
class _Person:
    name: str
    state: str | None
    posts: list[tuple[str, int]] = field(default_factory=list)   # (post, position)
    rank: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    first: int = 0


@functools.lru_cache(maxsize=1)
def _vocab():
    p = posts()
    heads = {s: c for s, c, _ in p.get("head", [])}
    words = set()
    for kind in ("head", "modifier", "portfolio", "alias", "rank", "body", "counterpart"):
        for s, _, _ in p.get(kind, []):
            words.update(s.split())
    honor = {s for s, _, _ in p.get("honorific", [])}
    ranks = {s for s, _, _ in p.get("rank", [])}
    portfolios = sorted(((s, c) for s, c, _ in p.get("portfolio", [])), key=lambda x: -len(x[0]))
    aliases = {s: c for s, c, _ in p.get("alias", [])}
    seniority = [(re.compile(s), int(n)) for s, _, n in p.get("seniority", [])]
    counterpart = {s for s, _, _ in p.get("counterpart", [])}
    head_words = {w for s in heads for w in s.split()} - {"vice", "prime", "general", "crown"}
    return heads, words, honor, ranks, portfolios, aliases, seniority, counterpart, head_words


def seniority(post: str | None) -> int:
    if not post:
        return 0
    for rx, n in _vocab()[6]:
        if rx.search(post):
            return n
    return 30


def normalise_post(words: str) -> str | None:
    """'defence minister' -> 'Minister of Defense'; state words must already be removed."""
    heads, _, _, _, portfolios, aliases, _, _, _ = _vocab()
    s = " ".join(words.replace("’", "'").split()).strip(" ,")
    s = re.sub(r"^(?:the|his|her|its)\s+", "", s, flags=re.I)
    s = re.sub(r"\s+(?:of|for|the|of the|and)$", "", s, flags=re.I).strip()
    if not s:
        return None
    low = s.lower()
    low = re.sub(r"\bspokes(?:man|woman)\b", "spokesperson", low)
    low = re.sub(r"\bministers\b", "minister", low)
    low = re.sub(r"\bpresidents\b", "president", low)
    if low in aliases:
        return aliases[low]
    # "Armed Forces Deputy Chief of General Staff": a leading body name is not the post
    low = re.sub(r"^(?:(?:armed|land|ground|air|naval|border)\s+)?(?:forces|army|navy|air force)\s+(?=(?:deputy|first|chief|commander|head))", "", low)
    for surf, canon in portfolios:
        m = re.match(rf"^((?:first |deputy |vice |acting |state )*)(?:{re.escape(surf)})\s+minister$", low)
        if m:
            return _title_case(m.group(1)) + f"Minister of {canon}"
        m = re.match(rf"^((?:first |deputy |vice |acting |state )*)minister (?:of|for) (?:the )?(?:{re.escape(surf)})$", low)
        if m:
            return _title_case(m.group(1)) + f"Minister of {canon}"
        low = re.sub(rf"\bministry of (?:the )?{re.escape(surf)}\b", f"ministry of {canon.lower()}", low)
        low = re.sub(rf"\b{re.escape(surf)} ministry\b", f"ministry of {canon.lower()}", low)
    for a, c in aliases.items():
        if low.endswith(" " + a) and low.split()[0] in ("deputy", "first", "vice", "acting"):
            return _title_case(low[: -len(a)]) + c
    if low in heads and heads[low] != _title_case(low).strip():
        return heads[low]
    low = low.replace("chief of the general staff", "chief of general staff")
    return _title_case(low).strip()


def _title_case(s: str) -> str:
    small = {"of", "for", "the", "to", "and", "on", "in"}
    out = []
    for w in s.split():
        if w in small:
            out.append(w)
        elif w in ("fm", "mfa"):
            out.append(w.upper())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out) + (" " if s.endswith(" ") and out else "")


class OfficialFinder:
    """One pass over a document's tokens; see the module docstring for the patterns."""

    def __init__(self, norm: str, tokens: list[Token], mentions: list[Mention]):
        self.norm = norm
        self.toks = tokens
        self.n = len(tokens)
        self.state_at: dict[int, tuple[int, str]] = {}    # token idx -> (end token idx, ISO3)
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        self.masked: set[int] = set()
        for m in mentions:
            if m.start in starts and m.end in ends:
                i, j = starts[m.start], ends[m.end]
                if m.kind == "state" and m.form in ("name", "demonym") and not m.extra.get("compound"):
                    self.state_at[i] = (j + 1, m.code)
                for k in range(i, j + 1):
                    self.masked.add(k)
        self.persons: list[_Person] = []
        self.mentions: list[OfficialMention] = []
        self.titles: list[tuple[int, int, list[str], str | None]] = []   # title-only mentions
        v = _vocab()
        self.heads, self.words, self.honor, self.ranks = v[0], v[1], v[2], v[3]
        self.counterpart_words, self.head_words = v[7], v[8]

    # ------------------------------------------------------------------ token helpers
    def low(self, i: int) -> str:
        return self.toks[i].text.lower() if 0 <= i < self.n else ""

    def gap(self, i: int) -> str:
        """Text between token i and i+1."""
        return self.norm[self.toks[i].end:self.toks[i + 1].start] if i + 1 < self.n else ""

    def is_title_word(self, i: int) -> bool:
        w = self.low(i)
        return w in self.words or w.rstrip(".") + "." in self.ranks or w in ("fm",)

    # ------------------------------------------------------------------ title phrase
    def parse_title(self, i: int, allow_det: bool = True) -> _Title | None:
        j, det = i, False
        while allow_det and j < self.n and self.low(j) in DETERMINERS:
            j, det = j + 1, True
        for h in sorted(self.honor, key=len, reverse=True):
            hw = h.split()
            if " ".join(self.low(j + k) for k in range(len(hw))) == h:
                j += len(hw)
                break
        start = j
        states: list[str] = []
        state_starts: list[int] = []
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
        core: list[Token] = []
        rank: list[Token] = []
        last_conn = False
        ends: list[int] = []      # j after each consumed core token, to undo trailing connectors
        while j < self.n:
            w = self.low(j)
            if w in ("of", "for") and core:
                nxt = j + 1
                if self.low(nxt) == "the":
                    nxt += 1
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
            if j in self.state_at and (last_conn or core):
                end, code = self.state_at[j]
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
        while core and core[-1].text.lower() in ("of", "for", "the") and ends and ends[-1] == j - 1:
            core.pop()
            j = ends.pop()
        # split a trailing rank off the core ("... Defense Four Star General")
        text_core = [t.text.lower() for t in core]
        for r in sorted(self.ranks, key=lambda r: -len(r.split())):
            rw = r.split()
            if len(core) >= len(rw) and text_core[-len(rw):] == rw:
                pre = core[:-len(rw)]
                # "Four Star General": a numeric word before the rank belongs to it
                while pre and pre[-1].text.lower() in ("four", "three", "two", "one", "five", "star", "four-star"):
                    pre = pre[:-1]
                rank = core[len(pre):]
                core = pre
                break
        words = " ".join(t.text.lower() for t in core)
        has_head = any(w in self.head_words for w in words.split()) or any(
            re.search(rf"\b{re.escape(h)}\b", words) for h in self.heads if " " in h)
        counterpart = bool(set(words.split()) & self.counterpart_words)
        if not (has_head or rank or counterpart):
            return None
        if counterpart and not has_head:
            core = [t for t in core if t.text.lower() not in self.counterpart_words]
        plural = bool(core) and core[-1].text.lower() in ("presidents", "ministers", "leaders")
        if not plural and len(state_starts) > 1:
            # "... to Israel, Iranian Minister X": only the state next to the title is its own
            start = state_starts[-1]
            states = states[len(state_starts) - 1:]
        return _Title(start, j, states, core, rank, plural, counterpart, det)

    def title_post(self, t: _Title) -> str | None:
        if not t.core:
            return None
        return normalise_post(" ".join(x.text for x in t.core))

    # ------------------------------------------------------------------ names
    def parse_name(self, i: int) -> int:
        """Token index after a person name starting at i (i itself when none)."""
        j, caps = i, 0
        while j < self.n and caps < 4:
            t = self.toks[j]
            w = t.text.lower()
            if j > i and self.gap(j - 1) not in (" ",):
                break
            if w in PARTICLES or re.match(r"^(?:al|el|ad|as|ash|at|az)-\w", w) and t.text[:1].islower():
                if j + 1 < self.n and self.toks[j + 1].cap:
                    j += 1
                    continue
                break
            if not t.cap or not t.text[:1].isalpha() or j in self.masked or j in self.state_at:
                break
            if w in NOT_NAMES or (self.is_title_word(j) and w not in ("major",)) or t.text.isupper() and len(t.text) > 1 and caps == 0 and len(t.text) <= 4:
                break
            caps += 1
            j += 1
        while j > i and self.toks[j - 1].text.lower() in PARTICLES:
            j -= 1
        return j

    # ------------------------------------------------------------------ the pass
    def run(self) -> None:
        i = 0
        while i < self.n:
            t = self.toks[i]
            if not (t.cap or self.low(i) in DETERMINERS or self.low(i) in ("his", "her")):
                i += 1
                continue
            title = self.parse_title(i)
            if not title or title.end <= i:
                i += 1
                continue
            nend = self.parse_name(title.end)
            lower_ok = title.core and nend - title.end >= 2 and any(t.cap for t in title.core + [self.toks[title.start]])
            if nend > title.end and (title.core and title.core[-1].cap or title.rank or title.counterpart or lower_ok):
                names = [(title.end, nend)]
                j = nend
                if title.plural:   # "Presidents Vladimir Putin and Ilham Aliyev"
                    while self.low(j) in ("and", ",") and j + 1 < self.n:
                        k = j + 1 + (self.low(j + 1) == "and")
                        e = self.parse_name(k)
                        if e == k:
                            break
                        names.append((k, e))
                        j = e
                end = self._add_titled(title, names)
                i = end
                continue
            if title.core and (title.det or title.states):
                # title without a name: "the Azerbaijani Minister of Defense"
                post = self.title_post(title)
                if post and title.core:
                    self.titles.append((self.toks[title.start].start, self.toks[title.end - 1].end,
                                        title.states, post))
            i = max(title.end, i + 1)
        self._name_first_appositions()

    def _add_titled(self, title: _Title, names: list[tuple[int, int]]) -> int:
        post = self.title_post(title)
        states = list(title.states)
        if title.counterpart:
            prev = self._previous_person(self.toks[title.start].start)
            if prev is not None:
                p = self.persons[prev]
                post = post or (p.posts[0][0] if p.posts else None)
        end = names[-1][1]
        rank = " ".join(t.text for t in title.rank) or None
        for k, (a, b) in enumerate(names):
            state = states[k] if title.plural and len(states) == len(names) else (states[-1] if states else None)
            # "Foreign Minister X of Rwanda"
            if state is None and self.low(b) == "of" and (b + 1) in self.state_at:
                state = self.state_at[b + 1][1]
                end = self.state_at[b + 1][0]
            span_start = self.toks[title.start].start if k == 0 else self.toks[a].start
            idx = self._person(self._name_text(a, b), state, post, rank, span_start, self.toks[b - 1].end,
                               coordinated_from=title.start if not states else None)
            # apposition after the name: ", the Iranian ... Chief of General Staff"
            end2 = self._apposition(b if k == len(names) - 1 else b, idx)
            if k == len(names) - 1:
                end = max(end, end2)
        return end

    def _apposition(self, j: int, idx: int) -> int:
        """', [who serves as] the [Title phrase]' after a name adds a post to person idx."""
        if self.low(j) in ("'s", "’s"):
            return j
        k = j
        if self.low(k) != ",":
            return j
        k += 1
        m = re.match(r"(?:who|currently) (?:also )?(?:serves|served|is|was|acts) as ", self.norm[self.toks[k].start:self.toks[k].start + 40].lower()) if k < self.n else None
        if m:
            while k < self.n and self.toks[k].end <= self.toks[j + 1].start + m.end():
                k += 1
        title = self.parse_title(k)
        if not title or not title.core:
            return j
        nend = self.parse_name(title.end)
        p = self.persons[idx]
        if nend > title.end:
            # ", US President Donald Trump's Senior Advisor for Africa"
            if self.low(nend) in ("'s", "’s"):
                principal = self._add_titled(title, [(title.end, nend)])
                t2 = self.parse_title(nend + 1, allow_det=False)
                if t2 and t2.core:
                    p2 = self.title_post(t2)
                    boss = self.persons[self._previous_person(self.toks[nend].start + 1)]
                    if p2 and boss.posts:
                        p.posts.append((f"{p2} to the {boss.posts[0][0]}", self.toks[t2.start].start))
                    if not p.state:
                        p.state = boss.state
                    p.spans.append((self.toks[k].start, self.toks[t2.end - 1].end))
                    # the boss's own mention stays; this person's mention ends before it
                    return t2.end
                return principal
            return j
        post = self.title_post(title)
        if post:
            p.posts.append((post, self.toks[title.start].start))
        if not p.state and title.states:
            p.state = title.states[0]
        p.spans.append((self.toks[k].start, self.toks[title.end - 1].end))
        self._extend(idx, self.toks[title.end - 1].end)
        return title.end

    def _extend(self, idx: int, end: int) -> None:
        mine = [m for m in self.mentions if m.official == idx]
        if mine:
            last = max(mine, key=lambda m: m.start)
            last.end = max(last.end, end)

    def _name_first_appositions(self) -> None:
        """'Massad Boulos, US President ...': a bare name followed by an apposition title."""
        i = 0
        covered = {(s, e) for p in self.persons for s, e in p.spans}
        busy = set()
        for s, e in covered:
            for k, t in enumerate(self.toks):
                if t.start >= s and t.end <= e:
                    busy.add(k)
        while i < self.n:
            if i in busy or not self.toks[i].cap or (i > 0 and self.toks[i - 1].cap and (i - 1) not in busy and self.gap(i - 1) == " "):
                i += 1
                continue
            e = self.parse_name(i)
            if e - i >= 2 and self.low(e) == ",":
                k = e + 1
                title = self.parse_title(k)
                if title and (title.core or title.rank) and (title.states or self.parse_name(title.end) > title.end):
                    before = len(self.persons)
                    idx = self._person(self._name_text(i, e), None, None, None, self.toks[i].start, self.toks[e - 1].end)
                    end = self._apposition(e, idx)
                    p = self.persons[idx]
                    if not p.posts or not p.state:
                        if len(self.persons) > before and idx == len(self.persons) - 1 and not p.posts:
                            self.persons.pop()
                            self.mentions = [m for m in self.mentions if m.official != idx]
                    i = max(end, e + 1)
                    continue
            i = max(e, i + 1)

    # ------------------------------------------------------------------ people
    def _name_text(self, a: int, b: int) -> str:
        s = self.norm[self.toks[a].start:self.toks[b - 1].end]
        return " ".join(s.split())

    def _previous_person(self, pos: int) -> int | None:
        best = None
        for m in self.mentions:
            if m.start < pos and (best is None or m.start > best.start):
                best = m
        return best.official if best else None

    def _person(self, name: str, state: str | None, post: str | None, rank: str | None,
                start: int, end: int, coordinated_from: int | None = None) -> int:
        keys = name_keys(name)
        if state is None and coordinated_from is not None:
            state, post = self._coordinated(coordinated_from, post)
        for idx, p in enumerate(self.persons):
            if (keys & p.keys) and (state is None or p.state is None or p.state == state):
                if len(name) > len(p.name) and len(name.split()) > len(p.name.split()):
                    p.name = name
                p.keys |= keys
                if state and not p.state:
                    p.state = state
                if post:
                    p.posts.append((post, start))
                p.rank = p.rank or rank
                p.spans.append((start, end))
                self.mentions.append(OfficialMention(start, end, idx, "full"))
                return idx
        self.persons.append(_Person(name, state, [(post, start)] if post else [], rank,
                                    [(start, end)], keys, start))
        self.mentions.append(OfficialMention(start, end, len(self.persons) - 1, "full"))
        return len(self.persons) - 1

    def _coordinated(self, tok: int, post: str | None) -> tuple[str | None, str | None]:
        """State (and ministry) of the official this one is coordinated with."""
        pos = self.toks[tok].start
        prev = None
        for m in self.mentions:
            if m.end <= pos and (prev is None or m.end > prev.end):
                prev = m
        if prev is None:
            return None, post
        between = self.norm[prev.end:pos].lower()
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and|as well as|along with|together with|with)?\s*(?:then|later|also|first)?\s*(?:with|to|by)?\s*(?:the\s+)?", between):
            return None, post
        p = self.persons[prev.official]
        if post in ("Minister", "Deputy Minister", "First Deputy Minister") and p.posts:
            m = re.search(r"\bMinister of .+$", p.posts[-1][0])
            if m:
                post = post.replace("Minister", m.group(0))
        return p.state, post

    def finish(self, home: list[str]) -> tuple[list[Official], list[OfficialMention]]:
        """home: the document's states, most likely home first (dateline, then most named).
        An official whose title names no state serves the first of them that none of the
        officials named with him serves ("Foreign Minister X received Hungarian Foreign Minister Y")."""
        starts = {t.start: i for i, t in enumerate(self.toks)}
        for p in self.persons:
            if p.state is None and home and p.posts:
                near = {q.state for q in self.persons if q is not p and q.state and
                        any(abs(a - b) < 300 for a, _ in q.spans for b, _ in p.spans)}
                # first: a state named in the same sentence and served by no one else named there
                a = p.spans[0][0]
                s0 = max(self.norm.rfind(". ", 0, a), self.norm.rfind("\n", 0, a)) + 1
                e0 = self.norm.find(". ", a)
                e0 = len(self.norm) if e0 < 0 else e0
                local = [self.state_at[i][1] for i in sorted(self.state_at) if s0 <= self.toks[i].start < e0]
                p.state = next((h for h in local if h not in near), None) or next((h for h in home if h not in near), None)
        # later mentions by name token
        key_owner: dict[str, set[int]] = {}
        for idx, p in enumerate(self.persons):
            for k in p.keys:
                key_owner.setdefault(k, set()).add(idx)
        taken = [(m.start, m.end) for m in self.mentions]
        for i, t in enumerate(self.toks):
            if not t.cap:
                continue
            k = _key(t.text)
            owners = key_owner.get(k)
            if owners and len(owners) == 1 and not any(s <= t.start < e for s, e in taken):
                self.mentions.append(OfficialMention(t.start, t.end, next(iter(owners)), "surname"))
        # title-only mentions: same state and post as exactly one person
        for s, e, states, post in self.titles:
            cands = [idx for idx, p in enumerate(self.persons)
                     if any(po == post for po, _ in p.posts) and (not states or p.state in states)]
            if len(cands) == 1 and not any(a <= s < b for a, b in taken):
                self.mentions.append(OfficialMention(s, e, cands[0], "title"))
        officials = []
        for p in self.persons:
            ordered = sorted(p.posts, key=lambda x: (-seniority(x[0]), x[1]))
            uniq = []
            for po, _ in ordered:
                if po and po not in uniq:
                    uniq.append(po)
            # "Secretary" is the same post as "Secretary of State", said less precisely
            uniq = [u for u in uniq if not any(o != u and o.startswith(u + " ") for o in uniq)]
            officials.append(Official(name=p.name, state=p.state, post=uniq[0] if uniq else None,
                                      other_posts=uniq[1:], rank=p.rank,
                                      spans=[Span(s, e, "") for s, e in p.spans]))
        self.mentions.sort(key=lambda m: m.start)
        return officials, self.mentions


def _key(token: str) -> str:
    t = token.lower().replace("’", "'")
    t = re.sub(r"^(?:al|el|ad|as|ash|at|az)-", "", t)
    return t


def name_keys(name: str) -> set[str]:
    toks = [t for t in re.split(r"\s+", name) if t]
    keys = {_key(t) for t in toks if t.lower() not in PARTICLES and len(t) > 2}
    if len(toks) > 1:
        keys.discard(_key(toks[0])) if len(toks) > 2 else None
    return keys
