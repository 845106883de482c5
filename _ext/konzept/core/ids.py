"""Suggesting the next free ID for an item, from the project's own pattern.

A county numbers its measures ``BIL-M1, BIL-M2, …``; a missing or duplicate
ID gets the next number in the pattern its neighbours (same type, same
field) follow, so the author can copy the suggestion as it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

_NUMBERED = re.compile(r"^(?P<prefix>.*?)(?P<number>[0-9]+)$")


class IdSuggester:
    """Remembers the numbering patterns in use; hands out free IDs."""

    def __init__(self, items: Iterable[tuple[str, str, str | None]]) -> None:
        """``items`` are ``(id, type, field)`` triples of the existing items."""
        self._taken: set[str] = set()
        # (type, field) -> prefix -> count; prefix -> highest number
        self._prefixes: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
        # type -> suffix after the field ID ("-M") -> count
        self._suffixes: dict[str, Counter[str]] = defaultdict(Counter)
        self._highest: dict[str, int] = defaultdict(int)
        for item_id, item_type, field in items:
            self._take(item_id)
            match = _NUMBERED.match(item_id)
            if not match:
                continue
            prefix = match["prefix"]
            self._prefixes[(item_type, field)][prefix] += 1
            if field and prefix.startswith(field):
                self._suffixes[item_type][prefix[len(field) :]] += 1

    def _take(self, item_id: str) -> None:
        self._taken.add(item_id)
        match = _NUMBERED.match(item_id)
        if match:
            prefix = match["prefix"]
            self._highest[prefix] = max(self._highest[prefix], int(match["number"]))

    def suggest(self, item_type: str, field: str | None, letter: str) -> str:
        """A free ID for a new item of ``item_type`` in ``field``; reserves it."""
        prefix = self._prefix(item_type, field, letter)
        number = self._highest[prefix] + 1
        while f"{prefix}{number}" in self._taken:
            number += 1
        suggestion = f"{prefix}{number}"
        self._take(suggestion)
        return suggestion

    def _prefix(self, item_type: str, field: str | None, letter: str) -> str:
        local = self._prefixes.get((item_type, field))
        if local:
            return _most_common(local)
        suffixes = self._suffixes.get(item_type)
        if field and suffixes:
            return field + _most_common(suffixes)
        anywhere = Counter[str]()
        for (other_type, _), prefixes in self._prefixes.items():
            if other_type == item_type:
                anywhere.update(prefixes)
        if anywhere and not field:
            return _most_common(anywhere)
        return f"{field}-{letter}" if field else letter


def _most_common(counter: Counter[str]) -> str:
    # highest count first, then alphabetical: stable whatever the input order
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
