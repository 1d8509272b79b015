"""SPARQL protocol and Graph Store Protocol, in-process (ASGI client, real worker processes)."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from diplograph.errors import DiplographError
from diplograph.store import Store

from .conftest import TOKEN

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ACTS = "SELECT ?act WHERE { ?act a dg:MilitaryExercise } ORDER BY ?act"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# ~4000 triples cubed: runs for hours, so only the time limit can end it.
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def n_of(resp) -> int:
    return int(resp.json()["results"]["bindings"][0]["n"]["value"])


def test_get_and_both_posts_give_the_same_answer(client):
    get = client.get("/sparql", params={"query": ACTS})
    form = client.post("/sparql", data={"query": ACTS})
    direct = client.post("/sparql", content=ACTS, headers={"content-type": "application/sparql-query"})
    assert get.status_code == form.status_code == direct.status_code == 200
    assert get.headers["content-type"].startswith("application/sparql-results+json")
    acts = [b["act"]["value"] for b in get.json()["results"]["bindings"]]
    assert "https://w3id.org/diplograph/id/act/2025-05-19-militaryexercise-aze-irn-medeni-aras-2025" in acts
    assert get.json() == form.json() == direct.json()


@pytest.mark.parametrize("accept,fmt,ctype,check", [
    ("application/sparql-results+xml", None, "application/sparql-results+xml", lambda b: ET.fromstring(b).tag.endswith("sparql")),
    ("text/csv", None, "text/csv", lambda b: b.startswith(b"act\r\n")),
    ("text/tab-separated-values", None, "text/tab-separated-values", lambda b: b.startswith(b"?act\n")),
    ("*/*", "csv", "text/csv", lambda b: b.count(b"\r\n") == 4),
    ("text/html", None, "application/sparql-results+json", lambda b: len(json.loads(b)["results"]["bindings"]) == 3),
])
def test_select_formats_by_accept_or_format(client, accept, fmt, ctype, check):
    params = {"query": ACTS} | ({"format": fmt} if fmt else {})
    r = client.get("/sparql", params=params, headers={"accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(ctype)
    assert check(r.content)


@pytest.mark.parametrize("fmt,ctype,rdf", [
    ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
])
def test_construct_and_describe_in_every_rdf_format(client, fmt, ctype, rdf):
    for q in ("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a dg:State ; dg:isoAlpha3 'AZE' ; rdfs:label ?l }",
              "DESCRIBE <https://w3id.org/diplograph/id/state/aze>"):
        r = client.get("/sparql", params={"query": q}, headers={"accept": fmt})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(ctype)
        triples = [q.triple for q in ox.parse(r.content, format=rdf)]
        assert ox.Triple(ox.NamedNode("https://w3id.org/diplograph/id/state/aze"),
                         ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                         ox.Literal("Azerbaijan", language="en")) in triples


def test_ask_in_json_and_xml(client):
    r = client.get("/sparql", params={"query": "ASK { ?s dg:isoAlpha3 'IRN' }"})
    assert r.json() == {"head": {}, "boolean": True}
    r = client.get("/sparql", params={"query": "ASK { ?s dg:isoAlpha3 'XXX' }"},
                   headers={"accept": "application/sparql-results+xml"})
    assert b"<boolean>false</boolean>" in r.content


def test_service_description_on_plain_get(client):
    r = client.get("/sparql", headers={"accept": "text/turtle"})
    assert r.status_code == 200
    g = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    preds = {(t.predicate.value.rsplit("#", 1)[-1], t.object.value.rsplit("#", 1)[-1]) for t in g}
    assert ("type", "Service") in preds and ("supportedLanguage", "SPARQL11Query") in preds
    assert ("supportedLanguage", "SPARQL11Update") in preds  # this client has a write token
    assert ("feature", "UnionDefaultGraph") in preds


def test_cors_on_get(client):
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize("query,why", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE is disabled"),
    ("SELECT * WHERE " + "{" * 80 + " ?s ?p ?o " + "}" * 80, "nests groups 80 deep"),
    ("SELEKT * WHERE { ?s ?p ?o }", "syntax error"),
])
def test_refused_and_malformed_queries_are_400_with_a_reason(client, query, why):
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400
    assert why in r.text
    assert client.get("/sparql", params={"query": COUNT}).status_code == 200  # still serving


def test_protocol_errors(client):
    assert client.put("/sparql", content=ACTS).status_code == 405
    assert client.get("/sparql", params=[("query", ACTS), ("query", ACTS)]).status_code == 400
    assert client.post("/sparql", content=ACTS, headers={"content-type": "text/plain"}).status_code == 415
    r = client.post("/sparql", content=ACTS.encode("utf-16"),
                    headers={"content-type": "application/sparql-query; charset=UTF-16"})
    assert r.status_code == 415
    assert client.get("/sparql", params={"update": "CLEAR ALL"}, headers=AUTH).status_code == 405


def test_result_cap(make_client):
    c = make_client(max_rows=10)
    r = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 413 and "more than 10 rows" in r.text
    r = c.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert r.status_code == 413 and "more than 10 triples" in r.text
    assert c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"}).status_code == 200


def test_time_limit_stops_a_query_and_others_are_served(make_client):
    c = make_client(timeout=1.0, readers=2)
    out = {}

    def slow():
        t = time.monotonic()
        out["slow"] = c.get("/sparql", params={"query": PATHOLOGICAL})
        out["slow_s"] = time.monotonic() - t

    th = threading.Thread(target=slow)
    th.start()
    time.sleep(0.2)
    fast = [c.get("/sparql", params={"query": ACTS}).status_code for _ in range(5)]
    th.join(30)
    assert fast == [200] * 5
    assert out["slow"].status_code == 503
    assert "time limit" in out["slow"].text
    assert out["slow_s"] < 5
    # The killed worker is replaced: both readers serve again.
    time.sleep(2)
    assert all(c.get("/sparql", params={"query": ACTS}).status_code == 200 for _ in range(4))


def test_the_server_owns_the_store_lock(client, store_path):
    with pytest.raises(DiplographError, match="in use by another process"):
        Store(store_path)


# -- writes -------------------------------------------------------------------------------
INSERT = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> rdfs:label 'added' } }"
SEE = "SELECT ?l WHERE { <https://example.org/a> rdfs:label ?l }"


def test_read_only_without_token(make_client):
    c = make_client()
    r = c.post("/sparql", data={"update": INSERT}, headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.text
    assert c.put("/store?graph=https://example.org/g", content=b"", headers=AUTH).status_code == 403


def test_update_needs_the_right_token_and_is_then_visible(client):
    assert client.post("/sparql", data={"update": INSERT}).status_code == 401
    assert client.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.post("/sparql", data={"update": INSERT},
                       headers={"Authorization": "Basic " + TOKEN}).status_code == 403
    assert client.get("/sparql", params={"query": SEE}).json()["results"]["bindings"] == []
    r = client.post("/sparql", content=INSERT, headers=AUTH | {"content-type": "application/sparql-update"})
    assert r.status_code == 204, r.text
    for _ in range(3):  # every reader reopens and sees the write
        rows = client.get("/sparql", params={"query": SEE}).json()["results"]["bindings"]
        assert [b["l"]["value"] for b in rows] == ["added"]


def test_update_refuses_load(client):
    r = client.post("/sparql", data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"}, headers=AUTH)
    assert r.status_code == 400 and "LOAD" in r.text


def test_graph_store_protocol(client):
    g = "https://example.org/graph/one"
    ttl = b"<https://example.org/x> <https://example.org/p> 1 ."
    assert client.put(f"/store?graph={g}", content=ttl, headers={"content-type": "text/turtle"}).status_code == 401
    assert client.get(f"/store?graph={g}").status_code == 404
    assert client.put(f"/store?graph={g}", content=ttl, headers=AUTH | {"content-type": "text/turtle"}).status_code == 201
    r = client.get(f"/store?graph={g}", headers={"accept": "application/n-triples"})
    assert r.text == '<https://example.org/x> <https://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    more = b'<https://example.org/y> <https://example.org/p> "2" .'
    assert client.post(f"/store?graph={g}", content=more,
                       headers=AUTH | {"content-type": "application/n-triples"}).status_code == 204
    assert len(client.get(f"/store?graph={g}", headers={"accept": "application/n-triples"}).text.splitlines()) == 2
    assert client.put(f"/store?graph={g}", content=more,  # PUT replaces
                      headers=AUTH | {"content-type": "application/n-triples"}).status_code == 204
    assert len(client.get(f"/store?graph={g}", headers={"accept": "application/n-triples"}).text.splitlines()) == 1
    bad = client.put(f"/store?graph={g}", content=b"<x> <y> .", headers=AUTH | {"content-type": "text/turtle"})
    assert bad.status_code == 400
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    assert client.put(f"/store?graph={g}", content=xxe,
                      headers=AUTH | {"content-type": "application/rdf+xml"}).status_code == 400
    assert len(client.get(f"/store?graph={g}", headers={"accept": "application/n-triples"}).text.splitlines()) == 1
    assert client.delete(f"/store?graph={g}", headers=AUTH).status_code == 204
    assert client.get(f"/store?graph={g}").status_code == 404
    assert client.get("/store").status_code == 400
