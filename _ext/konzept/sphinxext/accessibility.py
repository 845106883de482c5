"""The accessibility statement, the legal links in the footer, and repairs
that make the site meet WCAG 2.1 AA (BITV 2.0) and search well in German.

German public bodies must publish an *Erklärung zur Barrierefreiheit* (BITV
2.0 § 7, in NRW § 10b BGG NRW) reachable from every page. konzept writes it
from ``konzept_accessibility`` in ``conf.py`` as a page of its own (event
``html-collect-pages``, template ``konzept-accessibility.html``) and links it,
with the imprint (``konzept_imprint_url``), from the footer of every page.

The repairs fix what docutils, Sphinx and pydata-sphinx-theme write and a
browser audit (``tests/e2e``) finds; each says why where it is made. They
change the HTML of a page only in the tags named, never its text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import _ as sphinx_gettext
from sphinx.util import logging

from ..core.formatting import format_date
from .config import as_mapping, config_location
from .i18n import _

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "a11y"
STATEMENT_TEMPLATE = "konzept-accessibility.html"
FOOTER_TEMPLATE = "konzept-footer-links.html"
DEFAULT_PAGE = "barrierefreiheit"
STATUSES = ("full", "partial", "none")
PYDATA = "pydata_sphinx_theme"


# -- configuration -----------------------------------------------------------


def statement_config(config: Config) -> Mapping[str, Any]:
    return as_mapping(config.konzept_accessibility)


def statement_page(config: Config) -> str | None:
    """The page name of the statement, or None when none is configured."""
    statement = statement_config(config)
    if not statement:
        return None
    return str(statement.get("page") or DEFAULT_PAGE)


def check_statement(app: Sphinx, config: Config) -> None:
    """Warn about a statement that lacks what BITV asks of it (``config-inited``)."""
    statement = statement_config(config)
    if not statement:
        return
    problems = []
    if statement.get("status") not in STATUSES:
        problems.append(
            "konzept_accessibility needs 'status': one of 'full', 'partial' or 'none' "
            "(how far the site meets WCAG 2.1 AA)."
        )
    if not _valid_date(statement.get("date")):
        problems.append(
            "konzept_accessibility needs 'date': the day the statement was made, as YYYY-MM-DD."
        )
    if statement.get("reviewed") and not _valid_date(statement.get("reviewed")):
        problems.append("konzept_accessibility 'reviewed' must be a date as YYYY-MM-DD.")
    contact = as_mapping(statement.get("contact"))
    if not (contact.get("email") or contact.get("url") or contact.get("phone")):
        problems.append(
            "konzept_accessibility needs 'contact' with an 'email', 'phone' or 'url' "
            "where readers report barriers."
        )
    if not as_mapping(statement.get("enforcement")).get("name"):
        problems.append(
            "konzept_accessibility needs 'enforcement' with the 'name' of the body that "
            "handles complaints (in NRW: the Ombudsstelle für barrierefreie "
            "Informationstechnik)."
        )
    for problem in problems:
        logger.warning(
            problem,
            type="konzept",
            subtype="bad_config",
            location=config_location(app.confdir, "konzept_accessibility"),
        )


def _valid_date(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def adapt_theme(app: Sphinx, config: Config) -> None:
    """Our templates before the theme's; pydata-sphinx-theme's footer and search
    field in the language of the site (``config-inited``)."""
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    if config.html_theme != PYDATA:
        return
    options = dict(config.html_theme_options or {})
    # the theme's defaults for these are English on every site
    options.setdefault("search_bar_text", str(_("Search this site …")))
    options.setdefault("header_dropdown_text", str(_("More")))
    if statement_page(config) or config.konzept_imprint_url:
        footer = options.get("footer_end", ["theme-version"])
        if isinstance(footer, str):
            footer = [name.strip() for name in footer.split(",") if name.strip()]
        if FOOTER_TEMPLATE not in footer:
            footer = [*footer, FOOTER_TEMPLATE]
        options["footer_end"] = footer
    config.html_theme_options = options


# -- the statement page -------------------------------------------------------


def collect_statement(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The statement as an extra page of the site (``html-collect-pages``)."""
    page = statement_page(app.config)
    if page is None or app.builder.format != "html":
        return
    context = statement_context(app.config)
    yield page, {"title": context["title"], "konzept_statement": context}, STATEMENT_TEMPLATE


