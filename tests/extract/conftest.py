"""Helpers: extract from an in-memory text with a given publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.documents import document_from_text
from diplograph.extract import extract


@pytest.fixture
def run():
    def _run(text: str, published: str | None = "2024-03-12"):
        return extract(document_from_text(text, "t", published))
    return _run


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)
