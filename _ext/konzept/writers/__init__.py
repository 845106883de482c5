"""Output formats Sphinx lacks: the PDF brochure, made with Typst.

:mod:`.builder` assembles the whole concept into one doctree and compiles it;
:mod:`.translator` turns docutils nodes into Typst markup; :mod:`.typst_syntax`
is the one place that escapes text for Typst. The layout is
``templates/brochure.typ``; the fonts (Source Sans 3, OFL) are in ``fonts/``.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def setup_writers(app: Sphinx) -> None:
    from .builder import PdfBuilder

    app.add_config_value(
        "konzept_pdf_filename",
        "",
        "",
        str,
        description="Name of the PDF (without .pdf); default: the project's name as a slug.",
    )
    app.add_config_value(
        "konzept_pdf_standards",
        ["ua-1"],
        "",
        list,
        description="PDF standards Typst should meet (e.g. 'ua-1', 'a-2a'); [] for none.",
    )
    app.add_config_value(
        "konzept_pdf_toc_depth",
        2,
        "",
        int,
        description="Heading levels in the PDF's table of contents.",
    )
    app.add_builder(PdfBuilder)
