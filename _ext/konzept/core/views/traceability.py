"""Leitziel → Ziel → Maßnahmen, grouped by field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..concept import Concept
from .common import MeasureFilter, measures_of


@dataclass(frozen=True)
class Row:
    guiding: str | None
    goal: str
    #: ``None`` for a goal no (matching) measure serves.
    measure: str | None


@dataclass(frozen=True)
class FieldRows:
    field: str | None
    rows: tuple[Row, ...]


def traceability(
    concept: Concept,
    fields: Sequence[str] | None = None,
    measure_filter: MeasureFilter | None = None,
) -> list[FieldRows]:
    """One row per (goal, measure): a measure serving two goals appears twice.

    Without measure filters a goal no measure serves gets a row of its own,
    so gaps stay visible; with filters only goals with matching measures show.
    """
    measure_filter = measure_filter or MeasureFilter()
    by_field: dict[str | None, list[Row]] = {}
    for goal in concept.of_type("goal"):
        if goal.id is None or goal.options.get("level") == "guiding":
            continue
        field = concept.field_of.get(goal.id)
        if fields is not None and field not in fields:
            continue
        parent = goal.options.get("parent")
        guiding = parent if isinstance(parent, str) and parent in concept.items else None
        measures = [
            m for m in measures_of(concept, goal.id) if measure_filter.accepts(concept.items[m])
        ]
        rows = by_field.setdefault(field, [])
        if measures:
            rows.extend(Row(guiding, goal.id, m) for m in measures)
        elif not measure_filter.active:
            rows.append(Row(guiding, goal.id, None))
    order = [f.id for f in concept.of_type("field") if f.id is not None]
    result = [FieldRows(f, tuple(by_field[f])) for f in order if by_field.get(f)]
    if by_field.get(None):
        result.append(FieldRows(None, tuple(by_field[None])))
    return result
