"""``konzept new`` and ``konzept export``: a new concept builds cleanly, and
its items come out as spreadsheets."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from konzept.core.tables import table


def konzept(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "konzept.cli", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def concept(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("new") / "kreis"
    result = konzept("new", str(target), "--title", 'Integrationskonzept "Testkreis"')
    assert result.returncode == 0, result.stderr
    return target


def test_a_new_concept_builds_without_warnings(concept: Path):
    result = konzept("build", str(concept), "-W", "-q")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    page = (concept / "_build/html/index.html").read_text("utf-8")
    assert (
        "Integrationskonzept &quot;Testkreis&quot;" in page
        or 'Integrationskonzept "Testkreis"' in page
    )


def test_new_refuses_a_folder_that_is_not_empty(concept: Path):
    result = konzept("new", str(concept))
    assert result.returncode == 2
    assert "not empty" in result.stderr and "Traceback" not in result.stderr


def test_export_xlsx_has_a_sheet_per_item_type(concept: Path, tmp_path: Path):
    out = tmp_path / "k.xlsx"
    result = konzept("export", str(concept), "--output", str(out))
    assert result.returncode == 0, result.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["measures", "goals", "actors", "fields", "indicators"]
    measures = list(book["measures"].values)
    header, first = measures[0], measures[1]
    assert header[:9] == (
        "id",
        "title",
        "field",
        "goals",
        "lead",
        "partners",
        "start",
        "end",
        "status",
    )
    row = dict(zip(header, first, strict=True))
    assert row["id"] == "SPR-M1"
    assert row["budget_amount"] == 5000.0  # a number: the spreadsheet can sum it
    assert row["budget_currency"] == "EUR"
    assert row["partners"] == "VHS"
    assert book["measures"].freeze_panes == "A2"


def test_export_csv_opens_in_a_german_spreadsheet(concept: Path, tmp_path: Path):
    result = konzept("export", str(concept), "-f", "csv", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    raw = (tmp_path / "actors.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["id", "title", "field"] or rows[0][:2] == ["id", "title"]
    assert [r[0] for r in rows[1:]] == ["KI", "VHS"]


def test_export_from_an_archived_release(tmp_path: Path):
    snapshot = tmp_path / "2011.json"
    snapshot.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "release": {
                    "version": "2011",
                    "title": "Alt",
                    "date": None,
                    "status": "adopted",
                    "predecessor": None,
                    "decisions": [],
                },
                "items": {
                    "M1": {
                        "id": "M1",
                        "type": "measure",
                        "title": '=HYPERLINK("x")',
                        "text": "",
                        "docname": "a",
                        "anchor": "M1",
                        "line": 1,
                        "field": None,
                        "goals": ["Z1"],
                        "lead": None,
                        "partners": [],
                        "start": None,
                        "end": None,
                        "status": None,
                        "budget": None,
                        "funding": "-Landesmittel",
                        "replaces": [],
                    },
                },
                "unindexed": [],
            }
        ),
        "utf-8",
    )
    out = tmp_path / "alt.xlsx"
    assert konzept("export", "--from", str(snapshot), "-o", str(out)).returncode == 0
    cell = load_workbook(out)["measures"]["B2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"  # text, not a formula
    assert (
        konzept(
            "export", "--from", str(snapshot), "-f", "csv", "-o", str(tmp_path / "c")
        ).returncode
        == 0
    )
    text = (tmp_path / "c" / "measures.csv").read_text("utf-8-sig")
    assert "'=HYPERLINK" in text and "'-Landesmittel" in text  # CSV injection defused


def test_export_errors_are_one_line(tmp_path: Path):
    result = konzept("export", "--from", str(tmp_path / "missing.json"))
    assert (
        result.returncode == 2
        and "no such file" in result.stderr
        and "Traceback" not in result.stderr
    )
    result = konzept("export", str(tmp_path), "--tables", "people")
    assert result.returncode == 2 and "unknown table 'people'" in result.stderr


def test_tables_follow_the_schema_order_and_split_amounts():
    data = {
        "items": {
            "M2": {
                "id": "M2",
                "type": "measure",
                "title": "B",
                "budget": {"amount": "10.50", "currency": "EUR"},
                "goals": ["Z1", "Z2"],
                "target_group": "Eltern",
            },
            "M10": {"id": "M10", "type": "measure", "title": "C", "budget": None, "goals": []},
            "Z1": {"id": "Z1", "type": "goal", "title": "Ziel"},
        }
    }
    header, rows = table(data, "measures")
    assert header == ["id", "title", "goals", "budget_amount", "budget_currency", "target_group"]
    assert rows == [
        ["M2", "B", "Z1, Z2", 10.5, "EUR", "Eltern"],
        ["M10", "C", "", None, None, None],
    ]
