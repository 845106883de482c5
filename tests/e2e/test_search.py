"""German search in the browser finds a measure by a word of its title and by
its ID, says how it went, and its result leads to the item itself."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from .e2e_support import Server, visit, wait_for_search


@pytest.mark.parametrize(
    ("query", "item", "page_name"),
    [
        ("Sprachcafé", "SPR-M4", "sprache.html"),  # a word of the title, singular
        ("Sprachcafés", "SPR-M4", "sprache.html"),  # as it stands in the title
        ("BIL-M3", "BIL-M3", "bildung.html"),  # the ID
        ("bil-m3", "BIL-M3", "bildung.html"),
    ],
)
def test_search_finds_the_measure(page: Any, site: Server, query: str, item: str, page_name: str):
    visit(page, site.page(f"search.html?q={quote(query)}"))
    summary = wait_for_search(page)
    assert summary.startswith("Suche abgeschlossen:"), summary
    results = page.locator("#search-results ul.search > li > a")
    first = results.first
    assert first.inner_text().startswith(f"{item} "), results.all_inner_texts()[:5]
    href = first.get_attribute("href")
    assert href.endswith(f"{page_name}#{item}"), href
    first.click()
    page.wait_for_url(f"**/{page_name}#{item}")
    assert page.locator(f"[id='{item}']").is_visible()
    top = page.evaluate(f"() => document.getElementById('{item}').getBoundingClientRect().top")
    assert 0 <= top < 400, "the page did not scroll to the item"


def test_search_without_hits_says_so_in_german(page: Any, site: Server):
    visit(page, site.page("search.html?q=Quetzalcoatl"))
    summary = wait_for_search(page)
    assert "Quetzalcoatl" not in summary
    assert page.locator("#search-results ul.search > li").count() == 0
    assert page.evaluate("document.documentElement.lang") == "de"
