"""Who does what: actors × fields (or × measures), lead and partner roles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..concept import Concept


@dataclass
class Cell:
    lead: int = 0
    partner: int = 0


@dataclass
class Matrix:
    #: Column IDs (fields or measures), in document order.
    columns: list[str]
    #: Actor ID -> column ID -> cell; only actors with at least one mark.
    rows: dict[str, dict[str, Cell]] = field(default_factory=dict)


def actor_matrix(
    concept: Concept, by: str = "fields", fields: Sequence[str] | None = None
) -> Matrix:
    """Count, per actor and column, the measures it leads and takes part in."""
    measures = [
        m
        for m in concept.of_type("measure")
        if m.id and (fields is None or concept.field_of.get(m.id) in fields)
    ]
    if by == "fields":
        used = {concept.field_of.get(m.id) for m in measures if m.id}
        columns = [f.id for f in concept.of_type("field") if f.id in used and f.id is not None]
    else:
        columns = [m.id for m in measures if m.id]
    matrix = Matrix(columns)
    column_set = set(columns)
    for measure in measures:
        assert measure.id is not None
        column = concept.field_of.get(measure.id) if by == "fields" else measure.id
        if column not in column_set:
            continue
        lead = measure.options.get("lead")
        partners = measure.options.get("partners") or []
        for actor, is_lead in [(lead, True)] + [(p, False) for p in partners]:
            if not isinstance(actor, str) or concept.items.get(actor) is None:
                continue
            if concept.items[actor].type != "actor":
                continue
            cell = matrix.rows.setdefault(actor, {}).setdefault(column, Cell())
            if is_lead:
                cell.lead += 1
            else:
                cell.partner += 1
    order = {a.id: n for n, a in enumerate(concept.of_type("actor"))}
    matrix.rows = dict(sorted(matrix.rows.items(), key=lambda kv: order.get(kv[0], 0)))
    return matrix
