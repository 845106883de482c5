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

from ..core.export import concept_to_json
from .config import project_release
from .domain import get_domain

logger = logging.getLogger(__name__)

JSON_NAME = "konzept.json"


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages that show an item whose signature changed since the last build."""
    domain = get_domain(env)
    concept = domain.concept
    new = {item_id: concept.signature(item_id) for item_id in concept.items}
    old: dict[str, str] = domain.data["signatures"]
    changed = {i for i in new.keys() | old.keys() if new.get(i) != old.get(i)}
    domain.data["signatures"] = new
    if not changed:
        return []
    return sorted(
        docname
        for docname, shown in domain.dependencies().items()
        if docname in env.found_docs and not shown.isdisjoint(changed)
    )


def report_diagnostics(app: Sphinx, env: BuildEnvironment) -> None:
    for diagnostic in get_domain(env).concept.diagnostics:
        location = (diagnostic.docname, diagnostic.line) if diagnostic.line else diagnostic.docname
        logger.warning(
            diagnostic.message,
            type="konzept",
            subtype=diagnostic.code,
            location=location,
        )


def write_json(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not app.config.konzept_json or app.builder.name == "konzept-check":
        return
    concept = get_domain(app.env).concept
    text = concept_to_json(concept, project_release(app.config))
    path = Path(app.outdir) / JSON_NAME
    if not path.exists() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")


def setup_lifecycle(app: Sphinx) -> None:
    app.connect("env-updated", pages_to_rewrite)
    app.connect("env-check-consistency", report_diagnostics)
    app.connect("build-finished", write_json)
