"""Which state an official serves when the title names none ("President X", "The Minister, X").

Evidence, strongest first:
  0. the gazetteer of leaders (data/reference/leaders.csv), when the person held one of its
     posts for a single state at the document's date;
  1. coordination with an official whose state is known ("Kamikawa and Defense Minister X");
  2. the host side of a visit: "at the invitation of / received by / hosted by X" -> the state
     the sentence names as destination ("visit to India at the invitation of Prime Minister X");
  3. the document's home: its dateline ("ANKARA, March 3 (Reuters) -", "Santiago, 11 April
     2024."), its publisher ("Ministry of Foreign Affairs of Nepal", a national news agency from
     data/reference/outlets.csv) or a sign-off line naming a capital;
  4. a state named in the same sentence that is not a destination ("visit to Uzbekistan": the
     visitor is not Uzbek) and not served by another official named there;
  5. the state the document names most.
A state served by another official in the same sentence is never chosen (the two sides of
talks), nor one the person's own title excludes ("Ambassador to Nepal").
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from diplograph.extract.gazetteer import Mention, find_mentions, gazetteer, lookup_city
from diplograph.extract.lexicon import leader_state, read_table

DEST_RX = re.compile(r"\b(?:to|in|into|at|towards?|visit(?:ed|ing|s)?|arriv(?:ed|ing|es) in)\s+(?:the\s+)?$", re.I)
HOST_RX = re.compile(r"\b(?:invitation of|received by|hosted by|welcomed by|invited by|met by|greeted by|(?:paid\s+)?(?:a\s+)?courtesy\s+call\s+on|(?:also\s+)?called\s+on)\s+(?:the\s+)?(?:[\w.]+\s+){0,4}$"
                     r"|\b(?:received|hosted|welcomed|greeted|met)\s+by\b[^.;]{0,160}\band\s+(?:also\s+)?by\s+(?:the\s+)?(?:[\w.]+\s+){0,4}$", re.I)
# two heads of state or government named together are counterparts, not colleagues
LEADER_POSTS = {"President", "Prime Minister", "Chancellor", "King", "Emir", "Amir", "Head of State"}
# "a visit by Prime Minister X, who met Prime Minister Y": the one met during a visit is its host
MET_RX = re.compile(r"\b(?:who|and)\s+(?:also\s+)?(?:met|held\s+talks\s+with|was\s+received\s+by)\s+(?:with\s+)?(?:the\s+)?(?:[\w.]+\s+){0,4}$", re.I)
VISIT_RX = re.compile(r"\b(?:visit|visited|visiting|trip|travel(?:l)?ed|arrived)\b", re.I)
# "The Saudi delegation was headed by ...": the delegation's state
DELEGATION_RX = re.compile(r"(?:'s|’s)?\s+(?:delegation|side|team)\s+(?:(?:was|is|were|will\s+be)\s+)?(?:(?:headed|led|represented|chaired)\s+)?by\s+(?:the\s+)?(?:[\w.]+\s+){0,6}$", re.I)
CONJ_RX = re.compile(r"\s*,?\s*(?:and|as well as|along with|together with|(?:(?:was|were|is|are|has been)\s+)?(?:accompanied|joined)\s+by)\s+(?:(?:then|later|also)\s+)?(?:the\s+)?(?:by\s+)?(?:(?:his|her)\s+(?:royal\s+)?(?:highness|excellency|majesty)\s+)?(?:[\w.]+\s+)?(?-i:[A-Z][\w.]*\s+){0,2}$"
                     r"|\s*,\s*(?:the\s+)?$", re.I)   # "..., the Minister of Foreign Affairs, X, the Minister of Transport, Y"
TALKS_RX = re.compile(r"^\s*(?:\w+\s+){0,2}(?:held\s+(?:[\w-]+\s+)?talks\s+with|called\s+on|met(?:\s+with)?|"
                      r"spoke\s+with|had\s+a\s+(?:telephone\s+|phone\s+)?(?:call|conversation)\s+with)\b", re.I)
# "Foreign Minister X visited Beirut": right after the name, a trip to a place
TRAVEL_RX = re.compile(r"\s*(?:,[^,.;]{0,80},\s*)?(?:has\s+|had\s+|will\s+|then\s+)?(?:visited|travel(?:l)?ed\s+to|flew\s+(?:in\s+)?to|"
                       r"arrived\s+in|landed\s+in|went\s+to|paid\s+an?\s+[\w\s-]{0,30}?visit\s+to)\s+(?:the\s+)?")
# "... visited Beirut with Defence Minister X": X travels with the visitor
WITH_RX = re.compile(r"(?<!talks )(?<!met )(?<!meeting )(?<!meetings )\b(?:with|accompanied\s+by|along\s+with|together\s+with)\s+(?:[\w.]+\s+){0,4}$", re.I)
LETTERHEAD_RX = re.compile(r"\b(?:Government|GOVERNMENT|Ministry of [A-Z][\w ]{2,40}|MINISTRY OF [A-Z ]{2,40}|Embassy|EMBASSY) (?:of|OF) (?:the |THE )?$")
DATELINE_RX = re.compile(
    r"\s*(?P<place>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2})"
    r"(?:\s*,\s*(?P<after>[\w.]+)|\s*/\s*\d|\.\s+[A-Z]{3,}|\s+\((?:[A-Z]|\w+\s+\d)|\s+[-–—])")


@functools.lru_cache(maxsize=1)
def nonsovereign() -> frozenset[str]:
    """ISO codes of territories (states.csv `sovereign` = no): never a party to an act."""
    return frozenset(r["alpha3"] for r in read_table("states.csv") if r.get("sovereign") == "no")


@functools.lru_cache(maxsize=1)
def _outlets() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"(?<!\w){re.escape(r['outlet'])}(?!\w)", re.I), r["iso3"])
            for r in read_table("outlets.csv")]


def _place_state(name: str) -> str | None:
    name = name.strip(" .")
    for e in gazetteer().lookup(name) or gazetteer().lookup(name.title()):
        if e.kind in ("capital", "name") and e.codes:
            return e.codes[0]
    hit = lookup_city(name)
    return hit[0] if hit and hit[2] >= 100_000 else None


def dateline_state(norm: str) -> str | None:
    """'ANKARA, March 3 (Reuters) -', 'Santiago, 11 April 2024.', 'Baku/30.05.23/Turan:'."""
    m = None
    for line in re.finditer(r"(?:^|\n)[^\n]{0,200}", norm[:500]):   # a title line may come first
        m = DATELINE_RX.match(line.group().lstrip("\n"))
        if m:
            break
    if not m:
        return None
    place, after = m.group("place"), m.group("after")
    months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    if after is not None and not (place.isupper() or re.match(rf"\d|{months}", after, re.I)):
        return None      # "Mali, Burkina Faso and Niger signed": a list, not a dateline
    return _place_state(place)


def home_states(norm: str, publisher: str | None, mentions: list[Mention]) -> tuple[list[str], set[str]]:
    """(candidate home states, most likely first; the subset with strong evidence)."""
    ns = nonsovereign()
    counts = Counter(m.code for m in mentions if m.kind == "state" and m.code and m.code not in ns)
    strong: list[str] = []
    d = dateline_state(norm)
    if d:
        strong.append(d)
    if publisher:
        for m in find_mentions(publisher):
            if m.kind == "state" and m.code and m.code not in strong:
                strong.append(m.code)
        for rx, code in _outlets():
            # an agency's home counts only when its text names that state: ANSA reporting from
            # Athens on Greece and Turkey is no evidence that a bare "Foreign Minister X" is Italian
            if rx.search(publisher) and code not in strong and counts.get(code):
                strong.append(code)
    for m in mentions:       # a letterhead: "MINISTRY OF FOREIGN AFFAIRS Government of Pakistan"
        if m.kind == "state" and m.code and m.start < 150 and m.code not in strong and \
                LETTERHEAD_RX.search(norm[max(0, m.start - 60):m.start]):
            strong.append(m.code)
    tail = [l.strip() for l in norm[-300:].split("  ") if l.strip()]
    for line in tail[-4:]:
        if re.fullmatch(r"[A-Z][\w'’ -]{2,30}", line):
            c = _place_state(line)
            if c and c not in strong and any(e.kind == "capital" for e in gazetteer().lookup(line)):
                strong.append(c)
    strong = [c for c in strong if c not in ns]
    order = strong + [c for c, _ in counts.most_common() if c not in strong]
    return order, set(strong)


def assign_states(finder, sentences: list[tuple[int, int]], home: list[str], strong: set[str],
                  mentions: list[Mention]) -> None:
    """Give every stateless official with a post a state (see the module docstring)."""
    norm = finder.norm
    ns = nonsovereign()
    state_ms = [m for m in mentions if m.kind == "state" and m.code and m.code not in ns]
    counts = Counter(m.code for m in state_ms)
    omentions = sorted(finder.mentions, key=lambda m: m.start)

    def sentence_of(pos: int) -> tuple[int, int]:
        for s, e in sentences:
            if s <= pos < e:
                return s, e
        return max(0, pos - 200), min(len(norm), pos + 200)

    def destination(m: Mention, s: int) -> bool:
        return bool(DEST_RX.search(norm[max(s, m.start - 25):m.start]))

    order = sorted(range(len(finder.persons)), key=lambda i: finder.persons[i].first)
    for idx in order:
        p = finder.persons[idx]
        if p.state is not None or not p.posts:
            continue
        first = min(a for a, _ in p.spans)
        s, e = sentence_of(first)
        near = {q.state for q in finder.persons if q is not p and q.state and any(s <= a < e for a, _ in q.spans)}
        near |= {finder.persons[m.official].state for m in omentions
                 if s <= m.start < e and m.official != idx and finder.persons[m.official].state}
        # "the Deputy Prime Minister held talks with ... Foreign Minister X"
        sides = {finder.persons[o].state for a, b, o in finder.sides if o != idx and finder.persons[o].state
                 and s <= a and b <= first and TALKS_RX.search(norm[b:first])}
        near |= sides
        local = [m for m in state_ms if s <= m.start < e]
        went = TRAVEL_RX.match(norm, min(p.spans)[1])
        gone = {m.code for m in local if went and m.start == went.end()}     # a visitor is not of the place
        bad = near | p.avoid | gone
        pick = leader_state(p.name, finder.published)           # 0. a known leader
        if pick in p.avoid:
            pick = None
        prev = next((m for m in reversed(omentions) if m.end <= first and m.official != idx), None)
        q = finder.persons[prev.official] if prev is not None else None
        counterparts = bool({x for x, _ in p.posts} & {x for x, _ in q.posts} & LEADER_POSTS) if q is not None else False
        if pick is None and q is not None and q.state and CONJ_RX.fullmatch(norm[prev.end:first]) and not counterparts and \
                not (p.plural_group >= 0 and q.plural_group == p.plural_group):
            pick = q.state                                      # 1. coordination
        if pick is None:
            lead = [m for m in local if m.end <= first and m.form in ("name", "demonym", "alias")
                    and DELEGATION_RX.fullmatch(norm[m.end:first])]
            pick = lead[-1].code if lead else None              # 1b. "the Iranian delegation (was led) by"
        host = HOST_RX.search(norm[max(s, first - 200):first]) or \
            (MET_RX.search(norm[max(s, first - 60):first]) and VISIT_RX.search(norm[s:first]))
        if pick is None and host:
            dests = [m.code for m in local if destination(m, s) and m.code not in bad]
            if not dests:       # "He also paid a courtesy call on X": the visit named just before
                k = next((i for i, (a, _) in enumerate(sentences) if a == s), None)
                for a, b in (sentences[max(0, k - 2):k][::-1] if k else []):
                    dests = [m.code for m in state_ms if a <= m.start < b and destination(m, a) and m.code not in bad]
                    if dests:
                        break
            pick = dests[0] if dests else None                  # 2. the host of a visit
        if pick is None:
            # "X travelled to Beirut to press Prime Minister Y", "X visited Beirut for talks with his
            # counterpart Y": after a named visitor's destination, the one met there is its host
            for m in reversed([m for m in local if m.end <= first]):
                if m.code in bad or not destination(m, s) or not VISIT_RX.search(norm[s:m.start]) or \
                        WITH_RX.search(norm[m.end:first]):
                    continue
                if any(s <= o.start < m.start and finder.persons[o.official].state not in (None, m.code)
                       for o in omentions if o.official != idx):
                    pick = m.code
                break
        mine_dest = {m.code for m in local if destination(m, s)}
        if pick is None:
            # "In Baku, Foreign Ministry spokesman X condemned ...": a wire report's change of scene
            scene = next((m for m in local if m.form in ("capital", "name") and m.end <= first and (
                re.fullmatch(r"\s*(?:Meanwhile,\s*|Separately,\s*)?In\s+", norm[s:m.start]) and norm[m.end:m.end + 1] == "," or
                # "At a regular press briefing in Beijing on Tuesday, foreign ministry spokeswoman X said"
                re.fullmatch(r"\s*(?:At|Speaking at|Speaking to reporters at)\s+[^,.;]{0,60}?\bin\s+", norm[s:m.start]) and
                re.match(r"[^,.;]{0,30},", norm[m.end:m.end + 31]))), None)
            if scene is not None and scene.code not in bad:
                pick = scene.code
        if pick is None:
            pick = next((h for h in home if h in strong and h not in bad and h not in mine_dest), None)
        if pick is None:
            pick = next((m.code for m in local if m.form in ("name", "demonym", "alias") and m.code not in bad
                         and not destination(m, s)), None)
        if pick is None:
            # 5. the state the document names most, among those it names often enough, then a state of
            # the sentence, then any the document names
            top = max(counts.values(), default=0)
            main = [h for h in home if h in strong or counts.get(h, 0) >= max(2, top / 4)]
            if len(main) >= 2 and all(h in near for h in main):
                # every main state has an official in this sentence ("X welcomed Secretary Y and recalled
                # the visit to Viet Nam by President Z"): co-presence says nothing, the destination still does
                pick = next((h for h in main if h not in p.avoid | sides | mine_dest), None)
            pick = pick or next((h for h in main if h not in bad), None) or \
                next((m.code for m in local if m.code not in bad), None) or \
                next((h for h in home if h not in bad), None)
        p.state = pick
