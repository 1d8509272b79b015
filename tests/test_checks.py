"""queries/checks/*.rq: zero rows on good data, and each fires on its own fixture."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from diplograph import checks, queries

from conftest import FIXTURES_DIR

CHECKS = sorted(p.stem for p in checks.CHECKS_DIR.glob("*.rq"))
FIXTURES = FIXTURES_DIR / "checks"


def test_checks_exist_and_each_has_a_fixture():
    assert len(CHECKS) >= 8
    assert sorted(p.stem for p in FIXTURES.glob("*.trig")) == CHECKS


@pytest.mark.parametrize("name", CHECKS)
def test_check_header_validates(name):
    q = checks.load()[name]
    assert q.summary.endswith(".") and "zero rows" in q.description and not q.params


def test_checks_pass_on_the_hand_made_records(sample_store):
    assert checks.run(sample_store) == {}


def test_checks_pass_on_the_founding_document(founding_store):
    violations = checks.run(founding_store)
    assert violations == {}, checks.report(violations)


@pytest.mark.parametrize("name", CHECKS)
def test_check_fires_on_its_fixture(name, loaded_store):
    quads = list(ox.parse(path=str(FIXTURES / f"{name}.trig"), format=ox.RdfFormat.TRIG))
    loaded_store.db.extend(quads)
    violations = checks.run(loaded_store)
    assert name in violations, f"{name} did not fire on its fixture"
    # Each fixture breaks exactly the rule it is named after.
    assert set(violations) == {name}, checks.report(violations)
    assert "row(s)" in checks.report(violations)


def test_checks_are_not_listed_as_stored_queries():
    assert not set(CHECKS) & set(queries.load_all())
