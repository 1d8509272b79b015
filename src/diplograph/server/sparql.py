"""SPARQL 1.1 Protocol (/sparql) and Graph Store HTTP Protocol (/store).

Reads go to the reader pool with a deadline; writes need the write token as
`Authorization: Bearer TOKEN` (never Basic: browsers resend cached Basic credentials on
cross-site form posts, Bearer headers only when a script sets them).
"""

from __future__ import annotations

import hmac
import re
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..namespaces import sparql_prefixes
from . import results, safety
from .worker import QueryError, Reply

MAX_BODY = 50_000_000
TEXT = "text/plain; charset=utf-8"


def error(status: int, message: str, headers: dict | None = None) -> Response:
    return Response(message.rstrip("\n") + "\n", status_code=status, media_type=TEXT, headers=headers)


def reply_response(r: Reply, extra: dict | None = None) -> Response:
    return Response(r.body, status_code=r.status, media_type=r.media_type, headers=extra)


def authorize(request: Request) -> Response | None:
    """None when the request may write; else the 401/403 response."""
    token = request.app.state.config.write_token
    if not token:
        return error(403, "this endpoint is read-only (start the server with --write-token to allow writes)")
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    if not auth:
        return error(401, "writes need 'Authorization: Bearer TOKEN'",
                     {"WWW-Authenticate": 'Bearer realm="diplograph"'})
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return error(403, "wrong write token")
    return None


def _charset_ok(ctype: str) -> bool:
    for part in ctype.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v.strip().strip('"').lower() not in ("utf-8", "utf8"):
            return False
    return True


async def _params(request: Request) -> tuple[list[tuple[str, str]], str | None]:
    """All protocol parameters (URL and body), and the body's role if it is a direct query/update."""
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params, None
    ctype = request.headers.get("content-type", "")
    main = ctype.split(";")[0].strip().lower()
    body = await request.body()
    if len(body) > MAX_BODY:
        raise QueryError(413, f"the request body is larger than {MAX_BODY} bytes")
    if not _charset_ok(ctype):
        raise QueryError(415, "the body must be UTF-8")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError(400, "the body is not valid UTF-8") from None
    if main == "application/x-www-form-urlencoded":
        return params + parse_qsl(text, keep_blank_values=True), None
    if main == "application/sparql-query":
        return params + [("query", text)], "query"
    if main == "application/sparql-update":
        return params + [("update", text)], "update"
    raise QueryError(415, f"unsupported content type {main or '(none)'!r}: use application/sparql-query, "
                          "application/sparql-update or application/x-www-form-urlencoded")


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    vals = [v for k, v in params if k == name]
    if len(vals) > 1:
        raise QueryError(400, f"more than one '{name}' parameter")
    return vals[0] if vals else None


def _iris(params, name: str) -> list[str] | None:
    vals = [v for k, v in params if k == name]
    for v in vals:
        try:
            ox.NamedNode(v)
        except ValueError:
            raise QueryError(400, f"{name}: not an IRI: {v!r}") from None
    return vals or None


_FROM = re.compile(r"(?<![\w:?$\-.])FROM(?![\w:\-])", re.I)


async def endpoint(request: Request) -> Response:
    try:
        return await _endpoint(request)
    except QueryError as e:
        return error(e.status, str(e))


async def _endpoint(request: Request) -> Response:
    if request.method not in ("GET", "POST", "HEAD"):
        return error(405, "use GET or POST", {"Allow": "GET, POST"})
    params, _ = await _params(request)
    query, update = _one(params, "query"), _one(params, "update")
    cfg = request.app.state.config
    if query is not None and update is not None:
        raise QueryError(400, "a request carries either 'query' or 'update', not both")
    if update is not None:
        if request.method != "POST":
            raise QueryError(405, "updates must be sent with POST")
        return await _run_update(request, update, params)
    if query is None:
        return await service_description(request)
    try:
        safety.check(query, allow_service=cfg.allow_service)
        # format/output are informal: clients such as SPARQLWrapper repeat them, so the first one wins.
        fmt = next((v for k, v in params if k in ("format", "output")), None)
        formats = results.negotiate(request.headers.get("accept"), fmt)
    except (safety.Refused, ValueError) as e:
        raise QueryError(400, str(e)) from None
    default_graph, named = _iris(params, "default-graph-uri"), _iris(params, "named-graph-uri")
    op = {"op": "query", "text": query, "formats": formats, "base_iri": str(request.url_for("sparql"))}
    if default_graph is not None or named is not None:
        op["default_graph"], op["named_graphs"] = default_graph or [], named
    else:  # the union of all graphs, unless the query names its own dataset with FROM
        op["union"] = not _FROM.search(safety.syntax_only(query))
    r = await run_read(request, op, ("sparql", query, formats, str(default_graph), str(named)))
    return reply_response(r)


