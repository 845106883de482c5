"""The schema: item types, their options and the vocabularies, as data.

This is the one place that says what a measure is. Directives, rendering,
validation, JSON export and the reference documentation are all derived
from it. A project extends it from ``conf.py`` (:func:`extend_schema`).

Labels are English message ids; the Sphinx adapter translates them through
gettext. :func:`N_` only marks them for extraction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from .model import Diagnostic


def N_(message: str) -> str:
    """Mark a message for translation without translating it (gettext_noop)."""
    return message


class Kind(StrEnum):
    """How an option value is written and parsed."""

    TEXT = "text"  # free text on one line
    ID = "id"  # one ID, not checked against the items (e.g. ``replaces``)
    IDS = "ids"  # a list of such IDs
    REF = "ref"  # one ID of an existing item of the target types
    REFS = "refs"  # a list of such IDs
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
    CHOICE = "choice"  # a term of a vocabulary
    MONEY = "money"  # an amount with a currency
    URL = "url"  # http, https or mailto
    NUMBER = "number"  # a decimal number
    POINT = "point"  # ``YEAR: NUMBER``
    SERIES = "series"  # ``YEAR: NUMBER; YEAR: NUMBER``

    @property
    def is_list(self) -> bool:
        return self in (Kind.IDS, Kind.REFS, Kind.SERIES)


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary, e.g. the status ``ongoing``."""

    value: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[Term, ...]
    description: str = ""

    def term(self, value: str) -> Term | None:
        for term in self.terms:
            if term.value == value:
                return term
        return None

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(t.value for t in self.terms)


@dataclass(frozen=True)
class OptionSpec:
    name: str
    kind: Kind
    label: str
    description: str
    required: bool = False
    #: For REF/REFS: the item types a value may name.
    targets: tuple[str, ...] = ()
    #: For CHOICE: the vocabulary.
    vocabulary: str | None = None
    #: Value used when the option is not given (for CHOICE).
    default: str | None = None
    #: Declared in conf.py rather than built in.
    custom: bool = False
    #: Key in konzept.json when the option name is taken by an item key
    #: (an actor's ``type`` is exported as ``actor_type``).
    json_key: str | None = None

    @property
    def export_key(self) -> str:
        return self.json_key or self.name


@dataclass(frozen=True)
class ItemType:
    name: str
    label: str
    plural: str
    description: str
    options: tuple[OptionSpec, ...]
    #: Letter used in suggested IDs when the project has no pattern yet.
    id_letter: str

    def option(self, name: str) -> OptionSpec | None:
        for spec in self.options:
            if spec.name == name:
                return spec
        return None

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.options)


@dataclass(frozen=True)
class Schema:
    types: Mapping[str, ItemType]
    vocabularies: Mapping[str, Vocabulary]

    def type(self, name: str) -> ItemType:
        return self.types[name]

    def vocabulary(self, name: str) -> Vocabulary:
        return self.vocabularies[name]

    def __iter__(self) -> Iterator[ItemType]:
        return iter(self.types.values())


# -- the built-in schema -----------------------------------------------------

_ID = OptionSpec("id", Kind.ID, N_("ID"), "Unique identifier, e.g. ``BIL-M3``.")
_FIELD = OptionSpec(
    "field",
    Kind.REF,
    N_("Field of action"),
    "The field of action it belongs to. Optional inside a ``field`` block or "
    "on a page whose front matter sets ``konzept_field``.",
    targets=("field",),
)
_REPLACES = OptionSpec(
    "replaces",
    Kind.IDS,
    N_("Replaces"),
    "IDs of items of an earlier release that this one continues (rename, merge or split).",
)

STATUS = Vocabulary(
    "status",
    (
        Term("planned", N_("planned"), "Decided or proposed, not started."),
        Term("ongoing", N_("ongoing"), "Being carried out."),
        Term("done", N_("done"), "Completed."),
        Term("deferred", N_("deferred"), "Postponed, to be taken up later."),
        Term("dropped", N_("dropped"), "Will not be carried out."),
    ),
    "Implementation status of a measure.",
)

