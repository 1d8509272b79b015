"""Curation: TOML corrections -> the curation graph -> every stored query; survives re-extraction."""

from __future__ import annotations

import textwrap

import pytest

from diplograph import curation, model, paths, pipeline
from diplograph.errors import DiplographError
from diplograph.namespaces import CURATION_GRAPH

from conftest import FOUNDING, RUN_TIME, body_text
from test_queries import run

MEETING = "id:act/2025-05-03-meeting-aze-irn-mustafayev-nasirzadeh"
ISRAEL_VISIT = "id:act/2025-05-19-officialvisit-aze-isr-baram-hasanov"
CALL = "id:act/2025-05-25-phonecall-aze-irn-aliyev-pezeshkian"

CORRECTIONS = textwrap.dedent(f"""\
    # corrections to the founding document
    curator = "A. Analyst"
    date = 2025-06-20

    [[retract]]
    act = "{ISRAEL_VISIT}"
    why = "Test: pretend the visit was misread."

    [[fix]]
    act = "{MEETING}"
    place = "Baku"
    placeState = "AZE"
    persons = ["Kerem Mustafayev"]
    why = "Test: pretend the meeting was in Baku."

    [[add]]
    type = "PhoneCall"
    start = 2025-05-25
    states = ["AZE", "IRN"]
    persons = ["Ilham Aliyev", "Masoud Pezeshkian"]
    source = "avim-2025-37"
    evidence = ["Joint decisions had been taken   on cooperation in various fields"]
    why = "Test: an act extraction missed."
    curator = "B. Reviewer"

    [[official]]
    name = "Aziz Nasirzadeh"
    post = "Deputy Chief of General Staff"
    state = "IRN"
    why = "Test: settle the tenure conflict."
    """)


@pytest.fixture
def curation_dir(tmp_path, monkeypatch):
    d = tmp_path / "curation"
    d.mkdir()
    monkeypatch.setattr(paths, "CURATION_DIR", d)
    return d


def apply(store, records, directory) -> None:
    triples = curation.curation_triples(directory, documents={records.document.doc_id: records.document})
    store.replace_graphs({CURATION_GRAPH: triples})


def test_no_curation_is_the_default(curation_dir, tmp_path):
    assert curation.curation_triples(curation_dir) == []
    assert curation.curation_triples(tmp_path / "missing") == []


def test_corrections_apply_to_the_contract_queries(sample_store, records, curation_dir):
    before = {r["act"]: r for r in run(sample_store, "acts")}
    (curation_dir / "avim.toml").write_text(CORRECTIONS, encoding="utf-8")
    apply(sample_store, records, curation_dir)
    acts = {r["act"]: r for r in run(sample_store, "acts")}
    assert ISRAEL_VISIT in before and ISRAEL_VISIT not in acts          # retracted
    m = acts[MEETING]
    assert (m["place"], m["placeState"], m["persons"]) == ("Baku", "AZE", "Kerem Mustafayev")  # fixed
    assert (m["start"], m["type"]) == ("2025-05-03", "dg:Meeting")      # untouched fields stay
    call = acts[CALL]                                                   # added
    assert (call["type"], call["start"], call["end"], call["precision"], call["status"]) == \
        ("dg:PhoneCall", "2025-05-25", "2025-05-25", "day", "happened")
    assert sorted(call["persons"].split("|")) == ["Ilham Aliyev", "Masoud Pezeshkian"]
    text = body_text()
    assert call["evidence"] == "Joint decisions had been taken on cooperation in various fields"
    assert call["evidence"] in text
    assert len(acts) == len(before)  # one retracted, one added
    officials = {r["name"]: r for r in run(sample_store, "officials")}
    assert officials["Aziz Nasirzadeh"]["post"] == "Deputy Chief of General Staff"
    assert "Ilham Aliyev" in officials  # named by a curated act whose source is in the store
    # The curator settled Nasirzadeh's post: no conflict reported any more.
    assert run(sample_store, "tenure-conflicts") == []
    # Other queries honour retraction too.
    assert run(sample_store, "visits-hosted", state="ISR") == []
    assert ("AZE", "ISR") not in {(r["state1"], r["state2"]) for r in run(sample_store, "state-network")}