async def run_read(request: Request, op: dict, key: tuple) -> Reply:
    app = request.app.state
    gen = app.pool.generation
    hit = app.cache.get(gen, key)
    if hit is not None:
        return hit
    r = await app.pool.read(op)
    if r.status >= 400:
        raise QueryError(r.status, r.body.decode("utf-8", "replace"))
    app.cache.put(gen, key, r)
    return r


async def _run_update(request: Request, update: str, params) -> Response:
    denied = authorize(request)
    if denied:
        return denied
    if _iris(params, "using-graph-uri") or _iris(params, "using-named-graph-uri"):
        raise QueryError(400, "using-graph-uri / using-named-graph-uri are not supported; "
                              "put USING / WITH in the update instead")
    try:
        safety.check(update, allow_service=request.app.state.config.allow_service, update=True)
    except safety.Refused as e:
        raise QueryError(400, str(e)) from None
    r = await request.app.state.pool.write({"op": "update", "text": update,
                                            "base_iri": str(request.url_for("sparql"))})
    return reply_response(r)


# -- service description --------------------------------------------------------------------
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
_SD_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
               "Turtle", "JSON-LD", "N-Triples", "RDF_XML")


async def service_description(request: Request) -> Response:
    accept = request.headers.get("accept", "")
    if "text/html" in accept.split(",")[0]:
        return RedirectResponse("/", status_code=303)  # a person in a browser wants the editor
    _, gfmt = results.negotiate(accept, request.query_params.get("format"))
    N, L = ox.NamedNode, ox.Literal
    me = N(str(request.url_for("sparql")))
    a = N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    t = [ox.Triple(me, a, N(SD + "Service")), ox.Triple(me, N(SD + "endpoint"), me),
         ox.Triple(me, N(SD + "supportedLanguage"), N(SD + "SPARQL11Query")),
         ox.Triple(me, N(SD + "feature"), N(SD + "UnionDefaultGraph")),
         ox.Triple(me, N(SD + "feature"), N(SD + "BasicFederatedQuery"))
         if request.app.state.config.allow_service else None,
         ox.Triple(me, N("http://www.w3.org/2000/01/rdf-schema#comment"),
                   L("diplograph SPARQL endpoint: the default graph is the union of all named graphs; "
                     "these prefixes are predefined:\n" + sparql_prefixes()))]
    if request.app.state.config.write_token:
        t.append(ox.Triple(me, N(SD + "supportedLanguage"), N(SD + "SPARQL11Update")))
    t += [ox.Triple(me, N(SD + "resultFormat"), N(FORMATS + f)) for f in _SD_FORMATS]
    body = results.serialize_graph([x for x in t if x is not None], gfmt, 1000)
    return Response(body, media_type=results.media_type("graph", gfmt))


# -- Graph Store HTTP Protocol ------------------------------------------------------------------
async def graph_store(request: Request) -> Response:
    try:
        return await _graph_store(request)
    except QueryError as e:
        return error(e.status, str(e))


async def _graph_store(request: Request) -> Response:
    qp = request.query_params
    graphs, default = qp.getlist("graph"), "default" in qp
    if default == bool(graphs) or len(graphs) > 1:
        raise QueryError(400, "name exactly one graph: ?graph=IRI or ?default")
    graph = None if default else graphs[0]
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError:
            raise QueryError(400, f"not an IRI: {graph!r}") from None
    if request.method in ("GET", "HEAD"):
        try:
            _, gfmt = results.negotiate(request.headers.get("accept"), qp.get("format"))
        except ValueError as e:
            raise QueryError(400, str(e)) from None
        r = await request.app.state.pool.read({"op": "graph-get", "graph": graph, "format": gfmt})
        return reply_response(r)
    if request.method not in ("PUT", "POST", "DELETE"):
        return error(405, "use GET, PUT, POST or DELETE", {"Allow": "GET, HEAD, PUT, POST, DELETE"})
    denied = authorize(request)
    if denied:
        return denied
    body = b""
    mtype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method != "DELETE":
        body = await request.body()
        if len(body) > MAX_BODY:
            raise QueryError(413, f"the request body is larger than {MAX_BODY} bytes")
    r = await request.app.state.pool.write({"op": "graph-write", "method": request.method, "graph": graph,
                                            "body": body, "media_type": mtype})
    return reply_response(r)
