"""Option values: what an author may write after ``:name:`` and what it means."""

from __future__ import annotations

import calendar
import datetime
import json
import re
from decimal import Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from konzept.core.codes import CODES
from konzept.core.schema import ACTOR_TYPE, BUILTIN_SCHEMA, RELEASE_STATUS, STATUS, Kind, OptionSpec
from konzept.core.values import (
    ID_PATTERN,
    BadValue,
    date_bounds,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_id,
    parse_ids,
    parse_money,
    parse_number,
    parse_point,
    parse_series,
    parse_text,
    parse_url,
    parse_value,
)

CANONICAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
MONEY_AMOUNT = re.compile(r"^-?[0-9]+\.[0-9]{2}$")  # as in konzept.schema.json

years = st.integers(min_value=1, max_value=9999)
real_dates = st.dates(min_value=datetime.date(1, 1, 1))


def refused(function, text, code):
    with pytest.raises(BadValue) as info:
        function(text)
    assert info.value.code == code
    assert info.value.message  # the author is told what to write instead
    return info.value.message


# -- dates -------------------------------------------------------------------


@given(real_dates)
def test_every_real_date_round_trips_in_all_three_precisions(day):
    full = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    month = full[:7]
    year = full[:4]
    assert parse_date(full) == full
    assert parse_date(month) == month
    assert parse_date(year) == year


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_unpadded_month_and_day_are_zero_padded(day):
    assert parse_date(f"{day.year}-{day.month}") == f"{day.year}-{day.month:02d}"
    assert (
        parse_date(f"{day.year}-{day.month}-{day.day}")
        == f"{day.year}-{day.month:02d}-{day.day:02d}"
    )


def test_the_example_from_the_spec_is_normalised():
    assert parse_date("2016-8") == "2016-08"
    assert parse_date(" 2016-08-5 ") == "2016-08-05"


@pytest.mark.parametrize(
    "text",
    ["2019-02-30", "2100-02-29", "2016-04-31", "2016-13", "2016-00", "2016-01-00", "2016-12-32"],
)
def test_impossible_dates_are_refused(text):
    refused(parse_date, text, "bad_date")


def test_leap_days_exist_only_in_leap_years():
    assert parse_date("2016-02-29") == "2016-02-29"
    assert parse_date("2000-02-29") == "2000-02-29"
    refused(parse_date, "2019-02-29", "bad_date")


@given(years, st.integers(min_value=13, max_value=99))
def test_months_beyond_twelve_are_refused(year, month):
    refused(parse_date, f"{year:04d}-{month}", "bad_date")


@given(real_dates, st.integers(min_value=1, max_value=40))
def test_days_beyond_the_end_of_the_month_are_refused(day, extra):
    last = calendar.monthrange(day.year, day.month)[1]
    refused(parse_date, f"{day.year:04d}-{day.month:02d}-{last + extra}", "bad_date")


@pytest.mark.parametrize(
    "text", ["", "16", "20161", "2016/08", "08.2016", "Aug 2016", "2016-08-15T10:00", "2016-"]
)
def test_things_that_are_not_dates_are_refused(text):
    message = refused(parse_date, text, "bad_date")
    assert "YYYY-MM-DD" in message


@given(st.from_regex(r"\A\d{4}(-\d{1,2}(-\d{1,2})?)?\Z"))
@example("٢٠١٦")  # Arabic-Indic digits
@example("２０１６-08")  # full-width digits
def test_accepted_dates_are_always_ascii_and_canonical(text):
    """konzept.json promises dates as [0-9]{4}-[0-9]{2}-[0-9]{2} (see the schema)."""
    try:
        value = parse_date(text)
    except BadValue:
        return
    assert CANONICAL_DATE.match(value), value
    assert parse_date(value) == value


@given(real_dates, st.sampled_from([1, 2, 3]))
def test_date_bounds_cover_exactly_the_period_written(day, precision):
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"[: {1: 4, 2: 7, 3: 10}[precision]]
    first, last = date_bounds(text)
    assert first <= last
    assert datetime.date(*first) <= day <= datetime.date(*last)
    if precision == 1:
        assert (first, last) == ((day.year, 1, 1), (day.year, 12, 31))
    elif precision == 2:
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        assert (first, last) == ((day.year, day.month, 1), (day.year, day.month, days_in_month))
    else:
        assert first == last == (day.year, day.month, day.day)


