"""What changed between two releases of a concept.

Items are matched by ID. The ``replaces`` option records lineage across
releases: one item renamed to another ID, several merged into one, one split
into several (and, rarely, several regrouped into several). Every item of
either release falls in exactly one class:

- **added**: only in the new release, no lineage;
- **removed**: only in the old release, no lineage;
- **lineage**: in a renamed/merged/split/regrouped relation (on either side);
- **changed**: in both, with different content, or *suspect* (below);
- **unchanged**: in both, the same content.

Content is everything ``konzept.json`` says of an item except where it
stands (document, line, anchor) and its ``replaces`` (that is the lineage):
moving an unchanged item to another page is no change. A change is
**moved** when the resolved field of action or the parent goal changed. A
measure is **suspect** (to review) when one of its goals was reworded (title
or text) or renamed, merged or split while the measure itself did not change
(beyond following its goal's new ID): does it still serve the goal? It is
listed among the changes, possibly without changed fields.

The diff is symmetric: ``diff(b, a)`` is ``diff(a, b)`` mirrored (added and
removed swapped, old and new swapped, merged and split swapped). For that,
``replaces`` is read in the later release (by the release dates), whichever
side it is on; without dates, on both sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from .snapshot import Snapshot, natural_key
from .textdiff import word_diff

LineageKind = Literal["renamed", "merged", "split", "regrouped"]
ItemStatus = Literal["added", "removed", "changed", "suspect", "lineage", "unchanged"]

#: Where an item stands is not what it says.
LOCATION_KEYS = frozenset({"docname", "line", "anchor"})
#: Keys that are never compared as fields.
IGNORED_KEYS = LOCATION_KEYS | {"id", "replaces"}
#: Fields whose changes are shown word by word.
TEXT_FIELDS = frozenset({"title", "text"})
#: Fields that place an item: a change of one of them moves it.
PLACE_FIELDS = frozenset({"field", "parent"})
#: Fields of a measure that change along with its goals without the measure
#: itself being edited (its first goal gives the field of action).
_FOLLOWS_GOALS = frozenset({"goals", "field"})
_FIRST = ("title", "text", "type", "field", "parent", "level", "goals")
MIRROR: Mapping[LineageKind, LineageKind] = {
    "renamed": "renamed",
    "merged": "split",
    "split": "merged",
    "regrouped": "regrouped",
}


@dataclass(frozen=True)
class FieldChange:
    """One field with different values in the two releases."""

    name: str
    old: Any
    new: Any

    @property
    def is_text(self) -> bool:
        return self.name in TEXT_FIELDS

    def to_json(self, *, words: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"old": self.old, "new": self.new}
        if words and self.is_text and isinstance(self.old, str) and isinstance(self.new, str):
            data["words"] = [[s.kind, s.text] for s in word_diff(self.old, self.new)]
        return data


@dataclass(frozen=True)
class Change:
    """An item in both releases that changed, or is to be reviewed."""

    id: str
    type: str
    fields: Mapping[str, FieldChange]
    moved: bool = False
    suspect: bool = False
    #: For a suspect measure: its goals that were reworded or replaced.
    because: tuple[str, ...] = ()

    def to_json(self, *, words: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "moved": self.moved,
            "suspect": self.suspect,
            "fields": {n: change.to_json(words=words) for n, change in self.fields.items()},
        }
        if self.because:
            data["because"] = list(self.because)
        return data


@dataclass(frozen=True)
class Lineage:
    """Old items continued by new ones with other IDs."""

    kind: LineageKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    #: For a rename: the fields that changed besides the ID.
    fields: Mapping[str, FieldChange] = field(default_factory=dict)

    @property
    def moved(self) -> bool:
        return bool(PLACE_FIELDS & self.fields.keys())

    def to_json(self, *, words: bool = True) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "old": list(self.old),
            "new": list(self.new),
            "fields": {n: change.to_json(words=words) for n, change in self.fields.items()},
        }


@dataclass(frozen=True)
class Diff:
    old: Snapshot
    new: Snapshot
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]
    lineage: tuple[Lineage, ...]
    unchanged: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        """No item was added, removed, changed or replaced (nothing to review)."""
        return not (self.added or self.removed or self.changed or self.lineage)

    @property
    def suspects(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changed if c.suspect)

    def change(self, item_id: str) -> Change | None:
        return self._changes.get(item_id)

    def lineage_of(self, item_id: str, side: Literal["old", "new"] = "new") -> Lineage | None:
        return self._lineages[side].get(item_id)

    def status(self, item_id: str) -> ItemStatus | None:
        """The class of an item of the new release (``None``: not in it)."""
        if item_id not in self.new.items:
            return "removed" if item_id in self._removed else None
        if item_id in self._added:
            return "added"
        if self.lineage_of(item_id) is not None:
            return "lineage"
        change = self.change(item_id)
        if change is not None:
            return "suspect" if change.suspect else "changed"
        return "unchanged"

    # indexes for the questions above, made on first use: views and badges
    # ask them for every item, so each must be a lookup, not a scan
    @cached_property
    def _changes(self) -> dict[str, Change]:
        return {change.id: change for change in self.changed}

    @cached_property
    def _lineages(self) -> dict[str, dict[str, Lineage]]:
        sides: dict[str, dict[str, Lineage]] = {"old": {}, "new": {}}
        for relation in self.lineage:
            for item_id in relation.old:
                sides["old"].setdefault(item_id, relation)
            for item_id in relation.new:
                sides["new"].setdefault(item_id, relation)
        return sides

    @cached_property
    def _added(self) -> frozenset[str]:
        return frozenset(self.added)

    @cached_property
    def _removed(self) -> frozenset[str]:
        return frozenset(self.removed)

    def field_of(self, item_id: str) -> str | None:
        """The field of action an item belongs to (in the new release if it is there)."""
        for snapshot in (self.new, self.old):
            item = snapshot.items.get(item_id)
            if item is not None:
                value = item.get("field")
                return value if isinstance(value, str) else None
        return None

    def counts(self) -> dict[str, int]:
        """How many items are in each class (lineage by kind, counting relations)."""
        kinds = Counter(relation.kind for relation in self.lineage)
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "suspect": len(self.suspects),
            "moved": sum(1 for c in self.changed if c.moved),
            "renamed": kinds["renamed"],
            "merged": kinds["merged"],
            "split": kinds["split"],
            "regrouped": kinds["regrouped"],
            "unchanged": len(self.unchanged),
        }

    def field_counts(self) -> dict[str, int]:
        """How often each field (title, text, lead, ...) changed."""
        counter: Counter[str] = Counter()
        for change in self.changed:
            counter.update(change.fields)
        for relation in self.lineage:
            counter.update(relation.fields)
        return dict(sorted(counter.items(), key=lambda kv: (-kv[1], field_order(kv[0]))))

    def to_json(self, *, words: bool = True) -> dict[str, Any]:
        """The shape of ``konzept diff --format json`` (SPEC §6; it only grows).

        ``words=False`` leaves out the word diffs of text fields: they follow
        from the old and new text, so a digest of the diff does not need them.
        """
        return {
            "old": self.old.version,
            "new": self.new.version,
            "added": list(self.added),
            "removed": list(self.removed),
            "unchanged": list(self.unchanged),
            "changed": [change.to_json(words=words) for change in self.changed],
            "lineage": [relation.to_json(words=words) for relation in self.lineage],
            "summary": self.counts(),
        }


def diff(old: Snapshot, new: Snapshot) -> Diff:
    """Compare two releases (see the module's documentation for the classes)."""
    relations = _lineage(old, new)
    in_lineage_old = {i for r in relations for i in r.old}
    in_lineage_new = {i for r in relations for i in r.new}
    old_ids, new_ids = set(old.items), set(new.items)

    added = _sorted(new_ids - old_ids - in_lineage_new)
    removed = _sorted(old_ids - new_ids - in_lineage_old)
    common = _sorted((old_ids & new_ids) - in_lineage_old - in_lineage_new)
    fields = {i: field_changes(old.items[i], new.items[i]) for i in common}
    group_of = _group_labels(relations)
    reworded = {i for i in common if TEXT_FIELDS & fields[i].keys()} | in_lineage_new

    changed: list[Change] = []
    unchanged: list[str] = []
    for item_id in common:
        changes = fields[item_id]
        item_type = str(new.items[item_id].get("type"))
        because = _suspect_because(item_id, item_type, old, new, changes, reworded, group_of)
        if changes or because:
            changed.append(
                Change(
                    id=item_id,
                    type=item_type,
                    fields=changes,
                    moved=bool(PLACE_FIELDS & changes.keys()),
                    suspect=bool(because),
                    because=because,
                )
            )
        else:
            unchanged.append(item_id)
    return Diff(
        old=old,
        new=new,
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
        lineage=tuple(relations),
        unchanged=tuple(unchanged),
    )


# -- fields -------------------------------------------------------------------


def field_order(name: str) -> tuple[int, str]:
    """Title and text first, then what places an item, then the rest by name."""
    return (_FIRST.index(name) if name in _FIRST else len(_FIRST), name)


def field_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, FieldChange]:
    """The fields whose values differ (location and lineage keys left out)."""
    # most fields of most items are equal: compare them as they are first,
    # and order only those that differ
    names = [
        name
        for name in old.keys() | new.keys()
        if name not in IGNORED_KEYS
        and old.get(name) != new.get(name)
        and not same_value(old.get(name), new.get(name))
    ]
    return {
        name: FieldChange(name, old.get(name), new.get(name))
        for name in sorted(names, key=field_order)
    }


