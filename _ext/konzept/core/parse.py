"""From what the author wrote (:class:`RawItem`) to a parsed :class:`Item`.

Only what can be judged from the item alone is checked here: option names,
value syntax, required options, a period that ends before it starts. Checks
that need the other items (IDs, references, cycles) live in :mod:`.concept`.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .model import Diagnostic, Item, JSONValue, RawItem
from .schema import Kind, Schema
from .values import BadValue, date_bounds, is_valid_id, parse_value

#: Lower-cased alternative spellings of vocabulary terms (e.g. the German
#: labels), by vocabulary: ``{"status": {"laufend": "ongoing"}}``.
Aliases = Mapping[str, Mapping[str, str]]


def parse_item(raw: RawItem, schema: Schema, aliases: Aliases | None = None) -> Item:
    item_type = schema.type(raw.type)
    diagnostics: list[Diagnostic] = []
    values: dict[str, JSONValue] = {}

    def problem(option: str | None, code: str, message: str) -> None:
        line = raw.option_lines.get(option, raw.line) if option else raw.line
        diagnostics.append(Diagnostic(raw.docname, line, code, message))

    who = f"{item_type.name} {_who(raw)}"
    if not raw.title.strip():
        problem(
            None,
            "missing_option",
            f"The {who} has no title: write it after the directive name, "
            f"e.g. ':::{{{item_type.name}}} Title'.",
        )

    for name, text in raw.options.items():
        spec = item_type.option(name)
        if spec is None:
            hint = difflib.get_close_matches(name, item_type.option_names, n=1)
            advice = (
                f"did you mean ':{hint[0]}:'?"
                if hint
                else f"the options of a {item_type.name} are "
                + ", ".join(item_type.option_names)
                + "; declare new ones in konzept_options in conf.py"
            )
            problem(
                name, "unknown_option", f"The {who} has an unknown option ':{name}:'; {advice}."
            )
            continue
        if name == "id" or not text.strip():
            continue  # the ID is judged against all items; empty means "not given"
        try:
            values[name] = parse_value(spec, text, schema.vocabularies, aliases)
        except BadValue as error:
            problem(name, error.code, f"The {who} has a bad ':{name}:' value: {error.message}")

    for spec in item_type.options:
        given = raw.options.get(spec.name, "").strip()
        if spec.required and not given:
            example = "ID, ID" if spec.kind.is_list else "VALUE"
            problem(
                None,
                "missing_option",
                f"The {who} needs ':{spec.name}:'; add e.g. ':{spec.name}: {example}'.",
            )
        if spec.default is not None and spec.name not in values and not given:
            values[spec.name] = spec.default

    start, end = values.get("start"), values.get("end")
    ends_before_start = (
        isinstance(start, str)
        and isinstance(end, str)
        and date_bounds(end)[1] < date_bounds(start)[0]
    )
    if ends_before_start:
        problem(
            "end",
            "bad_period",
            f"The {who} ends ({end}) before it starts ({start}); correct ':start:' or ':end:'.",
        )

    given_id = raw.options.get("id", "").strip()
    return Item(
        type=raw.type,
        id=given_id if is_valid_id(given_id) else None,
        title=" ".join(raw.title.split()),
        options=values,
        raw=dict(raw.options),
        docname=raw.docname,
        line=raw.line,
        anchor=raw.anchor,
        text=raw.text,
        context_field=raw.context_field,
        option_lines=dict(raw.option_lines),
        diagnostics=tuple(diagnostics),
    )


def _who(raw: RawItem) -> str:
    given = raw.options.get("id", "").strip()
    if given:
        return given
    title = " ".join(raw.title.split())
    return repr(title[:60]) if title else "without title"


__all__ = ["Aliases", "Kind", "parse_item"]
