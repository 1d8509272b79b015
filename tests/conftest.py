"""Shared fixtures: a fresh store per test, hand-made records of the founding document, and the
real founding-document store (built once per session, opened read-only per test).

`pytest --update-goldens` rewrites tests/golden/*.json from the founding-document store.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from diplograph import model, reference
from diplograph.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from diplograph.paths import DOCUMENTS_DIR
from diplograph.records import Act, Document, Extraction, Official, Span
from diplograph.store import Store

FOUNDING = DOCUMENTS_DIR / "avim-2025-37.txt"
GOLDEN_DIR = Path(__file__).parent / "golden"
FIXTURES_DIR = Path(__file__).parent / "fixtures"
RUN_TIME = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite tests/golden/*.json from the founding-document store")


@pytest.fixture
def update_goldens(request) -> bool:
    return bool(request.config.getoption("--update-goldens"))


# -- stores ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def base_graphs() -> dict[str, list]:
    """Ontology + reference triples, computed once (the reference build takes ~1.5 s)."""
    return {ONTOLOGY_GRAPH: reference.ontology_triples(),
            REFERENCE_GRAPH: reference.reference_triples(reference.fingerprint())}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def loaded_store(store, base_graphs):
    """A fresh store holding the ontology and reference graphs (fingerprinted: no reload)."""
    store.replace_graphs(base_graphs)
    return store


def body_text(path: Path = FOUNDING) -> str:
    """The document body after the header block (the reader's rule: header, blank line, text)."""
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n\n")
    return body if sep and head.lstrip().startswith("source:") else raw


def span(text: str, phrase: str) -> Span:
    i = text.index(phrase)
    return Span(i, i + len(phrase), phrase)


def founding_records() -> Extraction:
    """Hand-made records for the founding document: what a correct extractor yields, in part."""
    text = body_text()
    doc = Document("avim-2025-37", text, source="AVIM Commentary No: 2025 / 37", title=None,
                   published="2025-05", publisher="AVIM - Center for Eurasian Studies", path=str(FOUNDING))
    d = dt.date
    sp = lambda phrase: span(text, phrase)  # noqa: E731
    officials = [
        Official("Veli Medeni", "IRN", "Deputy Operational Commander of the Land Forces",
                 rank="Brigadier General", spans=[sp("Brigadier \nGeneral Veli Medeni")]),
        Official("Masoud Pezeshkian", "IRN", "President", spans=[sp("Iranian President Masoud Pezeshkian")]),
        Official("Kerem Mustafayev", "AZE", "Deputy Minister of Defense", rank="General",
                 spans=[sp("Kerem Mustafayev")]),
        Official("Aziz Nasirzadeh", "IRN", "Minister of Defense", rank="Major General",
                 other_posts=["Deputy Chief of General Staff"], aliases=["Nasirzadeh"],
                 spans=[sp("Major General Aziz Nasirzadeh"), sp("Iranian Minister of Defense Aziz Nasirzadeh")]),
        Official("Zakir Hasanov", "AZE", "Minister of Defense", body="Ministry of Defense",
                 spans=[sp("Azerbaijani Minister of Defense Zakir Hasanov")]),
        Official("Amir Baram", "ISR", "Chief Director of the Ministry of Defense", spans=[sp("Amir Baram")]),
        # Q4115189 is the Wikidata sandbox item: a link value for tests, not a claim about Lavrov.
        Official("Sergey Lavrov", "RUS", "Minister of Foreign Affairs", wikidata="Q4115189",
                 spans=[sp("Sergey Lavrov")]),
        Official("Ararat Mirzoyan", "ARM", "Minister of Foreign Affairs", spans=[sp("Ararat Mirzoyan")]),
    ]
    acts = [
        Act("MilitaryExercise", ["AZE", "IRN"], ["Veli Medeni"], d(2025, 5, 19), d(2025, 5, 21), "day",
            place="Khojavend and Shusha", place_state="AZE", name="Aras 2025", key="aras-2025",
            evidence=[sp("the Aras 2025 military exercise between Iran and Azerbaijan, \n"
                         "which took place on 19-21 May 2025")],
            rule="exercise-named", confidence=0.9),
        Act("OfficialVisit", ["AZE", "IRN"], ["Masoud Pezeshkian"], d(2025, 4, 28), d(2025, 4, 28), "day",
            place_state="AZE", visitors=["Masoud Pezeshkian"], hosts=["AZE"],
            evidence=[sp("the official visit of Iranian President Masoud Pezeshkian to Azerbaijan on 28 April 2025")],
            rule="visit-of-to", confidence=0.85),
        Act("Meeting", ["AZE", "IRN"], ["Kerem Mustafayev", "Aziz Nasirzadeh"], d(2025, 5, 3), d(2025, 5, 3), "day",
            place="Tehran", place_state="IRN",
            evidence=[sp("on 3 May 2025, Azerbaijan's Deputy Minister of Defense Four \n"
                         "Star General Kerem Mustafayev had met in Tehran with Major General Aziz Nasirzadeh")],
            rule="meeting-met-with", confidence=0.8),
        Act("MilitaryExercise", ["AZE", "IRN"], [], d(2024, 11, 1), d(2024, 11, 30), "month",
            place="Aslan Duz region of Ardabil", place_state="IRN",
            evidence=[sp("exercises were held in November 2024 in the Aslan Duz region of Ardabil")],
            rule="exercise-held", confidence=0.7),
        Act("OfficialVisit", ["AZE", "ISR"], ["Zakir Hasanov", "Amir Baram"], d(2025, 5, 19), d(2025, 5, 19), "day",
            place_state="ISR", visitors=["Zakir Hasanov"], hosts=["ISR"],
            evidence=[sp("Azerbaijani Minister of Defense Zakir Hasanov and Deputy \n"
                         "Minister Agil Gurbanov paid an official visit to Israel")],
            rule="visit-paid", confidence=0.85),
        Act("OfficialVisit", ["ARM", "IRN"], ["Aziz Nasirzadeh"], d(2025, 5, 21), d(2025, 5, 21), "day",
            place_state="ARM", visitors=["Aziz Nasirzadeh"], hosts=["ARM"],
            evidence=[sp("Iranian Minister of Defense Aziz Nasirzadeh \npaid an official visit to Armenia")],
            rule="visit-paid", confidence=0.85),
        Act("Statement", ["ARM", "IRN"], ["Aziz Nasirzadeh"], d(2025, 5, 21), d(2025, 5, 21), "day",
            speakers=["Aziz Nasirzadeh"], about=["ARM"],
            evidence=[sp("Nasirzadeh stated that Iran unconditionally supports Armenia's sovereignty")],
            rule="statement-stated", confidence=0.75),
        Act("MilitaryExercise", ["ARM", "IRN"], [], d(2025, 4, 1), d(2025, 4, 30), "month",
            evidence=[sp("Iran arranged a joint exercise with Armenia in April")],
            rule="exercise-joint", confidence=0.7),
        Act("Meeting", ["ARM", "RUS"], ["Sergey Lavrov", "Ararat Mirzoyan"], d(2025, 5, 21), d(2025, 5, 21), "day",
            place="Yerevan", place_state="ARM",
            evidence=[sp("Sergey Lavrov's meeting with Armenian Minister of Foreign \nAffairs Ararat Mirzoyan "
                         "in Yerevan on 21 May")],
            rule="meeting-noun", confidence=0.8),
        Act("Statement", ["ARM", "AZE", "IRN"], [], None, None, None,
            speakers=["IRN"], about=["ARM", "AZE"],
            evidence=[sp("Iran expressed its \nstrong opposition")], rule="statement-expressed", confidence=0.5),
    ]
    return Extraction(doc, officials, acts, states=["AZE", "IRN", "ISR", "ARM", "RUS"])


@pytest.fixture
def records() -> Extraction:
    return founding_records()


@pytest.fixture
def sample_store(loaded_store, records):
    """Ontology + reference + the hand-made founding-document graph (no reasoning, no curation)."""
    loaded_store.replace_graphs({model.document_graph(records): model.document_triples(records, RUN_TIME)})
    return loaded_store


# -- the real founding-document store ------------------------------------------------
def _extractor_ready() -> str | None:
    try:
        import diplograph.documents  # noqa: F401
        import diplograph.extract  # noqa: F401
        from diplograph.extract import extract  # noqa: F401
    except ImportError as e:
        return f"extractor not available yet: {e}"
    return None


@pytest.fixture(scope="session")
def founding_store_path(tmp_path_factory) -> Path:
    """`diplograph ingest data/documents/avim-2025-37.txt` into a fresh store, once per session."""
    why = _extractor_ready()
    if why:
        pytest.skip(why)
    from diplograph import pipeline

    path = tmp_path_factory.mktemp("founding") / "store"
    with Store(path) as s:
        pipeline.ingest(s, [FOUNDING])
    return path


@pytest.fixture
def founding_store(founding_store_path, tmp_path):
    """A private copy of the founding store per test (tests may write to it)."""
    dst = tmp_path / "founding"
    shutil.copytree(founding_store_path, dst)
    s = Store(dst)
    yield s
    s.close()