ACTOR_TYPE = Vocabulary(
    "actor_type",
    (
        Term("public", N_("public authority"), "County administration, state bodies."),
        Term("municipality", N_("municipality"), "A town or municipality of the county."),
        Term("welfare", N_("welfare association")),
        Term("education", N_("educational institution")),
        Term("employment", N_("labour market")),
        Term("business", N_("business")),
        Term("migrant_org", N_("migrant organisation")),
        Term("civil_society", N_("civil society")),
        Term("religious", N_("religious community")),
        Term("health", N_("health service")),
        Term("security", N_("police and security")),
        Term("politics", N_("political body")),
        Term("other", N_("other")),
    ),
    "Kind of organisation an actor is.",
)

FIELD_KIND = Vocabulary(
    "field_kind",
    (
        Term("theme", N_("Field of action"), "A field of action (Handlungsfeld)."),
        Term(
            "crosscutting",
            N_("Cross-cutting theme"),
            "A cross-cutting theme (Querschnittsthema).",
        ),
    ),
    "Kind of a field.",
)

GOAL_LEVEL = Vocabulary(
    "goal_level",
    (
        Term("guiding", N_("Guiding goal"), "A guiding goal (Leitziel)."),
        Term("goal", N_("Goal"), "An operational goal (Ziel)."),
    ),
    "Level of a goal.",
)

DECISION_KIND = Vocabulary(
    "decision_kind",
    (
        Term("hearing", N_("hearing"), "Consultation of an advisory body."),
        Term("preliminary", N_("preliminary deliberation")),
        Term("recommendation", N_("recommendation")),
        Term("resolution", N_("resolution")),
        Term("information", N_("for information")),
    ),
    "Kind of a step in the decision path (Beratungsfolge).",
)

DECISION_RESULT = Vocabulary(
    "decision_result",
    (
        Term("recommended", N_("recommended")),
        Term("adopted", N_("adopted")),
        Term("adopted unchanged", N_("adopted unchanged")),
        Term("adopted with amendments", N_("adopted with amendments")),
        Term("noted", N_("noted")),
        Term("postponed", N_("postponed")),
        Term("rejected", N_("rejected")),
    ),
    "Result of a step in the decision path; other text is shown as written.",
)

RELEASE_STATUS = Vocabulary(
    "release_status",
    (
        Term("draft", N_("draft")),
        Term("submitted", N_("submitted")),
        Term("adopted", N_("adopted")),
    ),
    "Status of a release.",
)

