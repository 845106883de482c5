"""Items as rows, for people who live in spreadsheets (CSV and XLSX).

Works on the data of ``konzept.json`` (a build's or an archived release's),
so any release can be exported. One table per item type; the columns are the
JSON keys, lists joined with ", " and an amount split into number and
currency, so a spreadsheet can sum budgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .schema import BUILTIN_SCHEMA

#: Table name -> item type, in the order a workbook lists them.
TABLES = {
    "measures": "measure",
    "goals": "goal",
    "actors": "actor",
    "fields": "field",
    "indicators": "indicator",
}
#: Columns every table starts with; the rest follow in the order of the data.
LEADING = ("id", "title", "field")
#: Location and body come last: useful, but long or technical.
TRAILING = ("text", "docname", "line")
#: Keys that are not exported (the anchor is for links only).
SKIPPED = frozenset({"anchor", "type"})

Cell = str | int | float | None


def table(data: Mapping[str, Any], name: str) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows of one table (``measures``, ``goals``, ...)."""
    item_type = TABLES[name]
    items = [i for i in data.get("items", {}).values() if i.get("type") == item_type]
    items.sort(key=lambda i: _natural(i["id"]))
    keys: list[str] = []
    for item in items:
        for key in item:
            if key not in keys and key not in SKIPPED:
                keys.append(key)
    # the options in the schema's order, then any others (a project's own)
    preferred = [s.export_key for s in BUILTIN_SCHEMA.type(item_type).options]
    middle = [k for k in preferred if k in keys and k not in LEADING]
    middle += [k for k in keys if k not in middle and k not in LEADING and k not in TRAILING]
    columns = [k for k in LEADING if k in keys] + middle + [k for k in TRAILING if k in keys]
    header: list[str] = []
    for key in columns:
        header.extend(_expanded(key, items))
    rows = [_row(item, columns, items) for item in items]
    return header, rows


def _expanded(key: str, items: Iterable[Mapping[str, Any]]) -> list[str]:
    if any(isinstance(i.get(key), dict) and "amount" in i[key] for i in items):
        return [f"{key}_amount", f"{key}_currency"]
    if any(isinstance(i.get(key), dict) and "period" in i[key] for i in items):
        return [f"{key}_period", f"{key}_value"]
    return [key]


def _row(item: Mapping[str, Any], columns: list[str], items: list[Mapping[str, Any]]) -> list[Cell]:
    row: list[Cell] = []
    for key in columns:
        value = item.get(key)
        width = len(_expanded(key, items))
        if width == 2:
            if isinstance(value, dict) and "amount" in value:
                row.extend([float(value["amount"]), value["currency"]])
            elif isinstance(value, dict) and "period" in value:
                row.extend([value["period"], value["value"]])
            else:
                row.extend([None, None])
        else:
            row.append(_cell(value))
    return row


def _cell(value: Any) -> Cell:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, list):
        return ", ".join(_point(v) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items()))
    return str(value)


def _point(value: Mapping[str, Any]) -> str:
    if "period" in value:
        return f"{value['period']}: {value['value']}"
    return ", ".join(f"{k}: {v}" for k, v in sorted(value.items()))


def _natural(item_id: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"([0-9]+)", item_id))
