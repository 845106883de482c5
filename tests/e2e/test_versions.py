"""The multi-version site (``konzept site``): an older release with its
banner is accessible, and the version switcher works with the keyboard.

These run once the multi-version site is in the repository; until then they
are expected to fail (strict: a pass would be a surprise to report)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .e2e_support import SITE_FEATURE, Requests, Server, assert_accessible, new_page, visit

pytestmark = pytest.mark.xfail(
    not SITE_FEATURE,
    strict=True,
    reason="the multi-version site (releases issue) with older releases of the flagship "
    "is not in the repository yet",
)


def older_release(site: Server) -> str:
    """The folder of a release older than the current one."""
    switcher = site.root / "switcher.json"
    assert switcher.is_file(), "the multi-version site has no switcher.json"
    for entry in json.loads(switcher.read_text("utf-8")):
        folder = entry["url"].strip("/").split("/")[-1] or entry["version"]
        start = site.root / folder / "index.html"
        if start.is_file() and "konzept-version-banner-older" in start.read_text("utf-8"):
            return folder
    raise AssertionError("the multi-version site has no older release with a banner")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_older_release_with_its_banner_has_no_axe_violations(
    browser: Any, requests: Requests, multiversion_site: Server, scheme: str
):
    folder = older_release(multiversion_site)
    page = new_page(browser, requests, color_scheme=scheme)
    for path in ("index.html", "handlungsfelder/bildung.html"):
        if not (multiversion_site.root / folder / path).is_file():
            continue
        visit(page, multiversion_site.page(f"{folder}/{path}"))
        banner = page.locator("aside.konzept-version-banner")
        assert banner.count() == 1 and banner.get_attribute("aria-label"), "no labelled banner"
        assert banner.locator("a").count() >= 1, "the banner does not link the current version"
        assert_accessible(page, f"{folder}/{path}, an older release ({scheme})")
    page.context.close()
    assert not requests.foreign(), requests.foreign()


def test_version_switcher_by_keyboard(page: Any, multiversion_site: Server):
    folder = older_release(multiversion_site)
    visit(page, multiversion_site.page(f"{folder}/index.html"))
    button = ".version-switcher__button"
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", button):
            break
    else:
        raise AssertionError("Tab never reaches the version switcher")
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert label, "the switcher button has no label"
    page.keyboard.press("Enter")
    page.wait_for_selector(".version-switcher__menu a", state="visible")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-expanded')") == "true"
    entries = page.locator(".version-switcher__menu a").all_inner_texts()
    assert len(entries) >= 2, entries
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.closest('.version-switcher__menu') !== null")
    start = page.url
    while page.evaluate("() => document.activeElement.classList.contains('active')"):
        page.keyboard.press("ArrowDown")  # not the version we are reading
    page.keyboard.press("Enter")
    page.wait_for_function("start => location.href !== start", arg=start)
    assert f"/{folder}/" not in page.url
    assert_accessible(page, f"{page.url}, reached with the version switcher")
