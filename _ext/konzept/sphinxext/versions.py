"""A page of the multi-version site: version switcher and banner.

Active only when ``konzept site`` builds a release: it passes the list of all
versions as the config value ``konzept_site`` (JSON). Then every page gets

- pydata-sphinx-theme's version switcher in the header, fed with the list
  of versions as a ``data:`` URL whose links are relative to that page: the
  switcher works from any path on any host and from ``file://`` (a browser
  fetches no JSON file, which it would refuse there);
- on an older release a banner naming the current one, on a draft (or a
  submitted version) newer than the one in force a banner saying so: an
  ``<aside>`` with a label, in the language of the concept, above the header.
  It is rendered on the server, so it needs no script and is printed too.
"""

from __future__ import annotations

import base64
import functools
import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging

from .assets import STATIC, hashed_name
from .i18n import _

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "site"
STYLESHEET = "konzept-versions.css"
SWITCHER = "version-switcher"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteVersion:
    name: str
    label: str
    status: str
    title: str
    path: str  # relative to the site root, e.g. "2016/"


@dataclass(frozen=True)
class SiteInfo:
    """The site as seen from one build: its own version and all the others."""

    version: str
    latest: str
    latest_path: str  # the start page of latest/, relative to the site root
    versions: tuple[SiteVersion, ...]  # newest first

    def position(self, name: str) -> int:
        return next(i for i, version in enumerate(self.versions) if version.name == name)

    def get(self, name: str) -> SiteVersion:
        return self.versions[self.position(name)]


@functools.cache
def parse_site(text: str) -> SiteInfo:
    try:
        data = json.loads(text)
        versions = tuple(
            SiteVersion(
                name=str(v["name"]),
                label=str(v["label"]),
                status=str(v["status"]),
                title=str(v["title"]),
                path=str(v["path"]),
            )
            for v in data["versions"]
        )
        site = SiteInfo(
            version=str(data["version"]),
            latest=str(data["latest"]),
            latest_path=str(data["latest_path"]),
            versions=versions,
        )
        site.get(site.version)
        site.get(site.latest)
    except (ValueError, KeyError, TypeError, StopIteration) as error:
        raise ConfigError(
            f"konzept_site is set by 'konzept site' and cannot be read ({error}); "
            "remove it from conf.py and the command line"
        ) from None
    return site


def site_of(config: Config) -> SiteInfo | None:
    text = config.konzept_site
    return parse_site(text) if text else None


# -- the banner ----------------------------------------------------------------


def banner(site: SiteInfo, root: str) -> str:
    """The banner's HTML for this build's version, or '' for the version in force."""
    this, latest = site.get(site.version), site.get(site.latest)
    if this.name == latest.name and this.status == "adopted":
        return ""
    version = html.escape(this.name)
    link = f'<a href="{html.escape(root + site.latest_path)}">{html.escape(latest.name)}</a>'
    if site.position(this.name) > site.position(latest.name):
        kind = "older"
        sentences = [
            _("You are viewing an older version ({version}).").format(version=version),
            _("Current version: {link}").format(link=link),
        ]
    else:
        kind = "draft"
        if this.status == "submitted":
            first = _("This version ({version}) has been submitted and is not adopted yet.")
        else:
            first = _("Draft: this version ({version}) is not adopted yet.")
        sentences = [first.format(version=version)]
        if this.name != latest.name:
            sentences.append(_("Version in force: {link}").format(link=link))
    label = html.escape(_("About this version"))
    return (
        f'<aside class="konzept-version-banner konzept-version-banner-{kind}" '
        f'aria-label="{label}">\n'
        f'<p class="konzept-version-banner-text">{" ".join(sentences)}</p>\n'
        "</aside>\n"
    )


# -- the switcher --------------------------------------------------------------


def switcher_url(site: SiteInfo, root: str) -> str:
    """switcher.json for this page as a data: URL, its links relative to the page."""
    entries = [
        {
            "name": version.label,
            "version": version.name,
            "url": root + version.path,
            "preferred": version.name == site.latest,
        }
        for version in site.versions
    ]
    payload = json.dumps(entries, ensure_ascii=False).encode("utf-8")
    return "data:application/json;base64," + base64.b64encode(payload).decode("ascii")


def with_switcher(items: Any) -> list[str]:
    names = [t.strip() for t in items.split(",")] if isinstance(items, str) else list(items or [])
    names = [name for name in names if name]
    return names if SWITCHER in names else [SWITCHER, *names]


# -- Sphinx events -------------------------------------------------------------


def activate(app: Sphinx, config: Config) -> None:
    if site_of(config) is None:
        return
    for folder in config.templates_path:
        own = Path(app.confdir, folder, "layout.html")
        if own.is_file():
            logger.warning(
                "%s hides the version banner of the site; add "
                "'{{ konzept_version_banner }}' to its block docs_navbar",
                own,
                type="konzept",
                subtype="site",
            )
    # our layout.html adds the banner above pydata-sphinx-theme's header
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def add_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html" and site_of(app.config) is not None:
        app.add_css_file(hashed_name(STYLESHEET))


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    site = site_of(app.config)
    if site is None or app.builder.format != "html":
        return
    # from this page up to the site root: content_root is "./" or "../../" …
    root = str(context.get("content_root") or "./").removeprefix("./") + "../"
    text = banner(site, root)
    if "theme_switcher" in context:  # pydata-sphinx-theme, or a theme built on it
        context["theme_switcher"] = {
            "json_url": switcher_url(site, root),
            "version_match": site.version,
        }
        context["theme_navbar_end"] = with_switcher(context.get("theme_navbar_end"))
        context["konzept_version_banner"] = Markup(text)
    elif text:  # another theme: no switcher; the banner opens the page's body
        context["body"] = Markup(text) + Markup(context.get("body", ""))


def copy_stylesheet(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html" or site_of(app.config) is None:
        return
    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    (target / hashed_name(STYLESHEET)).write_bytes((STATIC / STYLESHEET).read_bytes())


def setup_versions(app: Sphinx) -> None:
    app.add_config_value(
        "konzept_site",
        "",
        "html",
        str,
        description="Set by 'konzept site' for each release it builds (JSON); not for conf.py.",
    )
    app.connect("config-inited", activate)
    app.connect("builder-inited", add_stylesheet)
    # before pydata-sphinx-theme (priority 500) reads the switcher and the navbar
    app.connect("html-page-context", page_context, priority=400)
    app.connect("build-finished", copy_stylesheet)