def statement_context(config: Config) -> dict[str, Any]:
    """Everything the template shows, translated and escaped."""
    statement = statement_config(config)
    language = config.language
    title = str(_("Accessibility statement"))
    scope = str(statement.get("scope") or _("the website “{title}”").format(title=_title(config)))
    body = str(statement.get("body") or config.author or config.project)
    law = str(statement.get("law") or _("the national law implementing Directive (EU) 2016/2102"))
    standard = str(
        statement.get("standard")
        or _("the requirements of WCAG 2.1 level AA (EN 301 549, BITV 2.0)")
    )
    status = statement.get("status", "partial")
    status_text = {
        "full": _("This website is fully compliant with {standard}."),
        "partial": _(
            "This website is partially compliant with {standard} because of the "
            "non-compliances listed below."
        ),
        "none": _("This website is not compliant with {standard}."),
    }.get(status, _("This website is partially compliant with {standard}."))
    limitations = [str(text) for text in statement.get("limitations") or ()]
    prepared = [
        str(_("This statement was prepared on {date}.")).format(
            date=_date(statement.get("date"), language)
        )
    ]
    method = statement.get("method") or _(
        "a self-assessment: automated tests with axe-core (WCAG 2.1 A and AA) in a "
        "browser on every kind of page of this site, and tests with the keyboard"
    )
    prepared.append(str(_("It is based on {method}.")).format(method=method))
    if statement.get("reviewed"):
        prepared.append(
            str(_("It was last reviewed on {date}.")).format(
                date=_date(statement["reviewed"], language)
            )
        )
    return {
        "title": title,
        "intro": [
            str(_("{body} endeavours to make {scope} accessible in accordance with {law}.")).format(
                body=body, scope=scope, law=law
            ),
            str(_("This accessibility statement applies to {scope}.")).format(scope=scope),
        ],
        "status_heading": str(_("Compliance status")),
        "status": str(status_text).format(standard=standard),
        "limitations_heading": str(_("Content that is not accessible")),
        "limitations_intro": str(
            _("The following content is not accessible:")
            if limitations
            else _("No content is known to be inaccessible.")
        ),
        "limitations": limitations,
        "prepared_heading": str(_("Preparation of this statement")),
        "prepared": prepared,
        "contact_heading": str(_("Feedback and contact")),
        "contact_intro": str(
            _(
                "Have you found barriers on this website, or do you need content in an "
                "accessible form? Please contact:"
            )
        ),
        "contact": _address(as_mapping(statement.get("contact"))),
        "enforcement_heading": str(_("Enforcement procedure")),
        "enforcement_intro": str(
            _(
                "If your feedback to the contact above did not lead to a satisfactory "
                "solution, you can turn to:"
            )
        ),
        "enforcement_text": str(as_mapping(statement.get("enforcement")).get("text") or ""),
        "enforcement": _address(as_mapping(statement.get("enforcement"))),
    }


def _title(config: Config) -> str:
    return str(config.html_title or config.project)


def _date(value: Any, language: str | None) -> str:
    return format_date(value, language) if _valid_date(value) else str(value or "")


def _address(entry: Mapping[str, Any]) -> dict[str, Any]:
    """Name, lines of the address, and contact links of a body or person."""
    links = []
    if entry.get("email"):
        links.append((str(_("Email")), f"mailto:{entry['email']}", str(entry["email"])))
    if entry.get("phone"):
        number = re.sub(r"[^\d+]", "", str(entry["phone"]))
        links.append((str(_("Phone")), f"tel:{number}", str(entry["phone"])))
    if entry.get("url"):
        links.append((str(_("Website")), str(entry["url"]), str(entry["url"])))
    address = entry.get("address") or ()
    if isinstance(address, str):
        address = address.splitlines()
    return {
        "name": str(entry.get("name") or ""),
        "organisation": str(entry.get("organisation") or ""),
        "address": [str(line) for line in address],
        "links": links,
    }


# -- footer links -------------------------------------------------------------


