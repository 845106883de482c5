"""``indicator-chart ID``: an indicator's values against baseline and target."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ...core import Concept, Diagnostic
from ...core.charts import line_chart
from ...core.formatting import format_date, format_number
from ...core.values import date_bounds
from ..i18n import _, label
from .base import Cell, RenderContext, View, ViewRecord, chart_node, empty_note, register, table


def _x(period: str) -> float:
    """A period as a number on the time axis (mid-period for months)."""
    (year, month, _day), _last = date_bounds(period)
    return year + (month - 1) / 12 if "-" in period else year


class IndicatorChart(View):
    name = "indicator-chart"
    argument = True
    argument_required = True

    def check(self, record: ViewRecord, concept: Concept) -> list[Diagnostic]:
        item = concept.items.get(record.argument)
        if item is None or item.type != "indicator":
            return [
                Diagnostic(
                    record.docname,
                    record.line,
                    "unknown_ref",
                    f"The indicator-chart view names {record.argument!r}, which is not an "
                    "indicator; give the ID of an indicator.",
                )
            ]
        return []

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        indicator = ctx.concept.items.get(record.argument)
        if indicator is None or indicator.type != "indicator":
            return [empty_note(str(_("Unknown indicator %s.")) % record.argument)]
        language = ctx.language
        unit = (
            indicator.options.get("unit") if isinstance(indicator.options.get("unit"), str) else ""
        )
        values = indicator.options.get("values") or []
        baseline = indicator.options.get("baseline")
        target = indicator.options.get("target")
        suffix = f"\u00a0{unit}" if unit else ""

        def fmt(number: float) -> str:
            return format_number(number, language)

        names = (label("Values"), label("Baseline"), label("Target"))

        def point(p: dict[str, float | str]) -> str:
            return f"{format_date(str(p['period']), language)}: {fmt(float(p['value']))}{suffix}"

        sentences = []
        if baseline:
            sentences.append(f"{names[1]} {point(baseline)}")
        if values:
            sentences.append(f"{names[0]}: " + "; ".join(point(p) for p in values))
        if target:
            sentences.append(f"{names[2]} {point(target)}")
        desc = ". ".join(sentences) + "." if sentences else str(_("No values yet."))
        svg = line_chart(
            [(_x(p["period"]), p["value"]) for p in values],
            ctx.unique_id("indicator"),
            f"{indicator.id} {indicator.title}",
            desc,
            baseline=(_x(baseline["period"]), baseline["value"]) if baseline else None,
            target=(_x(target["period"]), target["value"]) if target else None,
            labels=names,
            unit=suffix,
            number=fmt,
        )
        rows: list[list[Cell]] = []
        marked = [(baseline, names[1])] if baseline else []
        marked += [(p, names[0]) for p in values]
        marked += [(target, names[2])] if target else []
        for p, kind in marked:
            rows.append([format_date(p["period"], language), fmt(p["value"]) + suffix, kind])
        heading = nodes.inline()
        heading += ctx.link(record.argument, "both")
        result: list[nodes.Node] = [ctx.heading(heading), chart_node(svg, desc)]
        if rows:
            headers = [str(_("Period")), str(_("Value")), str(_("Kind"))]
            result.append(table(headers, rows, ["konzept-indicator-table"]))
        return result


def setup(app: Sphinx) -> None:
    register(app, IndicatorChart())
