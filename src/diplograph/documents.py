"""Read a document (plain text with or without header, HTML, PDF) into a `records.Document`.

`Document.text` is the cleaned body: page numbers, running headers/footers and footnote
markers are removed *before* extraction, so every evidence offset indexes `Document.text`
exactly. Publication date comes from the header, the HTML metadata, or a dateline.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.records import Document

MAX_BYTES = 20 * 1024 * 1024   # bigger files are refused: extraction is for articles, not dumps
HEADER_KEYS = ("source", "title", "published", "publisher")
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9


def slugify(stem: str) -> str:
    """File stem -> stable lower-case ASCII id with hyphens."""
    s = unicodedata.normalize("NFKD", stem.replace("ı", "i").replace("İ", "I"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "document"


def read_document(path: Path) -> Document:
    """Read one file; raise DiplographError with a one-line message on bad input."""
    path = Path(path)
    if not path.exists():
        raise DiplographError(f"no such file: {path}")
    if not path.is_file():
        raise DiplographError(f"not a file: {path}")
    size = path.stat().st_size
    if size == 0:
        raise DiplographError(f"empty file: {path}")
    if size > MAX_BYTES:
        raise DiplographError(f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB): {path}")
    data = path.read_bytes()
    suffix = path.suffix.lower()
    doc_id = slugify(path.stem)
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        meta, body, media = _read_pdf(path, data)
    elif suffix in (".html", ".htm", ".xhtml") or _looks_like_html(data):
        meta, body = _read_html(_decode(data, path))
        media = "text/html"
    else:
        meta, body = _split_header(_decode(data, path))
        media = "text/plain"
    body = clean_text(body)
    if not re.search(r"[^\W\d_]{2,}", body):
        raise DiplographError(f"no text to read in {path}")
    published = _norm_published(meta.get("published")) or dateline_date(body, meta)
    return Document(doc_id=doc_id, text=body, source=meta.get("source") or None,
                    title=_none_if_unknown(meta.get("title")), published=published,
                    publisher=meta.get("publisher") or None, path=str(path), media_type=media)


def document_from_text(text: str, doc_id: str = "text", published: str | None = None) -> Document:
    """A Document from a string (tests, benchmarks); same cleaning as files."""
    meta, body = _split_header(text)
    body = clean_text(body)
    pub = published or _norm_published(meta.get("published")) or dateline_date(body, meta)
    return Document(doc_id=doc_id, text=body, source=meta.get("source"),
                    title=_none_if_unknown(meta.get("title")), published=pub,
                    publisher=meta.get("publisher"))


# --------------------------------------------------------------------------- decoding

def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise DiplographError(f"binary file, not a text document: {path}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DiplographError(f"invalid UTF-8 at byte {e.start}: {path}") from None
    ctrl = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if ctrl > 16:
        raise DiplographError(f"binary file, not a text document: {path}")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html")


def _none_if_unknown(v: str | None) -> str | None:
    return None if not v or v.strip().lower() in ("unknown", "none", "n/a") else v.strip()


def _split_header(text: str) -> tuple[dict, str]:
    """`key: value` lines up to the first blank line form the header when they use known keys."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and i < 12:
        m = re.match(r"^(\w+):\s?(.*)$", lines[i])
        if not m or m.group(1).lower() not in HEADER_KEYS:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if meta and (i == len(lines) or not lines[i].strip()):
        return meta, "\n".join(lines[i + 1:])
    return {}, text


def _norm_published(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip()
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", v)
    if m:
        y, mo, d = m.groups()
        try:
            dt.date(int(y), int(mo or 1), int(d or 1))
        except ValueError:
            return None
        return "-".join(x for x in (y, mo, d) if x)
    try:
        from dateutil import parser as dparser
        return dparser.parse(v, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, ImportError):
        return None


# --------------------------------------------------------------------------- HTML

_NAV_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
             "iframe", "svg", "button", "figure")
_NAV_CLASS = re.compile(r"nav|menu|footer|header|sidebar|share|social|cookie|related|comment|breadcrumb|subscribe|advert", re.I)


def _read_html(text: str) -> tuple[dict, str]:
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(text, "lxml")
    meta: dict[str, str] = {}
    for key, attrs in (("published", ("article:published_time", "datePublished", "date", "pubdate",
                                      "publish-date", "dc.date", "DC.date.issued")),
                       ("title", ("og:title",)), ("publisher", ("og:site_name",)),
                       ("source", ("og:url",))):
        for a in attrs:
            tag = soup.find("meta", attrs={"property": a}) or soup.find("meta", attrs={"name": a}) \
                or soup.find("meta", attrs={"itemprop": a})
            if tag and tag.get("content"):
                meta[key] = tag["content"].strip()
                break
    if "published" not in meta:
        t = soup.find("time", attrs={"datetime": True})
        if t:
            meta["published"] = t["datetime"]
    if "title" not in meta and soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    for tag in soup(_NAV_TAGS):
        tag.decompose()
    for tag in soup.find_all(True, attrs={"class": _NAV_CLASS}):
        if tag.name not in ("body", "html", "article", "main"):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = []
    for el in root.find_all(["h1", "h2", "h3", "p", "li", "blockquote", "pre"]):
        if el.find(["p", "li"]):
            continue
        s = " ".join(el.get_text(" ", strip=True).split())
        if s:
            blocks.append(s)
    if not blocks:
        blocks = [" ".join(root.get_text(" ", strip=True).split())]
    return meta, "\n\n".join(blocks)


