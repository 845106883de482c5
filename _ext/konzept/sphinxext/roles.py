"""Roles that link to items: ``{goal}`BIL-Z1```, ``{konzept}`BIL-M3```, …

They are ordinary cross-reference roles of the ``konzept`` domain; the
unprefixed names are registered as aliases. Each records its target in the
domain, so unknown IDs are reported with a location on every build and the
page is re-written when the target changes.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.roles import XRefRole

from ..core import Reference
from .domain import GENERIC_ROLE, get_domain


class ItemRole(XRefRole):
    def __init__(self, item_type: str | None) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=False)
        self.item_type = item_type

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if ":" not in self.name:  # the unprefixed alias: {goal}`…`
            self.name = f"konzept:{self.item_type or GENERIC_ROLE}"
        return super().run()

    def result_nodes(
        self,
        document: nodes.document,
        env: object,
        node: nodes.Element,
        is_ref: bool,
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        target = node.get("reftarget", "")
        node["refdomain"] = "konzept"
        node["reftype"] = self.item_type or GENERIC_ROLE
        # stays on the text if the ID resolves to nothing; removed when it does
        for child in node.children:
            if isinstance(child, nodes.Element):
                child["classes"].append("konzept-unresolved")
        line = self.lineno
        get_domain(self.env).note_reference(
            Reference(self.env.docname, line, target, self.item_type)
        )
        return [node], []
