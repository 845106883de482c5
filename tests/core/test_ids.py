"""IdSuggester: the free ID a message proposes must be usable as it is."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from konzept.core.ids import IdSuggester
from konzept.core.values import ID_PATTERN, is_valid_id

ids = st.from_regex(ID_PATTERN.pattern.replace("$", r"\Z"), fullmatch=True)
numbered = st.builds(
    lambda prefix, n: f"{prefix}{n}",
    st.sampled_from(["BIL-M", "BIL-Z", "SPR-M", "M", "Z", "A.", "K_"]),
    st.integers(0, 30),
)
types = st.sampled_from(["field", "goal", "measure", "actor", "indicator"])
fields = st.sampled_from([None, "BIL", "SPR", "ARB"])


def test_the_next_number_in_the_field():
    suggester = IdSuggester(
        [("BIL-M1", "measure", "BIL"), ("BIL-M2", "measure", "BIL"), ("BIL-Z1", "goal", "BIL")]
    )
    assert suggester.suggest("measure", "BIL", "M") == "BIL-M3"
    assert suggester.suggest("measure", "BIL", "M") == "BIL-M4"
    assert suggester.suggest("goal", "BIL", "Z") == "BIL-Z2"


def test_gaps_are_not_filled_the_numbering_continues():
    suggester = IdSuggester([("BIL-M1", "measure", "BIL"), ("BIL-M9", "measure", "BIL")])
    assert suggester.suggest("measure", "BIL", "M") == "BIL-M10"


def test_a_new_field_borrows_the_pattern_of_the_others():
    suggester = IdSuggester([("BIL-M1", "measure", "BIL"), ("SPR-M4", "measure", "SPR")])
    assert suggester.suggest("measure", "ARB", "M") == "ARB-M1"


def test_a_project_without_a_pattern_gets_field_and_letter():
    suggester = IdSuggester([])
    assert suggester.suggest("measure", "BIL", "M") == "BIL-M1"
    assert suggester.suggest("actor", None, "A") == "A1"


def test_without_a_field_the_most_common_pattern_of_the_type_is_used():
    suggester = IdSuggester(
        [("AK-1", "actor", None), ("AK-2", "actor", None), ("X9", "actor", None)]
    )
    assert suggester.suggest("actor", None, "A") == "AK-3"


def test_a_suggestion_never_takes_an_id_used_by_another_type():
    # "BIL-M3" is (oddly) a goal; the next measure must skip it
    suggester = IdSuggester(
        [("BIL-M1", "measure", "BIL"), ("BIL-M2", "measure", "BIL"), ("BIL-M3", "goal", "BIL")]
    )
    assert suggester.suggest("measure", "BIL", "M") == "BIL-M4"


@settings(deadline=None)  # builds whole concepts; timing varies on CI
@given(
    st.lists(st.tuples(ids | numbered, types, fields), max_size=30),
    st.lists(st.tuples(types, fields, st.sampled_from("FZMAK")), min_size=1, max_size=15),
)
def test_suggestions_are_free_distinct_and_valid(existing, requests):
    suggester = IdSuggester(existing)
    taken = {item_id for item_id, _, _ in existing}
    suggestions = [suggester.suggest(t, f, letter) for t, f, letter in requests]
    assert len(set(suggestions)) == len(suggestions)
    assert not taken & set(suggestions)
    assert all(is_valid_id(s) for s in suggestions), suggestions
