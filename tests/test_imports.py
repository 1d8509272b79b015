"""Importing external RDF: each syntax into its own graph, bad input refused whole, no network."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from diplograph import importer, model, queries
from diplograph.cli import cli
from diplograph.errors import DiplographError
from diplograph.records import Document, Extraction, Official

SAMPLE = Path(__file__).parent / "data" / "wikidata-sample.ttl"
SAMPLE_GRAPH = importer.IMPORT_PREFIX + "wikidata-sample"


def graph_of(store, graph: str) -> rdflib.Graph:
    g = rdflib.Graph()
    for q in store.quads(graph):
        g.add(tuple(rdflib.util.from_n3(str(t)) if not isinstance(t, ox.BlankNode) else rdflib.BNode(t.value)
                    for t in (q.subject, q.predicate, q.object)))
    return g


@pytest.fixture
def sample_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(SAMPLE, format="turtle")


@pytest.mark.parametrize("fmt,suffix", [("turtle", ".ttl"), ("nt", ".nt"), ("xml", ".rdf"),
                                        ("json-ld", ".jsonld"), ("trig", ".trig"), ("nquads", ".nq")])
def test_each_syntax_lands_in_its_own_graph(store, sample_graph, tmp_path, fmt, suffix):
    path = tmp_path / f"extract{suffix}"
    if fmt in ("trig", "nquads"):
        ds = rdflib.Dataset()
        g = ds.graph(rdflib.URIRef("http://example.org/some-graph"))
        for t in sample_graph:
            g.add(t)
        ds.serialize(path, format=fmt)
    else:
        sample_graph.serialize(path, format=fmt)
    graph, n = importer.import_file(store, path)
    assert graph == importer.IMPORT_PREFIX + "extract"
    assert n == len(sample_graph)
    assert store.graphs() == [graph]
    assert isomorphic(graph_of(store, graph), sample_graph)


def test_reimport_replaces_the_graph(store, tmp_path):
    importer.import_file(store, SAMPLE)
    small = tmp_path / "wikidata-sample.nt"
    small.write_text('<http://e/a> <http://e/b> "c" .\n')
    importer.import_file(store, small)
    assert len(list(store.quads(SAMPLE_GRAPH))) == 1


def test_malformed_input_refused_whole_with_line_and_column(store, tmp_path):
    importer.import_file(store, SAMPLE)
    before = sorted(str(q) for q in store.quads())
    bad = tmp_path / "wikidata-sample.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b ex:d ;; ex:e .\nex:f ex:g ex:h .\n")
    with pytest.raises(DiplographError) as err:
        importer.import_file(store, bad)
    assert str(err.value).startswith(f"{bad}: ")
    assert "line 3" in str(err.value) and "column" in str(err.value)
    assert sorted(str(q) for q in store.quads()) == before


@pytest.mark.parametrize("text", [
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY a "aaaa">]>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
    '<?xml version="1.0"?>\n<!ENTITY x "y">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
])
def test_rdfxml_with_dtd_is_refused(store, tmp_path, text):
    p = tmp_path / "x.rdf"
    p.write_text(text)
    with pytest.raises(DiplographError, match="DOCTYPE or ENTITY"):
        importer.import_file(store, p)
    assert store.graphs() == []


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counter.hits.append(self.path)
        body = json.dumps({"@context": {"p": "http://e/p"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_jsonld_remote_context_is_never_fetched(store, tmp_path):
    """A real loopback server offers the context; the import must refuse without asking it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/ctx.jsonld"
        p = tmp_path / "remote.jsonld"
        p.write_text(json.dumps({"@context": url, "@id": "http://e/a", "p": "x"}))
        with pytest.raises(DiplographError, match="remote contexts"):
            importer.import_file(store, p)
        assert _Counter.hits == []
        assert store.graphs() == []
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("content,message", [(b"", "empty file"), (b"\x00\x01\x02binary", "binary"),
                                             (None, "no such file")])
def test_bad_files(store, tmp_path, content, message):
    p = tmp_path / "f.ttl"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(DiplographError, match=message):
        importer.import_file(store, p)


def test_unknown_suffix_and_reserved_graphs(store, tmp_path):
    p = tmp_path / "f.csv"
    p.write_text("a,b\n")
    with pytest.raises(DiplographError, match="unknown RDF file type"):
        importer.import_file(store, p)
    for g in ("https://w3id.org/diplograph/graph/reference", "https://w3id.org/diplograph/graph/ontology",
              "not an iri"):
        with pytest.raises(DiplographError):
            importer.import_file(store, SAMPLE, g)
    assert importer.import_file(store, SAMPLE, "http://example.org/mine")[0] == "http://example.org/mine"


def test_join_across_graphs_officials_born(loaded_store):
    """The stored query joins an official's owl:sameAs (document graph) with P569 (import graph)."""
    doc = Document("sample-doc", "Ayla Testova spoke.", published="2025-05-01")
    ex = Extraction(doc, officials=[Official("Ayla Testova", "AZE", "Minister of Defense", wikidata="Q4115189"),
                                    Official("Nobody Linked", "AZE", "Minister of Samples")])
    loaded_store.replace_graphs({model.document_graph(ex): model.document_triples(ex)})
    q = queries.get("officials-born")
    assert list(queries.run(loaded_store, q)) == []
    importer.import_file(loaded_store, SAMPLE)
    rows = list(queries.run(loaded_store, q))
    assert [(r["name"].value, r["state"].value, r["born"].value, r["graph"].value) for r in rows] == [
        ("Ayla Testova", "AZE", "1970-03-04", SAMPLE_GRAPH)]


def test_cli_import(tmp_path):
    store_dir = tmp_path / "st"
    res = CliRunner().invoke(cli, ["--store", str(store_dir), "import", str(SAMPLE)])
    assert res.exit_code == 0, res.output
    assert f"into <{SAMPLE_GRAPH}>" in res.output
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://e/a> <http://e/b> .\n")
    res = CliRunner().invoke(cli, ["--store", str(store_dir), "import", str(bad)])
    assert res.exit_code != 0 and isinstance(res.exception, DiplographError)
    assert "line 1" in str(res.exception)
