"""Translation of everything konzept renders (catalogue ``konzept``)."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "konzept"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

#: Translate a label for the reader (in the document's ``language``).
_ = get_translation(CATALOG)


def label(message: str) -> str:
    """Translate a message id from the schema (plain str, evaluated now)."""
    return str(_(message))
