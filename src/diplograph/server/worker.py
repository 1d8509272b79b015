"""Queries run in killable worker processes; one writer process owns the store.

pyoxigraph cannot cancel a query and allows one read-write opener per store. So:
- one *writer* process opens the store read-write for the server's whole life. It holds
  RocksDB's lock, so `diplograph ingest` while the server runs fails cleanly instead of
  writing under the readers; it runs SPARQL Update and Graph Store writes (only reached with a
  write token) and can be killed at its deadline (pyoxigraph writes are transactional).
- after start and after every write the writer takes a *snapshot* (`Store.backup`: a RocksDB
  checkpoint of hard links, ~3 ms) into a sibling folder. N *reader* processes open the newest
  snapshot with `Store.read_only` and reopen when a newer one exists. Readers never open the
  live store: measured, a read-only opener of a store that another process writes to can
  fail with "Corruption: No such file ... .sst" when the writer's background compaction
  deletes files (pyoxigraph calls it undefined behaviour); snapshots are never written to.
- a reader past its deadline is killed (SIGKILL) and replaced in the background; the others
  keep serving. A reader that crashes (e.g. a stack overflow) is replaced the same way.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import GRAPH_IRI, PREFIXES
from . import results

STAGING = GRAPH_IRI + "staging/"


@dataclass
class Reply:
    status: int
    media_type: str
    body: bytes
    kind: str = ""  # "results" | "graph" | "" (errors, writes)


class QueryError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------------------------------
# Inside a worker process
# ---------------------------------------------------------------------------------------
def _open(path: str, writer: bool) -> ox.Store:
    for attempt in range(20):
        try:
            return ox.Store(path) if writer else ox.Store.read_only(path)
        except OSError:
            if writer or attempt == 19:
                raise
            time.sleep(0.05)  # the writer may be mid-commit; its WAL tail settles quickly
    raise AssertionError("unreachable")


def _query(store: ox.Store, op: dict, max_rows: int) -> Reply:
    kw = {"prefixes": PREFIXES, "base_iri": op.get("base_iri")}
    if op.get("default_graph") is not None or op.get("named_graphs") is not None:
        kw["default_graph"] = [ox.NamedNode(g) for g in op.get("default_graph") or []] or ox.DefaultGraph()
        if op.get("named_graphs") is not None:
            kw["named_graphs"] = [ox.NamedNode(g) for g in op["named_graphs"]]
    else:
        kw["use_default_graph_as_union"] = op.get("union", True)
    if op.get("bindings"):
        kw["substitutions"] = {ox.Variable(k): v for k, v in op["bindings"].items()}
    res = store.query(op["text"], **kw)
    rfmt, gfmt = op.get("formats", ("json", "turtle"))
    if isinstance(res, ox.QuerySolutions):
        return Reply(200, results.media_type("results", rfmt), results.serialize_select(res, rfmt, max_rows), "results")
    if isinstance(res, ox.QueryBoolean):
        return Reply(200, results.media_type("results", rfmt), results.serialize_boolean(res, rfmt), "results")
    return Reply(200, results.media_type("graph", gfmt), results.serialize_graph(res, gfmt, max_rows), "graph")


def _graph_term(graph: str | None):
    return ox.DefaultGraph() if graph is None else ox.NamedNode(graph)


def _graph_get(store: ox.Store, op: dict, max_rows: int) -> Reply:
    g = _graph_term(op["graph"])
    if op["graph"] is not None and not store.contains_named_graph(g):
        return Reply(404, "text/plain; charset=utf-8", f"no graph <{op['graph']}>\n".encode())
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, g))
    fmt = op["format"]
    return Reply(200, results.media_type("graph", fmt), results.serialize_graph(triples, fmt, max_rows), "graph")


def _parse(op: dict) -> list[ox.Quad]:
    g = _graph_term(op["graph"])
    fmt = ox.RdfFormat.from_media_type(op["media_type"])
    if fmt is None or fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        raise QueryError(415, f"unsupported RDF media type {op['media_type']!r} "
                              "(text/turtle, application/n-triples, application/ld+json, application/rdf+xml)")
    body = op["body"]
    if fmt == ox.RdfFormat.RDF_XML and (b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper()):
        raise QueryError(400, "RDF/XML with DOCTYPE or ENTITY declarations is refused")
    try:
        return [ox.Quad(t.subject, t.predicate, t.object, g)
                for t in ox.parse(body, format=fmt, base_iri=op["graph"] or None)]
    except SyntaxError as e:
        raise QueryError(400, f"cannot parse the body: {str(e).splitlines()[0]}") from None


def _graph_write(store: ox.Store, op: dict) -> Reply:
    g = _graph_term(op["graph"])
    existed = op["graph"] is None or store.contains_named_graph(g)
    if op["method"] == "DELETE":
        if not existed:
            return Reply(404, "text/plain; charset=utf-8", f"no graph <{op['graph']}>\n".encode())
        if op["graph"] is None:
            store.clear_graph(g)
        else:
            store.remove_graph(g)
    elif op["method"] == "POST":
        store.extend(_parse(op))  # one call = one transaction
    else:  # PUT: stage, then swap in with one MOVE so the graph changes all at once
        stage = ox.NamedNode(f"{STAGING}{os.getpid()}-{time.monotonic_ns()}")
        quads = [ox.Quad(q.subject, q.predicate, q.object, stage) for q in _parse(op)]
        store.add_graph(stage)
        store.extend(quads)
        target = "DEFAULT" if op["graph"] is None else f"GRAPH <{ox.NamedNode(op['graph']).value}>"
        store.update(f"MOVE SILENT GRAPH <{stage.value}> TO {target}")
    store.flush()
    return Reply(204 if existed else 201, "text/plain; charset=utf-8", b"")


class _View:
    """What library functions expect of diplograph.store.Store, over this worker's handle."""

    def __init__(self, db: ox.Store):
        self.db = db

    def query(self, sparql: str, bindings=None, *, union: bool = True):
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return self.db.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union, substitutions=subs or None)


