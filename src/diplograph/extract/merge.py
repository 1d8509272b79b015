"""One act per real-world occasion: merge repeated mentions, then settle dates through links.

* A weak mention (definite, plural, anaphoric: "the exercise", "the phone call was initiated
  by...") joins the most recent compatible act of its type, or is dropped.
* Two mentions of one type merge when their states agree (equal, or one set inside the other)
  and their dates can be the same occasion (overlap or one unknown); named acts ("Aras 2025")
  merge by name.
* A meeting held during a visit is part of the visit (GUIDELINES): a meeting whose states lie
  within a visit's, at a compatible date, is absorbed by it.
* One speaker's statements about the same states on one occasion are one statement.
* Dates then flow along links: "signed during the visit" (either side lends its date to the
  other), "two days after the visit" (offset), "following the meeting" (same day).
"""

from __future__ import annotations

import datetime as dt
import re

from diplograph.extract.acts import Cand, _add


PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def root(c: Cand) -> Cand:
    while c.merged_into is not None:
        c = c.merged_into
    return c


def dates_compatible(a: Cand, b: Cand) -> bool:
    if a.first is None or b.first is None:
        return True
    return a.first <= (b.last or b.first) and b.first <= (a.last or a.first)


def states_compatible(a: Cand, b: Cand) -> bool:
    sa, sb = set(a.states), set(b.states)
    if not sa or not sb:
        return True
    return sa <= sb or sb <= sa


