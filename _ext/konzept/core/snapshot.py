"""Snapshots: the ``konzept.json`` of a release, archived to compare against.

A release is archived as exactly the ``konzept.json`` its build wrote, stored
as ``releases/<version>.json`` beside ``conf.py``. Change logs and
``konzept diff`` read these files; they need no git history and no old
version of konzept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A version becomes a file name: letters, digits and ``.``, ``_``, ``+``, ``-``.
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")


class SnapshotError(Exception):
    """A snapshot cannot be found or read; the message says which and why."""


@dataclass(frozen=True)
class Snapshot:
    """One release's items as ``konzept.json`` holds them."""

    version: str
    release: Mapping[str, Any]
    #: item ID -> the item's JSON object (type, title, text, options, place)
    items: Mapping[str, Mapping[str, Any]]
    #: Where it came from, for messages: a file, a git ref, "the current build".
    source: str = field(default="", compare=False)

    @property
    def title(self) -> str:
        return str(self.release.get("title") or self.version)

    def title_of(self, item_id: str) -> str:
        item = self.items.get(item_id)
        return str(item.get("title") or "") if item else ""


def is_valid_version(version: str) -> bool:
    """Whether ``version`` can name a snapshot file (``releases/<version>.json``)."""
    return bool(_VERSION.match(version)) and ".." not in version


def snapshot_from_data(data: Any, source: str = "") -> Snapshot:
    """A snapshot from the parsed ``konzept.json``; checks the parts the diff needs."""
    where = source or "the snapshot"
    if not isinstance(data, Mapping) or not isinstance(data.get("items"), Mapping):
        raise SnapshotError(f"{where} is not a konzept.json file (it has no 'items')")
    release = data.get("release")
    if not isinstance(release, Mapping):
        release = {}
    items: dict[str, Mapping[str, Any]] = {}
    for item_id, item in data["items"].items():
        if not isinstance(item, Mapping) or not isinstance(item.get("type"), str):
            raise SnapshotError(f"{where}: the item {item_id!r} has no 'type'")
        items[str(item_id)] = item
    version = str(release.get("version") or "").strip() or Path(source).stem or "?"
    return Snapshot(version=version, release=release, items=items, source=source)


def load_snapshot(path: str | Path) -> Snapshot:
    """Read a ``konzept.json`` file (an archived release or a build's output)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise SnapshotError(f"{path}: no such file") from None
    except OSError as error:
        raise SnapshotError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        data = json.loads(text)
    except ValueError as error:
        raise SnapshotError(f"{path}: not a konzept.json file ({error})") from None
    return snapshot_from_data(data, str(path))


def release_path(releases_dir: str | Path, version: str) -> Path:
    """Where the snapshot of ``version`` is (or would be) stored."""
    if not is_valid_version(version):
        raise SnapshotError(
            f"{version!r} cannot name a release file; use letters, digits, '.', '_', '+' or '-'"
        )
    return Path(releases_dir) / f"{version}.json"


def available_versions(releases_dir: str | Path) -> list[str]:
    """The versions archived in ``releases_dir``, oldest first (by name, numbers as numbers)."""
    folder = Path(releases_dir)
    if not folder.is_dir():
        return []
    names = [p.stem for p in folder.glob("*.json") if is_valid_version(p.stem)]
    return sorted(names, key=natural_key)


def find_release(releases_dir: str | Path, version: str) -> Snapshot:
    """The archived snapshot of ``version``; the error lists the versions there are."""
    path = release_path(releases_dir, version)
    if not path.is_file():
        known = available_versions(releases_dir)
        there = (
            f"the archived releases are {', '.join(known)}"
            if known
            else f"no release is archived in {Path(releases_dir)} yet"
        )
        raise SnapshotError(
            f"no release {version!r} in {Path(releases_dir)} ({there}); "
            "archive one with 'konzept release'"
        )
    return load_snapshot(path)


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort ``BIL-M2`` before ``BIL-M10`` and ``2016`` before ``2026``."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text)
    )
