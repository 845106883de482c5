"""Rendering of items.

Transforms that run while a page is read (heading levels, raw HTML), and
:func:`metadata_node`, which turns an item into a field list: its options as
a reader wants them (localised dates and amounts, actors by name, goals by
ID and title) plus back-references (which measures serve this goal).
:mod:`.late` calls it after all documents are read.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from ..core import Concept, Item, Kind, OptionSpec, Schema
from ..core.formatting import format_date, format_money, format_number, format_point
from ..core.schema import N_
from .domain import ItemLinker
from .i18n import _, label
from .nodes import item_block, item_heading

logger = logging.getLogger(__name__)

#: Reference options whose targets are shown by title only (names, not codes).
_BY_TITLE = ("actor", "field")
#: Back-references shown on an item: (target type, option, label).
_BACKLINKS: tuple[tuple[str, str, str, str], ...] = (
    ("goal", "goal", "parent", N_("Goals")),
    ("goal", "measure", "goals", N_("Measures")),
    ("indicator", "goal", "indicators", N_("Goals")),
    ("actor", "measure", "lead", N_("Lead for")),
    ("actor", "measure", "partners", N_("Partner in")),
)


class HeadingLevels(SphinxTransform):
    """Give each item heading the level its depth in the page calls for."""

    default_priority = 900

    def apply(self, **kwargs: Any) -> None:
        for heading in self.document.findall(item_heading):
            if heading.parent is None:
                continue
            # an item's heading titles its block; any other is a heading in its section
            owner = heading.parent if isinstance(heading.parent, item_block) else heading
            heading["heading-level"] = heading_level(owner)


class EscapeRawHtml(SphinxTransform):
    """Show raw HTML from the sources as text, unless the project allows it.

    Markdown passes ``<tags>`` through to the page; a concept's text must not
    inject scripts or third-party content into a public body's site.
    """

    default_priority = 200

    def apply(self, **kwargs: Any) -> None:
        if self.config.konzept_allow_raw_html:
            return
        for raw in list(self.document.findall(nodes.raw)):
            if "html" not in raw.get("format", "").split():
                continue
            text = raw.astext()
            logger.warning(
                "Raw HTML %r is shown as text: write Markdown instead, or set "
                "konzept_allow_raw_html = True in conf.py if you trust every author.",
                text.strip()[:60],
                type="konzept",
                subtype="raw_html",
                location=raw,
            )
            inline = isinstance(raw.parent, nodes.TextElement)
            replacement = nodes.literal(text, text) if inline else nodes.literal_block(text, text)
            raw.replace_self(replacement)


def metadata_node(
    concept: Concept, item: Item | None, language: str | None, linker: ItemLinker
) -> nodes.Node | None:
    """The metadata of ``item`` as a field list; ``None`` when there is nothing to show."""
    if item is None:
        return None
    return MetadataRows(concept, item, language, linker).field_list()


class MetadataRows:
    def __init__(
        self,
        concept: Concept,
        item: Item,
        language: str | None,
        linker: ItemLinker,
    ) -> None:
        self.concept = concept
        self.item = item
        self.language = language
        self.linker = linker
        self.rows: list[tuple[str, list[nodes.Node], str]] = []

    def field_list(self) -> nodes.field_list | None:
        item_type = self.concept.schema.type(self.item.type)
        for spec in item_type.options:
            self._option(spec)
        for target_type, source_type, option, row_label in _BACKLINKS:
            if self.item.type == target_type and self.item.id:
                ids = [
                    i
                    for i in self.concept.linked_from(self.item.id, option)
                    if self.concept.items[i].type == source_type
                ]
                if ids:
                    show = "id" if target_type == "actor" else "both"
                    self._row(label(row_label), self._links(ids, show), f"back-{option}")
        for name, text in sorted(self.item.raw.items()):
            if item_type.option(name) is None:
                self._invalid(name, text)
        if not self.rows:
            return None
        field_list = nodes.field_list(classes=["konzept-meta"])
        for name, body, key in self.rows:
            field = nodes.field(classes=[f"konzept-meta-{key}"])
            field += nodes.field_name("", name)
            field += nodes.field_body("", *body)
            field_list += field
        return field_list

    def _row(self, name: str, content: list[nodes.Node], key: str) -> None:
        self.rows.append((name, content, key))

    def _invalid(self, name: str, text: str) -> None:
        para = nodes.paragraph()
        para += nodes.literal(text, text)
        para += nodes.Text(" ")
        para += nodes.emphasis("", str(_("(invalid, see the build warnings)")))
        self._row(name, [para], "invalid")

    def _option(self, spec: OptionSpec) -> None:
        item = self.item
        name = spec.name
        if name in ("id", "kind", "level", "end"):
            return  # the ID and kind are in the heading; end goes with start
        if name == "start" or (name == "end" and "start" not in item.raw):
            self._period()
            return
        if name == "field":
            self._field()
            return
        if name not in item.options:
            if item.raw.get(name, "").strip():
                self._invalid(label(spec.label), item.raw[name])
            return
        value = item.options[name]
        content = self.value(spec, value)
        if content:
            self._row(label(spec.label), content, name)

    def _field(self) -> None:
        field = self.concept.field_of_item(self.item)
        page_field = self.concept.page_fields.get(self.item.docname)
        if field is None or field in (page_field, self.item.context_field):
            if "field" in self.item.raw and "field" not in self.item.options:
                self._invalid(label("Field of action"), self.item.raw["field"])
            return
        self._row(label("Field of action"), self._links([field], "title"), "field")

    def _period(self) -> None:
        for name in ("start", "end"):
            if (
                name in self.item.raw
                and name not in self.item.options
                and self.item.raw[name].strip()
            ):
                self._invalid(
                    label(N_("Start") if name == "start" else N_("End")), self.item.raw[name]
                )
        text = period_text(self.item, self.language)
        if text:
            self._row(label("Period"), [nodes.paragraph("", text)], "period")

    def value(self, spec: OptionSpec, value: Any) -> list[nodes.Node]:
        """An option's value as nodes (also used by views for extra columns)."""
        kind = spec.kind
        if kind in (Kind.REF, Kind.REFS):
            ids = value if isinstance(value, list) else [value]
            show = "title" if set(spec.targets) <= set(_BY_TITLE) else "both"
            return self._links(ids, show)
        if kind is Kind.CHOICE:
            assert spec.vocabulary is not None
            text = term_label(self.concept.schema, spec.vocabulary, value)
            classes = [f"konzept-{spec.vocabulary}", f"konzept-{spec.vocabulary}-{value}"]
            return [nodes.paragraph("", "", nodes.inline(text, text, classes=classes))]
        if kind is Kind.URL:
            ref = nodes.reference(value, value, refuri=value, classes=["konzept-url"])
            return [nodes.paragraph("", "", ref)]
        if kind in (Kind.ID, Kind.IDS):
            ids = value if isinstance(value, list) else [value]
            return [nodes.paragraph("", ", ".join(ids))]
        text = value_text(kind, value, self.item, self.language)
        return [nodes.paragraph("", text)] if text else []

    def _links(self, ids: Iterable[str], show: str) -> list[nodes.Node]:
        """Links to items; several become a list, one stays a paragraph."""
        links = [self._link(i, show) for i in ids]
        if len(links) == 1 or show in ("id", "title"):
            para = nodes.paragraph()
            for n, link in enumerate(links):
                if n:
                    para += nodes.Text(", ")
                para += link
            return [para]
        bullets = nodes.bullet_list(classes=["konzept-links"])
        for link in links:
            bullets += nodes.list_item("", nodes.paragraph("", "", link))
        return [bullets]

    def _link(self, target: str, show: str) -> nodes.Element:
        return self.linker.link(target, show)