BUILTIN_TYPES: tuple[ItemType, ...] = (
    ItemType(
        "field",
        N_("Field of action"),
        N_("Fields of action"),
        "A field of action (Handlungsfeld) or cross-cutting theme.",
        (
            _ID,
            OptionSpec(
                "kind",
                Kind.CHOICE,
                N_("Kind"),
                "``theme`` (field of action) or ``crosscutting`` (cross-cutting theme).",
                vocabulary="field_kind",
                default="theme",
            ),
            _REPLACES,
        ),
        id_letter="F",
    ),
    ItemType(
        "goal",
        N_("Goal"),
        N_("Goals"),
        "A guiding goal (Leitziel) or goal (Ziel).",
        (
            _ID,
            _FIELD,
            OptionSpec(
                "parent",
                Kind.REF,
                N_("Guiding goal"),
                "The guiding goal this goal serves.",
                targets=("goal",),
            ),
            OptionSpec(
                "level",
                Kind.CHOICE,
                N_("Level"),
                "``guiding`` (Leitziel) or ``goal`` (Ziel, the default).",
                vocabulary="goal_level",
                default="goal",
            ),
            OptionSpec(
                "indicators",
                Kind.REFS,
                N_("Indicators"),
                "Indicators that measure this goal.",
                targets=("indicator",),
            ),
            _REPLACES,
        ),
        id_letter="Z",
    ),
    ItemType(
        "measure",
        N_("Measure"),
        N_("Measures"),
        "A measure (Maßnahme) that serves one or more goals.",
        (
            _ID,
            _FIELD,
            OptionSpec(
                "goals",
                Kind.REFS,
                N_("Goals"),
                "The goals this measure serves (at least one).",
                required=True,
                targets=("goal",),
            ),
            OptionSpec(
                "lead",
                Kind.REF,
                N_("Lead"),
                "The actor responsible (federführend).",
                targets=("actor",),
            ),
            OptionSpec(
                "partners",
                Kind.REFS,
                N_("Partners"),
                "Actors taking part.",
                targets=("actor",),
            ),
            OptionSpec(
                "start", Kind.DATE, N_("Start"), "Start: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."
            ),
            OptionSpec("end", Kind.DATE, N_("End"), "End, same format; none means ongoing."),
            OptionSpec(
                "status",
                Kind.CHOICE,
                N_("Status"),
                "Implementation status.",
                vocabulary="status",
            ),
            OptionSpec(
                "budget", Kind.MONEY, N_("Budget"), "Amount and currency, e.g. ``161088.00 EUR``."
            ),
            OptionSpec(
                "funding", Kind.TEXT, N_("Funding"), "Source of funding, e.g. ``KOMM-AN NRW``."
            ),
            _REPLACES,
        ),
        id_letter="M",
    ),
    ItemType(
        "actor",
        N_("Actor"),
        N_("Actors"),
        "An organisation or body that leads or takes part in measures.",
        (
            _ID,
            OptionSpec(
                "type",
                Kind.CHOICE,
                N_("Type"),
                "Kind of organisation (exported as ``actor_type``).",
                vocabulary="actor_type",
                json_key="actor_type",
            ),
            OptionSpec("url", Kind.URL, N_("Website"), "Web address (http, https or mailto)."),
            _REPLACES,
        ),
        id_letter="A",
    ),
    ItemType(
        "indicator",
        N_("Indicator"),
        N_("Indicators"),
        "A measurable quantity with baseline, target and observed values.",
        (
            _ID,
            _FIELD,
            OptionSpec("unit", Kind.TEXT, N_("Unit"), "Unit of the values, e.g. ``%``."),
            OptionSpec(
                "baseline", Kind.POINT, N_("Baseline"), "``YEAR: VALUE``, e.g. ``2014: 81.5``."
            ),
            OptionSpec("target", Kind.POINT, N_("Target"), "``YEAR: VALUE``, e.g. ``2020: 90``."),
            OptionSpec(
                "values",
                Kind.SERIES,
                N_("Values"),
                "Observed values: ``YEAR: VALUE; YEAR: VALUE``.",
            ),
            OptionSpec("source", Kind.TEXT, N_("Source"), "Where the data come from."),
            _REPLACES,
        ),
        id_letter="K",
    ),
)

BUILTIN_VOCABULARIES: tuple[Vocabulary, ...] = (
    STATUS,
    ACTOR_TYPE,
    FIELD_KIND,
    GOAL_LEVEL,
    DECISION_KIND,
    DECISION_RESULT,
    RELEASE_STATUS,
)

BUILTIN_SCHEMA = Schema(
    types={t.name: t for t in BUILTIN_TYPES},
    vocabularies={v.name: v for v in BUILTIN_VOCABULARIES},
)

# -- extension from conf.py --------------------------------------------------

_OPTION_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
#: Keys every item has in konzept.json; no option may be called like them.
RESERVED_KEYS = frozenset(
    {"id", "type", "title", "text", "docname", "anchor", "line", "field", "invalid", "actor_type"}
)
_TERM_VALUE = re.compile(r"^[A-Za-z][A-Za-z0-9_ -]*$")
CUSTOM_KINDS = tuple(k.value for k in Kind)


