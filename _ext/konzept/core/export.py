"""``konzept.json``: the machine-readable form of a built concept.

Other tools (diff, change logs, spreadsheets) rely on this shape, so it only
grows. Identical input gives byte-identical output: keys sorted, items in ID
order, no timestamps.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .concept import Concept
from .model import Item, JSONValue, Release
from .schema import Kind

SCHEMA_VERSION = 1


def item_to_json(concept: Concept, item: Item) -> dict[str, JSONValue]:
    item_type = concept.schema.type(item.type)
    data: dict[str, JSONValue] = {
        "id": item.id,
        "type": item.type,
        "title": item.title,
        "text": item.text,
        "docname": item.docname,
        "anchor": item.anchor,
        "line": item.line,
    }
    for spec in item_type.options:
        if spec.name == "id":
            continue
        data[spec.export_key] = item.options.get(spec.name, [] if spec.kind.is_list else None)
    if item_type.option("field") is not None or item.type == "field":
        data["field"] = concept.field_of_item(item)
    invalid = item.invalid_options()  # keyed by option name, as written
    if invalid:
        data["invalid"] = invalid
    return data


def concept_to_data(concept: Concept, release: Release) -> dict[str, Any]:
    items = {
        item_id: item_to_json(concept, concept.items[item_id]) for item_id in sorted(concept.items)
    }
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "release": release.to_json(),
        "items": items,
    }
    data["unindexed"] = [item_to_json(concept, item) for item in concept.unindexed]
    return data


def dumps(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def concept_to_json(concept: Concept, release: Release) -> str:
    return dumps(concept_to_data(concept, release))


def json_schema() -> dict[str, Any]:
    """The JSON Schema that every ``konzept.json`` validates against."""
    text = resources.files("konzept").joinpath("schema/konzept.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


__all__ = ["SCHEMA_VERSION", "Kind", "concept_to_json", "json_schema"]
