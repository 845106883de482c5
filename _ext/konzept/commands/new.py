"""``konzept new DIR``: a new concept from konzept's template, ready to build.

The template is a small integration concept (one field of action, a guiding
goal, a goal, a measure, two actors and an overview page); it builds without
a warning, so an author starts from a working example and changes it.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from ..errors import UsageError

TEMPLATE = "templates/new"


def register(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    sub = command("new", "Create a new concept in DIR from konzept's template.")
    sub.add_argument("--title", default=None, help="title of the concept")
    sub.add_argument("--author", default=None, help="who publishes it (e.g. the county)")
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = Path(args.directory)
    if target.exists() and any(target.iterdir()):
        raise UsageError(f"{target}: the folder is not empty; name a new folder")
    year = datetime.date.today().year
    title = args.title or f"Integrationskonzept {year}"
    author = args.author or "Kommunales Integrationszentrum"
    values = {
        "__TITLE_PY__": repr(title),
        "__AUTHOR_PY__": repr(author),
        "__TITLE__": title.replace("\n", " "),
        "__NEXT_YEAR__": str(year + 1),
        "__YEAR__": str(year),
    }
    _copy(resources.files("konzept").joinpath(TEMPLATE), target, values)
    print(f"konzept: new concept in {target}; build it with: konzept build {target}")
    return 0


def _copy(source: Traversable, target: Path, values: dict[str, str]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            _copy(entry, target / entry.name, values)
            continue
        text = entry.read_text("utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        (target / entry.name).write_text(text, "utf-8")
