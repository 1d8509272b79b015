"""Tokens and sentences with character offsets into the document text.

`analysis(text)` maps every white-space character to a plain space one for one, so offsets
found in it index the original text exactly (evidence spans are cut from the original).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# "then-Prime Minister X": "then" is its own token, so the title after it is read
TOKEN = re.compile(r"(?i:then)(?=-[A-Za-z])|(?:[A-Z]\.){2,}|[^\W_](?:\w|(?!['’]s\b)[-'’](?=\w))*|['’]s\b|\S")
# abbreviations after which a period does not end a sentence
ABBREV = {"gen", "lt", "col", "maj", "brig", "adm", "dr", "mr", "mrs", "ms", "st", "no", "vol",
          "sgt", "capt", "cmdr", "gov", "sen", "rep", "pres", "prof", "jr", "sr", "inc", "co",
          "corp", "ltd", "vs", "etc", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr",
          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "e.g", "i.e", "u.s",
          "u.k", "u.n", "e.u", "a.m", "p.m", "mt", "ft", "hon", "amb", "md", "mohd", "h.h", "sh",
          "messrs", "excl", "cdr", "cmdre", "gen", "supt", "insp", "capt"}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool = field(default=False, compare=False)   # starts with a capital; set by tokenize (read ~250x per token)


def analysis(text: str) -> str:
    return re.sub(r"\s", " ", text)


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(norm) if end is None else end
    out = []
    for m in TOKEN.finditer(norm, start, end):
        g = m.group()
        out.append(Token(m.start(), m.end(), g, g[:1].isupper()))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans. Blank lines always end a sentence; a single newline ends one only in
    texts that are not hard-wrapped (one paragraph per line) or after a heading-like line."""
    lines = [l for l in text.split("\n") if l.strip()]
    wrapped = bool(lines) and sum(1 for l in lines if len(l) < 110) / len(lines) > 0.8 \
        and sum(1 for l in lines if not re.search(r"[.!?:”\"]\s*$", l)) / len(lines) > 0.4
    spans: list[tuple[int, int]] = []
    for pm in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        para_start, para = pm.start(), pm.group()
        pieces = [(0, len(para))]
        if not wrapped:
            pieces = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", para)]
        for ps, pe in pieces:
            spans.extend(_split(text, para_start + ps, para_start + pe))
    return [(s, e) for s, e in spans if re.search(r"\w", text[s:e])]


_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9ÀÁÂÄÇÉÎÖÜĀ-ſ])|[.!?]+[”\"’')\]]*\s*$|;(?=\s)")


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _END.finditer(text, start, end):
        if m.group().startswith(".") and _is_abbrev(text, m.start()):
            continue
        e = m.end() if m.group() != ";" else m.start()   # clauses split at ";" (the ";" is dropped)
        if m.group() == ";":
            out.append(_trim(text, s, e))
            s = m.end()
            continue
        out.append(_trim(text, s, e))
        s = e
    if s < end:
        out.append(_trim(text, s, end))
    return [x for x in out if x[1] > x[0]]


def _is_abbrev(text: str, dot: int) -> bool:
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in ABBREV:
        return True
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word) and text[dot - 1].isupper():
        return True      # initials: "K.P. Sharma Oli"
    # single capital letter: an initial ("Antony J. Blinken")
    return len(word) == 1 and text[dot - 1].isupper()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
