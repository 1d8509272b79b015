"""The W3C SPARQL 1.1 Protocol tests (../shared/w3c/sparql11-protocol), driven from the manifest.

Each test runs against a fresh store holding its ut:graphData, with the write token sent on
updates (the suite assumes an open update endpoint). Not supported, so expected to fail:
`using-graph-uri` / `using-named-graph-uri` on updates (pyoxigraph's update API takes no
dataset; the server answers 400 rather than guess).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from diplograph.server import create_app
from diplograph.store import Store

from .conftest import TOKEN, TestClient

SUITE = Path(__file__).resolve().parents[3] / "shared" / "w3c" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
UNSUPPORTED = {"update_dataset_default_graph", "update_dataset_default_graphs", "update_dataset_named_graphs",
               "update_dataset_full"}


def _manifest() -> tuple[Graph, list[URIRef]]:
    g = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=(SUITE / "manifest.ttl").as_uri())
    head = next(g.objects(None, MF.entries))
    return g, list(Collection(g, head))


def _ids() -> list[str]:
    if not SUITE.is_dir():
        return []
    return [str(t).rsplit("#", 1)[-1] for t in _manifest()[1]]


TESTS = _ids()


def test_the_suite_is_there():
    if not SUITE.is_dir():
        pytest.skip(f"W3C protocol suite not found at {SUITE}")
    assert len(TESTS) == 34


def _boolean(resp) -> bool:
    ctype = resp.headers["content-type"]
    if "json" in ctype:
        return json.loads(resp.content)["boolean"]
    root = ET.fromstring(resp.content)
    return root.find("{http://www.w3.org/2005/sparql-results#}boolean").text.strip() == "true"


@pytest.mark.parametrize("name", TESTS)
def test_w3c_protocol(name, tmp_path, request):
    if name in UNSUPPORTED:
        request.applymarker(pytest.mark.xfail(strict=True, reason="using-graph-uri on updates is not supported"))
    g, entries = _manifest()
    test = next(t for t in entries if str(t).endswith("#" + name))
    path = tmp_path / "store"
    with Store(path) as s:
        for gd in g.objects(test, UT.graphData):
            triples = [(q.subject, q.predicate, q.object)
                       for q in ox.parse(path=str(SUITE / Path(str(g.value(gd, UT.graph))).name),
                                         format=ox.RdfFormat.N_TRIPLES)]
            s.replace_graphs({str(g.value(gd, RDFS.label)): triples})
    action = g.value(test, MF.action)
    with TestClient(create_app(path, write_token=TOKEN, readers=1, cache_entries=0)) as client:
        for req in Collection(g, g.value(action, HT.requests)):
            method = str(g.value(req, HT.methodName))
            url = str(g.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
            headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue))
                       for h in Collection(g, g.value(req, HT.headers))} if g.value(req, HT.headers) else {}
            body = g.value(req, HT.body)
            content = None
            if body is not None:
                enc = str(g.value(body, CNT.characterEncoding) or "UTF-8")
                content = str(g.value(body, CNT.chars)).encode(enc.lower())
            is_update = "update" in url or "sparql-update" in headers.get("content-type", "") or (
                content is not None and content.startswith(b"update="))
            if is_update:
                headers["Authorization"] = f"Bearer {TOKEN}"
            resp = client.request(method, url, content=content, headers=headers)
            exp = g.value(req, HT.resp)
            classes = {str(s)[len(HTS):] for s in g.objects(exp, MF.expectedStatus)}
            assert f"{resp.status_code // 100}xx" in classes, (resp.status_code, resp.text)
            fmt = g.value(exp, MF.expectedFormat)
            ctype = resp.headers.get("content-type", "")
            expected_bool = g.value(exp, MF.expectedBoolean)
            if fmt is not None and str(fmt) == "boolean" and expected_bool is not None:
                assert _boolean(resp) == bool(expected_bool.toPython())
            elif fmt is not None and str(fmt) == "boolean":
                assert ctype.split(";")[0] in ("application/sparql-results+json", "application/sparql-results+xml")
            elif fmt is not None and str(fmt) == "tabular":
                assert ctype.split(";")[0] in ("application/sparql-results+json", "application/sparql-results+xml",
                                               "text/csv", "text/tab-separated-values")
            elif fmt is not None and str(fmt) == "RDF":
                assert ctype.split(";")[0] in ("application/rdf+xml", "text/turtle", "application/n-triples",
                                               "application/ld+json")
