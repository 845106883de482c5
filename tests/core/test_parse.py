"""parse_item: from what the author wrote in one directive to an item."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konzept.core import BUILTIN_SCHEMA, extend_schema

from .conftest import codes, item, only


def test_a_complete_measure_is_parsed_without_complaint():
    m = item(
        "measure",
        "Sprachcafés   in allen Kommunen",
        id="BIL-M3",
        goals="BIL-Z1, BIL-Z2",
        lead="KI",
        partners="AWO, JMD, AWO",
        start="2016-8",
        end="2018",
        status="Ongoing",
        budget="161.088,00 €",
        funding="KOMM-AN  NRW",
        replaces="BIL-M1",
    )
    assert m.diagnostics == ()
    assert m.id == "BIL-M3"
    assert m.title == "Sprachcafés in allen Kommunen"
    assert dict(m.options) == {
        "goals": ["BIL-Z1", "BIL-Z2"],
        "lead": "KI",
        "partners": ["AWO", "JMD"],
        "start": "2016-08",
        "end": "2018",
        "status": "ongoing",
        "budget": {"amount": "161088.00", "currency": "EUR"},
        "funding": "KOMM-AN NRW",
        "replaces": ["BIL-M1"],
    }


def test_an_indicator_with_its_data():
    k = item(
        "indicator",
        "Anteil Schulabschlüsse",
        id="K-ABS",
        unit="%",
        baseline="2014: 81.5",
        target="2020: 90",
        values="2016: 84,1; 2015: 82,0",
        source="IT.NRW",
    )
    assert k.diagnostics == ()
    assert k.options["baseline"] == {"period": "2014", "value": 81.5}
    assert k.options["target"] == {"period": "2020", "value": 90}
    assert k.options["values"] == [
        {"period": "2015", "value": 82},
        {"period": "2016", "value": 84.1},
    ]


def test_diagnostics_carry_the_document_and_the_line_of_the_option():
    m = item(
        "measure",
        "M",
        docname="bildung/sprache",
        line=40,
        option_lines={"id": 41, "goals": 42, "start": 43},
        id="BIL-M1",
        goals="BIL-Z1",
        start="Sommer 2016",
    )
    (diagnostic,) = m.diagnostics
    assert (diagnostic.docname, diagnostic.line, diagnostic.code) == (
        "bildung/sprache",
        43,
        "bad_date",
    )
    assert "BIL-M1" in diagnostic.message
    assert ":start:" in diagnostic.message


def test_without_option_lines_the_item_line_is_used():
    m = item("measure", "M", line=12, id="BIL-M1", goals="BIL-Z1", status="läuft")
    assert [(d.line, d.code) for d in m.diagnostics] == [(12, "bad_status")]


# -- unknown options ---------------------------------------------------------


def test_an_unknown_option_is_reported_with_a_suggestion_and_kept():
    m = item(
        "measure",
        "M",
        option_lines={"stauts": 7},
        id="BIL-M1",
        goals="BIL-Z1",
        stauts="ongoing",
    )
    (diagnostic,) = m.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("unknown_option", 7)
    assert "':stauts:'" in diagnostic.message
    assert "did you mean ':status:'" in diagnostic.message
    assert m.raw["stauts"] == "ongoing"
    assert m.invalid_options()["stauts"] == "ongoing"
    assert "stauts" not in m.options
    assert "status" not in m.options


def test_an_unknown_option_without_a_close_match_lists_the_options():
    m = item("actor", "AWO", id="AWO", zielgruppe="Familien")
    (diagnostic,) = m.diagnostics
    assert diagnostic.code == "unknown_option"
    assert "did you mean" not in diagnostic.message
    for name in ("type", "url"):
        assert name in diagnostic.message
    assert "konzept_options" in diagnostic.message


def test_an_option_of_another_item_type_is_unknown_here():
    g = item("goal", "G", id="BIL-Z1", field="BIL", status="ongoing")
    assert codes(g.diagnostics) == ["unknown_option"]


# -- bad values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "code"),
    [
        ("start", "August 2016", "bad_date"),
        ("end", "2016-13", "bad_date"),
        ("status", "in Arbeit", "bad_status"),
        ("budget", "viel Geld", "bad_money"),
        ("budget", "1.500 EUR", "bad_money"),
        ("lead", "K I", "bad_id"),
        ("partners", "AWO, J M D", "bad_id"),
        ("goals", "BIL Z1", "bad_id"),
    ],
)
def test_a_bad_value_is_reported_and_its_text_kept(option, value, code):
    options = {"id": "BIL-M1", "goals": "BIL-Z1", option: value}
    m = item("measure", "M", option_lines={option: 9}, **options)
    assert [(d.code, d.line) for d in m.diagnostics] == [(code, 9)]
    assert option not in m.options
    assert m.raw[option] == value
    assert m.invalid_options()[option] == value


@pytest.mark.parametrize(
    ("item_type", "option", "value", "code"),
    [
        ("actor", "type", "Wohlfahrt", "bad_choice"),
        ("actor", "url", "javascript:alert(1)", "bad_url"),
        ("field", "kind", "Querschnitt", "bad_choice"),
        ("goal", "level", "Leitziel", "bad_choice"),
        ("indicator", "baseline", "81,5", "bad_series"),
        ("indicator", "values", "2015: 1; 2015: 2", "bad_series"),
    ],
)
def test_bad_values_of_other_item_types(item_type, option, value, code):
    options = {"id": "X1", option: value}
    if BUILTIN_SCHEMA.type(item_type).option("field") is not None:
        options["field"] = "BIL"
    i = item(item_type, "T", **options)
    assert codes(i.diagnostics) == [code]
    assert i.raw[option] == value
    assert option not in i.options


def test_german_labels_are_accepted_through_aliases():
    aliases = {"status": {"laufend": "ongoing"}, "goal_level": {"leitziel": "guiding"}}
    m = item("measure", "M", aliases=aliases, id="M1", goals="Z1", status="Laufend")
    g = item("goal", "G", aliases=aliases, id="Z1", level="Leitziel")
    assert m.options["status"] == "ongoing"
    assert g.options["level"] == "guiding"
    assert m.diagnostics == g.diagnostics == ()


# -- required options, titles, IDs -------------------------------------------


@pytest.mark.parametrize("goals", [None, "", "   "])
def test_a_measure_needs_goals(goals):
    options = {"id": "BIL-M1"} if goals is None else {"id": "BIL-M1", "goals": goals}
    m = item("measure", "M", line=30, docname="bildung", **options)
    (diagnostic,) = m.diagnostics
    assert (diagnostic.docname, diagnostic.line, diagnostic.code) == (
        "bildung",
        30,
        "missing_option",
    )
    assert ":goals:" in diagnostic.message
    assert "goals" not in m.options


def test_an_item_needs_a_title():
    g = item("goal", "   ", id="BIL-Z1")
    assert codes(g.diagnostics) == ["missing_option"]
    assert "title" in g.diagnostics[0].message


def test_the_id_is_taken_as_written_when_valid():
    assert item("goal", "G", id="  BIL-Z1 ").id == "BIL-Z1"


@pytest.mark.parametrize("bad", ["BIL Z1", "1-BIL", "BIL--Z1", ""])
def test_an_unusable_id_leaves_the_item_without_id_but_keeps_the_text(bad):
    g = item("goal", "G", id=bad)
    assert g.id is None
    assert g.raw["id"] == bad
    # whether the ID clashes or is malformed is judged over the whole concept
    assert g.diagnostics == ()


# -- defaults ----------------------------------------------------------------


def test_defaults_apply_when_the_option_is_not_given():
    assert item("goal", "G", id="Z1").options["level"] == "goal"
    assert item("field", "F", id="F1").options["kind"] == "theme"


def test_an_empty_option_means_not_given():
    g = item("goal", "G", id="Z1", level="  ", parent="")
    m = item("measure", "M", id="M1", goals="Z1", end="")
    assert g.options["level"] == "goal"
    assert "parent" not in g.options
    assert "end" not in m.options
    assert g.diagnostics == m.diagnostics == ()


def test_explicit_values_win_over_defaults():
    assert item("goal", "G", id="Z1", level="guiding").options["level"] == "guiding"
    assert item("field", "F", id="F1", kind="crosscutting").options["kind"] == "crosscutting"


def test_measures_and_actors_have_no_invented_status_or_type():
    assert "status" not in item("measure", "M", id="M1", goals="Z1").options
    assert "type" not in item("actor", "A", id="A1").options


# -- periods -----------------------------------------------------------------


def test_an_end_before_the_start_is_reported_on_the_end_line():
    m = item(
        "measure",
        "M",
        line=20,
        option_lines={"start": 24, "end": 25},
        id="M1",
        goals="Z1",
        start="2018-03",
        end="2017",
    )
    (diagnostic,) = m.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("bad_period", 25)
    assert "2017" in diagnostic.message
    assert "2018-03" in diagnostic.message
    # both values are still usable and shown
    assert (m.options["start"], m.options["end"]) == ("2018-03", "2017")


@pytest.mark.parametrize(
    ("start", "end"),
    [("2016-08", "2016"), ("2016", "2016-01"), ("2016-08-15", "2016-08"), ("2016", "2016")],
)
def test_an_end_within_the_start_period_is_fine(start, end):
    m = item("measure", "M", id="M1", goals="Z1", start=start, end=end)
    assert m.diagnostics == ()


_dates = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 12, 31))
_precisions = st.sampled_from([4, 7, 10])


@given(_dates, _precisions, _dates, _precisions)
def test_bad_period_exactly_when_the_end_period_is_over_before_the_start_period_begins(
    start_day, start_precision, end_day, end_precision
):
    start = start_day.isoformat()[:start_precision]
    end = end_day.isoformat()[:end_precision]
    m = item("measure", "M", id="M1", goals="Z1", start=start, end=end)
    # the earliest day the start can mean; the latest day the end can mean
    start_first = start_day.replace(
        month=1 if start_precision == 4 else start_day.month,
        day=1 if start_precision < 10 else start_day.day,
    )
    end_last = {
        4: datetime.date(end_day.year, 12, 31),
        7: (end_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        - datetime.timedelta(days=1),
        10: end_day,
    }[end_precision]
    assert ("bad_period" in codes(m.diagnostics)) == (end_last < start_first)


# -- custom options ----------------------------------------------------------


def test_options_declared_in_conf_py_are_parsed_with_their_kind():
    schema, problems = extend_schema(
        BUILTIN_SCHEMA,
        {"measure": {"participants": {"kind": "number", "label": "Teilnehmende"}}},
        {},
    )
    assert problems == []
    m = item("measure", "M", schema=schema, id="M1", goals="Z1", participants="1.234,5")
    assert m.options["participants"] == 1234.5
    bad = item("measure", "M", schema=schema, id="M1", goals="Z1", participants="viele")
    assert codes(only(bad.diagnostics, "bad_number")) == ["bad_number"]
    # the same option is unknown to the built-in schema
    plain = item("measure", "M", id="M1", goals="Z1", participants="12")
    assert codes(plain.diagnostics) == ["unknown_option"]