# --------------------------------------------------------------------------- PDF

def _read_pdf(path: Path, data: bytes) -> tuple[dict, str, str]:
    import io
    import logging
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(p.extract_text() or "") for p in reader.pages[:500]]
        info = reader.metadata or {}
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise DiplographError(f"unreadable PDF ({type(e).__name__}): {path}") from None
    meta: dict[str, str] = {}
    if getattr(info, "title", None):
        meta["title"] = str(info.title)
    cdate = getattr(info, "creation_date", None)
    if cdate:
        meta["published"] = cdate.date().isoformat()
    body = "\n\f\n".join(pages)  # form feed marks the page break for clean_text
    if not body.strip():
        raise DiplographError(f"PDF has no text layer: {path}")
    return meta, body, "application/pdf"


# --------------------------------------------------------------------------- cleaning

_FOOTNOTE = re.compile(r"(?<=[\w.,;:”’\"')])\[\d{1,3}\]")
_PAGE_NO = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)


def clean_text(body: str) -> str:
    """Remove footnote markers, page numbers and running headers/footers; keep line structure."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    body = body.replace("\u00ad", "")
    body = _FOOTNOTE.sub("", body)
    lines = body.split("\n")
    # Running headers/footers: short lines repeated on several pages, or lines next to a page
    # number inside a blank-line block (a page break).
    short = Counter(l.strip() for l in lines if 0 < len(l.strip()) < 80)
    drop = set()
    for i, line in enumerate(lines):
        s = line.strip()
        if s == "\f" or _PAGE_NO.match(s) and _isolated(lines, i):
            drop.add(i)
            drop.update(_footer_block(lines, i))
        elif s and short[s] >= 3 and not re.search(r"[.!?:”\"]$", s) and len(s.split()) <= 10:
            drop.add(i)
    if drop:
        out = []
        for i, line in enumerate(lines):
            if i in drop:
                continue
            out.append(line.replace("\f", ""))
        body = "\n".join(out)
        # a page break inside a paragraph leaves "words \n\n\n\nwords": join it again
        body = re.sub(r"(?<=[a-z,;])[ \t]*\n(?:[ \t]*\n)+(?=[ \t]*[a-z])", " \n", body)
    body = body.replace("\f", "\n")
    body = re.sub(r"\n{3,}", "\n\n", body)
    return body.strip()


def _isolated(lines: list[str], i: int) -> bool:
    """A number alone on its line, with blank lines (or the text edge) around it."""
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before or after


def _footer_block(lines: list[str], i: int) -> set[int]:
    """Short non-sentence lines within two blank-separated blocks of a page number."""
    out: set[int] = set()
    for direction in (1, -1):
        j, blocks = i + direction, 0
        while 0 <= j < len(lines) and blocks < 2:
            s = lines[j].strip()
            if not s:
                if j - direction >= 0 and lines[j - direction].strip():
                    blocks += 1
                j += direction
                continue
            if len(s) < 70 and (re.search(r"[•|©]|\b(?:No|Vol|Issue)\b[.:]?\s*\d|^\d{4}$", s)
                                or _PAGE_NO.match(s)):
                out.add(j)
                j += direction
                continue
            break
    return out


# --------------------------------------------------------------------------- datelines

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"


def dateline_date(body: str, meta: dict | None = None) -> str | None:
    """Publication date from a dateline at the top: 'Baku/30.05.23/Turan:', 'MOSCOW, June 23. /TASS/.'."""
    head = body[:400]
    m = re.search(r"(?m)^\s*[A-Z][\w .'-]{1,40}/\s*(\d{1,2})\.(\d{1,2})\.(\d{2,4})\s*/", head)
    if m:
        d, mo, y = (int(x) for x in m.groups())
        y = y + 2000 if y < 100 else y
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            pass
    m = re.search(r"(?m)^\s*[A-Z][A-Z .'-]{1,40},\s*" + _MON + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?",
                  head, re.I)
    if m:
        mo = MONTHS[m.group("mon").lower()[:3] if m.group("mon").lower()[:4] != "sept" else "sep"]
        year = int(m.group("year")) if m.group("year") else None
        if year is None:
            # year from the header period, else from the text, else unknown
            y = re.search(r"\b(19|20)\d{2}\b", (meta or {}).get("source", "") + " " + body[:2000])
            if not y:
                return None
            year = int(y.group(0))
        try:
            return dt.date(year, mo, int(m.group("day"))).isoformat()
        except ValueError:
            return None
    return None
