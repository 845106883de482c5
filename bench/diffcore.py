"""Diff two ``konzept.json`` files with konzept's diff engine (for bench/run.py).

Used when the installed konzept has ``konzept.core.diff`` but no ``konzept
diff`` command yet. The engine's entry point is looked up by name, since it
is being written: the first of ``diff_releases``, ``diff``, ``compare`` that
accepts the two loaded JSON documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(old_path: str, new_path: str) -> int:
    from konzept.core import diff as engine

    old = json.loads(Path(old_path).read_text("utf-8"))
    new = json.loads(Path(new_path).read_text("utf-8"))
    for name in ("diff_releases", "diff", "compare"):
        function = getattr(engine, name, None)
        if callable(function):
            result = function(old, new)
            print(type(result).__name__)
            return 0
    print("konzept.core.diff has no diff_releases/diff/compare", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
