"""Stored-query API, linked-data pages, ontology, VoID and the UI page, in-process."""

from __future__ import annotations

import csv
import io
import re

import pyoxigraph as ox
import pytest

HTML = {"accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}
AZE = "https://w3id.org/diplograph/id/state/aze"
ARAS = "https://w3id.org/diplograph/id/act/2025-05-19-militaryexercise-aze-irn-medeni-aras-2025"


def test_queries_list_in_json_and_html(client):
    js = client.get("/queries").json()
    names = {q["name"] for q in js}
    assert {"acts", "officials"} <= names
    acts = next(q for q in js if q["name"] == "acts")
    assert acts["summary"] and acts["url"].endswith("/queries/acts") and "SELECT" in acts["sparql"]
    html = client.get("/queries", headers=HTML).text
    assert all(f'href="/queries/{n}"' in html for n in names)


def test_stored_query_in_every_format(client):
    js = client.get("/queries/acts?format=json").json()
    rows = js["results"]["bindings"]
    assert len(rows) == 10
    aras = next(r for r in rows if r["act"]["value"] == ARAS)
    assert aras["start"]["value"] == "2025-05-19" and set(aras["states"]["value"].split()) == {"AZE", "IRN"}
    table = list(csv.DictReader(io.StringIO(client.get("/queries/acts?format=csv").text)))
    assert len(table) == 10 and any(r["act"] == ARAS for r in table)
    assert client.get("/queries/acts?format=tsv").text.startswith("?act\t?type")
    assert b"<sparql" in client.get("/queries/acts?format=xml").content
    page = client.get("/queries/acts?format=html").text
    assert page.count("<tr>") == 11 and "10 rows" in page


def _param_query(client):
    for q in client.get("/queries").json():
        if q["params"]:
            return q
    pytest.skip("no stored query with parameters yet")


def test_stored_query_parameters_are_validated_and_bound(client):
    q = _param_query(client)
    p = q["params"][0]
    others = {x["name"]: x["example"] for x in q["params"][1:]}
    ok = client.get(f"/queries/{q['name']}", params={p["name"]: p["example"], **others, "format": "json"})
    assert ok.status_code == 200, ok.text
    bad_value = {"state": "A'Z", "date": "2025-13-45", "integer": "12x", "iri": "not an iri"}.get(p["type"], "")
    bad = client.get(f"/queries/{q['name']}", params={p["name"]: bad_value, **others, "format": "json"})
    assert bad.status_code == 400 and p["name"] in bad.text
    missing = client.get(f"/queries/{q['name']}?format=json")
    assert missing.status_code == 400
    form = client.get(f"/queries/{q['name']}", headers=HTML)
    assert form.status_code == 200 and f'name="{p["name"]}"' in form.text and p["example"] in form.text
    assert client.get("/queries/acts", params={"nope": "1", "format": "json"}).status_code == 400
    assert client.get("/queries/no-such-query").status_code == 404


def test_state_page_is_a_timeline_of_its_acts(client):
    r = client.get("/id/state/aze", headers=HTML)
    assert r.status_code == 200 and "<h1>Azerbaijan</h1>" in r.text
    dates = re.findall(r'<span class="date">(\d{4}-\d\d-\d\d)', r.text)
    assert dates == sorted(dates) and "2025-05-19" in dates
    assert "Aras 2025" in r.text and "Timeline of acts" in r.text
    assert "the Aras 2025 military exercise between Iran and Azerbaijan" in r.text  # the evidence quote
    assert 'href="/id/state/irn"' in r.text  # a participant links to its own page


def test_act_page_has_dates_participants_and_evidence(client):
    r = client.get("/id/act/2025-05-03-meeting-aze-irn-mustafayev-nasirzadeh", headers=HTML)
    assert r.status_code == 200
    assert "2025-05-03" in r.text and "Kerem Mustafayev" in r.text and "Aziz Nasirzadeh" in r.text
    assert "had met in Tehran" in r.text
    assert 'href="/id/person/kerem-mustafayev"' in r.text


@pytest.mark.parametrize("accept,fmt,rdf", [
    ("text/turtle", None, ox.RdfFormat.TURTLE), ("application/ld+json", None, ox.RdfFormat.JSON_LD),
    ("application/n-triples", None, ox.RdfFormat.N_TRIPLES), (None, "rdfxml", ox.RdfFormat.RDF_XML),
    ("*/*", None, ox.RdfFormat.TURTLE),
])
def test_resources_negotiate_rdf(client, accept, fmt, rdf):
    r = client.get("/id/state/aze", params={"format": fmt} if fmt else None,
                   headers={"accept": accept} if accept else {})
    assert r.status_code == 200 and "Accept" in r.headers["vary"]
    triples = [q.triple for q in ox.parse(r.content, format=rdf)]
    assert ox.Triple(ox.NamedNode(AZE), ox.NamedNode("https://w3id.org/diplograph/ontology#isoAlpha3"),
                     ox.Literal("AZE")) in triples


def test_unknown_resources_are_404(client):
    assert client.get("/id/state/xyz", headers=HTML).status_code == 404
    assert client.get("/id/state/xyz", headers={"accept": "text/turtle"}).status_code == 404
    assert client.get("/id/nonsense/aze").status_code == 404


def test_states_index(client):
    r = client.get("/states")
    assert 'href="/id/state/irn"' in r.text and 'href="/id/state/aze"' in r.text


def test_ontology_html_and_turtle(client):
    html = client.get("/ontology", headers=HTML)
    assert html.status_code == 200 and "MilitaryExercise" in html.text
    ttl = client.get("/ontology", headers={"accept": "text/turtle"})
    g = [q.triple for q in ox.parse(ttl.content, format=ox.RdfFormat.TURTLE)]
    assert any(t.subject.value == "https://w3id.org/diplograph/ontology#MilitaryExercise" for t in g)


def test_void_is_generated_when_dist_has_none(make_client, tmp_path):
    c = make_client(dist=tmp_path)
    r = c.get("/.well-known/void")
    assert r.status_code == 200
    g = [q.triple for q in ox.parse(r.content, format=ox.RdfFormat.TURTLE)]
    assert any(t.object.value == "http://rdfs.org/ns/void#Dataset" for t in g)
    (tmp_path / "void.ttl").write_text("<https://example.org/d> a <http://rdfs.org/ns/void#Dataset> .\n")
    assert c.get("/.well-known/void").text.startswith("<https://example.org/d>")


def test_home_page_offers_the_editor_and_stored_queries(client):
    r = client.get("/")
    assert r.status_code == 200
    assert "/static/vendor/yasgui.min.js" in r.text and 'data-name="acts"' in r.text
    assert client.get("/static/ui.js").status_code == 200
