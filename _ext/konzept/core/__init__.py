"""The pure core of konzept: model, schema, parsing, checks, export.

Nothing in this package imports Sphinx or docutils; the Sphinx adapter
(:mod:`konzept.sphinxext`) and the command line build on it.
"""

from __future__ import annotations

from .concept import Concept, Reference, build_concept
from .model import Decision, Diagnostic, Item, RawItem, Release
from .parse import parse_item
from .release import parse_release
from .schema import (
    BUILTIN_SCHEMA,
    ItemType,
    Kind,
    OptionSpec,
    Schema,
    Term,
    Vocabulary,
    extend_schema,
)

__all__ = [
    "BUILTIN_SCHEMA",
    "Concept",
    "Decision",
    "Diagnostic",
    "Item",
    "ItemType",
    "Kind",
    "OptionSpec",
    "RawItem",
    "Reference",
    "Release",
    "Schema",
    "Term",
    "Vocabulary",
    "build_concept",
    "extend_schema",
    "parse_item",
    "parse_release",
]
