"""The few custom nodes konzept needs.

Each subclasses an ordinary docutils node, so every builder renders it the
way it renders its base (Sphinx dispatches visitors along the class's MRO);
builders that can do better register their own visitor.
"""

from __future__ import annotations

from docutils import nodes


class item_block(nodes.container):
    """One item: heading, metadata and body. Its ``ids`` hold the anchor."""


class item_heading(nodes.rubric):
    """The heading of an item; ``heading-level`` is set from its depth."""


class item_meta(nodes.General, nodes.Element):
    """Placeholder for an item's metadata, filled in after all documents are read.

    Attributes: ``docname`` and ``anchor`` of the item. Until it is rendered
    it holds, as text, the words of the item's own values for the search
    index (:func:`konzept.sphinxext.render.search_text`).
    """


class view_placeholder(nodes.General, nodes.Element):
    """Placeholder for a view (a table or chart computed from all items).

    Attributes: ``view`` (its name), ``index`` (which view of the page) and
    ``docname`` (the page).
    """


class chart(nodes.General, nodes.Element):
    """An SVG chart made at build time; ``svg`` holds it, ``alt`` says it in words.

    HTML shows the SVG inline; builders without a visitor get the ``alt`` text.
    """
