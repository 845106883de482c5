"""Values as a German or English reader expects them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from konzept.core.formatting import format_date, format_money, format_number, format_point
from konzept.core.values import BadValue, parse_date, parse_money

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("2016-07-07", "de", "07.07.2016"),
        ("2016-04-11", "de", "11.04.2016"),
        ("2016-08", "de", "08.2016"),
        ("2016", "de", "2016"),
        ("2016-07-07", "en", "Jul 7, 2016"),
        ("2016-08", "en", "8/2016"),
        ("2016", "en", "2016"),
    ],
)
def test_dates(value, language, expected):
    assert format_date(value, language) == expected


@pytest.mark.parametrize("language", ["de-DE", "de_DE", "de_AT"])
def test_regional_german_is_german(language):
    assert format_date("2016-07-07", language) == "07.07.2016"


@pytest.mark.parametrize("language", [None, "", "xx", "not a language"])
def test_unknown_languages_fall_back_to_english(language):
    assert format_date("2016-07-07", language) == "Jul 7, 2016"
    assert format_number(1234.5, language) == "1,234.5"


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ({"amount": "161088.00", "currency": "EUR"}, "de", f"161.088,00{NBSP}€"),
        ({"amount": "161088.00", "currency": "EUR"}, "en", "€161,088.00"),
        ({"amount": "5.00", "currency": "USD"}, "en", "$5.00"),
        ({"amount": "0.50", "currency": "EUR"}, "de", f"0,50{NBSP}€"),
    ],
)
def test_money(value, language, expected):
    assert format_money(value, language) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (81.5, "de", "81,5"),
        (81.5, "en", "81.5"),
        (1234567.5, "de", "1.234.567,5"),
        (90, "de", "90"),
    ],
)
def test_numbers(value, language, expected):
    assert format_number(value, language) == expected


def test_numbers_keep_their_decimals():
    assert format_number(84.125, "de") == "84,125"
    assert format_number(0.0625, "en") == "0.0625"


def test_a_data_point_with_its_unit_never_broken_from_the_number():
    assert format_point({"period": "2014", "value": 81.5}, "%", "de") == f"2014: 81,5{NBSP}%"
    assert format_point({"period": "2016-08", "value": 3}, None, "de") == "08.2016: 3"
    assert format_point({"period": "2014", "value": 81.5}, "", "en") == "2014: 81.5"


@settings(deadline=None)
@given(
    st.integers(0, 10**9),
    st.integers(0, 99),
    st.sampled_from(["de", "en"]),
    st.sampled_from(["EUR", "USD", "GBP"]),
)
def test_shown_amounts_read_back_as_the_same_amount(units, cents, language, currency):
    value = {"amount": f"{units}.{cents:02d}", "currency": currency}
    assert parse_money(format_money(value, language)) == value


@settings(deadline=None)
@given(
    st.integers(1, 9999),  # the year 0 has its own test below
    st.integers(1, 12),
    st.sampled_from([4, 7]),
    st.sampled_from(["de", "en"]),
)
def test_every_date_the_parser_accepts_can_be_shown(year, month, precision, language):
    text = f"{year:04d}-{month:02d}"[:precision]
    value = parse_date(text)  # accepted, so it must be displayable
    shown = format_date(value, language)
    assert str(year) in shown


@pytest.mark.parametrize("text", ["0000-05", "0000-05-01"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_the_year_0000_is_refused_or_can_be_shown(text, language):
    """No calendar has a year 0 (datetime starts at 1): refuse it or show it, never crash."""
    try:
        value = parse_date(text)
    except BadValue as error:
        assert error.code == "bad_date"
        return
    assert "5" in format_date(value, language)  # the month at least
