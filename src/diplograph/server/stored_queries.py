"""Stored queries as an API (Datasette's canned queries): /queries and /queries/{name}.

Parameters come from the URL, are validated and typed by diplograph.queries, and are bound by
the engine (SEP-0007 substitutions); the query text is never edited.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import DiplographError
from . import pages, results
from .sparql import error, reply_response, run_read
from .worker import QueryError

FORMATS = ("json", "csv", "tsv", "xml", "html")


def _describe(request: Request, q) -> dict:
    return {"name": q.name, "summary": q.summary, "description": q.description,
            "url": str(request.url_for("query", name=q.name)),
            "params": [{"name": p.name, "type": p.type, "example": p.example, "description": p.description}
                       for p in q.params],
            "sparql": q.text}


def _wants_html(request: Request, fmt: str | None) -> bool:
    if fmt:
        return fmt == "html"
    first = request.headers.get("accept", "").split(",")[0]
    return "text/html" in first


async def listing(request: Request) -> Response:
    cat = request.app.state.catalogue
    fmt = request.query_params.get("format")
    if fmt not in (None, "json", "html"):
        return error(400, f"unknown format {fmt!r} (json, html)")
    if _wants_html(request, fmt):
        return pages.render(request, "queries.html", {"queries": list(cat.values())})
    return JSONResponse([_describe(request, q) for q in cat.values()])


async def run(request: Request) -> Response:
    q = request.app.state.catalogue.get(request.path_params["name"])
    if q is None:
        return error(404, f"unknown query {request.path_params['name']!r} "
                          f"(known: {', '.join(request.app.state.catalogue)})")
    given = {k: v for k, v in request.query_params.items() if k != "format"}
    fmt = request.query_params.get("format")
    if fmt is not None and fmt not in FORMATS:
        return error(400, f"unknown format {fmt!r} ({', '.join(FORMATS)})")
    html = _wants_html(request, fmt)
    if not fmt and not html:
        fmt = results.negotiate(request.headers.get("accept"), None)[0]
    ctx = {"q": q, "given": given, "rows": None, "columns": [], "error": None}
    try:
        bindings = q.bindings(given, use_examples=False)
    except DiplographError as e:
        if html:  # the form, filled with the examples, is the answer to a bare GET
            ctx["error"] = str(e) if given else None
            ctx["given"] = {p.name: given.get(p.name, p.example) for p in q.params}
            return pages.render(request, "query.html", ctx, status=400 if given else 200)
        return error(400, str(e))
    op = {"op": "query", "text": q.text, "bindings": bindings, "union": True,
          "formats": ("json" if html else fmt, "turtle")}
    key = ("stored", q.name, tuple(sorted(given.items())), op["formats"])
    try:
        r = await run_read(request, op, key)
    except QueryError as e:
        if html:
            ctx["error"] = str(e)
            return pages.render(request, "query.html", ctx, status=e.status)
        return error(e.status, str(e))
    if not html:
        return reply_response(r)
    data = json.loads(r.body)
    ctx["columns"] = data["head"]["vars"]
    ctx["rows"] = data["results"]["bindings"]
    return pages.render(request, "query.html", ctx)
