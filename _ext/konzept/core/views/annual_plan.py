"""The Jahresplan (Arbeitsplanung) of one year: measures active in it, by field."""

from __future__ import annotations

from ..concept import Concept
from .common import Group, active_in, group_by_field


def annual_plan(concept: Concept, year: int) -> list[Group]:
    """Measures whose period overlaps ``year`` (not dropped or deferred), by field."""
    active = (m.id for m in concept.of_type("measure") if m.id and active_in(m, year))
    return group_by_field(concept, active)
