"""The command line: thin over the library. Errors are one line on stderr and a non-zero exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import DiplographError


class Context:
    def __init__(self, store_path: Path):
        self.store_path = store_path

    def open(self, read_only: bool = False):
        from .store import Store

        return Store(self.store_path, read_only=read_only)


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Store directory (default: $DIPLOGRAPH_STORE or .diplograph/ here).")
@click.version_option(__version__, prog_name="diplograph")
@click.pass_context
def cli(ctx: click.Context, store: Path | None) -> None:
    """diplograph: foreign-policy documents to a knowledge graph of states, officials and acts."""
    from .store import default_store_path

    ctx.obj = Context(store or default_store_path())


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@pass_ctx
def ingest(c: Context, files: tuple[Path, ...]) -> None:
    """Extract officials, states, places and acts from FILES into the store (one graph each)."""
    from . import pipeline

    for f in files:
        if not f.is_file():
            raise DiplographError(f"{f}: no such file")
    exs = pipeline.extract_files(list(files))  # bad input fails here, before the store is opened
    with c.open() as store:
        pipeline.write_extractions(store, exs)
    for e in exs:
        click.echo(f"{e.document.doc_id}: {len(e.acts)} acts, {len(e.officials)} officials", err=True)


@cli.command("queries")
def list_queries() -> None:
    """List the stored queries with their parameters."""
    from . import queries

    for q in queries.load_all().values():
        params = " ".join(f"--param {p.name}={p.example}" for p in q.params)
        click.echo(f"{q.name:24} {q.summary}" + (f"\n{'':24}   {params}" if params else ""))


@cli.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--format", "-f", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "csv", "tsv", "xml"]), help="Output format.")
@pass_ctx
def query(c: Context, name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run the stored query NAME (see 'diplograph queries')."""
    from . import queries

    q = queries.get(name)
    given = {}
    for kv in params:
        k, sep, v = kv.partition("=")
        if not sep or not k:
            raise DiplographError(f"bad --param {kv!r}: expected KEY=VALUE")
        given[k.strip()] = v
    q.bindings(given)  # validate parameters before touching the store
    with c.open(read_only=True) as store:
        res = queries.run(store, q, given)
        if fmt == "table":
            _print_table(res)
        else:
            sys.stdout.buffer.write(queries.serialize(res, fmt))
            sys.stdout.flush()


def _print_table(res) -> None:
    from rich.console import Console
    from rich.table import Table

    from .queries import term_text

    cols = [v.value for v in res.variables]
    t = Table(show_lines=False)
    for col in cols:
        # Long text (evidence quotes) is cut for reading; json/csv carry it whole.
        t.add_column(col, overflow="ellipsis", no_wrap=True, max_width=44)
    n = 0
    for row in res:
        t.add_row(*(" ".join(term_text(row[col]).split()) for col in cols))
        n += 1
    console = Console()
    if not console.is_terminal:
        console = Console(width=400)  # piped output: no terminal width to honour
    console.print(t)
    click.echo(f"{n} rows", err=True)


@cli.command()
@click.option("--dist", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: dist/ in the project).")
@pass_ctx
def build(c: Context, dist: Path | None) -> None:
    """Load reference data, ingest data/documents/, reason, validate and export dist/."""
    from rich.console import Console
    from rich.progress import Progress

    from . import pipeline
    from .paths import DIST_DIR

    console = Console(stderr=True)
    with c.open() as store, Progress(console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        s = pipeline.build(store, dist=dist or DIST_DIR, progress=progress)
    console.print(f"documents: {s.documents}  triples: {s.triples}  officials: {s.officials}  states involved: {s.states}")
    console.print("acts: " + (", ".join(f"{k} {v}" for k, v in s.acts_by_type.items()) or "none"))
    if not s.conforms:
        console.print("validation: FAILED (nothing exported)")
        click.echo(s.report, err=True)
        sys.exit(1)
    console.print("validation: conforms")
    for p in s.outputs:
        console.print(f"wrote {p}")


@cli.command("export")
@click.option("--format", "-f", "fmt", required=True,
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdfxml", "csv"]),
              help="ttl, nt, rdfxml: the union of all graphs; nq, trig, jsonld keep named graphs; csv: the act table.")
@click.option("--graph", "graph", default=None, metavar="IRI", help="Export only this named graph.")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically: the old file stays if writing fails).")
@pass_ctx
def export_cmd(c: Context, fmt: str, graph: str | None, output: Path) -> None:
    """Write the store (or one graph) as RDF, JSON-LD or the CSV act table."""
    from . import export

    with c.open(read_only=True) as store:
        path = export.export(store, fmt, output, graph)
    click.echo(f"wrote {path} ({path.stat().st_size} bytes)", err=True)


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--graph", "graph", default=None, metavar="IRI",
              help="Target named graph (default: graph/import/<file name>).")
@pass_ctx
def import_cmd(c: Context, file: Path, graph: str | None) -> None:
    """Load external RDF (Turtle, N-Triples, RDF/XML, JSON-LD, TriG, N-Quads) into its own graph."""
    from . import importer

    with c.open() as store:  # the whole file is parsed before the store is written
        g, n = importer.import_file(store, file, graph)
    click.echo(f"imported {n} triples into <{g}>", err=True)


