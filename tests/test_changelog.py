"""The change log (SPEC §6): one left/right pair of projects per diff class.

Each ``tests/roots/test-changelog-<class>/`` holds the release before
(``left/``) and after (``right/``). The left one is built and its
``konzept.json`` archived as ``right/releases/1.json``, exactly as
``konzept release`` does; the right one compares with it
(``konzept_compare_to = "1"``) and shows a ``changelog`` view.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from konzept.core.diff import diff
from konzept.core.snapshot import load_snapshot, snapshot_from_data

from conftest import ROOTS, konzept_json, soup, warnings_of


def build(srcdir: Path, builder: str = "html", **kwargs: Any):
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(builder, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def release_pair(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """Copies of left and right; left's konzept.json archived in right/releases/1.json."""
    left, right = tmp_path / "left", tmp_path / "right"
    shutil.copytree(ROOTS / f"test-changelog-{name}" / "left", left)
    shutil.copytree(ROOTS / f"test-changelog-{name}" / "right", right)
    app = build(left, "konzept-json")
    (right / "releases").mkdir()
    shutil.copyfile(Path(app.outdir) / "konzept.json", right / "releases" / "1.json")
    return left, right


@pytest.fixture
def pair(tmp_path):
    """Build a pair: the right project's app (html) and the diff of the two releases."""

    def make(name: str):
        _left, right = release_pair(tmp_path, name)
        app = build(right)
        assert warnings_of(app) == []
        old = load_snapshot(right / "releases" / "1.json")
        new = snapshot_from_data(konzept_json(app), "right")
        return app, diff(old, new)

    return make


def text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def changelog(app) -> Any:
    return soup(app).select_one(".konzept-view-changelog")


def entries(app) -> list[str]:
    return [text(li.p) for li in changelog(app).select("li.konzept-changelog-entry")]


def badge(app, item_id: str) -> str | None:
    heading = soup(app).find(id=item_id).find(class_="konzept-heading")
    found = heading.find(class_="konzept-badge")
    return text(found) if found else None


def classes(d) -> dict[str, list[Any]]:
    data = d.to_json()
    return {
        "added": data["added"],
        "removed": data["removed"],
        "changed": [c["id"] for c in data["changed"]],
        "lineage": [(r["kind"], r["old"], r["new"]) for r in data["lineage"]],
    }


NOTHING = {"added": [], "removed": [], "changed": [], "lineage": []}


def test_added(pair):
    app, d = pair("added")
    assert classes(d) == {**NOTHING, "added": ["SPR-M2"]}
    assert entries(app) == ["neu SPR-M2 Sprachpaten"]
    assert badge(app, "SPR-M2") == "neu"
    assert badge(app, "SPR-M1") is None


def test_removed(pair):
    app, d = pair("removed")
    assert classes(d) == {**NOTHING, "removed": ["SPR-M2"]}
    assert entries(app) == ["entfallen SPR-M2 Sprachpaten"]
    # the Synopse shows the old text, and says it is gone
    old, new = changelog(app).select("table.konzept-synopsis tbody tr td")
    assert "Ehrenamtliche begleiten." in text(old)
    assert text(new) == "in dieser Fassung nicht enthalten"


def test_changed(pair):
    app, d = pair("changed")
    assert classes(d) == {**NOTHING, "changed": ["SPR-M1"]}
    (change,) = d.to_json()["changed"]
    assert change["fields"]["lead"] == {"old": "KI", "new": "VHS"}
    assert entries(app) == ["geändert SPR-M1 Sprachcafés"]
    fields = changelog(app).select_one("dl.konzept-changelog-fields")
    assert text(fields) == (
        "Text : Sprachcafés in allen gelöscht: Kommunen eingefügt: Städten und Gemeinden . "
        "Federführung : gelöscht: Integrationszentrum → eingefügt: Volkshochschule"
    )
    deleted = [text(d) for d in fields.select("del")]
    assert deleted == ["gelöscht: Kommunen", "gelöscht: Integrationszentrum"]
    assert badge(app, "SPR-M1") == "geändert"


def test_renamed(pair):
    app, d = pair("renamed")
    assert classes(d) == {**NOTHING, "lineage": [("renamed", ["SPR-M1"], ["SPR-M5"])]}
    sentence = text(changelog(app).select_one(".konzept-changelog-lineage li"))
    assert sentence == "SPR-M1 umbenannt in SPR-M5"
    assert changelog(app).select_one(".konzept-changelog-lineage a")["href"] == "#SPR-M5"
    assert badge(app, "SPR-M5") == "geändert"


