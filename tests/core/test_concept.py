"""build_concept: all items together — IDs, references, fields, cycles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from konzept.core import BUILTIN_SCHEMA, Reference, build_concept
from konzept.core.codes import CODES

from .conftest import actor, codes, concept, field, goal, item, measure, only
from .strategies import DOCS, FIELD_IDS, concept_items

page_fields = st.dictionaries(
    st.sampled_from(DOCS), st.sampled_from([*FIELD_IDS, "F9"]), max_size=2
)


def suggestion(message: str) -> str:
    """The ID a message proposes (``:id: X``)."""
    match = re.search(r":id: ([A-Za-z0-9._-]+)", message)
    assert match, f"no ID suggested in {message!r}"
    return match[1]


# -- duplicate, missing and bad IDs ------------------------------------------


def test_of_two_items_with_the_same_id_the_first_in_the_documents_wins():
    bil = field("BIL", docname="bildung", line=1)
    later = goal(
        "BIL-Z1", "Zweiter", docname="sprache", line=5, option_lines={"id": 6}, field="BIL"
    )
    first = goal("BIL-Z1", "Erster", docname="bildung", line=10, field="BIL")
    c = concept(later, bil, first)  # input order does not matter
    assert c.items["BIL-Z1"].title == "Erster"
    assert c.unindexed == [later]
    (diagnostic,) = only(c.diagnostics, "duplicate_id")
    assert (diagnostic.docname, diagnostic.line) == ("sprache", 6)
    assert "bildung" in diagnostic.message
    assert "10" in diagnostic.message
    assert suggestion(diagnostic.message) == "BIL-Z2"


def test_within_one_document_the_earlier_line_wins():
    c = concept(
        field("BIL", line=1),
        goal("BIL-Z1", "Unten", line=20, field="BIL"),
        goal("BIL-Z1", "Oben", line=7, field="BIL"),
    )
    assert c.items["BIL-Z1"].title == "Oben"
    assert [i.title for i in c.unindexed] == ["Unten"]


def _bildung(*extra):
    return concept(
        field("BIL", line=1),
        goal("BIL-Z1", line=2, field="BIL"),
        measure("BIL-M1", line=3, goals="BIL-Z1"),
        measure("BIL-M2", line=4, goals="BIL-Z1"),
        *extra,
    )


def test_a_missing_id_gets_the_next_number_of_the_projects_pattern():
    c = _bildung(measure(None, "Neu", line=50, goals="BIL-Z1"))
    (diagnostic,) = only(c.diagnostics, "missing_id")
    assert diagnostic.line == 50
    assert suggestion(diagnostic.message) == "BIL-M3"
    assert [i.title for i in c.unindexed] == ["Neu"]


def test_several_missing_ids_get_distinct_suggestions():
    c = _bildung(
        measure(None, "Neu 1", line=50, goals="BIL-Z1"),
        measure(None, "Neu 2", line=60, goals="BIL-Z1"),
    )
    assert [suggestion(d.message) for d in only(c.diagnostics, "missing_id")] == [
        "BIL-M3",
        "BIL-M4",
    ]


def test_suggestions_follow_the_numbering_of_the_field():
    c = concept(
        field("BIL", line=1),
        field("SPR", line=2),
        field("ARB", line=3),
        goal("BIL-Z1", line=4, field="BIL"),
        goal("SPR-Z1", line=5, field="SPR"),
        goal("ARB-Z1", line=6, field="ARB"),
        measure("BIL-M1", line=7, goals="BIL-Z1"),
        measure("BIL-M2", line=8, goals="BIL-Z1"),
        measure("SPR-M7", line=9, goals="SPR-Z1"),
        measure(None, "in SPR", line=20, goals="SPR-Z1"),
        measure(None, "in ARB", line=30, goals="ARB-Z1"),
        goal(None, "Ziel in BIL", line=40, field="BIL"),
    )
    suggestions = [suggestion(d.message) for d in only(c.diagnostics, "missing_id")]
    # SPR continues its own numbering; ARB has no measure yet and gets the
    # pattern of the other fields; goals are numbered apart from measures
    assert suggestions == ["SPR-M8", "ARB-M1", "BIL-Z2"]


def test_a_malformed_id_is_reported_with_a_usable_one():
    c = _bildung(
        measure(None, "Neu", line=50, option_lines={"id": 51}, id="BIL M3", goals="BIL-Z1")
    )
    (diagnostic,) = only(c.diagnostics, "bad_id")
    assert diagnostic.line == 51
    assert "'BIL M3'" in diagnostic.message
    assert suggestion(diagnostic.message) == "BIL-M3"
    assert c.unindexed[0].raw["id"] == "BIL M3"


def test_the_suggestion_for_a_duplicate_is_free_in_the_whole_project():
    c = _bildung(measure("BIL-M2", "Doppelt", line=50, goals="BIL-Z1"))
    (diagnostic,) = only(c.diagnostics, "duplicate_id")
    assert suggestion(diagnostic.message) == "BIL-M3"
    assert suggestion(diagnostic.message) not in c.items


# -- references --------------------------------------------------------------


def test_an_unknown_reference_is_reported_on_its_line_with_a_guess():
    c = _bildung(measure("BIL-M3", line=50, option_lines={"goals": 52}, goals="BIL-Z1, BIL-Z11"))
    (diagnostic,) = only(c.diagnostics, "unknown_ref")
    assert diagnostic.line == 52
    assert "'BIL-Z11'" in diagnostic.message
    assert "did you mean 'BIL-Z1'" in diagnostic.message


def test_guesses_are_only_items_of_the_wanted_type():
    c = _bildung(actor("AWO", line=40), measure("BIL-M3", line=50, goals="BIL-Z1", lead="BIL-Z2"))
    (diagnostic,) = only(c.diagnostics, "unknown_ref")
    # BIL-Z1 is close to BIL-Z2 but is a goal, and a lead is an actor
    assert "did you mean" not in diagnostic.message


def test_a_misspelt_actor_is_guessed():
    c = _bildung(actor("AWO", line=40), measure("BIL-M3", line=50, goals="BIL-Z1", lead="AW0"))
    (diagnostic,) = only(c.diagnostics, "unknown_ref")
    assert "did you mean 'AWO'" in diagnostic.message


def test_a_reference_to_an_item_of_the_wrong_type():
    c = _bildung(
        measure("BIL-M3", line=50, option_lines={"lead": 53}, goals="BIL-Z1", lead="BIL-M1")
    )
    (diagnostic,) = only(c.diagnostics, "wrong_type")
    assert diagnostic.line == 53
    assert "measure" in diagnostic.message
    assert "actor" in diagnostic.message


def test_references_from_items_without_id_are_checked_too():
    c = _bildung(measure(None, line=50, goals="BIL-Z9"))
    assert codes(only(c.diagnostics, "unknown_ref")) == ["unknown_ref"]


def test_references_in_running_text():
    refs = [
        Reference("sprache", 3, "BIL-Z11", "goal"),
        Reference("sprache", 4, "BIL-M1", "goal"),
        Reference("sprache", 5, "BIL-M1", None),
        Reference("sprache", 6, "BIL-Z1", "goal"),
    ]
    c = build_concept(_bildung().items.values(), BUILTIN_SCHEMA, references=refs)
    assert [(d.docname, d.line, d.code) for d in c.diagnostics] == [
        ("sprache", 3, "unknown_ref"),
        ("sprache", 4, "wrong_type"),
    ]
    assert "did you mean 'BIL-Z1'" in c.diagnostics[0].message
    assert "{measure}`BIL-M1`" in c.diagnostics[1].message


def test_an_unknown_field_in_front_matter_is_reported_on_line_1():
    c = concept(
        field("BIL", line=1),
        goal("SPR-Z1", docname="sprache", line=5),
        page_fields={"sprache": "BLI"},
    )
    (diagnostic,) = only(c.diagnostics, "unknown_ref")
    assert (diagnostic.docname, diagnostic.line) == ("sprache", 1)
    assert "did you mean 'BIL'" in diagnostic.message
    # and the goal on that page then has no field
    assert codes(only(c.diagnostics, "missing_option")) == ["missing_option"]


# -- cycles ------------------------------------------------------------------


def test_a_goal_that_is_its_own_parent():
    c = concept(field("BIL", line=1), goal("BIL-Z1", line=2, field="BIL", parent="BIL-Z1"))
    (diagnostic,) = only(c.diagnostics, "cycle")
    assert "BIL-Z1" in diagnostic.message


def test_a_cycle_is_reported_once_where_it_starts_in_the_documents():
    c = concept(
        field("BIL", line=1),
        goal("Z3", docname="b", line=1, field="BIL", parent="Z1"),
        goal("Z1", docname="a", line=8, option_lines={"parent": 9}, field="BIL", parent="Z2"),
        goal("Z2", docname="a", line=20, field="BIL", parent="Z1"),
    )
    (diagnostic,) = only(c.diagnostics, "cycle")
    assert (diagnostic.docname, diagnostic.line) == ("a", 9)
    assert set(re.findall(r"Z\d", diagnostic.message)) == {"Z1", "Z2"}


def _cycles_of(parents: dict[int, int | None]) -> list[set[int]]:
    """The cycles of a graph where every node has at most one parent."""
    cycles: list[set[int]] = []
    state: dict[int, str] = {}
    for start in parents:
        path: list[int] = []
        node: int | None = start
        while node is not None and node not in state:
            state[node] = "open"
            path.append(node)
            node = parents[node]
        if node is not None and state[node] == "open":
            cycles.append(set(path[path.index(node) :]))
        for visited in path:
            state[visited] = "done"
    return cycles


@settings(deadline=None)  # builds whole concepts; timing varies on CI
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.lists(st.none() | st.integers(0, n - 1), min_size=n, max_size=n)
    )
)
def test_every_parent_cycle_is_reported_exactly_once(parent_of):
    parents = dict(enumerate(parent_of))
    name = "G{:02d}".format
    goals = [
        goal(
            name(n),
            docname="ziele",
            line=10 + n,
            field="F",
            **({} if p is None else {"parent": name(p)}),
        )
        for n, p in parents.items()
    ]
    c = concept(field("F", docname="felder", line=1), *goals)
    reported = [set(re.findall(r"G\d\d", d.message)) for d in only(c.diagnostics, "cycle")]
    expected = [{name(n) for n in cycle} for cycle in _cycles_of(parents)]
    assert sorted(map(sorted, reported)) == sorted(map(sorted, expected))


# -- fields ------------------------------------------------------------------


def _fields():
    return [field(f"F{n}", docname="felder", line=n) for n in range(1, 5)]


@pytest.mark.parametrize(
    ("options", "context", "page", "expected"),
    [
        ({"field": "F1", "parent": "P4"}, "F2", "F3", "F1"),
        ({"parent": "P4"}, "F2", "F3", "F2"),
        ({"parent": "P4"}, None, "F3", "F3"),
        ({"parent": "P4"}, None, None, "F4"),
        ({"parent": "P"}, None, None, "F4"),  # through two parents
    ],
)
def test_a_goal_finds_its_field(options, context, page, expected):
    c = concept(
        *_fields(),
        goal("P4", docname="leitziele", line=1, level="guiding", field="F4"),
        goal("P", docname="leitziele", line=2, level="guiding", parent="P4"),
        goal("Z", docname="ziele", line=5, context_field=context, **options),
        page_fields={"ziele": page} if page else {},
    )
    assert c.field_of["Z"] == expected
    assert codes(only(c.diagnostics, "missing_option")) == []


@pytest.mark.parametrize(
    ("options", "context", "expected"),
    [
        ({"goals": "Z1, Z2"}, None, "F1"),  # the first goal
        ({"goals": "Z2, Z1"}, None, "F2"),
        ({"goals": "Z3"}, None, "F4"),  # its goal inherits from its parent
        ({"goals": "Z1", "field": "F3"}, "F2", "F3"),
        ({"goals": "Z1"}, "F2", "F2"),
    ],
)
def test_a_measure_finds_its_field(options, context, expected):
    c = concept(
        *_fields(),
        goal("P4", docname="ziele", line=1, level="guiding", field="F4"),
        goal("Z1", docname="ziele", line=2, field="F1"),
        goal("Z2", docname="ziele", line=3, field="F2"),
        goal("Z3", docname="ziele", line=4, parent="P4"),
        measure("M", docname="massnahmen", line=5, context_field=context, **options),
    )
    assert c.field_of["M"] == expected


def test_a_measure_without_any_field_is_reported():
    c = concept(
        *_fields(),
        goal("LZ1", docname="ziele", line=1, level="guiding"),
        goal("Z1", docname="ziele", line=2, parent="LZ1"),
        measure("M1", docname="massnahmen", line=7, goals="Z1"),
    )
    problems = only(c.diagnostics, "missing_option")
    # a Leitziel needs no field; the goal under it and its measure do
    assert [(d.docname, d.line) for d in problems] == [("massnahmen", 7), ("ziele", 2)]
    assert "M1" in problems[0].message
    assert "LZ1" not in c.field_of
    assert "M1" not in c.field_of


def test_actors_and_indicators_need_no_field():
    c = concept(actor("AWO", line=1), item("indicator", "K", id="K1", line=2))
    assert c.diagnostics == []


def test_a_field_belongs_to_itself():
    c = concept(field("BIL", line=1))
    assert c.field_of == {"BIL": "BIL"}


# -- backlinks ---------------------------------------------------------------


def test_backlinks_list_the_items_naming_an_item_in_document_order():
    c = _bildung(
        actor("KI", line=30),
        actor("AWO", line=31),
        measure("BIL-M3", line=40, goals="BIL-Z1", lead="KI", partners="AWO"),
        measure("BIL-M4", line=41, goals="BIL-Z1", lead="AWO", partners="KI, AWO"),
    )
    assert c.linked_from("BIL-Z1", "goals") == ["BIL-M1", "BIL-M2", "BIL-M3", "BIL-M4"]
    assert c.linked_from("KI", "lead") == ["BIL-M3"]
    assert c.linked_from("KI", "partners") == ["BIL-M4"]
    assert c.linked_from("AWO", "partners") == ["BIL-M3", "BIL-M4"]
    assert c.linked_from("BIL-M1", "goals") == []
    assert c.linked_from("nobody", "goals") == []


def test_an_item_naming_itself_is_not_its_own_backlink():
    c = concept(field("BIL", line=1), goal("Z1", line=2, field="BIL", parent="Z1"))
    assert c.linked_from("Z1", "parent") == []


# -- signatures (what decides that a page is rewritten) ----------------------


def _world(**changes):
    """A small concept; ``changes`` replace the title of an item by ID."""

    def title(item_id):
        return changes.get(item_id, f"Titel {item_id}")

    return concept(
        field("BIL", title("BIL"), docname="felder", line=1),
        goal("Z1", title("Z1"), docname="ziele", line=1, field="BIL"),
        goal("Z9", title("Z9"), docname="ziele", line=9, field="BIL"),
        actor("KI", title("KI"), docname="akteure", line=1),
        measure("M1", title("M1"), docname="massnahmen", line=1, goals="Z1", lead="KI"),
        measure("M9", title("M9"), docname="massnahmen", line=9, goals="Z9"),
    )


def test_the_signature_is_stable():
    assert _world().signature("M1") == _world().signature("M1")


@pytest.mark.parametrize(
    ("shown", "renamed"),
    [
        ("M1", "M1"),  # itself
        ("M1", "KI"),  # its lead
        ("M1", "Z1"),  # its goal
        ("Z1", "M1"),  # a measure serving the goal
        ("Z1", "BIL"),  # the goal's field
    ],
)
def test_the_signature_changes_when_a_related_title_changes(shown, renamed):
    assert _world().signature(shown) != _world(**{renamed: "Neuer Titel"}).signature(shown)


@pytest.mark.parametrize(("shown", "renamed"), [("M1", "Z9"), ("M1", "M9"), ("KI", "Z9")])
def test_the_signature_ignores_unrelated_items(shown, renamed):
    assert _world().signature(shown) == _world(**{renamed: "Neuer Titel"}).signature(shown)


def test_the_signature_follows_the_title_of_an_inherited_field():
    """M1's page shows its field (inherited from Z1) by title; renaming it must show."""
    assert _world().signature("M1") != _world(BIL="Bildung neu").signature("M1")