def extend_schema(
    base: Schema,
    options: Mapping[str, Mapping[str, Any]],
    vocabularies: Mapping[str, Mapping[str, Any]],
    where: tuple[str, int] = ("conf.py", 0),
) -> tuple[Schema, list[Diagnostic]]:
    """Add options and vocabulary terms declared in ``conf.py``.

    ``options`` maps an item type to ``{name: {"kind": ..., "label": ...,
    "description": ..., "targets": [...], "vocabulary": ..., "required": bool}}``.
    ``vocabularies`` maps a vocabulary name (existing or new) to
    ``{value: label}``. Built-in options cannot be redefined. Problems come
    back as diagnostics located at ``where``; the offending entry is skipped.
    """
    docname, line = where
    diagnostics: list[Diagnostic] = []

    def problem(message: str) -> None:
        diagnostics.append(Diagnostic(docname, line, "bad_config", message))

    vocabs = dict(base.vocabularies)
    for vname, terms in _mapping(vocabularies, "konzept_vocabularies", problem).items():
        if not isinstance(terms, Mapping):
            problem(f"konzept_vocabularies[{vname!r}] must be a dict of value: label.")
            continue
        existing = vocabs.get(vname, Vocabulary(vname, ()))
        new_terms = list(existing.terms)
        for value, label in terms.items():
            if not isinstance(value, str) or not _TERM_VALUE.match(value):
                problem(
                    f"konzept_vocabularies[{vname!r}]: {value!r} is not a usable value; "
                    "use letters, digits, '_', '-' or spaces, starting with a letter."
                )
                continue
            if not isinstance(label, str) or not label.strip():
                problem(f"konzept_vocabularies[{vname!r}][{value!r}] needs a label (a string).")
                continue
            term = Term(value, label.strip())
            replaced = False
            for i, old in enumerate(new_terms):
                if old.value == value:
                    new_terms[i] = replace(old, label=label.strip())
                    replaced = True
            if not replaced:
                new_terms.append(term)
        vocabs[vname] = replace(existing, terms=tuple(new_terms))

    types = dict(base.types)
    for tname, specs in _mapping(options, "konzept_options", problem).items():
        if tname not in types:
            problem(
                f"konzept_options names the item type {tname!r}; "
                f"the types are {', '.join(sorted(types))}."
            )
            continue
        if not isinstance(specs, Mapping):
            problem(f"konzept_options[{tname!r}] must be a dict of option name: settings.")
            continue
        item_type = types[tname]
        added: list[OptionSpec] = []
        for oname, settings in specs.items():
            spec = _custom_option(tname, oname, settings, item_type, types, vocabs, problem)
            if spec is not None:
                added.append(spec)
        types[tname] = replace(item_type, options=item_type.options + tuple(added))

    return Schema(types=types, vocabularies=vocabs), diagnostics


def _mapping(value: Any, name: str, problem: Any) -> Mapping[str, Any]:
    if isinstance(value, Mapping):
        return value
    problem(f"{name} must be a dict.")
    return {}


def _custom_option(
    tname: str,
    oname: Any,
    settings: Any,
    item_type: ItemType,
    types: Mapping[str, ItemType],
    vocabs: Mapping[str, Vocabulary],
    problem: Any,
) -> OptionSpec | None:
    where = f"konzept_options[{tname!r}][{oname!r}]"
    if not isinstance(oname, str) or not _OPTION_NAME.match(oname):
        problem(f"{where}: option names are lower case letters, digits and '_'.")
        return None
    if item_type.option(oname) is not None:
        problem(f"{where}: {tname} already has an option {oname!r}; choose another name.")
        return None
    if oname in RESERVED_KEYS:
        problem(f"{where}: {oname!r} is a reserved name; choose another name.")
        return None
    if isinstance(settings, str):
        settings = {"kind": "text", "label": settings}
    if not isinstance(settings, Mapping):
        problem(f"{where} must be a dict with at least 'label', or a label string.")
        return None
    kind_name = settings.get("kind", "text")
    try:
        kind = Kind(kind_name)
    except ValueError:
        problem(f"{where}: kind {kind_name!r} is unknown; use one of {', '.join(CUSTOM_KINDS)}.")
        return None
    label = settings.get("label", oname)
    if not isinstance(label, str):
        problem(f"{where}: 'label' must be a string.")
        return None
    raw_targets = settings.get("targets", ())
    targets = tuple(raw_targets) if isinstance(raw_targets, list | tuple) else ()
    if kind in (Kind.REF, Kind.REFS):
        known = all(isinstance(t, str) and t in types for t in targets)
        if not targets or not known:
            problem(
                f"{where}: kind {kind.value!r} needs 'targets', a list of item types "
                f"({', '.join(sorted(types))})."
            )
            return None
    vocabulary = settings.get("vocabulary")
    if kind is Kind.CHOICE and not (isinstance(vocabulary, str) and vocabulary in vocabs):
        problem(
            f"{where}: kind 'choice' needs 'vocabulary', one of "
            f"{', '.join(sorted(vocabs))} or one declared in konzept_vocabularies."
        )
        return None
    required = settings.get("required", False)
    description = settings.get("description", "")
    if not isinstance(required, bool) or not isinstance(description, str):
        problem(f"{where}: 'required' must be True or False and 'description' a string.")
        return None
    return OptionSpec(
        oname,
        kind,
        label,
        description,
        required=required,
        targets=targets,
        vocabulary=vocabulary,
        custom=True,
    )
