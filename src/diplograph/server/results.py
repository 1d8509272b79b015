"""Result formats: content negotiation and capped serialisation of SELECT / ASK / graph results.

SELECT rows are serialised here rather than by pyoxigraph because the row cap has to count rows
as they stream; a test checks the output against pyoxigraph's own serialisers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..namespaces import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# name -> media type; the first of each table is the default.
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
                 "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
# Extra media types and `format=` spellings that clients (SPARQLWrapper, YASGUI, curl users) send.
_RESULT_ALIASES = {"application/json": "json", "text/json": "json", "application/xml": "xml",
                   "text/xml": "xml", "text/tsv": "tsv", "text/plain": "tsv"}
_GRAPH_ALIASES = {"application/x-turtle": "turtle", "application/turtle": "turtle", "text/n3": "turtle",
                  "text/rdf+n3": "turtle", "application/json": "jsonld", "text/plain": "ntriples",
                  "application/xml": "rdfxml", "text/xml": "rdfxml", "application/rdf+json": "jsonld"}
_FORMAT_PARAM = {  # format= value -> (result format, graph format)
    "json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", "turtle"), "tsv": ("tsv", "turtle"),
    "turtle": ("json", "turtle"), "ttl": ("json", "turtle"), "n3": ("json", "turtle"),
    "jsonld": ("json", "jsonld"), "json-ld": ("json", "jsonld"),
    "nt": ("tsv", "ntriples"), "ntriples": ("tsv", "ntriples"), "n-triples": ("tsv", "ntriples"),
    "rdf": ("xml", "rdfxml"), "rdfxml": ("xml", "rdfxml"), "rdf+xml": ("xml", "rdfxml"),
}


# Turtle with id:state\/aze is legal but unreadable: instance and graph IRIs stay whole.
TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k not in ("id", "graph")}


class TooLarge(Exception):
    """The result passed the row cap."""


def _accept(header: str | None) -> list[tuple[float, int, str]]:
    out = []
    for i, part in enumerate((header or "").split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        out.append((q, i, bits[0].lower()))
    return sorted(out, key=lambda t: (-t[0], t[1]))


def _pick(accept: list[tuple[float, int, str]], table: dict[str, str], aliases: dict[str, str]) -> str | None:
    by_type = {v: k for k, v in table.items()}
    for q, _, mt in accept:
        if q <= 0:
            continue
        if mt in by_type:
            return by_type[mt]
        if mt in aliases:
            return aliases[mt]
        if mt in ("*/*", "application/*", "text/*"):
            return next(iter(table))
    return None


def negotiate(accept: str | None, fmt: str | None) -> tuple[str, str]:
    """(result format, graph format) for a request; the worker uses the one its query form needs.

    An explicit `format=` wins over Accept; an Accept with nothing we serve falls back to the
    defaults (JSON, Turtle) rather than 406, which is what browsers and naive clients need.
    """
    if fmt:
        key = fmt.strip().lower()
        if key in _FORMAT_PARAM:
            return _FORMAT_PARAM[key]
        for table, aliases, i in ((RESULT_TYPES, _RESULT_ALIASES, 0), (GRAPH_TYPES, _GRAPH_ALIASES, 1)):
            hit = _pick([(1.0, 0, key)], table, {})
            if hit:
                pair = ["json", "turtle"]
                pair[i] = hit
                return pair[0], pair[1]
        raise ValueError(f"unknown format {fmt!r} (json, xml, csv, tsv, turtle, jsonld, ntriples, rdfxml)")
    acc = _accept(accept)
    return (_pick(acc, RESULT_TYPES, _RESULT_ALIASES) or "json",
            _pick(acc, GRAPH_TYPES, _GRAPH_ALIASES) or "turtle")


# -- SELECT -----------------------------------------------------------------------------
def _capped(items: Iterable, cap: int, what: str) -> Iterator:
    for n, item in enumerate(items):
        if n >= cap:
            raise TooLarge(f"the result has more than {cap} {what}; add a LIMIT (or page with OFFSET)")
        yield item


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject),
                                            "predicate": _json_term(t.predicate), "object": _json_term(t.object)}}
    raise TypeError(type(t))


def _xml_text(v: str) -> str:
    """Escaped text; edge whitespace as character references, since some parsers trim it."""
    core = v.strip()
    if not core:
        return "".join(f"&#{ord(c)};" for c in v)
    i = v.index(core[0])
    j = i + len(core)
    return "".join(f"&#{ord(c)};" for c in v[:i]) + escape(core) + "".join(f"&#{ord(c)};" for c in v[j:])


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{_xml_text(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{_xml_text(t.value)}</literal>"
        return f"<literal>{_xml_text(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def _csv_value(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t.value
    return str(t)


def serialize_select(solutions: ox.QuerySolutions, fmt: str, cap: int) -> bytes:
    names = [v.value for v in solutions.variables]
    rows = _capped(solutions, cap, "rows")
    if fmt == "json":
        bindings = []
        for row in rows:
            b = {}
            for name in names:
                t = row[name]
                if t is not None:
                    b[name] = _json_term(t)
            bindings.append(b)
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                          ensure_ascii=False, separators=(",", ":")).encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            for name in names:
                t = row[name]
                if t is not None:
                    out.append(f"<binding name={quoteattr(name)}>{_xml_term(t)}</binding>")
            out.append("</result>")
        out.append("</results></sparql>")
        return "".join(out).encode()
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for row in rows:
            w.writerow([_csv_value(row[n]) for n in names])
        return buf.getvalue().encode()
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        for row in rows:
            lines.append("\t".join("" if row[n] is None else str(row[n]) for n in names))
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"unknown result format {fmt!r}")


def serialize_boolean(value: ox.QueryBoolean, fmt: str) -> bytes:
    return value.serialize(format={"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[fmt])


def serialize_graph(triples: Iterable, fmt: str, cap: int) -> bytes:
    capped = _capped(triples, cap, "triples")
    if fmt in ("turtle", "rdfxml"):
        return ox.serialize(capped, format=GRAPH_FORMATS[fmt], prefixes=TURTLE_PREFIXES)
    return ox.serialize(capped, format=GRAPH_FORMATS[fmt])


def media_type(kind: str, fmt: str) -> str:
    table = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    mt = table[fmt]
    return mt + "; charset=utf-8" if mt.startswith("text/") or mt.endswith("json") else mt
