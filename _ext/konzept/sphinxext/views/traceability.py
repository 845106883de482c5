"""``traceability``: Leitziel → Ziel → Maßnahmen with lead and partners, by field.

:::{traceability}
:fields: BIL, SPR
:status: ongoing, planned
:actor: KI
:year: 2017
:columns: goal, measure, lead, status
:::
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from ...core import Concept, Diagnostic, Item
from ...core.views.common import MeasureFilter
from ...core.views.traceability import Row, traceability
from ..i18n import _, label
from ..render import MetadataRows, period_text, term_label
from .base import (
    Cell,
    RenderContext,
    View,
    ViewRecord,
    bad_view_option,
    choice_list,
    empty_note,
    id_list,
    register,
    table,
    year_value,
)

#: column name -> header label (message id)
COLUMNS = {
    "guiding": "Guiding goal",
    "goal": "Goal",
    "measure": "Measure",
    "lead": "Lead",
    "partners": "Partners",
    "status": "Status",
    "period": "Period",
    "budget": "Budget",
    "funding": "Funding",
}
DEFAULT_COLUMNS = ("guiding", "goal", "measure", "lead", "partners", "status", "period")


class Options:
    """The view's options, parsed; problems collected as diagnostics."""

    def __init__(self, record: ViewRecord, concept: Concept) -> None:
        self.problems: list[Diagnostic] = []
        self.fields, problems = id_list(record, "fields", concept, "field")
        self.problems += problems
        statuses, problems = choice_list(record, "status", concept, "status")
        self.problems += problems
        actors, problems = id_list(record, "actor", concept, "actor")
        self.problems += problems
        year, problems = year_value(record, record.options.get("year", ""), "year")
        self.problems += problems
        self.filter = MeasureFilter(
            statuses=statuses, actor=actors[0] if actors else None, year=year
        )
        self.columns = list(DEFAULT_COLUMNS)
        measure_options = concept.schema.type("measure").option_names
        if record.options.get("columns", "").strip():
            wanted = [c.strip() for c in record.options["columns"].split(",") if c.strip()]
            unknown = [c for c in wanted if c not in COLUMNS and c not in measure_options]
            if unknown:
                self.problems.append(
                    bad_view_option(
                        record,
                        "columns",
                        f"The traceability view has no column {', '.join(map(repr, unknown))}; "
                        f"use {', '.join(COLUMNS)} or an option of measures.",
                    )
                )
            self.columns = [c for c in wanted if c not in unknown] or list(DEFAULT_COLUMNS)


class Traceability(View):
    name = "traceability"
    options: ClassVar = {
        "fields": directives.unchanged,
        "status": directives.unchanged,
        "actor": directives.unchanged,
        "year": directives.unchanged,
        "columns": directives.unchanged,
    }

    def check(self, record: ViewRecord, concept: Concept) -> list[Diagnostic]:
        return Options(record, concept).problems

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        concept = ctx.concept
        opts = Options(record, concept)
        groups = traceability(concept, opts.fields, opts.filter)
        if not groups:
            return [empty_note(str(_("No measures match the filters.")))]
        headers = [_header(concept, c) for c in opts.columns]
        result: list[nodes.Node] = []
        for group in groups:
            result.append(ctx.field_heading(group.field))
            rows = []
            previous: Row | None = None
            for row in group.rows:
                # a goal's title once, then its ID only: every row stays
                # self-contained (for filtering) without repeating long titles
                repeat = previous is not None and previous.goal == row.goal
                rows.append([_cell(ctx, row, c, repeat) for c in opts.columns])
                previous = row
            result.append(table(headers, rows, ["konzept-traceability"]))
        return result


def _header(concept: Concept, column: str) -> str:
    if column in COLUMNS:
        return label(COLUMNS[column])
    spec = concept.schema.type("measure").option(column)
    return label(spec.label) if spec else column


def _cell(ctx: RenderContext, row: Row, column: str, repeat: bool = False) -> Cell:
    concept = ctx.concept
    if column == "guiding":
        return ctx.link(row.guiding, "id") if row.guiding else None
    if column == "goal":
        return ctx.link(row.goal, "id" if repeat else "both")
    if row.measure is None:
        if column == "measure":
            return nodes.emphasis("", str(_("no measure yet")), classes=["konzept-gap"])
        return None
    measure = concept.items[row.measure]
    if column == "measure":
        return ctx.link(row.measure, "both")
    if column == "lead":
        lead = measure.options.get("lead")
        return ctx.link(lead, "title") if isinstance(lead, str) else None
    if column == "partners":
        partners = measure.options.get("partners") or []
        return ctx.links(partners) if partners else None
    if column == "status":
        status = measure.options.get("status")
        if status is None:
            return None
        text = term_label(concept.schema, "status", status)
        return nodes.inline(text, text, classes=["konzept-status", f"konzept-status-{status}"])
    if column == "period":
        return period_text(measure, ctx.language) or None
    return _option_text(ctx, measure, column)


def _option_text(ctx: RenderContext, measure: Item, column: str) -> Cell:
    spec = ctx.concept.schema.type("measure").option(column)
    if spec is None or column not in measure.options:
        return None
    rows = MetadataRows(ctx.concept, measure, ctx.language, ctx.linker)
    rendered = rows.value(spec, measure.options[column])
    if not rendered:
        return None
    first = rendered[0]
    if isinstance(first, nodes.paragraph):
        inline = nodes.inline()
        inline.extend(first.children)
        return inline
    return first


def setup(app: Sphinx) -> None:
    register(app, Traceability())
