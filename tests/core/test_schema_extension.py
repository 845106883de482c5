"""extend_schema: what a county declares in conf.py (konzept_options,
konzept_vocabularies), and what happens when the declaration is wrong."""

from __future__ import annotations

import pytest

from konzept.core import BUILTIN_SCHEMA, build_concept, extend_schema

from .conftest import actor, codes, export, goal, measure, only

WHERE = ("conf.py", 17)


def extend(options=None, vocabularies=None):
    return extend_schema(BUILTIN_SCHEMA, options or {}, vocabularies or {}, where=WHERE)


def test_adding_an_option():
    schema, problems = extend(
        {"measure": {"target_group": {"kind": "text", "label": "Zielgruppe", "description": "Wer"}}}
    )
    assert problems == []
    spec = schema.type("measure").option("target_group")
    assert (spec.kind.value, spec.label, spec.description, spec.custom) == (
        "text",
        "Zielgruppe",
        "Wer",
        True,
    )
    m = measure("M1", schema=schema, goals="Z1", target_group="  Eltern   mit Kindern ")
    assert m.diagnostics == ()
    assert m.options["target_group"] == "Eltern mit Kindern"


def test_a_label_alone_declares_a_text_option():
    schema, problems = extend({"goal": {"target_group": "Zielgruppe"}})
    assert problems == []
    spec = schema.type("goal").option("target_group")
    assert (spec.kind.value, spec.label) == ("text", "Zielgruppe")


def test_the_built_in_schema_is_left_alone():
    extend({"measure": {"target_group": "Zielgruppe"}}, {"status": {"suspended": "ausgesetzt"}})
    assert BUILTIN_SCHEMA.type("measure").option("target_group") is None
    assert "suspended" not in BUILTIN_SCHEMA.vocabulary("status").values
    m = measure("M1", goals="Z1", target_group="Eltern")
    assert codes(m.diagnostics) == ["unknown_option"]


def test_a_required_custom_option_must_be_given():
    schema, _ = extend({"measure": {"target_group": {"label": "Zielgruppe", "required": True}}})
    m = measure("M1", schema=schema, goals="Z1")
    assert codes(m.diagnostics) == ["missing_option"]
    assert ":target_group:" in m.diagnostics[0].message


def test_a_custom_reference_is_checked_like_the_built_in_ones():
    schema, problems = extend(
        {"measure": {"contact": {"kind": "ref", "targets": ["actor"], "label": "Kontakt"}}}
    )
    assert problems == []
    c = build_concept(
        [
            actor("AWO", line=1),
            goal("Z1", schema=schema, line=2, field="F"),
            measure("M1", schema=schema, line=3, goals="Z1", contact="AW0"),
            measure("M2", schema=schema, line=4, goals="Z1", contact="Z1"),
            measure("M3", schema=schema, line=5, goals="Z1", contact="AWO"),
        ],
        schema,
    )
    assert [d.line for d in only(c.diagnostics, "unknown_ref") if "AW0" in d.message] == [3]
    assert "did you mean 'AWO'" in only(c.diagnostics, "unknown_ref")[-1].message
    assert [d.line for d in only(c.diagnostics, "wrong_type")] == [4]
    assert c.linked_from("AWO", "contact") == ["M3"]


def test_a_choice_with_a_vocabulary_declared_alongside():
    schema, problems = extend(
        {"measure": {"format": {"kind": "choice", "vocabulary": "format", "label": "Format"}}},
        {"format": {"course": "Kurs", "counselling": "Beratung"}},
    )
    assert problems == []
    assert schema.vocabulary("format").values == ("course", "counselling")
    assert measure("M1", schema=schema, goals="Z1", format="Course").options["format"] == "course"
    bad = measure("M1", schema=schema, goals="Z1", format="courses")
    assert codes(bad.diagnostics) == ["bad_choice"]
    assert "did you mean 'course'" in bad.diagnostics[0].message


def test_adding_a_status():
    schema, problems = extend(vocabularies={"status": {"suspended": "ausgesetzt"}})
    assert problems == []
    assert schema.vocabulary("status").values == (
        "planned",
        "ongoing",
        "done",
        "deferred",
        "dropped",
        "suspended",
    )
    assert measure("M1", schema=schema, goals="Z1", status="suspended").options["status"] == (
        "suspended"
    )
    assert codes(measure("M1", goals="Z1", status="suspended").diagnostics) == ["bad_status"]


def test_relabelling_a_term_keeps_its_place_and_value():
    schema, problems = extend(vocabularies={"status": {"ongoing": "  in Umsetzung "}})
    assert problems == []
    status = schema.vocabulary("status")
    assert status.values == BUILTIN_SCHEMA.vocabulary("status").values
    assert status.term("ongoing").label == "in Umsetzung"
    assert measure("M1", schema=schema, goals="Z1", status="ongoing").options["status"] == "ongoing"


