"""docutils nodes → Typst markup, for the PDF brochure.

The translator walks the doctree the :mod:`.builder` assembled (the root
document with every included document inlined, each wrapped in a
``start_of_file`` node) and writes Typst markup that calls the functions of
``templates/brochure.typ``. Text only ever reaches the output through
:mod:`.typst_syntax`, so nothing an author writes can become Typst code.

Most visitors render their node eagerly (the children into a buffer of their
own, then one function call) and skip the children; only flow containers
(sections, paragraphs, plain containers) let the walk go on.

A node this module does not know is rendered as its text, with a warning
that names the source file and line: a new view or a third-party directive
never breaks the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import admonitionlabels
from sphinx.util import logging
from sphinx.util.docutils import SphinxTranslator

from .typst_syntax import call, content, length, markup, string

if TYPE_CHECKING:
    from .builder import PdfBuilder

logger = logging.getLogger(__name__)

#: Admonitions drawn with a heavier rule (they ask the reader to act).
_STRONG_ADMONITIONS = frozenset({"attention", "caution", "danger", "error", "important", "warning"})
#: Classes of inline nodes and the brochure function that shows them.
_INLINE_STYLES: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"konzept-id", "konzept-ref-id"}), "kz-id"),
    (frozenset({"konzept-type"}), "kz-type"),
    (frozenset({"konzept-ins", "konzept-inserted", "konzept-added", "diff-ins", "ins"}), "kz-ins"),
    (frozenset({"konzept-del", "konzept-deleted", "konzept-removed", "diff-del", "del"}), "kz-del"),
)
_ENUM_STYLES = {
    "arabic": "1",
    "loweralpha": "a",
    "upperalpha": "A",
    "lowerroman": "i",
    "upperroman": "I",
}
#: Tables with more columns than this are wide: set smaller, or on a landscape
#: page when they are also long (at least this many rows).
_WIDE_TABLE = 5
_LONG_TABLE = 12
#: In tables with more columns than this, links show no page number.
_DENSE_TABLE = 4
#: Placeholder for the start of a cross-reference, settled in :meth:`astext`
#: when it is known whether the target made it into the document.
_XREF = re.compile("\ue000(\\d+)\ue001")


class TypstTranslator(SphinxTranslator):
    builder: PdfBuilder

    #: ``design_component`` values of sphinx-design that are only wrappers.
    _DESIGN_WRAPPERS: ClassVar[frozenset[str]] = frozenset(
        {"grid-container", "grid-item", "tab-set", "tab-content", "card-content", "div"}
    )

    def __init__(self, document: nodes.document, builder: PdfBuilder) -> None:
        super().__init__(document, builder)
        self.buffers: list[list[str]] = [[]]
        self.files: list[str] = [document.get("docname", builder.config.root_doc)]
        self.section_levels: list[int] = []
        self.item_depth = 0
        #: Labels waiting to be placed at the next piece of output.
        self.pending: list[str] = []
        self.emitted: set[str] = set()
        self.xrefs: list[tuple[str, bool]] = []
        self.footnotes: dict[str, nodes.footnote] = {}
        self.in_header = False
        self.dense_tables: list[bool] = []
        #: The root document's lead text (see :meth:`_front_matter`).
        self.front: str | None = None
        self.page_label = builder.labels["page"]
        self._collect_footnotes(document)
        self.pending.append(self.files[0])

    # -- output ------------------------------------------------------------------

    @property
    def docname(self) -> str:
        return self.files[-1]

    def write(self, text: str) -> None:
        if self.pending:
            self.flush_labels()
        self.buffers[-1].append(text)

    def flush_labels(self) -> None:
        labels, self.pending = self.pending, []
        for key in labels:
            if key not in self.emitted:
                self.emitted.add(key)
                self.buffers[-1].append(f"#metadata(none)#label({string(key)})")

    def render(self, node: nodes.Node, *, inline: bool = False) -> str:
        """Typst markup of a node's children.

        Inline content keeps its spaces at either end (``*Federführung:* Text``);
        block content loses them.
        """
        children = node.children if isinstance(node, nodes.Element) else [node]
        return self.render_nodes(children, inline=inline)

    def render_nodes(self, children: Iterable[nodes.Node], *, inline: bool = False) -> str:
        """Typst markup of some nodes (left where they are in the tree)."""
        self.buffers.append([])
        try:
            for child in children:
                child.walkabout(self)
        finally:
            raw = "".join(self.buffers.pop())
        if inline:
            return raw
        text = raw.strip(" \n")
        # a paragraph stays a paragraph (tagged P) only with its parbreak, even
        # when it is the only content of a cell, an item or a list entry
        return text + "\n\n" if text and raw.endswith("\n\n") else text

    def block(self, text: str) -> None:
        """Write a block-level call on lines of its own."""
        self.write(f"\n{text}\n\n")

    def astext(self) -> str:
        """The document's markup (after the walk); :attr:`front` is settled too."""
        self.flush_labels()
        body = "".join(self.buffers[0])
        if self.front:
            self.front = _XREF.sub(self._settle_xref, self.front)
        return _XREF.sub(self._settle_xref, body)

    def _settle_xref(self, match: re.Match[str]) -> str:
        key, pages = self.xrefs[int(match[1])]
        if key not in self.emitted:
            return "#["  # the target is not in the PDF: keep the text, drop the link
        return (
            "#"
            + call(
                "kz-xref",
                f"label({string(key)})",
                pages="true" if pages else "false",
                page_label=string(self.page_label),
            )
            + "["
        )

    def label_key(self, refid: str, docname: str | None = None) -> str:
        return f"{docname or self.docname}#{refid}"

    # -- dispatch ----------------------------------------------------------------

    def dispatch_visit(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Element) and not isinstance(node, addnodes.start_of_file):
            ids: list[str] = node.get("ids", [])
            self.pending.extend(self.label_key(i) for i in ids)
        super().dispatch_visit(node)

    def unknown_visit(self, node: nodes.Node) -> None:
        logger.warning(
            "The PDF writer does not know the node %r; it shows its text only.",
            node.__class__.__name__,
            location=node,
            type="konzept",
            subtype="pdf",
        )
        text = markup(node.astext())
        if isinstance(node, nodes.Inline | nodes.Text) or isinstance(
            node.parent, nodes.TextElement
        ):
            self.write(text)
        elif text.strip():
            self.block(text)
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        pass

    def _skip(self, node: nodes.Node) -> None:
        raise nodes.SkipNode

    def _pass(self, node: nodes.Node) -> None:
        pass

    # -- document structure ------------------------------------------------------

    def visit_document(self, node: nodes.document) -> None:
        pass

    def depart_document(self, node: nodes.document) -> None:
        pass

    def visit_start_of_file(self, node: addnodes.start_of_file) -> None:
        self.files.append(node["docname"])
        self.pending.append(node["docname"])

    def depart_start_of_file(self, node: addnodes.start_of_file) -> None:
        self.files.pop()

    def _file_depth(self) -> int:
        return len(self.files) - 1

    def visit_section(self, node: nodes.section) -> None:
        if isinstance(node.parent, nodes.document | addnodes.start_of_file):
            level = self._file_depth()
        else:
            level = (self.section_levels[-1] if self.section_levels else 0) + 1
        self.section_levels.append(level)
        if level == 0 and self.front is None:
            self._front_matter(node)

    def _front_matter(self, node: nodes.section) -> None:
        """The root document's text before its first subsection: page 2 of the brochure.

        Its title is the title page's; its subsections and the documents its
        toctree includes are the chapters.
        """
        children = [c for c in node.children if not isinstance(c, nodes.title)]
        split = next((n for n, c in enumerate(children) if _starts_chapters(c)), None)
        if split is None:
            return  # a concept of one page: it is all chapter
        self.front = self.render_nodes(children[:split])
        try:
            for child in children[split:]:
                child.walkabout(self)
        finally:
            self.section_levels.pop()
        raise nodes.SkipNode

    def depart_section(self, node: nodes.section) -> None:
        self.section_levels.pop()

    def _section_level(self) -> int:
        return max(self.section_levels[-1], 0) if self.section_levels else 0

    def visit_title(self, node: nodes.title) -> None:
        parent = node.parent
        if isinstance(parent, nodes.section):
            self._section_title(node, parent)
        elif isinstance(parent, nodes.table):
            self.block(f"#kz-caption[{self.render(node)}];")
        else:
            # titles of admonitions, topics and sidebars are taken by their parent
            self.block(f"#kz-rubric[{self.render(node)}];")
        raise nodes.SkipNode

    def _section_title(self, node: nodes.title, section: nodes.section) -> None:
        level = self._section_level()
        if level == 0:
            return  # the root document's title: it is the title page
        number = self._secnumber(section)
        if level == 1 and len(self.buffers) == 1:
            # a chapter starts a page (not inside a box: Typst cannot break there),
            # before its labels, so that links to it show the right page
            self.buffers[-1].append("\n#pagebreak(weak: true);\n")
        self.flush_labels()
        self.block(
            "#"
            + call(
                "kz-heading",
                f"[{self.render(node)}]",
                level=str(min(level, 6)),
                numbering=string(number) if number else None,
            )
            + ";"
        )

    def _secnumber(self, section: nodes.section) -> str:
        numbers = self.builder.env.toc_secnumbers.get(self.docname, {})
        anchor = "#" + section["ids"][0] if section["ids"] else ""
        found = numbers.get(anchor)
        if found is None and isinstance(section.parent, nodes.document | addnodes.start_of_file):
            found = numbers.get("")
        return ".".join(map(str, found)) if found else ""

    def visit_subtitle(self, node: nodes.subtitle) -> None:
        self.block(f"#kz-rubric[{self.render(node)}];")
        raise nodes.SkipNode

    def visit_rubric(self, node: nodes.rubric) -> None:
        self.block(f"#kz-rubric[{self.render(node)}];")
        raise nodes.SkipNode

    def visit_transition(self, node: nodes.transition) -> None:
        self.block("#line(length: 100%, stroke: 0.5pt + rule);")
        raise nodes.SkipNode

    # -- konzept items -----------------------------------------------------------

    def visit_item_block(self, node: nodes.Element) -> None:
        kind = next(
            (c.removeprefix("konzept-") for c in node["classes"] if c != "konzept-item"), "item"
        )
        self.item_depth += 1
        try:
            body = self.render(node)
        finally:
            self.item_depth -= 1
        self.block(f"#kz-item(kind: {string(kind)})[{body}];")
        raise nodes.SkipNode

    def visit_item_heading(self, node: nodes.Element) -> None:
        own = isinstance(node.parent, nodes.Element) and node.parent.tagname == "item_block"
        level = self._section_level() + self.item_depth + (0 if own else 1)
        self.flush_labels()
        self.block(f"#kz-item-heading(level: {min(max(level, 1), 6)})[{self.render(node)}];")
        raise nodes.SkipNode

    # -- paragraphs and inline markup -----------------------------------------------

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        pass

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        self.write("\n\n")

    visit_compact_paragraph = visit_paragraph
    depart_compact_paragraph = depart_paragraph

    def visit_Text(self, node: nodes.Text) -> None:
        self.write(markup(node.astext()))

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def _inline(self, node: nodes.Element, function: str) -> None:
        self.write(f"#{function}[{self.render(node, inline=True)}];")
        raise nodes.SkipNode

    def visit_emphasis(self, node: nodes.emphasis) -> None:
        self._inline(node, "emph")

    def visit_strong(self, node: nodes.strong) -> None:
        self._inline(node, "strong")

    def visit_subscript(self, node: nodes.subscript) -> None:
        self._inline(node, "sub")

    def visit_superscript(self, node: nodes.superscript) -> None:
        self._inline(node, "super")

    def visit_title_reference(self, node: nodes.title_reference) -> None:
        self._inline(node, "emph")

    def visit_manpage(self, node: nodes.Element) -> None:
        self._inline(node, "emph")

    def visit_literal(self, node: nodes.literal) -> None:
        self.write(f"#raw({string(node.astext())});")
        raise nodes.SkipNode

    visit_literal_strong = visit_literal
    visit_literal_emphasis = visit_literal

    def visit_math(self, node: nodes.math) -> None:
        # Typst's math syntax is not LaTeX's: show the formula as written
        self.write(f"#raw({string(node.astext())});")
        raise nodes.SkipNode

    def visit_inline(self, node: nodes.inline) -> None:
        classes = set(node["classes"])
        for names, function in _INLINE_STYLES:
            if classes & names:
                self._inline(node, function)
        # statuses and change badges ("neu", "geändert") are outlined labels
        if any("badge" in c for c in classes) or (
            any(c.startswith("konzept-status") for c in classes)
            and isinstance(node.parent, nodes.paragraph)
        ):
            self._inline(node, "kz-badge")

    def depart_inline(self, node: nodes.inline) -> None:
        pass

    def visit_abbreviation(self, node: nodes.abbreviation) -> None:
        pass

    def depart_abbreviation(self, node: nodes.abbreviation) -> None:
        pass

    def visit_generated(self, node: nodes.generated) -> None:
        pass

    def depart_generated(self, node: nodes.generated) -> None:
        pass

    def visit_problematic(self, node: nodes.problematic) -> None:
        self.write(markup(node.astext()))
        raise nodes.SkipNode

    def visit_line_block(self, node: nodes.line_block) -> None:
        lines = [self.render(line) for line in node.findall(nodes.line)]
        self.block("#linebreak();".join(lines) + "\n\n")
        raise nodes.SkipNode

    # -- links and references ------------------------------------------------------

    def visit_reference(self, node: nodes.reference) -> None:
        self.write(self.link(node, self.render(node, inline=True)))
        raise nodes.SkipNode

    def link(self, node: nodes.Element, body: str) -> str:
        """Markup of a link with the given (rendered) text."""
        refuri = node.get("refuri", "")
        if self.in_header:
            return body  # a repeated table header is an artifact: no links there (PDF/UA)
        if "refid" in node:
            key = self.label_key(node["refid"])
        elif refuri.startswith("%"):
            docname, _, anchor = refuri[1:].partition("#")
            key = self.label_key(anchor, docname) if anchor else docname
        elif refuri:
            return f"#link({string(refuri)})[{body}];"
        else:
            return body
        # no page number after a citation label or in a dense table
        pages = not (_is_citation(node) or (self.dense_tables and self.dense_tables[-1]))
        self.xrefs.append((key, pages))
        return f"\ue000{len(self.xrefs) - 1}\ue001{body}];"

    visit_number_reference = visit_reference

    def visit_pending_xref(self, node: addnodes.pending_xref) -> None:
        pass  # unresolved: Sphinx left its content (and warned, if asked to)

    def depart_pending_xref(self, node: addnodes.pending_xref) -> None:
        pass

    def visit_download_reference(self, node: nodes.Element) -> None:
        pass

    def depart_download_reference(self, node: nodes.Element) -> None:
        pass

    def visit_target(self, node: nodes.target) -> None:
        pass  # its ids are pending labels; an inline target keeps its text

    def depart_target(self, node: nodes.target) -> None:
        pass

    def visit_footnote_reference(self, node: nodes.footnote_reference) -> None:
        footnote = self.footnotes.get(self.label_key(node.get("refid", "")))
        if footnote is None:
            self.write(f"#super[{markup(node.astext())}];")
        else:
            body = self.render_nodes(footnote.children[1:])
            self.write(f"#footnote[{body}];")
        raise nodes.SkipNode

    def _collect_footnotes(self, document: nodes.document) -> None:
        files = [self.files[0]]

        def walk(node: nodes.Element) -> None:
            for child in node.children:
                if isinstance(child, addnodes.start_of_file):
                    files.append(child["docname"])
                    walk(child)
                    files.pop()
                elif isinstance(child, nodes.footnote):
                    for ident in child["ids"]:
                        self.footnotes[f"{files[-1]}#{ident}"] = child
                elif isinstance(child, nodes.Element):
                    walk(child)

        walk(document)

    def visit_footnote(self, node: nodes.footnote) -> None:
        self.pending.clear()
        raise nodes.SkipNode  # shown at its reference

    def visit_citation(self, node: nodes.citation) -> None:
        label = node.next_node(nodes.label)
        label_text = markup(label.astext()) if label else ""
        body = self.render_nodes([c for c in node.children if c is not label])
        self.block(f"#kz-citation([{label_text}], [{body}]);")
        raise nodes.SkipNode

    def visit_citation_reference(self, node: nodes.citation_reference) -> None:
        self.visit_reference(node)  # type: ignore[arg-type]

    # -- lists -------------------------------------------------------------------

    def _items(self, node: nodes.Element) -> Iterator[str]:
        for item in node.children:
            yield "[" + self.render(item) + "]"

    @staticmethod
    def _tight(node: nodes.Element) -> str:
        loose = any(
            sum(isinstance(c, nodes.Body) for c in item.children) > 1 for item in node.children
        )
        return "false" if loose else "true"

    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        items = list(self._items(node))
        if items:
            self.block("#" + call("list", *items, tight=self._tight(node)) + ";")
        raise nodes.SkipNode

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        pattern = (
            node.get("prefix", "")
            + _ENUM_STYLES.get(node.get("enumtype", "arabic"), "1")
            + node.get("suffix", ".")
        )
        items = list(self._items(node))
        if items:
            self.block(
                "#"
                + call(
                    "enum",
                    *items,
                    start=str(int(node.get("start", 1))),
                    numbering=string(pattern),
                    tight=self._tight(node),
                )
                + ";"
            )
        raise nodes.SkipNode

    def visit_definition_list(self, node: nodes.definition_list) -> None:
        items = []
        for item in node.findall(nodes.definition_list_item):
            term = " ".join(self.render(t) for t in item.children if isinstance(t, nodes.term))
            definition = item.next_node(nodes.definition)
            body = self.render(definition) if definition else ""
            items.append(f"terms.item([{term}], [{body}])")
        self.block(
            "#"
            + call("terms", *items, separator="linebreak()", hanging_indent="1.2em", tight="false")
            + ";"
        )
        raise nodes.SkipNode

    def visit_field_list(self, node: nodes.field_list) -> None:
        rows = []
        for field in node.children:
            if not isinstance(field, nodes.field) or len(field.children) < 2:
                continue
            name, body = field.children[0], field.children[1]
            rows.append(f"([{self.render(name)}], [{self.render(body)}])")
        if rows:
            self.block("#" + call("kz-fields", *rows) + ";")
        raise nodes.SkipNode

    def visit_option_list(self, node: nodes.Element) -> None:
        rows = []
        for item in node.children:
            group = item.next_node(nodes.option_group)
            description = item.next_node(nodes.description)
            rows.append(
                f"([#raw({string(group.astext() if group else '')})], "
                f"[{self.render(description) if description else ''}])"
            )
        self.block("#" + call("kz-fields", *rows) + ";")
        raise nodes.SkipNode

    def visit_hlist(self, node: nodes.Element) -> None:
        items = [f"[{self.render(i)}]" for i in node.findall(nodes.list_item)]
        self.block("#" + call("list", *items, tight="true") + ";")
        raise nodes.SkipNode

    # -- blocks ------------------------------------------------------------------

    def visit_block_quote(self, node: nodes.block_quote) -> None:
        attribution = node.next_node(nodes.attribution)
        rest = [c for c in node.children if c is not attribution]
        body = self.render_nodes(rest)
        by = f"[{self.render(attribution)}]" if attribution else None
        self.block("#" + call("quote", f"[{body}]", block="true", attribution=by) + ";")
        raise nodes.SkipNode

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        self.block(
            "#block(width: 100%, fill: tint, inset: 0.6em, radius: 2pt, "
            f"raw(block: true, {string(node.astext())}));"
        )
        raise nodes.SkipNode

    def visit_doctest_block(self, node: nodes.doctest_block) -> None:
        self.visit_literal_block(node)  # type: ignore[arg-type]

    def visit_math_block(self, node: nodes.math_block) -> None:
        self.visit_literal_block(node)  # type: ignore[arg-type]

    def _admonition(self, node: nodes.Element, title: str | None) -> None:
        own_title = node.next_node(nodes.title) if node.children else None
        if own_title is not None and own_title.parent is node:
            title = self.render(own_title)
            rest = [c for c in node.children if c is not own_title]
        else:
            rest = list(node.children)
        body = self.render_nodes(rest)
        self.block(
            "#"
            + call(
                "kz-admonition",
                f"[{body}]",
                title=f"[{title}]" if title else None,
                strong_rule="true" if node.tagname in _STRONG_ADMONITIONS else None,
            )
            + ";"
        )
        raise nodes.SkipNode

    def visit_admonition(self, node: nodes.Element) -> None:
        label = admonitionlabels.get(node.tagname)
        self._admonition(node, markup(str(label)) if label else None)

    visit_attention = visit_admonition
    visit_caution = visit_admonition
    visit_danger = visit_admonition
    visit_error = visit_admonition
    visit_hint = visit_admonition
    visit_important = visit_admonition
    visit_note = visit_admonition
    visit_seealso = visit_admonition
    visit_tip = visit_admonition
    visit_warning = visit_admonition

    def visit_topic(self, node: nodes.Element) -> None:
        self._admonition(node, None)

    visit_sidebar = visit_topic

    def visit_versionmodified(self, node: nodes.Element) -> None:
        self._admonition(node, None)

    def visit_centered(self, node: nodes.Element) -> None:
        self.block(f"#align(center, strong[{self.render(node)}]);")
        raise nodes.SkipNode

    def visit_PassthroughTextElement(self, node: nodes.Element) -> None:
        pass  # sphinx-design's card titles: the text, as it is

    def depart_PassthroughTextElement(self, node: nodes.Element) -> None:
        pass

    def visit_compound(self, node: nodes.compound) -> None:
        pass

    def depart_compound(self, node: nodes.compound) -> None:
        pass

    def visit_container(self, node: nodes.container) -> None:
        component = node.get("design_component")
        if component == "grid-row":
            self._design_grid(node)
        elif component == "card":
            self._design_card(node)
        elif component in ("dropdown", "tab-item") and node.children:
            first = node.children[0]
            if isinstance(first, nodes.rubric):
                title = self.render(first)
                body = self.render_nodes(node.children[1:])
                self.block(f"#kz-admonition(title: [{title}])[{body}];")
                raise nodes.SkipNode

    def depart_container(self, node: nodes.container) -> None:
        pass

    def _design_grid(self, node: nodes.container) -> None:
        columns = 2
        for size in ("md", "sm", ""):
            prefix = f"sd-row-cols-{size}-" if size else "sd-row-cols-"
            found = [c[len(prefix) :] for c in node["classes"] if c.startswith(prefix)]
            if found and found[0].isdigit():
                columns = int(found[0])
                break
        columns = max(1, min(columns, 3))
        cells = [f"[{self.render(item)}]" for item in node.children]
        if cells:
            self.block("#" + call("kz-grid", *cells, columns=str(columns)) + ";")
        raise nodes.SkipNode

    def _design_card(self, node: nodes.container) -> None:
        title = None
        link = None
        parts: list[nodes.Node] = []
        for child in node.children:
            component = child.get("design_component") if isinstance(child, nodes.Element) else ""
            if component == "card-body":
                for grandchild in child.children:
                    if (
                        isinstance(grandchild, nodes.Element)
                        and grandchild.get("design_component") == "card-title"
                    ):
                        title = self.render(grandchild)
                    else:
                        parts.append(grandchild)
            elif _stretched_link(child):
                # the link over the whole card (its text is hidden on the site):
                # in print, the card's title links
                link = next(iter(child.findall(nodes.reference)), None)
            else:
                parts.append(child)
        if link is not None and title:
            title = self.link(link, title)
        body = self.render_nodes(parts)
        self.block("#" + call("kz-card", f"[{body}]", title=f"[{title}]" if title else None) + ";")
        raise nodes.SkipNode

    # -- tables ------------------------------------------------------------------

    def visit_table(self, node: nodes.table) -> None:
        tgroups = [c for c in node.children if isinstance(c, nodes.tgroup)]
        title = next((c for c in node.children if isinstance(c, nodes.title)), None)
        rows = sum(len(body.children) for t in tgroups for body in t.findall(nodes.tbody))
        columns = max((int(t.get("cols", 0)) for t in tgroups), default=0)
        # a long table of many columns (a traceability view, an actor
        # matrix) reads best across a landscape page
        landscape = columns >= _WIDE_TABLE + 1 and rows >= _LONG_TABLE
        self.dense_tables.append(columns > _DENSE_TABLE)
        try:
            parts = [f"#kz-caption[{self.render(title)}];\n"] if title is not None else []
            parts.extend(
                self._tgroup(
                    node, t, small=columns > 8 or (columns > _WIDE_TABLE and not landscape)
                )
                for t in tgroups
            )
        finally:
            self.dense_tables.pop()
        self.flush_labels()
        if landscape:
            self.block("#page(flipped: true)[\n" + "\n".join(parts) + "\n];")
        else:
            self.block("\n".join(parts))
        raise nodes.SkipNode

    def _tgroup(self, table: nodes.table, tgroup: nodes.tgroup, *, small: bool) -> str:
        colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
        widths = [int(c.get("colwidth", 1) or 1) for c in colspecs]
        stubs = sum(1 for c in colspecs if c.get("stub"))
        classes = set(table["classes"])
        if any("synops" in c for c in classes) and "colwidths-given" not in classes:
            columns = ", ".join("1fr" for _ in widths)  # old | new: equal halves
        elif "colwidths-given" in classes:
            columns = ", ".join(f"{w}fr" for w in widths)
        else:
            columns = ", ".join("auto" for _ in widths)
        cells: list[str] = []
        for part in tgroup.children:
            if isinstance(part, nodes.thead):
                self.in_header = True
                try:
                    header = [
                        self._cell(e, header=True) for row in part.children for e in row.children
                    ]
                finally:
                    self.in_header = False
                cells.append(f"table.header(repeat: true, {', '.join(header)})")
            elif isinstance(part, nodes.tbody):
                for row in part.children:
                    for n, entry in enumerate(row.children):
                        cells.append(self._cell(entry, header=False, stub=n < stubs))
        return (
            "#"
            + call("kz-table", *cells, columns=f"({columns},)", small="true" if small else "false")
            + ";"
        )

    def _cell(self, entry: nodes.Node, *, header: bool, stub: bool = False) -> str:
        assert isinstance(entry, nodes.entry)
        body = self.render(entry)
        if stub:  # a row header (the first column of a summary table)
            body = f'#text(weight: "semibold")[{body}];'
        colspan = entry.get("morecols", 0) + 1
        rowspan = entry.get("morerows", 0) + 1
        spans = {"colspan": str(colspan) if colspan > 1 else None}
        spans["rowspan"] = str(rowspan) if rowspan > 1 else None
        if header:
            return call("kz-th", f"[{body}]", **spans)
        if colspan == 1 and rowspan == 1:
            return f"[{body}]"
        return call("table.cell", f"[{body}]", **spans)

    # -- images and charts ---------------------------------------------------------

    def visit_figure(self, node: nodes.figure) -> None:
        caption = node.next_node(nodes.caption)
        legend = node.next_node(nodes.legend)
        image = node.next_node(nodes.image)
        if image is None:
            self.unknown_visit(node)
            return
        caption_text = self.render(caption) if caption else None
        alt_fallback = caption.astext() if caption else None
        picture = self._image(image, alt_fallback)
        self.flush_labels()
        self.block(
            "#"
            + call(
                "figure",
                picture,
                caption=f"[{caption_text}]" if caption_text else None,
                numbering="none",
            )
            + ";"
        )
        if legend is not None:
            self.write(self.render(legend) + "\n\n")
        raise nodes.SkipNode

    def visit_image(self, node: nodes.image) -> None:
        picture = self._image(node, None)
        inline = isinstance(node.parent, nodes.TextElement)
        self.flush_labels()
        if inline:
            self.write(f"#box({picture});")
        else:
            align = {"center": "center", "right": "right"}.get(node.get("align", ""), "left")
            self.block(f"#align({align}, {picture});")
        raise nodes.SkipNode

    def _image(self, node: nodes.image, alt_fallback: str | None) -> str:
        uri = node["uri"]
        alt = node.get("alt") or alt_fallback
        if not alt:
            logger.warning(
                "The image %s has no alt text; the PDF needs one to be accessible "
                "(PDF/UA): add :alt: to the image or a caption to the figure.",
                uri,
                location=node,
                type="konzept",
                subtype="pdf",
            )
            alt = uri.rsplit("/", 1)[-1]
        if uri not in self.builder.images:
            logger.warning(
                "The image %s is not a local file; the PDF shows its alt text instead.",
                uri,
                location=node,
                type="konzept",
                subtype="pdf",
            )
            return f"box(stroke: 0.5pt + rule, inset: 0.5em, {content(alt)})"
        path = f"{self.builder.imagedir}/{self.builder.images[uri]}"
        width = length(node.get("width"))
        height = length(node.get("height"), relative_to_width=False)
        if width is None and height is None and node.get("scale") is not None:
            width = f"{int(node['scale'])}%"
        return call("image", string(path), alt=string(alt), width=width, height=height)

    def visit_chart(self, node: nodes.Element) -> None:
        svg = node.get("svg", "")
        alt = node.get("alt") or node.astext() or "chart"
        self.flush_labels()
        if not svg:
            self.block(markup(alt))
        else:
            picture = call(
                "image",
                f"bytes({string(svg)})",
                format='"svg"',
                alt=string(alt),
                width="100%",
            )
            self.block(f"#kz-chart({picture});")
        raise nodes.SkipNode

    # -- what the PDF leaves out ---------------------------------------------------

    visit_comment = _skip
    visit_index = _skip
    visit_raw = _skip  # raw HTML or LaTeX is for another builder
    visit_substitution_definition = _skip
    visit_system_message = _skip
    visit_toctree = _skip
    visit_meta = _skip
    visit_tabular_col_spec = _skip
    visit_autosummary_toc = _skip

    visit_only = _pass
    depart_only = _pass
    visit_glossary = _pass
    depart_glossary = _pass
    visit_acks = _pass
    depart_acks = _pass
    visit_legend = _pass
    depart_legend = _pass
    visit_caption = _pass
    depart_caption = _pass
    visit_label = _skip


def _starts_chapters(node: nodes.Node) -> bool:
    """A subsection, or the (wrapped) toctree whose documents are the chapters."""
    if isinstance(node, nodes.section):
        return True
    return isinstance(node, nodes.Element) and any(
        True for _ in node.findall(addnodes.start_of_file)
    )


def _stretched_link(node: nodes.Node) -> bool:
    """sphinx-design's link over a whole card (or button)."""
    return isinstance(node, nodes.Element) and any(
        "sd-stretched-link" in n.get("classes", ()) for n in node.findall(nodes.Element)
    )


def _is_citation(node: nodes.Element) -> bool:
    """A reference to a bibliography entry: its text is a short label already."""
    return isinstance(node, nodes.citation_reference) or "cite" in node.get("classes", ())
