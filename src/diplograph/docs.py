"""HTML documentation of the ontology, generated from the store's ontology graph into dist/docs/.

pyLODE 3.4.1 installs from PyPI but fails at import time (it looks for a pyproject.toml inside
site-packages), so this is a small generator of our own: one self-contained page (no remote CSS or
scripts) with a section per term, plus the ontology itself as Turtle beside it.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from .namespaces import DG_IRI, ONTOLOGY_GRAPH

SECTIONS = (
    ("classes", "Classes", "http://www.w3.org/2002/07/owl#Class"),
    ("objectproperties", "Object properties", "http://www.w3.org/2002/07/owl#ObjectProperty"),
    ("datatypeproperties", "Datatype properties", "http://www.w3.org/2002/07/owl#DatatypeProperty"),
    ("annotationproperties", "Annotation properties", "http://www.w3.org/2002/07/owl#AnnotationProperty"),
    ("individuals", "Named individuals", "http://www.w3.org/2002/07/owl#NamedIndividual"),
)
# Shown in this order under each term, with these captions.
FIELDS = (
    ("http://www.w3.org/2000/01/rdf-schema#subClassOf", "Subclass of"),
    ("http://www.w3.org/2000/01/rdf-schema#subPropertyOf", "Subproperty of"),
    ("http://www.w3.org/2002/07/owl#equivalentClass", "Equivalent to"),
    ("http://www.w3.org/2002/07/owl#disjointWith", "Disjoint with"),
    ("http://www.w3.org/2000/01/rdf-schema#domain", "Domain"),
    ("http://www.w3.org/2000/01/rdf-schema#range", "Range"),
    ("http://www.w3.org/2002/07/owl#inverseOf", "Inverse of"),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "Type"),
    ("http://www.w3.org/2004/02/skos/core#notation", "Notation"),
    ("http://www.w3.org/2004/02/skos/core#exactMatch", "Exact match"),
    ("http://www.w3.org/2004/02/skos/core#closeMatch", "Close match"),
    (DG_IRI + "cameoCode", "CAMEO code"),
    (DG_IRI + "ploverCategory", "PLOVER category"),
    (DG_IRI + "ploverMode", "PLOVER mode"),
    (DG_IRI + "ploverContext", "PLOVER context"),
)
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DEFINITION = "http://www.w3.org/2004/02/skos/core#definition"
COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CSS = """body{font-family:system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
h1{margin-bottom:.2rem}code{background:#f3f3f3;padding:0 .2rem}section.term{border-top:1px solid #ddd;padding:.6rem 0}
dl{display:grid;grid-template-columns:11rem 1fr;gap:.2rem .8rem}dt{color:#555}dd{margin:0}
nav ul{columns:3;list-style:none;padding:0}a{color:#0645ad}.iri{color:#555;font-size:.9em}"""


def _terms(store) -> tuple[dict, dict]:
    """{subject: {predicate: [objects]}} for named subjects, and the ontology header."""
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in store.db.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH)):
        if isinstance(q.subject, ox.NamedNode):
            props[q.subject.value][q.predicate.value].append(q.object)
    header = next((p for s, p in props.items()
                   if any(o.value == "http://www.w3.org/2002/07/owl#Ontology" for o in p.get(TYPE, []))
                   and s.rstrip("#/") + "#" == DG_IRI), {})
    return props, header


def _anchor(iri: str) -> str:
    return iri[len(DG_IRI):] if iri.startswith(DG_IRI) else ""


def _text(objs: list, lang: str = "en") -> str:
    for o in objs:
        if isinstance(o, ox.Literal) and o.language in (lang, None):
            return o.value
    return objs[0].value if objs else ""


class _Page:
    def __init__(self, props: dict):
        self.props = props

    def ref(self, term) -> str:
        if isinstance(term, ox.Literal):
            return f"<code>{html.escape(term.value)}</code>"
        if isinstance(term, ox.BlankNode):
            return "<em>(anonymous)</em>"
        iri, a = term.value, _anchor(term.value)
        label = _text(self.props.get(iri, {}).get(LABEL, [])) or a or iri
        target = f"#{a}" if a else iri
        return f'<a href="{html.escape(target)}" title="{html.escape(iri)}">{html.escape(label)}</a>'

    def term(self, iri: str) -> str:
        p = self.props[iri]
        a = _anchor(iri)
        label = _text(p.get(LABEL, [])) or a
        out = [f'<section class="term" id="{html.escape(a)}"><h3>{html.escape(label)}</h3>',
               f'<p class="iri"><code>{html.escape(iri)}</code></p>']
        for pred in (DEFINITION, COMMENT):
            if p.get(pred):
                out.append(f"<p>{html.escape(_text(p[pred]))}</p>")
        rows = []
        for pred, caption in FIELDS:
            objs = [o for o in p.get(pred, []) if not (pred == TYPE and o.value.startswith("http://www.w3.org/2002/07/owl#"))]
            if objs:
                rows.append(f"<dt>{caption}</dt><dd>{', '.join(sorted(self.ref(o) for o in objs))}</dd>")
        inbound = sorted(self.ref(ox.NamedNode(s)) for s, sp in self.props.items()
                         if any(o.value == iri for o in sp.get("http://www.w3.org/2000/01/rdf-schema#subClassOf", [])))
        if inbound:
            rows.append(f"<dt>Subclasses</dt><dd>{', '.join(inbound)}</dd>")
        if rows:
            out.append("<dl>" + "".join(rows) + "</dl>")
        out.append("</section>")
        return "\n".join(out)


def render(store) -> str:
    props, header = _terms(store)
    page = _Page(props)
    title = _text(header.get("http://purl.org/dc/terms/title", [])) or "diplograph ontology"
    meta = [("Namespace", f"<code>{html.escape(DG_IRI)}</code>")]
    for pred, caption in (("http://www.w3.org/2002/07/owl#versionIRI", "Version IRI"),
                          ("http://www.w3.org/2002/07/owl#versionInfo", "Version"),
                          ("http://purl.org/dc/terms/license", "Licence"),
                          ("http://purl.org/vocab/vann/preferredNamespacePrefix", "Preferred prefix"),
                          ("http://purl.org/dc/terms/modified", "Modified")):
        if header.get(pred):
            meta.append((caption, ", ".join(page.ref(o) if isinstance(o, ox.Literal) else
                                            f'<a href="{html.escape(o.value)}">{html.escape(o.value)}</a>'
                                            for o in header[pred])))
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
             f"<style>{CSS}</style></head><body>", f"<h1>{html.escape(title)}</h1>"]
    desc = _text(header.get("http://purl.org/dc/terms/description", []))
    if desc:
        parts.append(f"<p>{html.escape(desc)}</p>")
    parts.append("<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>")
    parts.append('<p>Machine-readable: <a href="ontology.ttl">ontology.ttl</a></p>')
    body, toc = [], []
    for anchor, caption, rdf_type in SECTIONS:
        members = sorted((iri for iri, p in props.items() if iri.startswith(DG_IRI) and _anchor(iri)
                          and any(o.value == rdf_type for o in p.get(TYPE, []))),
                         key=lambda i: _anchor(i).lower())
        if not members:
            continue
        toc.append(f'<li><a href="#{anchor}">{caption}</a> ({len(members)})</li>')
        body.append(f'<h2 id="{anchor}">{caption}</h2>')
        body.append('<nav><ul>' + "".join(f"<li>{page.ref(ox.NamedNode(i))}</li>" for i in members) + "</ul></nav>")
        body.extend(page.term(i) for i in members)
    parts.append("<h2>Contents</h2><ul>" + "".join(toc) + "</ul>")
    parts.extend(body)
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_docs(store, folder: Path) -> list[Path]:
    from .export import context_prefixes, write_bytes

    folder = Path(folder)
    triples = [q.triple for q in store.db.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))]
    ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=context_prefixes())
    return [write_bytes(folder / "index.html", render(store).encode("utf-8")),
            write_bytes(folder / "ontology.ttl", ttl)]


__all__ = ["render", "write_docs"]
