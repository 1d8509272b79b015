"""Stored queries: headers, engine-side parameters, content on hand-made records, goldens on the
founding document (refresh: `pytest tests/test_queries.py --update-goldens`)."""

from __future__ import annotations

import json

import pytest

from diplograph import queries
from diplograph.errors import DiplographError
from diplograph.paths import QUERIES_DIR

from conftest import GOLDEN_DIR, body_text

ALL = sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))
CONTRACT = {
    "acts": ["act", "type", "start", "end", "precision", "states", "persons", "place", "placeState",
             "status", "evidence", "source"],
    "officials": ["person", "name", "post", "state", "wikidata"],
}
# Cells that join several values: their order is not defined by SPARQL, so goldens sort them.
LIST_COLUMNS = {"states": " ", "persons": "|", "counterparts": " ", "visitorStates": " ", "visitors": "|",
                "types": " ", "evidence": " … ", "rule": "+"}


def run(store, name: str, **params) -> list[dict[str, str]]:
    q = queries.get(name)
    given = {p.name: p.example for p in q.params}
    given.update(params)
    res = queries.run(store, q, given)
    cols = [v.value for v in res.variables]
    return [{c: queries.term_text(r[c]) for c in cols} for r in res]


def columns(store, name: str) -> list[str]:
    q = queries.get(name)
    return [v.value for v in queries.run(store, q, {p.name: p.example for p in q.params}).variables]


# -- files and headers -----------------------------------------------------------------
def test_there_are_enough_stored_queries():
    assert len(ALL) >= 14, ALL
    assert {"acts", "officials"} <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_header_validates_and_query_parses(name, store):
    q = queries.get(name)
    assert q.summary.endswith("."), f"{name}: summary should be a sentence"
    assert q.description, f"{name}: needs a description"
    for p in q.params:
        assert p.description and p.example
        p.bind(p.example)  # the example itself is valid for its type
    # Parses and runs on an empty store with the example parameters (parameters must be projected).
    res = queries.run(store, q, {p.name: p.example for p in q.params})
    assert list(res) == []
    cols = [v.value for v in res.variables]
    assert len(cols) == len(set(cols))
    for p in q.params:
        assert p.name in cols, f"{name}: pyoxigraph binds ?{p.name} only when it is projected"


def test_load_all_matches_the_files():
    assert sorted(queries.load_all()) == ALL


def test_contract_columns_are_exact(store):
    for name, cols in CONTRACT.items():
        assert columns(store, name) == cols


def test_bad_header_is_a_one_line_error(tmp_path):
    (tmp_path / "bad.rq").write_text("#+ summary: x.\n#+ param: a | colour | red | d\nSELECT * {}\n")
    with pytest.raises(DiplographError, match="bad '#\\+ param:' line"):
        queries.load_all(tmp_path)
    (tmp_path / "bad.rq").write_text("#+ sumary: typo\nSELECT * {}\n")
    with pytest.raises(DiplographError, match="unknown header key"):
        queries.load_all(tmp_path)


# -- parameters ----------------------------------------------------------------------
def test_unknown_query_and_bad_parameters(sample_store):
    with pytest.raises(DiplographError, match="unknown query 'nope'"):
        queries.get("nope")
    with pytest.raises(DiplographError, match="unknown query"):
        queries.get("../acts")
    q = queries.get("acts-of-state")
    with pytest.raises(DiplographError, match="alpha-3"):
        queries.run(sample_store, q, {"state": "Azerbaijan", "from": "2025-01-01", "to": "2025-12-31"})
    with pytest.raises(DiplographError, match="YYYY-MM-DD"):
        queries.run(sample_store, q, {"state": "AZE", "from": "May 2025", "to": "2025-12-31"})
    with pytest.raises(DiplographError, match="needs --param to"):
        queries.run(sample_store, q, {"state": "AZE", "from": "2025-01-01"})
    with pytest.raises(DiplographError, match="no parameter 'colour'"):
        queries.run(sample_store, q, {"colour": "red"})
    with pytest.raises(DiplographError, match="absolute IRI"):
        queries.run(sample_store, queries.get("act-evidence"), {"act": "not an iri"})


@pytest.mark.parametrize("evil", ['"} UNION { ?act ?p ?o } #', "Tehran\" || true || \"", "'; DROP ALL"])
def test_string_parameters_are_bound_by_the_engine(sample_store, evil):
    assert run(sample_store, "acts-at-place", place=evil) == []
    n = len(sample_store)
    assert run(sample_store, "acts-at-place", place="tehran")  # case-insensitive, still works
    assert len(sample_store) == n


def test_iri_parameter_cannot_escape(sample_store):
    with pytest.raises(DiplographError):
        run(sample_store, "act-evidence", act="http://x> } UNION { ?s ?p ?o")


