"""Act candidates and the entities they are built from, shared by acts.py, fields.py, statements.py, merge.py."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

SYMBOL = {"off": "Ⓞ", "state": "Ⓢ", "place": "Ⓟ", "org": "Ⓖ", "body": "Ⓑ", "group": "Ⓡ", "pron": "Ⓠ"}
# a zone runs to the next comma, but not through a list of states ("after Mali, Burkina Faso and Niger signed")
_UPTO = r"[^,;:]*(?:,\s*(?:and\s+)?Ⓢ[^,;:]*)*"
ZONE_RX = re.compile(r"\b(?:(?:only\s+|just\s+)?(?:\w+\s+(?:days?|weeks?|months?)\s+)?(?:after|before)(?!\s+the\s+end\s+of\b)|following|since(?!\s*[:;,.])|prior to|ahead of|while|whereas|when)\b" + _UPTO, re.I)
DURING_RX = re.compile(r"\b(?:during|amid|on the sidelines of|at the end of|in the course of)\b" + _UPTO, re.I)
GROUP_RX = re.compile(r"\b(?:the|both|all|these)\s+(?:two|three|four|five)\s+(?:[\w-]+\s+)?(?:countries|nations|sides|parties|leaders|presidents|counterparts|ministers|states|governments|delegations|armies|heads of state|mediators|chiefs|heads|premiers|prime ministers|foreign ministers|defen[cs]e ministers|neighbours|neighbors)\b|\bboth (?:[\w-]+ )?(?:countries|sides|nations|leaders|parties|governments|ministers|presidents)\b|\bthe (?:parties|sides|counterparts|leaders|presidents|heads of state|(?:foreign |defen[cs]e )?ministers)\b", re.I)
# "HE the Prime Minister", "His Highness the Amir" are honorifics, not pronouns
PRON_RX = re.compile(r"\b(?:(?!(?-i:HE)\b)he|she|his|her|him)\b(?!\s+(?:Highness|Excellency|Majesty|Royal)\b)", re.I)
DEFINITE_RX = re.compile(r"(?:\b(?:the|this|that|these|those|its|their|his|her|such)\s+(?:(?!of\b)[\w-]+\s+){0,3}$)", re.I)
ACT_ANAPHOR_RX = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:agreement|deal|accord|treaty|declaration|memorandum|exercise|drills|visit|meeting|summit|talks|call)\b"
                            r"|\b(?:the|its|their)\s+(?:last|next|previous|latest|first|second|third|new|\w+th)\s+(?:round|meeting|session|summit)\b", re.I)
SIMILAR_RX = re.compile(r"\b(?:similar|such|previous|earlier|another)\s+(?:[\w-]+\s+){0,2}$", re.I)
GROUP_SUBJECT_RX = re.compile(r"\b(?:the|both)\s+(?:(?:two|three)\s+)?(?:[\w-]+\s+)?(?:parties|sides|leaders|presidents|counterparts|ministers|delegations|mediators)\b", re.I)
# talk about talks is no act: "ready to host talks", "open to negotiations", "preparations for the summit"
HYPOTHETICAL_RX = re.compile(r"\b(?:ready|willing|prepared|open|offer(?:ed|s|ing)?|propos(?:al|ed|es)|calls? for|called for|push(?:ed|es)? for|readiness|launch(?:ed|es|ing)?|begin(?:ning)?|start(?:ing)?|resum(?:e|ption)|idea of|agenda of|in favou?r of)\s+(?:(?:to|for|of)\s+)?(?:(?:host|hold|organi[sz]e|facilitate|join|resume|start|begin|mediate)\s+)?(?:the\s+|a\s+|an\s+)?(?:new\s+|next\s+|first\s+|upcoming\s+)?(?:round\s+of\s+)?(?:[\w-]+\s+){0,3}$"
                             # "urged the warring parties to return to negotiations": an appeal, no act yet
                             r"|\b(?:urg(?:ed|es|ing)|call(?:ed|s|ing)\s+on|appeal(?:ed|s|ing)?\s+to|ask(?:ed|s|ing)|encourag(?:ed|es|ing)|press(?:ed|es|ing))"
                             r"\s+[^.;]{0,60}?\bto\s+(?:return|resume|come\s+back|go\s+back|engage|enter|join|start|begin|hold|sit)\s+(?:down\s+)?(?:to\s+|in\s+)?"
                             r"(?:the\s+)?(?:[\w-]+\s+){0,2}$"
                             # "expressed hope that a peace treaty would be signed": a wish, no act yet
                             r"|\bhop(?:e|es|ed|ing)\s+(?:that\s+)?[^.;]{0,80}?\b(?:would|could|will|might|can)\s+(?:soon\s+)?(?:be\s+)?$", re.I)



@dataclass
class Ent:
    start: int
    end: int
    kind: str                 # off | state | place | org | body | group | pron
    code: str | None = None   # ISO3 (org: name)
    person: str | None = None
    form: str = ""
    geonameid: int | None = None
    locative: bool = False    # a capital after "in"/"at": where, not who


@dataclass
class Cand:
    type: str
    role: str
    tstart: int
    tend: int
    sent: tuple[int, int]
    scope: tuple[int, int]
    states: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    visitors: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    precision: str | None = None
    explicit_date: bool = False
    status: str = "happened"
    place: str | None = None
    place_state: str | None = None
    place_geonameid: int | None = None
    name: str | None = None
    weak: bool = False
    definite: bool = False
    next_occasion: bool = False   # "the next round ... will be held in": a new, planned occasion   # "the visit ...": a reference to an act told before
    plural: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[str, "Cand", int]] = field(default_factory=list)   # (kind, act, days)
    rule: str = ""
    confidence: float = 0.6
    merged_into: "Cand | None" = None
    uses_context: bool = False
    zone: str | None = None          # None (main clause) | sub | during
    content: list[tuple[int, int]] = field(default_factory=list)
    split_speakers: bool = False
    pending_offset: tuple[int, int] | None = None
    attendance: bool | str = False   # "the summit was attended by ...": adds parties to a named act
    another: bool = False            # "at an extraordinary summit", "the July summit": an occasion of its own


def _add(lst: list, *items) -> None:
    for x in items:
        if x and x not in lst:
            lst.append(x)
