"""Values as a reader of a given language expects them (07.07.2016, 1.234,50 €).

Babel (already a dependency of Sphinx) knows the conventions of every
locale; this module only decides which pattern fits a partial date.
"""

from __future__ import annotations

import datetime
import functools
from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.numbers import format_currency, format_decimal


@functools.lru_cache(maxsize=32)
def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_date(value: str, language: str | None) -> str:
    """``2016-07-07`` → ``07.07.2016`` (de); ``2016-08`` → ``08.2016`` (de); ``2016`` → ``2016``.

    German dates keep the numeric pattern of German administration (DIN 5008)
    whatever the CLDR data of the installed Babel says (Babel 2.19 gives
    ``08/2016`` for the month, earlier releases gave ``08.2016``).
    """
    locale = _locale(language)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        month = datetime.date(parts[0], parts[1], 1)
        if locale.language == "de":
            return _babel_date(month, format="MM.yyyy", locale=locale)
        return format_skeleton("yMM", month, locale=locale)
    return _babel_date(
        datetime.date(*parts),
        format="medium" if locale.language != "de" else "dd.MM.yyyy",
        locale=locale,
    )


def format_number(value: float | int, language: str | None) -> str:
    return format_decimal(value, locale=_locale(language), decimal_quantization=False)


def format_money(value: dict[str, Any], language: str | None) -> str:
    return format_currency(Decimal(value["amount"]), value["currency"], locale=_locale(language))


def format_point(value: dict[str, Any], unit: str | None, language: str | None) -> str:
    number = format_number(value["value"], language)
    period = format_date(value["period"], language)
    return f"{period}: {number}{_unit(unit)}"


def _unit(unit: str | None) -> str:
    if not unit:
        return ""
    return f"\u00a0{unit}"
