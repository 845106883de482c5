"""The flagship concept (Kreis Musterland) and konzept's own docs build
cleanly with -W, and the flagship is as complete as SPEC §3 asks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from konzept.core.export import json_schema

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def flagship(tmp_path_factory) -> Path:
    """A copy of the flagship, built with warnings as errors."""
    target = tmp_path_factory.mktemp("flagship")
    shutil.copy(REPO / "conf.py", target / "conf.py")
    shutil.copytree(REPO / "source", target / "source")
    shutil.copytree(REPO / "releases", target / "releases")  # the change log compares with 2016
    result = subprocess.run(
        [sys.executable, "-m", "konzept.cli", "build", str(target), "-W", "-q", "-E"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return target / "_build" / "html"


def test_flagship_is_as_big_as_a_real_concept(flagship: Path):
    data = json.loads((flagship / "konzept.json").read_text("utf-8"))
    counts = Counter(item["type"] for item in data["items"].values())
    levels = Counter(item.get("level") for item in data["items"].values() if item["type"] == "goal")
    assert counts["field"] >= 8
    assert levels["goal"] >= 40
    assert levels["guiding"] >= 1
    assert counts["measure"] >= 120
    assert counts["actor"] >= 30
    assert counts["indicator"] >= 10
    kinds = {item["kind"] for item in data["items"].values() if item["type"] == "field"}
    assert kinds == {"theme", "crosscutting"}
    assert data["unindexed"] == []
    assert Draft202012Validator(json_schema()).is_valid(data)


def test_flagship_release_has_a_beratungsfolge(flagship: Path):
    release = json.loads((flagship / "konzept.json").read_text("utf-8"))["release"]
    assert release["decisions"][-1]["body"] == "Kreistag"
    assert release["status"] in ("draft", "submitted", "adopted")


def test_flagship_has_participation_and_bibliography(flagship: Path):
    pages = {p.relative_to(flagship).as_posix() for p in flagship.rglob("*.html")}
    assert "beteiligung.html" in pages
    bibliography = (flagship / "literatur.html").read_text("utf-8")
    assert "Teilhabe- und Integrationsgesetz" in bibliography


def test_docs_build_without_warnings(tmp_path: Path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(REPO / "docs"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "index.html").is_file()
