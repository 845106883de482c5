"""The item model: values that the rest of konzept passes around.

Everything here is plain data (frozen dataclasses of JSON-compatible values),
so it pickles into Sphinx's environment and compares by value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

#: A parsed option value: what ``konzept.json`` stores for an option.
JSONValue: TypeAlias = Any


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem found in the input, located and explained.

    ``code`` becomes the warning subtype (``konzept.<code>``); ``message`` is a
    full sentence that says what is wrong and what to do about it.
    """

    docname: str
    line: int
    code: str
    message: str


@dataclass(frozen=True)
class RawItem:
    """An item as the author wrote it: option values are still strings."""

    type: str
    title: str
    options: Mapping[str, str]
    docname: str
    line: int
    #: Line of each option in the source, for precise diagnostics.
    option_lines: Mapping[str, int] = field(default_factory=dict)
    #: Field of an enclosing ``field`` block, if any.
    context_field: str | None = None
    text: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class Item:
    """A parsed item: a field, goal, measure, actor or indicator.

    ``id`` is ``None`` when the author gave none or an unusable one; such an
    item is still rendered on its page (never silently lost), but cannot be
    referenced or exported by ID.
    """

    type: str
    id: str | None
    title: str
    #: Parsed values of the options that were given and valid.
    options: Mapping[str, JSONValue]
    #: Every option exactly as written, valid or not (nothing is lost).
    raw: Mapping[str, str]
    docname: str
    line: int
    anchor: str
    text: str = ""
    context_field: str | None = None
    option_lines: Mapping[str, int] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def label(self) -> str:
        """How a person names this item in a message."""
        if self.id:
            return self.id
        return repr(self.title) if self.title else "without title"

    def line_of(self, option: str) -> int:
        return self.option_lines.get(option, self.line)

    def invalid_options(self) -> dict[str, str]:
        """Options that were written but could not be used, as written.

        An empty option counts as not given; the ID is invalid only when it
        was written and is not usable.
        """
        return {
            name: text
            for name, text in self.raw.items()
            if text.strip() and name not in self.options and not (name == "id" and self.id)
        }


@dataclass(frozen=True)
class Decision:
    """One step of the Beratungsfolge (decision path) of a release."""

    body: str
    date: str
    kind: str
    result: str | None = None
    document: str | None = None


@dataclass(frozen=True)
class Release:
    """Metadata of the release being built (``konzept_release``)."""

    version: str
    title: str
    date: str | None = None
    status: str = "draft"
    predecessor: str | None = None
    decisions: tuple[Decision, ...] = ()

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "version": self.version,
            "title": self.title,
            "date": self.date,
            "status": self.status,
            "predecessor": self.predecessor,
            "decisions": [
                {
                    "body": d.body,
                    "date": d.date,
                    "kind": d.kind,
                    "result": d.result,
                    "document": d.document,
                }
                for d in self.decisions
            ],
        }
