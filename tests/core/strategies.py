"""Hypothesis strategies for whole concepts (small, but with every kind of mess)."""

from __future__ import annotations

from hypothesis import strategies as st

from konzept.core import Item

from .conftest import actor, field, goal, measure

GOAL_IDS = [f"Z{n}" for n in range(1, 6)]
MEASURE_IDS = [f"M{n}" for n in range(1, 6)]
ACTOR_IDS = ["A1", "A2"]
FIELD_IDS = ["F1", "F2"]
DOCS = ["a", "b", "c"]


@st.composite
def concept_items(draw: st.DrawFn, with_actors: bool = True) -> list[Item]:
    """Fields, goals, measures (and actors) with duplicate, missing and unknown IDs,
    dangling references, parent cycles and items without a field.

    Every item has its own (docname, line), as in a real project.
    """
    specs: list[tuple[str, dict[str, str]]] = []
    for field_id in draw(st.lists(st.sampled_from(FIELD_IDS), max_size=3)):
        specs.append(("field", {"id": field_id}))
    if with_actors:
        for actor_id in draw(st.lists(st.sampled_from(ACTOR_IDS), max_size=3)):
            specs.append(("actor", {"id": actor_id, "type": "welfare"}))
    maybe = st.none() | st.just("")
    for _ in range(draw(st.integers(0, 6))):
        options = {
            "id": draw(st.sampled_from([*GOAL_IDS, "", "bad id"])),
            "field": draw(maybe | st.sampled_from([*FIELD_IDS, "F9"])),
            "parent": draw(maybe | st.sampled_from(GOAL_IDS)),
            "level": draw(maybe | st.sampled_from(["goal", "guiding"])),
        }
        specs.append(("goal", {k: v for k, v in options.items() if v is not None}))
    for _ in range(draw(st.integers(0, 6))):
        options = {
            "id": draw(st.sampled_from([*MEASURE_IDS, ""])),
            "goals": ", ".join(
                draw(st.lists(st.sampled_from([*GOAL_IDS, "Z9", "F1"]), min_size=1, max_size=2))
            ),
            "lead": draw(maybe | st.sampled_from([*ACTOR_IDS, "Z1"])),
            "status": draw(maybe | st.sampled_from(["planned", "ongoing", "laufend"])),
            "start": draw(maybe | st.sampled_from(["2016", "2016-08", "2017-13"])),
        }
        specs.append(("measure", {k: v for k, v in options.items() if v is not None}))
    context = draw(
        st.lists(st.sampled_from([None, *FIELD_IDS]), min_size=len(specs), max_size=len(specs))
    )
    docs = draw(st.lists(st.sampled_from(DOCS), min_size=len(specs), max_size=len(specs)))

    makers = {"field": field, "actor": actor, "goal": goal, "measure": measure}
    result = []
    for n, ((item_type, options), docname, ctx) in enumerate(
        zip(specs, docs, context, strict=True)
    ):
        options = dict(options)
        item_id = options.pop("id")
        kwargs = {"docname": docname, "line": 10 * (n + 1), "title": f"{item_type} {n}"}
        if item_type in ("goal", "measure"):
            kwargs["context_field"] = ctx
        result.append(makers[item_type](item_id, **kwargs, **options))
    return result
