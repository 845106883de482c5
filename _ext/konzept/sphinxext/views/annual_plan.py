"""``annual-plan YEAR``: the Jahresplan (Arbeitsplanung) of one year."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ...core import Concept, Diagnostic
from ...core.views.annual_plan import annual_plan
from ..i18n import _, label
from ..render import period_text, term_label
from .base import Cell, RenderContext, View, ViewRecord, empty_note, register, table, year_value


class AnnualPlan(View):
    name = "annual-plan"
    argument = True
    argument_required = True

    def check(self, record: ViewRecord, concept: Concept) -> list[Diagnostic]:
        return year_value(record, record.argument, None)[1]

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        year, _problems = year_value(record, record.argument, None)
        if year is None:
            return [empty_note(str(_("No year given.")))]
        groups = annual_plan(ctx.concept, year)
        if not groups:
            return [empty_note(str(_("No measures are planned or running in %s.")) % year)]
        headers = [label("Measure"), label("Lead"), label("Status"), label("Period")]
        result: list[nodes.Node] = []
        count = sum(len(g.items) for g in groups)
        result.append(
            nodes.paragraph(
                "",
                str(_("%(count)d measures are planned or running in %(year)s."))
                % {"count": count, "year": year},
            )
        )
        for group in groups:
            result.append(ctx.field_heading(group.field))
            rows: list[list[Cell]] = []
            for measure_id in group.items:
                measure = ctx.concept.items[measure_id]
                lead = measure.options.get("lead")
                status = measure.options.get("status")
                status_cell: Cell = None
                if status is not None:
                    text = term_label(ctx.concept.schema, "status", status)
                    status_cell = nodes.inline(
                        text, text, classes=["konzept-status", f"konzept-status-{status}"]
                    )
                rows.append(
                    [
                        ctx.link(measure_id, "both"),
                        ctx.link(lead, "title") if isinstance(lead, str) else None,
                        status_cell,
                        period_text(measure, ctx.language) or None,
                    ]
                )
            result.append(table(headers, rows, ["konzept-annual-plan"]))
        return result


def setup(app: Sphinx) -> None:
    register(app, AnnualPlan())
