"""Printing a field page from the browser (``page.pdf()``) gives readable
pages: every item is there, the navigation is not."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .e2e_support import PAGE_TYPES, Server, visit


def pdf_text(path: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("no pdftotext: install Debian's poppler-utils")
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_field_page_prints_its_items_without_navigation(page: Any, site: Server, tmp_path: Path):
    visit(page, site.page(PAGE_TYPES["field"]))
    items = page.evaluate(
        """() => [...document.querySelectorAll(".konzept-item > .konzept-heading")].map(h =>
            [h.querySelector(".konzept-id").textContent,
             h.querySelector(".konzept-title").textContent.split(/\\s+/).join(" ")])"""
    )
    main = " ".join(page.inner_text("main #main-content, main article").split())
    navigation = {
        " ".join(text.split())
        for text in page.locator(
            ".bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .prev-next-area, "
            ".skip-link, .konzept-footer-links"
        ).all_inner_texts()
        for text in text.split("\n")
    }
    navigation = {text for text in navigation if len(text) > 3 and text not in main}
    pdf = tmp_path / "bildung.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    text = pdf_text(pdf)
    assert len(items) >= 10
    for item_id, title in items:
        assert f"{item_id} {title}" in text, f"{item_id} {title!r} is missing from the printout"
    assert navigation, "found no navigation to look for"
    for label in sorted(navigation):
        assert label not in text, f"the printout shows the navigation: {label!r}"
    for chrome in ("Zum Hauptinhalt springen", "Diese Website durchsuchen", "Auf dieser Seite"):
        assert chrome not in text, chrome
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:.*\(A4\)", pages), pages
    assert "4.3. Schule und Ausbildung" in pages  # the page title names the document