def norm_name(n: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", (n or "").lower())


def absorb(target: Cand, c: Cand) -> None:
    c.merged_into = target
    for f in ("visitors", "hosts", "speakers", "about", "orgs"):
        _add(getattr(target, f), *getattr(c, f))
    if not c.weak or c.name or c.attendance:   # a passing reference does not tell who took part; an attendance list does
        _add(target.persons, *c.persons)
    if target.type != "Statement" or not target.states:
        _add(target.states, *c.states)
    for ev in c.evidence:
        if ev not in target.evidence:
            target.evidence.append(ev)
    if c.status == "planned" and target.status == "reported-not-happened" and c.first:
        target.first, target.last, target.precision = c.first, c.last, c.precision   # when it was to be
    elif target.first is None and c.first is not None:
        target.first, target.last, target.precision = c.first, c.last, c.precision
    elif c.first and target.first and c.explicit_date and not target.explicit_date and \
            PRECISION_RANK.get(c.precision, 0) <= PRECISION_RANK.get(target.precision, 0):
        target.first, target.last, target.precision = c.first, c.last, c.precision   # never a coarser date over a day
    elif c.first and target.first and c.precision == "day" and target.precision == "day" and c.explicit_date \
            and c.first <= target.first and target.last and c.last and target.last <= c.last \
            and (c.last - c.first) > (target.last - target.first):
        target.first, target.last = c.first, c.last   # "(19-21 May)" spans the day a headline gave
    elif c.first and target.first and c.precision == "day" and target.precision == "day":
        # "starting from 12 September" + "will last until 20 September"
        if c.last and target.last and c.last > target.last and c.role != target.role:
            target.last = c.last
    if c.last and target.first and not c.first and c.last >= target.first:
        target.last = max(target.last or c.last, c.last)
    if not target.place and c.place:
        target.place, target.place_state, target.place_geonameid = c.place, c.place_state, c.place_geonameid
    target.name = target.name or c.name
    if c.status == "reported-not-happened" or target.status == "reported-not-happened":
        target.status = "reported-not-happened"   # "postponed his planned visit": the latest word wins
    target.links.extend(c.links)
    target.confidence = min(0.95, max(target.confidence, c.confidence) + 0.05)


def merge(cands: list[Cand]) -> list[Cand]:
    kept: list[Cand] = []
    for c in cands:
        if c.merged_into is not None:
            continue
        if c.type == "Statement":
            target = next((k for k in reversed(kept) if k.type == "Statement" and set(k.speakers) == set(c.speakers)
                           and set(k.states) == set(c.states) and dates_compatible(k, c)
                           and not (k.persons and c.persons and not set(k.persons) & set(c.persons))), None)   # two spokesmen, two statements
            if target:
                absorb(target, c)
            else:
                kept.append(c)
            continue
        target = _target(c, kept)
        if target is not None:
            absorb(target, c)
            continue
        if c.weak and not (c.name and any(kind == "during" for kind, _, _ in c.links)):
            continue
        kept.append(c)
    # a meeting during a visit is part of the visit
    for m in [k for k in kept if k.type == "Meeting"]:
        v = _visit_for(m, kept)
        if v is not None:
            absorb(v, m)
    kept = [k for k in kept if k.merged_into is None]
    _settle_links(kept)
    out = []
    for k in kept:
        if k.type == "Statement" and k.split_speakers and len(k.speakers) > 1:
            for sp in k.speakers:
                import copy
                s2 = copy.copy(k)
                s2.speakers = [sp]
                s2.states = sorted({sp, *k.about})
                out.append(s2)
            continue
        out.append(k)
    # statements split per speaker may now equal an earlier one
    final: list[Cand] = []
    for k in out:
        if k.type == "Statement":
            t = next((f for f in final if f.type == "Statement" and set(f.speakers) == set(k.speakers)
                      and set(f.states) == set(k.states) and dates_compatible(f, k)
                      and not (f.persons and k.persons and not set(f.persons) & set(k.persons))), None)
            if t is not None:
                if t.first is None and k.first:
                    t.first, t.last, t.precision = k.first, k.last, k.precision
                t.evidence.extend(e for e in k.evidence if e not in t.evidence)
                continue
        final.append(k)
    return [k for k in final if len(set(k.states)) >= 2]


def has_occasion(c: Cand) -> bool:
    return any(kind in ("during", "with") for kind, _, _ in c.links)


def _target(c: Cand, kept: list[Cand]) -> Cand | None:
    same = [k for k in kept if k.type == c.type]
    if c.rule.endswith((":each", ":separate", ":stops", ":tour")):
        # "A and B each signed with C", "separate calls with A and B": siblings stay apart
        same = [k for k in same if not (k.sent == c.sent and set(k.states) != set(c.states))]
    if c.name:
        for k in reversed(same):
            if norm_name(k.name) == norm_name(c.name) and dates_compatible(k, c):
                return k
    best = None
    for k in reversed(same):
        if {k.status, c.status} == {"planned", "reported-not-happened"} and set(k.states) == set(c.states):
            return k   # "postponed his planned visit" + "had been scheduled to travel on 5 February"
        if not dates_compatible(k, c) or not _linked_compatible(k, c):
            continue
        if k.status != c.status and (not c.weak or c.explicit_date) and "happened" in (k.status, c.status):
            continue   # a planned signing is not the one that happened
        if not c.weak and not c.definite and (_dated_elsewhere(c) and k.first is not None or _dated_elsewhere(k) and c.first is not None):
            continue   # its own occasion ("... and decided to"): dated through a link, not the same act
        if c.name and k.name and norm_name(k.name) != norm_name(c.name):
            continue
        if not c.weak and not k.weak and c.first and k.first and c.sent != k.sent and c.precision != k.precision \
                and c.persons and k.persons and not set(c.persons) <= set(k.persons):
            continue   # "had met on the sidelines of APEC in November and agreed", told after today's talks: another occasion
        if c.another and k.name and not c.name:
            continue   # "at an extraordinary summit in February" is not the undated 66th Ordinary Session
        if c.type == "Agreement" and c.name and not k.name and not c.weak and k.explicit_date and c.first is None \
                and any(kind == "after" for kind, _, _ in c.links):
            continue   # "signed the Plan of Action" after today's talks is not the memoranda signed last year
        if c.name and not k.name and c.first and k.first is None and c.explicit_date and not c.weak and len(set(c.states)) < 2:
            continue   # "the previous, Fifth X Summit was held on 12 August 2018" is not the undated talks just told
        if c.type == "OfficialVisit" and c.hosts and k.hosts and not set(c.hosts) & set(k.hosts):
            continue   # a visit to Moscow is not the return visit to Ashgabat
        if c.type == "OfficialVisit" and c.visitors and k.visitors and not set(c.visitors) & set(k.visitors) and not c.weak:
            continue   # "during Prime Minister Chinh's visit to Singapore" is not President Tharman's visit to Hanoi
        if c.attendance and c.weak and k.status == "planned" and c.attendance == "past":
            continue   # "The summit ... was attended by": the one held, not the one planned for June
        if c.attendance and c.weak and set(c.states) - set(k.states):
            return k   # "The summit was attended by A, B and C": the summit just named, with more parties
        if set(k.states) == set(c.states) and c.states:
            return k
        if k is same[-1] and len(set(k.states)) < 2 and len(set(c.states)) >= 2 and c.first is None and k.first \
                and not c.weak and not k.weak and k.status == c.status == "happened" and k.rule == "Meeting:gathered":
            return k   # "the ministers gathered in X on Tuesday. ... X hosted A, B and C": one meeting
        if c.weak or len(set(c.states)) < 2:
            if set(c.states) <= set(k.states) and (len(set(c.states)) < 2 or len(set(k.states)) >= 2):
                if best is None:
                    best = k
    if best is None and c.weak and c.type == "Meeting":
        visits = [k for k in kept if k.type == "OfficialVisit" and dates_compatible(k, c) and set(c.states) <= set(k.states)]
        if visits:
            return visits[-1]
    return best


def _linked_date(c: Cand) -> tuple[dt.date, dt.date] | None:
    """The date an undated mention will take from its occasion ('at the end of the talks')."""
    if c.first is not None:
        return c.first, c.last or c.first
    for kind, other, _ in c.links:
        b = root(other)
        if kind in ("during", "with") and b is not c and b.first is not None:
            return b.first, b.last or b.first
    return None


def _linked_compatible(a: Cand, b: Cand) -> bool:
    """'signed at the end of the talks' (held on Wednesday) is not the agreement of 30 May 2023."""
    if a.first is not None and b.first is not None:
        return True
    da, db = _linked_date(a), _linked_date(b)
    return da is None or db is None or (da[0] <= db[1] and db[0] <= da[1])


def _dated_elsewhere(c: Cand) -> bool:
    return c.first is None and any(kind in ("with", "offset") for kind, _, _ in c.links)


def _days_into(v: Cand, m: Cand) -> bool:
    """'Muizzu landed on Sunday ... held talks with Modi on Monday': a visit dated by its arrival
    alone goes on for a few days; talks there with the same visitor belong to it."""
    if not (v.first and m.first and v.first == v.last and v.precision == "day" and m.precision == "day"):
        return False
    return 0 < (m.first - v.first).days <= 3 and bool(set(v.visitors or v.persons) & set(m.persons))


def _visit_for(m: Cand, kept: list[Cand]) -> Cand | None:
    best = None
    for v in kept:
        if v.type != "OfficialVisit" or v.merged_into is not None:
            continue
        if not set(m.states) <= set(v.states) or not (dates_compatible(v, m) or _days_into(v, m)) or \
                v.status == "planned" and m.status == "happened":
            continue      # a meeting today is not part of a visit planned for later
        if m.first is None and any(kind == "during" and root(o) is not v and root(o).type == "Meeting" for kind, o, _ in m.links):
            continue      # "on the sidelines of the consultations, A met B": part of those consultations, not of a later visit
        if v.first is None and m.first is not None and v.sent != m.sent:
            continue      # an undated visit ("invited to visit at a convenient time") is not a dated meeting told elsewhere
        rank = {"day": 0, "month": 1, "year": 2}
        if m.first and v.first and rank.get(m.precision, 0) > rank.get(v.precision, 0) and m.sent != v.sent \
                and m.status == "happened":
            continue      # "had met on the sidelines of APEC in November": background, not a day of this visit
        host = v.hosts[0] if v.hosts else None
        if m.place_state and host and m.place_state != host:
            continue
        if best is None or (v.first and m.first and v.first == m.first):
            best = v
    return best


def _own_occasion(c: Cand, top: Cand) -> Cand:
    """The dated meeting a mention joined on its way into a visit: its day, not the visit's first."""
    while c is not top and c.merged_into is not None:
        if c.first is not None and c.type == "Meeting":
            return c
        c = c.merged_into
    return top


def _settle_links(acts: list[Cand]) -> None:
    for _ in range(4):
        changed = False
        for a in acts:
            for kind, other, days in a.links:
                b = root(other)
                if b is a:
                    continue
                if kind == "offset":
                    if a.first is None and b.first is not None and b.precision == "day" and days == 0:
                        a.first, a.last, a.precision = b.first, b.first, "day"
                        changed = True
                    elif a.first is None and b.first is not None and b.precision == "day":
                        a.first = a.last = b.first + dt.timedelta(days=days)
                        a.precision = "day"
                        changed = True
                elif kind == "with":
                    if a.first is None and b.first is not None and a.status == b.status:
                        a.first, a.last, a.precision = b.first, b.last, b.precision
                        changed = True
                    if len(set(a.states)) < 2 and len(set(b.states)) >= 2:
                        _add(a.states, *b.states)
                        changed = True
                elif kind in ("during", "after"):
                    # "signed at the end of the talks" held on Wednesday of a two-day visit: the talks' own day
                    src = _own_occasion(other, b)
                    if a.first is None and src.first is not None:
                        a.first, a.last, a.precision = src.first, src.last, src.precision
                        if kind == "during" and a.type not in ("Statement",) and src.precision == "day":
                            a.last = a.first if a.type == "Agreement" else src.last
                        changed = True
                    if kind == "during" and a.type == "Agreement" and not a.persons and src.type == "Meeting" and src.persons:
                        _add(a.persons, *src.persons)   # "the two ministers signed at the end of the talks"
                        changed = True
                    elif kind == "during" and b.first is None and a.first is not None and b.merged_into is None:
                        b.first, b.last, b.precision = a.first, a.last, a.precision
                        changed = True
                    if kind == "during" and a.type != "Statement":
                        if len(set(b.states)) < 2 and a.states:
                            _add(b.states, *a.states)
                            changed = True
                        if len(set(a.states)) < 2 and b.states:
                            _add(a.states, *b.states)
                            changed = True
                        if not b.persons and a.persons and b.type == "OfficialVisit":
                            _add(b.persons, *a.persons)
                        if not a.place and b.place and a.type == "Agreement":
                            a.place, a.place_state = b.place, b.place_state
                    if kind == "during" and a.type == "Statement" and not a.place_state and b.place_state:
                        a.place_state = b.place_state
        if not changed:
            break
