"""Stored queries: one `.rq` per file under queries/, a grlc-style header, engine-bound parameters.

Header lines (before the query text):
    #+ summary: One line.
    #+ description: Free text (may repeat).
    #+ param: name | type | example | description
Types: string, state (ISO alpha-3, upper-cased), iri, date (YYYY-MM-DD), integer.
Each parameter is a SPARQL variable `?name` the engine substitutes (SEP-0007), never pasted text.
pyoxigraph substitutes only variables of the top-level projection, and a variable used only inside
a sub-SELECT is a different variable: so a parameter is projected at the top level (and grouped by,
in aggregate queries), which also echoes the input in every row.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import XSD
from .paths import QUERIES_DIR

PARAM_TYPES = ("string", "state", "iri", "date", "integer")
_NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                  "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}


@dataclass
class Param:
    name: str
    type: str
    example: str
    description: str

    def bind(self, raw: str) -> ox.NamedNode | ox.Literal:
        """Convert user text to an RDF term, or raise a one-line DiplographError."""
        v = raw.strip()
        if self.type == "state":
            if not re.fullmatch(r"[A-Za-z]{3}", v):
                raise DiplographError(f"parameter {self.name}: expected an ISO 3166-1 alpha-3 code like AZE, got {raw!r}")
            return ox.Literal(v.upper())
        if self.type == "date":
            try:
                return ox.Literal(dt.date.fromisoformat(v).isoformat(), datatype=ox.NamedNode(str(XSD.date)))
            except ValueError:
                raise DiplographError(f"parameter {self.name}: expected a date YYYY-MM-DD, got {raw!r}") from None
        if self.type == "integer":
            if not re.fullmatch(r"-?\d{1,18}", v):
                raise DiplographError(f"parameter {self.name}: expected an integer, got {raw!r}")
            return ox.Literal(v, datatype=ox.NamedNode(str(XSD.integer)))
        if self.type == "iri":
            try:
                if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", v):
                    raise ValueError
                return ox.NamedNode(v)
            except ValueError:
                raise DiplographError(f"parameter {self.name}: expected an absolute IRI, got {raw!r}") from None
        if not v or len(v) > 500:
            raise DiplographError(f"parameter {self.name}: expected a non-empty string of at most 500 characters")
        return ox.Literal(v)


@dataclass
class StoredQuery:
    name: str
    path: Path
    summary: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""

    def bindings(self, given: dict[str, str], *, use_examples: bool = False) -> dict[str, ox.NamedNode | ox.Literal]:
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise DiplographError(f"query {self.name} has no parameter {unknown[0]!r} "
                                  f"(parameters: {', '.join(known) or 'none'})")
        out = {}
        for p in self.params:
            if p.name in given:
                out[p.name] = p.bind(given[p.name])
            elif use_examples:
                out[p.name] = p.bind(p.example)
            else:
                raise DiplographError(f"query {self.name} needs --param {p.name}=VALUE ({p.type}, e.g. {p.example})")
        return out


def parse_header(name: str, path: Path, text: str) -> StoredQuery:
    summary, desc, params = "", [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if not line.startswith("#+"):
            continue
        key, _, value = line[2:].strip().partition(":")
        key, value = key.strip(), value.strip()
        if key == "summary":
            summary = value
        elif key == "description":
            desc.append(value)
        elif key == "param":
            parts = [x.strip() for x in value.split("|")]
            if len(parts) != 4 or parts[1] not in PARAM_TYPES or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", parts[0]):
                raise DiplographError(f"{path}: bad '#+ param:' line {value!r} (name | type | example | description)")
            params.append(Param(*parts))
        else:
            raise DiplographError(f"{path}: unknown header key {key!r}")
    if not summary:
        raise DiplographError(f"{path}: missing '#+ summary:' header line")
    return StoredQuery(name, path, summary, " ".join(desc), params, text)


def load_all(directory: Path = QUERIES_DIR) -> dict[str, StoredQuery]:
    out = {}
    for p in sorted(directory.glob("*.rq")):
        out[p.stem] = parse_header(p.stem, p, p.read_text(encoding="utf-8"))
    return out


def get(name: str, directory: Path = QUERIES_DIR) -> StoredQuery:
    if not _NAME_RE.match(name):
        raise DiplographError(f"unknown query {name!r}")
    path = directory / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(sorted(load_all(directory))) or "none"
        raise DiplographError(f"unknown query {name!r} (known: {known})")
    return parse_header(name, path, path.read_text(encoding="utf-8"))


def run(store, q: StoredQuery, given: dict[str, str] | None = None):
    """Execute a stored query with engine-bound parameters; returns pyoxigraph results."""
    b = q.bindings(given or {})
    try:
        return store.query(q.text, b)
    except (SyntaxError, RuntimeError) as e:
        raise DiplographError(f"{q.path}: {str(e).splitlines()[0]}") from None


def serialize(results, fmt: str) -> bytes:
    if fmt not in RESULT_FORMATS:
        raise DiplographError(f"unknown result format {fmt!r} (json, csv, tsv, xml, table)")
    return results.serialize(format=RESULT_FORMATS[fmt])


def term_text(term) -> str:
    """A result cell for humans: IRIs shortened by known prefixes, literals by value."""
    from .namespaces import PREFIXES

    if term is None:
        return ""
    v = term.value
    if isinstance(term, ox.NamedNode):
        for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if v.startswith(ns) and len(v) > len(ns):
                return f"{p}:{v[len(ns):]}"
    return v
