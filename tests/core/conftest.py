"""Helpers for the tests of the pure core (no Sphinx involved).

Items are written the way an author writes them: option values are strings,
exactly as they would stand after ``:name:`` in a directive.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterable, Mapping
from typing import Any

from konzept.core import (
    BUILTIN_SCHEMA,
    Concept,
    Diagnostic,
    Item,
    RawItem,
    Reference,
    Release,
    Schema,
    build_concept,
    parse_item,
)
from konzept.core.export import concept_to_json, json_schema

_lines = itertools.count(1000)


def raw(
    item_type: str,
    title: str = "Titel",
    /,
    *,
    docname: str = "index",
    line: int | None = None,
    option_lines: Mapping[str, int] | None = None,
    context_field: str | None = None,
    text: str = "",
    anchor: str = "",
    **options: str,
) -> RawItem:
    """A :class:`RawItem` as the directive would hand it over.

    Without ``line`` each item gets a fresh line number, so items built one
    after the other are in document order.
    """
    return RawItem(
        type=item_type,
        title=title,
        options=dict(options),
        docname=docname,
        line=next(_lines) if line is None else line,
        option_lines=dict(option_lines or {}),
        context_field=context_field,
        text=text,
        anchor=anchor,
    )


def item(
    item_type: str,
    title: str = "Titel",
    /,
    *,
    schema: Schema = BUILTIN_SCHEMA,
    aliases: Mapping[str, Mapping[str, str]] | None = None,
    **kwargs: Any,
) -> Item:
    """A parsed :class:`Item` (see :func:`raw` for the arguments)."""
    return parse_item(raw(item_type, title, **kwargs), schema, aliases)


def field(item_id: str, title: str | None = None, **kwargs: Any) -> Item:
    return item("field", title or f"Handlungsfeld {item_id}", id=item_id, **kwargs)


def goal(item_id: str | None, title: str | None = None, **kwargs: Any) -> Item:
    if item_id is not None:
        kwargs["id"] = item_id
    return item("goal", title or f"Ziel {item_id}", **kwargs)


def measure(item_id: str | None, title: str | None = None, **kwargs: Any) -> Item:
    if item_id is not None:
        kwargs["id"] = item_id
    return item("measure", title or f"Maßnahme {item_id}", **kwargs)


def actor(item_id: str, title: str | None = None, **kwargs: Any) -> Item:
    return item("actor", title or f"Akteur {item_id}", id=item_id, **kwargs)


def indicator(item_id: str, title: str | None = None, **kwargs: Any) -> Item:
    return item("indicator", title or f"Kennzahl {item_id}", id=item_id, **kwargs)


def concept(
    *items: Item,
    schema: Schema = BUILTIN_SCHEMA,
    page_fields: Mapping[str, str] | None = None,
    references: Iterable[Reference] = (),
) -> Concept:
    return build_concept(list(items), schema, page_fields=page_fields, references=references)


def codes(diagnostics: Iterable[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def only(diagnostics: Iterable[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == code]


RELEASE = Release(version="2016", title="Integrationskonzept Kreis Musterland 2016")


def export(c: Concept, release: Release = RELEASE) -> dict[str, Any]:
    """``konzept.json`` of a concept, read back."""
    result: dict[str, Any] = json.loads(concept_to_json(c, release))
    return result


@functools.cache
def schema_validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(data: Any) -> list[str]:
    """Every place where ``data`` breaks the shipped JSON Schema, readable."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in schema_validator().iter_errors(data)
    ]