@settings(deadline=None)
@given(concept_items(with_actors=True))
def test_all_signatures_at_once_are_each_items_signature(items):
    """A build asks for all signatures in one pass; a page must be rewritten
    exactly when the signature of an item it shows changes."""
    world = build_concept(items, BUILTIN_SCHEMA)
    assert world.signatures() == {i: world.signature(i) for i in world.items}


def test_the_signature_changes_when_an_option_changes():
    before = concept(goal("Z1", line=1), measure("M1", line=2, goals="Z1", status="planned"))
    after = concept(goal("Z1", line=1), measure("M1", line=2, goals="Z1", status="done"))
    assert before.signature("M1") != after.signature("M1")
    assert before.signature("Z1") != after.signature("Z1")  # Z1 shows M1's status


# -- the whole: order, completeness, sorting ---------------------------------


@settings(deadline=None)  # builds whole concepts; timing varies on CI
@given(concept_items(), page_fields, st.randoms(use_true_random=False))
def test_the_input_order_of_items_does_not_matter(items, pages, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    one = build_concept(items, BUILTIN_SCHEMA, page_fields=pages)
    two = build_concept(shuffled, BUILTIN_SCHEMA, page_fields=pages)
    assert list(one.items.items()) == list(two.items.items())
    assert one.unindexed == two.unindexed
    assert one.diagnostics == two.diagnostics
    assert one.field_of == two.field_of
    assert one.backlinks == two.backlinks
    assert [one.signature(i) for i in one.items] == [two.signature(i) for i in two.items]


@settings(deadline=None)  # builds whole concepts; timing varies on CI
@given(concept_items(), page_fields)
def test_no_item_is_lost_and_diagnostics_are_sorted(items, pages):
    c = build_concept(items, BUILTIN_SCHEMA, page_fields=pages)
    assert len(c.items) + len(c.unindexed) == len(items)
    assert all(c.items[i].id == i for i in c.items)
    # items in document order
    places = [(i.docname, i.line) for i in c.items.values()]
    assert places == sorted(places)
    assert c.diagnostics == sorted(c.diagnostics)
    # every warning can be looked up in the documentation and suppressed by its code
    assert {d.code for d in c.diagnostics} <= {entry.code for entry in CODES}
    # every item without a usable, unique ID is explained
    unexplained = {(i.docname, i.line_of("id")) for i in c.unindexed} - {
        (d.docname, d.line)
        for d in c.diagnostics
        if d.code in ("missing_id", "bad_id", "duplicate_id")
    }
    assert not unexplained
