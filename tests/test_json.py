"""konzept.json: the SPEC §6 shape, valid against the shipped JSON Schema,
byte-identical for identical sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from konzept.core.export import json_schema

from conftest import ROOTS, konzept_json


def validate(data) -> list[str]:
    validator = Draft202012Validator(json_schema())
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]


def test_the_shipped_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(json_schema())


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_json_has_the_spec_shape(app):
    app.build()
    data = konzept_json(app)
    assert validate(data) == []
    assert data["schema_version"] == 1
    assert data["release"] == {
        "version": "2016",
        "title": "Integrationskonzept Testkreis 2016",
        "date": "2016-04-11",
        "status": "adopted",
        "predecessor": "2011",
        "decisions": [
            {
                "body": "Sozialausschuss",
                "date": "2016-05-11",
                "kind": "preliminary",
                "result": None,
                "document": None,
            },
            {
                "body": "Kreistag",
                "date": "2016-06-27",
                "kind": "resolution",
                "result": "adopted unchanged",
                "document": "50/020/2016",
            },
        ],
    }
    assert data["items"]["BIL-M3"] == {
        "id": "BIL-M3",
        "type": "measure",
        "title": "Sprachcafés in allen Kommunen",
        "text": "Wöchentliche Treffen in allen zehn Kommunen.\n\nMit Kinderbetreuung.",
        "docname": "bildung",
        "anchor": "BIL-M3",
        "line": 21,
        "field": "BIL",
        "goals": ["BIL-Z1"],
        "lead": "KI",
        "partners": ["AWO"],
        "start": "2016-08",
        "end": "2018",
        "status": "ongoing",
        "budget": {"amount": "161088.00", "currency": "EUR"},
        "funding": "KOMM-AN NRW",
        "replaces": [],
    }
    assert data["items"]["K-ABS"]["values"] == [
        {"period": "2015", "value": 82},
        {"period": "2016", "value": 84.1},
    ]
    assert data["items"]["AWO"]["actor_type"] == "welfare"


@pytest.mark.sphinx("html", testroot="bad", freshenv=True)
def test_json_of_a_project_with_problems_is_valid_too(app):
    app.build()
    assert validate(konzept_json(app)) == []


def test_identical_sources_give_byte_identical_json(make_app, tmp_path: Path):
    outputs = []
    for name in ("one", "two"):
        src = tmp_path / name
        shutil.copytree(ROOTS / "test-basic", src)
        app = make_app("html", srcdir=src)
        app.build()
        outputs.append((Path(app.outdir) / "konzept.json").read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].decode("utf-8").endswith("}\n")
