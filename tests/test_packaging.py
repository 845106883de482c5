"""A wheel of konzept carries everything a fresh install needs at build time:
catalogue, stylesheets, templates, the JSON Schema, the PDF fonts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_contains_the_data_files(tmp_path: Path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("konzept-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "konzept/locale/de/LC_MESSAGES/konzept.mo",
        "konzept/static/konzept.css",
        "konzept/static/konzept-tables.js",
        "konzept/schema/konzept.schema.json",
        "konzept/templates/new/conf.py",
        "konzept/templates/new/source/handlungsfelder/sprache.md",
        "konzept/templates/site/layout.html",
        "konzept/writers/templates/brochure.typ",
        "konzept/writers/fonts/SourceSans3-Bold.otf",
        "konzept/py.typed",
    ):
        assert needed in names, needed
    assert not any("__pycache__" in n for n in names)
