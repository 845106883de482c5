"""The machinery every view shares.

A view directive only records what was asked (view, argument, options, place)
and leaves a :class:`~konzept.sphinxext.nodes.view_placeholder`. After all
documents are read, :func:`view_node` renders it as ordinary docutils nodes
(tables, lists, paragraphs) computed from the resolved concept (when,
:mod:`konzept.sphinxext.late` decides), so every builder can render it and
a change anywhere re-renders the view
(:func:`konzept.sphinxext.lifecycle.pages_to_rewrite` re-writes pages with
views whenever an item they could show changed). Option values that need the
concept to be judged (an unknown field in ``:fields:``) are checked with all
other diagnostics, on every build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ...core import Concept, Diagnostic
from ...core.values import BadValue, parse_choice, parse_ids
from ..config import project_release, vocabulary_aliases
from ..domain import ItemLinker, get_domain
from ..i18n import _
from ..nodes import chart, item_heading, view_placeholder
from ..render import heading_level


@dataclass(frozen=True)
class ViewRecord:
    """A view as written: kept in the domain, per document."""

    view: str
    docname: str
    line: int
    argument: str
    options: dict[str, str]
    #: Source line of each option, for located warnings.
    option_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, option: str) -> int:
        return self.option_lines.get(option, self.line)


class RenderContext:
    """What a view needs while rendering one page."""

    def __init__(self, env: Any, linker: ItemLinker, placeholder: nodes.Element):
        self.concept = linker.concept
        self.env = env
        self.config = env.config
        self.language: str | None = env.config.language
        self.docname = linker.fromdocname
        self.placeholder = placeholder
        self.release = project_release(env.config)
        self.linker = linker
        self._ids = 0

    def link(self, target: str, show: str = "both") -> nodes.Node:
        return self.linker.link(target, show)

    def links(self, targets: Iterable[str], show: str = "title") -> nodes.Node:
        para = nodes.inline()
        for n, target in enumerate(targets):
            if n:
                para += nodes.Text(", ")
            para += self.link(target, show)
        return para

    def heading(self, text: str | nodes.Node, classes: Sequence[str] = ()) -> item_heading:
        heading = item_heading(classes=["konzept-view-heading", *classes])
        heading += text if isinstance(text, nodes.Node) else nodes.Text(text)
        heading["heading-level"] = heading_level(self.placeholder)
        return heading

    def field_heading(self, field: str | None) -> item_heading:
        """The heading of a group of rows: the field's name, linked."""
        if field is None:
            return self.heading(str(_("Without field of action")))
        title = nodes.inline()
        title += self.link(field, "title")
        return self.heading(title)

    def unique_id(self, stem: str) -> str:
        self._ids += 1
        index = self.placeholder.get("index", 0)
        return f"konzept-{stem}-{index}-{self._ids}"


class View:
    """One kind of view; subclasses set the class attributes and render."""

    name: ClassVar[str]
    #: Whether the directive takes an argument (a year, an indicator ID).
    argument: ClassVar[bool] = False
    argument_required: ClassVar[bool] = False
    options: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def check(self, record: ViewRecord, concept: Concept) -> list[Diagnostic]:
        """Problems of the options that need the items to be judged."""
        return []

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        raise NotImplementedError


VIEWS: dict[str, View] = {}


class ViewDirective(SphinxDirective):
    view: ClassVar[View]
    has_content = False
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        options = {k: "" if v is None else str(v) for k, v in self.options.items()}
        lines: dict[str, int] = {}
        for offset, text in enumerate(self.block_text.splitlines()):
            stripped = text.strip()
            for name in options:
                if stripped.startswith(f":{name}:") and name not in lines:
                    lines[name] = self.lineno + offset
        domain = get_domain(self.env)
        index = len(domain.data["views"].get(docname, []))
        record = ViewRecord(
            view=self.view.name,
            docname=docname,
            line=self.lineno,
            argument=self.arguments[0].strip() if self.arguments else "",
            options=options,
            option_lines=lines,
        )
        domain.note_view(record)
        placeholder = view_placeholder(view=self.view.name, index=index, docname=docname)
        self.set_source_info(placeholder)
        return [placeholder]


def register(app: Sphinx, view: View) -> None:
    directive = type(
        f"{view.name.title().replace('-', '')}Directive",
        (ViewDirective,),
        {
            "view": view,
            "required_arguments": 1 if view.argument_required else 0,
            "optional_arguments": 1 if view.argument and not view.argument_required else 0,
            "option_spec": dict(view.options),
        },
    )
    VIEWS[view.name] = view
    app.add_directive(view.name, directive)


def view_node(record: ViewRecord, ctx: RenderContext) -> nodes.container | None:
    """The view ``record`` as a container of ordinary nodes (``None`` if unknown)."""
    view = VIEWS.get(record.view)
    if view is None:
        return None
    # "no-search": a view repeats what the items' own pages say; left
    # out of the search index, results point to the items themselves
    classes = ["konzept-view", f"konzept-view-{record.view}", "no-search"]
    container = nodes.container(classes=classes)
    container.extend(view.render(record, ctx))
    return container