def test_custom_options_are_exported_with_the_items():
    schema, _ = extend({"actor": {"contact_person": "Ansprechperson"}})
    c = build_concept([actor("AWO", schema=schema, contact_person="Frau M.")], schema)
    assert export(c)["items"]["AWO"]["contact_person"] == "Frau M."


# -- bad declarations: reported, skipped, never raised -----------------------

GOOD = {"target_group": "Zielgruppe"}


@pytest.mark.parametrize(
    ("options", "vocabularies", "says"),
    [
        pytest.param(["target_group"], {}, "konzept_options", id="options-not-a-dict"),
        pytest.param({}, ["status"], "konzept_vocabularies", id="vocabularies-not-a-dict"),
        pytest.param({"massnahme": GOOD}, {}, "massnahme", id="unknown-item-type"),
        pytest.param(
            {"measure": ["target_group"]}, {}, "measure", id="options-of-a-type-not-a-dict"
        ),
        pytest.param({"measure": {"Target-Group": "Z"}}, {}, "Target-Group", id="bad-option-name"),
        pytest.param({"measure": {"status": "Stand"}}, {}, "status", id="redefines-built-in"),
        pytest.param({"measure": {"title": "Titel"}}, {}, "title", id="reserved-title"),
        pytest.param({"measure": {"type": "Art"}}, {}, "type", id="reserved-type"),
        pytest.param({"actor": {"field": "Feld"}}, {}, "field", id="reserved-field"),
        pytest.param({"measure": {"places": 12}}, {}, "places", id="settings-not-a-dict"),
        pytest.param(
            {"measure": {"places": {"kind": "integer"}}}, {}, "integer", id="unknown-kind"
        ),
        pytest.param({"measure": {"places": {"label": 12}}}, {}, "label", id="label-not-text"),
        pytest.param(
            {"measure": {"contact": {"kind": "ref"}}}, {}, "targets", id="ref-without-targets"
        ),
        pytest.param(
            {"measure": {"contact": {"kind": "refs", "targets": ["person"]}}},
            {},
            "targets",
            id="ref-to-unknown-type",
        ),
        pytest.param(
            {"measure": {"contact": {"kind": "ref", "targets": 5}}},
            {},
            "targets",
            id="targets-not-a-list",
        ),
        pytest.param(
            {"measure": {"format": {"kind": "choice"}}},
            {},
            "vocabulary",
            id="choice-without-vocabulary",
        ),
        pytest.param(
            {"measure": {"format": {"kind": "choice", "vocabulary": "formats"}}},
            {},
            "vocabulary",
            id="choice-with-unknown-vocabulary",
        ),
        pytest.param(
            {"measure": {"format": {"kind": "choice", "vocabulary": ["course", "counselling"]}}},
            {},
            "vocabulary",
            id="choice-with-a-list-for-vocabulary",
        ),
        pytest.param({}, {"format": ["course"]}, "format", id="terms-not-a-dict"),
        pytest.param({}, {"format": {"1st": "Erste"}}, "1st", id="bad-term-value"),
        pytest.param({}, {"format": {5: "Fünf"}}, "5", id="term-value-not-text"),
        pytest.param({}, {"format": {"course": ""}}, "course", id="term-without-label"),
        pytest.param({}, {"format": {"course": None}}, "course", id="term-label-not-text"),
    ],
)
def test_a_bad_declaration_is_reported_and_skipped(options, vocabularies, says):
    schema, problems = extend(options, vocabularies)
    assert codes(problems) == ["bad_config"]
    assert {(p.docname, p.line) for p in problems} == {WHERE}
    assert says in problems[0].message
    # nothing half-declared slipped in
    for item_type in schema:
        assert item_type.options == BUILTIN_SCHEMA.type(item_type.name).options
    for name, vocabulary in schema.vocabularies.items():
        if name in BUILTIN_SCHEMA.vocabularies:
            assert vocabulary == BUILTIN_SCHEMA.vocabulary(name)
        else:
            assert vocabulary.terms == ()


def test_good_entries_survive_next_to_bad_ones():
    schema, problems = extend(
        {
            "measure": {"target_group": "Zielgruppe", "Bad Name": "x"},
            "massnahme": {"y": "y"},
            "actor": {"contact_person": "Ansprechperson"},
        },
        {"status": {"suspended": "ausgesetzt", "2nd": "zweit"}},
    )
    assert codes(problems) == ["bad_config"] * 3
    assert schema.type("measure").option("target_group") is not None
    assert schema.type("actor").option("contact_person") is not None
    assert "suspended" in schema.vocabulary("status").values
    assert "2nd" not in schema.vocabulary("status").values
