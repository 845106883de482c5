"""What the browser tests share besides fixtures: axe-core, page types, search."""

from __future__ import annotations

import functools
import re
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"


# -- features other parts of konzept bring -------------------------------------
# A test of a page another feature makes runs as soon as that feature is in
# the repository and fails if the page is then missing.


def in_repository(*patterns: str) -> bool:
    """Whether git tracks a file matching one of the patterns (outside a git
    checkout: whether one exists)."""
    try:
        tracked = subprocess.run(
            ["git", "-C", str(REPO), "ls-files", "--", *patterns],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return any(any(REPO.glob(pattern)) for pattern in patterns)
    return bool(tracked.strip())


#: The change log with its Synopse (releases issue).
CHANGELOG_FEATURE = in_repository("source/aenderungen.md", "_ext/konzept/**/changelog.py")


def flagship_has_releases() -> bool:
    """Whether the flagship names older releases for ``konzept site`` (git
    tags ``konzept-*`` or ``konzept_versions`` in its conf.py)."""
    conf = (REPO / "conf.py").read_text("utf-8")
    if re.search(r"^konzept_versions\s*=", conf, re.MULTILINE):
        return True
    try:
        tags = subprocess.run(
            ["git", "-C", str(REPO), "tag", "--list", "konzept-*"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return False
    return bool(tags.strip())


#: The multi-version site with version switcher and banner, and a flagship
#: with older releases to show in it (releases issue).
SITE_FEATURE = in_repository("_ext/konzept/publish/site.py") and flagship_has_releases()


# -- serving a site on 127.0.0.1 -----------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Server:
    root: Path
    url: str
    _httpd: ThreadingHTTPServer = field(repr=False)

    def page(self, path: str) -> str:
        return self.url + path


def start_server(root: Path) -> Server:
    """Serve ``root`` on 127.0.0.1 on a free port, in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(root, f"http://{LOCAL_HOST}:{httpd.server_address[1]}/", httpd)


def stop_server(server: Server) -> None:
    server._httpd.shutdown()
    server._httpd.server_close()


@dataclass
class Requests:
    """Every URL the browser asked for while a test ran."""

    urls: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [url for url in self.urls if not is_local(url)]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True  # made inside the page, no network
    return parts.hostname == LOCAL_HOST


def new_page(browser: Any, requests: Requests, **options: Any) -> Any:
    options.setdefault("locale", "de-DE")
    context = browser.new_context(**options)
    context.on("request", lambda request: requests.urls.append(request.url))
    return context.new_page()


# -- axe-core -----------------------------------------------------------------------

#: The rules of WCAG 2.1 levels A and AA (axe-core's tags); BITV 2.0 asks for AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@functools.cache
def axe_source() -> str:
    """axe-core as the axe-playwright-python package ships it (read from disk)."""
    from importlib.resources import files

    return (files("axe_playwright_python") / "axe.min.js").read_text("utf-8")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def assert_accessible(page: Any, what: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core (WCAG 2.1 A/AA) on {what}:\n{describe(violations)}"


# -- the pages ----------------------------------------------------------------------

#: One page of each type the flagship has: {type: path below the site root}.
PAGE_TYPES = {
    "start": "index.html",
    "field": "handlungsfelder/bildung.html",
    "overview": "steuerung.html",  # every view: tables, charts, actor matrix
    "bibliography": "literatur.html",
    "search": "search.html?q=Sprachcafé",
    "general-index": "genindex.html",
    "konzept-index": "konzept-index.html",
    "statement": "barrierefreiheit.html",
}
CHANGELOG_PAGE = "aenderungen.html"


def visit(page: Any, url: str) -> None:
    """Open a page and wait until its scripts have done their work."""
    page.goto(url, wait_until="load")
    if "search.html" in url and "q=" in url:
        wait_for_search(page)
    if page.locator("table.konzept-sortable").count():
        page.wait_for_selector("button.konzept-sort", state="attached")
    page.wait_for_function("() => document.documentElement.dataset.theme")


def wait_for_search(page: Any) -> str:
    """Wait until Sphinx's search has finished; its summary."""
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s && s.textContent.trim().length > 0; }",
        timeout=30_000,
    )
    return str(page.locator("#search-results .search-summary").inner_text())


def html_pages(root: Any) -> list[str]:
    """Every page of a built site, as paths below its root (not _static's files)."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not path.relative_to(root).parts[0].startswith("_")
    )
