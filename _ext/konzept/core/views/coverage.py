"""Gaps: goals no measure serves, measures without goal or lead, actors and
indicators nobody uses."""

from __future__ import annotations

from dataclasses import dataclass

from ..concept import Concept
from ..model import Diagnostic
from .common import measures_of


@dataclass(frozen=True)
class Coverage:
    goals_without_measure: tuple[str, ...]
    #: Leitziele none of whose goals is served by a measure.
    guiding_without_measure: tuple[str, ...]
    measures_without_goal: tuple[str, ...]
    measures_without_lead: tuple[str, ...]
    actors_without_measure: tuple[str, ...]
    indicators_without_goal: tuple[str, ...]
    goals_total: int

    @property
    def goals_covered(self) -> int:
        return self.goals_total - len(self.goals_without_measure)

    @property
    def percent_covered(self) -> float:
        return 100.0 if not self.goals_total else 100.0 * self.goals_covered / self.goals_total

    @property
    def complete(self) -> bool:
        return not any(
            (
                self.goals_without_measure,
                self.guiding_without_measure,
                self.measures_without_goal,
                self.measures_without_lead,
                self.actors_without_measure,
                self.indicators_without_goal,
            )
        )


def coverage(concept: Concept) -> Coverage:
    goals = [g for g in concept.of_type("goal") if g.options.get("level") != "guiding"]
    uncovered = tuple(g.id for g in goals if g.id and not measures_of(concept, g.id))
    uncovered_set = set(uncovered)
    guiding = [g for g in concept.of_type("goal") if g.options.get("level") == "guiding"]
    guiding_gaps = []
    for leitziel in guiding:
        assert leitziel.id is not None
        children = concept.linked_from(leitziel.id, "parent")
        if not any(c not in uncovered_set and concept.items[c].type == "goal" for c in children):
            guiding_gaps.append(leitziel.id)
    measures = concept.of_type("measure")
    known_goals = {g.id for g in concept.of_type("goal")}
    return Coverage(
        goals_without_measure=uncovered,
        guiding_without_measure=tuple(guiding_gaps),
        measures_without_goal=tuple(
            m.id for m in measures if m.id and not (set(m.options.get("goals") or ()) & known_goals)
        ),
        measures_without_lead=tuple(
            m.id for m in measures if m.id and not _exists(concept, m.options.get("lead"), "actor")
        ),
        actors_without_measure=tuple(
            a.id
            for a in concept.of_type("actor")
            if a.id
            and not (concept.linked_from(a.id, "lead") or concept.linked_from(a.id, "partners"))
        ),
        indicators_without_goal=tuple(
            i.id
            for i in concept.of_type("indicator")
            if i.id and not concept.linked_from(i.id, "indicators")
        ),
        goals_total=len(goals),
    )


def _exists(concept: Concept, item_id: object, item_type: str) -> bool:
    item = concept.items.get(item_id) if isinstance(item_id, str) else None
    return item is not None and item.type == item_type


def coverage_diagnostics(concept: Concept) -> list[Diagnostic]:
    """Each gap as a warning at the item (subtype ``uncovered``)."""
    report = coverage(concept)
    found: list[Diagnostic] = []

    def gap(item_id: str, message: str) -> None:
        item = concept.items[item_id]
        found.append(Diagnostic(item.docname, item.line, "uncovered", message))

    for goal in report.goals_without_measure:
        gap(goal, f"No measure serves the goal {goal}; add one with ':goals: {goal}'.")
    for leitziel in report.guiding_without_measure:
        gap(
            leitziel,
            f"No measure serves the guiding goal {leitziel} through any of its goals; "
            f"add goals with ':parent: {leitziel}' and measures for them.",
        )
    for measure in report.measures_without_lead:
        gap(
            measure, f"The measure {measure} has no lead; name the responsible actor with ':lead:'."
        )
    for actor in report.actors_without_measure:
        gap(
            actor,
            f"The actor {actor} leads or takes part in no measure; name it in a "
            "measure's ':lead:' or ':partners:', or remove it.",
        )
    for indicator in report.indicators_without_goal:
        gap(
            indicator,
            f"No goal is measured by the indicator {indicator}; add it to a goal's ':indicators:'.",
        )
    return found