def period_text(item: Item, language: str | None) -> str:
    """``08.2016 – 2018``, ``seit 08.2016``, ``bis 2018`` or empty."""
    start, end = item.options.get("start"), item.options.get("end")
    if isinstance(start, str) and isinstance(end, str):
        return f"{format_date(start, language)} – {format_date(end, language)}"
    if isinstance(start, str):
        return str(_("since %s")) % format_date(start, language)
    if isinstance(end, str):
        return str(_("until %s")) % format_date(end, language)
    return ""


def value_text(kind: Kind, value: Any, item: Item, language: str | None) -> str:
    """A date, amount, number or series as a reader writes it; other values as they are."""
    unit = item.options.get("unit")
    unit = unit if isinstance(unit, str) else None
    if kind is Kind.DATE:
        return format_date(value, language)
    if kind is Kind.MONEY:
        return format_money(value, language)
    if kind is Kind.NUMBER:
        return format_number(value, language)
    if kind is Kind.POINT:
        return format_point(value, unit, language)
    if kind is Kind.SERIES:
        return "; ".join(format_point(p, unit, language) for p in value)
    return str(value)


def search_text(item: Item, schema: Schema, language: str | None) -> str:
    """The words of an item's own option values, for the search index.

    HTML renders metadata while translating, after Sphinx has indexed the
    page (see :mod:`.late`); this keeps what the item itself says (funding,
    status, period, the IDs it names, options a project added) searchable.
    Titles of linked items are found on those items' own pages.
    """
    item_type = schema.type(item.type)
    words: list[str] = []
    for spec in item_type.options:
        value = item.options.get(spec.name)
        if value is None or spec.name == "id":
            continue
        if spec.kind is Kind.CHOICE and spec.vocabulary is not None:
            words.append(term_label(schema, spec.vocabulary, value))
        elif isinstance(value, list) and spec.kind is not Kind.SERIES:
            words.append(" ".join(map(str, value)))
        else:
            words.append(value_text(spec.kind, value, item, language))
    return " ".join(words)


def term_label(schema: Schema, vocabulary: str, value: object) -> str:
    """The reader's label of a vocabulary term (the value itself if unknown)."""
    term = schema.vocabulary(vocabulary).term(str(value))
    return label(term.label) if term else str(value)


def heading_level(node: nodes.Node) -> int:
    """The heading level for a heading placed at ``node``: one below its section."""
    depth = 0
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section | item_block):
            depth += 1
        parent = parent.parent
    return min(depth + 1, 6)


# -- HTML ----------------------------------------------------------------------


def visit_item_heading_html(self: HTML5Translator, node: item_heading) -> None:
    self.visit_rubric(node)


def depart_item_heading_html(self: HTML5Translator, node: item_heading) -> None:
    block = node.parent
    anchor = block["ids"][0] if isinstance(block, item_block) and block["ids"] else None
    if anchor and self.config.html_permalinks:
        title = self.attval(str(_("Link to this item")))
        self.body.append(
            f'<a class="headerlink" href="#{self.attval(anchor)}" title="{title}">'
            f"{self.config.html_permalinks_icon}</a>"
        )
    self.depart_rubric(node)
