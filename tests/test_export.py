"""Exports parse with a second implementation and are isomorphic to the store; files are atomic."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld
from rdflib.compare import isomorphic

from diplograph import acttable, export
from diplograph.cli import cli
from diplograph.errors import DiplographError
from diplograph.namespaces import DG, ID_IRI, XSD
from diplograph.store import Store

XSD_STRING = str(XSD.string)


# -- conversions for comparison --------------------------------------------------------
def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def expected_graphs(quads) -> tuple[rdflib.Graph, dict[str, rdflib.Graph]]:
    union, per = rdflib.Graph(), {}
    for q in quads:
        t = (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
        union.add(t)
        per.setdefault(q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "", rdflib.Graph()).add(t)
    return union, per


def dataset_graphs(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    out = {}
    for ctx in ds.graphs():
        g = rdflib.Graph()
        for t in ctx:
            g.add(t)
        if len(g):
            name = "" if ctx.identifier == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(ctx.identifier)
            out[name] = g
    return out


def assert_same_graphs(got: dict[str, rdflib.Graph], want: dict[str, rdflib.Graph]) -> None:
    assert sorted(got) == sorted(want)
    for name in want:
        assert isomorphic(got[name], want[name]), f"graph {name} differs"


def pyld_dataset(doc: dict) -> rdflib.Dataset:
    """JSON-LD -> N-Quads by pyld (expansion with the local context only) -> rdflib."""
    nq = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": export.document_loader})
    ds = rdflib.Dataset()
    ds.parse(data=nq, format="nquads")
    return ds


RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "rdfxml": "xml", "nq": "nquads", "trig": "trig"}


def check_roundtrip(qs: list[ox.Quad], fmt: str) -> None:
    data = export.serialize(qs, fmt)
    union, per = expected_graphs(qs)
    if fmt == "jsonld":
        assert_same_graphs(dataset_graphs(pyld_dataset(json.loads(data))), per)
    elif fmt in export.QUAD_FORMATS:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB_FORMATS[fmt])
        assert_same_graphs(dataset_graphs(ds), per)
    else:
        g = rdflib.Graph()
        g.parse(data=data, format=RDFLIB_FORMATS[fmt])
        assert isomorphic(g, union)


# -- the real store --------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "rdfxml", "jsonld"])
def test_every_format_parses_back_isomorphic(sample_store, fmt):
    qs = export.quads(sample_store)
    assert len(qs) > 3000  # ontology + reference + the document graph
    check_roundtrip(qs, fmt)


def test_one_graph_only(sample_store, tmp_path):
    g = "https://w3id.org/diplograph/graph/avim-2025-37"
    out = export.export(sample_store, "trig", tmp_path / "doc.trig", graph=g)
    ds = rdflib.Dataset()
    ds.parse(out, format="trig")
    graphs = dataset_graphs(ds)
    assert list(graphs) == [g]
    assert len(graphs[g]) == sum(1 for _ in sample_store.quads(g))


def test_unknown_graph_is_an_error(sample_store, tmp_path):
    with pytest.raises(DiplographError, match="no graph"):
        export.export(sample_store, "ttl", tmp_path / "x.ttl", graph="https://example.org/nothing")
    assert not (tmp_path / "x.ttl").exists()


def test_compact_jsonld_uses_served_context_and_pyoxigraph_agrees(sample_store):
    """A third reader: pyoxigraph's own JSON-LD parser, given the context inline."""
    qs = export.quads(sample_store)
    doc = export.compact_jsonld(qs)
    assert doc["@context"] == export.CONTEXT_IRI
    act = next(n for g in doc["@graph"] if "@graph" in g for n in g["@graph"]
               if n.get("@type") == ["dg:Meeting"])
    assert act["@id"].startswith("id:act/")
    inline = dict(doc, **{"@context": export.context_document()["@context"]})
    parsed = list(ox.parse(json.dumps(inline).encode(), format=ox.RdfFormat.JSON_LD))
    assert set(parsed) == set(qs)


