"""Post vocabulary (data/reference/posts.csv): title words, normalised posts and their seniority.

`normalise_post("defence minister")` -> "Minister of Defense". National titles that differ in
substance stay ("Secretary of National Defense", "Minister of External Affairs"); only spelling
and word order are normalised.
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.lexicon import posts


@functools.lru_cache(maxsize=1)
def _vocab():
    p = posts()
    heads = {s: c for s, c, _ in p.get("head", [])}
    words = set()
    for kind in ("head", "modifier", "portfolio", "alias", "rank", "body", "counterpart", "field"):
        for s, _, _ in p.get(kind, []):
            words.update(s.split())
    honor = {s for s, _, _ in p.get("honorific", [])}
    ranks = {s for s, _, _ in p.get("rank", [])}
    portfolios = sorted(((s, c) for s, c, _ in p.get("portfolio", [])), key=lambda x: -len(x[0]))
    aliases = {s: c for s, c, _ in p.get("alias", [])}
    seniority = [(re.compile(s), int(n)) for s, _, n in p.get("seniority", [])]
    counterpart = {s for s, _, _ in p.get("counterpart", [])}
    head_words = {w for s in heads for w in s.split()} - {"vice", "prime", "general", "crown", "high", "top", "of", "mission"}
    return heads, words, honor, ranks, portfolios, aliases, seniority, counterpart, head_words


def seniority(post: str | None) -> int:
    if not post:
        return 0
    for rx, n in _vocab()[6]:
        if rx.search(post):
            return n
    return 30


@functools.lru_cache(maxsize=4096)   # pure in its words; its ~200 portfolio patterns are costly to run per title
def normalise_post(words: str) -> str | None:
    """'defence minister' -> 'Minister of Defense'; state words must already be removed."""
    heads, _, _, _, portfolios, aliases, _, _, _ = _vocab()
    s = " ".join(words.replace("’", "'").split()).strip(" ,")
    s = re.sub(r"^(?:the|his|her|its)\s+", "", s, flags=re.I)
    s = re.sub(r"\s+(?:of|for|the|of the|and)$", "", s, flags=re.I).strip()
    # "Special Envoy of the President of [the United States] for the Middle East": whose envoy is the state's
    s = re.sub(r"\s+of the (?:President|Prime Minister|Government)(?: of(?: the)?)?(?=\s+(?:for|to|on)\b)", "", s, flags=re.I)
    s = re.sub(r"\s+of(?: the)?(?=\s+(?:for|to)\b)", "", s, flags=re.I)
    if not s:
        return None
    low = s.lower()
    low = re.sub(r"\bspokes(?:man|woman)\b", "spokesperson", low)
    low = re.sub(r"\bministers\b", "minister", low)
    low = re.sub(r"^((?:\w+ )*?minister) in charge of ", r"\1 of ", low)   # "Minister in charge of X"
    low = re.sub(r"\b(ministry|office|presidency|government)['’]s ", r"\1 ", low)      # "foreign ministry's spokesman"
    low = re.sub(r"\b(vice|deputy|first)-(?=\w)", r"\1 ", low)                          # "Vice-Foreign Minister"
    low = re.sub(r"^federal (?=(?:\w+ )*minister)", "", low)                              # Germany's "Federal Minister for X"
    low = re.sub(r"\bpresidents\b", "president", low)
    if low in aliases:
        return aliases[low]
    # "Armed Forces Deputy Chief of General Staff": a leading body name is not the post
    low = re.sub(r"^(?:(?:armed|land|ground|air|naval|border)\s+)?(?:forces|army|navy|air force)\s+(?=(?:deputy|first|chief|commander|head))", "", low)
    for surf, canon in portfolios:
        m = re.match(rf"^((?:first |deputy |vice |acting |state )*)(?:{re.escape(surf)})\s+minister$", low)
        if m:
            return _title_case(m.group(1)) + f"Minister of {canon}"
        m = re.match(rf"^((?:first |deputy |vice |acting |state )*)minister (?:of|for) (?:the )?(?:{re.escape(surf)})$", low)
        if m:
            return _title_case(m.group(1)) + f"Minister of {canon}"
        # "(?! affairs)": "foreign" must not rewrite the "foreign" of "foreign affairs" again
        low = re.sub(rf"\bministry of (?:the )?{re.escape(surf)}\b(?! affairs)", f"ministry of {canon.lower()}", low)
        low = re.sub(rf"\b{re.escape(surf)} ministry\b", f"ministry of {canon.lower()}", low)
        # Kenya's "Foreign Affairs Cabinet Secretary" is its Minister of Foreign Affairs
        m = re.match(rf"^((?:deputy |acting )*)(?:{re.escape(surf)} cabinet secretary|cabinet secretary (?:of|for) (?:the )?{re.escape(surf)})$", low)
        if m:
            return _title_case(m.group(1)) + f"Minister of {canon}"
        # Mexico's "Economy Secretary", the Philippines' "Secretary of National Defense"
        m = re.match(rf"^((?:deputy |acting |under )*)(?:{re.escape(surf)} secretary|secretary (?:of|for) (?:the )?{re.escape(surf)})$", low)
        if m:
            return _title_case(m.group(1)) + f"Secretary of {canon}"
        m = re.match(rf"^(undersecretary|under-secretary|under secretary|assistant secretary|permanent secretary) (?:of |for )?(?:the )?{re.escape(surf)}$"
                     rf"|^{re.escape(surf)} (undersecretary|under-secretary|under secretary|assistant secretary|permanent secretary)$", low)
        if m:   # the Philippines' "Foreign Affairs Undersecretary"
            return _title_case((m.group(1) or m.group(2)).replace("-", " ").replace("under secretary", "undersecretary")) + f" of {canon}"
    m = re.match(r"^((?:deputy |chief |senior |official )?)(?:(ministry of .+|presidential|president's|government) )?spokesperson(?: (?:of|for) (?:the )?(ministry of .+|president))?$", low)
    if m and (m.group(2) or m.group(3)):
        of = m.group(2) or m.group(3)
        of = "president" if of in ("presidential", "president's") else of
        return _title_case(m.group(1)) + "Spokesperson of the " + _title_case(of).strip()
    m = re.match(r"^((?:national |federal |people's )?(?:assembly|parliament|senate|knesset|duma|majlis|congress)) "
                 r"((?:deputy |vice |first deputy )?(?:chairman|chairwoman|chair|speaker|president))$", low)
    if m:   # "National Assembly Chairman" -> "Chairman of the National Assembly"
        return _title_case(m.group(2)).strip() + " of the " + _title_case(m.group(1)).strip()
    m = re.match(r"^(intelligence|police|army|navy|military|security|defence|defense|air force|border guard) chief$", low)
    if m:   # "Egypt's intelligence chief"
        return "Chief of " + _title_case(m.group(1))
    m = re.match(r"^((?:[a-z]+ ){1,3}?(?:guard|police|army|navy|force|forces|office|council|commission|agency|service))(?: chief)? spokesperson"
                 r"((?: for (?:the )?[a-z]+(?: [a-z]+){0,4})?)$", low)
    if m and not m.group(1).startswith(("deputy ", "chief ", "senior ")):   # "Coast Guard spokesperson [for the West Philippine Sea]"
        return ("Spokesperson of the " + _title_case(m.group(1)).strip() + " " + _title_case(m.group(2)).strip()).strip()
    for a, c in aliases.items():
        if low.endswith(" " + a) and low.split()[0] in ("deputy", "first", "vice", "acting"):
            return _title_case(low[: -len(a)]) + c
    if low in heads and heads[low] != _title_case(low).strip():
        return heads[low]
    low = low.replace("chief of the general staff", "chief of general staff")
    return _title_case(low).strip()


def _title_case(s: str) -> str:
    small = {"of", "for", "the", "to", "and", "on", "in"}
    out = []
    for w in s.split():
        if w in small:
            out.append(w)
        elif w in ("fm", "mfa"):
            out.append(w.upper())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out) + (" " if s.endswith(" ") and out else "")
