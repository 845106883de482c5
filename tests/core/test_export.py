"""konzept.json: the shape other tools rely on, and its JSON Schema."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from konzept.core import BUILTIN_SCHEMA, Decision, Release, build_concept, extend_schema
from konzept.core.export import SCHEMA_VERSION, concept_to_data, concept_to_json

from .conftest import (
    RELEASE,
    actor,
    concept,
    export,
    field,
    goal,
    indicator,
    measure,
    schema_errors,
)
from .strategies import concept_items


def _bildung(*extra):
    return [
        field("BIL", "Bildung und Ausbildung", docname="bildung", line=1, kind="theme"),
        field("IKO", "Interkulturelle Öffnung", docname="iko", line=1, kind="crosscutting"),
        goal("LZ-2", "Teilhabe", docname="leitziele", line=3, level="guiding"),
        goal(
            "BIL-Z1", "Schulabschluss", docname="bildung", line=5, parent="LZ-2", indicators="K-ABS"
        ),
        measure(
            "BIL-M3",
            "Sprachcafés",
            docname="bildung",
            line=20,
            text="Ein Café für alle.",
            anchor="bil-m3",
            goals="BIL-Z1",
            start="2016-08",
            status="ongoing",
            budget="161.088,00 €",
            funding="KOMM-AN NRW",
            replaces="BIL-M1",
        ),
        indicator(
            "K-ABS",
            "Anteil Schulabschlüsse",
            docname="kennzahlen",
            line=2,
            field="BIL",
            unit="%",
            baseline="2014: 81.5",
            target="2020: 90",
            values="2015: 82,0; 2016: 84.1",
        ),
        *extra,
    ]


def test_the_shape_of_the_spec():
    data = export(concept(*_bildung(), page_fields={"bildung": "BIL"}))
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert data["release"]["version"] == "2016"
    assert sorted(data["items"]) == ["BIL", "BIL-M3", "BIL-Z1", "IKO", "K-ABS", "LZ-2"]
    assert data["items"]["BIL-M3"] == {
        "id": "BIL-M3",
        "type": "measure",
        "title": "Sprachcafés",
        "text": "Ein Café für alle.",
        "docname": "bildung",
        "anchor": "bil-m3",
        "line": 20,
        "field": "BIL",
        "goals": ["BIL-Z1"],
        "lead": None,
        "partners": [],
        "start": "2016-08",
        "end": None,
        "status": "ongoing",
        "budget": {"amount": "161088.00", "currency": "EUR"},
        "funding": "KOMM-AN NRW",
        "replaces": ["BIL-M1"],
    }
    assert data["items"]["LZ-2"]["field"] is None
    assert data["items"]["LZ-2"]["level"] == "guiding"
    assert data["items"]["BIL"]["kind"] == "theme"
    assert data["items"]["K-ABS"]["values"] == [
        {"period": "2015", "value": 82},
        {"period": "2016", "value": 84.1},
    ]
    assert data["unindexed"] == []  # always present, empty when every item has an ID


@pytest.mark.parametrize(
    "items",
    [
        pytest.param(_bildung(), id="fields-goals-measures-indicators"),
        pytest.param(
            [actor("AWO", "AWO Kreisverband", type="welfare", url="https://example.org")],
            id="actor",
        ),
        pytest.param([actor("JC", "Jobcenter")], id="actor-without-type"),
        pytest.param(
            [
                goal(None, "Ohne ID", field="F9"),
                measure("M1", "Kaputt", goals="Z 1", start="Sommer", budget="1.500 €", stauts="x"),
                measure("M1", "Doppelt", goals="Z1"),
            ],
            id="unindexed-and-invalid",
        ),
        pytest.param([goal("Z1", "Ziel", level="Leitziel")], id="goal-with-bad-level"),
        pytest.param([field("F1", "Feld", kind="Querschnitt")], id="field-with-bad-kind"),
        pytest.param(
            [measure("M1", "M", goals="Z1", status="läuft")], id="measure-with-bad-status"
        ),
    ],
)
def test_the_export_validates_against_the_shipped_schema(items):
    release = Release(
        "2016",
        "T",
        "2016-04-11",
        "adopted",
        "2011",
        (Decision("Kreistag", "2016-06-27", "resolution"),),
    )
    assert schema_errors(export(concept(*items), release)) == []


def test_an_actor_is_exported_as_an_actor():
    data = export(concept(actor("AWO", "Arbeiterwohlfahrt", type="welfare")))
    assert data["items"]["AWO"]["type"] == "actor"
    # and its kind of organisation is not lost
    assert data["items"]["AWO"]["actor_type"] == "welfare"


@settings(deadline=None)  # builds whole concepts; timing varies on CI
@given(concept_items(with_actors=False), st.randoms(use_true_random=False))
def test_identical_input_gives_identical_bytes_in_any_order(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    one = concept_to_json(build_concept(items, BUILTIN_SCHEMA), RELEASE)
    two = concept_to_json(build_concept(shuffled, BUILTIN_SCHEMA), RELEASE)
    assert one == two
    assert schema_errors(json.loads(one)) == []


@settings(deadline=None)
@given(concept_items(with_actors=True))
def test_the_data_is_what_the_json_file_gives_back(items):
    """The change log diffs this build's data against archived files without a
    JSON round trip, so the data must already be plain JSON values."""
    data = concept_to_data(build_concept(items, BUILTIN_SCHEMA), RELEASE)
    assert json.loads(json.dumps(data)) == data


def _keys_sorted(pairs):
    keys = [k for k, _ in pairs]
    assert keys == sorted(keys), keys
    return dict(pairs)


def test_keys_are_sorted_at_every_level():
    text = concept_to_json(concept(*_bildung()), RELEASE)
    json.loads(text, object_pairs_hook=_keys_sorted)
    assert text.endswith("}\n")
    assert "Interkulturelle Öffnung" in text  # readable, not \u-escaped


@pytest.mark.parametrize("item_type", ["field", "goal", "measure", "actor", "indicator"])
def test_every_declared_option_is_present_even_when_not_given(item_type):
    makers = {
        "field": field,
        "goal": goal,
        "measure": measure,
        "actor": actor,
        "indicator": indicator,
    }
    data = export(concept(makers[item_type]("X1")))
    exported = data["items"]["X1"]
    for spec in BUILTIN_SCHEMA.type(item_type).options:
        # an option whose name is an item key (an actor's "type") has its own key
        key = getattr(spec, "export_key", spec.name)
        assert key in exported, key
        if key not in ("id", "kind", "level"):  # these have defaults
            assert exported[key] == ([] if spec.kind.is_list else None), key
    assert exported["type"] == item_type


def test_custom_options_are_exported_too():
    schema, _ = extend_schema(
        BUILTIN_SCHEMA,
        {"measure": {"target_group": "Zielgruppe", "places": {"kind": "number"}}},
        {},
    )
    items = [
        measure("M1", schema=schema, goals="Z1", target_group="Eltern", places="12"),
        measure("M2", schema=schema, goals="Z1"),
    ]
    data = export(build_concept(items, schema))
    assert (data["items"]["M1"]["target_group"], data["items"]["M1"]["places"]) == ("Eltern", 12)
    assert (data["items"]["M2"]["target_group"], data["items"]["M2"]["places"]) == (None, None)


def test_items_without_usable_id_are_exported_under_unindexed():
    items = _bildung(
        measure(None, "Ohne ID", docname="bildung", line=30, goals="BIL-Z1"),
        measure("BIL-M3", "Doppelt", docname="bildung", line=40, goals="BIL-Z1"),
        measure(None, "Kaputte ID", docname="bildung", line=50, id="BIL M9", goals="BIL-Z1"),
    )
    data = export(concept(*items, page_fields={"bildung": "BIL"}))
    assert [(u["title"], u["id"], u["line"]) for u in data["unindexed"]] == [
        ("Ohne ID", None, 30),
        ("Doppelt", "BIL-M3", 40),
        ("Kaputte ID", None, 50),
    ]
    assert data["items"]["BIL-M3"]["title"] == "Sprachcafés"
    assert schema_errors(data) == []


def test_a_malformed_id_is_kept_in_the_export():
    m = measure(None, "Kaputte ID", id="BIL M9", goals="BIL-Z1", start="2016")
    exported = export(concept(m))["unindexed"][0]
    assert exported["id"] is None
    # what the author wrote is not lost: it is among the values that could not be read
    assert exported.get("invalid") == {"id": "BIL M9"}


def test_items_without_id_carry_their_field_like_the_others():
    items = _bildung(
        measure(None, "Auf der Seite", docname="bildung", line=30, goals="BIL-Z1"),
        measure(None, "Über das Ziel", docname="anderswo", line=30, goals="BIL-Z1"),
    )
    data = export(concept(*items, page_fields={"bildung": "BIL"}))
    assert data["items"]["BIL-Z1"]["field"] == "BIL"
    assert {u["title"]: u["field"] for u in data["unindexed"]} == {
        "Auf der Seite": "BIL",
        "Über das Ziel": "BIL",
    }


def test_values_that_could_not_be_parsed_are_exported_as_written():
    m = measure(
        "M1", goals="Z1", start="Sommer 2016", budget="1.500 €", status="läuft", stauts="ongoing"
    )
    exported = export(concept(m))["items"]["M1"]
    assert exported["invalid"] == {
        "start": "Sommer 2016",
        "budget": "1.500 €",
        "status": "läuft",
        "stauts": "ongoing",
    }
    assert (exported["start"], exported["budget"], exported["status"]) == (None, None, None)


def test_an_option_left_empty_is_not_invalid():
    m = measure("M1", goals="Z1", start="2016", end="")
    exported = export(concept(m))["items"]["M1"]
    assert m.diagnostics == ()  # empty means "not given": no warning...
    assert exported["end"] is None
    assert "invalid" not in exported  # ...so nothing is reported as invalid either
