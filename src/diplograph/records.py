"""Plain records passed from extraction to the RDF model (the seam between extract/ and model.py).

Extraction fills these; `model.py` turns them into triples. Nothing here knows RDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ACT_TYPES = ("OfficialVisit", "Meeting", "PhoneCall", "MilitaryExercise", "Agreement", "Statement")
STATUSES = ("happened", "planned", "reported-not-happened")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Span:
    """A piece of the document text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass
class Document:
    doc_id: str                   # stable id: file stem, slugified
    text: str                     # body text (header removed); offsets refer to this
    source: str | None = None     # URL or citation
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    publisher: str | None = None
    path: str | None = None
    media_type: str = "text/plain"

    def published_date(self) -> dt.date | None:
        """First day of the publication period, or None."""
        p = self.published or ""
        for fmt, n in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
            try:
                return dt.datetime.strptime(p[:n], fmt).date()
            except ValueError:
                continue
        return None


@dataclass
class Official:
    name: str                          # full name as first written, no title
    state: str | None = None           # ISO alpha-3, upper case
    post: str | None = None            # principal post, normalised ("Minister of Defense")
    other_posts: list[str] = field(default_factory=list)  # further posts the text gives
    body: str | None = None            # government body, e.g. "Ministry of Defense"
    rank: str | None = None            # military rank as written ("Major General")
    aliases: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    wikidata: str | None = None        # "Q123" when known


@dataclass
class Act:
    type: str                               # one of ACT_TYPES
    states: list[str]                       # ISO alpha-3 of every state taking part / concerned
    persons: list[str] = field(default_factory=list)   # official names (as Official.name)
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None            # one of PRECISIONS or None
    status: str = "happened"
    place: str | None = None                # as written
    place_state: str | None = None          # ISO alpha-3
    place_geonames: int | None = None
    visitors: list[str] = field(default_factory=list)  # ISO codes or official names
    hosts: list[str] = field(default_factory=list)     # ISO codes or official names
    speakers: list[str] = field(default_factory=list)  # Statement: who spoke (codes or names)
    about: list[str] = field(default_factory=list)     # Statement: states it concerns
    orgs: list[str] = field(default_factory=list)      # international organisations
    bodies: list[str] = field(default_factory=list)    # "AZE|Ministry of Defense"
    name: str | None = None                 # named act, e.g. "Aras 2025"
    evidence: list[Span] = field(default_factory=list)
    rule: str = ""                          # which extraction rule fired
    confidence: float = 0.5
    key: str | None = None                  # extra disambiguator for the IRI when needed


@dataclass
class Extraction:
    document: Document
    officials: list[Official] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)
    states: list[str] = field(default_factory=list)     # every state the text names
    places: list[tuple[str, str | None, int | None]] = field(default_factory=list)  # (name, ISO3, geonameid)
