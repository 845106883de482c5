"""Maintain konzept's message catalogue (what ``nox -s i18n`` runs).

    python tools/catalog.py update   # extract messages, merge into the .po files
    python tools/catalog.py compile  # .po -> .mo
    python tools/catalog.py check    # exit 1 if a .po misses a translation or a .mo is stale

Babel comes with Sphinx, so this needs nothing more.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent.parent / "_ext" / "konzept"
LOCALE = PACKAGE / "locale"
DOMAIN = "konzept"
KEYWORDS = {"_": None, "N_": None, "label": None}


def extract() -> Catalog:
    template = Catalog(project="konzept", domain=DOMAIN)
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, str):
            template.add(message, locations=[(filename, lineno)])
    return template


def po_files() -> list[Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=path.parent.parent.name, domain=DOMAIN)


def update() -> None:
    template = extract()
    for path in po_files():
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as f:
            write_po(
                f, catalog, width=88, omit_header=False, sort_output=True, include_lineno=False
            )


def mo_bytes(path: Path) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read(path))
    return buffer.getvalue()


def compile_all() -> None:
    for path in po_files():
        path.with_suffix(".mo").write_bytes(mo_bytes(path))


def problems() -> list[str]:
    found: list[str] = []
    wanted = {m.id for m in extract() if m.id}
    for path in po_files():
        catalog = read(path)
        have = {m.id: m for m in catalog if m.id}
        for msgid in sorted(wanted):
            message = have.get(msgid)
            if message is None or not message.string or message.fuzzy:
                found.append(f"{path}: no translation for {msgid!r}")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(path):
            found.append(f"{mo} is missing or stale: run 'nox -s i18n'")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        print("\n".join(found) or "catalogues complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
