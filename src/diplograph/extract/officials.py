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

import bisect
import re
from dataclasses import dataclass, field

from diplograph.extract.gazetteer import Mention
from diplograph.extract.phrases import DETERMINERS, NOT_NAMES, PARTICLES, POSTNOMINALS, Title, TitleParser
from diplograph.extract.text import Token
from diplograph.extract.titles import seniority
from diplograph.records import Official, Span

@dataclass
class OfficialMention:
    start: int
    end: int
    official: int            # index into the officials list
    kind: str                # full | surname | title
    sentence: int = -1


@dataclass
class _Person:
    name: str
    state: str | None
    posts: list[tuple[str, int]] = field(default_factory=list)   # (post, position)
    rank: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    first: int = 0
    avoid: set[str] = field(default_factory=set)    # states the person is not ("Ambassador to X")
    plural_group: int = -1                          # "Presidents A and B": one group, distinct states


# heads that only a state's officials hold: a bare "X, Minister for Foreign Affairs," is an official
STATE_OFFICES = {"minister", "president", "ambassador", "chancellor", "premier", "envoy", "king", "queen",
                 "emir", "amir", "sultan", "spokesperson", "spokesman", "spokeswoman", "consul"}


# between a host (or the guest before) and a guest named "State's Name"
COUNTERPART_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*as well as)\s*|\s+(?:hosted|hosts|welcomed|welcomes|received|receives)\s+", re.I)

ADVISER_RX = re.compile(r"(?:an? |the )?(?:senior |special )?(advis[eo]r) to the ((?:[A-Z][\w'’]+ ){1,2})"
                        r"(Ministry of [A-Z][\w ]+?|President|Prime Minister|Government)(?=[,.;])")
RESPECTIVE_RX = re.compile(r"\b(presidents|prime\s+ministers|premiers|heads\s+of\s+state|heads\s+of\s+government|foreign\s+ministers|"
                           r"ministers\s+of\s+foreign\s+affairs|defen[cs]e\s+ministers|ministers\s+of\s+defen[cs]e|leaders)\s+of\s+(?:the\s+)?", re.I)
POSSESSIVE_RESPECTIVE_RX = re.compile(r"\b(?:two|both)\s+(?:countries|states|nations|sides)['’]\s+(presidents|prime\s+ministers|premiers|"
                                      r"foreign\s+ministers|defen[cs]e\s+ministers|leaders),\s*", re.I)
RESPECTIVE_POSTS = {"presidents": "President", "prime ministers": "Prime Minister", "premiers": "Prime Minister",
                    "heads of state": "President", "heads of government": "Prime Minister",
                    "foreign ministers": "Minister of Foreign Affairs", "ministers of foreign affairs": "Minister of Foreign Affairs",
                    "defence ministers": "Minister of Defense", "defense ministers": "Minister of Defense",
                    "ministers of defence": "Minister of Defense", "ministers of defense": "Minister of Defense"}
PREDECESSOR_RX = re.compile(r"(?:\b([A-Z][\w-]+)(?:'s|’s)|\b(?:his|her))\s+(?:immediate\s+)?predecessor\s*,?\s*(?:as\s+[\w ]{3,40},\s*)?")
# clause openers that are capitalised at a sentence start but never part of a name
CLAUSE_WORDS = {"when", "while", "if", "as", "since", "although", "though", "once", "because", "where", "whereas",
                "until", "then", "so", "yet", "thus", "now", "here", "there", "why", "how", "what", "who", "unlike"}
FORMER_RX = re.compile(r"\b(?:former|ex)\b", re.I)

# an organisation's organ between its name and a title: "ECOWAS Commission President"
ORG_ORGANS = {"commission", "council", "secretariat", "parliament", "assembly", "'s", "’s"}

# a state's name after these ends a phrase; it is not the state of a title that follows
PLACE_PREPS = {"to", "in", "into", "from", "at", "towards"}

# honorifics and styles before which a given name alone names a person
FACILITY_RX = re.compile(r"(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:Airport|University|Hospital|Street|Road|Avenue|Bridge|Stadium|Mosque|"
                         r"Square|Boulevard|Highway|Foundation|Prize|Award|Dam|Park|Academy|School|Cup|Mausoleum)\b")
# heads of government whose English title is Premier, never Prime Minister
PREMIER_STATES = {"CHN", "TWN"}

# given names too common to name one person alone ("Mohammed" of many Gulf officials)
COMMON_GIVEN = {"mohammed", "mohamed", "muhammad", "mohammad", "mohamad", "ahmed", "ahmad", "abdel", "abdul", "abdullah",
                "ali", "hassan", "hussein", "omar", "khalid", "sheikh", "john", "maria", "jose", "juan", "luis", "abu"}
GIVEN_NAME_STYLES = {"sheikh", "sheikha", "shaikh", "sayyid", "sayyida", "prince", "princess", "emir", "amir"}

