"""Late rendering: item metadata and views, made after all documents are read.

Reading leaves two kinds of placeholder in the doctrees: :class:`item_meta`
(an item's details and back-references) and :class:`view_placeholder` (a
table or chart over all items). Both need the whole concept, so they are
rendered when pages are written, from :class:`PageRenderer`:

- **The HTML builders** (``html``, ``dirhtml``) render them while
  translating (the visitors below). With ``-j``, Sphinx translates in
  worker processes but runs post-transforms and feeds the search index in
  the main process, so this is the work that runs in parallel. Sphinx's
  post-transforms and its search indexer walk doctrees a third the size,
  and the rendered nodes are let go as soon as they are translated
  (docs/performance.md has the measurements).
- **Other builders** (the PDF, text, LaTeX, single-page HTML, EPUB) get the
  same nodes from the post-transform :class:`LateRendering`, before
  references are resolved.

Both paths call the same functions (:func:`.render.metadata_node` and
:func:`.views.base.view_node`), so every format shows the same thing.
Views are left out of the search index (``no-search``). The search index of
the HTML builders holds the words of each item's own values, which the
placeholder carries from reading (:func:`.render.search_text`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import Concept, Item
from .domain import ItemLinker, get_domain
from .memory import freeze_inherited_objects
from .nodes import chart, item_meta, view_placeholder
from .render import metadata_node
from .views.base import RenderContext, ViewRecord, view_node

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: Builders whose translators render placeholders themselves. Others that
#: write HTML rework references in the doctree before translating it (the
#: single-page builder joins its anchors, EPUB rewrites IDs and links), so
#: they get the rendered nodes before that, from :class:`LateRendering`.
TRANSLATOR_BUILDERS = frozenset({"html", "dirhtml"})
#: Formats that draw charts; others get the chart's text alternative.
CHART_FORMATS = frozenset({"html", "typst"})


class PageRenderer:
    """Renders the placeholders of the pages one builder writes.

    Links from a page are made by one :class:`ItemLinker` per page, which
    computes each relative URI once.
    """

    def __init__(self, env: BuildEnvironment, builder: Builder) -> None:
        self.env = env
        self.builder = builder
        self.domain = get_domain(env)
        self.concept: Concept = self.domain.concept
        self.language: str | None = env.config.language
        self._linkers: dict[str, ItemLinker] = {}
        self._items: dict[str, dict[str, Item]] = {}

    def linker(self, docname: str) -> ItemLinker:
        linker = self._linkers.get(docname)
        if linker is None:
            linker = self._linkers[docname] = ItemLinker(self.concept, self.builder, docname)
        return linker

    def metadata(self, placeholder: item_meta, docname: str) -> nodes.Node | None:
        """The item's field list, or ``None`` when it has nothing to show."""
        # keyed by the placeholder's own page: a builder that resolves the
        # whole book at once (PDF, LaTeX) has placeholders of every page
        docname = placeholder.get("docname", docname)
        by_anchor = self._items.get(docname)
        if by_anchor is None:
            items = self.domain.data["items"].get(docname, ())
            by_anchor = self._items[docname] = {item.anchor: item for item in items}
        item = by_anchor.get(placeholder["anchor"])
        return metadata_node(self.concept, item, self.language, self.linker(docname))

    def view(self, placeholder: view_placeholder, docname: str) -> nodes.container | None:
        """The view as a container, or ``None`` if its record is gone."""
        docname = placeholder.get("docname", docname)
        records: list[ViewRecord] = self.domain.data["views"].get(docname, [])
        index = placeholder.get("index", 0)
        if index >= len(records) or records[index].view != placeholder.get("view"):
            return None
        ctx = RenderContext(self.env, self.linker(docname), placeholder)
        return view_node(records[index], ctx)


class LateRendering(SphinxPostTransform):
    """Replace the placeholders by ordinary nodes, for builders that do not
    render them while translating (PDF, text, LaTeX, single-page HTML, EPUB)."""

    # early: the links made here are finished, and later post-transforms
    # (badges, reference resolution) see the rendered nodes
    default_priority = 5

    def is_supported(self) -> bool:
        return self.env._builder_cls.name not in TRANSLATOR_BUILDERS and super().is_supported()

    def run(self, **kwargs: Any) -> None:
        renderer: PageRenderer | None = None
        for placeholder in list(self.document.findall(_is_placeholder)):
            assert isinstance(placeholder, nodes.Element)
            # the builder itself, as Sphinx's own ReferencesResolver reaches it
            renderer = renderer or PageRenderer(self.env, self.env._app.builder)
            rendered = _render(renderer, placeholder, self.env.docname)
            if rendered is None:
                placeholder.parent.remove(placeholder)
            else:
                placeholder.replace_self(rendered)
        if renderer is not None and self.env._builder_cls.format not in CHART_FORMATS:
            for node in list(self.document.findall(chart)):
                node.replace_self(nodes.paragraph("", node["alt"]))


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, item_meta | view_placeholder)


def _render(renderer: PageRenderer, placeholder: nodes.Node, docname: str) -> nodes.Node | None:
    if isinstance(placeholder, item_meta):
        return renderer.metadata(placeholder, docname)
    assert isinstance(placeholder, view_placeholder)
    return renderer.view(placeholder, docname)


# -- HTML: rendered while translating ---------------------------------------------


def _renderer(translator: Any) -> PageRenderer:
    """One renderer per translator, that is per page written."""
    renderer: PageRenderer | None = getattr(translator, "_konzept_renderer", None)
    if renderer is None:
        freeze_inherited_objects()
        renderer = PageRenderer(translator.builder.env, translator.builder)
        translator._konzept_renderer = renderer
    return renderer


def visit_placeholder_html(self: Any, node: nodes.Element) -> None:
    """Render the placeholder into its own children, which are translated next."""
    rendered = _render(_renderer(self), node, self.builder.current_docname)
    node.clear()
    if rendered is None:
        raise nodes.SkipNode
    node += rendered


def depart_placeholder_html(self: Any, node: nodes.Element) -> None:
    # translated: let the nodes go now, not when the whole page is done
    node.clear()


def setup_late(app: Sphinx) -> None:
    handlers = (visit_placeholder_html, depart_placeholder_html)
    app.add_node(item_meta, html=handlers)
    app.add_node(view_placeholder, html=handlers)
    app.add_post_transform(LateRendering)
