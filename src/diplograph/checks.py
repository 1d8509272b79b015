"""Consistency checks SHACL core cannot say: queries/checks/*.rq, each must return zero rows."""

from __future__ import annotations

from pathlib import Path

from . import queries
from .paths import QUERIES_DIR

CHECKS_DIR = QUERIES_DIR / "checks"


def load(directory: Path = CHECKS_DIR) -> dict[str, queries.StoredQuery]:
    return queries.load_all(directory)


def run(store, directory: Path = CHECKS_DIR) -> dict[str, list[dict[str, str]]]:
    """Violations per failing check (checks with zero rows are left out)."""
    out = {}
    for name, q in load(directory).items():
        res = queries.run(store, q)
        cols = [v.value for v in res.variables]
        rows = [{c: queries.term_text(r[c]) for c in cols} for r in res]
        if rows:
            out[name] = rows
    return out


def report(violations: dict[str, list[dict[str, str]]], limit: int = 5) -> str:
    """A readable summary: each failing check with its summary and a few rows."""
    lines = []
    checks = load()
    for name, rows in sorted(violations.items()):
        lines.append(f"{name}: {len(rows)} row(s) — {checks[name].summary if name in checks else ''}".rstrip(" —"))
        for r in rows[:limit]:
            lines.append("  " + "  ".join(f"{k}={v}" for k, v in r.items() if v))
    return "\n".join(lines)


__all__ = ["run", "load", "report", "CHECKS_DIR"]
