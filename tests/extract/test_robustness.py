"""Any text is safe: extraction never crashes and every evidence span indexes the text exactly."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.documents import document_from_text
from diplograph.extract import extract
from diplograph.records import ACT_TYPES, PRECISIONS, STATUSES

WORDS = ["Iranian", "President", "Minister", "of", "Defense", "visited", "Baku", "Armenia", "met", "on",
         "19-21", "May", "2025", "signed", "agreement", "the", "two", "countries", "said", "joint",
         "exercise", "Aziz", "Nasirzadeh", "held", "talks", "with", "phone", "call", ",", ".", "\n", "“", "”",
         "'s", "during", "after", "two days after", "visit", "Georgia", "Congolese", "US-brokered", ";"]


def check(ex):
    text = ex.document.text
    for a in ex.acts:
        assert a.type in ACT_TYPES and a.status in STATUSES
        assert a.precision in PRECISIONS or a.precision is None
        assert len(set(a.states)) >= 2
        assert a.evidence
        for sp in a.evidence:
            assert 0 <= sp.start < sp.end <= len(text) and text[sp.start:sp.end] == sp.text
        if a.start and a.end:
            assert a.start <= a.end
    for o in ex.officials:
        assert o.state and len(o.state) == 3
        for sp in o.spans:
            assert text[sp.start:sp.end] == sp.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600), st.sampled_from([None, "2025-05", "2024-03-12", "2021"]))
def test_arbitrary_text(text, published):
    check(extract(document_from_text(text, "x", published)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=120), st.sampled_from([None, "2025-05", "2024-03-12"]))
def test_diplomatic_word_salad(words, published):
    check(extract(document_from_text(" ".join(words), "x", published)))


def test_long_text_is_bounded():
    para = ("Iranian Minister of Defense Aziz Nasirzadeh paid an official visit to Armenia on 21 May 2025 and "
            "held talks with Armenian Prime Minister Nikol Pashinyan. ") * 2000   # ~270 kB
    t = time.perf_counter()
    ex = extract(document_from_text(para, "long", "2025-05"))
    assert time.perf_counter() - t < 60
    check(ex)
    assert len([a for a in ex.acts if a.type == "OfficialVisit"]) == 1
