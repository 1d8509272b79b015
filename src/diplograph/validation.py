"""SHACL validation of (small) graphs against shapes/*.ttl, plus loaders for ontology and shapes.

pyshacl runs without inference: its RDFS inference is ~20x slower and range typing hides real
class errors (STACK-NOTES). Validate the asserted *plus* materialised graph instead (see
reasoning.materialise): shapes such as "an act involves at least one state" rely on inferred
triples. Give pyshacl one document's view at a time, never the whole store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import DiplographError
from .namespaces import SH
from .paths import project_root

SEVERITIES = {str(SH.Violation): "Violation", str(SH.Warning): "Warning", str(SH.Info): "Info"}


# -- loading -------------------------------------------------------------------

def ontology_files(directory: Path | None = None) -> list[Path]:
    """The hand-edited ontology sources: core, alignments, code lists."""
    return _turtle_files(directory or project_root() / "ontology")


def shape_files(directory: Path | None = None) -> list[Path]:
    """One shapes file per target class; the examples/ folder is not part of the shapes graph."""
    return _turtle_files(directory or project_root() / "shapes")


def _turtle_files(directory: Path) -> list[Path]:
    files = sorted(p for p in directory.glob("*.ttl") if p.is_file())
    if not files:
        raise DiplographError(f"{directory}: no .ttl files found")
    return files


def parse_turtle(paths: list[Path], graph: rdflib.Graph | None = None) -> rdflib.Graph:
    """Parse Turtle files into one graph; a syntax error becomes 'file:line: reason'."""
    g = graph if graph is not None else rdflib.Graph()
    for path in paths:
        try:
            g.parse(path, format="turtle")
        except BadSyntax as e:
            # rdflib counts lines from zero.
            raise DiplographError(f"{path}:{e.lines + 1}: malformed Turtle: {e._why}") from None
        except (OSError, UnicodeDecodeError, ValueError) as e:
            raise DiplographError(f"{path}: cannot read Turtle: {e}") from None
    return g


def load_ontology(directory: Path | None = None) -> rdflib.Graph:
    """The ontology graph: ontology/*.ttl merged (a fresh graph on each call)."""
    return parse_turtle(ontology_files(directory))


def load_shapes(directory: Path | None = None) -> rdflib.Graph:
    """The shapes graph: shapes/*.ttl merged, parsed once per directory and process."""
    return _cached_shapes(str((directory or project_root() / "shapes").resolve()))


@lru_cache(maxsize=4)
def _cached_shapes(directory: str) -> rdflib.Graph:
    return parse_turtle(shape_files(Path(directory)))


def store_graph(store: ox.Store, graphs: list[str]) -> rdflib.Graph:
    """Copy the union of some named graphs of a pyoxigraph store into an rdflib graph."""
    g = rdflib.Graph()
    if not graphs:
        return g
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                          default_graph=[ox.NamedNode(x) for x in graphs])
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if nt:
        g.parse(data=nt.decode("utf-8"), format="nt")
    return g


# -- validation ----------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    focus: str
    path: str | None
    shape: str
    message: str
    severity: str            # "Violation" | "Warning" | "Info"
    value: str | None = None
    component: str | None = None

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        val = f" (value: {self.value})" if self.value is not None else ""
        return f"[{self.severity}] {self.focus}{where}: {self.message}{val} <{self.shape}>"


@dataclass
class Report:
    """conforms is False only for sh:Violation results; warnings and infos are reported but pass."""

    conforms: bool
    results: list[Result] = field(default_factory=list)

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Warning"]

    def text(self) -> str:
        head = (f"Conforms: {'yes' if self.conforms else 'no'} "
                f"({len(self.violations)} violations, {len(self.warnings)} warnings, "
                f"{len(self.results) - len(self.violations) - len(self.warnings)} infos)")
        return "\n".join([head, *(r.line() for r in self.results)])

    def __str__(self) -> str:
        return self.text()


_RESULTS_QUERY = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?focus ?path ?shape ?message ?severity ?value ?component WHERE {
  ?r a sh:ValidationResult ; sh:focusNode ?focus ; sh:sourceShape ?shape ; sh:resultSeverity ?severity .
  OPTIONAL { ?r sh:resultPath ?path }
  OPTIONAL { ?r sh:resultMessage ?message }
  OPTIONAL { ?r sh:value ?value }
  OPTIONAL { ?r sh:sourceConstraintComponent ?component }
}"""


def _term(t) -> str | None:
    if t is None:
        return None
    if isinstance(t, rdflib.BNode):
        return "_:" + str(t)
    return str(t)


def validate(data: rdflib.Graph, shapes: rdflib.Graph | None = None) -> Report:
    """Validate a data graph (asserted + inferred triples) against the project shapes."""
    shapes_graph = shapes if shapes is not None else load_shapes()
    _conforms, results_graph, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=False, allow_warnings=True,
        allow_infos=True)
    seen: dict[tuple, Result] = {}
    for row in results_graph.query(_RESULTS_QUERY):
        res = Result(
            focus=_term(row.focus), path=_term(row.path), shape=_term(row.shape),
            message=str(row.message) if row.message is not None else "",
            severity=SEVERITIES.get(str(row.severity), str(row.severity)),
            value=_term(row.value), component=_term(row.component))
        # A result may carry one message per language; keep one row per result.
        seen.setdefault((res.focus, res.path, res.shape, res.value, res.component), res)
    results = sorted(seen.values(), key=lambda r: (r.severity != "Violation", r.focus, r.path or "", r.shape))
    return Report(conforms=not any(r.severity == "Violation" for r in results), results=results)


__all__ = ["Report", "Result", "validate", "load_shapes", "load_ontology", "ontology_files",
           "shape_files", "parse_turtle", "store_graph"]