def footer_links(
    app: Sphinx, pagename: str, context: dict[str, Any]
) -> list[tuple[str, str, bool]]:
    """(text, address, is this page) of each link in the footer."""
    links = []
    page = statement_page(app.config)
    if page is not None:
        links.append((str(_("Accessibility statement")), context["pathto"](page), page == pagename))
    imprint = str(app.config.konzept_imprint_url or "")
    if imprint:
        if "://" in imprint or imprint.startswith("mailto:"):
            links.append((str(_("Imprint")), imprint, False))
        else:
            links.append((str(_("Imprint")), context["pathto"](imprint), imprint == pagename))
    return links


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Footer links, repaired body and search texts (``html-page-context``)."""
    context["konzept_footer_links"] = footer_links(app, pagename, context)
    context["konzept_footer_label"] = str(_("Legal information"))
    if "body" in context:
        context["body"] = repair_body(str(context["body"]))
    if pagename == "search":
        app.add_js_file(None, body=search_texts_script())


# -- repairs of the HTML docutils and Sphinx write ------------------------------

_TH = re.compile(r'<th class="([^"]*)"')
_BIBLIOENTRY = re.compile(r'(<div class="citation" [^>]*)role="doc-biblioentry"')
_PERMALINK = "Link to this heading"


def repair_body(body: str) -> str:
    """What docutils and Sphinx write, made accessible.

    - Header cells get ``scope``: docutils writes none, and the actor matrix
      has header cells in its first row and its first column.
    - Citations in a bibliography are list items of their list: docutils marks
      them ``doc-biblioentry``, a role ARIA 1.2 deprecated; axe then finds a
      ``list`` whose children are links (aria-required-children).
    - Sphinx's German catalogue has no translation of the permalink's
      title; it would be English on a German page (WCAG 3.1.2).
    """
    body = _TH.sub(_scoped_header, body)
    body = _BIBLIOENTRY.sub(r'\1role="listitem"', body)
    translated = str(sphinx_gettext(_PERMALINK))
    if translated == _PERMALINK:
        ours = str(_("Link to this heading"))
        if ours != _PERMALINK:
            body = body.replace(f'title="{_PERMALINK}"', f'title="{html.escape(ours)}"')
    return body


def _scoped_header(match: re.Match[str]) -> str:
    classes = match.group(1).split()
    scope = "col" if "head" in classes else "row"
    return f'<th scope="{scope}" class="{match.group(1)}"'


def search_texts_script() -> str:
    """The search page's summary in the site's language.

    Sphinx's German ``translations.js`` has an empty translation of the
    summary and a plural rule that returns a boolean, so the summary ("… pages
    found"), which tells a screen reader how the search went, stays empty and
    the page throws an error.
    """
    one = str(_("Search finished: one page found."))
    many = str(_("Search finished: {count} pages found.")).replace("{count}", "${resultCount}")
    key = "Search finished, found one page matching the search query."
    texts = json.dumps({"key": key, "one": one, "many": many}, ensure_ascii=False)
    return (
        "(function () { var D = typeof Documentation === 'undefined' ? null : Documentation;"
        " var t = "
        + texts.replace("<", "\\u003c")
        + "; if (!D) return; var plural = D.PLURAL_EXPR;"
        " D.TRANSLATIONS[t.key] = [t.one, t.many];"
        " D.PLURAL_EXPR = function (n) { return plural ? Number(plural(n)) : Number(n !== 1); };"
        " })();"
    )


# -- search index -------------------------------------------------------------


def fix_search_anchors(app: Sphinx, exception: BaseException | None) -> None:
    """Let a search result for an item link to the item (``build-finished``).

    The domain names items by ID and shows "ID title" (so a word of the title
    finds them). Sphinx then stores an empty anchor, and its search page
    builds the link from the shown name: ``sprache.html#SPR-M4 Sprachcafés…``,
    which scrolls nowhere. Here the anchor is written out.
    """
    builder = app.builder
    if exception is not None or builder.format != "html" or not getattr(builder, "search", False):
        return
    path = Path(app.outdir) / getattr(builder, "searchindex_filename", "searchindex.js")
    try:
        text = path.read_text("utf-8")
        start, end = text.index("(") + 1, text.rindex(")")
        index = json.loads(text[start:end])
    except (OSError, ValueError):
        return
    ours = {int(key) for key, names in index.get("objnames", {}).items() if names[0] == "konzept"}
    changed = False
    for prefix, entries in index.get("objects", {}).items():
        for entry in entries:
            # [document, type, priority, anchor, shown name]; Sphinx splits the
            # shown name at its last "." into prefix and name
            shown = f"{prefix}.{entry[4]}" if prefix else entry[4]
            if entry[1] in ours and entry[3] == "" and " " in shown:
                entry[3] = shown.split(" ", 1)[0]
                changed = True
    if changed:
        data = json.dumps(index, separators=(",", ":"), ensure_ascii=False)
        path.write_text(text[:start] + data + text[end:], "utf-8")


def setup_accessibility(app: Sphinx) -> None:
    app.connect("config-inited", check_statement)
    app.connect("config-inited", adapt_theme)
    app.connect("html-collect-pages", collect_statement)
    app.connect("html-page-context", page_context)
    app.connect("build-finished", fix_search_anchors)
