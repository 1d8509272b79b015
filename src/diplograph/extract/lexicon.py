"""Hand-curated reference tables under data/reference/, loaded once per process."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from pathlib import Path

from diplograph.paths import REFERENCE_DIR


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case without diacritics, single spaces, curly apostrophes straightened."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("İ", "I"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(s.split())


def read_table(name: str, directory: Path | None = None) -> list[dict[str, str]]:
    """Rows of a CSV under data/reference/ (lines starting with '#' are comments)."""
    path = (directory or REFERENCE_DIR) / name
    with path.open(encoding="utf-8") as fh:
        lines = [l for l in fh if l.strip() and not l.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


@functools.lru_cache(maxsize=None)
def posts() -> dict[str, list[tuple[str, str, str]]]:
    """posts.csv grouped by kind: [(surface, canonical, seniority)]."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_table("posts.csv"):
        out.setdefault(row["kind"], []).append((row["surface"], row["canonical"], row["seniority"]))
    return out


@functools.lru_cache(maxsize=None)
def triggers() -> list[tuple[str, str, re.Pattern[str], str]]:
    """triggers.csv compiled: (type, role, pattern, cameo). A space matches any white space."""
    out = []
    for row in read_table("triggers.csv"):
        pat = row["pattern"].replace(" ", r"\s+")
        # trigger words are whole words: no match inside 'unsigned' or 'meetings' -> 'meeting'
        out.append((row["type"], row["role"], re.compile(r"(?<![\w-])(?:" + pat + ")", re.I), row["cameo"]))
    return out


def trigger_patterns(role: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(t, p) for t, r, p, _ in triggers() if r == role]


@functools.lru_cache(maxsize=None)
def known_leaders() -> dict[str, list[tuple[str, str, str, str, str]]]:
    """leaders.csv by folded name or alias: [(name, iso3, post, from YYYY-MM, to YYYY-MM or '')]."""
    out: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for row in read_table("leaders.csv"):
        entry = (row["name"], row["iso3"], row["post"], row["from"], row["to"])
        for form in [row["name"]] + [a for a in row["aliases"].split("|") if a.strip()]:
            keys = {fold(form), short_key(form)}
            keys |= {k.replace("-", " ") for k in keys if "-" in k}   # "Lee Jae-myung" written "Lee Jae Myung"
            if len(form.split()) == 2:
                keys.add(" ".join(reversed(fold(form).split())))   # "Iwaya Takeshi": family name first
            for key in keys:
                lst = out.setdefault(key, [])
                if entry not in lst:
                    lst.append(entry)
    return out


def short_key(name: str) -> str:
    """'Ferdinand R. Marcos Jr.' -> 'ferdinand marcos': no middle initials, no Jr./Sr."""
    toks = [t for t in fold(name).split() if not re.fullmatch(r"[a-z]\.?|jr\.?|sr\.?", t)]
    return " ".join(toks)


def leader_state(name: str, published: str | None) -> str | None:
    """The one state a person of leaders.csv served at the document's date ("President Luis Arce"
    in a text on Bolivia and Chile is Bolivian whatever the sentence around him names)."""
    pub = (published or "")[:7]
    rows = known_leaders().get(fold(name)) or known_leaders().get(short_key(name), [])
    live = {c for _, c, _, a, b in rows if pub and a <= pub and (not b or pub <= b)}
    ever = {c for _, c, _, _, _ in rows}
    # "then Foreign Minister Yoko Kamikawa" after her tenure: a person the table knows for one state only
    return live.pop() if len(live) == 1 else ever.pop() if not live and len(ever) == 1 else None


@functools.lru_cache(maxsize=None)
def known_leader_first_words() -> frozenset[str]:
    """First words of the names in leaders.csv: a cheap test before a name is looked up."""
    return frozenset(k.split()[0].rstrip(".") for k in known_leaders())
