"""Parsing of option values, one function per kind of value.

Each parser takes the text an author wrote and returns the JSON value that
``konzept.json`` stores, or raises :class:`BadValue` with a message that says
what to write instead. No parser knows about other items: whether a
referenced ID exists is checked later, over the whole concept.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from .model import JSONValue
from .schema import Kind, OptionSpec, Vocabulary

ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$")
ID_RULE = "letters A-Z, digits and single '-', '_' or '.' between them, starting with a letter"
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")
_POINT = re.compile(r"^(?P<period>[^:]+):(?P<value>.*)$")
_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}
_MONEY = re.compile(
    r"^(?P<pre>[A-Za-z]{3}|[€$£])?\s*(?P<num>[0-9][0-9.,'\s\u00a0\u202f]*?)\s*(?P<post>[A-Za-z]{3}|[€$£])?$"
)


#: More digits than any budget or indicator needs; beyond, a typo is likelier.
_MAX_DIGITS = 18
_MAX_FRACTION = 8


class BadValue(ValueError):
    """An option value that cannot be used; ``code`` is the warning subtype."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


def parse_text(raw: str) -> str:
    return " ".join(raw.split())


def parse_id(raw: str) -> str:
    value = raw.strip()
    if not is_valid_id(value):
        raise BadValue("bad_id", f"{value!r} is not a usable ID: use {ID_RULE}.")
    return value


def parse_ids(raw: str) -> list[str]:
    """A comma-separated list of IDs; repeated IDs are kept once."""
    result: list[str] = []
    for part in re.split(r"[,;]", raw):
        part = part.strip()
        if not part:
            continue
        value = parse_id(part)
        if value not in result:
            result.append(value)
    return result


