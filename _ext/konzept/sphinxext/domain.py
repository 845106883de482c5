"""The ``konzept`` domain: the one owner of all item data.

Directives and roles only record what they read (items, references) per
document; :attr:`KonzeptDomain.concept` resolves them all in one step. Data
is kept per document, so purging a changed document and merging the results
of parallel readers is a dictionary operation each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType

from ..core import Concept, Item, Reference, build_concept
from ..core.export import concept_to_data
from .config import project_release, project_schema
from .i18n import _, label

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

ITEM_TYPES = ("field", "goal", "measure", "actor", "indicator")
#: Role name of the generic reference (``{konzept}`ID``` / ``{konzept:item}``).
GENERIC_ROLE = "item"


def natural_key(item_id: str) -> tuple[Any, ...]:
    """Sort BIL-M2 before BIL-M10."""
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", item_id))


class ItemIndex(Index):
    """An index page of all items, grouped by type (``konzept-index``)."""

    name = "index"
    localname = _("Index of goals and measures")
    shortname = _("items")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, KonzeptDomain)
        concept = domain.concept
        wanted = set(docnames) if docnames is not None else None
        content: list[tuple[str, list[IndexEntry]]] = []
        for type_name in ITEM_TYPES:
            item_type = concept.schema.type(type_name)
            entries = [
                IndexEntry(item_id, 0, item.docname, item.anchor, "", "", item.title)
                for item_id, item in concept.items.items()
                if item.type == type_name and (wanted is None or item.docname in wanted)
            ]
            if entries:
                entries.sort(key=lambda e: natural_key(e.name))
                content.append((label(item_type.plural), entries))
        return content, False


class KonzeptDomain(Domain):
    name = "konzept"
    label = "Konzept"
    object_types = {  # noqa: RUF012 (Sphinx's API: class attributes)
        "field": ObjType(_("Field of action"), "field", GENERIC_ROLE),
        "goal": ObjType(_("Goal"), "goal", GENERIC_ROLE),
        "measure": ObjType(_("Measure"), "measure", GENERIC_ROLE),
        "actor": ObjType(_("Actor"), "actor", GENERIC_ROLE),
        "indicator": ObjType(_("Indicator"), "indicator", GENERIC_ROLE),
    }
    indices = [ItemIndex]  # noqa: RUF012
    initial_data = {  # noqa: RUF012
        "items": {},  # docname -> [Item]
        "refs": {},  # docname -> [Reference]
        "views": {},  # docname -> [ViewRecord]
        "signatures": {},  # item ID -> digest of what pages show of it
    }
    # Bump when the shape of the data changes: old pickles are then discarded.
    data_version = 2

    # filled in by konzept.setup (one directive and one role per item type)
    directives = {}  # noqa: RUF012
    roles = {}  # noqa: RUF012

    _concept: Concept | None = None
    #: ``konzept.json``'s data of ``_concept`` (the change log needs it too).
    _export: tuple[Concept, dict[str, Any]] | None = None

    # -- recording (reading phase) ------------------------------------------

    def note_item(self, item: Item) -> None:
        self.data["items"].setdefault(item.docname, []).append(item)
        self._concept = None

    def note_reference(self, reference: Reference) -> None:
        self.data["refs"].setdefault(reference.docname, []).append(reference)
        self._concept = None

    def note_view(self, record: Any) -> None:
        self.data["views"].setdefault(record.docname, []).append(record)

    def clear_doc(self, docname: str) -> None:
        for key in ("items", "refs", "views"):
            self.data[key].pop(docname, None)
        self._concept = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("items", "refs", "views"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        self._concept = None

    # -- the resolved concept -------------------------------------------------

    @property
    def concept(self) -> Concept:
        """All items, resolved and checked (built once per change)."""
        if self._concept is None:
            self._concept = build_concept(
                self.all_items(),
                project_schema(self.env.config),
                page_fields=self.page_fields(),
                references=self.all_references(),
                document_order=self.document_order(),
            )
        return self._concept

    def export_data(self) -> dict[str, Any]:
        """The concept as ``konzept.json`` holds it (made once per concept; do
        not change it)."""
        concept = self.concept
        if self._export is None or self._export[0] is not concept:
            self._export = (concept, concept_to_data(concept, project_release(self.env.config)))
        return self._export[1]

    def all_items(self) -> Iterator[Item]:
        for docname in sorted(self.data["items"]):
            yield from self.data["items"][docname]

    def all_references(self) -> Iterator[Reference]:
        for docname in sorted(self.data["refs"]):
            yield from self.data["refs"][docname]

    def document_order(self) -> dict[str, int]:
        """Position of each page in the table of contents (depth first)."""
        includes: dict[str, list[str]] = self.env.toctree_includes
        order: dict[str, int] = {}
        stack = [self.env.config.root_doc]
        while stack:
            docname = stack.pop()
            if docname in order:
                continue
            order[docname] = len(order)
            stack.extend(reversed(includes.get(docname, [])))
        return order

    def all_views(self) -> Iterator[Any]:
        for docname in sorted(self.data["views"]):
            yield from self.data["views"][docname]

    def page_fields(self) -> dict[str, str]:
        """``konzept_field`` from the front matter of each page that sets it."""
        result = {}
        for docname, metadata in self.env.metadata.items():
            value = metadata.get("konzept_field")
            if value and docname in self.env.found_docs:
                result[docname] = str(value).strip()
        return result

    def dependencies(self) -> dict[str, set[str]]:
        """For each document, the IDs of the items it shows (own and linked)."""
        concept = self.concept
        deps: dict[str, set[str]] = {}
        for docname, items in self.data["items"].items():
            shown = deps.setdefault(docname, set())
            for item in items:
                if item.id is not None:
                    shown.add(item.id)
                shown.update(concept.shown_with(item))
        for docname, refs in self.data["refs"].items():
            deps.setdefault(docname, set()).update(ref.target for ref in refs)
        return deps

    # -- references -----------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        item = self.concept.get(target)
        if item is None:
            return None
        content: list[nodes.Node]
        if node.get("refexplicit"):
            if "konzept-unresolved" in contnode["classes"]:
                contnode["classes"].remove("konzept-unresolved")
            content = [contnode]
        else:
            content = reference_content(item, "both")
        return ItemLinker(self.concept, builder, fromdocname).reference(item, content)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        item = self.concept.get(target)
        if item is None:
            return []
        resolved = self.resolve_xref(env, fromdocname, builder, item.type, target, node, contnode)
        return [(f"konzept:{item.type}", resolved)] if resolved is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for item_id, item in self.concept.items.items():
            yield item_id, f"{item_id} {item.title}", item.type, item.docname, item.anchor, 1

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        return str(type.lname)


def reference_content(item: Item, show: str) -> list[nodes.Node]:
    """What a link to ``item`` shows: its ID, its title, or both.

    As few nodes as possible: a large concept has tens of thousands of links.
    """
    item_id = item.id or ""
    id_node = nodes.inline(item_id, item_id, classes=["konzept-ref-id"])
    if not item.title or show == "id":
        return [id_node]
    if show == "title":
        return [nodes.Text(item.title)]
    if item.type == "actor":
        # an actor's ID is an abbreviation: "Arbeiterwohlfahrt (AWO)" reads as prose
        return [nodes.Text(f"{item.title} ("), id_node, nodes.Text(")")]
    return [id_node, nodes.Text(f" {item.title}")]


class ItemLinker:
    """Links from one page to items, made directly.

    Metadata and views link to thousands of items; making the reference
    nodes here (with each page's relative URI computed once) instead of
    leaving ``pending_xref`` nodes for Sphinx's resolver gives the same
    links at a fraction of the cost. Roles go through the resolver, which
    calls :meth:`KonzeptDomain.resolve_xref`, which makes them here too.
    """

    def __init__(self, concept: Concept, builder: Builder, fromdocname: str) -> None:
        self.concept = concept
        self.builder = builder
        self.fromdocname = fromdocname
        self._uris: dict[str, str] = {}

    def link(self, target: str, show: str) -> nodes.Element:
        item = self.concept.get(target)
        if item is None:  # reported as konzept.unknown_ref; shown, marked
            return nodes.inline(target, target, classes=["konzept-unresolved"])
        return self.reference(item, reference_content(item, show))

    def reference(self, item: Item, content: list[nodes.Node]) -> nodes.reference:
        node = nodes.reference("", "", internal=True, reftitle=item.title)
        node["classes"].extend(["konzept-ref", f"konzept-ref-{item.type}"])
        if item.docname == self.fromdocname:
            node["refid"] = item.anchor
        else:
            uri = self._uris.get(item.docname)
            if uri is None:
                uri = self.builder.get_relative_uri(self.fromdocname, item.docname)
                # only a fragment: the page is part of this one (single-page HTML)
                uri = "" if uri.startswith("#") else uri
                self._uris[item.docname] = uri
            node["refuri"] = f"{uri}#{item.anchor}"
        node += content
        return node


def get_domain(env: BuildEnvironment) -> KonzeptDomain:
    domain = env.domains["konzept"]
    assert isinstance(domain, KonzeptDomain)
    return domain
