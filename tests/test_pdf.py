"""The PDF brochure (``konzept pdf``), read back as a reader would read it.

Text comes from poppler's ``pdftotext``/``pdfinfo`` (what a person copying
from a PDF viewer gets), structure from pypdf, a page image from
``pdftoppm``. The fixture projects are ``tests/roots/test-pdf`` (German,
every kind of node) and ``tests/roots/test-pdf-escape`` (English, Typst
injection payloads everywhere); the flagship is built too.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from konzept.writers.builder import slug
from konzept.writers.typst_syntax import length, markup, string

REPO = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(
            f"{tool} is missing: the PDF tests read the brochure with poppler; "
            "install it with 'apt-get install poppler-utils' (Debian/Ubuntu) "
            "or 'brew install poppler' (macOS)."
        )
    result = subprocess.run([tool, *args], capture_output=True, text=True, check=True)
    return result.stdout


@dataclass
class Built:
    pdf: Path
    stderr: str

    @cached_property
    def text(self) -> str:
        return poppler("pdftotext", "-enc", "UTF-8", str(self.pdf), "-")

    @cached_property
    def layout(self) -> str:
        """The text as laid out (table rows and field lists keep their rows)."""
        return poppler("pdftotext", "-layout", "-enc", "UTF-8", str(self.pdf), "-")

    def page_text(self, page: int, *options: str) -> str:
        return poppler(
            "pdftotext",
            *options,
            "-enc",
            "UTF-8",
            "-f",
            str(page),
            "-l",
            str(page),
            str(self.pdf),
            "-",
        )

    @cached_property
    def flat(self) -> str:
        """The text on one line: hyphenated words joined, whitespace single."""
        joined = re.sub("\xad\\s*", "", self.text)
        return " ".join(joined.split())

    @cached_property
    def info(self) -> dict[str, str]:
        lines = poppler("pdfinfo", "-enc", "UTF-8", str(self.pdf)).splitlines()
        return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(self.pdf)

    @property
    def pages(self) -> int:
        return int(self.info["Pages"])


def build(source: Path, target: Path, *extra: str) -> Built:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("_build"))
    result = subprocess.run(
        [sys.executable, "-m", "konzept.cli", "pdf", str(target), "-q", "-E", *extra],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    pdfs = list((target / "_build" / "pdf").glob("*.pdf"))
    assert len(pdfs) == 1, pdfs
    return Built(pdfs[0], result.stderr)


@pytest.fixture(scope="module")
def fixture_pdf(tmp_path_factory) -> Built:
    return build(ROOTS / "test-pdf", tmp_path_factory.mktemp("pdf") / "project")


@pytest.fixture(scope="module")
def escape_pdf(tmp_path_factory) -> Built:
    return build(ROOTS / "test-pdf-escape", tmp_path_factory.mktemp("escape") / "project")


@pytest.fixture(scope="module")
def flagship_pdf(tmp_path_factory) -> Built:
    target = tmp_path_factory.mktemp("flagship") / "project"
    target.mkdir()
    shutil.copy(REPO / "conf.py", target / "conf.py")
    for folder in ("source", "releases"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    built = subprocess.run(
        [sys.executable, "-m", "konzept.cli", "pdf", str(target), "-q", "-E"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stderr
    return Built(next((target / "_build" / "pdf").glob("*.pdf")), built.stderr)


# -- the fixture: everything a brochure shows -----------------------------------

FIXTURE_HEADINGS = [
    "Leitziel LZ-1 Chancengleichheit in Bildung und Arbeit",
    "Handlungsfeld BIL Schule und Ausbildung",
    "Ziel BIL-Z1 Alle Kinder erreichen einen Schulabschluss",
    "Maßnahme BIL-M1 Seiteneinstiegsberatung",
    "Maßnahme BIL-M2 Sprachcafés in allen Kommunen",
    "Akteur KI Kommunales Integrationszentrum",
    "Akteur AWO Arbeiterwohlfahrt Kreisverband",
    "Indikator K-ABS Anteil Schulabschlüsse",
]


def test_every_item_is_in_the_pdf_in_document_order(fixture_pdf):
    positions = []
    for heading in FIXTURE_HEADINGS:
        assert heading in fixture_pdf.flat, heading
        positions.append(fixture_pdf.flat.index(heading))
    assert positions == sorted(positions)


def test_ids_copied_from_the_pdf_read_as_typed(fixture_pdf, flagship_pdf):
    for built in (fixture_pdf, flagship_pdf):
        # not broken across lines, no soft or non-breaking hyphen inside
        assert re.search(r"\bBIL-M1\b", built.text)
        assert not re.search("BIL[\xad\u2010\u2011\u2060]", built.text)
        assert not re.search("BIL-\n", built.text)


def test_metadata_title_language_and_tags(fixture_pdf):
    assert fixture_pdf.info["Title"] == "Integrationskonzept Kreis Testland 2016"
    assert fixture_pdf.info["Author"] == "Kreis Testland, Kommunales Integrationszentrum"
    assert fixture_pdf.info["Tagged"] == "yes"
    assert fixture_pdf.info["Page size"].endswith("(A4)")
    root = fixture_pdf.reader.trailer["/Root"]
    assert root["/Lang"] == "de"
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]


def test_the_pdf_claims_pdf_ua_1(fixture_pdf):
    xmp = fixture_pdf.reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", xmp), xmp[:2000]
    assert "does not meet" not in fixture_pdf.stderr


def test_page_count_is_plausible(fixture_pdf, flagship_pdf):
    # title, imprint, contents, three chapters with a table over two pages
    assert 7 <= fixture_pdf.pages <= 15
    # the flagship: nearly 300 items, views and a bibliography
    assert 80 <= flagship_pdf.pages <= 400


def test_title_page_has_release_and_beratungsfolge(fixture_pdf):
    page = " ".join(fixture_pdf.page_text(1).split())
    assert "Integrationskonzept Kreis Testland 2016" in page
    assert "Kreis Testland, Kommunales Integrationszentrum" in page
    assert "Fassung 2016" in page
    assert "BESCHLOSSEN" in page
    assert "Stand: 11.04.2016" in page
    assert "Beratungsfolge" in page
    for cell in ("Sozialausschuss", "11.05.2016", "Vorberatung", "Kreistag", "Beschluss"):
        assert cell in page
    assert "ungeändert beschlossen" in page
    assert "Vorlage 50/020/2016" in page


def test_table_of_contents_and_bookmarks(fixture_pdf):
    contents = fixture_pdf.page_text(3)
    assert "\nInhalt\n" in contents
    for entry in ("1 Handlungsfelder", "1.1 Bildung", "2 Gestaltung", "2.5 Lange Tabelle"):
        assert entry in contents
    assert re.search(r"2\.5 Lange Tabelle[ .]*\u2060?(\d+)", contents)
    bookmarks = [b.title for b in fixture_pdf.reader.outline if not isinstance(b, list)]
    assert bookmarks == ["1 Handlungsfelder", "2 Gestaltung", "3 Literatur"]


def test_running_header_and_localised_page_numbers(fixture_pdf, escape_pdf):
    page = fixture_pdf.page_text(4)
    assert "Integrationskonzept Kreis Testland 2016" in page
    assert "Fassung 2016 · beschlossen" in page
    assert f"Seite 4 von {fixture_pdf.pages}" in page
    assert "Seite" not in fixture_pdf.page_text(1)  # the title page has neither
    assert f"Page 3 of {escape_pdf.pages}" in escape_pdf.page_text(3)


def test_german_hyphenation_and_quotation_marks(fixture_pdf, flagship_pdf):
    for built in (fixture_pdf, flagship_pdf):
        hyphenated = re.findall(r"\w[\xad-]\n[a-zäöüß]", built.text)
        assert len(hyphenated) >= 2, "no word is hyphenated at a line end"
    assert "„Integration durch Bildung“" in flagship_pdf.flat


def test_long_table_repeats_its_header_on_the_next_page(fixture_pdf):
    pages = [
        n for n in range(1, fixture_pdf.pages + 1) if "Gemeinde 01" in fixture_pdf.page_text(n)
    ]
    assert len(pages) == 1
    header = re.compile(r"Kommune\s+Einwohnerzahl\s+Anteil in %")
    assert header.search(fixture_pdf.page_text(pages[0], "-layout"))
    following = fixture_pdf.page_text(pages[0] + 1, "-layout")
    assert "Gemeinde 60" in following
    assert header.search(following.split("Gemeinde")[0])


def test_nodes_of_every_kind_render(fixture_pdf):
    text = fixture_pdf.flat
    for expected in (
        "Bemerkung Alle Zahlen sind fiktiv.",  # note, with Sphinx's German label
        "Warnung Die Förderung endet 2018.",
        "Eigener Titel Ein Hinweis mit eigenem Titel.",
        "Beratung Die Seiteneinstiegsberatung",  # a sphinx-design card
        "Sprache (S. 7) Sprachcafés in allen Kommunen.",  # a card that links
        "Das Logo des Kommunalen Integrationszentrums",  # a figure caption
        "Seiteneinsteiger Kinder und Jugendliche",  # a definition list
        "konzept pdf .",  # a code block
        "Kooperationsvereinbarung vom 1. März 2015.",  # a footnote
        "Landtag Nordrhein-Westfalen. Teilhabe- und integrationsgesetz nrw. 2021.",
        "[MSW und MAIS NRW, 2012]",  # a citation (author-year)
    ):
        assert expected in text, expected
    # item metadata: a label and its value on one line
    assert re.search(r"Federführung\s+Kommunales Integrationszentrum", fixture_pdf.layout)
    assert re.search(r"Budget\s+142\.000,00 €", fixture_pdf.layout)


def test_cross_references_are_links_with_page_numbers(fixture_pdf):
    # the goal is on page 4; the reference to it from page 7 says so
    assert re.search(
        r"BIL-Z1 Alle Kinder erreichen einen Schulabschluss \(S\. 4\)", fixture_pdf.flat
    )
    # the page a reference names is the page the contents give for its target
    toc = re.search(r"2\.5 Lange Tabelle[ .]*\u2060?(\d+)", fixture_pdf.page_text(3))
    assert toc is not None
    assert f"(siehe Lange Tabelle (S. {toc[1]}))" in fixture_pdf.flat
    internal = 0
    for page in fixture_pdf.reader.pages:
        for annotation in page.get("/Annots") or ():
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and (
                "/Dest" in annotation or annotation.get("/A", {}).get("/S") == "/GoTo"
            ):
                internal += 1
    assert internal >= 10


def test_synopsis_has_two_columns_old_and_new(fixture_pdf):
    layout = fixture_pdf.layout
    assert re.search(r"Fassung 2011\s{4,}Fassung 2016", layout)
    assert re.search(r"BIL-M1 Seiteneinstiegsberatung im Schulamt\s{4,}BIL-M1 Seiten", layout)
    assert re.search(r"BIL-M9 Hausaufgabenhilfe\s{4,}–", layout)
    assert re.search(r"Federführung: Schulamt\s{4,}Federführung: KI", layout)
    assert re.search(r"–\s{4,}BIL-M2 Sprachcafés in allen Kommunen", layout)
    # the two columns are halves of the text width (the long row fills it)
    header = next(line for line in layout.splitlines() if "Fassung 2011" in line)
    full = next(line for line in layout.splitlines() if "im Schulamt" in line).rstrip()
    left, right = header.index("Fassung 2011"), header.index("Fassung 2016")
    assert 0.4 < (right - left) / (len(full) - left) < 0.6


def _structure(node, found):
    node = node.get_object()
    if isinstance(node, dict):
        if node.get("/S") is not None:
            found.append((str(node["/S"]), node.get("/Alt")))
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object"):
                    _structure(kid, found)
    return found


def test_tagged_structure_has_headings_tables_and_alt_texts(fixture_pdf):
    tags = _structure(fixture_pdf.reader.trailer["/Root"]["/StructTreeRoot"], [])
    kinds = {kind for kind, _alt in tags}
    assert {"/H1", "/H2", "/H3", "/Table", "/L", "/Figure"} <= kinds
    alts = {str(alt) for kind, alt in tags if kind == "/Figure"}
    assert "Balkendiagramm: Anteil der Schulabschlüsse steigt von 81,5 auf 84,1 Prozent" in alts
    assert "Das Logo des Kommunalen Integrationszentrums" in alts


def test_unknown_node_gives_located_warning_and_its_text(fixture_pdf):
    warnings = [line for line in fixture_pdf.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, warnings
    assert re.search(r"gestaltung\.md:\d+: WARNING: .*'mystery'.*\[konzept\.pdf\]", warnings[0])
    assert "Geheimnisvoller Inhalt bleibt lesbar." in fixture_pdf.flat


def _png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and 8-bit pixels (first channel) of a PNG made by ``pdftoppm``."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + size
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    assert depth == 8, "expected 8 bits a channel"
    stride = width * channels
    raw = zlib.decompress(b"".join(chunks))
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                row[x] = (row[x] + best) & 0xFF
        rows.append(bytes(row[::channels]))  # the first channel is grey enough
        previous = row
    return width, height, b"".join(rows)


def test_a_page_rendered_to_png_is_not_blank(fixture_pdf, tmp_path):
    poppler(
        "pdftoppm",
        "-png",
        "-r",
        "40",
        "-f",
        "4",
        "-l",
        "4",
        str(fixture_pdf.pdf),
        str(tmp_path / "page"),
    )
    (png,) = tmp_path.glob("page*.png")
    width, height, pixels = _png_pixels(png)
    assert width < height  # portrait A4
    ink = sum(1 for p in pixels if p < 128)
    assert ink > 0.01 * width * height, f"only {ink} dark pixels: the page looks blank"
    assert sum(1 for p in pixels if p > 250) > 0.5 * width * height  # and it is not all black


# -- escaping -------------------------------------------------------------------

PAYLOAD = (
    '#import "evil.typ": * and *bold* and _under_ and $x^2$ and ] [ \\ <lbl> @ref // no comment'
)


def test_typst_injection_payloads_come_out_literally(escape_pdf):
    assert escape_pdf.info["Title"] == PAYLOAD
    # in running text, straight quotes become the language's quotation marks
    typeset = PAYLOAD.replace('"evil.typ"', "“evil.typ”")
    assert typeset in escape_pdf.flat or PAYLOAD in escape_pdf.flat
    for literal in (
        "Version v1 #pagebreak()",
        "Payloads #set page(fill: red)",
        "Field of action ESC #import “evil.typ”: * field",
        "Text with #strong[code] and real emphasis and *stars*, $dollars$, ",
        "#pagebreak() and #let x = 1 and ] closing",
        "] closing and [ opening, a backslash \\ and a label <here> and a reference @here, "
        "// not a comment, /* nor this */,",
        "Goal ESC-Z1 A goal with $math$ and *stars* in its title",
        "Measure ESC-M1 Measure #{1 + 1} with ]] and \\ in the title",
        "Actor ACT Actor “quoted” & <tagged>",
    ):
        assert literal in escape_pdf.flat, literal
    assert escape_pdf.pages == 3  # no page break was injected


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(" abcXYZ019#*_$[]()\\<>@=-+/~`.:;,!?{}%&^|"), max_size=40))
def test_markup_escaping_shows_exactly_the_text(tmp_path_factory, text):
    import typst

    text = " ".join(text.split())
    source = f"#set page(width: 40cm, height: 3cm)\n#set text(hyphenate: false)\nX{markup(text)}X\n"
    pdf = tmp_path_factory.mktemp("markup") / "t.pdf"
    typst.compile(source.encode(), output=str(pdf))
    shown = poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-").strip()
    assert " ".join(shown.split()) == f"X{text}X"


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=60))
def test_string_escaping_round_trips(text):
    import json

    import typst

    value = typst.query(f"#metadata({string(text)})<v>".encode(), "<v>", field="value", one=True)
    # control characters other than tab and line breaks are dropped
    expected = "".join(c for c in text if c in "\t\n\r" or not (ord(c) < 32 or ord(c) == 127))
    assert json.loads(value) == expected


def test_lengths_and_file_names():
    assert length("50%") == "50%"
    assert length("200px") == "150pt"
    assert length("3cm") == "3cm"
    assert length("120") == "90pt"
    assert length("auto") is None
    assert length("50%", relative_to_width=False) is None
    assert slug("Integrationskonzept Kreis Musterland") == "integrationskonzept-kreis-musterland"
    assert slug("Größe & Übergänge") == "groesse-uebergaenge"


# -- the flagship ---------------------------------------------------------------


def test_flagship_pdf(flagship_pdf):
    assert "konzept.pdf" not in flagship_pdf.stderr  # no unknown node, PDF/UA-1 met
    assert flagship_pdf.info["Title"].startswith("Integrationskonzept Kreis Musterland")
    assert flagship_pdf.reader.trailer["/Root"]["/Lang"] == "de"
    first = " ".join(flagship_pdf.page_text(1).split())
    assert "Beratungsfolge" in first and "Kreistag" in first
    assert "ENTWURF" in first
    assert "\nInhalt\n" in flagship_pdf.page_text(3)
    # every measure of the concept is in the brochure
    for measure_id in ("BIL-M1", "SPR-M1", "ARB-M1", "VER-M1"):
        assert re.search(rf"Maßnahme {measure_id} ", flagship_pdf.flat), measure_id
