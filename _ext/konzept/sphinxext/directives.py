"""The item directives: ``field``, ``goal``, ``measure``, ``actor``, ``indicator``.

One class serves every item type; the schema says which options a type has.
A directive only records the item in the domain and leaves a placeholder for
its metadata: links, inherited fields and back-references are filled in after
all documents are read (:mod:`.late`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..core import RawItem, parse_item
from ..core.values import is_valid_id
from .config import project_schema, vocabulary_aliases
from .domain import get_domain
from .i18n import label
from .nodes import item_block, item_heading, item_meta
from .render import search_text

#: env.temp_data key: IDs of the enclosing ``field`` blocks while parsing.
FIELD_STACK = "konzept_field_stack"
#: env.temp_data key: counter for anchors of items without a usable ID.
ANCHOR_COUNTER = "konzept_anchor_counter"


class AnyOptions(dict[str, Any]):
    """An option spec that accepts every option name.

    docutils and MyST drop a directive (or an option) with an unknown option;
    konzept keeps the item and reports the option itself, with a suggestion.
    """

    def __missing__(self, key: str) -> Any:
        return directives.unchanged

    def __contains__(self, key: object) -> bool:
        return True

    def __bool__(self) -> bool:
        return True


class ItemDirective(SphinxDirective):
    item_type: ClassVar[str] = ""
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = AnyOptions()

    def run(self) -> list[nodes.Node]:
        schema = project_schema(self.config)
        docname = self.env.docname
        options = {
            name: "" if value is None else str(value) for name, value in self.options.items()
        }
        if not options:
            options = self._options_myst_could_not_read()
        given_id = options.get("id", "").strip()
        anchor = self._anchor(given_id)

        block = item_block(classes=["konzept-item", f"konzept-{self.item_type}"], ids=[anchor])
        self.set_source_info(block)
        self.state.document.ids[anchor] = block

        body = nodes.container()
        stack = cast(list[str], self.env.temp_data.setdefault(FIELD_STACK, []))
        context_field = stack[-1] if stack else None
        if self.item_type == "field":
            stack.append(given_id)
        try:
            self.state.nested_parse(self.content, self.content_offset, body)
        finally:
            if self.item_type == "field":
                stack.pop()

        raw = RawItem(
            type=self.item_type,
            title=self.arguments[0] if self.arguments else "",
            options=options,
            docname=docname,
            line=self.lineno,
            option_lines=self._option_lines(options),
            context_field=context_field,
            text=plain_text(body.children),
            anchor=anchor,
        )
        item = parse_item(raw, schema, vocabulary_aliases(schema))
        get_domain(self.env).note_item(item)

        block += self._heading(item.id, item.title, item.options)
        meta = item_meta(docname=docname, anchor=anchor)
        # what the search index sees of the metadata (rendered later, see .late)
        words = search_text(item, schema, self.config.language)
        if words:
            meta += nodes.Text(words)
        block += meta
        block.extend(body.children)
        return [*self._index(item.id, item.title, anchor), block]

    def _anchor(self, given_id: str) -> str:
        document = self.state.document
        if is_valid_id(given_id) and given_id not in document.ids:
            return given_id
        number = cast(int, self.env.temp_data.get(ANCHOR_COUNTER, 0)) + 1
        while f"konzept-item-{number}" in document.ids:
            number += 1
        self.env.temp_data[ANCHOR_COUNTER] = number
        return f"konzept-item-{number}"

    def _options_myst_could_not_read(self) -> dict[str, str]:
        """Options as plain ``:name: value`` lines, when MyST's parser gave up.

        MyST reads the options block as YAML; one value that starts with a
        quote it cannot close (``:funding: "KOMM-AN" NRW``) makes it drop
        every option (with a warning). The item must not lose its ID over
        that, so the lines are read again, literally.
        """
        lines = self.block_text.splitlines()
        if not lines or not lines[0].lstrip().startswith((":::", "```", "~~~")):
            return {}  # reStructuredText: docutils read the options already
        options: dict[str, str] = {}
        for text in lines[1:]:
            match = re.match(r"^\s*:([A-Za-z_][\w-]*):(?:\s+(.*))?$", text)
            if not match or text.lstrip().startswith(":::"):
                break
            options.setdefault(match[1], (match[2] or "").strip())
        return options

    def _option_lines(self, options: dict[str, str]) -> dict[str, int]:
        """Source line of each option, found in the directive's own text."""
        lines: dict[str, int] = {}
        for offset, text in enumerate(self.block_text.splitlines()):
            match = re.match(r"\s*:?([A-Za-z_][\w-]*):\s", text + " ")
            if match and match[1] in options and match[1] not in lines:
                lines[match[1]] = self.lineno + offset
        return lines

    def _heading(self, item_id: str | None, title: str, values: Mapping[str, Any]) -> item_heading:
        heading = item_heading(classes=["konzept-heading"])
        heading += nodes.inline("", type_label(self.item_type, values), classes=["konzept-type"])
        heading += nodes.Text(" ")
        if item_id:
            heading += nodes.inline("", item_id, classes=["konzept-id"])
            heading += nodes.Text(" ")
        heading += nodes.inline("", title, classes=["konzept-title"])
        return heading

    def _index(self, item_id: str | None, title: str, anchor: str) -> list[nodes.Node]:
        if not item_id:
            return []
        kind = type_label(self.item_type, {})
        entries = [("single", f"{item_id} ({kind})", anchor, "", None)]
        if title:
            entries.append(("single", f"{title} ({item_id})", anchor, "", None))
        return [addnodes.index(entries=entries)]


def type_label(item_type: str, values: Mapping[str, Any]) -> str:
    """``Leitziel`` for a guiding goal, ``Querschnittsthema`` for a cross-cutting field."""
    if item_type == "goal" and values.get("level") == "guiding":
        return label("Guiding goal")
    if item_type == "field" and values.get("kind") == "crosscutting":
        return label("Cross-cutting theme")
    labels = {
        "field": "Field of action",
        "goal": "Goal",
        "measure": "Measure",
        "actor": "Actor",
        "indicator": "Indicator",
    }
    return label(labels.get(item_type, item_type))


_SKIP = (nodes.system_message, nodes.comment, nodes.target, addnodes.index, item_block)


def plain_text(children: list[nodes.Node]) -> str:
    """The body as plain text: paragraphs separated by a blank line.

    Items nested in the body (goals inside a field block) are not part of it.
    """
    parts: list[str] = []
    for child in children:
        if isinstance(child, _SKIP) or _is_citation(child):
            continue
        if isinstance(child, nodes.TextElement):
            # a citation removed before punctuation leaves a space there
            text = re.sub(r" ([.,;:!?)])", r"\1", " ".join(_inline_text(child).split()))
            if text:
                parts.append(text)
        elif isinstance(child, nodes.Element):
            text = plain_text(child.children)
            if text:
                parts.append(text)
        elif isinstance(child, nodes.Text) and child.strip():
            parts.append(" ".join(child.split()))
    return "\n\n".join(parts)


def _inline_text(node: nodes.Node) -> str:
    if _is_citation(node):
        return ""
    if isinstance(node, nodes.Text):
        return str(node)
    if isinstance(node, nodes.Element):
        return "".join(_inline_text(child) for child in node.children)
    return ""


def _is_citation(node: nodes.Node) -> bool:
    """A bibliography citation: its key ("sprachkitas") is no text for readers."""
    return isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite"


def make_directive(item_type: str) -> type[ItemDirective]:
    return type(f"{item_type.title()}Directive", (ItemDirective,), {"item_type": item_type})
