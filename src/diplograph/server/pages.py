"""Pages for people and dereferenceable IRIs: /, /states, /id/{kind}/{slug}, /ontology, VoID.

/id/... answers with HTML for browsers and Turtle / JSON-LD / N-Triples / RDF/XML for machines
(Accept header or ?format=). Page data comes from SPARQL run on the reader pool with the
resource bound by the engine.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from pathlib import Path

import jinja2
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from .. import iri as iris
from ..namespaces import DG_IRI, ID_IRI, ONTOLOGY_GRAPH, PREFIXES
from . import results, safety
from .sparql import error, reply_response, run_read
from .worker import QueryError

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                          autoescape=True, trim_blocks=True, lstrip_blocks=True)

OUTGOING = "SELECT ?s ?p ?o ?olabel WHERE { ?s ?p ?o OPTIONAL { ?o rdfs:label ?olabel } }"
INCOMING = """SELECT ?s ?x ?p ?xlabel WHERE {
  ?x ?p ?s FILTER (?p NOT IN (dg:inDocument, dg:sourceDocument, dg:participant, dg:involvesState,
                              dg:visitor, dg:host, dg:speaker, dg:about, dg:initiator, dg:location))
  OPTIONAL { ?x rdfs:label ?xlabel } } LIMIT 300"""
ACTS = """SELECT ?s ?act ?type ?label ?start ?end ?status ?who ?wholabel ?txt WHERE {
  { ?act dg:participant|dg:involvesState|dg:location|dg:sourceDocument|dg:evidence ?s }
  UNION { ?s a ?t0 . ?t0 rdfs:subClassOf dg:DiplomaticAct . BIND (?s AS ?act) }
  ?act a ?type . ?type rdfs:subClassOf dg:DiplomaticAct . FILTER (?type != dg:DiplomaticAct)
  OPTIONAL { ?act rdfs:label ?label }
  OPTIONAL { ?act dg:startDate ?start } OPTIONAL { ?act dg:endDate ?end }
  OPTIONAL { ?act dg:status/skos:notation ?status }
  OPTIONAL { ?act dg:participant|dg:involvesState ?who OPTIONAL { ?who rdfs:label ?wholabel } }
  OPTIONAL { ?act dg:evidence/dg:spanText ?txt }
} LIMIT 20000"""
DESCRIBE = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
EXISTS = "SELECT ?s ?p WHERE { ?s ?p ?o } LIMIT 1"
STATES = """SELECT ?state ?code ?label (COUNT(DISTINCT ?act) AS ?acts) WHERE {
  ?act dg:involvesState ?state . ?state dg:isoAlpha3 ?code . OPTIONAL { ?state rdfs:label ?label }
} GROUP BY ?state ?code ?label ORDER BY DESC(?acts) ?code"""


def local(iri: str) -> str:
    """Where this server answers for an IRI: our instances and terms link here, others stay."""
    if iri.startswith(ID_IRI):
        return "/id/" + iri[len(ID_IRI):]
    if iri.startswith(DG_IRI):
        return "/ontology#" + iri[len(DG_IRI):]
    return iri


def short(iri: str) -> str:
    for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


_env.filters["local"] = local
_env.filters["short"] = short


def render(request: Request, template: str, ctx: dict, status: int = 200) -> HTMLResponse:
    html = _env.get_template(template).render(request=request, config=request.app.state.config, **ctx)
    return HTMLResponse(html, status_code=status)


def _wants_html(request: Request) -> bool:
    fmt = request.query_params.get("format")
    if fmt:
        return fmt == "html"
    accept = results._accept(request.headers.get("accept"))
    for q, _, mt in accept:
        if q > 0 and mt in ("text/html", "application/xhtml+xml"):
            return True
        if q > 0 and mt != "*/*":
            return False
    return False


async def select(request: Request, text: str, bindings: dict | None = None) -> list[dict]:
    op = {"op": "query", "text": text, "bindings": bindings or {}, "union": True, "formats": ("json", "turtle")}
    key = ("page", text, tuple(sorted((k, str(v)) for k, v in (bindings or {}).items())))
    r = await run_read(request, op, key)
    return json.loads(r.body)["results"]["bindings"]


def _v(row: dict, name: str) -> str | None:
    return row[name]["value"] if name in row else None


async def acts_of(request: Request, subject: str) -> list[dict]:
    """The acts a resource takes part in (or the act itself), one dict per act, by date."""
    acts: OrderedDict[str, dict] = OrderedDict()
    for row in await select(request, ACTS, {"s": ox.NamedNode(subject)}):
        a = acts.setdefault(_v(row, "act"), {"iri": _v(row, "act"), "type": _v(row, "type"),
                                             "label": _v(row, "label"), "start": _v(row, "start"),
                                             "end": _v(row, "end"), "status": _v(row, "status"),
                                             "who": {}, "evidence": []})
        if _v(row, "who"):
            a["who"][_v(row, "who")] = _v(row, "wholabel") or short(_v(row, "who"))
        if _v(row, "txt") and _v(row, "txt") not in a["evidence"]:
            a["evidence"].append(_v(row, "txt"))
    return sorted(acts.values(), key=lambda a: (a["start"] or "9999", a["iri"]))


def with_prefixes(text: str) -> str:
    """The query with PREFIX lines for the prefixes it uses, so an editor's syntax check passes
    (the endpoint predefines them all; stored queries rely on that)."""
    bare = safety.syntax_only(text)
    used = [p for p in PREFIXES if re.search(rf"(?<![\w:<?$]){re.escape(p)}:", bare)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + text


async def home(request: Request) -> Response:
    cat = request.app.state.catalogue
    examples = [{"name": q.name, "summary": q.summary,
                 "text": with_prefixes(q.text) if not q.params else None} for q in cat.values()]
    return render(request, "index.html", {"examples": examples,
                                          "examples_json": json.dumps({e["name"]: e["text"] for e in examples
                                                                       if e["text"]})})


async def states(request: Request) -> Response:
    try:
        rows = await select(request, STATES)
    except QueryError as e:
        return error(e.status, str(e))
    return render(request, "states.html", {"states": rows})


async def resource(request: Request) -> Response:
    kind, slug = request.path_params["kind"], request.path_params["slug"]
    subject = f"{ID_IRI}{kind}/{slug}"
    try:
        iris.parse(subject)
        node = ox.NamedNode(subject)
    except ValueError:
        return error(404, f"not a diplograph IRI: {subject}")
    try:
        if not _wants_html(request):
            _, gfmt = results.negotiate(request.headers.get("accept"), request.query_params.get("format"))
            op = {"op": "query", "text": DESCRIBE, "bindings": {"s": node}, "union": True, "formats": ("json", gfmt)}
            if not await select(request, EXISTS, {"s": node}):
                return error(404, f"nothing is known about <{subject}>")
            r = await run_read(request, op, ("describe", subject, gfmt))
            return reply_response(r, {"Vary": "Accept", "Link": f'<{subject}>; rel="canonical"'})
        out = await select(request, OUTGOING, {"s": node})
        inc = await select(request, INCOMING, {"s": node})
        if not out and not inc:
            return render(request, "notfound.html", {"subject": subject}, status=404)
        acts = await acts_of(request, subject)
    except (QueryError, ValueError) as e:
        return error(getattr(e, "status", 400), str(e))
    props: OrderedDict[str, list] = OrderedDict()
    label = None
    for row in sorted(out, key=lambda r: _v(r, "p")):
        vals = props.setdefault(_v(row, "p"), [])
        cell = {"value": _v(row, "o"), "type": row["o"]["type"], "label": _v(row, "olabel"),
                "lang": row["o"].get("xml:lang"), "datatype": row["o"].get("datatype")}
        if not any(c["value"] == cell["value"] for c in vals):
            vals.append(cell)
        if _v(row, "p").endswith("#label") and (label is None or row["o"].get("xml:lang") == "en"):
            label = _v(row, "o")
    return render(request, "resource.html", {
        "subject": subject, "kind": kind, "label": label or slug, "props": props, "incoming": inc,
        "acts": acts, "timeline": kind in ("state", "person", "org", "body"),
    }, status=200)


async def ontology(request: Request) -> Response:
    cfg = request.app.state.config
    try:
        if _wants_html(request) or not request.headers.get("accept") and not request.query_params.get("format"):
            docs = cfg.dist / "docs" / "index.html"
            if docs.is_file():
                return FileResponse(docs, media_type="text/html; charset=utf-8")
            r = await run_read(request, {"op": "document", "what": "ontology-html"}, ("ontology-html",))
            return reply_response(r)
        _, gfmt = results.negotiate(request.headers.get("accept"), request.query_params.get("format"))
        r = await run_read(request, {"op": "graph-get", "graph": ONTOLOGY_GRAPH, "format": gfmt}, ("ontology", gfmt))
        return reply_response(r, {"Vary": "Accept"})
    except QueryError as e:
        return error(e.status, str(e))


async def void(request: Request) -> Response:
    path = request.app.state.config.dist / "void.ttl"
    if path.is_file():
        return FileResponse(path, media_type="text/turtle; charset=utf-8")
    try:
        return reply_response(await run_read(request, {"op": "document", "what": "void"}, ("void",)))
    except QueryError as e:
        return error(e.status, str(e))


async def context(request: Request) -> Response:
    """The JSON-LD @context that exported files reference."""
    path = request.app.state.config.dist / "context.jsonld"
    if path.is_file():
        return FileResponse(path, media_type="application/ld+json")
    from ..export import context_document

    return Response(json.dumps(context_document(), indent=1), media_type="application/ld+json")
