"""documents.read_document: headers, HTML main text, PDF text layer, datelines, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from diplograph.documents import clean_text, read_document, slugify
from diplograph.errors import DiplographError
from diplograph.extract import extract

BODY = ("Kenyan President William Ruto arrived in Ankara on 3 March 2024 for an official visit. "
        "He held talks with Turkish President Recep Tayyip Erdogan.")


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_header_is_metadata_and_body_is_text(tmp_path):
    p = write(tmp_path, "My Report (1).txt",
              "source: https://example.org/x\ntitle: Ruto in Ankara\npublished: 2024-03-04\n"
              "publisher: Example News\n\n" + BODY + "\n")
    doc = read_document(p)
    assert doc.doc_id == "my-report-1"
    assert doc.published == "2024-03-04"
    assert doc.title == "Ruto in Ankara" and doc.publisher == "Example News"
    assert doc.text == BODY
    assert "source:" not in doc.text


def test_text_without_header_keeps_everything(tmp_path):
    doc = read_document(write(tmp_path, "plain.txt", BODY))
    assert doc.text == BODY
    assert doc.published is None


def test_unknown_title_is_none_and_month_precision_kept(tmp_path):
    doc = read_document(write(tmp_path, "m.txt", "title: unknown\npublished: 2025-05\n\n" + BODY))
    assert doc.title is None and doc.published == "2025-05"


@pytest.mark.parametrize("line, expected", [
    ("Baku/30.05.23/Turan: Azerbaijani Foreign Minister met his Georgian counterpart.", "2023-05-30"),
    ("MOSCOW, June 23, 2021. /TASS/. Russian President spoke by phone.", "2021-06-23"),
])
def test_dateline_gives_the_publication_date(tmp_path, line, expected):
    assert read_document(write(tmp_path, "d.txt", line + "\n")).published == expected


def test_html_main_text_without_navigation(tmp_path):
    html = """<!doctype html><html><head><title>t</title>
    <meta property="article:published_time" content="2024-03-04T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World news menu</a></nav>
    <header class="site-header">Subscribe now</header>
    <article><h1>Ruto in Ankara</h1><p>Kenyan President William Ruto arrived in Ankara on 3 March 2024
    for an official visit.</p><p>He held talks with Turkish President Recep Tayyip Erdogan.</p></article>
    <footer>Copyright Example</footer><script>var x = 1;</script></body></html>"""
    doc = read_document(write(tmp_path, "page.html", html))
    assert doc.published == "2024-03-04"
    assert "Ruto arrived in Ankara" in doc.text
    for noise in ("World news menu", "Subscribe", "Copyright", "var x"):
        assert noise not in doc.text
    assert doc.media_type == "text/html"


def make_pdf(path: Path, pages: list[list[str]]) -> None:
    """A real PDF with a text layer, written by pypdf (no other PDF writer is installed)."""
    w = PdfWriter()
    for lines in pages:
        page = w.add_blank_page(612, 792)
        font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                 NameObject("/Subtype"): NameObject("/Type1"),
                                 NameObject("/BaseFont"): NameObject("/Helvetica")})
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): w._add_object(font)})})
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = w._add_object(stream)
    with path.open("wb") as fh:
        w.write(fh)


def test_pdf_text_layer_page_numbers_and_footers_removed(tmp_path):
    footer = "Example Commentary - No: 2024 / 5 - March 2024"
    p = tmp_path / "brief.pdf"
    make_pdf(p, [["Kenyan President William Ruto arrived in Ankara on 3 March 2024", "for an official visit.",
                  "", "1", "", footer],
                 ["He held talks with Turkish President Recep Tayyip Erdogan.", "", "2", "", footer],
                 ["Both leaders praised the talks.", "", "3", "", footer]])
    doc = read_document(p)
    assert doc.media_type == "application/pdf"
    assert "Ruto arrived in Ankara" in doc.text and "Recep Tayyip Erdogan" in doc.text
    assert footer not in doc.text
    ex = extract(doc)
    assert {o.name for o in ex.officials} >= {"William Ruto", "Recep Tayyip Erdogan"}


def test_page_break_footer_and_footnote_markers_do_not_break_sentences():
    raw = ("The ministers met in Baku on 3 May 2025 and discussed[1] defence. During the meetings, the two \n\n1\n\n"
           "Example Commentary • No: 2025 / 37 • May \n2025\n\n\n\ncountries discussed cooperation[2].")
    text = clean_text(raw)
    assert "[1]" not in text and "[2]" not in text
    assert "Commentary" not in text and "\n1\n" not in text
    assert "the two \ncountries discussed" in text


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty"),
    ("bin.txt", bytes(range(256)) * 4, "binary"),
    ("latin.txt", "caf\u00e9 d\u00e9j\u00e0".encode("latin-1") + b" text here", "UTF-8"),
    ("nothing.txt", b"12 34 ... !!! 56", "no text"),
    ("broken.pdf", b"%PDF-1.4\n this is not a pdf", "PDF"),
])
def test_bad_input_is_one_line_error(tmp_path, name, data, message):
    with pytest.raises(DiplographError) as e:
        read_document(write(tmp_path, name, data))
    assert message in str(e.value) and "\n" not in str(e.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DiplographError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(DiplographError, match="not a file"):
        read_document(tmp_path)


def test_oversized_file_is_refused_quickly(tmp_path):
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    with pytest.raises(DiplographError, match="too large"):
        read_document(p)


def test_slugify():
    assert slugify("AVIM 2025 / 37") == "avim-2025-37"
    assert slugify("Çağrı Ünal") == "cagri-unal"
    assert slugify("!!!") == "document"