def view_diagnostics(concept: Concept, records: Iterable[ViewRecord]) -> list[Diagnostic]:
    result: list[Diagnostic] = []
    for record in records:
        view = VIEWS.get(record.view)
        if view is not None:
            result.extend(view.check(record, concept))
    return result


# -- option helpers ------------------------------------------------------------


def id_list(
    record: ViewRecord, option: str, concept: Concept, item_type: str
) -> tuple[list[str] | None, list[Diagnostic]]:
    """IDs of ``item_type`` named in ``option``; unknown ones reported."""
    text = record.options.get(option, "").strip()
    if not text:
        return None, []
    line = record.line_of(option)
    try:
        ids = parse_ids(text)
    except BadValue as error:
        return [], [
            Diagnostic(
                record.docname, line, "bad_id", f"{record.view} ':{option}:': {error.message}"
            )
        ]
    problems = []
    for item_id in ids:
        item = concept.items.get(item_id)
        if item is None or item.type != item_type:
            problems.append(
                Diagnostic(
                    record.docname,
                    line,
                    "unknown_ref",
                    f"The {record.view} view's ':{option}:' names {item_id!r}, which is not "
                    f"{'an' if item_type[0] in 'aeiou' else 'a'} {item_type}; correct the ID.",
                )
            )
    return ids, problems


def choice_list(
    record: ViewRecord, option: str, concept: Concept, vocabulary: str
) -> tuple[frozenset[str] | None, list[Diagnostic]]:
    text = record.options.get(option, "").strip()
    if not text:
        return None, []
    vocab = concept.schema.vocabulary(vocabulary)
    aliases = vocabulary_aliases(concept.schema).get(vocabulary, {})
    values: set[str] = set()
    problems = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            values.add(parse_choice(part, vocab, aliases))
        except BadValue as error:
            problems.append(
                Diagnostic(
                    record.docname,
                    record.line_of(option),
                    error.code,
                    f"The {record.view} view's ':{option}:': {error.message}",
                )
            )
    return frozenset(values), problems


def year_value(
    record: ViewRecord, text: str, option: str | None
) -> tuple[int | None, list[Diagnostic]]:
    text = text.strip()
    if not text:
        return None, []
    if text.isdigit() and len(text) == 4 and int(text) > 0:
        return int(text), []
    where = f"':{option}:'" if option else "argument"
    line = record.line_of(option) if option else record.line
    return None, [
        Diagnostic(
            record.docname,
            line,
            "bad_date",
            f"The {record.view} view's {where} {text!r} is not a year; write e.g. 2017.",
        )
    ]


def bad_view_option(record: ViewRecord, option: str, message: str) -> Diagnostic:
    return Diagnostic(record.docname, record.line_of(option), "bad_view", message)


# -- table helper -------------------------------------------------------------


Cell = str | nodes.Node | None


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    classes: Sequence[str] = (),
    caption: str | None = None,
    stub: bool = False,
) -> nodes.table:
    """An ordinary docutils table; long ones are sortable and filterable in HTML.

    ``stub`` makes the first column row headers (``<th>``).
    """
    tbl = nodes.table(classes=["konzept-table", *classes])
    if len(rows) > 8:
        tbl["classes"].extend(["konzept-sortable", "konzept-filterable"])
    if caption:
        tbl += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for n, _header in enumerate(headers):
        spec = nodes.colspec(colwidth=1)
        if stub and n == 0:
            spec["stub"] = 1
        group += spec
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += _row(cells)
    return tbl


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if cell is None or cell == "":
            entry += nodes.paragraph("", "–", classes=["konzept-empty"])
        elif isinstance(cell, nodes.Node):
            # inline content (a link is a docutils "General" node, yet inline) needs a paragraph
            inline = isinstance(cell, nodes.Inline | nodes.Text)
            entry += nodes.paragraph("", "", cell) if inline else cell
        else:
            entry += nodes.paragraph("", cell)
        row += entry
    return row


def empty_note(text: str) -> nodes.paragraph:
    return nodes.paragraph("", text, classes=["konzept-view-empty"])


def chart_node(svg: str, alt: str) -> chart:
    return chart(svg=svg, alt=alt)


# -- HTML -------------------------------------------------------------------


def visit_chart_html(self: Any, node: chart) -> None:
    self.body.append(f'<div class="konzept-chart-figure">{node["svg"]}</div>\n')
    raise nodes.SkipNode


def visit_chart_text(self: Any, node: chart) -> None:
    self.add_text(node["alt"])
    raise nodes.SkipNode


def setup_base(app: Sphinx) -> None:
    app.add_node(chart, html=(visit_chart_html, None), text=(visit_chart_text, None))


__all__ = ["_", "directives"]