POST_EQUIVALENTS = {"Head of State": ("President", "King", "Emir", "Amir", "Sultan"), "Leader": ("President",)}


class OfficialFinder(TitleParser):
    """One pass over a document's tokens; see the module docstring for the patterns."""

    def __init__(self, norm: str, tokens: list[Token], mentions: list[Mention],
                 sentences: list[tuple[int, int]] | None = None):
        super().__init__(norm, tokens, mentions)
        self.sentences = sentences or []
        self.persons: list[_Person] = []
        self.mentions: list[OfficialMention] = []
        self.titles: list[tuple[int, int, list[str], str | None]] = []   # title-only mentions
        self.inherit: dict[int, list[str]] = {}     # token idx -> states a following title takes
        self.sides: list[tuple[int, int, int]] = []  # stateless title mentions: (start, end, person)
        self.published: str | None = None            # the document's date, for leaders' tenures

    # ------------------------------------------------------------------ the pass
    def run(self) -> None:
        i = 0
        while i < self.n:
            t = self.toks[i]
            if not (t.cap or self.low(i) in DETERMINERS or self.low(i) in ("his", "her") or
                    self.is_title_word(i) and self.low(i) not in ("of", "for", "and") and i + 1 < self.n and
                    not self.toks[i + 1].cap):   # "presidential spokesperson X"
                i += 1
                continue
            if i in self.state_names and self.low(i - 1) in PLACE_PREPS and \
                    self.low(self.state_at[i][0]) not in ("'s", "’s"):
                i = self.state_at[i][0]     # "visit to China [heading break] Deputy Prime Minister X"
                continue
            title = self.parse_title(i)
            if not title or title.end <= i:
                i += 1
                continue
            lead = self.toks[title.start - 1].start if title.start > 0 else 0
            head = title.core[0].start if title.core else self.toks[title.start].start
            if FORMER_RX.search(self.norm[lead:head]):
                i = max(self.parse_name(self.skip_honor(title.end)), title.end, i + 1)   # "former Minister X"
                continue
            if not title.states and self._of_organisation(title.start, title.end):
                i = max(title.end, i + 1)   # "ECOWAS Commission President X": not a state's official
                continue
            if not title.states and title.start in self.inherit:
                title.states = list(self.inherit[title.start])
            nstart = self.skip_honor(title.end)        # "Foreign Secretary Ms. X", "Amir Sheikh X"
            if not title.rank:
                k, rank = self.skip_rank(nstart)       # "Commander of X's Northern Command Major General Y"
                if rank and self.parse_name(k) - k >= 2:
                    nstart, title.rank = k, rank
            nend = self.parse_name(nstart)
            lower_ok = title.core and nend - nstart >= 2 and (any(t.cap for t in title.core + [self.toks[title.start]]) or
                                                                len(title.core) >= 2 and self._has_head(title.core) and
                                                                " of " in (self.title_post(title) or ""))
            if nend > nstart and FACILITY_RX.match(self.norm, self.toks[nend - 1].end):
                i = nend    # "King Khalid International Airport", "Sultan Qaboos University": a place named after a person
                continue
            if nend > nstart and (title.core and title.core[-1].cap or title.rank or title.counterpart or lower_ok):
                names = [(nstart, nend)]
                j = nend
                if title.plural:   # "Presidents Vladimir Putin and Ilham Aliyev", "Presidents A of Togo, B of Ghana and C"
                    while j + 1 < self.n:
                        of = self._of_state(j)
                        if of:
                            j = of
                        if not (self.low(j) in ("and", ",") and j + 1 < self.n):
                            break
                        k = j + 1 + (self.low(j + 1) == "and")
                        e = self.parse_name(k)
                        if e == k:
                            break
                        names.append((k, e))
                        j = e
                end = self._add_titled(title, names)
                i = end
                continue
            comma = self._comma_name(title)
            if comma:
                names = [comma]
                j = comma[1]
                while title.plural and len(title.states) > len(names) and self.low(j) in ("and", ",") and j + 1 < self.n:
                    # "his Egyptian and Somali counterparts, A and B": one each, in order
                    k = j + 1 + (self.low(j + 1) == "and")
                    e = self.parse_name(self.skip_honor(k))
                    if e - k < 2:
                        break
                    names.append((self.skip_honor(k), e))
                    j = e
                i = self._add_titled(title, names)
                if title.plural:
                    i = self._distributive_of(title, i)
                continue
            if title.core and (title.det or title.states):
                # title without a name: "the Azerbaijani Minister of Defense"
                post = self.title_post(title)
                if post and title.core:
                    self.titles.append((self.toks[title.start].start, self.toks[title.end - 1].end,
                                        title.states, post))
            i = max(title.end, i + 1)
        self._name_first_appositions()
        self._possessive_counterparts()
        self._predecessors()
        self._respective()

    def _respective(self) -> None:
        """'The heads of government of Russia and Belarus, Mikhail Mishustin and Alexander Turchin':
        a plural title over coordinated states, then as many coordinated names, in the same order."""
        starts = {t.start: k for k, t in enumerate(self.toks)}
        for m in RESPECTIVE_RX.finditer(self.norm):
            k = starts.get(m.end())
            two = re.match(r"(?:the\s+)?(?:two|both)\s+(?:countries|states|nations|sides),\s*", self.norm[m.end():m.end() + 30], re.I)
            if two and k is not None:
                # "the foreign ministers of the two countries, A and B": one each, states settled later
                # (affiliation.assign_states keeps a plural group's members apart)
                self._one_each(starts.get(m.end() + two.end()), m.group(1))
                continue
            if k is None or k not in self.state_at:
                continue
            codes = []
            while k in self.state_at:
                end, code = self.state_at[k]
                codes.append(code)
                k = end
                if self.low(k) in (",", "and") and (k + 1) in self.state_at:
                    k += 1
                elif self.low(k) == "," and self.low(k + 1) == "and" and (k + 2) in self.state_at:
                    k += 2
            if len(codes) < 2 or self.low(k) != ",":
                continue
            names = self._coordinated_names(k + 1, len(codes))
            if len(names) != len(codes):
                continue
            post = RESPECTIVE_POSTS.get(" ".join(m.group(1).lower().split()))
            for (a, b), code in zip(names, codes):
                self._person(self._name_text(a, b), code, post, None, self.toks[a].start, self.toks[b - 1].end)

        for m in POSSESSIVE_RESPECTIVE_RX.finditer(self.norm):
            # "The two countries' foreign ministers, A and B,"
            self._one_each(starts.get(m.end()), m.group(1))

    def _one_each(self, j: int | None, plural: str) -> None:
        """Two coordinated names from token j, one for each side of a two-state group (states settled
        later; affiliation.assign_states keeps a plural group's members apart)."""
        names = self._coordinated_names(j, 2) if j is not None else []
        if len(names) == 2:
            post = RESPECTIVE_POSTS.get(" ".join(plural.lower().split()))
            for a, b in names:
                idx = self._person(self._name_text(a, b), None, post, None, self.toks[a].start, self.toks[b - 1].end)
                self.persons[idx].plural_group = names[0][0]

    def _coordinated_names(self, j: int, most: int) -> list[tuple[int, int]]:
        """Up to `most` names from token j, separated by ',' or 'and' ("A, B and C")."""
        names: list[tuple[int, int]] = []
        while len(names) < most:
            a = self.skip_honor(j)
            b = self.parse_name(a, given_ok=True)
            if b - a < 2:
                break
            names.append((a, b))
            j = b + (1 if self.low(b) in (",", "and") else 0)
            if self.low(j) == "and":
                j += 1
        return names

    def _predecessors(self) -> None:
        """"Werthein's predecessor, Diana Mondino": the same post of the same state, held before."""
        starts = {t.start: k for k, t in enumerate(self.toks)}
        for m in PREDECESSOR_RX.finditer(self.norm):
            k = starts.get(m.end())
            if k is None:
                continue
            e = self.parse_name(k)
            if e - k < 2:
                continue
            if m.group(1):
                owners = [i for i, p in enumerate(self.persons) if _key(m.group(1)) in p.keys]
                ref = owners[0] if len(owners) == 1 else None
            else:
                ref = self._previous_person(m.start())
            p = self.persons[ref] if ref is not None else None
            if p is None or not p.posts:
                continue
            post = sorted(p.posts, key=lambda x: (-seniority(x[0]), x[1]))[0][0]
            self._person(self._name_text(k, e), p.state, post, None, self.toks[k].start, self.toks[e - 1].end)

    def _possessive_counterparts(self) -> None:
        """'Norway's Minister of Defence X hosted Finland's Y, Sweden's Z and ...': a host's guests
        named by state and name alone hold the host's post (their counterparts)."""
        i = 0
        while i < self.n:
            if i not in self.state_at:
                i += 1
                continue
            end = self.state_at[i][0]
            if self.low(end) not in ("'s", "’s"):
                i = end
                continue
            k = end + 1
            e = self.parse_name(k)
            pos = self.toks[i].start
            if e - k < 2 or any(a <= self.toks[k].start < b for p in self.persons for a, b in p.spans):
                i = max(e, i + 1)
                continue
            sent = next((a for a, b in self.sentences if a <= pos < b), max(self.norm.rfind(". ", 0, pos), 0))
            prev = max((m for m in self.mentions if sent <= m.start and m.end <= pos), key=lambda m: m.end, default=None)
            host = self.persons[prev.official] if prev is not None else None
            between = self.norm[prev.end:pos] if prev is not None else ""
            if host is None or not host.posts or not host.state or host.state == self.state_at[i][1] or \
                    not COUNTERPART_GAP.fullmatch(between):
                i = max(e, i + 1)
                continue
            post = sorted(host.posts, key=lambda x: (-seniority(x[0]), x[1]))[0][0]
            self._person(self._name_text(k, e), self.state_at[i][1], post, None, pos, self.toks[e - 1].end)
            i = e

    def _of_organisation(self, k: int, end: int | None = None) -> bool:
        """'ECOWAS Commission President X', 'European Commission President X', 'the President of
        the European Council, X': a title of an organisation's organ, not of a state."""
        if end is not None:
            j = end
            if self.low(j) == "of":
                j += 1 + (self.low(j + 1) == "the")
            if j in self.org_tokens or any(x in self.org_tokens for x in range(k, end)):
                return True
        k -= 1
        while k >= 0 and self.low(k) in ORG_ORGANS and k not in self.org_last:
            k -= 1
        return k in self.org_last

    def _comma_name(self, title: Title) -> tuple[int, int] | None:
        """'the Minister of Foreign Affairs of Latvia, Baiba Braze': title, comma, [rank] name."""
        if self.low(title.end) != "," or not (title.core or title.counterpart):
            return None
        if not (title.det or title.states or title.counterpart or title.dest or
                title.core and title.core[0].cap and self.toks[title.start].cap):
            return None
        k = self._chained_titles(title, title.end + 1)
        k = self.skip_honor(k)
        styled = self.parse_title(k, allow_det=False)
        if styled and styled.core and not styled.states and self.parse_name(styled.end) - styled.end >= 2 and \
                [t.text.lower() for t in styled.core] in (["ambassador"], ["senator"], ["general"]):
            title.extra.append(self.title_post(styled))   # "the Minister of Foreign Affairs, Ambassador Mauro Vieira"
            k = styled.end
        k, rank = self.skip_rank(k)
        k = self.skip_honor(k)
        e = self.parse_name(k)
        if e == k and title.states and title.counterpart:
            self.inherit[k] = title.states    # "his PNG counterpart, Defence Minister X": PNG's minister
            d = k
            while self.low(d) in DETERMINERS:
                d += 1
            self.inherit[d] = title.states    # "his Angolan counterpart, the Minister of X, Mr Y"
        if e - k < 2 and not (e - k == 1 and rank):
            return None
        nxt = self.toks[e].text if e < self.n else "."
        if not (nxt in (",", ".", ";", ":", ")", "'s", "’s") or nxt[:1].islower()):
            return None
        if rank and not title.rank:
            title.rank = rank
        return k, e

    def _distributive_of(self, title: Title, j: int) -> int:
        """'the Presidents of Argentina, Javier Milei; of Paraguay, Santiago Peña; and of Bolivia,
        Luis Arce': each further 'of State, Name' holds the same post for that state."""
        post = self.title_post(title)
        while self.low(j) in (";", ","):
            k = j + 1 + (self.low(j + 1) == "and")
            if self.low(k) != "of" or (k + 1) not in self.state_at:
                break
            end, code = self.state_at[k + 1]
            if self.low(end) != ",":
                break
            a = self.skip_honor(end + 1)
            b = self.parse_name(a, given_ok=True)
            if b - a < 2:
                break
            self._person(self._name_text(a, b), code, post, None, self.toks[k].start, self.toks[b - 1].end)
            j = b
        return j

    def _of_state(self, j: int) -> int | None:
        """'of Senegal', 'of The Gambia' at token j: the token index after the state, or None."""
        if self.low(j) != "of":
            return None
        k = j + 1 + (self.low(j + 1) == "the" and (j + 2) in self.state_at)
        return self.state_at[k][0] if k in self.state_at else None

    def _of_state_code(self, j: int) -> str:
        k = j + 1 + (self.low(j + 1) == "the" and (j + 2) in self.state_at)
        return self.state_at[k][1]

    def _chained_titles(self, title: Title, k: int) -> int:
        """'the Minister of State, Minister of Foreign Affairs, National Community Abroad and African
        Affairs, Ahmed Attaf': further titles and portfolio phrases between commas before the name.
        The titles join the first one's as further posts; returns the token index after the chain."""
        for _ in range(5):
            t2 = self.parse_title(k, allow_det=False)
            if t2 and t2.core and self._has_head(t2.core) and self.low(t2.end) == "," and self.parse_name(t2.end) == t2.end:
                post = self.title_post(t2)
                if post:
                    title.extra.append(post)
                title.states = title.states or t2.states
                k = t2.end + 1
                continue
            j = k    # a portfolio phrase continuing the post before: "National Community Abroad and African Affairs"
            while j < self.n and j - k < 8 and (self.toks[j].cap or self.low(j) in ("and", "of", "the") and j > k):
                if j in self.state_at and self.low(j - 1) == "of":
                    title.states = title.states or [self.state_at[j][1]]   # "..., International Trade and Worship of Argentina,"
                j += 1
            ends_state = any(end == j for end, _ in self.state_at.values())
            if j > k and self.low(j) == "," and (self.is_title_word(j - 1) or ends_state) and \
                    self.parse_name(self.skip_honor(j + 1)) > self.skip_honor(j + 1):
                k = j + 1
                continue
            break
        return k

    def _add_titled(self, title: Title, names: list[tuple[int, int]]) -> int:
        post = self.title_post(title)
        if post is None and title.extra:
            post = title.extra.pop(0)    # "his counterpart, the Minister of X of Y, Z": the chained title is the post
        states = list(title.states)
        if title.counterpart:
            prev = self._counterpart_of(self.toks[title.start].start)
            if prev is not None:
                p = self.persons[prev]
                post = post or (sorted(p.posts, key=lambda x: (-seniority(x[0]), x[1]))[0][0] if p.posts else None)
        end = names[-1][1]
        rank = " ".join(t.text for t in title.rank) or None
        for k, (a, b) in enumerate(names):
            state = states[k] if title.plural and len(states) == len(names) else (states[-1] if states else None)
            # "Foreign Minister X of Rwanda", "of The Gambia"
            if state is None and self._of_state(b):
                state = self._of_state_code(b)
                end = max(end, self._of_state(b))
            span_start = self.toks[title.start].start if k == 0 else self.toks[a].start
            idx = self._person(self._name_text(a, b), state, post, rank, span_start, self.toks[b - 1].end,
                               coordinated_from=title.start if not states else None)
            self._more_posts(idx, title, span_start)
            if title.plural and len(names) > 1 and not states:
                self.persons[idx].plural_group = names[0][0]
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
        if self.low(k) == "then" and k + 1 < self.n and (k + 1 in self.state_at or self.is_title_word(k + 1)):
            k += 1      # "Ramtane Lamamra, then Algeria's foreign minister,"
        m = re.match(r"(?:who|currently) (?:also )?(?:serves|served|is|was|acts) as ", self.norm[self.toks[k].start:self.toks[k].start + 40].lower()) if k < self.n else None
        if m:
            while k < self.n and self.toks[k].end <= self.toks[j + 1].start + m.end():
                k += 1
        title = self.parse_title(k)
        if not title or not title.core:
            return j
        nend = self.parse_name(title.end)
        if nend == title.end and self.low(title.end) == ",":
            n2 = self.skip_honor(title.end + 1)
            if self.parse_name(n2) - n2 >= 2:
                return j      # "X, the Minister of Transport, YB Y": the next person's title, not X's
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
        self._more_posts(idx, title, self.toks[title.start].start)
        if not p.state and title.states:
            p.state = title.states[0]
        p.spans.append((self.toks[k].start, self.toks[title.end - 1].end))
        self._extend(idx, self.toks[title.end - 1].end)
        return title.end

    def _more_posts(self, idx: int, title: Title, pos: int) -> None:
        p = self.persons[idx]
        for x in title.extra:
            p.posts.append((x, pos))
        if title.dest:
            p.avoid.add(title.dest)
        p.avoid.update(title.avoid)

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
            if self.skip_honor(i) > i:
                i = self.skip_honor(i)          # "H.E. Mr. Naveen X, Ambassador of India to Nepal"
                continue
            if i in busy or not self.toks[i].cap or (i > 0 and self.toks[i - 1].cap and (i - 1) not in busy and self.gap(i - 1) == " "
                                                     and self.skip_honor(i - 1) == i - 1):
                i += 1
                continue
            e = self.parse_name(i)
            pn = e
            while pn < self.n and self.toks[pn].text in POSTNOMINALS:
                pn += 1         # "the Hon. Richard Marles MP, Deputy Prime Minister"
            if e - i >= 2 and self.low(pn) == "," and pn + 1 < self.n:
                name_end, e = e, pn
                adv = ADVISER_RX.match(self.norm, self.toks[e + 1].start)
                state = next((c for t, (_, c) in self.state_at.items()
                              if adv and adv.start(2) <= self.toks[t].start < adv.end(2)), None)
                if adv and state:       # "X, an adviser to the Thai Ministry of Foreign Affairs,"
                    post = f"{adv.group(1).capitalize()} to the {' '.join(adv.group(3).split())}"
                    self._person(self._name_text(i, name_end), state, post, None, self.toks[i].start, self.toks[name_end - 1].end)
                    i = e + 1
                    continue
                k = e + 1
                title = self.parse_title(k)
                # a bare title counts when it is a state office ("X, Minister for Foreign Affairs,"),
                # not a description ("X, a director at ...")
                office = title is not None and not title.states and self.low(k) not in ("a", "an") and \
                    bool({t.text.lower() for t in title.core} & STATE_OFFICES) and self.parse_name(title.end) == title.end
                if title and (title.core or title.rank) and (title.states or office or self.parse_name(title.end) > title.end):
                    before = len(self.persons)
                    idx = self._person(self._name_text(i, name_end), None, None, None, self.toks[i].start, self.toks[name_end - 1].end)
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

    def _counterpart_of(self, pos: int) -> int | None:
        """Whose counterpart: the official named last in the same sentence, else the document's
        first minister-level official (the protagonist), not an aide named in between."""
        sent = next((a for a, b in self.sentences if a <= pos < b), max(self.norm.rfind(". ", 0, pos), 0))
        prev = self._previous_person(pos)
        # "Dobrindt will meet his Polish counterpart X": a surname named earlier in the sentence
        # (later mentions are only resolved in finish(), so look at the tokens themselves)
        last_full = max((m.start for m in self.mentions if sent <= m.start < pos), default=-1)
        hi = self._tok_at(pos)
        for t in reversed(self.toks[max(0, hi - 80):hi]):
            if t.start < max(sent, last_full + 1):
                break
            if t.cap:
                owners = [i for i, p in enumerate(self.persons) if _key(t.text) in p.keys]
                if len(owners) == 1:
                    return owners[0]
        if prev is not None and any(sent <= m.start < pos for m in self.mentions if m.official == prev):
            return prev
        lead = next((m.official for m in sorted(self.mentions, key=lambda m: m.start) if m.start < pos and
                     self.persons[m.official].posts and
                     max(seniority(x) for x, _ in self.persons[m.official].posts) >= 78), None)
        return lead if lead is not None else prev

    def _tok_at(self, pos: int) -> int:
        if not hasattr(self, "_starts"):
            self._starts = [t.start for t in self.toks]
        return bisect.bisect_left(self._starts, pos)

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
            if (keys & p.keys) and (state is None or p.state is None or p.state == state) and same_name(name, p.name):
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

    def finish(self, sentences: list[tuple[int, int]], home: list[str], strong: set[str],
               mentions: list[Mention]) -> tuple[list[Official], list[OfficialMention]]:
        """home: the document's states, most likely home first; strong: those with dateline or
        publisher evidence. Later mentions by surname are found first, so that coordination
        ("Kamikawa and Defense Minister X") can lend a state (extract/affiliation.py)."""
        from diplograph.extract.affiliation import assign_states
        self._known_leaders()
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
            if not owners and i > 0 and self.low(i - 1) in GIVEN_NAME_STYLES:
                # "Sayyid Badr", "Sheikh Mohammed", "Prince Faisal": Gulf usage names a person by the
                # given name after an honorific
                owners = {j for j, p in enumerate(self.persons) if _key(p.name.split()[0]) == k}
            if not owners and k not in COMMON_GIVEN and not (i > 0 and self.toks[i - 1].cap and self.gap(i - 1) == " ") \
                    and not (i + 1 < self.n and self.toks[i + 1].cap and self.gap(i) == " "):
                # "Taye warned", "Lula said": a given name standing alone, of one long name only
                # (Ethiopian usage, nicknames); never a given name shared by two people
                owners = {j for j, p in enumerate(self.persons) if len(p.name.split()) > 2 and _key(p.name.split()[0]) == k}
                if any(_key(p.name.split()[0]) == k for j, p in enumerate(self.persons) if j not in owners):
                    owners = set()
            if owners and len(owners) == 1 and not any(s <= t.start < e for s, e in taken):
                self.mentions.append(OfficialMention(t.start, t.end, next(iter(owners)), "surname"))
        # "the Deputy Prime Minister held talks with ... X": the other side of the talks is not
        # of the titled person's state (affiliation.assign_states reads self.sides)
        before = len(self.mentions)
        self._title_mentions(taken, stateless=True)
        self.sides = [(m.start, m.end, m.official) for m in self.mentions[before:]]
        del self.mentions[before:]
        assign_states(self, sentences, home, strong, mentions)
        self._untitled_leader(sentences)
        self._title_mentions(taken)
        self._leader_mentions(taken)
        officials = []
        for p in self.persons:
            ordered = sorted(p.posts, key=lambda x: (-seniority(x[0]), x[1]))
            uniq = []
            for po, _ in ordered:
                if po and po not in uniq:
                    uniq.append(po)
            # "Secretary" is the same post as "Secretary of State", said less precisely
            uniq = [u for u in uniq if not any(o != u and o.startswith(u + " ") for o in uniq)]
            if p.state in PREMIER_STATES:
                uniq = ["Premier" if u == "Prime Minister" else u for u in uniq]   # China's State Council, Taiwan's Executive Yuan
            officials.append(Official(name=p.name, state=p.state, post=uniq[0] if uniq else None,
                                      other_posts=uniq[1:], rank=p.rank,
                                      spans=[Span(s, e, "") for s, e in p.spans]))
        self.mentions.sort(key=lambda m: m.start)
        return officials, self.mentions

    def _known_leaders(self) -> None:
        """Leaders the text names without any title ("When Vladimir Putin landed in Astana"), from
        data/reference/leaders.csv, when the document's date lies in their tenure. A title in the
        text always wins: names already found through a title are left as they are."""
        from diplograph.extract.lexicon import fold, known_leader_first_words, known_leaders
        table = known_leaders()
        firsts = known_leader_first_words()
        pub = (self.published or "")[:7]
        covered = [(a, b) for p in self.persons if p.state for a, b in p.spans]
        k = 0
        while k < self.n:
            t = self.toks[k]
            if not t.cap or k in self.masked or fold(t.text).rstrip(".") not in firsts or any(a <= t.start < b for a, b in covered):
                k += 1
                continue
            hit = None
            for size in (4, 3, 2, 1):
                if k + size > self.n or any(x in self.masked for x in range(k, k + size)):
                    continue
                rows = table.get(fold(self.norm[t.start:self.toks[k + size - 1].end]))
                if not rows:        # a one-word key is a one-word alias the table lists ("Lula")
                    continue
                if k + size < self.n and self.toks[k + size].cap and self.gap(k + size - 1) == " ":
                    continue        # part of a longer name
                live = {(n, c, p) for n, c, p, a, b in rows if not pub or (a <= pub and (not b or pub <= b))}
                if len({(n, c) for n, c, _ in live}) == 1:
                    hit = (size, sorted(live)[0])
                    break
            if hit is None:
                k += 1
                continue
            size, (name, code, post) = hit
            text = self._name_text(k, k + size)
            same = [p for p in self.persons if same_name(text, p.name) or same_name(name, p.name)]
            if same:
                for p in same:
                    if not p.posts:
                        p.state = p.state or code    # "Captain Ibrahim Traoré": a rank, and the table's state
                k += size
                continue
            # the table tells state and post (gold annotators mostly name a leader's post from the table's facts)
            self._person(text if size > 1 else name, code, post, None, t.start, self.toks[k + size - 1].end)
            covered.append((t.start, self.toks[k + size - 1].end))
            k += size

    def _untitled_leader(self, sentences: list[tuple[int, int]]) -> None:
        """Kremlin style: 'Vladimir Putin took part ...', and once 'The President of Russia arrived':
        a name that opens three or more sentences or clauses holds a leader's post that the text names
        by title alone, when nobody else holds it for that state."""
        leaders = {(tuple(st), po) for _, _, st, po in self.titles
                   if len(st) == 1 and po in ("President", "Prime Minister", "Chancellor")}
        leaders = {(st[0], "President" if po == "Head of State" and (st[0], "President") in {(s[0], q) for s, q in leaders}
                    else po) for st, po in leaders}
        leaders = {(st, po) for st, po in leaders
                   if not any(p.state == st and any(x == po for x, _ in p.posts) for p in self.persons)}
        if len(leaders) != 1:
            return
        starts = {t.start: k for k, t in enumerate(self.toks)}
        counts: dict[tuple[int, int], list[int]] = {}
        firsts = {starts[a] for a, _ in sentences if a in starts}
        for k in range(self.n):
            if not (k in firsts or k > 0 and self.low(k - 1) == ",") or k in self.masked or not self.toks[k].cap:
                continue
            e = self.parse_name(k)
            if 2 <= e - k <= 3 and e < self.n and not self.toks[e].cap:
                counts.setdefault(self._name_text(k, e), []).append(k)
        names = [(n, ks) for n, ks in counts.items() if len(ks) >= 3 and
                 not any(same_name(n, p.name) for p in self.persons)]
        if not names:
            names = self._recurring_names()
        if len(names) != 1:
            return
        (state, post), = leaders
        name, ks = names[0]
        idx = None
        for k in ks:
            e = self.parse_name(k)
            idx = self._person(name, state, post, None, self.toks[k].start, self.toks[e - 1].end)
        taken = [(m.start, m.end) for m in self.mentions]
        for t in self.toks:      # every later "Petro" is this person
            if t.cap and _key(t.text) in self.persons[idx].keys and not any(a <= t.start < b for a, b in taken):
                self.mentions.append(OfficialMention(t.start, t.end, idx, "surname"))

    def _recurring_names(self) -> list[tuple[str, list[int]]]:
        """A full name written once and then by its surname at least twice as the subject of a
        clause ("When Gustavo Petro took office ... Petro bet ... Petro spoke by telephone"), never
        titled: the protagonist a commentary assumes its readers know."""
        full: dict[str, tuple[int, int]] = {}
        for k in range(self.n):
            if k in self.masked or not self.toks[k].cap or self.low(k) in CLAUSE_WORDS or \
                    k > 0 and self.toks[k - 1].cap and self.gap(k - 1) == " " \
                    and self.low(k - 1) not in NOT_NAMES | CLAUSE_WORDS:
                continue
            e = self.parse_name(k)
            if 2 <= e - k <= 3 and e < self.n and not self.toks[e].cap and self.toks[e].text not in ("'s", "’s", "-"):
                name = self._name_text(k, e)
                if not any(same_name(name, p.name) for p in self.persons):
                    full.setdefault(name, (k, e))
        out = []
        owned = set().union(*(p.keys for p in self.persons)) if self.persons else set()
        for name, (k0, e0) in full.items():
            sur = _key(self.toks[e0 - 1].text)
            if sur in owned or name_keys(name) & owned:
                continue    # "Sheikh Mohammed ... Al-Thani": a titled person's name, not a new protagonist
            ks = [k0] + [k for k in range(self.n) if k not in range(k0, e0) and self.toks[k].cap and _key(self.toks[k].text) == sur
                         and not (k > 0 and self.toks[k - 1].cap and self.gap(k - 1) == " ")
                         and (k + 1 >= self.n or not self.toks[k + 1].cap)
                         and re.match(r"\s*(?:['’]s\s|(?:also |then |later |had |has |will |would |was )?[a-z]+(?:ed|s)\b)",
                                      self.norm[self.toks[k].end:self.toks[k].end + 30])]
            if len(ks) >= 3:
                out.append((name, ks))
        return out

    def _title_mentions(self, taken: list[tuple[int, int]], stateless: bool = False) -> None:
        """Title-only mentions: same state and post as exactly one person."""
        for s, e, states, post in self.titles:
            if any(a <= s < b for a, b in taken) or stateless and states:
                continue
            cands = [idx for idx, p in enumerate(self.persons)
                     if any(po == post for po, _ in p.posts) and (not states or p.state in states)]
            if not cands:
                # "the Minister" for the Minister of Foreign Affairs, "the Ambassador" for the
                # Ambassador to Nepal, "the Head of State" for the President: the one named last
                same = {post, *POST_EQUIVALENTS.get(post, ())}
                loose = [idx for idx, p in enumerate(self.persons) if p.first < s and (not states or p.state in states)
                         and any(po in same or po.startswith(post + " ") for po, _ in p.posts)]
                last = {}
                for m in self.mentions:
                    if m.official in loose and m.start < s:
                        last[m.official] = max(last.get(m.official, -1), m.start)
                cands = [max(last, key=last.get)] if last else []
            if len(cands) == 1:
                self.mentions.append(OfficialMention(s, e, cands[0], "title"))

    def _leader_mentions(self, taken: list[tuple[int, int]]) -> None:
        """'the Singaporean leader', 'the Kenyan leader': the most senior official of that state named before."""
        for k in range(self.n - 2):
            if self.low(k) != "the" or (k + 1) not in self.state_at:
                continue
            end, code = self.state_at[k + 1]
            if end >= self.n or self.low(end) not in ("leader", "head of state"):
                continue
            s, e = self.toks[k].start, self.toks[end].end
            if any(a <= s < b for a, b in taken):
                continue
            cands = [(max((seniority(po) for po, _ in p.posts), default=0), idx) for idx, p in enumerate(self.persons)
                     if p.state == code and p.first < s and p.posts]
            if cands:
                top = max(c for c, _ in cands)
                best = [idx for c, idx in cands if c == top]
                if len(best) == 1 and top >= 90:
                    self.mentions.append(OfficialMention(s, e, best[0], "title"))


