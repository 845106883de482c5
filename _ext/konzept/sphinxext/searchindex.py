"""Keep the index entries of unchanged pages in the search index.

Sphinx (9.0) restores titles and words of pages it does not re-write from
the previous ``searchindex.js``, but not their index entries: they live in
the environment, which is saved before pages are written. An incremental
build would then drop the entries ("BIL-M3 (Maßnahme)") of every page it did
not re-write. This puts them back from the previous index before writing,
so an incremental build gives the same search index as a fresh one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder


def restore_index_entries(app: Sphinx, builder: Builder) -> None:
    if builder.format != "html" or not getattr(builder, "search", False):
        return
    path = Path(builder.outdir) / getattr(builder, "searchindex_filename", "searchindex.js")
    try:
        text = path.read_text("utf-8")
        frozen: dict[str, Any] = json.loads(text[text.index("(") + 1 : text.rindex(")")])
        docnames: list[str] = frozen["docnames"]
        entries: dict[str, list[list[Any]]] = frozen["indexentries"]
    except (OSError, ValueError, KeyError, TypeError):
        return  # no usable previous index: Sphinx re-writes everything anyway
    env = builder.env
    stored: dict[str, list[tuple[str, str, str]]] = env._search_index_index_entries
    restored: dict[str, list[tuple[str, str, str]]] = {}
    for entry, places in entries.items():
        for doc_index, target, main in places:
            docname = docnames[doc_index]
            if docname not in stored and docname in env.all_docs:
                restored.setdefault(docname, []).append((entry, target, "main" if main else ""))
    for docname, found in restored.items():
        stored[docname] = sorted(found)


def setup_searchindex(app: Sphinx) -> None:
    app.connect("write-started", restore_index_entries)
