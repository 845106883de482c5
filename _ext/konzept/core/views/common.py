"""Helpers the views share: periods, filters, grouping by field."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..concept import Concept
from ..model import Item
from ..values import date_bounds

#: Statuses of measures that are not carried out in any year.
INACTIVE = frozenset({"dropped", "deferred"})


def active_in(item: Item, year: int) -> bool:
    """Whether a measure's period overlaps ``year``.

    A missing start means "already running", a missing end "open-ended";
    dropped and deferred measures are active in no year.
    """
    if item.options.get("status") in INACTIVE:
        return False
    start, end = item.options.get("start"), item.options.get("end")
    if isinstance(start, str) and date_bounds(start)[0][0] > year:
        return False
    return not (isinstance(end, str) and date_bounds(end)[1][0] < year)


def involves(item: Item, actor: str) -> bool:
    partners = item.options.get("partners")
    return item.options.get("lead") == actor or (isinstance(partners, list) and actor in partners)


@dataclass(frozen=True)
class MeasureFilter:
    """The filters a view offers; ``None`` means "no filter"."""

    statuses: frozenset[str] | None = None
    actor: str | None = None
    year: int | None = None

    @property
    def active(self) -> bool:
        return self.statuses is not None or self.actor is not None or self.year is not None

    def accepts(self, measure: Item) -> bool:
        if self.statuses is not None and measure.options.get("status") not in self.statuses:
            return False
        if self.actor is not None and not involves(measure, self.actor):
            return False
        return self.year is None or active_in(measure, self.year)


@dataclass(frozen=True)
class Group:
    """Items of one field (``field`` is ``None`` for items without one)."""

    field: str | None
    items: tuple[str, ...]


def group_by_field(
    concept: Concept, item_ids: Iterable[str], fields: Sequence[str] | None = None
) -> list[Group]:
    """Items by their field: fields in document order, items without one last."""
    buckets: dict[str | None, list[str]] = {}
    for item_id in item_ids:
        field = concept.field_of.get(item_id)
        if fields is not None and field not in fields:
            continue
        buckets.setdefault(field, []).append(item_id)
    order = [f.id for f in concept.of_type("field") if f.id is not None]
    groups = [Group(f, tuple(buckets[f])) for f in order if f in buckets]
    if None in buckets:
        groups.append(Group(None, tuple(buckets[None])))
    return groups


def measures_of(concept: Concept, goal_id: str) -> list[str]:
    return [m for m in concept.linked_from(goal_id, "goals") if concept.items[m].type == "measure"]