def test_added_evidence_has_exact_offsets(sample_store, records, curation_dir):
    (curation_dir / "avim.toml").write_text(CORRECTIONS, encoding="utf-8")
    apply(sample_store, records, curation_dir)
    [ev] = run(sample_store, "act-evidence", act=CALL.replace("id:", "https://w3id.org/diplograph/id/"))
    assert body_text()[int(ev["startOffset"]):int(ev["endOffset"])] == ev["text"]
    assert (ev["rule"], ev["confidence"]) == ("curation", "1")


def test_provenance_who_when_why(sample_store, records, curation_dir):
    (curation_dir / "avim.toml").write_text(CORRECTIONS, encoding="utf-8")
    apply(sample_store, records, curation_dir)
    rows = {r["kind"]: r for r in run(sample_store, "curations")}
    assert set(rows) == {"retract", "fix", "add", "official"}
    assert (rows["retract"]["curator"], rows["retract"]["date"]) == ("A. Analyst", "2025-06-20")
    assert rows["add"]["curator"] == "B. Reviewer"  # per-entry override
    assert rows["fix"]["why"] == "Test: pretend the meeting was in Baku."
    assert rows["fix"]["file"] == "avim.toml"
    assert {r["applies"] for r in rows.values()} == {"true"}


def test_corrections_survive_re_extraction(sample_store, records, curation_dir):
    (curation_dir / "avim.toml").write_text(CORRECTIONS, encoding="utf-8")
    apply(sample_store, records, curation_dir)
    # Re-extraction replaces the document graph; the curation graph is untouched.
    sample_store.replace_graphs({model.document_graph(records): model.document_triples(records, RUN_TIME)})
    acts = {r["act"]: r for r in run(sample_store, "acts")}
    assert ISRAEL_VISIT not in acts and acts[MEETING]["place"] == "Baku" and CALL in acts


def test_added_acts_show_only_with_their_document(loaded_store, records, curation_dir):
    """The scorer ingests one other document into a fresh store: curated acts of the founding
    document must not appear there."""
    (curation_dir / "avim.toml").write_text(CORRECTIONS, encoding="utf-8")
    apply(loaded_store, records, curation_dir)
    assert run(loaded_store, "acts") == []
    assert run(loaded_store, "officials") == []


def test_dangling_corrections_are_reported(sample_store, records, curation_dir):
    (curation_dir / "x.toml").write_text(textwrap.dedent("""\
        curator = "A"
        date = 2025-06-20
        [[retract]]
        act = "id:act/1999-01-01-meeting-fra-deu"
        why = "gone"
        """), encoding="utf-8")
    apply(sample_store, records, curation_dir)
    assert curation.dangling(sample_store) == [
        ("https://w3id.org/diplograph/id/correction/x-retract-1",
         "https://w3id.org/diplograph/id/act/1999-01-01-meeting-fra-deu")]
    assert [r["applies"] for r in run(sample_store, "curations")] == ["false"]


def test_turtle_files_are_loaded_verbatim(sample_store, records, curation_dir):
    (curation_dir / "expert.ttl").write_text(
        "@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
        f"<https://w3id.org/diplograph/{MEETING.replace(':', '/', 1)}> dg:retracted true .\n", encoding="utf-8")
    apply(sample_store, records, curation_dir)
    assert MEETING not in {r["act"] for r in run(sample_store, "acts")}


