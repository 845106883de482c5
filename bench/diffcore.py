"""Time konzept's diff engine on two ``konzept.json`` files (for bench/run.py).

Prints one JSON object: ``load_s`` (reading both snapshots), ``diff_s`` (the
engine alone) and ``json_s`` (the report as JSON, when the engine offers
one). The engine's entry point is looked up by name, since it is young:
``konzept.core.diff.diff`` on snapshots from
``konzept.core.snapshot.load_snapshot`` when these exist, else the first of
``diff_releases``, ``diff``, ``compare`` on the loaded JSON documents.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def _load(path: str) -> Any:
    try:
        from konzept.core.snapshot import load_snapshot
    except ImportError:
        return json.loads(Path(path).read_text("utf-8"))
    return load_snapshot(path)


def main(old_path: str, new_path: str) -> int:
    from konzept.core import diff as engine

    start = time.perf_counter()
    old, new = _load(old_path), _load(new_path)
    loaded = time.perf_counter()
    function = next(
        (getattr(engine, n) for n in ("diff_releases", "diff", "compare") if hasattr(engine, n)),
        None,
    )
    if not callable(function):
        print("konzept.core.diff has no diff_releases/diff/compare", file=sys.stderr)
        return 3
    result = function(old, new)
    done = time.perf_counter()
    timings = {"load_s": round(loaded - start, 3), "diff_s": round(done - loaded, 3)}
    to_json = getattr(result, "to_json", None)
    if callable(to_json):
        json.dumps(to_json(), sort_keys=True, ensure_ascii=False)
        timings["json_s"] = round(time.perf_counter() - done, 3)
    print(json.dumps(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