def test_february_ends_on_the_29th_in_leap_years():
    assert date_bounds("2016-02")[1] == (2016, 2, 29)
    assert date_bounds("2015-02")[1] == (2015, 2, 28)


# -- numbers -----------------------------------------------------------------


def _grouped(integer: int, sep: str) -> str:
    return f"{integer:,}".replace(",", sep)


def _lone_separator_before_three_digits(text: str) -> bool:
    separators = re.findall(r"[.,]", text)
    return len(separators) == 1 and re.search(r"[.,]\d{3}$", text) is not None


@given(
    st.integers(min_value=0, max_value=10**15),
    st.one_of(st.none(), st.from_regex(r"\A[0-9]{1,6}\Z")),
)
def test_german_and_english_notation_mean_the_same_number(integer, fraction):
    german = _grouped(integer, ".") + ("" if fraction is None else f",{fraction}")
    english = _grouped(integer, ",") + ("" if fraction is None else f".{fraction}")
    # "1.500" / "1,500" are refused on purpose (see the next tests)
    assume(not _lone_separator_before_three_digits(german))
    expected = Decimal(f"{integer}.{fraction}" if fraction is not None else str(integer))
    assert parse_decimal(german) == expected
    assert parse_decimal(english) == expected
    assert parse_number(german) == parse_number(english)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("81,5", 81.5),
        ("81.5", 81.5),
        ("90", 90),
        ("1.234.567,89", 1234567.89),
        ("1,234,567.89", 1234567.89),
        ("1.234,5", 1234.5),
        ("1 234,5", 1234.5),
        ("1.234.567", 1234567),
        ("-3,5", -3.5),
        ("0,25", 0.25),
        ("12,3456", 12.3456),
        ("1.500,00", 1500),
    ],
)
def test_numbers_are_read_as_a_german_or_english_reader_would(text, value):
    assert parse_number(text) == value


def test_whole_numbers_stay_whole_in_the_json():
    assert isinstance(parse_number("90"), int)
    assert isinstance(parse_number("90,0"), int)
    assert json.dumps(parse_number("81,5")) == "81.5"


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_a_lone_separator_before_three_digits_is_refused_as_ambiguous(before, after):
    for text in (f"{before}.{after:03d}", f"{before},{after:03d}"):
        message = refused(parse_number, text, "bad_number")
        assert "ambiguous" in message
        message = refused(parse_money, f"{text} EUR", "bad_money")
        assert "ambiguous" in message


@pytest.mark.parametrize("text", ["", "abc", "1..2", "1,2.3.4", "12a", "--5", "1.2.3,4,5", ","])
def test_things_that_are_not_numbers_are_refused(text):
    refused(parse_number, text, "bad_number")


def test_a_number_too_large_for_a_float_does_not_become_infinity():
    """konzept.json must stay strict JSON: ``Infinity`` is not JSON."""
    try:
        value = parse_number("1" * 400 + ",5")
    except BadValue:
        return
    json.dumps(value, allow_nan=False)


# -- money -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["161088.00 EUR", "161.088,00 €", "161,088.00 EUR", "EUR 161088", "€161.088,00", "161088 eur"],
)
def test_the_same_amount_written_in_many_ways(text):
    assert parse_money(text) == {"amount": "161088.00", "currency": "EUR"}


def test_money_without_currency_is_euro():
    assert parse_money("1.200,50") == {"amount": "1200.50", "currency": "EUR"}


@pytest.mark.parametrize(
    ("text", "currency"), [("$5", "USD"), ("5 usd", "USD"), ("5 £", "GBP"), ("CHF 5", "CHF")]
)
def test_currency_symbols_and_codes(text, currency):
    assert parse_money(text) == {"amount": "5.00", "currency": currency}


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_amounts_are_strings_with_two_decimals_in_both_notations(euros, cents):
    german = f"{_grouped(euros, '.')},{cents:02d} €"
    english = f"{_grouped(euros, ',')}.{cents:02d} EUR"
    expected = {"amount": f"{euros}.{cents:02d}", "currency": "EUR"}
    assert parse_money(german) == expected
    assert parse_money(english) == expected
    assert MONEY_AMOUNT.match(expected["amount"])


@pytest.mark.parametrize("text", ["", "EUR", "five euros", "EUR 5 USD", "5 EURO", "5 € €"])
def test_things_that_are_not_money_are_refused(text):
    refused(parse_money, text, "bad_money")