def test_merged(pair):
    app, d = pair("merged")
    assert classes(d) == {**NOTHING, "lineage": [("merged", ["SPR-M1A", "SPR-M1B"], ["SPR-M1"])]}
    sentence = text(changelog(app).select_one(".konzept-changelog-lineage li"))
    assert sentence == "SPR-M1A und SPR-M1B zusammengeführt zu SPR-M1"


def test_split(pair):
    app, d = pair("split")
    assert classes(d) == {
        **NOTHING,
        "lineage": [("split", ["SPR-M1"], ["SPR-M2", "SPR-M3"])],
    }
    sentence = text(changelog(app).select_one(".konzept-changelog-lineage li"))
    assert sentence == "SPR-M1 aufgeteilt in SPR-M2 und SPR-M3"
    old, new = changelog(app).select("table.konzept-synopsis tbody tr td")
    assert [text(b) for b in old.select(".konzept-synopsis-name")] == ["SPR-M1 Sprachcafés"]
    assert [text(b) for b in new.select(".konzept-synopsis-name")] == [
        "SPR-M2 Sprachcafés für Frauen",
        "SPR-M3 Sprachcafés für Männer",
    ]


def test_moved_to_another_field(pair):
    app, d = pair("moved")
    (change,) = d.changed
    assert (change.id, change.moved, sorted(change.fields)) == ("SPR-M1", True, ["field", "goals"])
    assert entries(app) == ["geändert verschoben SPR-M1 Sprachcafés"]
    # grouped under the field it belongs to now
    headings = [text(h) for h in changelog(app).select(".konzept-view-heading")]
    assert headings[headings.index("Änderungen nach Handlungsfeldern") + 1] == "Bildung"


def test_suspect_measure_whose_goal_was_reworded(pair):
    app, d = pair("suspect")
    assert classes(d) == {**NOTHING, "changed": ["SPR-M1", "SPR-Z1"]}
    measure = d.change("SPR-M1")
    assert (measure.suspect, dict(measure.fields)) == (True, {})
    assert badge(app, "SPR-M1") == "prüfen"
    assert badge(app, "SPR-Z1") == "geändert"
    assert "prüfen SPR-M1 Sprachcafés" in entries(app)
    note = text(changelog(app).select_one(".konzept-suspect"))
    assert note == (
        "Ihr Ziel SPR-Z1 Alle sprechen und schreiben Deutsch wurde neu gefasst: "
        "Dient die Maßnahme ihm noch?"
    )
    summary = text(changelog(app).select_one(".konzept-changelog-counts"))
    assert summary == (
        "Gegenüber der Fassung 1: 0 neu, 2 geändert (davon 1 zu prüfen), 0 entfallen, "
        "5 unverändert."
    )


def test_unchanged(pair):
    app, d = pair("unchanged")
    assert d.is_empty
    assert "Keine Unterschiede." in text(changelog(app))
    assert soup(app).select(".konzept-heading .konzept-badge") == []


def test_moving_an_item_to_another_page_is_no_change(pair):
    _app, d = pair("moved-page")
    assert d.is_empty
    assert "SPR-M1" in d.unchanged


# -- the view in detail ---------------------------------------------------------------


@pytest.fixture
def changed_app(pair):
    return pair("changed")[0]


def test_summary_counts_per_class_and_field(pair):
    app, _d = pair("moved")
    table = changelog(app).select_one("table.konzept-changelog-summary")
    rows = [[text(c) for c in tr.find_all(["th", "td"])] for tr in table.select("tr")]
    assert rows == [["Handlungsfeld", "geändert"], ["Bildung", "1"], ["Gesamt", "1"]]
    fields = text(changelog(app).select_one("p.konzept-changelog-fields"))
    assert fields == "Geänderte Angaben: Handlungsfeld 1, Ziele 1"


