"""Bad input: every problem is a located konzept.* warning, nothing crashes,
nothing is lost (SPEC §9)."""

from __future__ import annotations

import re

import pytest

from conftest import item_block, konzept_json, meta, soup, warnings_of

WARNING = re.compile(
    r"^(?P<file>[^:]+?)(?::(?P<line>\d+))?: WARNING: (?P<message>.*) \[(?P<type>[\w.]+)\]$"
)


def located(app, only_konzept: bool = False) -> list[tuple[str, int, str]]:
    """(file name, line, subtype) of every warning."""
    result = []
    for line in warnings_of(app):
        line = re.sub(r"\x1b\[[0-9;]*m", "", line)
        if only_konzept and "[konzept." not in line:
            continue
        match = WARNING.match(line)
        assert match, f"warning without location or type: {line}"
        name = match["file"].rsplit("/", 1)[-1]
        result.append((name, int(match["line"] or 0), match["type"]))
    return result


EXPECTED = {
    ("conf.py", 12, "konzept.bad_config"),  # option 'goals' redefined
    ("conf.py", 4, "konzept.bad_release"),  # unknown key, status, decision kind, date
    ("index.md", 8, "konzept.unknown_ref"),  # {goal}`NIX-Z1`
    ("index.md", 8, "konzept.wrong_type"),  # {goal}`BIL-M1` is a measure
    ("massnahmen.md", 6, "konzept.missing_id"),
    ("massnahmen.md", 13, "konzept.bad_id"),
    ("massnahmen.md", 20, "konzept.unknown_ref"),  # BIL-Z7
    ("massnahmen.md", 20, "konzept.wrong_type"),  # K-X is an indicator
    ("massnahmen.md", 21, "konzept.wrong_type"),  # lead is a goal
    ("massnahmen.md", 22, "konzept.bad_date"),
    ("massnahmen.md", 23, "konzept.bad_status"),
    ("massnahmen.md", 24, "konzept.bad_money"),
    ("massnahmen.md", 25, "konzept.bad_number"),
    ("massnahmen.md", 26, "konzept.unknown_option"),
    ("massnahmen.md", 29, "konzept.missing_option"),  # no goals
    ("massnahmen.md", 33, "konzept.bad_period"),
    ("massnahmen.md", 38, "konzept.bad_choice"),
    ("massnahmen.md", 39, "konzept.bad_url"),
    ("massnahmen.md", 44, "konzept.bad_series"),
    ("massnahmen.md", 45, "konzept.bad_series"),
    ("ziele.md", 1, "konzept.unknown_ref"),  # front matter konzept_field
    ("ziele.md", 19, "konzept.cycle"),
    ("ziele.md", 28, "konzept.missing_option"),  # no field
    ("ziele.md", 34, "konzept.duplicate_id"),
    ("ziele.md", 38, "konzept.missing_option"),  # no title
    ("ziele.md", 41, "konzept.bad_choice"),  # level
    # coverage gaps
    ("ziele.md", 28, "konzept.uncovered"),  # BIL-Z2: no measure
    ("ziele.md", 38, "konzept.uncovered"),  # BIL-Z3: no measure
    ("massnahmen.md", 17, "konzept.uncovered"),  # BIL-M1: its lead is a goal
    ("massnahmen.md", 29, "konzept.uncovered"),  # ARB-M1: no lead
    ("massnahmen.md", 36, "konzept.uncovered"),  # VER: in no measure
    ("massnahmen.md", 42, "konzept.uncovered"),  # K-X: measures no goal
}


@pytest.mark.sphinx("html", testroot="bad", freshenv=True)
def test_bad_project_gives_exactly_the_expected_warnings(app):
    app.build()
    found = located(app)
    assert set(found) == EXPECTED
    # four problems in konzept_release, one warning each; the rest once
    assert found.count(("conf.py", 4, "konzept.bad_release")) == 4
    assert len(found) == len(EXPECTED) + 3


@pytest.mark.sphinx("html", testroot="bad", freshenv=True)
def test_warnings_say_what_to_do(app):
    app.build()
    text = "\n".join(warnings_of(app))
    assert "Add one, e.g. ':id: ARB-M2' (the next free ID)" in text
    assert "Give it a free ID, e.g. ':id: BIL-Z4'" in text
    assert "(did you mean 'BIL-Z3'?)" in text
    assert "which is an indicator, not a goal" in text
    assert (
        "'fertig' is not a known status: use one of planned, ongoing, done, deferred, dropped"
        in text
    )
    assert "(LZ-2 → LZ-1 → LZ-2)" in text


@pytest.mark.sphinx("html", testroot="bad", freshenv=True)
def test_no_item_is_lost(app):
    app.build()
    data = konzept_json(app)
    assert sorted(data["items"]) == sorted(
        [
            "BIL",
            "ARB",
            "BIL-Z1",
            "LZ-1",
            "LZ-2",
            "BIL-Z2",
            "BIL-Z3",
            "BIL-M1",
            "ARB-M1",
            "VER",
            "K-X",
        ]
    )
    unindexed = {(i["type"], i["title"]) for i in data["unindexed"]}
    assert unindexed == {
        ("goal", "Schon vergeben"),
        ("measure", "Ohne Kennung"),
        ("measure", "Kaputte Kennung"),
    }
    # values that could not be parsed are kept as written
    assert data["items"]["BIL-M1"]["invalid"] == {
        "start": "2018-13",
        "status": "fertig",
        "budget": "viel Geld",
        "participants": "zwölf",
        "colour": "rot",
    }
    # ... and shown on the page, marked
    rows = meta(item_block(soup(app, "massnahmen"), "BIL-M1"))
    assert rows["Status"] == "fertig (ungültig, siehe die Warnungen beim Bauen)"
    assert rows["colour"] == "rot (ungültig, siehe die Warnungen beim Bauen)"
    # items without a usable ID are rendered too
    page = soup(app, "massnahmen").get_text(" ", strip=True)
    assert "Ohne Kennung" in page and "Kaputte Kennung" in page
    assert "Schon vergeben" in soup(app, "ziele").get_text(" ", strip=True)


@pytest.mark.sphinx(
    "html",
    testroot="bad",
    confoverrides={"suppress_warnings": ["konzept.bad_status", "konzept.cycle"]},
    freshenv=True,
)
def test_warnings_can_be_suppressed_by_subtype(app):
    app.build()
    subtypes = {t for _f, _l, t in located(app)}
    assert "konzept.bad_status" not in subtypes
    assert "konzept.cycle" not in subtypes
    assert "konzept.bad_date" in subtypes


@pytest.mark.sphinx("html", testroot="bad", freshenv=True)
def test_warnings_survive_an_incremental_build(app, make_app, app_params):
    """A problem on a page that is not re-read is still reported."""
    app.build()
    first = set(located(app))
    (app.srcdir / "index.md").write_text(
        (app.srcdir / "index.md").read_text("utf-8") + "\nNoch ein Satz.\n", "utf-8"
    )
    args, kwargs = app_params
    again = make_app(*args, **{**kwargs, "freshenv": False})
    again.build()
    # (a second app in one process makes Sphinx warn about re-registered nodes)
    assert set(located(again, only_konzept=True)) == first