@pytest.mark.parametrize("body, message", [
    ('curator = "A"\ndate = 2025-06-20\n[[retract]\n', "avim.toml: "),
    ('curator = "A"\ndate = 2025-06-20\n[[fix]]\nact = "id:act/x"\nstrat = 2025-01-01\nwhy = "w"\n',
     "unknown field 'strat'"),
    ('curator = "A"\ndate = 2025-06-20\n[[retract]]\nact = "id:act/x"\n', "needs curator, date and why"),
    ('[[retract]]\nact = "id:act/x"\nwhy = "w"\n', "needs curator, date and why"),
    ('curator = "A"\ndate = 2025-06-20\n[[fix]]\nact = "id:act/x"\ntype = "Summit"\nwhy = "w"\n',
     "type 'Summit' is not one of"),
    ('curator = "A"\ndate = 2025-06-20\n[[fix]]\nact = "id:act/x"\nstates = ["Azerbaijan"]\nwhy = "w"\n',
     "not an ISO 3166-1 alpha-3 code"),
    ('curator = "A"\ndate = 2025-06-20\n[[fix]]\nact = "id:person/x"\nplace = "Baku"\nwhy = "w"\n',
     "is a person IRI, expected a act IRI"),
    ('curator = "A"\ndate = 2025-06-20\n[[fix]]\nact = "id:act/x"\nwhy = "w"\n', "nothing to fix"),
    ('curator = "A"\ndate = 2025-06-20\n[[fix]]\nact = "id:act/x"\nstart = "soon"\nwhy = "w"\n',
     "start must be a date"),
    ('curator = "A"\ndate = 2025-06-20\n[[add]]\ntype = "Meeting"\nstates = ["AZE"]\nsource = "avim-2025-37"\n'
     'evidence = ["words that are not in the document"]\nwhy = "w"\n', "not found in document avim-2025-37"),
    ('curator = "A"\ndate = 2025-06-20\n[[add]]\ntype = "Meeting"\nwhy = "w"\n', "needs type, states and source"),
    ('curator = "A"\ndate = 2025-06-20\n[[official]]\nname = "X Y"\npost = "President"\nwhy = "w"\n',
     "give state too"),
    ('curator = "A"\ndate = 2025-06-20\n[[delete]]\nact = "id:act/x"\n', "unknown section 'delete'"),
])
def test_bad_curation_is_a_one_line_error(body, message, curation_dir, records):
    (curation_dir / "avim.toml").write_text(body, encoding="utf-8")
    with pytest.raises(DiplographError) as e:
        curation.curation_triples(curation_dir, documents={records.document.doc_id: records.document})
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_malformed_turtle_and_binary_files(curation_dir):
    (curation_dir / "bad.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(DiplographError, match="bad.ttl"):
        curation.curation_triples(curation_dir)
    (curation_dir / "bad.ttl").unlink()
    (curation_dir / "bin.toml").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(DiplographError, match="not UTF-8"):
        curation.curation_triples(curation_dir)


# -- the ingest path applies curation ---------------------------------------------------
@pytest.fixture
def hand_extractor(monkeypatch, records):
    """Ingest with the hand-made records in place of the extractor: these tests are about the
    pipeline's curation step, which must not depend on how good extraction is today."""
    monkeypatch.setattr(pipeline, "extract_file", lambda path: records)


def test_ingest_applies_curation(store, curation_dir, hand_extractor):
    (curation_dir / "avim.toml").write_text(CORRECTIONS, encoding="utf-8")
    pipeline.ingest(store, [FOUNDING])
    acts = {r["act"]: r for r in run(store, "acts")}
    assert ISRAEL_VISIT not in acts and CALL in acts and acts[MEETING]["place"] == "Baku"


def test_ingest_with_bad_curation_changes_nothing(store, curation_dir, hand_extractor):
    pipeline.ingest(store, [FOUNDING])
    graphs, n = store.graphs(), len(store)
    (curation_dir / "avim.toml").write_text("curator = \n", encoding="utf-8")
    with pytest.raises(DiplographError, match="avim.toml"):
        pipeline.ingest(store, [FOUNDING])
    assert (store.graphs(), len(store)) == (graphs, n)


def test_removing_a_curation_file_undoes_it(store, curation_dir, hand_extractor):
    (curation_dir / "avim.toml").write_text(CORRECTIONS, encoding="utf-8")
    pipeline.ingest(store, [FOUNDING])
    (curation_dir / "avim.toml").unlink()
    pipeline.load_curation(store)
    acts = {r["act"]: r for r in run(store, "acts")}
    assert ISRAEL_VISIT in acts and CALL not in acts and acts[MEETING]["place"] == "Tehran"
