"""SHACL shapes: every valid example conforms silently, every invalid example raises exactly the
result its header announces, and the shapes graph itself passes SHACL-SHACL."""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
import rdflib

from diplograph.namespaces import DG, DGSH, PREFIXES, SH
from diplograph.paths import project_root
from diplograph.validation import load_shapes, shape_files, validate

SHAPES_DIR = project_root() / "shapes"
VALID = sorted((SHAPES_DIR / "examples" / "valid").glob("*.ttl"))
INVALID = sorted((SHAPES_DIR / "examples" / "invalid").glob("*.ttl"))
EXPECT = re.compile(r"^# expect: (.*)$", re.M)
MESSAGE = re.compile(r"^# message: (.*)$", re.M)


def test_example_globs_are_not_empty():
    assert len(shape_files()) >= 11
    assert len(VALID) >= 11
    assert len(INVALID) >= 11


def test_every_shapes_file_has_a_valid_and_an_invalid_example():
    stems = {p.stem for p in shape_files()}
    assert stems == {p.stem for p in VALID}
    for stem in stems:
        assert any(p.stem.startswith(stem + "-") for p in INVALID), f"no invalid example for {stem}"


def test_every_shape_has_message_and_severity():
    g = load_shapes()
    shapes = set(g.subjects(rdflib.RDF.type, SH.NodeShape)) | set(g.subjects(rdflib.RDF.type, SH.PropertyShape))
    named = [s for s in shapes if isinstance(s, rdflib.URIRef)]
    assert len(named) > 60
    for s in named:
        assert str(s).startswith(str(DGSH)), s
        assert list(g.objects(s, SH.message)), f"{s} has no sh:message"
        assert len(list(g.objects(s, SH.severity))) == 1, f"{s} needs exactly one sh:severity"


def test_shapes_graph_passes_shacl_shacl():
    shsh = Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl"
    conforms, _g, text = pyshacl.validate(load_shapes(), shacl_graph=rdflib.Graph().parse(shsh))
    assert conforms, text


def test_shacl_shacl_catches_a_broken_shape():
    # Guards the test above: a shape with two sh:path values must fail SHACL-SHACL.
    bad = rdflib.Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:PropertyShape ; sh:path ex:p , ex:q ; sh:minCount "one" .""", format="turtle")
    shsh = Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl"
    conforms, _g, _t = pyshacl.validate(bad, shacl_graph=rdflib.Graph().parse(shsh))
    assert not conforms


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms_without_any_result(path):
    report = validate(rdflib.Graph().parse(path))
    assert report.conforms, report.text()
    assert report.results == [], report.text()


def _expectations(path: Path, g: rdflib.Graph) -> tuple[list[tuple], str]:
    text = path.read_text(encoding="utf-8")
    ns = dict(PREFIXES) | {p: str(n) for p, n in g.namespaces()}

    def expand(curie: str) -> str | None:
        if curie == "-":
            return None
        prefix, local = curie.split(":", 1)
        return ns[prefix] + local

    out = []
    for line in EXPECT.findall(text):
        f = dict(kv.split("=", 1) for kv in line.split())
        out.append((expand(f["focus"]), expand(f["path"]), expand(f["shape"]), f["severity"],
                    expand(f["component"])))
    messages = MESSAGE.findall(text)
    assert out and len(messages) == 1, f"{path.name}: header needs '# expect:' and '# message:' lines"
    return out, messages[0]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_raises_exactly_the_expected_result(path):
    g = rdflib.Graph().parse(path)
    expected, message = _expectations(path, g)
    report = validate(g)
    got = [(r.focus, r.path, r.shape, r.severity, r.component) for r in report.results]
    assert sorted(got) == sorted(expected), report.text()
    assert all(r.message == message for r in report.results), report.text()
    assert report.conforms == (not any(e[3] == "Violation" for e in expected))


def test_inferred_involves_state_satisfies_the_act_shape():
    """An act whose state is known only through a participant passes once reasoning has run."""
    from diplograph.reasoning import materialise_graph

    path = SHAPES_DIR / "examples" / "invalid" / "diplomatic-act-no-state.ttl"
    g = rdflib.Graph().parse(path)
    official = rdflib.URIRef("https://w3id.org/diplograph/id/person/jane-roe")
    state = rdflib.URIRef("https://w3id.org/diplograph/id/state/aze")
    act = next(g.subjects(DG.speaker, None))
    g.add((official, rdflib.RDF.type, DG.Official))
    g.add((official, rdflib.RDFS.label, rdflib.Literal("Jane Roe", lang="en")))
    g.add((official, DG.actsFor, state))
    g.add((act, DG.participant, official))
    assert not validate(g).conforms
    full = g + materialise_graph(g)
    report = validate(full)
    assert report.conforms, report.text()
    assert (act, DG.involvesState, state) in full


def test_report_text_names_focus_shape_and_message():
    g = rdflib.Graph().parse(SHAPES_DIR / "examples" / "invalid" / "state-lowercase-alpha3.ttl")
    text = validate(g).text()
    assert text.splitlines()[0] == "Conforms: no (1 violations, 0 warnings, 0 infos)"
    assert "https://w3id.org/diplograph/id/state/aze" in text
    assert "State-isoAlpha3" in text and "three upper-case letters" in text
