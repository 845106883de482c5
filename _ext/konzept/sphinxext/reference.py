"""The ``konzept-reference`` directive: the schema as tables.

konzept's own documentation uses it for its reference pages, and a project
can use it for its authors' guide: it shows the project's own schema,
including options and terms added in conf.py.

    :::{konzept-reference} types | vocabularies | config | warnings
    :::
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..core.codes import CODES
from ..core.schema import Kind
from .config import CONFIG_VALUES, project_schema
from .i18n import label
from .nodes import item_heading

_KIND_HELP = {
    Kind.TEXT: "text",
    Kind.ID: "ID (of any release)",
    Kind.IDS: "list of IDs",
    Kind.REF: "ID of a {}",
    Kind.REFS: "list of IDs of {}s",
    Kind.DATE: "date",
    Kind.CHOICE: "one of vocabulary ``{}``",
    Kind.MONEY: "amount",
    Kind.URL: "web address",
    Kind.NUMBER: "number",
    Kind.POINT: "YEAR: VALUE",
    Kind.SERIES: "YEAR: VALUE; ...",
}


def table(headers: list[str], rows: list[list[nodes.Node | str]], widths: list[int]) -> nodes.table:
    tbl = nodes.table(classes=["konzept-reference"])
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row(headers, header=True)
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += _row(cells)
    return tbl


def _row(cells: Sequence[nodes.Node | str], header: bool = False) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, nodes.Node):
            entry += cell
        else:
            entry += nodes.paragraph("", cell)
        row += entry
    return row


class ReferenceDirective(SphinxDirective):
    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"type": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        what = self.arguments[0]
        builders = {
            "types": self._types,
            "vocabularies": self._vocabularies,
            "config": self._config,
            "warnings": self._warnings,
        }
        if what not in builders:
            raise self.error(f"konzept-reference: use one of {', '.join(builders)}, not {what!r}")
        return builders[what]()

    def _rst(self, text: str) -> list[nodes.Node]:
        """Inline reStructuredText (``literal``) of the schema's descriptions."""
        para = nodes.paragraph()
        parsed, _messages = self.state.inline_text(text, self.lineno)
        para.extend(parsed)
        return [para]

    def _cell(self, text: str) -> nodes.Node:
        container = nodes.container()
        container.extend(self._rst(text))
        return container

    def _types(self) -> list[nodes.Node]:
        schema = project_schema(self.config)
        only = self.options.get("type")
        result: list[nodes.Node] = []
        for item_type in schema:
            if only and item_type.name != only:
                continue
            heading = item_heading("", f"{item_type.name} ({label(item_type.label)})")
            result.append(heading)
            result.extend(self._rst(item_type.description))
            rows: list[list[nodes.Node | str]] = []
            for spec in item_type.options:
                kind = _KIND_HELP[spec.kind].format(
                    spec.vocabulary if spec.kind is Kind.CHOICE else " or ".join(spec.targets)
                )
                if spec.name == "id":
                    kind = "ID, unique in the project"
                rows.append(
                    [
                        nodes.literal("", f":{spec.name}:"),
                        self._cell(kind),
                        "yes" if spec.required else "",
                        label(spec.label),
                        self._cell(spec.description),
                    ]
                )
            result.append(
                table(
                    ["Option", "Value", "Required", "Label", "Meaning"], rows, [14, 18, 8, 16, 44]
                )
            )
        return result

    def _vocabularies(self) -> list[nodes.Node]:
        schema = project_schema(self.config)
        result: list[nodes.Node] = []
        for vocab in schema.vocabularies.values():
            result.append(item_heading("", vocab.name))
            if vocab.description:
                result.extend(self._rst(vocab.description))
            rows: list[list[nodes.Node | str]] = [
                [nodes.literal("", term.value), label(term.label), self._cell(term.description)]
                for term in vocab.terms
            ]
            result.append(table(["Value", "Label", "Meaning"], rows, [25, 30, 45]))
        return result

    def _config(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = []
        for name, (default, _rebuild, types, description) in CONFIG_VALUES.items():
            target = nodes.target("", "", ids=[f"config-{name}"])
            self.state.document.note_explicit_target(target)
            name_cell = nodes.paragraph("", "", target, nodes.literal("", name))
            rows.append(
                [
                    name_cell,
                    " or ".join(t.__name__ for t in types),
                    repr(default),
                    self._cell(description),
                ]
            )
        return [table(["Name", "Type", "Default", "Meaning"], rows, [22, 8, 10, 60])]

    def _warnings(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = [
            [nodes.literal("", code.subtype), self._cell(code.summary), self._cell(code.remedy)]
            for code in CODES
        ]
        return [table(["Subtype", "What is wrong", "What to do"], rows, [20, 40, 40])]
