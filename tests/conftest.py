"""Shared fixtures: Sphinx test projects live in tests/roots/test-<name>/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOTS = Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def warnings_of(app: Any) -> list[str]:
    """The warning lines of a build, one per warning."""
    return [
        line
        for line in app._warning.getvalue().splitlines()
        if "WARNING" in line or "ERROR" in line
    ]


def konzept_json(app: Any) -> dict[str, Any]:
    return json.loads((Path(app.outdir) / "konzept.json").read_text("utf-8"))


def html(app: Any, docname: str = "index") -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text("utf-8")


def soup(app: Any, docname: str = "index") -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html(app, docname), "html.parser")


def item_block(page: Any, anchor: str) -> Any:
    block = page.find(id=anchor)
    assert block is not None, f"no element with id {anchor!r}"
    return block


def meta(block: Any) -> dict[str, str]:
    """An item's metadata as {label: text}."""
    result = {}
    dl = block.find("dl", class_="konzept-meta")
    if dl is None:
        return result
    for dt in dl.find_all("dt", recursive=False):
        dd = dt.find_next_sibling("dd")
        name = dt.get_text(" ", strip=True).rstrip(":").strip()
        result[name] = " ".join(dd.get_text(" ", strip=True).split())
    return result
