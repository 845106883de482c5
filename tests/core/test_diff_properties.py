"""Invariants of the diff engine, for any two releases (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from konzept.core.diff import MIRROR, Diff, diff
from konzept.core.snapshot import Snapshot

GOALS = ["Z1", "Z2", "Z3"]
MEASURES = ["M1", "M2", "M3", "M4"]
ACTORS = ["A1", "A2"]
ALL = GOALS + MEASURES + ACTORS
TEXTS = ["", "Deutsch lernen", "Deutsch lernen und anwenden", "Neue Kurse."]


@st.composite
def snapshots(draw: st.DrawFn, version: str) -> Snapshot:
    items: dict[str, dict[str, Any]] = {}
    for item_id in draw(st.sets(st.sampled_from(ALL))):
        item_type = {"Z": "goal", "M": "measure", "A": "actor"}[item_id[0]]
        data: dict[str, Any] = {
            "id": item_id,
            "type": item_type,
            "title": draw(st.sampled_from(TEXTS)),
            "text": draw(st.sampled_from(TEXTS)),
            # where an item stands varies freely: it is never a change
            "docname": draw(st.sampled_from(["a", "b"])),
            "line": draw(st.integers(1, 5)),
            "anchor": item_id,
            "replaces": draw(st.lists(st.sampled_from([*ALL, "OLD-1"]), max_size=2)),
        }
        if item_type == "goal":
            data["field"] = draw(st.sampled_from(["F1", "F2"]))
            data["parent"] = draw(st.none() | st.sampled_from(GOALS))
        if item_type == "measure":
            data["goals"] = draw(st.lists(st.sampled_from(GOALS), min_size=1, max_size=2))
            data["field"] = draw(st.sampled_from(["F1", "F2"]))
            data["lead"] = draw(st.none() | st.sampled_from(ACTORS))
        items[item_id] = data
    # a release date, or none: the later release's replaces count, or both sides'
    date = draw(st.none() | st.sampled_from(["2011-09-29", "2016-06-27"]))
    return Snapshot(version, {"version": version, "date": date}, items)


def classes(d: Diff) -> list[set[str]]:
    lineage = {i for r in d.lineage for i in (*r.old, *r.new)}
    return [set(d.added), set(d.removed), {c.id for c in d.changed}, set(d.unchanged), lineage]


@settings(max_examples=200)
@given(snapshots("A"), snapshots("B"))
def test_every_item_is_in_exactly_one_class(a: Snapshot, b: Snapshot):
    d = diff(a, b)
    parts = classes(d)
    assert set().union(*parts) == set(a.items) | set(b.items)
    for n, part in enumerate(parts):
        for other in parts[n + 1 :]:
            assert not part & other
    assert set(d.added) <= set(b.items) - set(a.items)
    assert set(d.removed) <= set(a.items) - set(b.items)
    assert {c.id for c in d.changed} | set(d.unchanged) <= set(a.items) & set(b.items)
    # no item is in two relations on the same side
    for side in ("old", "new"):
        ids = [i for r in d.lineage for i in getattr(r, side)]
        assert len(ids) == len(set(ids))
    for relation in d.lineage:
        assert set(relation.old) <= set(a.items)
        assert set(relation.new) <= set(b.items)


@settings(max_examples=200)
@given(snapshots("A"))
def test_a_release_equals_itself(a: Snapshot):
    d = diff(a, a)
    assert d.is_empty
    assert set(d.unchanged) == set(a.items)


@settings(max_examples=200)
@given(snapshots("A"), snapshots("B"))
def test_the_diff_backwards_is_the_mirror_image(a: Snapshot, b: Snapshot):
    forward, backward = diff(a, b), diff(b, a)
    assert backward.added == forward.removed
    assert backward.removed == forward.added
    assert backward.unchanged == forward.unchanged
    assert [c.id for c in backward.changed] == [c.id for c in forward.changed]
    for there, back in zip(forward.changed, backward.changed, strict=True):
        assert there.moved == back.moved
        assert there.suspect == back.suspect
        assert {n: (f.old, f.new) for n, f in there.fields.items()} == {
            n: (f.new, f.old) for n, f in back.fields.items()
        }
    assert {(MIRROR[r.kind], r.new, r.old) for r in forward.lineage} == {
        (r.kind, r.old, r.new) for r in backward.lineage
    }


@settings(max_examples=100)
@given(snapshots("A"), snapshots("B"))
def test_moving_items_between_pages_changes_nothing(a: Snapshot, b: Snapshot):
    moved = {
        i: {**item, "docname": "elsewhere", "line": 99, "anchor": "x"}
        for i, item in b.items.items()
    }
    d1, d2 = diff(a, b), diff(a, Snapshot("B", b.release, moved))
    assert d1.to_json() == d2.to_json()
