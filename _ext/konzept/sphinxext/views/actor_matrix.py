"""``actor-matrix``: actors × fields (or × measures), lead and partner marked.

Marks are letters with an explanation (``<abbr>``) and a legend, never colour
alone: F = federführend (lead), B = beteiligt (partner) in German.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from ...core import Concept, Diagnostic
from ...core.views.matrix import Cell as MatrixCell
from ...core.views.matrix import actor_matrix
from ..i18n import _, label
from .base import (
    Cell,
    RenderContext,
    View,
    ViewRecord,
    bad_view_option,
    empty_note,
    id_list,
    register,
    table,
)

BY = ("fields", "measures")


class ActorMatrix(View):
    name = "actor-matrix"
    options: ClassVar = {"by": directives.unchanged, "fields": directives.unchanged}

    def check(self, record: ViewRecord, concept: Concept) -> list[Diagnostic]:
        problems = id_list(record, "fields", concept, "field")[1]
        by = record.options.get("by", "fields").strip() or "fields"
        if by not in BY:
            problems.append(
                bad_view_option(
                    record,
                    "by",
                    f"The actor-matrix view's ':by:' is {by!r}; use fields or measures.",
                )
            )
        return problems

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        by = record.options.get("by", "fields").strip() or "fields"
        by = by if by in BY else "fields"
        fields = id_list(record, "fields", ctx.concept, "field")[0]
        matrix = actor_matrix(ctx.concept, by, fields)
        if not matrix.rows:
            return [empty_note(str(_("No actor leads or takes part in a measure here.")))]
        lead, partner = str(_("L")), str(_("P"))
        lead_text, partner_text = str(_("lead")), str(_("partner"))
        legend = nodes.paragraph(classes=["konzept-legend"])
        legend += nodes.abbreviation(lead, lead, explanation=lead_text)
        legend += nodes.Text(f" = {lead_text}, ")
        legend += nodes.abbreviation(partner, partner, explanation=partner_text)
        legend += nodes.Text(f" = {partner_text}")
        show = "id"
        headers = [label("Actor"), *matrix.columns]
        rows: list[list[Cell]] = []
        for actor, cells in matrix.rows.items():
            row: list[Cell] = [ctx.link(actor, "title")]
            for column in matrix.columns:
                row.append(_mark(cells.get(column), lead, partner, lead_text, partner_text))
            rows.append(row)
        tbl = table(headers, rows, ["konzept-matrix"], stub=True)
        _link_headers(ctx, tbl, matrix.columns, show)
        return [legend, tbl]


def _mark(
    cell: MatrixCell | None, lead: str, partner: str, lead_text: str, partner_text: str
) -> Cell:
    if cell is None:
        return None
    mark = nodes.inline(classes=["konzept-mark"])
    parts = []
    if cell.lead:
        parts.append((lead, lead_text, cell.lead, "konzept-mark-lead"))
    if cell.partner:
        parts.append((partner, partner_text, cell.partner, "konzept-mark-partner"))
    for n, (letter, explanation, count, cls) in enumerate(parts):
        if n:
            mark += nodes.Text(" ")
        mark += nodes.abbreviation(letter, letter, explanation=explanation, classes=[cls])
        if count > 1:
            mark += nodes.Text(f"\u00a0{count}")
    return mark


def _link_headers(ctx: RenderContext, tbl: nodes.table, columns: list[str], show: str) -> None:
    """Column headers are links to the field or measure (ID shown, title as tooltip)."""
    head = next(iter(tbl.findall(nodes.thead)))
    entries = list(head.findall(nodes.entry))[1:]
    for entry, column in zip(entries, columns, strict=True):
        entry.children = []
        entry += nodes.paragraph("", "", ctx.link(column, show))


def setup(app: Sphinx) -> None:
    register(app, ActorMatrix())
