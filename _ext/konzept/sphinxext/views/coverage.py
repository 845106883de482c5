"""``coverage``: the gaps of the concept, as lists (also build warnings)."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ...core.schema import N_
from ...core.views.coverage import coverage
from ..i18n import _, label
from .base import RenderContext, View, ViewRecord, register

#: (attribute of Coverage, heading message id)
SECTIONS = (
    ("goals_without_measure", N_("Goals without measures")),
    ("guiding_without_measure", N_("Guiding goals without measures")),
    ("measures_without_goal", N_("Measures without goals")),
    ("measures_without_lead", N_("Measures without lead")),
    ("actors_without_measure", N_("Actors without measures")),
    ("indicators_without_goal", N_("Indicators without goals")),
)


class Coverage(View):
    name = "coverage"

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        report = coverage(ctx.concept)
        summary = str(
            _("%(covered)d of %(total)d goals (%(percent)s %%) are served by at least one measure.")
        ) % {
            "covered": report.goals_covered,
            "total": report.goals_total,
            "percent": f"{report.percent_covered:.0f}",
        }
        result: list[nodes.Node] = [
            nodes.paragraph("", summary, classes=["konzept-coverage-summary"])
        ]
        if report.complete:
            result.append(nodes.paragraph("", str(_("No gaps: every item is connected."))))
            return result
        for attribute, title in SECTIONS:
            ids: tuple[str, ...] = getattr(report, attribute)
            if not ids:
                continue
            result.append(ctx.heading(f"{label(title)} ({len(ids)})"))
            bullets = nodes.bullet_list(classes=["konzept-coverage-list"])
            for item_id in ids:
                bullets += nodes.list_item("", nodes.paragraph("", "", ctx.link(item_id, "both")))
            result.append(bullets)
        return result


def setup(app: Sphinx) -> None:
    register(app, Coverage())
