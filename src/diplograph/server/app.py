"""The ASGI application: routes, configuration, and the worker pool's lifetime."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import queries as stored
from ..errors import DiplographError
from ..paths import DIST_DIR, QUERIES_DIR
from . import pages, sparql, stored_queries
from .cache import Cache
from .worker import Pool

HERE = Path(__file__).parent


@dataclass
class Config:
    store_path: Path
    write_token: str | None = None
    allow_service: bool = False
    timeout: float = 10.0
    max_rows: int = 100_000
    readers: int = 2
    dist: Path = DIST_DIR


def create_app(store_path: Path | str, write_token: str | None = None, allow_service: bool = False,
               timeout: float = 10.0, max_rows: int = 100_000, *, readers: int | None = None,
               cache_entries: int = 512, queries_dir: Path = QUERIES_DIR, dist: Path = DIST_DIR) -> Starlette:
    """An app over the store at `store_path`; the worker processes start with the app's lifespan."""
    path = Path(store_path)
    if not path.is_dir():
        raise DiplographError(f"store {path} does not exist (run 'diplograph ingest' or 'build' first)")
    if write_token is not None and len(write_token) < 8:
        raise DiplographError("the write token must be at least 8 characters")
    cfg = Config(path, write_token or None, allow_service, timeout, max_rows,
                 readers or max(1, min(4, os.cpu_count() or 2)), Path(dist))
    catalogue = stored.load_all(queries_dir)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        pool = Pool(str(path), readers=cfg.readers, timeout=timeout, max_rows=max_rows)
        try:
            await pool.start()
        except RuntimeError as e:
            await pool.close()
            raise DiplographError(str(e)) from None
        app.state.pool = pool
        try:
            yield
        finally:
            await pool.close()

    routes = [
        Route("/", pages.home, name="home"),
        Route("/sparql", sparql.endpoint, methods=["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH"], name="sparql"),
        Route("/store", sparql.graph_store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"], name="store"),
        Route("/queries", stored_queries.listing, name="queries"),
        Route("/queries/{name}", stored_queries.run, name="query"),
        Route("/states", pages.states, name="states"),
        Route("/id/{kind}/{slug}", pages.resource, name="resource"),
        Route("/ontology", pages.ontology, name="ontology"),
        Route("/.well-known/void", pages.void, name="void"),
        Route("/context.jsonld", pages.context, name="context"),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type"], max_age=3600)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.config = cfg
    app.state.catalogue = catalogue
    app.state.cache = Cache(cache_entries)
    return app