def test_a_very_long_amount_is_refused_rather_than_crashing_the_build():
    """29 digits exceed Decimal's default precision in quantize()."""
    refused(parse_money, "1" * 30 + " EUR", "bad_money")


# -- IDs ---------------------------------------------------------------------

ids = st.from_regex(ID_PATTERN.pattern.replace("$", r"\Z"), fullmatch=True)


@given(ids)
def test_valid_ids_round_trip(value):
    assert parse_id(value) == value
    assert parse_id(f"  {value} ") == value


@given(st.lists(ids, min_size=1, max_size=8), st.data())
def test_id_lists_keep_the_first_of_repeated_ids_in_order(values, data):
    written = data.draw(st.lists(st.sampled_from(values), min_size=1, max_size=20))
    separator = data.draw(st.sampled_from([",", ", ", " ; ", ";"]))
    expected = list(dict.fromkeys(written))
    assert parse_ids(separator.join(written)) == expected


def test_empty_entries_in_an_id_list_are_ignored():
    assert parse_ids("BIL-Z1, , BIL-Z2,") == ["BIL-Z1", "BIL-Z2"]
    assert parse_ids("") == []


@pytest.mark.parametrize(
    "text", ["1ABC", "BIL M1", "BIL--M1", "-BIL", "BIL-", "BÄL-M1", "BIL/M1", "BIL-M1!"]
)
def test_invalid_ids_are_refused(text):
    refused(parse_id, text, "bad_id")
    refused(parse_ids, f"BIL-Z1, {text}", "bad_id")


@given(st.text(max_size=12))
def test_parse_id_accepts_exactly_the_id_pattern(text):
    value = text.strip()
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*", value, flags=re.ASCII):
        assert parse_id(text) == value
    else:
        refused(parse_id, text, "bad_id")


# -- URLs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org",
        "http://example.org/path?q=1#top",
        "https://www.kreis-musterland.de/integration/",
        "mailto:ki@kreis-musterland.de",
        "HTTPS://EXAMPLE.ORG",
    ],
)
def test_web_and_mail_addresses_are_accepted_as_written(text):
    assert parse_url(f" {text} ") == text


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
        "file:///etc/passwd",
        "/relative/path",
        "../page.html",
        "example.org",
        "www.example.org",
        "https://",
        "https:///path",
        "mailto:ki",
        "https://exa mple.org",
        "",
    ],
)
def test_other_addresses_are_refused(text):
    refused(parse_url, text, "bad_url")


@pytest.mark.parametrize("text", ["http://:80", "https://@/", "https://user@"])
def test_web_addresses_without_a_host_are_refused(text):
    refused(parse_url, text, "bad_url")


@pytest.mark.parametrize("text", ["https://[example.org", "https://example.org]/", "http://[::1"])
def test_a_malformed_address_is_refused_rather_than_crashing_the_build(text):
    """urlsplit() raises a plain ValueError here; the build only catches BadValue."""
    refused(parse_url, text, "bad_url")


@given(
    st.sampled_from(["http", "https"]),
    st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\.[a-z]{2,4}\Z"),
    st.from_regex(r"\A(/[a-z0-9_-]{1,8}){0,3}\Z"),
)
def test_any_http_address_with_a_host_is_accepted(scheme, host, path):
    url = f"{scheme}://{host}{path}"
    assert parse_url(url) == url


@given(
    st.sampled_from(["javascript", "data", "ftp", "file", "vbscript", "tel", "sms"]),
    # (brackets have their own test: they crash urlsplit)
    st.text(min_size=1, max_size=20).filter(lambda t: not any(c.isspace() or c in "[]" for c in t)),
)
def test_no_other_scheme_is_accepted(scheme, rest):
    refused(parse_url, f"{scheme}:{rest}", "bad_url")


# -- data points and series --------------------------------------------------


def test_a_data_point():
    assert parse_point("2014: 81,5") == {"period": "2014", "value": 81.5}
    assert parse_point("2014-6:3") == {"period": "2014-06", "value": 3}


@pytest.mark.parametrize("text", ["81.5", "2014:", "2014: viel", "14: 5", "2014: 1.500", ": 5"])
def test_bad_data_points_are_refused(text):
    refused(parse_point, text, "bad_series")


