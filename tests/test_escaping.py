"""Nothing from the input reaches the HTML unescaped (SPEC §9)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import konzept_json


def unsafe_markup(html_text: str) -> list[str]:
    """Scripts and event handlers the input could have smuggled in."""
    page = BeautifulSoup(html_text, "html.parser")
    found = []
    for script in page.find_all("script"):
        if not script.get("src") and "alert(" in script.get_text():
            found.append(str(script)[:80])
    for tag in page.find_all(True):
        for attribute, value in tag.attrs.items():
            if attribute.startswith("on"):
                found.append(f"<{tag.name} {attribute}>")
            if attribute in ("href", "src") and str(value).strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{tag.name} {attribute}={value}>")
    for tag in ("img", "svg"):
        for element in page.find_all(tag):
            if element.get("src") == "x" or element.get("onload"):
                found.append(str(element)[:80])
    return found


@pytest.mark.sphinx("html", testroot="xss", freshenv=True)
def test_payloads_in_titles_options_and_config_are_escaped(app):
    app.build()
    pages = sorted(app.outdir.glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text("utf-8")
        assert unsafe_markup(text) == [], page.name
    index = (app.outdir / "index.html").read_text("utf-8")
    # the payloads are shown as text, not dropped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "&lt;img src=x onerror=alert(7)&gt;" in index


@pytest.mark.sphinx("html", testroot="xss", freshenv=True)
def test_payloads_survive_in_the_json_as_plain_text(app):
    app.build()
    data = konzept_json(app)
    assert data["items"]["M1"]["title"] == "<img src=x onerror=alert(7)>"
    assert data["items"]["M1"]["invalid"]["budget"] == "<script>alert(11)</script> EUR"
    assert data["release"]["title"].startswith('"><script>')
    # and the JSON itself is valid, whatever the input
    json.dumps(data)
