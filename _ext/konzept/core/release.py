"""Release metadata (``konzept_release`` in conf.py): parsing and checks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .model import Decision, Diagnostic, Release
from .schema import BUILTIN_SCHEMA, Vocabulary
from .values import BadValue, parse_choice, parse_date

_RELEASE_KEYS = ("version", "title", "date", "status", "predecessor", "decisions")
_DECISION_KEYS = ("body", "date", "kind", "result", "document")


def parse_release(
    data: Mapping[str, Any] | None,
    fallback_title: str,
    fallback_version: str,
    where: tuple[str, int] = ("conf.py", 0),
    vocabularies: Mapping[str, Vocabulary] | None = None,
    aliases: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Release, list[Diagnostic]]:
    """Check ``konzept_release``; keep what is usable, report the rest.

    Statuses, decision kinds and results are terms of the project's
    vocabularies (``release_status``, ``decision_kind``, ``decision_result``),
    written as values or as labels (``aliases``); a result that is no term is
    kept as written.
    """
    docname, line = where
    vocabs = vocabularies or BUILTIN_SCHEMA.vocabularies
    spellings = aliases or {}

    def choice(value: str, vocabulary: str) -> str:
        return parse_choice(value, vocabs[vocabulary], spellings.get(vocabulary))

    diagnostics: list[Diagnostic] = []

    def problem(message: str) -> None:
        diagnostics.append(Diagnostic(docname, line, "bad_release", message))

    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        problem("konzept_release must be a dict (see the reference of konzept_release).")
        data = {}
    for key in data:
        if key not in _RELEASE_KEYS:
            keys = ", ".join(_RELEASE_KEYS)
            problem(f"konzept_release has an unknown key {key!r}; the keys are {keys}.")

    def text(value: Any, key: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            problem(f"konzept_release[{key!r}] must be a string.")
            return None
        return value.strip() or None

    def date(value: Any, key: str) -> str | None:
        raw = text(value, key)
        if raw is None:
            return None
        try:
            return parse_date(raw)
        except BadValue as error:
            problem(f"konzept_release[{key!r}]: {error.message}")
            return None

    version = text(data.get("version"), "version") or fallback_version
    title = text(data.get("title"), "title") or fallback_title
    status = "draft"
    raw_status = text(data.get("status"), "status")
    if raw_status is not None:
        try:
            status = choice(raw_status, "release_status")
        except BadValue as error:
            problem(f"konzept_release['status']: {error.message}")

    decisions: list[Decision] = []
    raw_decisions = data.get("decisions") or []
    if not isinstance(raw_decisions, list | tuple):
        problem("konzept_release['decisions'] must be a list of dicts.")
        raw_decisions = []
    for n, entry in enumerate(raw_decisions, start=1):
        key = f"decisions #{n}"
        if not isinstance(entry, Mapping):
            problem(f"konzept_release {key} must be a dict with body, date and kind.")
            continue
        for extra in entry:
            if extra not in _DECISION_KEYS:
                problem(
                    f"konzept_release {key} has an unknown key {extra!r}; "
                    f"the keys are {', '.join(_DECISION_KEYS)}."
                )
        body = text(entry.get("body"), f"{key} body")
        when = date(entry.get("date"), f"{key} date")
        kind_text = text(entry.get("kind"), f"{key} kind") or "resolution"
        try:
            kind = choice(kind_text, "decision_kind")
        except BadValue as error:
            problem(f"konzept_release {key}: {error.message}")
            kind = kind_text
        if body is None or when is None:
            problem(
                f"konzept_release {key} needs 'body' (e.g. 'Kreistag') and 'date' (YYYY-MM-DD)."
            )
            if body is None and when is None:
                continue
        decisions.append(
            Decision(
                body=body or "?",
                date=when or "",
                kind=kind,
                result=_result(text(entry.get("result"), f"{key} result"), choice),
                document=text(entry.get("document"), f"{key} document"),
            )
        )

    release = Release(
        version=version,
        title=title,
        date=date(data.get("date"), "date"),
        status=status,
        predecessor=text(data.get("predecessor"), "predecessor"),
        decisions=tuple(decisions),
    )
    return release, diagnostics


def _result(value: str | None, choice: Callable[[str, str], str]) -> str | None:
    """A decision's result: a term when it is one, else the text as written."""
    if value is None:
        return None
    try:
        return choice(value, "decision_result")
    except BadValue:
        return value
