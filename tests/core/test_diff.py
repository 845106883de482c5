"""The diff engine (pure core): classes, fields, lineage, moved and suspect."""

from __future__ import annotations

import json
from typing import Any

import pytest

from konzept.core.diff import diff, same_value
from konzept.core.diff_report import Presenter, render_html, render_markdown, render_text
from konzept.core.snapshot import (
    Snapshot,
    SnapshotError,
    available_versions,
    find_release,
    load_snapshot,
    snapshot_from_data,
)


def item(item_id: str, item_type: str = "measure", **values: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item_id,
        "type": item_type,
        "title": f"Titel {item_id}",
        "text": "",
        "docname": "index",
        "anchor": item_id,
        "line": 1,
        "replaces": [],
    }
    if item_type == "measure":
        data.update(goals=["Z1"], lead=None, partners=[], field="F1", status=None)
    if item_type == "goal":
        data.update(parent=None, level="goal", field="F1")
    data.update(values)
    return data


def snap(version: str, *items: dict[str, Any]) -> Snapshot:
    return Snapshot(
        version, {"version": version, "title": f"Konzept {version}"}, {i["id"]: i for i in items}
    )


BASE = (item("F1", "field", field="F1"), item("F2", "field", field="F2"), item("Z1", "goal"))


def classes(d) -> dict[str, Any]:
    data = d.to_json()
    return {
        "added": data["added"],
        "removed": data["removed"],
        "changed": [c["id"] for c in data["changed"]],
        "lineage": [(r["kind"], r["old"], r["new"]) for r in data["lineage"]],
    }


def test_identical_releases_have_no_differences():
    a = snap("1", *BASE, item("M1"))
    d = diff(a, snap("2", *BASE, item("M1")))
    assert d.is_empty
    assert d.to_json()["unchanged"] == ["F1", "F2", "M1", "Z1"]


def test_added_and_removed():
    d = diff(snap("1", *BASE, item("M1")), snap("2", *BASE, item("M2")))
    assert classes(d) == {"added": ["M2"], "removed": ["M1"], "changed": [], "lineage": []}


def test_changed_fields_with_old_and_new_values():
    d = diff(
        snap("1", *BASE, item("M1", lead="VHS", status="planned")),
        snap("2", *BASE, item("M1", lead="JC", status="planned")),
    )
    (change,) = d.to_json()["changed"]
    assert change == {
        "id": "M1",
        "type": "measure",
        "moved": False,
        "suspect": False,
        "fields": {"lead": {"old": "VHS", "new": "JC"}},
    }


def test_text_changes_come_with_word_differences():
    d = diff(
        snap("1", *BASE, item("M1", text="Sprachkurse für Eltern.")),
        snap("2", *BASE, item("M1", text="Sprachkurse für Mütter und Väter.")),
    )
    words = d.to_json()["changed"][0]["fields"]["text"]["words"]
    assert words == [
        ["equal", "Sprachkurse für "],
        ["delete", "Eltern"],
        ["insert", "Mütter und Väter"],
        ["equal", "."],
    ]


def test_the_json_without_word_differences_keeps_everything_else():
    """What decides whether a change log page is written again: the words
    follow from the old and new text."""
    d = diff(
        snap("1", *BASE, item("M1", text="Sprachkurse für Eltern."), item("M2", title="Café")),
        snap(
            "2",
            *BASE,
            item("M1", text="Sprachkurse für Mütter."),
            item("M9", title="Sprachcafé", replaces=["M2"]),
        ),
    )
    full, bare = d.to_json(), d.to_json(words=False)
    assert "words" in full["changed"][0]["fields"]["text"]
    assert "words" in full["lineage"][0]["fields"]["title"]
    for data in (full["changed"][0]["fields"]["text"], full["lineage"][0]["fields"]["title"]):
        del data["words"]
    assert bare == full


def test_moving_an_item_to_another_page_is_no_change():
    old = item("M1", docname="bildung", line=12, anchor="M1")
    new = item("M1", docname="arbeit", line=80, anchor="konzept-item-3")
    d = diff(snap("1", *BASE, old), snap("2", *BASE, new))
    assert d.is_empty
    assert "M1" in d.unchanged


