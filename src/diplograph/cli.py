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
    with c.open() as store:
        exs = pipeline.ingest(store, list(files))
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
        t.add_column(col, overflow="fold")
    n = 0
    for row in res:
        t.add_row(*(term_text(row[col]) for col in cols))
        n += 1
    Console().print(t)
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