# -- content on the hand-made founding records ----------------------------------------
def test_acts_on_records(sample_store):
    rows = {r["act"]: r for r in run(sample_store, "acts")}
    assert len(rows) == 10
    m = rows["id:act/2025-05-03-meeting-aze-irn-mustafayev-nasirzadeh"]
    assert (m["type"], m["start"], m["end"], m["precision"], m["place"], m["placeState"], m["status"]) == \
        ("dg:Meeting", "2025-05-03", "2025-05-03", "day", "Tehran", "IRN", "happened")
    assert sorted(m["states"].split()) == ["AZE", "IRN"]
    assert sorted(m["persons"].split("|")) == ["Aziz Nasirzadeh", "Kerem Mustafayev"]
    assert m["source"] == "id:document/avim-2025-37"


def test_officials_on_records(sample_store):
    rows = {r["name"]: r for r in run(sample_store, "officials")}
    assert rows["Aziz Nasirzadeh"]["post"] == "Minister of Defense"
    assert rows["Aziz Nasirzadeh"]["state"] == "IRN"
    assert rows["Sergey Lavrov"]["wikidata"] == "wd:Q4115189"
    assert len(rows) == 8


def test_acts_of_state_overlaps_the_range(sample_store):
    rows = run(sample_store, "acts-of-state", state="aze", **{"from": "2025-05-20", "to": "2025-05-31"})
    # Only Aras 2025 (19-21 May) overlaps 20-31 May among Azerbaijan's acts.
    assert [r["act"] for r in rows] == ["id:act/2025-05-19-militaryexercise-aze-irn-medeni-aras-2025"]
    assert rows[0]["state"] == "AZE"
    assert run(sample_store, "acts-of-state", state="FRA") == []


def test_acts_between(sample_store):
    rows = run(sample_store, "acts-between", state="IRN", other="AZE")
    assert len(rows) == 5
    assert {r["type"] for r in rows} == {"dg:Statement", "dg:MilitaryExercise", "dg:OfficialVisit", "dg:Meeting"}
    assert run(sample_store, "acts-between", state="ISR", other="RUS") == []
    assert run(sample_store, "acts-between", state="AZE", other="AZE") == []


def test_visits_hosted(sample_store):
    rows = run(sample_store, "visits-hosted", state="ARM")
    assert [(r["visitors"], r["visitorStates"], r["start"]) for r in rows] == \
        [("Aziz Nasirzadeh", "IRN", "2025-05-21")]
    assert [r["visitors"] for r in run(sample_store, "visits-hosted", state="AZE")] == ["Masoud Pezeshkian"]
    assert run(sample_store, "visits-hosted", state="IRN") == []


def test_who_met_whom(sample_store):
    pairs = {(r["name1"], r["name2"]): r for r in run(sample_store, "who-met-whom")}
    assert set(pairs) == {("Amir Baram", "Zakir Hasanov"), ("Ararat Mirzoyan", "Sergey Lavrov"),
                          ("Aziz Nasirzadeh", "Kerem Mustafayev")}
    assert pairs[("Aziz Nasirzadeh", "Kerem Mustafayev")]["acts"] == "1"


def test_officials_of_state_lists_every_post(sample_store):
    rows = run(sample_store, "officials-of-state", state="IRN")
    nas = {r["post"]: r["principal"] for r in rows if r["name"] == "Aziz Nasirzadeh"}
    assert nas == {"Minister of Defense": "true", "Deputy Chief of General Staff": "false"}
    assert {r["name"] for r in rows} == {"Aziz Nasirzadeh", "Masoud Pezeshkian", "Veli Medeni"}


def test_state_timeline_is_chronological_with_undated_last(sample_store):
    rows = run(sample_store, "state-timeline", state="IRN")
    dated = [r["start"] for r in rows if r["start"]]
    assert dated == sorted(dated) and len(dated) == 7
    assert rows[-1]["start"] == "" and sorted(rows[-1]["counterparts"].split()) == ["ARM", "AZE"]
    assert "IRN" not in " ".join(r["counterparts"] for r in rows)


def test_state_network_counts_pairs(sample_store):
    edges = {(r["state1"], r["state2"]): r for r in run(sample_store, "state-network")}
    assert edges[("AZE", "IRN")]["acts"] == "5"
    assert edges[("AZE", "IRN")]["exercises"] == "2"
    assert edges[("ARM", "IRN")]["acts"] == "4"
    assert all(a < b for a, b in edges)


def test_acts_at_place(sample_store):
    assert [r["placeName"] for r in run(sample_store, "acts-at-place", place="YEREVAN")] == ["Yerevan"]
    # A state's name finds acts at places located in it.
    assert len(run(sample_store, "acts-at-place", place="Azerbaijan")) == 2


def test_act_evidence_offsets_point_into_the_document(sample_store):
    text = body_text()
    rows = run(sample_store, "act-evidence")
    assert len(rows) == 1
    r = rows[0]
    assert text[int(r["startOffset"]):int(r["endOffset"])] == r["text"]
    assert (r["docId"], r["rule"], r["confidence"]) == ("avim-2025-37", "meeting-met-with", "0.8")


def test_acts_per_month(sample_store):
    rows = {(r["month"], r["type"]): int(r["acts"]) for r in run(sample_store, "acts-per-month")}
    assert rows[("2025-05", "dg:OfficialVisit")] == 2
    assert rows[("undated", "dg:Statement")] == 1
    assert sum(rows.values()) == 10