def test_order_of_partners_is_no_change_but_of_values_it_is():
    assert same_value(["AWO", "JMD"], ["JMD", "AWO"])
    assert same_value(None, [])
    assert same_value("", None)
    assert not same_value([{"period": "2016", "value": 1}], [{"period": "2017", "value": 1}])


def test_a_changed_field_of_action_is_a_move():
    d = diff(snap("1", *BASE, item("M1", field="F1")), snap("2", *BASE, item("M1", field="F2")))
    assert d.changed[0].moved
    assert d.counts()["moved"] == 1


def test_a_changed_parent_is_a_move():
    lz = (item("LZ1", "goal", level="guiding", field=None), item("LZ2", "goal", level="guiding"))
    d = diff(
        snap("1", *BASE, *lz, item("Z2", "goal", parent="LZ1")),
        snap("2", *BASE, *lz, item("Z2", "goal", parent="LZ2")),
    )
    assert d.change("Z2").moved


def test_rename():
    d = diff(
        snap("1", *BASE, item("M1", title="Sprachcafé")),
        snap("2", *BASE, item("M7", title="Sprachcafés", replaces=["M1"])),
    )
    assert classes(d)["lineage"] == [("renamed", ["M1"], ["M7"])]
    assert d.added == () and d.removed == ()
    assert d.lineage[0].fields["title"].new == "Sprachcafés"


def test_merge():
    d = diff(
        snap("1", *BASE, item("M2A"), item("M2B")),
        snap("2", *BASE, item("M2", replaces=["M2A", "M2B"])),
    )
    assert classes(d)["lineage"] == [("merged", ["M2A", "M2B"], ["M2"])]
    assert d.added == () and d.removed == ()


def test_split_keeping_the_old_id():
    d = diff(
        snap("1", *BASE, item("M4")),
        snap("2", *BASE, item("M4"), item("M9", replaces=["M4"])),
    )
    assert classes(d)["lineage"] == [("split", ["M4"], ["M4", "M9"])]
    assert d.unchanged == ("F1", "F2", "Z1")  # M4 is in the lineage, nowhere else


def test_a_replaces_kept_from_an_earlier_release_is_no_lineage():
    # M2 replaced M2A and M2B in 2016; in 2026 it still says so
    d = diff(
        snap("2016", *BASE, item("M2", replaces=["M2A", "M2B"])),
        snap("2026", *BASE, item("M2", replaces=["M2A", "M2B"])),
    )
    assert d.is_empty


def test_lineage_is_read_on_both_sides():
    old = snap("1", *BASE, item("M2A"), item("M2B"))
    new = snap("2", *BASE, item("M2", replaces=["M2A", "M2B"]))
    assert classes(diff(new, old))["lineage"] == [("split", ["M2"], ["M2A", "M2B"])]


def test_only_the_later_release_says_what_it_replaces():
    # 2016's M1 replaced 2011's M8; 2026 reuses the ID M8 for another measure
    old = snap("2016", *BASE, item("M1", replaces=["M8"]))
    new = snap("2026", *BASE, item("M1"), item("M8"))
    old.release["date"], new.release["date"] = "2016-06-27", "2026-11-16"
    assert classes(diff(old, new)) == {"added": ["M8"], "removed": [], "changed": [], "lineage": []}
    assert classes(diff(new, old)) == {"added": [], "removed": ["M8"], "changed": [], "lineage": []}


def test_a_measure_whose_goal_was_reworded_is_suspect():
    d = diff(
        snap("1", *BASE[:2], item("Z1", "goal", title="Deutsch lernen"), item("M1"), item("M2")),
        snap(
            "2",
            *BASE[:2],
            item("Z1", "goal", title="Deutsch lernen und anwenden"),
            item("M1"),
            item("M2", lead="KI"),
        ),
    )
    measures = [(c.id, c.suspect, list(c.fields)) for c in d.changed if c.type == "measure"]
    # M2 was edited itself: its authors looked at it
    assert measures == [("M1", True, []), ("M2", False, ["lead"])]
    assert d.change("M1").because == ("Z1",)


def test_a_measure_following_its_renamed_goal_is_suspect():
    d = diff(
        snap("1", *BASE[:2], item("Z1", "goal"), item("M1", goals=["Z1"])),
        snap("2", *BASE[:2], item("Z7", "goal", replaces=["Z1"]), item("M1", goals=["Z7"])),
    )
    change = d.change("M1")
    assert change.suspect
    assert list(change.fields) == ["goals"]


