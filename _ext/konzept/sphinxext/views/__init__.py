"""Views: directives that render tables and charts from all items.

:mod:`.base` is the machinery (directive, placeholder, late rendering,
checks); each other module is one view and registers itself.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (
    actor_matrix,
    annual_plan,
    base,
    changelog,
    coverage,
    decisions,
    indicator_chart,
    status_overview,
    traceability,
)

VIEW_MODULES = (
    traceability,
    coverage,
    actor_matrix,
    annual_plan,
    status_overview,
    indicator_chart,
    decisions,
    changelog,
)


def setup_views(app: Sphinx) -> None:
    base.setup_base(app)
    for module in VIEW_MODULES:
        module.setup(app)
