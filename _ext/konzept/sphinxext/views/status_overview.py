"""``status-overview``: measures counted by status per field, table and chart."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from ...core import Concept, Diagnostic
from ...core.charts import Bar, Segment, stacked_bars
from ...core.formatting import format_number
from ...core.views.status import NO_STATUS, status_counts
from ..i18n import _, label
from ..render import term_label
from .base import (
    Cell,
    RenderContext,
    View,
    ViewRecord,
    chart_node,
    empty_note,
    id_list,
    register,
    table,
)


class StatusOverview(View):
    name = "status-overview"
    options: ClassVar = {"fields": directives.unchanged}

    def check(self, record: ViewRecord, concept: Concept) -> list[Diagnostic]:
        return id_list(record, "fields", concept, "field")[1]

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        concept = ctx.concept
        fields = id_list(record, "fields", concept, "field")[0]
        rows = status_counts(concept, fields)
        if not rows:
            return [empty_note(str(_("There are no measures yet.")))]
        statuses = list(concept.schema.vocabulary("status").values)
        if any(NO_STATUS in r.counts for r in rows):
            statuses.append(NO_STATUS)
        names = [
            term_label(concept.schema, "status", s) if s != NO_STATUS else str(_("no status"))
            for s in statuses
        ]

        def field_name(field: str | None) -> str:
            item = concept.items.get(field) if field else None
            return item.title if item else str(_("Without field of action"))

        total = [sum(r.counts.get(s, 0) for r in rows) for s in statuses]
        bars = [
            Bar(
                field_name(r.field),
                tuple(Segment(n, r.counts.get(s, 0)) for s, n in zip(statuses, names, strict=True)),
            )
            for r in rows
        ]
        all_measures = sum(total)
        parts = ", ".join(
            f"{count} {name}" for count, name in zip(total, names, strict=True) if count
        )
        desc = str(
            _("Bar chart of %(count)d measures by status and field of action: %(parts)s.")
        ) % {
            "count": all_measures,
            "parts": parts,
        }
        title = str(_("Measures by status and field of action"))
        svg = stacked_bars(bars, names, ctx.unique_id("status"), title, desc)
        table_rows: list[list[Cell]] = []
        for r in rows:
            field_cell: Cell = (
                ctx.link(r.field, "title") if r.field else str(_("Without field of action"))
            )
            table_rows.append(
                [
                    field_cell,
                    *[_count(r.counts.get(s, 0), ctx) for s in statuses],
                    _count(r.total, ctx),
                ]
            )
        table_rows.append(
            [
                nodes.strong("", str(_("Total"))),
                *[_count(t, ctx) for t in total],
                _count(all_measures, ctx),
            ]
        )
        headers = [label("Field of action"), *names, str(_("Total"))]
        return [
            chart_node(svg, desc),
            table(headers, table_rows, ["konzept-status-table"], stub=True),
        ]


def _count(value: int, ctx: RenderContext) -> str:
    return format_number(value, ctx.language)


def setup(app: Sphinx) -> None:
    register(app, StatusOverview())
