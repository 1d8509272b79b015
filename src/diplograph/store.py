"""The pyoxigraph store: one persistent dataset, one named graph per source document.

Every write is one transaction: new graphs are written with one `extend` call, replaced ones with
a single SPARQL update, so a failed or killed ingest leaves the previous version of each graph
intact.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from .errors import DiplographError
from .namespaces import GRAPH_IRI, PREFIXES

STAGING_PREFIX = GRAPH_IRI + "staging/"
DEFAULT_STORE = ".diplograph"


def default_store_path() -> Path:
    return Path(os.environ.get("DIPLOGRAPH_STORE") or DEFAULT_STORE)


Triple3 = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]


def _textual(t: Triple3) -> bool:
    """True when the triple survives a round trip through SPARQL text unchanged (no blank node,
    whose label an update would rename, and no quoted triple)."""
    return isinstance(t[0], ox.NamedNode) and isinstance(t[2], (ox.NamedNode, ox.Literal))


def _data(verb: str, graphs: list[tuple[str, set[Triple3]]]) -> list[str]:
    blocks = [f"GRAPH <{g}> {{\n" + "\n".join(f"{s} {p} {o} ." for s, p, o in ts) + "\n}"
              for g, ts in graphs if ts]
    return [f"{verb} DATA {{\n" + "\n".join(blocks) + "\n}"] if blocks else []


class Store:
    """A thin owner of a pyoxigraph.Store with the project's transaction and query conventions."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._db = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise DiplographError(f"store {self.path} does not exist (run 'diplograph ingest' or 'build' first)")
                self._db = ox.Store.read_only(str(self.path))
            else:
                if self.path.exists() and not self.path.is_dir():
                    raise DiplographError(f"store path {self.path} is not a directory")
                self.path.mkdir(parents=True, exist_ok=True)
                self._db = ox.Store(str(self.path))
        except OSError as e:
            msg = str(e).splitlines()[0] if str(e) else type(e).__name__
            if "lock" in msg.lower():
                raise DiplographError(f"store {self.path} is in use by another process (pyoxigraph allows one writer)") from None
            raise DiplographError(f"cannot open store {self.path}: {msg}") from None
        self.read_only = read_only
        if not read_only:
            self._drop_stale_staging()

    # -- reading -----------------------------------------------------------------
    @property
    def db(self) -> ox.Store:
        return self._db

    def query(self, sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
              *, union: bool = True):
        """Run a query; `bindings` are substituted by the engine (SEP-0007), never pasted."""
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return self._db.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union,
                              substitutions=subs or None)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._db.named_graphs() if isinstance(g, ox.NamedNode)
                      and not g.value.startswith(STAGING_PREFIX))

    def has_graph(self, graph: str) -> bool:
        return self._db.contains_named_graph(ox.NamedNode(graph))

    def __len__(self) -> int:
        return len(self._db)

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        g = ox.NamedNode(graph) if graph else None
        return self._db.quads_for_pattern(None, None, None, g)

    # -- writing -----------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple3]]) -> int:
        """Atomically replace each named graph with the given triples; returns triples written.

        Every quad is built before anything is written, so a bad triple changes nothing. Graphs
        that hold nothing yet are written with one `extend` (one transaction). Replacing content
        is one SPARQL update: the difference (DELETE DATA / INSERT DATA) for graphs of IRIs and
        literals, staging + MOVE where blank nodes make text unfaithful. MOVE copies and deletes
        every quad (~10 ms per 150-quad graph on disk), which made it the cost of a large ingest.
        """
        self._check_writable()
        new: dict[str, list[ox.Quad]] = {}
        for graph, triples in graphs.items():
            g = ox.NamedNode(graph)
            new[graph] = [ox.Quad(s, p, o, g) for s, p, o in triples]
        occupied = {g for g in new if self.has_graph(g) and next(iter(self.quads(g)), None) is not None}
        try:
            if occupied:
                self._swap(new, occupied)
            else:
                self._db.extend([q for quads in new.values() for q in quads])
                for graph, quads in new.items():
                    if not quads:
                        self._db.add_graph(ox.NamedNode(graph))
        except (OSError, SyntaxError) as e:
            self._drop_stale_staging()
            raise DiplographError(f"store write failed: {str(e).splitlines()[0]}") from None
        self._db.flush()
        return sum(len(quads) for quads in new.values())

    def _swap(self, new: dict[str, list[ox.Quad]], occupied: set[str]) -> None:
        """One update (one transaction) that turns every graph in `new` into its new content."""
        token = uuid.uuid4().hex
        moves, deletes, inserts, staged = [], [], [], []
        for i, (graph, quads) in enumerate(new.items()):
            old = [(q.subject, q.predicate, q.object) for q in self.quads(graph)] if graph in occupied else []
            now = [(q.subject, q.predicate, q.object) for q in quads]
            if not all(_textual(t) for t in (*old, *now)):
                stage = ox.NamedNode(f"{STAGING_PREFIX}{token}/{i}")
                self._db.add_graph(stage)  # MOVE needs the source graph to exist even when it is empty
                staged.extend(ox.Quad(s, p, o, stage) for s, p, o in now)
                moves.append(f"MOVE SILENT GRAPH <{stage.value}> TO GRAPH <{graph}>")
                continue
            before, after = set(old), set(now)
            deletes.append((graph, before - after))
            inserts.append((graph, after - before))
        if staged:
            self._db.extend(staged)
        ops = [*moves, *(_data("DELETE", deletes)), *(_data("INSERT", inserts))]
        # A graph replaced by nothing still exists afterwards (as MOVE leaves it).
        ops.extend(f"CREATE SILENT GRAPH <{g}>" for g, _ in inserts)
        self._db.update(" ;\n".join(ops))

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        self._check_writable()
        ops = [f"DROP SILENT GRAPH <{ox.NamedNode(g).value}>" for g in graphs]
        if ops:
            self._db.update(" ;\n".join(ops))
            self._db.flush()

    def load_file(self, path: Path, graph: str, fmt: ox.RdfFormat | None = None) -> None:
        """Parse a whole RDF file into one graph (replacing it); a syntax error changes nothing."""
        self._check_writable()
        try:
            triples = [(q.subject, q.predicate, q.object) for q in
                       ox.parse(path=str(path), format=fmt or ox.RdfFormat.from_extension(path.suffix.lstrip(".")))]
        except SyntaxError as e:
            raise DiplographError(f"{path}: {str(e).splitlines()[0]}") from None
        except (OSError, ValueError) as e:
            raise DiplographError(f"{path}: {str(e).splitlines()[0]}") from None
        self.replace_graphs({graph: triples})

    def _check_writable(self) -> None:
        if self.read_only:
            raise DiplographError("the store is open read-only")

    def _drop_stale_staging(self) -> None:
        stale = [g.value for g in self._db.named_graphs()
                 if isinstance(g, ox.NamedNode) and g.value.startswith(STAGING_PREFIX)]
        if stale:
            self._db.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in stale))

    def close(self) -> None:
        if not self.read_only:  # pyoxigraph refuses flush() on read-only instances
            try:
                self._db.flush()
            except OSError:
                pass
        del self._db

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