def test_remote_context_is_never_fetched():
    with pytest.raises(jsonld.JsonLdError) as err:
        jsonld.expand({"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "http://e/a"},
                      {"documentLoader": export.document_loader})
    assert "refusing to fetch remote JSON-LD context http://127.0.0.1:9/ctx.jsonld" in repr(err.value.__cause__)


def test_act_cards_are_framed_per_act(sample_store):
    cards = export.frame_act_cards(export.quads(sample_store))
    assert cards["@context"] == export.CONTEXT_IRI
    acts = cards["@graph"]
    n_acts = len({r["a"].value for r in sample_store.query(
        "SELECT ?a WHERE { ?a a/rdfs:subClassOf dg:DiplomaticAct }")})
    assert len(acts) == n_acts == 10
    meeting = next(a for a in acts if a["@type"] == "dg:Meeting" and "Tehran" in json.dumps(a))
    people = meeting["dg:participant"]
    assert {p["foaf:name"] for p in people} == {"Kerem Mustafayev", "Aziz Nasirzadeh"}
    assert meeting["dg:evidence"]["dg:spanText"].startswith("on 3 May 2025")
    assert meeting["dg:location"]["rdfs:label"]["@value"] == "Tehran"
    assert "prov:wasGeneratedBy" not in meeting


def test_csv_act_table(sample_store, tmp_path):
    out = export.export(sample_store, "csv", tmp_path / "acts.csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 10
    assert tuple(rows[0]) == acttable.COLUMNS
    tehran = next(r for r in rows if r["place"] == "Tehran")
    assert tehran["event_type"] == "Meeting"
    assert tehran["event_date"] == "2025-05-03" and tehran["date_precision"] == "day"
    assert tehran["cameo_code"] == "040 044 046"
    assert tehran["plover_category"] == "CONSULT"
    assert tehran["place_country_iso3"] == "IRN"
    assert tehran["states_iso3"] == "AZE IRN"
    assert tehran["persons"] == "Aziz Nasirzadeh|Kerem Mustafayev"
    visit = next(r for r in rows if r["event_type"] == "OfficialVisit" and r["states_iso3"] == "AZE ISR")
    assert (visit["actor1_iso3"], visit["actor2_iso3"]) == ("AZE", "ISR")  # visitor's state, host
    assert visit["cameo_code"] == "042 043"
    stmt = next(r for r in rows if r["event_type"] == "Statement" and r["persons"] == "Aziz Nasirzadeh")
    assert (stmt["actor1_iso3"], stmt["actor2_iso3"]) == ("IRN", "ARM")  # speaker's state, about


def test_csv_codes_follow_the_ontology(sample_store, tmp_path):
    """Change the mapping in the store's ontology graph: the table follows, nothing is hard-coded."""
    from diplograph.namespaces import ONTOLOGY_GRAPH
    sample_store.db.update(
        "INSERT DATA { GRAPH <%s> { <%sMeeting> <%scameoCode> <urn:x:c> . <urn:x:c> <http://www.w3.org/2004/02/skos/core#notation> \"999\" } }"
        % (ONTOLOGY_GRAPH, DG, DG))
    rows = list(csv.DictReader(io.StringIO(export.export(sample_store, "csv", tmp_path / "a.csv").read_text())))
    assert all("999" in r["cameo_code"] for r in rows if r["event_type"] == "Meeting")


# -- dist/ ---------------------------------------------------------------------------
def test_write_dist(sample_store, tmp_path):
    dist = tmp_path / "dist"
    files = export.write_dist(sample_store, dist)
    names = {p.relative_to(dist).as_posix() for p in files}
    assert {"graph.ttl", "graph.nt", "graph.trig", "graph.jsonld", "context.jsonld", "acts.csv",
            "void.ttl", "docs/index.html", "acts.jsonld"} <= names
    ctx = json.loads((dist / "context.jsonld").read_text())
    assert ctx["@context"]["dg"] == str(DG) and ctx["@context"]["id"] == ID_IRI
    doc = json.loads((dist / "graph.jsonld").read_text())
    assert doc["@context"] == export.CONTEXT_IRI
    g = rdflib.Graph()
    g.parse(dist / "graph.nt", format="nt")
    union, _ = expected_graphs(export.quads(sample_store))
    assert isomorphic(g, union)
    assert not [p for p in dist.iterdir() if p.name.endswith(".tmp")]


# -- atomic writes ---------------------------------------------------------------------
def test_failed_serialisation_keeps_the_old_file(tmp_path):
    s = Store()
    s.replace_graphs({"https://example.org/g": [
        (ox.NamedNode("http://e/s"), ox.NamedNode("http://e/1"), ox.Literal("x"))]})
    out = tmp_path / "graph.rdf"
    out.write_text("OLD")
    with pytest.raises(DiplographError, match="RDF/XML"):
        export.export(s, "rdfxml", out)
    assert out.read_text() == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.rdf"]


def test_write_atomic_failure_midway_keeps_old_file(tmp_path):
    out = tmp_path / "f.txt"
    out.write_text("OLD")

    def produce(fh):
        fh.write(b"NEW PART")
        raise OSError("disk full")

    with pytest.raises(OSError):
        export.write_atomic(out, produce)
    assert out.read_text() == "OLD"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


# -- CLI -------------------------------------------------------------------------------
def disk_copy(store, path: Path) -> Path:
    """An on-disk copy of a store, closed, for commands that open it themselves."""
    with Store(path) as s:
        s.db.extend(store.quads())
    return path


def test_cli_export(sample_store, tmp_path):
    path = disk_copy(sample_store, tmp_path / "st")
    out = tmp_path / "out.nq"
    res = CliRunner().invoke(cli, ["--store", str(path), "export", "--format", "nq", "-o", str(out)])
    assert res.exit_code == 0, res.output
    ds = rdflib.Dataset()
    ds.parse(out, format="nquads")
    assert len(dataset_graphs(ds)) == 3


def test_cli_bad_graph_is_one_line_error(sample_store, tmp_path):
    path = disk_copy(sample_store, tmp_path / "st")
    proc = subprocess.run([sys.executable, "-c", "from diplograph.cli import main; main()", "--store", str(path),
                           "export", "-f", "ttl", "--graph", "https://example.org/none", "-o", str(tmp_path / "x.ttl")],
                          capture_output=True, text=True, env={**os.environ, "DIPLOGRAPH_DEBUG": ""})
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and proc.stderr.startswith("error: no graph")
    assert not (tmp_path / "x.ttl").exists()


# -- any graph round-trips -------------------------------------------------------------
_names = st.sampled_from(["a", "b", "c", "x-1", "y_2", "z.3"])
_iri = st.builds(lambda ns, n: ox.NamedNode(ns + n),
                 st.sampled_from(["http://example.org/", "https://example.com/ns#", ID_IRI + "person/", str(DG)]), _names)
_pred = st.builds(lambda ns, n: ox.NamedNode(ns + n),
                  st.sampled_from(["http://example.org/p/", str(DG), "http://xmlns.com/foaf/0.1/"]),
                  st.sampled_from(["name", "knows", "p_1", "rel"]))
_bnode = st.sampled_from(["b1", "b2", "b3"]).map(ox.BlankNode)
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\"\\'<>&"), max_size=12)
_literal = st.one_of(
    _text.map(ox.Literal),
    st.builds(lambda t, lang: ox.Literal(t, language=lang), _text, st.sampled_from(["en", "de", "fr-ca"])),
    st.integers(-10**6, 10**6).map(lambda i: ox.Literal(str(i), datatype=ox.NamedNode(str(XSD.integer)))),
    st.dates().map(lambda d: ox.Literal(d.isoformat(), datatype=ox.NamedNode(str(XSD.date)))),
    st.builds(lambda t: ox.Literal(t, datatype=ox.NamedNode("http://example.org/dt")), _text),
)
_graph = st.sampled_from(["https://w3id.org/diplograph/graph/one", "http://example.org/g2"]).map(ox.NamedNode)
_quad = st.builds(ox.Quad, st.one_of(_iri, _bnode), _pred, st.one_of(_iri, _bnode, _literal), _graph)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_quad, min_size=1, max_size=12))
def test_any_small_graph_round_trips_through_every_format(qs):
    qs = list(dict.fromkeys(qs))
    for fmt in ("ttl", "nt", "nq", "trig", "rdfxml", "jsonld"):
        check_roundtrip(qs, fmt)
