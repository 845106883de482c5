"""Word-level differences that read well in German."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from konzept.core.textdiff import Segment, tokenize, word_diff

WORDS = st.sampled_from(
    [
        "Integrationskonzept",
        "Deutsch-Intensivkurse",
        "Schul-",
        "und",
        "-abgänger",
        "161.088,00",
        "Euro",
        "„KOMM-AN NRW“",
        ",",
        ".",
        " ",
        "\n\n",
        "die",
        "Eltern",
        "Väter",
    ]
)
TEXTS = st.lists(WORDS, max_size=30).map("".join)


def test_compounds_numbers_and_hyphenated_words_stay_whole():
    assert tokenize("Schulabgängerinnen und -abgänger, 161.088,00 € (2016-2018)") == [
        "Schulabgängerinnen",
        " ",
        "und",
        " ",
        "-abgänger",
        ",",
        " ",
        "161.088,00",
        " ",
        "€",
        " ",
        "(",
        "2016-2018",
        ")",
    ]
    assert tokenize("Deutsch-Intensivkurse KOMM-AN Schul- und") == [
        "Deutsch-Intensivkurse",
        " ",
        "KOMM-AN",
        " ",
        "Schul-",
        " ",
        "und",
    ]


def test_a_changed_compound_is_replaced_whole():
    assert word_diff("Das Integrationskonzept gilt.", "Das Integrationskonzepte gilt.") == [
        Segment("equal", "Das "),
        Segment("delete", "Integrationskonzept"),
        Segment("insert", "Integrationskonzepte"),
        Segment("equal", " gilt."),
    ]


def test_punctuation_is_its_own_change():
    assert word_diff("Wir handeln.", "Wir handeln!") == [
        Segment("equal", "Wir handeln"),
        Segment("delete", "."),
        Segment("insert", "!"),
    ]


def test_changes_separated_by_a_short_word_are_merged():
    assert word_diff("Kurse in Nordheim und Bergfelden", "Kurse in Altenbrück und Wiesental") == [
        Segment("equal", "Kurse in "),
        Segment("delete", "Nordheim und Bergfelden"),
        Segment("insert", "Altenbrück und Wiesental"),
    ]


def test_a_rewritten_text_is_one_deletion_and_one_insertion():
    assert word_diff("Ein ganz anderer Text.", "Völlig neue Aussage hier!") == [
        Segment("delete", "Ein ganz anderer Text."),
        Segment("insert", "Völlig neue Aussage hier!"),
    ]


@given(TEXTS)
def test_tokens_give_the_text_back(text):
    assert "".join(tokenize(text)) == text


@given(TEXTS, TEXTS)
def test_both_sides_give_the_texts_back(old, new):
    segments = word_diff(old, new)
    assert "".join(s.text for s in segments if s.kind != "insert") == old
    assert "".join(s.text for s in segments if s.kind != "delete") == new
    assert all(s.text for s in segments)
    assert all(a.kind != b.kind for a, b in itertools.pairwise(segments))


@given(TEXTS)
def test_equal_texts_have_no_changes(text):
    assert all(s.kind == "equal" for s in word_diff(text, text))