def test_a_measure_given_another_goal_is_changed_not_suspect():
    d = diff(
        snap("1", *BASE, item("Z2", "goal"), item("M1", goals=["Z1"])),
        snap("2", *BASE, item("Z2", "goal", title="neu"), item("M1", goals=["Z2"])),
    )
    assert not d.change("M1").suspect


def test_location_and_replaces_are_not_fields():
    old = item("M1", replaces=["X"], line=3)
    new = item("M1", replaces=[], line=4)
    assert diff(snap("1", *BASE, old), snap("2", *BASE, new)).is_empty


def test_json_is_serialisable_and_has_the_spec_keys():
    d = diff(snap("1", *BASE, item("M1")), snap("2", *BASE, item("M2")))
    data = json.loads(json.dumps(d.to_json()))
    assert {"old", "new", "added", "removed", "unchanged", "changed", "lineage"} <= data.keys()
    assert (data["old"], data["new"]) == ("1", "2")


# -- snapshots ------------------------------------------------------------------


def test_snapshots_are_found_by_version(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for version in ("2016", "2011", "2016-2"):
        data = {"release": {"version": version}, "items": {}}
        (folder / f"{version}.json").write_text(json.dumps(data), "utf-8")
    assert available_versions(folder) == ["2011", "2016", "2016-2"]
    assert find_release(folder, "2011").version == "2011"
    with pytest.raises(SnapshotError, match=r"no release '2012'.*2011, 2016, 2016-2"):
        find_release(folder, "2012")
    with pytest.raises(SnapshotError, match="cannot name a release"):
        find_release(folder, "../etc/passwd")


def test_a_broken_snapshot_is_a_clear_error(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{", "utf-8")
    with pytest.raises(SnapshotError, match=r"not a konzept\.json file"):
        load_snapshot(path)
    with pytest.raises(SnapshotError, match="no such file"):
        load_snapshot(tmp_path / "missing.json")
    with pytest.raises(SnapshotError, match="has no 'type'"):
        snapshot_from_data({"items": {"A": {}}}, "a.json")


# -- presentation ---------------------------------------------------------------


def _example():
    old = snap(
        "2016",
        *BASE,
        item("Z2", "goal", title="Alle Kinder erreichen einen Schulabschluss"),
        item("M1", lead="VHS", text="Kurse für Eltern."),
        item("M2A"),
        item("M2B"),
        item("M3", goals=["Z2"]),
        item("M4"),
    )
    new = snap(
        "2026",
        *BASE,
        item("Z2", "goal", title="Alle Kinder und Jugendlichen erreichen einen Schulabschluss"),
        item("M1", lead="JC", text="Kurse für Mütter und Väter."),
        item("M2", replaces=["M2A", "M2B"]),
        item("M3", goals=["Z2"]),
        item("M5"),
    )
    return diff(old, new)


def test_lineage_in_words_in_german():
    german = {
        "{old} merged into {new}": "{old} zusammengeführt zu {new}",
        "{items} and {last}": "{items} und {last}",
    }
    p = Presenter(_example(), translate=lambda m: german.get(m, m))
    assert p.lineage_sentence(p.diff.lineage[0]) == "M2A und M2B zusammengeführt zu M2"


def test_text_report_marks_words_without_colour():
    text = render_text(Presenter(_example()))
    assert "Title: Alle Kinder{+ und Jugendlichen+} erreichen einen Schulabschluss" in text
    assert "Text: Kurse für [-Eltern-]{+Mütter und Väter+}." in text
    assert "M2A and M2B merged into M2" in text
    assert "\x1b[" not in text
    assert "\x1b[32;4m" in render_text(Presenter(_example()), color=True)


def test_markdown_and_html_reports_mark_insertions_and_deletions():
    markdown = render_markdown(Presenter(_example()))
    assert "<del>Eltern</del><ins>Mütter und Väter</ins>" in markdown
    assert "| Version 2016 | Version 2026 |" in markdown
    page = render_html(Presenter(_example(), language="de"))
    assert '<html lang="de">' in page
    assert '<ins><span class="sr">inserted: </span> und Jugendlichen</ins>' in page
    assert '<table class="synopsis">' in page


def test_reports_of_equal_releases_say_so():
    a = snap("1", *BASE)
    assert "No differences." in render_text(Presenter(diff(a, a)))
