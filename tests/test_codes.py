"""Every warning subtype konzept emits is in the table the docs are made from."""

from __future__ import annotations

import re
from pathlib import Path

from konzept.core.codes import CODES

PACKAGE = Path(__file__).resolve().parent.parent / "_ext" / "konzept"


def emitted_codes() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        found.update(re.findall(r'subtype="([a-z_]+)"', text))
        # diagnostics as values: Diagnostic(docname, line, "code", ...) and BadValue("code", ...)
        found.update(re.findall(r'Diagnostic\(\s*[^,]+,\s*[^,]+,\s*"([a-z_]+)"', text))
        found.update(re.findall(r'BadValue\(\s*"([a-z_]+)"', text))
        found.update(re.findall(r'problem\(\s*(?:[a-z_"]+|None),\s*"([a-z_]+)"', text))
        # codes chosen at run time: code = "duplicate_id"; code = "a" if ... else "b"
        found.update(re.findall(r'\bcode = "([a-z_]+)"', text))
        for pair in re.findall(r'\bcode = "[a-z_]+" if .* else "([a-z_]+)"', text):
            found.add(pair)
    return found


def test_every_emitted_code_is_documented():
    documented = {code.code for code in CODES}
    missing = emitted_codes() - documented
    assert missing == set()


def test_the_table_has_no_duplicates_and_every_entry_says_what_to_do():
    codes = [code.code for code in CODES]
    assert len(codes) == len(set(codes))
    for code in CODES:
        assert code.summary.strip() and code.remedy.strip(), code.code
