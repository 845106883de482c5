"""Keyboard only: the skip link, a sortable and filterable table, a header
that is a link and can still be sorted, and the search dialog."""

from __future__ import annotations

from typing import Any

from .e2e_support import PAGE_TYPES, Server, visit

FOCUSED = """() => { const e = document.activeElement; return e ? {
    tag: e.tagName.toLowerCase(), cls: e.className, text: e.textContent.trim().slice(0, 80),
    label: e.getAttribute("aria-label"), outline: getComputedStyle(e).outlineStyle,
    width: getComputedStyle(e).outlineWidth } : null; }"""


def tab_until(page: Any, selector: str, limit: int = 2000) -> int:
    """Press Tab until the focus is on an element matching ``selector``."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def column(page: Any, table: str, index: int) -> list[str]:
    return list(
        page.evaluate(
            """([table, index]) => [...document.querySelector(table).tBodies[0].rows]
                .filter(row => !row.hidden)
                .map(row => row.cells[index].textContent.trim())""",
            [table, index],
        )
    )


def is_sorted(page: Any, values: list[str], descending: bool = False) -> bool:
    return bool(
        page.evaluate(
            """([values, descending]) => {
                const c = new Intl.Collator("de", {numeric: true, sensitivity: "base"});
                const filled = values.filter(v => v && v !== "–");
                return filled.every((v, i) => i === 0 ||
                    (descending ? c.compare(filled[i - 1], v) >= 0
                                : c.compare(filled[i - 1], v) <= 0));
            }""",
            [values, descending],
        )
    )


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(page: Any, site: Server):
    visit(page, site.page(PAGE_TYPES["field"]))
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] == "a" and focused["text"] == "Zum Hauptinhalt springen", focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")


def test_sortable_table_by_keyboard(page: Any, site: Server):
    visit(page, site.page(PAGE_TYPES["overview"]))
    presses = tab_until(page, "table.konzept-sortable button.konzept-sort")
    focused = page.evaluate(FOCUSED)
    assert focused["label"].startswith("Sortieren nach "), focused
    assert focused["outline"] != "none" and focused["width"] != "0px", "no visible focus"
    table_id = page.evaluate(
        """() => { const t = document.activeElement.closest("table");
            t.id = t.id || "konzept-under-test"; return "#" + t.id; }"""
    )
    header = page.evaluate(
        """() => { const th = document.activeElement.closest("th");
            return [th.cellIndex, th.getAttribute("aria-sort")]; }"""
    )
    index, before = header
    assert before is None
    page.keyboard.press("Enter")
    state = page.evaluate("() => document.activeElement.closest('th').getAttribute('aria-sort')")
    assert state == "ascending"
    assert is_sorted(page, column(page, table_id, index))
    page.keyboard.press("Enter")  # the focus stayed on the button
    state = page.evaluate("() => document.activeElement.closest('th').getAttribute('aria-sort')")
    assert state == "descending"
    assert is_sorted(page, column(page, table_id, index), descending=True)
    assert presses < 2000

    # back to the filter field above the table; type, and the count is announced
    page.keyboard.press("Shift+Tab")
    while not page.evaluate("() => document.activeElement.matches('.konzept-filter input')"):
        page.keyboard.press("Shift+Tab")
    label = page.evaluate(
        "() => document.querySelector(`label[for='${document.activeElement.id}']`).textContent"
    )
    assert label == "Tabelle filtern"
    rows = len(column(page, table_id, 0))
    word = column(page, table_id, 0)[0].split()[-1]
    page.keyboard.type(word)
    shown = column(page, table_id, 0)
    assert (0 < len(shown) <= rows and all(word.lower() in row.lower() for row in shown)) or shown
    status = page.evaluate(
        """() => { const s = document.activeElement.closest(".konzept-filter")
            .querySelector(".konzept-filter-status");
            return [s.textContent, s.getAttribute("aria-live") || s.getAttribute("role")]; }"""
    )
    visible = page.evaluate(
        f"() => [...document.querySelector('{table_id}').tBodies[0].rows]"
        ".filter(r => !r.hidden).length"
    )
    assert status[0] == f"{visible} von {rows} Zeilen", status
    assert status[1] in ("polite", "status"), "the count is not announced"


def test_header_that_is_a_link_can_be_sorted_by_keyboard(page: Any, site: Server):
    # from the page's table of contents to the section: Tab goes on from there
    visit(page, site.page(PAGE_TYPES["overview"] + "#wer-macht-was"))
    tab_until(page, "table.konzept-matrix thead a", limit=10)
    link = page.evaluate(FOCUSED)["text"]
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] == "button" and focused["label"] == f"Sortieren nach {link}", focused
    page.keyboard.press("Enter")
    assert (
        page.evaluate("() => document.activeElement.closest('th').getAttribute('aria-sort')")
        == "ascending"
    )


def test_search_by_keyboard(page: Any, site: Server):
    visit(page, site.page(PAGE_TYPES["start"]))
    page.keyboard.press("Control+k")
    page.wait_for_function("() => document.activeElement.matches('input[name=q]')")
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert label == "Diese Website durchsuchen …"
    page.keyboard.type("Sprachcafé")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_selector("#search-results a[href*='#SPR-M4']")
    page.keyboard.press("Escape")
