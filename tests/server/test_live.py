"""Against a real `diplograph serve` process on loopback, over the founding-document store:
SPARQLWrapper in every format, writes with and without the token, the time limit under load."""

from __future__ import annotations

import threading
import time
from urllib.error import HTTPError

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import Unauthorized

from .conftest import TOKEN

AZE = "https://w3id.org/diplograph/id/state/aze"
EXERCISES = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT ?act ?start WHERE { ?act a dg:MilitaryExercise ; dg:startDate ?start ;
  dg:involvesState <https://w3id.org/diplograph/id/state/aze>, <https://w3id.org/diplograph/id/state/irn> }
ORDER BY ?start"""
LABEL = f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> CONSTRUCT {{ <{AZE}> rdfs:label ?l }} WHERE {{ <{AZE}> rdfs:label ?l }}"
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def wrapper(live, fmt, query, token: str | None = None) -> SPARQLWrapper:
    sw = SPARQLWrapper(live.url + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if token:
        sw.addCustomHttpHeader("Authorization", f"Bearer {token}")
    return sw


def test_select_in_every_format(live):
    js = wrapper(live, JSON, EXERCISES).queryAndConvert()
    dates = [b["start"]["value"] for b in js["results"]["bindings"]]
    assert "2025-05-19" in dates and dates == sorted(dates)
    xml = wrapper(live, XML, EXERCISES).queryAndConvert()
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == dates
    csv_text = wrapper(live, CSV, EXERCISES).queryAndConvert().decode()
    assert csv_text.splitlines()[0] == "act,start" and len(csv_text.splitlines()) == len(dates) + 1
    tsv_text = wrapper(live, TSV, EXERCISES).queryAndConvert().decode()
    assert tsv_text.splitlines()[0] == "?act\t?start" and "2025-05-19" in tsv_text


def test_ask_in_json_and_xml(live):
    q = f"ASK {{ <{AZE}> ?p ?o }}"
    assert wrapper(live, JSON, q).queryAndConvert()["boolean"] is True
    xml = wrapper(live, XML, q).queryAndConvert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, XML, JSONLD])
def test_construct_in_every_format(live, fmt):
    res = wrapper(live, fmt, LABEL).queryAndConvert()
    if isinstance(res, bytes):  # SPARQLWrapper hands back Turtle / N3 / JSON-LD as bytes
        res = Graph().parse(data=res, format={TURTLE: "turtle", N3: "n3", JSONLD: "json-ld"}[fmt])
    assert (URIRef(AZE), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Azerbaijan", lang="en")) in res


def test_writes_need_the_token_then_are_visible(live):
    update = ("INSERT DATA { GRAPH <https://example.org/live> { <https://example.org/s> "
              "<http://www.w3.org/2000/01/rdf-schema#label> 'written live' } }")
    see = "SELECT ?l WHERE { <https://example.org/s> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    sw = wrapper(live, JSON, update)
    sw.setMethod(POST)
    with pytest.raises(Unauthorized):  # 401
        sw.query()
    sw = wrapper(live, JSON, update, "wrong-token-xyz")
    sw.setMethod(POST)
    with pytest.raises(HTTPError) as e:
        sw.query()
    assert e.value.code == 403
    assert wrapper(live, JSON, see).queryAndConvert()["results"]["bindings"] == []
    sw = wrapper(live, JSON, update, TOKEN)
    sw.setMethod(POST)
    sw.query()
    rows = wrapper(live, JSON, see).queryAndConvert()["results"]["bindings"]
    assert [r["l"]["value"] for r in rows] == ["written live"]
    r = httpx.put(live.url + "/store", params={"graph": "https://example.org/live2"},
                  content=b"<https://example.org/t> <https://example.org/p> 2 .", headers={"content-type": "text/turtle"})
    assert r.status_code == 401


def test_time_limit_under_concurrent_clients(live):
    """The server runs with --timeout 2: the cross product is stopped while others get answers."""
    out: dict = {}

    def slow():
        t = time.monotonic()
        out["resp"] = httpx.get(live.url + "/sparql", params={"query": PATHOLOGICAL}, timeout=30)
        out["secs"] = time.monotonic() - t

    th = threading.Thread(target=slow)
    th.start()
    time.sleep(0.3)
    answered = []
    with httpx.Client(timeout=10) as c:
        while th.is_alive() and len(answered) < 200:
            t = time.monotonic()
            r = c.get(live.url + "/queries/acts", params={"format": "json"})
            answered.append((r.status_code, time.monotonic() - t))
            r2 = c.get(live.url + "/sparql", params={"query": EXERCISES})
            answered.append((r2.status_code, time.monotonic() - t))
    th.join(30)
    assert out["resp"].status_code == 503 and "time limit" in out["resp"].text
    assert 1.5 < out["secs"] < 6
    assert answered and all(code == 200 for code, _ in answered)
    assert max(s for _, s in answered) < 1.0  # nobody waited behind the runaway query