@cli.command("link")
@click.option("--endpoint", required=True, metavar="URL",
              help="SPARQL endpoint with Wikidata's data model (labels, P31, P39+P580/P582, P17).")
@click.option("--accept-above", "accept_above", type=click.FloatRange(0, 1), default=0.8, show_default=True,
              help="Accept the best candidate when its score is at least this and no rival is close.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Curation file for accepted links (default: data/curation/links-<host>.ttl).")
@pass_ctx
def link_cmd(c: Context, endpoint: str, accept_above: float, output: Path | None) -> None:
    """Propose Wikidata links for unlinked officials and places; write the accepted ones."""
    from . import links, pipeline
    from .paths import CURATION_DIR

    out = output or links.curation_path(endpoint, CURATION_DIR)
    with c.open() as store:
        proposals = links.reconcile(store, endpoint, accept_above)
        added = links.write_curation(out, proposals, endpoint)
        if out.parent.resolve() == CURATION_DIR.resolve():
            pipeline.load_curation(store)
    for p in proposals:
        mark = "accepted" if p.accepted else "proposed"
        click.echo(f"{p.score:.2f}  {mark:8}  {p.kind:8}  {p.name}  ->  {p.candidate}  ({', '.join(p.reasons)})")
    click.echo(f"{len(proposals)} candidates, {added} new links written to {out}", err=True)


@cli.command("unlinked")
@click.option("--kind", type=click.Choice(["state", "official", "place", "post", "org"]), default=None,
              help="Only this kind of entity.")
@pass_ctx
def unlinked_cmd(c: Context, kind: str | None) -> None:
    """List states, officials, places, posts and organisations without a Wikidata/GeoNames link."""
    from . import links

    with c.open(read_only=True) as store:
        totals, missing = links.coverage(store)
    for u in missing:
        if kind in (None, u.kind):
            click.echo(f"{u.kind:8}  {u.entity}  {u.label}  (no {' or '.join(u.missing)})")
    for k, (linked, total) in sorted(totals.items()):
        if kind in (None, k):
            click.echo(f"{k}: {linked}/{total} linked", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--write-token", envvar="DIPLOGRAPH_WRITE_TOKEN", default=None, metavar="TOKEN",
              help="Allow SPARQL Update and Graph Store writes with 'Authorization: Bearer TOKEN' "
                   "(or set $DIPLOGRAPH_WRITE_TOKEN). Without it the server is read-only.")
@click.option("--allow-service", is_flag=True, help="Allow federated SERVICE queries (they fetch remote URLs).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Largest result (rows or triples) a query may return.")
@click.option("--workers", "readers", default=None, type=click.IntRange(1, 32),
              help="Query worker processes (default: CPU count, at most 4).")
@click.option("--cache-entries", default=512, show_default=True, type=click.IntRange(0),
              help="Answers kept until the next write (0: no cache).")
@pass_ctx
def serve(c: Context, host: str, port: int, write_token: str | None, allow_service: bool, timeout: float,
          max_rows: int, readers: int | None, cache_entries: int) -> None:
    """Serve the store over HTTP: SPARQL endpoint, stored queries, linked-data pages, web UI."""
    import uvicorn

    from .server import create_app

    app = create_app(c.store_path, write_token=write_token, allow_service=allow_service, timeout=timeout,
                     max_rows=max_rows, readers=readers, cache_entries=cache_entries)
    c.open().close()  # a store held by another writer: one clean error before uvicorn starts
    click.echo(f"serving {c.store_path} on http://{host}:{port}/ "
               f"({'writes with token' if write_token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@cli.command()
@click.argument("act")
@pass_ctx
def explain(c: Context, act: str) -> None:
    """Why the graph holds ACT (an act IRI, or id:act/...): values, evidence, rule, confidence, curation."""
    from . import explain as ex

    ex.resolve(act)  # a malformed IRI fails before the store is opened
    with c.open(read_only=True) as store:
        click.echo(ex.render(ex.explain(store, act)))


@cli.command()
@click.option("--check", is_flag=True, help="Only compile data/curation/ and report; change nothing.")
@pass_ctx
def curate(c: Context, check: bool) -> None:
    """Load data/curation/ (TOML corrections, Turtle) into the curation graph and report stale ones."""
    from . import curation
    from .namespaces import CURATION_GRAPH

    triples = curation.curation_triples()
    n = len(curation.files())
    if check:
        click.echo(f"{n} curation file(s), {len(triples)} triples: OK")
        return
    with c.open() as store:
        store.replace_graphs({CURATION_GRAPH: triples})
        stale = curation.dangling(store)
    click.echo(f"{n} curation file(s), {len(triples)} triples loaded into the curation graph")
    for corr, target in stale:
        click.echo(f"warning: {corr} targets {target}, which no document yields any more", err=True)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except DiplographError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # a bug: still one line, the traceback on request
        if os.environ.get("DIPLOGRAPH_DEBUG"):
            raise
        click.echo(f"internal error: {type(e).__name__}: {e} (set DIPLOGRAPH_DEBUG=1 for details)", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
