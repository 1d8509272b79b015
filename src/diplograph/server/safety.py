"""Checks on untrusted SPARQL text before any engine sees it.

pyoxigraph follows `SERVICE <url>` and `LOAD <url>` over the network, has no timeout, and
overflows its stack on deeply nested groups (a crash, not an error). So: a small lexer that
skips strings, IRIs and comments finds keywords and measures nesting, and refuses what the
server does not allow. `FROM` / `FROM NAMED` are allowed: pyoxigraph resolves them against its
own named graphs and never fetches them (unlike rdflib), so they only narrow the dataset.
"""

from __future__ import annotations

import re

MAX_DEPTH = 64            # nested { ( [ ; real queries stay far below, the crash is near 3000
MAX_QUERY_CHARS = 200_000

# Strings (long forms first), IRIs, comments: the parts whose content is not syntax.
_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.S,
)
_OPEN, _CLOSE = "{([", "})]"
# A keyword, not part of a prefixed name (ex:service), a variable (?service) or a longer word.
_WORD = r"(?<![\w:?$\-.]){}(?![\w:\-])"
_SERVICE = re.compile(_WORD.format("SERVICE"), re.I)
_LOAD = re.compile(_WORD.format("LOAD"), re.I)


class Refused(ValueError):
    """The query is syntactically acceptable but not allowed here (-> HTTP 400/403)."""


def syntax_only(text: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length, so offsets agree)."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), text)


def nesting_depth(text: str) -> int:
    depth = deepest = 0
    for ch in syntax_only(text):
        if ch in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return deepest


def check(text: str, *, allow_service: bool = False, update: bool = False) -> None:
    """Raise Refused with a one-line reason, or return for a query the server will run."""
    if len(text) > MAX_QUERY_CHARS:
        raise Refused(f"the {'update' if update else 'query'} is longer than {MAX_QUERY_CHARS} characters")
    bare = syntax_only(text)
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise Refused(f"the query nests groups {depth} deep; the limit is {MAX_DEPTH}")
    if not allow_service and _SERVICE.search(bare):
        raise Refused("federated SERVICE is disabled on this endpoint (start the server with --allow-service)")
    if update and not allow_service and _LOAD.search(bare):
        raise Refused("LOAD fetches URLs and is disabled (upload data with the Graph Store Protocol instead)")
