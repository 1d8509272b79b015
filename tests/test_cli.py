"""The command line in-process (click's CliRunner and `main` with its error wrapper), and the
installed `diplograph` entry point once in a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from diplograph import cli as cli_module
from diplograph import paths, pipeline
from diplograph.cli import cli
from diplograph.errors import DiplographError
from diplograph.store import Store

from conftest import FOUNDING, _extractor_ready
from test_queries import ALL, CONTRACT

MEETING = "https://w3id.org/diplograph/id/act/2025-05-03-meeting-aze-irn-mustafayev-nasirzadeh"


def invoke(store_dir, *args):
    return CliRunner().invoke(cli, ["--store", str(store_dir), *args], catch_exceptions=True)


def run_main(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """`diplograph.cli.main` in-process: the wrapper that turns errors into one line + exit code."""
    monkeypatch.setattr(sys, "argv", ["diplograph", *map(str, args)])
    with pytest.raises(SystemExit) as e:
        cli_module.main()
        raise SystemExit(0)
    out = capsys.readouterr()
    return e.value.code or 0, out.out, out.err


def snapshot(store_dir) -> tuple:
    if not store_dir.exists():
        return ()
    with Store(store_dir, read_only=True) as s:
        return tuple(s.graphs()), len(s)


@pytest.fixture
def hand_extractor(monkeypatch, records):
    """The hand-made founding records stand in for the extractor while it is being written."""
    monkeypatch.setattr(pipeline, "extract_file", lambda path: records)


@pytest.fixture
def empty_curation(tmp_path, monkeypatch):
    d = tmp_path / "no-curation"
    monkeypatch.setattr(paths, "CURATION_DIR", d)
    return d


@pytest.fixture
def cli_store(tmp_path, hand_extractor, empty_curation):
    d = tmp_path / "cli-store"
    r = invoke(d, "ingest", str(FOUNDING))
    assert r.exit_code == 0, r.output
    assert "avim-2025-37: 10 acts, 8 officials" in r.output
    return d


# -- ingest and query ---------------------------------------------------------------------
def test_query_json_is_sparql_results_with_contract_columns(cli_store):
    for name, cols in CONTRACT.items():
        r = invoke(cli_store, "query", name, "--format", "json")
        assert r.exit_code == 0, r.output
        data = json.loads(r.stdout)
        assert data["head"]["vars"] == cols
        assert data["results"]["bindings"]
    acts = json.loads(invoke(cli_store, "query", "acts", "-f", "json").stdout)["results"]["bindings"]
    row = next(b for b in acts if b["act"]["value"] == MEETING)
    assert row["type"]["value"].endswith("#Meeting") and row["start"]["value"] == "2025-05-03"


def test_query_csv_tsv_xml_parse(cli_store):
    r = invoke(cli_store, "query", "acts", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == CONTRACT["acts"] and len(rows) == 10
    r = invoke(cli_store, "query", "officials", "--format", "tsv")
    lines = r.stdout.splitlines()
    assert lines[0].split("\t") == [f"?{c}" for c in CONTRACT["officials"]] and len(lines) == 9
    r = invoke(cli_store, "query", "acts-between", "-p", "state=AZE", "-p", "other=IRN", "--format", "xml")
    root = ET.fromstring(r.stdout_bytes)
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("s:head/s:variable", ns)][:2] == ["act", "type"]
    assert len(root.findall("s:results/s:result", ns)) == 5


def test_query_table(cli_store):
    r = CliRunner().invoke(cli, ["--store", str(cli_store), "query", "visits-hosted", "--param", "state=ARM"],
                           env={"COLUMNS": "300"})
    assert r.exit_code == 0
    assert "Aziz Nasirzadeh" in r.stdout and "1 rows" in r.output


def test_queries_lists_every_stored_query(tmp_path):
    r = invoke(tmp_path / "unused", "queries")
    assert r.exit_code == 0
    listed = [line.split()[0] for line in r.stdout.splitlines() if line and not line.startswith(" ")]
    assert sorted(listed) == ALL
    assert "--param state=AZE" in r.stdout


def test_ingest_is_repeatable(cli_store):
    before = json.loads(invoke(cli_store, "query", "acts", "-f", "json").stdout)
    assert invoke(cli_store, "ingest", str(FOUNDING)).exit_code == 0
    assert json.loads(invoke(cli_store, "query", "acts", "-f", "json").stdout) == before


# -- bad input: one line, exit 1, store unchanged --------------------------------------------
@pytest.mark.parametrize("args, message", [
    (("query", "nope"), "unknown query 'nope'"),
    (("query", "acts-of-state", "-p", "state=Azerbaijan", "-p", "from=2025-01-01", "-p", "to=2025-02-01"),
     "alpha-3"),
    (("query", "acts-of-state", "-p", "state=AZE"), "needs --param from=VALUE"),
    (("query", "acts", "-p", "colour"), "bad --param 'colour'"),
    (("query", "acts", "-p", "colour=red"), "no parameter 'colour'"),
    (("explain", "https://w3id.org/diplograph/id/act/1999-01-01-meeting-fra-deu"), "no act"),
    (("explain", "not-an-act"), "not an act IRI"),
    (("ingest", "/nonexistent/file.txt"), "no such file"),
])
def test_bad_input_is_one_line(cli_store, monkeypatch, capsys, args, message):
    before = snapshot(cli_store)
    code, out, err = run_main(monkeypatch, capsys, "--store", cli_store, *args)
    assert code == 1
    assert message in err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "Traceback" not in err + out
    assert snapshot(cli_store) == before


def test_query_on_a_missing_store_is_one_line(tmp_path, monkeypatch, capsys):
    code, _, err = run_main(monkeypatch, capsys, "--store", tmp_path / "none", "query", "acts")
    assert code == 1 and "does not exist" in err and err.count("\n") == 1
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff\xfe" * 200, b"\xc3\x28 invalid utf-8 \xa0\xa1"])
def test_empty_and_binary_files(tmp_path, monkeypatch, capsys, content, empty_curation):
    """Real reader and extractor: a clear one-line error or an empty result, never a traceback."""
    why = _extractor_ready()
    if why:
        pytest.skip(why)
    store_dir = tmp_path / "s"
    f = tmp_path / "odd.txt"
    f.write_bytes(content)
    code, out, err = run_main(monkeypatch, capsys, "--store", store_dir, "ingest", f)
    assert "Traceback" not in out + err
    if code:
        assert code == 1 and err.startswith("error: ") and err.count("\n") == 1
        assert not store_dir.exists()  # bad input is refused before the store is opened
    else:
        code, out, err = run_main(monkeypatch, capsys, "--store", store_dir, "query", "acts", "-f", "json")
        assert code == 0 and json.loads(out)["results"]["bindings"] == []


def test_bad_input_in_process_raises_the_one_error_type(cli_store):
    r = invoke(cli_store, "query", "nope")
    assert r.exit_code == 1 and isinstance(r.exception, DiplographError)


# -- explain and curate -------------------------------------------------------------------
def test_explain_prints_evidence_rule_confidence(cli_store):
    r = invoke(cli_store, "explain", MEETING)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "type        dg:Meeting" in out
    assert "dates       2025-05-03" in out
    assert "Kerem Mustafayev" in out and "AZE IRN" in out
    assert "[1200:1343] avim-2025-37:" in out  # offsets into the body text, and the document
    assert "rule        meeting-met-with" in out and "confidence  0.8" in out
    assert "curation    none" in out
    short = invoke(cli_store, "explain", "id:act/2025-05-03-meeting-aze-irn-mustafayev-nasirzadeh")
    assert short.stdout == out


def test_curate_then_explain_shows_the_correction(cli_store, empty_curation):
    empty_curation.mkdir()
    (empty_curation / "fix.toml").write_text(
        'curator = "A. Analyst"\ndate = 2025-06-20\n[[fix]]\n'
        f'act = "{MEETING}"\nplace = "Baku"\nplaceState = "AZE"\nwhy = "Test: moved."\n', encoding="utf-8")
    r = invoke(cli_store, "curate", "--check")
    assert r.exit_code == 0 and "1 curation file(s)" in r.stdout
    r = invoke(cli_store, "curate")
    assert r.exit_code == 0 and "warning" not in r.output
    out = invoke(cli_store, "explain", MEETING).stdout
    assert "place       Baku (AZE)" in out
    assert "fix by A. Analyst on 2025-06-20 (fix.toml): Test: moved." in out
    assert "curated value  dg:placeName Baku" in out


def test_curate_with_bad_file_changes_nothing(cli_store, empty_curation, monkeypatch, capsys):
    empty_curation.mkdir()
    (empty_curation / "bad.toml").write_text("[[retract]]\nact = 3\n", encoding="utf-8")
    before = snapshot(cli_store)
    code, _, err = run_main(monkeypatch, capsys, "--store", cli_store, "curate")
    assert code == 1 and "bad.toml" in err and err.count("\n") == 1
    assert snapshot(cli_store) == before


# -- the installed entry point, once, in a real process --------------------------------------
def test_entry_point_subprocess(tmp_path):
    exe = [sys.executable, "-c", "from diplograph.cli import main; main()"]
    r = subprocess.run([*exe, "--store", str(tmp_path / "s"), "query", "no-such-query"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert r.stderr.startswith("error: unknown query 'no-such-query'") and r.stderr.count("\n") == 1
    r = subprocess.run([*exe, "queries"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "acts" in r.stdout
