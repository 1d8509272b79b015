"""The store: atomic graph replacement (a failed or killed write leaves the old graph), read-only
opening, one-line errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pyoxigraph as ox
import pytest

from diplograph.errors import DiplographError
from diplograph.store import STAGING_PREFIX, Store

G = "https://w3id.org/diplograph/graph/test"
P = ox.NamedNode("http://example.org/p")


def triples(n: int, tag: str):
    return [(ox.NamedNode(f"http://example.org/s{i}"), P, ox.Literal(f"{tag}{i}")) for i in range(n)]


def values(store: Store, graph: str = G) -> set[str]:
    return {q.object.value for q in store.quads(graph)}


def test_replace_swaps_the_whole_graph(store):
    assert store.replace_graphs({G: triples(3, "old")}) == 3
    store.replace_graphs({G: triples(2, "new")})
    assert values(store) == {"new0", "new1"}
    assert store.graphs() == [G]


def test_failing_write_leaves_the_old_graph(store):
    store.replace_graphs({G: triples(5, "old")})

    def broken():
        yield from triples(3, "new")
        raise RuntimeError("extractor crashed half way")

    with pytest.raises(RuntimeError):
        store.replace_graphs({G: broken()})
    assert values(store) == {f"old{i}" for i in range(5)}
    with pytest.raises(TypeError):  # a malformed triple: nothing written either
        store.replace_graphs({G: [(ox.Literal("not a subject"), P, ox.Literal("x"))]})
    assert values(store) == {f"old{i}" for i in range(5)}
    assert not [g for g in store.db.named_graphs() if g.value.startswith(STAGING_PREFIX)]


def test_several_graphs_switch_together(store):
    other = G + "-2"
    store.replace_graphs({G: triples(2, "a"), other: triples(2, "b")})
    store.replace_graphs({G: triples(1, "c"), other: []})
    assert values(store) == {"c0"} and values(store, other) == set()


def test_read_only_store_refuses_writes(tmp_path):
    with Store(tmp_path / "s") as s:
        s.replace_graphs({G: triples(1, "x")})
    with Store(tmp_path / "s", read_only=True) as ro:
        assert values(ro) == {"x0"}
        with pytest.raises(DiplographError, match="read-only"):
            ro.replace_graphs({G: []})


def test_store_errors_are_one_line(tmp_path):
    with pytest.raises(DiplographError, match="does not exist"):
        Store(tmp_path / "missing", read_only=True)
    (tmp_path / "file").write_text("x")
    with pytest.raises(DiplographError, match="not a directory"):
        Store(tmp_path / "file")


def test_load_file_with_a_syntax_error_changes_nothing(store, tmp_path):
    store.replace_graphs({G: triples(2, "old")})
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://a> <http://b> .\n")
    with pytest.raises(DiplographError, match="bad.ttl"):
        store.load_file(bad, G)
    assert values(store) == {"old0", "old1"}


def test_killed_writer_leaves_old_or_new_graph(tmp_path):
    """kill -9 a process in the middle of replacing a large graph, again and again: on reopening,
    the graph is entirely one version and no staging graph survives."""
    path = tmp_path / "s"
    with Store(path) as s:
        s.replace_graphs({G: triples(20000, "v0-")})
    script = textwrap.dedent(f"""
        import pyoxigraph as ox, sys
        from diplograph.store import Store
        P = ox.NamedNode("http://example.org/p")
        s = Store({str(path)!r})
        v = 1
        print("ready", flush=True)
        while True:
            s.replace_graphs({{{G!r}: [(ox.NamedNode(f"http://example.org/s{{i}}"), P, ox.Literal(f"v{{v}}-{{i}}"))
                                       for i in range(20000)]}})
            v += 1
    """)
    for delay in (0.2, 0.5, 0.9):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.kill()
        proc.wait(timeout=30)
        with Store(path) as s:
            vals = values(s)
            versions = {v.split("-")[0] for v in vals}
            assert len(vals) == 20000 and len(versions) == 1, versions
            assert not [g for g in s.db.named_graphs() if g.value.startswith(STAGING_PREFIX)]


def test_replacing_keeps_odd_literals_blank_nodes_and_new_graphs_exact(store):
    """Replacing content goes through SPARQL text (DELETE/INSERT DATA) or, with blank nodes,
    staging + MOVE; either way each graph ends up holding exactly the given triples."""
    odd = [ox.Literal(v) for v in ('a"b', "C:\\users\\u0041", "line\nbreak\t", "\x00\x7f", "é 中 😀", "}{ . ;")]
    odd += [ox.Literal("x", language="en-gb"), ox.Literal("0.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))]
    plain = [(ox.NamedNode(f"http://example.org/o{i}"), P, lit) for i, lit in enumerate(odd)]
    b = ox.BlankNode()
    blank = [(b, P, ox.Literal("blank")), (ox.NamedNode("http://example.org/r"), P, b)]
    other, third, fresh = G + "-2", G + "-3", G + "-4"
    store.replace_graphs({G: triples(3, "old"), other: blank, third: triples(2, "gone")})
    store.replace_graphs({G: plain + triples(1, "old"), other: blank[:1], third: [], fresh: plain[:2]})
    assert {(q.subject, q.predicate, q.object) for q in store.quads(G)} == set(plain + triples(1, "old"))
    assert [(q.subject, q.predicate, q.object) for q in store.quads(other)] == blank[:1]
    assert values(store, third) == set() and store.has_graph(third)
    assert {(q.subject, q.predicate, q.object) for q in store.quads(fresh)} == set(plain[:2])
    assert not [g for g in store.db.named_graphs() if g.value.startswith(STAGING_PREFIX)]
    store.replace_graphs({G: plain})  # unchanged content: nothing to delete or insert
    assert {(q.subject, q.predicate, q.object) for q in store.quads(G)} == set(plain)
