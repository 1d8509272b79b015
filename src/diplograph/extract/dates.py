"""Date expressions with offsets, resolved against the publication date.

"19-21 May 2025" -> range (day); "on 19 May" -> the publication year; "in April" -> first..last
day of the month (precision month); "in 2020" -> year; "on Tuesday", "yesterday", "last week"
-> relative to a day-precision publication date. "two days after <act>" is kept as an offset
that acts.py resolves once the referenced act has a date. Dates inside "since ..." phrases
describe a background period, not an act, and are marked `excluded`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MON_RX = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "a": 1, "an": 1, "several": None, "few": None}


@dataclass
class DateMention:
    start: int
    end: int
    first: dt.date | None
    last: dt.date | None
    precision: str | None
    role: str = "point"          # point | start | end
    excluded: bool = False       # inside a "since ..." phrase
    offset: int | None = None    # "two days after X": days relative to a referenced act
    explicit_year: bool = True
    kind: str = ""               # the pattern that found it (PATTERNS)


def _month(s: str) -> int:
    s = s.lower().rstrip(".")
    for i, m in enumerate(MONTHS, 1):
        if m.startswith(s[:3]):
            return i
    raise ValueError(s)


def _pub_bounds(published: str | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    if not published:
        return None, None, None
    p = published.strip()
    try:
        if len(p) >= 10:
            d = dt.date.fromisoformat(p[:10])
            return d, d, "day"
        if len(p) == 7:
            y, m = int(p[:4]), int(p[5:7])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month"
        if len(p) == 4:
            y = int(p)
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    except ValueError:
        pass
    return None, None, None


def _year_for(month: int, day: int | None, pub_last: dt.date | None, future: bool = False) -> int | None:
    """Year of a date written without one: the publication year, or the year before when that
    would put the date more than two months after publication (news reports the past). In a
    future-tense clause ("will hold ... in June") the date lies on or after publication."""
    if pub_last is None:
        return None
    y = pub_last.year
    try:
        cand = dt.date(y, month, day or 1)
        end = dt.date(y, month, day or calendar.monthrange(y, month)[1])
    except ValueError:
        return y
    if future:
        return y + 1 if end < pub_last - dt.timedelta(days=6) else y
    if (cand - pub_last).days > 62:
        return y - 1
    return y


def _safe(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_D = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
PATTERNS = [
    ("range_dm", re.compile(r"\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|and)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MON_RX + r"(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    ("range_md", re.compile(r"\b" + MON_RX + r"\s+(?P<d1>\d{1,2})\s*(?:-|–|—|to)\s*(?P<d2>\d{1,2})(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("dotted", re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b")),
    ("dm", re.compile(r"\b" + _D + r"\s+(?:of\s+)?" + MON_RX + r"(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    ("md", re.compile(r"\b" + MON_RX + r"\s+" + _D + r"(?![\d:])(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    ("my", re.compile(r"\b(?:(?:early|late|mid|mid-)\s*)?" + MON_RX + r",?\s+(?P<y>\d{4})\b", re.I)),
    ("m_rel", re.compile(r"\b(?:in|of|since|during|until|till|by|from|through|throughout)\s+(?P<body>(?:(?:early|late|mid)-?\s*)?" + MON_RX + r"\s+(?P<rel>last|this|next)\s+year)\b", re.I)),
    ("rel_m", re.compile(r"\b(?P<body>(?P<rel>last|next|this\s+past)\s+" + MON_RX + r")\b(?!\s+\d)", re.I)),
    ("m", re.compile(r"\b(?:in|of|since|during|until|till|by|from|through|throughout|(?<=scheduled )for|(?<=planned )for|(?<=set )for)\s+(?P<body>(?:(?:early|late|mid)-?\s*)?" + MON_RX + r")\b(?!\s+\d)", re.I)),
    ("y", re.compile(r"\b(?:in|of|since|during|until|by|from|throughout)\s+(?P<body>(?:(?:early|late|mid)-?\s*)?(?P<y>(?:19|20)\d{2}))\b(?![-–/]\d)", re.I)),
    ("y_noun", re.compile(r"\b(?:the|its|their|his|her|a|an)\s+(?P<body>(?P<y>(?:19|20)\d{2}))\b(?![-–/]\d)(?=\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:treaty|agreement|accord|memorand|declaration|understanding|deal|pact|convention|protocol|charter))", re.I)),
    ("wd", re.compile(r"\b(?:(?P<rel>last|this|next|on|past)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("rel", re.compile(r"\b(?P<w>yesterday|today|tomorrow|(?:last|this|next|past) (?:week|month|year)|earlier this (?:week|month|year)|later this (?:week|month|year)|(?:before|by) the end of (?:the|this) (?:month|year))\b", re.I)),
    ("offset", re.compile(r"\b(?:only\s+|just\s+)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(?P<u>days?|weeks?)\s+(?P<dir>after|before|later|earlier|prior to)\b", re.I)),
]
MONTH_WORD_NEEDS_CONTEXT = {"may", "march"}  # "may" is a verb, "march" a noun


def find_dates(norm: str, published: str | None) -> list[DateMention]:
    pub_first, pub_last, pub_prec = _pub_bounds(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    for kind, rx in PATTERNS:
        for m in rx.finditer(norm):
            if not free(m.start(), m.end()):
                continue
            dm = _resolve(kind, m, pub_first, pub_last, pub_prec, _future(norm, m.start()))
            if dm is None:
                continue
            if kind in ("m", "y"):
                # "since March": keep the preposition's meaning for exclusion below
                pass
            if kind in ("m",) and m.group("mon").lower() in MONTH_WORD_NEEDS_CONTEXT and not m.group("mon")[0].isupper():
                continue
            dm.kind = kind
            found.append(dm)
            taken.append((dm.start, dm.end))
    found.sort(key=lambda d: d.start)
    for a, b in zip(found, found[1:]):
        # "on Saturday, 19 April", "Monday (June 3)": the weekday only names the written date
        pair = (a, b) if a.kind == "wd" else (b, a) if b.kind == "wd" else None
        if pair and pair[1].precision == "day" and pair[1].kind in ("dm", "md", "iso", "dotted") and re.fullmatch(r"\s*,?\s*\(?\s*", norm[a.end:b.start]):
            pair[0].excluded = True
    for dm in found:
        if dm.first and dm.last and dm.first != dm.last and dm.precision == "day":
            continue      # "from Jan. 4 to 7", "19-21 May": a range is a whole period, not its start
        before = norm[max(0, dm.start - 40):dm.start].lower()
        if re.search(r"\b(?:until|till|through|to|ending|ends|end on|last until|lasts until)\s+(?:on\s+)?$", before):
            dm.role = "end"
        elif re.search(r"\b(?:from|starting|starting from|starting on|beginning|begins|begin on)\s+(?:on\s+)?$", before):
            dm.role = "start"
    for dm in found:
        before = norm[max(0, dm.start - 50):dm.start]
        if re.match(r"['’]s\s+(?!(?:[\w-]+\s+){0,2}(?:talks|meetings?|summit|visit|call|conversation|exercises?|drills|agreement|deal|"
                    r"session|negotiations|consultations|statement|signing)\b)", norm[dm.end:dm.end + 60], re.I):
            dm.excluded = True   # "to avoid a repeat of last month's clash": dates a noun, not an act
        if PERSONAL_RX.search(before) or HELD_BEFORE_RX.search(before):
            dm.excluded = True   # "who took office in January", "the positions they held in 2024": not an act's date
    for m in re.finditer(r"\bsince\b(?!\s*[:;,.])[^,;.()]*", norm, re.I):   # "has stayed busy since: X met on D" is no period
        inside = sorted((dm for dm in found if m.start() <= dm.start < m.end()), key=lambda x: x.start)
        if inside and not re.search(r"\b(?:established|signed|restored|upgraded|elevated|concluded|set up|launched)\b",
                                    norm[m.start():inside[0].start], re.I):
            # "since taking office in 2014": the period's start only; but "since the two countries
            # established diplomatic relations in 1992" dates that act
            inside[0].excluded = True
    found.sort(key=lambda d: d.start)
    _anchor_years(norm, found, pub_last)
    _same_day(norm, found)
    return found


SAME_DAY_RX = re.compile(r"\b(?:on\s+)?(?:that|the\s+same)\s+day\b", re.I)


def _same_day(norm: str, found: list[DateMention], reach: int = 600) -> None:
    """'said that day', 'told reporters the same day': the last day named before, in the paragraph."""
    for m in SAME_DAY_RX.finditer(norm):
        prev = [d for d in found if d.end <= m.start() and m.start() - d.end <= reach and d.first and d.precision == "day"
                and not d.excluded and not re.search(r"[.!?\"”]\s{2,}", norm[d.end:m.start()])]   # norm keeps a blank line as spaces
        if prev and not any(d.start <= m.start() < d.end for d in found):
            p = prev[-1]
            found.append(DateMention(m.start(), m.end(), p.first, p.first, "day", explicit_year=p.explicit_year, kind="same_day"))
    found.sort(key=lambda d: d.start)


YEARLESS = {"dm", "md", "m", "range_dm", "range_md"}
ANCHORS = {"dm", "md", "my", "y", "y_noun", "range_dm", "range_md", "iso", "dotted"}


def _anchor_years(norm: str, found: list[DateMention], pub_last: dt.date | None, reach: int = 400) -> None:
    """A date written without its year takes the year the narrative is in: the last explicit
    year named shortly before it in the same paragraph ("... in 2022. Cargo lorries were crossing
    again by late September, and on 1 November X travelled to Y"; "in October that year"), when
    that year is not the publication's. A relative date ("last week", "on Tuesday", "this year")
    brings the narrative back to the publication's time."""
    if pub_last is None:
        return
    ref: DateMention | None = None
    for dm in found:
        if ref is not None and (dm.start - ref.end > reach or "\n\n" in norm[ref.end:dm.start]):
            ref = None
        if dm.excluded:
            continue
        if dm.kind in ("wd", "rel", "m_rel", "rel_m") or dm.kind in ANCHORS and dm.explicit_year:
            ref = dm
            continue

        if dm.kind not in YEARLESS or dm.explicit_year or ref is None or ref.first is None \
                or ref.kind in ("wd", "rel", "m_rel", "rel_m") or dm.first is None:
            continue
        y = ref.first.year
        if y == dm.first.year or y >= pub_last.year:
            continue
        that_year = re.match(r"\s*(?:of\s+)?that\s+year\b", norm[dm.end:dm.end + 16], re.I)
        same_sentence = not re.search(r"[.!?]\s", norm[ref.end:dm.start])
        # across sentences, only where the publication year is impossible: a past act after publication
        sent = norm[norm.rfind(". ", 0, dm.start) + 1:dm.end + 200].split(". ")[0]
        future = _future(norm, dm.start) or FUTURE_RX.search(sent)
        impossible = dm.first > pub_last and not future and ref.precision in ("day", "month")
        # "met in Beijing in April 2023 ... Prince Faisal travelled to Tehran in June": a later month of the
        # year the narrative is in, told next
        sequel = not future and ref.precision in ("day", "month") and dm.first.month > ref.first.month and \
            dm.start - ref.end <= 300 and not re.search(r"[.!?\"”]\s{2,}", norm[ref.end:dm.start])   # same paragraph
        if not (that_year or same_sentence and not future or impossible or sequel):
            continue
        try:
            shift = y - dm.first.year
            first = dm.first.replace(year=dm.first.year + shift)
            last = dm.last.replace(year=dm.last.year + shift) if dm.last else None
        except ValueError:
            continue
        if dm.precision == "month" and last is not None:
            last = dt.date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
        dm.first, dm.last = first, last


def _resolve(kind, m, pub_first, pub_last, pub_prec, future: bool = False) -> DateMention | None:
    g = m.groupdict()
    s, e = (m.start("body"), m.end("body")) if g.get("body") else (m.start(), m.end())
    y = int(g["y"]) if g.get("y") else None
    try:
        if kind in ("range_dm", "range_md"):
            mon = _month(g["mon"])
            y2 = y or _year_for(mon, int(g["d1"]), pub_last, future)
            a, b = _safe(y2, mon, int(g["d1"])), _safe(y2, mon, int(g["d2"]))
            if not a or not b or b < a:
                return None
            return DateMention(s, e, a, b, "day", explicit_year=y is not None)
        if kind in ("iso", "dotted"):
            d = _safe(y, int(g["m"]), int(g["d"]))
            return DateMention(s, e, d, d, "day") if d else None
        if kind in ("dm", "md"):
            mon = _month(g["mon"])
            if kind == "md" and g["mon"].lower() in MONTH_WORD_NEEDS_CONTEXT and not g["mon"][0].isupper():
                return None
            y2 = y or _year_for(mon, int(g["d"]), pub_last, future)
            d = _safe(y2, mon, int(g["d"]))
            return DateMention(s, e, d, d, "day", explicit_year=y is not None) if d else None
        if kind == "m_rel":
            mon = _month(g["mon"])
            if pub_last is None:
                return None
            y2 = pub_last.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
            return DateMention(s, e, dt.date(y2, mon, 1), dt.date(y2, mon, calendar.monthrange(y2, mon)[1]),
                               "month", explicit_year=True)
        if kind == "rel_m":
            # "last November": the latest November before publication; "next March": the first one after
            mon = _month(g["mon"])
            if pub_last is None or g["mon"].lower() in MONTH_WORD_NEEDS_CONTEXT and not g["mon"][0].isupper():
                return None
            rel = g["rel"].lower()
            y2 = pub_last.year - (1 if mon >= pub_last.month else 0) if rel != "next" else \
                pub_last.year + (1 if mon <= pub_last.month else 0)
            return DateMention(s, e, dt.date(y2, mon, 1), dt.date(y2, mon, calendar.monthrange(y2, mon)[1]),
                               "month", explicit_year=True)
        if kind in ("my", "m"):
            mon = _month(g["mon"])
            if kind == "my" and g["mon"].lower() in MONTH_WORD_NEEDS_CONTEXT and not g["mon"][0].isupper():
                return None
            y2 = y or _year_for(mon, None, pub_last, future)
            if y2 is None:
                return None
            return DateMention(s, e, dt.date(y2, mon, 1), dt.date(y2, mon, calendar.monthrange(y2, mon)[1]),
                               "month", explicit_year=y is not None)
        if kind in ("y", "y_noun"):      # y_noun: "its 1994 peace treaty" dates that document only
            return DateMention(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
        if kind == "wd":
            if pub_prec != "day":
                return None
            wd = WEEKDAYS.index(g["wd"].lower())
            rel = (g.get("rel") or "").lower()
            delta = (pub_last.weekday() - wd) % 7
            if rel == "next":
                d = pub_last + dt.timedelta(days=(wd - pub_last.weekday()) % 7 or 7)
            elif future and rel != "last":
                d = pub_last + dt.timedelta(days=(wd - pub_last.weekday()) % 7)
            elif rel == "last" and delta == 0:
                d = pub_last - dt.timedelta(days=7)
            else:
                d = pub_last - dt.timedelta(days=delta)
            return DateMention(s, e, d, d, "day", explicit_year=False)
        if kind == "rel":
            return _relative(g["w"].lower(), s, e, pub_first, pub_last, pub_prec)
        if kind == "offset":
            n = NUMBERS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
            if n is None:
                return None
            days = n * (7 if g["u"].lower().startswith("week") else 1)
            sign = 1 if g["dir"].lower() in ("after", "later") else -1
            return DateMention(s, e, None, None, "day", offset=sign * days)
    except (ValueError, TypeError):
        return None
    return None


def _relative(w, s, e, pub_first, pub_last, pub_prec) -> DateMention | None:
    if pub_last is None:
        return None
    if w in ("yesterday", "today", "tomorrow"):
        if pub_prec != "day":
            return None
        d = pub_last + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[w])
        return DateMention(s, e, d, d, "day", explicit_year=False)
    unit = w.split()[-1]
    shift = -1 if w.startswith(("last", "past")) else 1 if w.startswith("next") else 0
    if unit == "year":
        y = pub_last.year + shift
        return DateMention(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", explicit_year=False)
    if unit == "month":
        y, m = pub_last.year, pub_last.month + shift
        if m == 0:
            y, m = y - 1, 12
        elif m == 13:
            y, m = y + 1, 1
        return DateMention(s, e, dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month",
                           explicit_year=False)
    if pub_prec != "day":
        return None
    monday = pub_last - dt.timedelta(days=pub_last.weekday()) + dt.timedelta(weeks=shift)
    return DateMention(s, e, monday, monday + dt.timedelta(days=6), "day", explicit_year=False)


FUTURE_RX = re.compile(r"\b(?:will|shall|is to|are to|is due|are due|due to|scheduled|expected to|plans? to|"
                       r"set to|to be held|upcoming|forthcoming|intends? to|would|invit(?:ed|es|ing|ation)\b[^.;]{0,80}\bto|"
                       r"agreed?\s+to\s+(?:hold|convene|meet|organi[sz]e|host))\b", re.I)
# a person's own past, told in passing: "who took office in January", "elected in 2019"
PERSONAL_RX = re.compile(r"\b(?:took|taking|assumed|assuming|came to|coming to|took up)\s+(?:office|power|his post|her post)"
                         r"(?:\s+(?:on|in))?\s+$|\b(?:was|were|been)\s+(?:elected|appointed|sworn in|inaugurated)\s+(?:on|in)\s+$"
                         r"|,\s*(?:who\s+was\s+)?(?:elected|appointed|named|sworn in)\s+(?:by\s+[^,;.]{1,40}?\s+)?(?:on|in)\s+$", re.I)
HELD_BEFORE_RX = re.compile(r"\b(?:they|it|we|which|that)\s+(?:had\s+)?(?:held|occupied|controlled)\s+(?:in|until|before)\s+$", re.I)


def _future(norm: str, pos: int) -> bool:
    """Is the clause before pos in the future tense ("will hold ... in June")?"""
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s", norm[max(0, pos - 160):pos])]   # '."  The relationship ...'
    start = max((max(0, pos - 160) + ends[-1]) if ends else 0, norm.rfind(";", 0, pos), norm.rfind("\n", 0, pos), pos - 160, 0)
    window = norm[start:pos]
    return bool(FUTURE_RX.search(window)) and not re.search(r"\b(?:had been|was|were) (?:expected|scheduled|due)\b", window)
