"""``konzept_accessibility`` and ``konzept_imprint_url`` in small projects (no
browser): a statement that lacks what BITV asks for is a located warning;
without a statement there is no page and no footer link; an imprint can be a
page of the concept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CONF = """
project = "Testkonzept"
author = "Stadt Beispiel"
language = "de"
extensions = ["konzept"]
html_theme = "pydata_sphinx_theme"
"""


def build(tmp_path: Path, conf: str, pages: dict[str, str]) -> tuple[Path, str]:
    (tmp_path / "conf.py").write_text(CONF + conf, "utf-8")
    for name, text in pages.items():
        (tmp_path / f"{name}.md").write_text(text, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "konzept.cli", "build", str(tmp_path), "-q", "-E"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "_build" / "html", result.stderr


def test_incomplete_statement_is_a_located_warning(tmp_path: Path):
    html, warnings = build(
        tmp_path,
        'konzept_accessibility = {\n    "status": "maybe",\n}\n',
        {"index": "# Start\n\nText.\n"},
    )
    lines = [line for line in warnings.splitlines() if "konzept_accessibility" in line]
    assert len(lines) == 4, warnings  # status, date, contact, enforcement
    assert all("conf.py:7" in line and "[konzept.bad_config]" in line for line in lines), lines
    assert (html / "barrierefreiheit.html").is_file()  # written all the same


def test_no_statement_no_page_and_no_link(tmp_path: Path):
    html, warnings = build(tmp_path, "", {"index": "# Start\n\nText.\n"})
    assert warnings == ""
    assert not (html / "barrierefreiheit.html").exists()
    assert "konzept-footer-links" not in (html / "index.html").read_text("utf-8")


def test_imprint_can_be_a_page_of_the_concept(tmp_path: Path):
    html, warnings = build(
        tmp_path,
        'konzept_imprint_url = "impressum"\n',
        {
            "index": "# Start\n\n```{toctree}\nimpressum\n```\n",
            "impressum": "# Impressum\n\nStadt Beispiel.\n",
        },
    )
    assert warnings == ""
    start = (html / "index.html").read_text("utf-8")
    assert '<a href="impressum.html">Impressum</a>' in start
    own = (html / "impressum.html").read_text("utf-8")
    assert '<a href="#" aria-current="page">Impressum</a>' in own
