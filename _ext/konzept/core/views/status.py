"""How far implementation is: measures counted by status per field."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..concept import Concept
from .common import group_by_field

#: Key for measures without a (valid) status.
NO_STATUS = ""


@dataclass(frozen=True)
class StatusRow:
    field: str | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def status_counts(concept: Concept, fields: Sequence[str] | None = None) -> list[StatusRow]:
    measures = (m.id for m in concept.of_type("measure") if m.id)
    rows = []
    for group in group_by_field(concept, measures, fields):
        counts = Counter(
            str(concept.items[m].options.get("status") or NO_STATUS) for m in group.items
        )
        rows.append(StatusRow(group.field, dict(counts)))
    return rows