def test_tenure_conflicts_find_two_posts_in_one_source(sample_store):
    rows = run(sample_store, "tenure-conflicts")
    assert [(r["name"], r["post1"], r["post2"], r["reason"]) for r in rows] == \
        [("Aziz Nasirzadeh", "Deputy Chief of General Staff", "Minister of Defense", "same source")]


def test_states_lists_iso_codes(sample_store):
    rows = {r["alpha3"]: r for r in run(sample_store, "states")}
    assert len(rows) > 190
    assert (rows["AZE"]["alpha2"], rows["AZE"]["numeric"], rows["AZE"]["acts"]) == ("AZ", "031", "6")
    assert rows["FRA"]["acts"] == "0"


def test_documents_with_counts(sample_store):
    [d] = run(sample_store, "documents")
    assert (d["docId"], d["acts"], d["officials"], d["issued"]) == ("avim-2025-37", "10", "8", "2025-05")


def test_queries_see_one_act_once_across_graphs(sample_store, records):
    """The union default graph: the same act in two document graphs is still one row."""
    from diplograph import model
    from dataclasses import replace

    doc2 = replace(records.document, doc_id="avim-copy")
    ex2 = replace(records, document=doc2)
    sample_store.replace_graphs({model.document_graph(ex2): model.document_triples(ex2)})
    assert len(run(sample_store, "acts")) == 10
    assert len(run(sample_store, "who-met-whom")) == 3
    assert {r["acts"] for r in run(sample_store, "who-met-whom")} == {"1"}
    assert run(sample_store, "state-network")[0]["acts"] == "5"
    assert len(run(sample_store, "documents")) == 2


# -- goldens on the real founding-document store ----------------------------------------
def normalise(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    out = []
    for r in rows:
        r = dict(r)
        for col, sep in LIST_COLUMNS.items():
            if r.get(col):
                r[col] = sep.join(sorted(r[col].split(sep)))
        out.append(r)
    return sorted(out, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


@pytest.mark.parametrize("name", ALL)
def test_golden(name, founding_store, update_goldens):
    q = queries.get(name)
    params = {p.name: p.example for p in q.params}
    rows = normalise(run(founding_store, name))
    path = GOLDEN_DIR / f"{name}.json"
    got = {"query": name, "params": params, "columns": columns(founding_store, name), "rows": rows}
    if update_goldens:
        GOLDEN_DIR.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(path)
    assert path.exists(), f"no golden for {name}: run pytest tests/test_queries.py --update-goldens"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got["columns"] == want["columns"]
    assert got["params"] == want["params"]
    assert got["rows"] == want["rows"]


def test_goldens_are_not_empty_for_the_contract(founding_store):
    assert run(founding_store, "acts") and run(founding_store, "officials")


def test_every_golden_has_a_query():
    stale = sorted(p.stem for p in GOLDEN_DIR.glob("*.json") if p.stem not in ALL)
    assert not stale, f"goldens without a query: {stale}"


def test_result_serialisations(sample_store):
    res = queries.run(sample_store, queries.get("acts"))
    data = json.loads(queries.serialize(res, "json"))
    assert data["head"]["vars"] == CONTRACT["acts"]
    assert len(data["results"]["bindings"]) == 10
    with pytest.raises(DiplographError, match="unknown result format"):
        queries.serialize(queries.run(sample_store, queries.get("acts")), "yaml")


# -- scale: the union default graph repeats triples once per graph ----------------------------
def test_queries_stay_fast_when_many_documents_name_the_same_officials(loaded_store, records):
    """40 documents that name the same officials and report half the acts again: joining raw
    patterns over the union multiplies the copies (40^k rows); every stored query and check
    must reduce per resource first. Results must count each act and pair once."""
    import time
    from dataclasses import replace

    from diplograph import checks, model

    graphs = {}
    for i in range(40):
        acts = [a if j % 2 else replace(a, key=f"k{i}") for j, a in enumerate(records.acts)]
        ex = replace(records, document=replace(records.document, doc_id=f"copy-{i}"), acts=acts)
        graphs[model.document_graph(ex)] = model.document_triples(ex)
    loaded_store.replace_graphs(graphs)
    slow = {}
    for name in ALL:
        t = time.perf_counter()
        rows = run(loaded_store, name)
        slow[name] = time.perf_counter() - t
        if name == "acts":
            assert len(rows) == 5 + 5 * 40  # 5 shared acts once, 5 per-document acts 40 times
    for name, q in checks.load().items():
        t = time.perf_counter()
        assert list(queries.run(loaded_store, q)) == [], name
        slow[f"checks/{name}"] = time.perf_counter() - t
    # Every met pair comes from a per-document act (even index): 40 distinct acts each.
    assert {r["acts"] for r in run(loaded_store, "who-met-whom")} == {"40"}
    too_slow = {k: round(v, 2) for k, v in slow.items() if v > 3.0}
    assert not too_slow, too_slow
