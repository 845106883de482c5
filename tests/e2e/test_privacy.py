"""Privacy: the site loads nothing from another host. Every request the
browser makes while reading every page, searching and switching colours
goes to 127.0.0.1; no page or stylesheet names another host for a font, a
script, an image or a frame."""

from __future__ import annotations

import re
from typing import Any

from .e2e_support import LOCAL_HOST, PAGE_TYPES, Requests, Server, html_pages, visit

#: Attributes that make a browser load something (links to follow are not).
LOADING = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|object|track)\b[^>]*?\s(?:src|data|srcset)"
    r"=\"([^\"]+)\"|<link\b(?=[^>]*\brel=\"(?:stylesheet|preload|icon|modulepreload|prefetch"
    r"|preconnect|dns-prefetch|manifest)\")[^>]*\bhref=\"([^\"]+)\"",
    re.IGNORECASE,
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^)'\"]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)


def remote(url: str) -> bool:
    return url.startswith(("http:", "https:", "//"))


def test_every_request_goes_to_localhost(page: Any, requests: Requests, site: Server):
    for path in html_pages(site.root):
        visit(page, site.page(path))
    visit(page, site.page(PAGE_TYPES["search"]))
    visit(page, site.page(PAGE_TYPES["overview"]))
    page.locator("button.konzept-sort").first.click()
    page.keyboard.press("Control+k")  # the search dialog
    page.keyboard.press("Escape")
    page.locator(".theme-switch-button").first.click()  # the colour menu
    page.wait_for_timeout(200)
    assert len(requests.urls) > len(html_pages(site.root))
    assert all(url.startswith(site.url) or url.startswith("data:") for url in requests.urls), (
        f"requests to other hosts than {LOCAL_HOST}: {requests.foreign()}"
    )


def test_no_page_or_stylesheet_loads_from_another_host(site: Server):
    found = []
    for path in html_pages(site.root):
        text = (site.root / path).read_text("utf-8")
        for match in LOADING.finditer(text):
            url = match.group(1) or match.group(2)
            if remote(url):
                found.append(f"{path}: {url}")
    for sheet in (site.root / "_static").rglob("*.css"):
        for match in CSS_URL.finditer(sheet.read_text("utf-8", errors="replace")):
            url = match.group(1) or match.group(2)
            if remote(url):
                found.append(f"{sheet.relative_to(site.root)}: {url}")
    assert not found, "loaded from another host:\n" + "\n".join(found)
