"""Query checks (SERVICE, LOAD, nesting) and result serialisation/negotiation, without a server."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.server import results, safety


@pytest.mark.parametrize("q", [
    "SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE {\n  SERVICE\n<http://x/> {} }",
])
def test_service_is_refused(q):
    with pytest.raises(safety.Refused, match="SERVICE"):
        safety.check(q)
    safety.check(q, allow_service=True)


@pytest.mark.parametrize("q", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/>",
    "SELECT ?service WHERE { ?service ?p ?o }",
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    "SELECT * WHERE { ?s <http://x/SERVICE> ?o }",
    "SELECT * WHERE { ?s ?p '''a\nSERVICE <http://x/> { }''' }",
])
def test_service_in_strings_iris_comments_and_names_is_fine(q):
    safety.check(q)


def test_load_is_refused_in_updates_only():
    with pytest.raises(safety.Refused, match="LOAD"):
        safety.check("LOAD <http://x/data.ttl> INTO GRAPH <http://g>", update=True)
    safety.check("INSERT DATA { <http://x/s> <http://x/p> 'LOAD <http://x/>' }", update=True)


def test_nesting_depth_ignores_brackets_in_strings():
    assert safety.nesting_depth('SELECT * { { ?s ?p "{{{{{{" } }') == 2
    deep = "SELECT * WHERE " + "{" * 3000 + "}" * 3000  # would crash pyoxigraph's parser
    with pytest.raises(safety.Refused, match="3000 deep"):
        safety.check(deep)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_either_accepted_or_refused_with_a_reason(text):
    try:
        safety.check(text)
    except safety.Refused as e:
        assert str(e)
    assert len(safety.syntax_only(text)) == len(text)


@pytest.mark.parametrize("accept,fmt,expected", [
    (None, None, ("json", "turtle")),
    ("*/*", None, ("json", "turtle")),
    ("application/sparql-results+xml, text/turtle;q=0.5", None, ("xml", "turtle")),
    ("text/csv;q=0.2, application/sparql-results+json;q=0.9", None, ("json", "turtle")),
    ("application/rdf+xml", None, ("json", "rdfxml")),
    ("application/n-triples, text/tab-separated-values;q=0.1", None, ("tsv", "ntriples")),
    ("text/html", None, ("json", "turtle")),
    ("text/turtle", "csv", ("csv", "turtle")),
    (None, "json-ld", ("json", "jsonld")),
    (None, "application/sparql-results+xml", ("xml", "turtle")),
])
def test_negotiation(accept, fmt, expected):
    assert results.negotiate(accept, fmt) == expected


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown format"):
        results.negotiate(None, "yaml")


_terms = st.one_of(
    st.none(),
    st.builds(lambda s: ox.NamedNode("http://example.org/" + s), st.text("abcxyz0123_-", max_size=8)),
    st.builds(lambda s: ox.Literal(s), st.text(max_size=20).filter(lambda t: "\x00" not in t)),
    st.builds(lambda s: ox.Literal(s, language="en"), st.text(max_size=10).filter(lambda t: "\x00" not in t)),
    st.builds(lambda n: ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
              st.integers(-10**6, 10**6)),
)  # (blank nodes cannot be written in VALUES)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_terms, _terms), max_size=6))
def test_select_serialisation_matches_pyoxigraph(rows):
    """Our capped serialisers say the same as pyoxigraph's, in every results format."""
    store = ox.Store()
    values = " ".join("(" + " ".join("UNDEF" if t is None else str(t) for t in row) + ")" for row in rows)
    q = f"SELECT ?a ?b WHERE {{ VALUES (?a ?b) {{ {values} }} }}"
    for fmt, oxf in (("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                     ("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV)):
        ours = results.serialize_select(store.query(q), fmt, 1000)
        theirs = store.query(q).serialize(format=oxf)
        if fmt == "csv":
            assert ours == theirs
            continue
        a = [tuple(s[v] for v in ("a", "b")) for s in ox.parse_query_results(ours, format=oxf)]
        b = [tuple(s[v] for v in ("a", "b")) for s in ox.parse_query_results(theirs, format=oxf)]
        assert a == b
    assert json.loads(results.serialize_select(store.query(q), "json", 1000))["head"]["vars"] == ["a", "b"]


def test_row_cap():
    store = ox.Store()
    q = "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }"
    assert results.serialize_select(store.query(q), "json", 3)
    with pytest.raises(results.TooLarge, match="more than 2 rows"):
        results.serialize_select(store.query(q), "csv", 2)
