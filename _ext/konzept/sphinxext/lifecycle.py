"""What konzept does between Sphinx's phases.

- after reading (``env-updated``): work out which unchanged pages show an
  item that changed, so they are re-written too: incremental builds then give
  the same output as fresh ones;
- at the consistency check: report every diagnostic of the concept, sorted,
  on every build that read something (so warnings do not vanish just because
  the page with the problem was not re-read);
- at the end (``build-finished``): write ``konzept.json``.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..core.export import dumps
from ..core.views.coverage import coverage, coverage_diagnostics
from .config import config_location
from .domain import get_domain
from .views.base import view_diagnostics

logger = logging.getLogger(__name__)

JSON_NAME = "konzept.json"


#: Key in the signatures for what all views depend on besides the items.
_VIEWS_KEY = " views"


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages that show an item whose signature changed since the last build.

    Pages with views show any item, so they are re-written when any signature
    changed (or the order of pages); a body text edit changes no signature,
    so it re-writes only its own page.
    """
    domain = get_domain(env)
    concept = domain.concept
    new = concept.signatures()
    new[_VIEWS_KEY] = repr(sorted(domain.document_order().items()))
    old: dict[str, str] = domain.data["signatures"]
    changed = {i for i in new.keys() | old.keys() if new.get(i) != old.get(i)}
    domain.data["signatures"] = new
    if not changed:
        return []
    pages = {
        docname for docname, shown in domain.dependencies().items() if not shown.isdisjoint(changed)
    }
    pages.update(docname for docname, views in domain.data["views"].items() if views)
    return sorted(pages & env.found_docs)


def report_diagnostics(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = get_domain(env)
    concept = domain.concept
    diagnostics = [
        *concept.diagnostics,
        *view_diagnostics(concept, domain.all_views()),
        *coverage_diagnostics(concept),
    ]
    for diagnostic in sorted(diagnostics):
        location = (diagnostic.docname, diagnostic.line) if diagnostic.line else diagnostic.docname
        logger.warning(
            diagnostic.message,
            type="konzept",
            subtype=diagnostic.code,
            location=location,
        )
    minimum = app.config.konzept_coverage_min
    if minimum:
        report = coverage(concept)
        if report.percent_covered < minimum:
            logger.warning(
                "Only %.0f %% of the goals (%d of %d) are served by a measure; "
                "konzept_coverage_min asks for %s %%. Add measures for the goals "
                "the coverage view lists.",
                report.percent_covered,
                report.goals_covered,
                report.goals_total,
                minimum,
                type="konzept",
                subtype="coverage_min",
                location=config_location(app.confdir, "konzept_coverage_min"),
            )
    return []


def write_json(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not app.config.konzept_json or app.builder.name == "konzept-check":
        return
    text = dumps(get_domain(app.env).export_data())
    path = Path(app.outdir) / JSON_NAME
    if not path.exists() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")


def setup_lifecycle(app: Sphinx) -> None:
    app.connect("env-updated", pages_to_rewrite)
    # every build, also one that read nothing, so that -W and konzept check
    # see the problems of pages that were not read again
    app.connect("env-updated", report_diagnostics, priority=900)
    app.connect("build-finished", write_json)
