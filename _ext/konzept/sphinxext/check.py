"""The ``konzept-check`` builder: read and check everything, write nothing.

``konzept check`` uses it: every warning of a full build that comes from
reading and from konzept's checks, without the time spent writing pages.
"""

from __future__ import annotations

from collections.abc import Set

from docutils import nodes
from sphinx.builders import Builder


class CheckBuilder(Builder):
    name = "konzept-check"
    format = ""
    epilog = ""
    allow_parallel = True

    def get_outdated_docs(self) -> set[str]:
        return set(self.env.found_docs)

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        pass  # nothing to write: resolving pages would only cost time

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        pass


class JsonBuilder(CheckBuilder):
    """Like the check builder, but writes ``konzept.json`` (for ``konzept export``)."""

    name = "konzept-json"