def parse_date(raw: str) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, normalised to zero-padded form."""
    value = raw.strip()
    match = _DATE.match(value)
    hint = "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016, 2016-08 or 2016-08-15"
    if not match:
        raise BadValue("bad_date", f"{value!r} is not a date: {hint}.")
    year, month, day = match.groups()
    if int(year) == 0:
        raise BadValue("bad_date", f"{value!r} has no year 0: {hint}.")
    parts = [year]
    if month is not None:
        if not 1 <= int(month) <= 12:
            raise BadValue("bad_date", f"{value!r} has no month {int(month)}: {hint}.")
        parts.append(f"{int(month):02d}")
    if day is not None:
        last = calendar.monthrange(int(year), int(month or 1))[1]
        if not 1 <= int(day) <= last:
            raise BadValue("bad_date", f"{value!r} has no day {int(day)}: {hint}.")
        parts.append(f"{int(day):02d}")
    return "-".join(parts)


def date_bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day a (partial) date stands for."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    first_month = parts[1] if len(parts) > 1 else 1
    last_month = parts[1] if len(parts) > 1 else 12
    first_day = parts[2] if len(parts) > 2 else 1
    last_day = parts[2] if len(parts) > 2 else calendar.monthrange(year, last_month)[1]
    return (year, first_month, first_day), (year, last_month, last_day)


def parse_decimal(raw: str) -> Decimal:
    """A number written the German or the English way.

    ``1.234,5`` and ``1,234.5`` are both 1234.5; ``81,5`` and ``81.5`` are
    both 81.5. A lone separator followed by exactly three digits (``1.500``)
    means 1500 to a German reader and 1.5 to an English one, so it is refused
    rather than guessed (:class:`AmbiguousNumber`).
    """
    text = re.sub(r"[\s\u00a0\u202f']", "", raw.strip())
    negative = text.startswith("-")
    if text[:1] in "+-":
        text = text[1:]
    if not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)*", text):
        raise InvalidOperation(raw)
    separators = set(re.findall(r"[.,]", text))
    if len(separators) == 2:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal_sep == "." else "."
        integer = text.rpartition(decimal_sep)[0]
        if text.count(decimal_sep) > 1 or not _grouped(integer, thousands):
            raise InvalidOperation(raw)
        text = text.replace(thousands, "").replace(decimal_sep, ".")
    elif separators:
        (sep,) = separators
        if text.count(sep) > 1:
            if not _grouped(text, sep):
                raise InvalidOperation(raw)
            text = text.replace(sep, "")
        elif re.search(r"[.,][0-9]{3}$", text):
            raise AmbiguousNumber(raw)
        else:
            text = text.replace(sep, ".")
    integer_part, _, fraction_part = text.partition(".")
    if len(integer_part) > _MAX_DIGITS or len(fraction_part) > _MAX_FRACTION:
        raise InvalidOperation(raw)
    value = Decimal(text)
    return -value if negative else value


def _grouped(integer: str, separator: str) -> bool:
    """``1.234.567``: groups of three after the first, which has one to three."""
    groups = integer.split(separator)
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


class AmbiguousNumber(InvalidOperation):
    """``1.500``: a thousands separator or a decimal point?"""


def parse_number(raw: str) -> int | float:
    try:
        value = parse_decimal(raw)
    except AmbiguousNumber:
        raise BadValue("bad_number", _ambiguous(raw)) from None
    except InvalidOperation:
        raise BadValue(
            "bad_number", f"{raw.strip()!r} is not a number: write e.g. 81.5 or 81,5."
        ) from None
    return _json_number(value)


def _ambiguous(raw: str) -> str:
    return (
        f"{raw.strip()!r} is ambiguous: is the separator before the last three digits "
        "a thousands separator or a decimal point? Write 1500 or 1.500,00 for "
        "fifteen hundred, 1.5 for one and a half."
    )


def _json_number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_money(raw: str) -> dict[str, str]:
    """An amount with an optional currency (EUR when none is given)."""
    value = raw.strip()
    hint = "write an amount and a currency, e.g. 161088.00 EUR or 161.088,00 €"
    match = _MONEY.match(value)
    if not match or (match["pre"] and match["post"]):
        raise BadValue("bad_money", f"{value!r} is not an amount of money: {hint}.")
    currency = match["pre"] or match["post"] or "EUR"
    currency = _CURRENCY_SYMBOLS.get(currency, currency).upper()
    try:
        amount = parse_decimal(match["num"])
    except AmbiguousNumber:
        raise BadValue("bad_money", _ambiguous(value)) from None
    except InvalidOperation:
        raise BadValue("bad_money", f"{value!r} is not an amount of money: {hint}.") from None
    return {"amount": f"{amount.quantize(Decimal('0.01'))}", "currency": currency}


def parse_url(raw: str) -> str:
    value = raw.strip()
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed [ in the host
        parts, host = urlsplit(""), None
    ok = not re.search(r"\s", value) and (
        (parts.scheme in ("http", "https") and bool(host))
        or (parts.scheme == "mailto" and re.fullmatch(r"[^@\s]+@[^@\s]+", parts.path) is not None)
    )
    if not ok:
        raise BadValue(
            "bad_url",
            f"{value!r} is not a usable web address: it must start with "
            "https://, http:// or mailto:.",
        )
    return value


def parse_point(raw: str) -> dict[str, JSONValue]:
    """``YEAR: VALUE`` (the period may also be ``YYYY-MM``)."""
    value = raw.strip()
    hint = "write YEAR: VALUE, e.g. 2014: 81.5"
    match = _POINT.match(value)
    if not match:
        raise BadValue("bad_series", f"{value!r} is not a data point: {hint}.")
    try:
        period = parse_date(match["period"])
        number = parse_number(match["value"])
    except BadValue as error:
        raise BadValue("bad_series", f"{value!r}: {error.message}") from None
    return {"period": period, "value": number}


def parse_series(raw: str) -> list[dict[str, JSONValue]]:
    """``YEAR: VALUE; YEAR: VALUE``, sorted by period, each period once."""
    points = [parse_point(part) for part in raw.split(";") if part.strip()]
    seen: set[str] = set()
    for point in points:
        if point["period"] in seen:
            raise BadValue(
                "bad_series", f"{point['period']} has two values in {raw.strip()!r}; keep one."
            )
        seen.add(point["period"])
    return sorted(points, key=lambda p: date_bounds(p["period"])[0])


def parse_choice(raw: str, vocabulary: Vocabulary, aliases: Mapping[str, str] | None = None) -> str:
    """A vocabulary term, by value or by a (translated) label, in any case."""
    value = " ".join(raw.split())
    wanted = value.casefold()
    for term in vocabulary.terms:
        if term.value.casefold() == wanted:
            return term.value
    if aliases and wanted in aliases:
        return aliases[wanted]
    code = "bad_status" if vocabulary.name == "status" else "bad_choice"
    allowed = ", ".join(vocabulary.values)
    message = f"{value!r} is not a known {vocabulary.name.replace('_', ' ')}: use one of {allowed}"
    spellings = {v.casefold(): v for v in vocabulary.values}
    spellings.update({alias: v for alias, v in (aliases or {}).items() if alias not in spellings})
    guess = difflib.get_close_matches(wanted, list(spellings), n=1)
    if guess:
        message += f" (did you mean {spellings[guess[0]]!r}?)"
    raise BadValue(code, message + ".")


_PARSERS: dict[Kind, Callable[[str], JSONValue]] = {
    Kind.TEXT: parse_text,
    Kind.ID: parse_id,
    Kind.IDS: parse_ids,
    Kind.REF: parse_id,
    Kind.REFS: parse_ids,
    Kind.DATE: parse_date,
    Kind.MONEY: parse_money,
    Kind.URL: parse_url,
    Kind.NUMBER: parse_number,
    Kind.POINT: parse_point,
    Kind.SERIES: parse_series,
}


def parse_value(
    spec: OptionSpec,
    raw: str,
    vocabularies: Mapping[str, Vocabulary],
    aliases: Mapping[str, Mapping[str, str]] | None = None,
) -> JSONValue:
    """Parse ``raw`` as the value of the option ``spec``."""
    if spec.kind is Kind.CHOICE:
        assert spec.vocabulary is not None
        vocab_aliases = (aliases or {}).get(spec.vocabulary)
        return parse_choice(raw, vocabularies[spec.vocabulary], vocab_aliases)
    return _PARSERS[spec.kind](raw)