def test_synopsis_has_old_and_new_columns_with_marks(changed_app):
    table = changelog(changed_app).select_one("table.konzept-synopsis")
    assert [text(th) for th in table.select("thead th")] == ["Fassung 1", "Fassung 2"]
    old, new = table.select("tbody tr td")
    assert text(old.select_one(".konzept-synopsis-text")) == (
        "Sprachcafés in allen gelöscht: Kommunen ."
    )
    assert text(new.select_one(".konzept-synopsis-text")) == (
        "Sprachcafés in allen eingefügt: Städten und Gemeinden ."
    )
    assert old.select("ins") == [] and new.select("del") == []


def test_marks_are_not_colour_alone(changed_app):
    ins = changelog(changed_app).select_one("ins.konzept-ins")
    assert ins.select_one(".konzept-sr").get_text() == "eingefügt: "
    css = next(Path(changed_app.outdir, "_static").glob("konzept.*.css")).read_text("utf-8")
    assert "text-decoration: underline" in css and "text-decoration: line-through" in css


def test_parts_option_and_since_option(tmp_path):
    _left, right = release_pair(tmp_path, "changed")
    index = right / "index.md"
    index.write_text(
        index.read_text("utf-8").replace(
            ":::{changelog}\n:::", ":::{changelog}\n:since: 1\n:parts: lineage, synopsis\n:::"
        ),
        "utf-8",
    )
    app = build(right)
    view = changelog(app)
    assert view.select("table.konzept-synopsis")
    assert not view.select(".konzept-changelog-counts")


def test_unknown_release_is_a_located_warning(tmp_path):
    _left, right = release_pair(tmp_path, "changed")
    index = right / "index.md"
    source = index.read_text("utf-8")
    index.write_text(source.replace(":::{changelog}\n:::", ":::{changelog}\n:since: 2012\n:::"))
    (right / "conf.py").write_text(
        (right / "conf.py").read_text("utf-8").replace('"1"', '"2009"'), "utf-8"
    )
    app = build(right)
    warnings = warnings_of(app)
    line = source.splitlines().index(":::{changelog}") + 2
    assert any(
        f"index.md:{line}: WARNING: The changelog view's ':since:' names '2012'" in w
        and "the archived releases are 1" in w
        and "[konzept.unknown_release]" in w
        for w in warnings
    ), warnings
    assert any("conf.py:6: WARNING: konzept_compare_to names '2009'" in w for w in warnings), (
        warnings
    )
    assert "nicht archiviert" in text(changelog(app))
    assert soup(app).select(".konzept-heading .konzept-badge") == []


def test_english_labels(tmp_path):
    _left, right = release_pair(tmp_path, "merged")
    conf = right / "conf.py"
    conf.write_text(conf.read_text("utf-8").replace('language = "de"', 'language = "en"'))
    app = build(right)
    sentence = text(changelog(app).select_one(".konzept-changelog-lineage li"))
    assert sentence == "SPR-M1A and SPR-M1B merged into SPR-M1"


def test_a_changed_snapshot_rewrites_the_change_log_and_badges(tmp_path):
    from sphinx.testing.util import SphinxTestApp

    _left, right = release_pair(tmp_path, "changed")
    app = SphinxTestApp("html", srcdir=right)
    app.build()
    assert badge(app, "SPR-M1") == "geändert"
    # archive a release equal to the current state: nothing differs any more
    app.cleanup()
    current = json.loads((Path(app.outdir) / "konzept.json").read_text("utf-8"))
    (right / "releases" / "1.json").write_text(json.dumps(current), "utf-8")
    again = SphinxTestApp("html", srcdir=right)
    try:
        again.build()
    finally:
        again.cleanup()
    assert badge(again, "SPR-M1") is None
    assert "Keine Unterschiede." in text(changelog(again))


def test_a_body_edit_elsewhere_rewrites_the_change_log(tmp_path):
    from sphinx.testing.util import SphinxTestApp

    _left, right = release_pair(tmp_path, "moved-page")
    # the change log is on index; the item is on zwei
    first = SphinxTestApp("html", srcdir=right)
    first.build()
    first.cleanup()
    assert "Keine Unterschiede." in text(changelog(first))
    page = right / "zwei.md"
    page.write_text(page.read_text("utf-8").replace("allen Kommunen", "allen Städten"))
    second = SphinxTestApp("html", srcdir=right)
    try:
        second.build()
    finally:
        second.cleanup()
    assert "Städten" in text(changelog(second))
    assert text(soup(second, "zwei").find(id="SPR-M1").find(class_="konzept-badge")) == "geändert"
