"""Mint and parse instance IRIs: https://w3id.org/diplograph/id/<kind>/<slug>.

Slugs are lower-case ASCII with single hyphens, minted from stable inputs only (ISO code, name,
date + type + participants) so re-ingesting a document yields the same IRIs and one act reported
in two documents merges.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .namespaces import GRAPH_IRI, ID_IRI

KINDS = ("state", "person", "post", "tenure", "body", "org", "place", "document", "act", "span", "run", "correction")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Letters NFKD does not decompose to ASCII.
_TRANSLIT = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE",
                           "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "œ": "oe", "Œ": "OE",
                           "ə": "e", "Ə": "E", "þ": "th", "ð": "d"})


def slugify(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII, hyphen-separated; '' only when the text has no letters or digits."""
    s = unicodedata.normalize("NFKD", (text or "").translate(_TRANSLIT))
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    s = _NON_SLUG.sub("-", s).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rstrip("-")
    return s


def is_slug(s: str) -> bool:
    return bool(_SLUG_RE.match(s))


def mint(kind: str, *parts: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown IRI kind {kind!r}")
    slug = "-".join(p for p in (slugify(x, 200) for x in parts) if p)
    if not slug:
        raise ValueError(f"cannot mint a {kind} IRI from {parts!r}")
    return f"{ID_IRI}{kind}/{slug}"


def parse(iri: str) -> tuple[str, str]:
    """(kind, slug) of an instance IRI; ValueError if it is not one of ours."""
    if not iri.startswith(ID_IRI):
        raise ValueError(f"not a diplograph instance IRI: {iri}")
    kind, _, slug = iri[len(ID_IRI):].partition("/")
    if kind not in KINDS or not slug or "/" in slug:
        raise ValueError(f"not a diplograph instance IRI: {iri}")
    return kind, slug


def state(alpha3: str) -> str:
    code = (alpha3 or "").strip()
    if not re.fullmatch(r"[A-Za-z]{3}", code):
        raise ValueError(f"not an ISO 3166-1 alpha-3 code: {alpha3!r}")
    return f"{ID_IRI}state/{code.lower()}"


def person(name: str) -> str:
    return mint("person", name)


def post(state_code: str | None, title: str) -> str:
    return mint("post", state_code or "xxx", title)


def tenure(name: str, state_code: str | None, title: str) -> str:
    return f"{ID_IRI}tenure/{slugify(name, 200)}--{slugify(state_code or 'xxx')}-{slugify(title, 200)}"


def body(state_code: str | None, name: str) -> str:
    return mint("body", state_code or "xxx", name)


def org(name: str) -> str:
    return mint("org", name)


def place(state_code: str | None, name: str) -> str:
    return mint("place", state_code or "xxx", name)


def document(doc_id: str) -> str:
    return mint("document", doc_id)


def doc_graph(doc_id: str) -> str:
    return f"{GRAPH_IRI}{slugify(doc_id, 200)}"


def span(doc_id: str, start: int, end: int) -> str:
    return f"{ID_IRI}span/{slugify(doc_id, 200)}-{int(start)}-{int(end)}"


def run(run_id: str) -> str:
    return mint("run", run_id)


def act(act_type: str, start: dt.date | None, precision: str | None, states: list[str],
        persons: list[str], key: str | None = None) -> str:
    """Date (at its precision) + type + sorted states + sorted surnames (+ key)."""
    if start is None:
        when = "undated"
    elif precision == "year":
        when = f"{start:%Y}"
    elif precision == "month":
        when = f"{start:%Y-%m}"
    else:
        when = start.isoformat()
    surnames = sorted({slugify(p.split()[-1]) for p in persons if p.split()})
    parts = [when, act_type, *sorted(s.lower() for s in states), *surnames]
    if key:
        parts.append(key)
    return mint("act", *parts)
