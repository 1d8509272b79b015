"""`diplograph serve`: its options, and one-line errors before uvicorn starts."""

from __future__ import annotations

import subprocess

from diplograph.store import Store

from .conftest import BIN


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, timeout=60)


def test_help_lists_every_option():
    out = run("serve", "--help").stdout
    for opt in ("--host", "--port", "--write-token", "DIPLOGRAPH_WRITE_TOKEN", "--allow-service", "--timeout",
                "--max-rows", "--workers", "--cache-entries"):
        assert opt in out


def test_missing_store_is_one_line(tmp_path):
    r = run("--store", str(tmp_path / "nope"), "serve", "--port", "0")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "does not exist" in r.stderr
    assert not (tmp_path / "nope").exists()


def test_store_held_by_another_writer_is_one_line(store_path):
    with Store(store_path):
        r = run("--store", str(store_path), "serve", "--port", "0")
    assert r.returncode == 1 and "in use by another process" in r.stderr and "Traceback" not in r.stderr


def test_short_write_token_is_refused(store_path):
    r = run("--store", str(store_path), "serve", "--write-token", "short")
    assert r.returncode == 1 and "at least 8 characters" in r.stderr
