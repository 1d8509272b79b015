"""The README cannot drift: its two commands, its command table and its query list are checked."""

from __future__ import annotations

import re
import subprocess

from click.testing import CliRunner

from diplograph import queries
from diplograph.cli import cli
from diplograph.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_after(marker: str) -> str:
    lines = README.splitlines()
    i = lines.index(marker)
    assert lines[i + 1].startswith("```")
    return lines[i + 2]


def test_exactly_two_fresh_machine_commands():
    assert README.count("<!-- main-command -->") == 1 and README.count("<!-- test-command -->") == 1
    main = fenced_after("<!-- main-command -->")
    assert "diplograph build" in main and "diplograph query" in main
    assert "pytest" in fenced_after("<!-- test-command -->")


def test_ci_runs_the_readme_test_command():
    out = subprocess.run(["awk", '/<!-- test-command -->/{getline; getline; print; exit}', "README.md"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert out == fenced_after("<!-- test-command -->")
    assert "README.md" in (ROOT / ".ci" / "run").read_text()


def test_every_cli_command_is_documented_and_every_documented_one_exists():
    documented = set(re.findall(r"^\| `([a-z]+)[ `]", README, flags=re.M))
    assert documented, "README has no command table"
    assert documented == set(cli.commands), (documented ^ set(cli.commands))


def test_documented_examples_parse_as_cli_invocations():
    runner = CliRunner()
    for name in cli.commands:
        r = runner.invoke(cli, [name, "--help"])
        assert r.exit_code == 0, (name, r.output)
        assert r.output.strip(), name


def test_every_stored_query_is_listed_in_the_readme():
    names = set(queries.load_all())
    assert names
    listed = set(re.findall(r"`([a-z][a-z-]*)`", README.split("Stored queries", 1)[1].split("\n\n", 1)[0]))
    assert names <= listed, names - listed
