"""``decisions``: the Beratungsfolge (decision path) of the release."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ...core.formatting import format_date
from ...core.schema import DECISION_KIND, DECISION_RESULT
from ..i18n import _, label
from .base import Cell, RenderContext, View, ViewRecord, empty_note, register, table


class Decisions(View):
    name = "decisions"

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        decisions = ctx.release.decisions
        if not decisions:
            return [empty_note(str(_("No decision path is recorded for this release.")))]
        rows: list[list[Cell]] = []
        for decision in decisions:
            kind = DECISION_KIND.term(decision.kind)
            result = DECISION_RESULT.term(decision.result) if decision.result else None
            rows.append(
                [
                    decision.body,
                    format_date(decision.date, ctx.language) if decision.date else None,
                    label(kind.label) if kind else decision.kind,
                    label(result.label) if result else decision.result,
                    decision.document,
                ]
            )
        headers = [
            str(_("Body")),
            str(_("Date")),
            label("Kind"),
            str(_("Result")),
            str(_("Document")),
        ]
        return [table(headers, rows, ["konzept-decisions"])]


def setup(app: Sphinx) -> None:
    register(app, Decisions())