def _key(token: str) -> str:
    t = token.lower().replace("’", "'")
    t = re.sub(r"^(?:al|el|ad|as|ash|at|az)-", "", t)
    return t


SHORT_WORDS = {"he", "no", "oh", "an", "so", "do", "go", "to", "in", "on", "at", "by", "of", "or", "if", "is", "it", "as",
               "be", "me", "my", "we", "us", "up", "mr", "ms", "dr", "st", "al", "el"}


def name_keys(name: str) -> set[str]:
    toks = [t for t in re.split(r"\s+", name) if t]
    # two-letter surnames count ("Xi", "Li", "Wu"), not two-letter English words ("To" of To Lam stays out)
    keys = {_key(t) for t in toks if t.lower() not in PARTICLES and (len(t) > 2 or len(t) == 2 and t[0].isupper()
                                                                   and t[1].islower() and t.lower() not in SHORT_WORDS)}
    if len(toks) > 1:
        keys.discard(_key(toks[0])) if len(toks) > 2 else None
    return keys


def same_name(a: str, b: str) -> bool:
    """One person named twice: the shorter name's words all occur in the longer one ("Tayyip
    Erdogan" / "Recep Tayyip Erdogan"), so two Al-Thanis with different given names stay two.
    A patronymic is not a given name: "Salman bin Abdulaziz" is not "Mohammed bin Salman bin Abdulaziz"."""
    wa = {_key(t) for t in a.split() if t.lower() not in PARTICLES}
    wb = {_key(t) for t in b.split() if t.lower() not in PARTICLES}
    if not wa or not wb:
        return False
    short, long_ = (a, b) if len(a.split()) <= len(b.split()) else (b, a)
    first = _key(short.split()[0])
    lt = [t.lower() for t in long_.split()]
    if first != _key(long_.split()[0]) and any(lt[i - 1] in ("bin", "ibn", "bint", "ben") and _key(lt[i]) == first
                                               for i in range(1, len(lt))):
        return False
    return wa <= wb or wb <= wa