def same_value(a: Any, b: Any) -> bool:
    """Equal as content: empty is empty (``None``, ``""``, ``[]``, ``{}``), and a
    list of IDs is a set (the order of partners says nothing)."""
    if _empty(a) and _empty(b):
        return True
    if isinstance(a, list) and isinstance(b, list) and _all_str(a) and _all_str(b):
        return sorted(a) == sorted(b)
    return bool(a == b)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _all_str(values: list[Any]) -> bool:
    return all(isinstance(v, str) for v in values)


# -- lineage ------------------------------------------------------------------


def _replaces(item: Mapping[str, Any]) -> list[str]:
    value = item.get("replaces")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _lineage(old: Snapshot, new: Snapshot) -> list[Lineage]:
    """Group the ``replaces`` links between the releases into relations.

    A link counts when it records an event: its old item is gone, or its new
    item is new. (A ``replaces`` kept from an earlier Fortschreibung names
    IDs neither release has, or two items both still there.) An ID in both
    releases that takes part in a link is one node on each side, joined: so
    "A split into A and B" is old {A} -> new {A, B}.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    def link(old_id: str, new_id: str) -> None:
        if old_id not in new.items or new_id not in old.items:
            union(("old", old_id), ("new", new_id))

    later = _later(old, new)
    if later != "old":
        for new_id, item in new.items.items():
            for old_id in _replaces(item):
                if old_id in old.items:
                    link(old_id, new_id)
    if later != "new":
        for old_id, item in old.items.items():
            for new_id in _replaces(item):
                if new_id in new.items:
                    link(old_id, new_id)
    for side, item_id in list(parent):
        other = "new" if side == "old" else "old"
        if item_id in (new.items if other == "new" else old.items):
            union((side, item_id), (other, item_id))

    groups: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for node in list(parent):
        olds, news = groups.setdefault(find(node), (set(), set()))
        (olds if node[0] == "old" else news).add(node[1])
    relations = []
    for olds, news in groups.values():
        old_ids, new_ids = tuple(_sorted(olds)), tuple(_sorted(news))
        kind = _kind(len(old_ids), len(new_ids))
        changes = (
            field_changes(old.items[old_ids[0]], new.items[new_ids[0]]) if kind == "renamed" else {}
        )
        relations.append(Lineage(kind, old_ids, new_ids, changes))
    relations.sort(key=lambda r: (natural_key(r.new[0]), natural_key(r.old[0])))
    return relations


def _later(old: Snapshot, new: Snapshot) -> str | None:
    """Which release is the later one, by the release dates (None: unknown).

    ``replaces`` names items of earlier releases, so only the later
    release's is read: an ID of an old release that a newer one reuses for
    another item is then no lineage. Without both dates both are read.
    """
    old_date, new_date = old.release.get("date"), new.release.get("date")
    if not isinstance(old_date, str) or not isinstance(new_date, str) or old_date == new_date:
        return None
    return "new" if new_date > old_date else "old"


def _kind(olds: int, news: int) -> LineageKind:
    if olds == 1 and news == 1:
        return "renamed"
    if news == 1:
        return "merged"
    if olds == 1:
        return "split"
    return "regrouped"


def _group_labels(relations: Iterable[Lineage]) -> dict[tuple[str, str], int]:
    labels: dict[tuple[str, str], int] = {}
    for n, relation in enumerate(relations):
        for item_id in relation.old:
            labels[("old", item_id)] = n
        for item_id in relation.new:
            labels[("new", item_id)] = n
    return labels


# -- suspects -----------------------------------------------------------------


def _suspect_because(
    item_id: str,
    item_type: str,
    old: Snapshot,
    new: Snapshot,
    changes: Mapping[str, FieldChange],
    reworded: set[str],
    group_of: Mapping[tuple[str, str], int],
) -> tuple[str, ...]:
    """The reworded goals that make an unedited measure suspect (or none)."""
    if item_type != "measure" or not changes.keys() <= _FOLLOWS_GOALS:
        return ()
    old_goals = _ids(old.items[item_id].get("goals"))
    new_goals = _ids(new.items[item_id].get("goals"))
    # the goals may differ only by following a rename, merge or split ...
    if _canonical(old_goals, "old", group_of) != _canonical(new_goals, "new", group_of):
        return ()
    # ... and the field only by following the first goal (not set by hand)
    if "field" in changes and not (
        _follows_first_goal(old, item_id, old_goals)
        and _follows_first_goal(new, item_id, new_goals)
    ):
        return ()
    return tuple(g for g in new_goals if g in reworded)


def _follows_first_goal(snapshot: Snapshot, item_id: str, goals: list[str]) -> bool:
    first = next((snapshot.items[g] for g in goals if g in snapshot.items), None)
    return first is not None and first.get("field") == snapshot.items[item_id].get("field")


def _ids(value: Any) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _canonical(
    goals: list[str], side: str, group_of: Mapping[tuple[str, str], int]
) -> set[str | int]:
    return {group_of.get((side, g), g) for g in goals}


def _sorted(ids: Iterable[str]) -> list[str]:
    return sorted(ids, key=natural_key)