@given(
    st.dictionaries(
        st.integers(min_value=1900, max_value=2100),
        st.decimals(min_value=-1000, max_value=10**6, places=1, allow_nan=False),
        min_size=1,
        max_size=10,
    ),
    st.randoms(use_true_random=False),
    st.sampled_from([".", ","]),
)
def test_series_written_in_any_order_come_back_sorted(points, rnd, decimal_sep):
    pairs = list(points.items())
    rnd.shuffle(pairs)
    text = "; ".join(f"{year}: {str(value).replace('.', decimal_sep)}" for year, value in pairs)
    result = parse_series(text)
    assert [p["period"] for p in result] == [f"{year:04d}" for year in sorted(points)]
    assert [Decimal(str(p["value"])) for p in result] == [points[y] for y in sorted(points)]


@given(
    st.lists(st.integers(min_value=1900, max_value=2100), min_size=1, max_size=6, unique=True),
    st.data(),
)
def test_a_period_given_twice_is_refused(years_written, data):
    twice = data.draw(st.sampled_from(years_written))
    entries = [f"{y}: 1" for y in years_written] + [f"{twice}: 2"]
    order = data.draw(st.permutations(entries))
    message = refused(parse_series, "; ".join(order), "bad_series")
    assert str(twice) in message


def test_a_trailing_semicolon_is_harmless():
    assert parse_series("2015: 82,0; 2016: 84.1;") == [
        {"period": "2015", "value": 82},
        {"period": "2016", "value": 84.1},
    ]


# -- choices -----------------------------------------------------------------


@given(
    st.sampled_from([STATUS, ACTOR_TYPE, RELEASE_STATUS, BUILTIN_SCHEMA.vocabulary("goal_level")]),
    st.data(),
)
def test_terms_are_recognised_in_any_case(vocabulary, data):
    term = data.draw(st.sampled_from(vocabulary.values))
    upper = data.draw(st.lists(st.booleans(), min_size=len(term), max_size=len(term)))
    written = "".join(c.upper() if u else c.lower() for c, u in zip(term, upper, strict=True))
    assert parse_choice(f"  {written} ", vocabulary) == term


def test_terms_of_several_words_tolerate_extra_spaces():
    vocabulary = BUILTIN_SCHEMA.vocabulary("decision_result")
    assert parse_choice("Adopted   unchanged", vocabulary) == "adopted unchanged"


def test_aliases_such_as_german_labels_are_accepted():
    aliases = {"laufend": "ongoing", "abgeschlossen": "done"}
    assert parse_choice("Laufend", STATUS, aliases) == "ongoing"
    assert parse_choice("ABGESCHLOSSEN", STATUS, aliases) == "done"


def test_an_unknown_status_is_a_bad_status_with_a_suggestion():
    message = refused(lambda t: parse_choice(t, STATUS), "ongoin", "bad_status")
    assert "did you mean 'ongoing'" in message
    for value in STATUS.values:
        assert value in message


def test_other_vocabularies_give_bad_choice():
    message = refused(lambda t: parse_choice(t, ACTOR_TYPE), "welfar", "bad_choice")
    assert "did you mean 'welfare'" in message


def test_a_misspelt_alias_suggests_the_term_it_stands_for():
    message = refused(
        lambda t: parse_choice(t, STATUS, {"laufend": "ongoing"}), "laufen", "bad_status"
    )
    assert "did you mean 'ongoing'" in message


def test_no_suggestion_when_nothing_is_close():
    message = refused(lambda t: parse_choice(t, STATUS), "xyzzy", "bad_status")
    assert "did you mean" not in message


# -- all kinds together ------------------------------------------------------

_awkward = st.text(alphabet="0123456789.,;:- \u00a0€$EURabcxhtps/@", max_size=25)


@given(st.sampled_from([k for k in Kind if k is not Kind.CHOICE]), _awkward)
def test_any_input_gives_a_json_value_or_a_bad_value(kind, text):
    """Bad input never crashes a build and never corrupts konzept.json."""
    spec = OptionSpec("x", kind, "X", "")
    try:
        value = parse_value(spec, text, BUILTIN_SCHEMA.vocabularies)
    except BadValue as error:
        assert error.code in {entry.code for entry in CODES}  # documented, suppressible
        assert error.message
        return
    json.dumps(value, allow_nan=False)


def test_text_is_one_line_with_single_spaces():
    assert parse_text("  KOMM-AN   NRW\n ") == "KOMM-AN NRW"