def _document(store: ox.Store, op: dict) -> Reply:
    """Documents the library renders from the store: the VoID description, the ontology page."""
    if op["what"] == "void":
        from .. import dataset

        triples = (ox.Triple(*t) for t in dataset.void_triples(_View(store)))
        return Reply(200, "text/turtle; charset=utf-8", results.serialize_graph(triples, "turtle", 10**7))
    if op["what"] == "ontology-html":
        from .. import docs

        return Reply(200, "text/html; charset=utf-8", docs.render(_View(store)).encode("utf-8"))
    raise QueryError(400, f"unknown document {op['what']!r}")


def _update(store: ox.Store, op: dict) -> Reply:
    store.update(op["text"], prefixes=PREFIXES, base_iri=op.get("base_iri"))
    store.flush()
    return Reply(204, "text/plain; charset=utf-8", b"")


def serve(conn, path: str, writer: bool, max_rows: int) -> None:
    """A worker's main loop: one request at a time over `conn`, replies as Reply objects."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the server, which stops us
    try:
        store = _open(path, writer)
    except OSError as e:
        conn.send(("fatal", str(e).splitlines()[0] if str(e) else type(e).__name__))
        return
    opened = path
    conn.send(("ready", os.getpid()))
    while True:
        try:
            op = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if not writer and op.get("snapshot", opened) != opened:
                del store
                store = _open(op["snapshot"], False)
                opened = op["snapshot"]
            kind = op["op"]
            if kind == "query":
                reply = _query(store, op, max_rows)
            elif kind == "graph-get":
                reply = _graph_get(store, op, max_rows)
            elif kind == "document":
                reply = _document(store, op)
            elif kind == "update" and writer:
                reply = _update(store, op)
            elif kind == "graph-write" and writer:
                reply = _graph_write(store, op)
            elif kind == "snapshot" and writer:
                store.flush()
                store.backup(op["target"])
                reply = Reply(204, "text/plain; charset=utf-8", b"")
            else:
                reply = Reply(400, "text/plain; charset=utf-8", f"unknown operation {kind!r}\n".encode())
        except SyntaxError as e:
            reply = Reply(400, "text/plain; charset=utf-8", f"syntax error: {e}\n".encode())
        except results.TooLarge as e:
            reply = Reply(413, "text/plain; charset=utf-8", f"{e}\n".encode())
        except QueryError as e:
            reply = Reply(e.status, "text/plain; charset=utf-8", f"{e}\n".encode())
        except RuntimeError as e:  # pyoxigraph's evaluation errors (e.g. a bound variable not projected)
            reply = Reply(400, "text/plain; charset=utf-8", f"query error: {str(e).splitlines()[0]}\n".encode())
        except Exception as e:  # noqa: BLE001 - a worker answers every request, whatever broke
            reply = Reply(500, "text/plain; charset=utf-8",
                          f"query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}\n".encode())
        conn.send(reply)


# ---------------------------------------------------------------------------------------
# In the server process
# ---------------------------------------------------------------------------------------
class _Proc:
    """A worker started as `python -m diplograph.server.worker` (never forked: RocksDB threads),
    talking pickled messages over its stdin/stdout."""

    def __init__(self, path: str, writer: bool, max_rows: int):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "diplograph.server.worker", path, "writer" if writer else "reader", str(max_rows)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        self._out = Connection(os.dup(self.proc.stdin.fileno()), readable=False)
        self._in = Connection(os.dup(self.proc.stdout.fileno()), writable=False)
        self.proc.stdin.close()
        self.proc.stdout.close()

    def wait_ready(self, timeout: float = 60.0) -> None:
        if not self._in.poll(timeout):
            self.kill()
            raise RuntimeError("worker did not start in time")
        try:
            msg = self._in.recv()
        except (EOFError, OSError):
            self.kill()
            raise RuntimeError("worker exited while starting") from None
        if msg[0] != "ready":
            self.kill()
            raise RuntimeError(f"worker could not open the store: {msg[1]}")

    def roundtrip(self, op: dict) -> Reply:
        self._out.send(op)
        return self._in.recv()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        for c in (self._out, self._in):
            try:
                c.close()
            except OSError:
                pass


class Pool:
    """Readers for queries, one writer for updates; every call has a deadline."""

    def __init__(self, store_path: str, *, readers: int = 2, timeout: float = 10.0,
                 max_rows: int = 100_000, write_timeout: float = 60.0):
        self.path = Path(store_path)
        self.n = max(1, readers)
        self.timeout = timeout
        self.write_timeout = write_timeout
        self.max_rows = max_rows
        self.generation = 0
        self.snapshot = ""  # the folder readers should be reading
        self._snaps: Path | None = None
        self._held: dict[int, str] = {}  # reader pid -> snapshot it has open
        self._exec = ThreadPoolExecutor(max_workers=self.n + 2, thread_name_prefix="diplograph-pipe")
        self._idle: asyncio.Queue[_Proc] | None = None
        self._writer: _Proc | None = None
        self._write_lock: asyncio.Lock | None = None
        self._spawning: set[asyncio.Task] = set()
        self.killed = 0

    def _spawn(self, writer: bool) -> _Proc:
        p = _Proc(str(self.path) if writer else self.snapshot, writer, self.max_rows)
        p.wait_ready()
        if not writer:
            self._held[p.proc.pid] = self.snapshot
        return p

    async def _take_snapshot(self) -> None:
        target = self._snaps / f"{self.generation + 1:06d}"
        r = await self._call(self._writer, {"op": "snapshot", "target": str(target)}, self.write_timeout)
        if r.status >= 300:
            raise QueryError(500, "could not snapshot the store: " + r.body.decode("utf-8", "replace"))
        self.generation += 1
        self.snapshot = str(target)
        self._collect()

    def _collect(self) -> None:
        """Delete snapshots no reader has open (readers reopen on their next request)."""
        keep = set(self._held.values()) | {self.snapshot}
        for d in self._snaps.iterdir():
            if str(d) not in keep:
                shutil.rmtree(d, ignore_errors=True)

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        self._write_lock = asyncio.Lock()
        # The writer first: it takes the lock, so snapshot folders left by a dead server are ours to drop.
        self._writer = await loop.run_in_executor(self._exec, self._spawn, True)
        for old in self.path.parent.glob(f".{self.path.name}-snapshots-*"):
            shutil.rmtree(old, ignore_errors=True)
        self._snaps = Path(tempfile.mkdtemp(prefix=f".{self.path.name}-snapshots-", dir=self.path.parent))
        await self._take_snapshot()
        readers = await asyncio.gather(*(loop.run_in_executor(self._exec, self._spawn, False)
                                         for _ in range(self.n)))
        for r in readers:
            self._idle.put_nowait(r)

    async def close(self) -> None:
        for t in list(self._spawning):
            t.cancel()
        procs = [self._writer] if self._writer else []
        while self._idle is not None and not self._idle.empty():
            procs.append(self._idle.get_nowait())
        for p in procs:
            p.kill()
        self._exec.shutdown(wait=False, cancel_futures=True)
        if self._snaps is not None:
            shutil.rmtree(self._snaps, ignore_errors=True)

    def _replace_later(self, dead: _Proc) -> None:
        self._held.pop(dead.proc.pid, None)

        async def respawn():
            loop = asyncio.get_running_loop()
            while True:
                try:
                    p = await loop.run_in_executor(self._exec, self._spawn, False)
                    break
                except RuntimeError:
                    await asyncio.sleep(0.5)
            self._idle.put_nowait(p)

        t = asyncio.get_running_loop().create_task(respawn())
        self._spawning.add(t)
        t.add_done_callback(self._spawning.discard)

    async def _call(self, p: _Proc, op: dict, timeout: float) -> Reply:
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self._exec, p.roundtrip, op)
        fut.add_done_callback(lambda f: f.cancelled() or f.exception())  # seen, never logged
        try:
            return await asyncio.wait_for(asyncio.shield(fut), timeout)
        except (asyncio.TimeoutError, asyncio.CancelledError):
            p.kill()  # unblocks the pipe thread with EOFError
            self.killed += 1
            raise

    async def read(self, op: dict, timeout: float | None = None) -> Reply:
        """Run a read operation on an idle reader; QueryError(503) past the deadline."""
        timeout = timeout or self.timeout
        p = await self._idle.get()
        snap = self.snapshot
        stale = self._held.get(p.proc.pid) != snap
        self._held[p.proc.pid] = snap
        try:
            reply = await self._call(p, dict(op, snapshot=snap), timeout)
        except asyncio.TimeoutError:
            self._replace_later(p)
            raise QueryError(503, f"the query ran past the {timeout:g} s time limit and was stopped") from None
        except asyncio.CancelledError:  # the client went away mid-query: the worker is gone too
            self._replace_later(p)
            raise
        except (EOFError, OSError):
            p.kill()
            self._replace_later(p)
            raise QueryError(500, "the query crashed its worker process (it has been replaced)") from None
        self._idle.put_nowait(p)
        if stale:
            self._collect()
        return reply

    async def write(self, op: dict) -> Reply:
        """Run a write on the writer process, then snapshot; readers see it from their next request."""
        loop = asyncio.get_running_loop()
        async with self._write_lock:
            try:
                reply = await self._call(self._writer, op, self.write_timeout)
            except (asyncio.TimeoutError, asyncio.CancelledError, EOFError, OSError) as e:
                self._writer.kill()
                self._writer = await loop.run_in_executor(self._exec, self._spawn, True)
                if isinstance(e, asyncio.CancelledError):
                    raise
                if isinstance(e, asyncio.TimeoutError):
                    raise QueryError(503, f"the update ran past the {self.write_timeout:g} s time limit "
                                          "and was rolled back") from None
                raise QueryError(500, "the update crashed the writer process (rolled back)") from None
            if reply.status < 300:
                await self._take_snapshot()
            return reply


def main(argv: list[str]) -> None:
    """Entry point of a worker process: the protocol runs on copies of stdin/stdout; the real
    stdout then points at stderr so a stray print cannot corrupt a message."""
    path, role, max_rows = argv
    conn_in = Connection(os.dup(0), writable=False)
    conn_out = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)

    class Duplex:
        send, recv = conn_out.send, conn_in.recv

    serve(Duplex(), path, role == "writer", int(max_rows))


if __name__ == "__main__":
    # Run the imported module's main, so pickled replies name diplograph.server.worker.Reply.
    from diplograph.server.worker import main as _main

    _main(sys.argv[1:])
