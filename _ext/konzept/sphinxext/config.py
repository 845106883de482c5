"""konzept's configuration values and the project schema derived from them."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..core import BUILTIN_SCHEMA, Release, Schema, extend_schema, parse_release
from ..core.model import Diagnostic
from .i18n import label

logger = logging.getLogger(__name__)

Rebuild = Literal["", "env", "html"]

#: name -> (default, rebuild, types, description) of every config value.
CONFIG_VALUES: dict[str, tuple[Any, Rebuild, tuple[type, ...], str]] = {
    "konzept_release": (
        {},
        "env",
        (dict,),
        "Metadata of the release being built: version, title, date, status "
        "(draft, submitted, adopted), predecessor, decisions (the Beratungsfolge).",
    ),
    "konzept_options": (
        {},
        "env",
        (dict,),
        "Extra options per item type: {type: {name: {kind, label, description, "
        "required, targets, vocabulary}}}.",
    ),
    "konzept_vocabularies": (
        {},
        "env",
        (dict,),
        "Extra or relabelled vocabulary terms: {vocabulary: {value: label}}.",
    ),
    "konzept_allow_raw_html": (
        False,
        "env",
        (bool,),
        "Pass raw HTML in the sources through to the site (off: it is shown as text).",
    ),
    "konzept_coverage_min": (
        0,
        "env",
        (int, float),
        "Percent of goals that must be served by a measure; less is a warning "
        "(konzept.uncovered). 0 switches the check off.",
    ),
    "konzept_json": (
        True,
        "",
        (bool,),
        "Write konzept.json into the output directory of every build.",
    ),
    "konzept_releases_dir": (
        "releases",
        "env",
        (str,),
        "Folder of the archived releases (one snapshot VERSION.json each), relative to the "
        "folder of conf.py.",
    ),
    "konzept_compare_to": (
        None,
        "env",
        (str, int, type(None)),
        "Version of an archived release to compare with: the default of the changelog "
        'view\'s :since:, and items show a badge ("neu", "geändert", "prüfen") against it.',
    ),
    "konzept_accessibility": (
        {},
        "html",
        (dict,),
        "The accessibility statement (Erklärung zur Barrierefreiheit) BITV asks for, as "
        "a page linked from every footer: {status: full|partial|none, date, reviewed, "
        "body, scope, law, standard, method, limitations: [...], contact: {name, "
        "address, email, phone, url}, enforcement: {name, address, email, phone, url, "
        "text}, page}. Empty: no statement.",
    ),
    "konzept_imprint_url": (
        "",
        "html",
        (str,),
        "The imprint (Impressum), linked from every footer: a URL or a page of the concept.",
    ),
    "konzept_versions_tags": (
        "konzept-*",
        "",
        (str,),
        "Git tags whose releases ``konzept site`` publishes beside the current state "
        "(a glob pattern; empty: none). A release's folder is its ``konzept_release`` "
        "version, else what the ``*`` matched.",
    ),
    "konzept_versions": (
        [],
        "",
        (list,),
        "More releases for ``konzept site``, by commit or any git ref: "
        "[{'ref': 'a1b2c3d', 'version': '2011'}]; 'version' names the folder when "
        "that commit's conf.py gives none.",
    ),
}

_schemas: dict[str, tuple[Schema, list[Diagnostic]]] = {}


def project_schema(config: Config) -> Schema:
    """The built-in schema extended by this project's conf.py (memoised)."""
    return _schema_and_problems(config)[0]


def _schema_and_problems(config: Config) -> tuple[Schema, list[Diagnostic]]:
    options = config.konzept_options or {}
    vocabularies = config.konzept_vocabularies or {}
    key = json.dumps([options, vocabularies], sort_keys=True, default=repr)
    if key not in _schemas:
        _schemas[key] = extend_schema(BUILTIN_SCHEMA, options, vocabularies)
    return _schemas[key]


def project_release(config: Config) -> Release:
    return _release_and_problems(config)[0]


def _release_and_problems(config: Config) -> tuple[Release, list[Diagnostic]]:
    schema = project_schema(config)
    return parse_release(
        config.konzept_release,
        fallback_title=str(config.project),
        fallback_version=str(config.version or config.release or "draft"),
        vocabularies=schema.vocabularies,
        aliases=vocabulary_aliases(schema),
    )


_aliases: dict[tuple[int, str], dict[str, dict[str, str]]] = {}


def vocabulary_aliases(schema: Schema) -> dict[str, dict[str, str]]:
    """Labels (English and translated) accepted in place of term values.

    Memoised per schema and language: every item directive asks for them.
    """
    key = (id(schema), label("planned"))
    if key not in _aliases:
        _aliases[key] = _build_aliases(schema)
    return _aliases[key]


def _build_aliases(schema: Schema) -> dict[str, dict[str, str]]:
    aliases: dict[str, dict[str, str]] = {}
    for vocab in schema.vocabularies.values():
        mapping = aliases.setdefault(vocab.name, {})
        builtin = BUILTIN_SCHEMA.vocabularies.get(vocab.name)
        for term in vocab.terms:
            labels = [term.label, label(term.label)]
            original = builtin.term(term.value) if builtin else None
            if original is not None:  # a relabelled term keeps its usual names too
                labels += [original.label, label(original.label)]
            for text in labels:
                mapping.setdefault(text.casefold(), term.value)
    return aliases


def config_location(confdir: str | Path, name: str) -> str:
    """``/path/conf.py:LINE`` of the assignment to ``name`` (line 1 if not found)."""
    path = Path(confdir) / "conf.py"
    line = 1
    try:
        for number, text in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if re.match(rf"\s*{re.escape(name)}\s*=", text):
                line = number
                break
    except OSError:
        pass
    return f"{path}:{line}"


def check_config(app: Sphinx, config: Config) -> None:
    """Report problems in konzept's config values (event ``config-inited``)."""
    problems: list[tuple[str, Diagnostic]] = []
    for diagnostic in _schema_and_problems(config)[1]:
        name = "konzept_vocabularies" if "vocabular" in diagnostic.message else "konzept_options"
        problems.append((name, diagnostic))
    for diagnostic in _release_and_problems(config)[1]:
        problems.append(("konzept_release", diagnostic))
    for name, diagnostic in problems:
        logger.warning(
            diagnostic.message,
            type="konzept",
            subtype=diagnostic.code,
            location=config_location(app.confdir, name),
        )
    _enable_colon_fence(config)


def _enable_colon_fence(config: Config) -> None:
    # konzept's syntax is MyST colon fences; switch them on for the author.
    extensions = getattr(config, "myst_enable_extensions", None)
    if isinstance(extensions, set):
        extensions.add("colon_fence")
    elif isinstance(extensions, list | tuple) and "colon_fence" not in extensions:
        config.myst_enable_extensions = [*extensions, "colon_fence"]


def setup_config(app: Sphinx) -> None:
    for name, (default, rebuild, types, _description) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types, description=_description)
    app.connect("config-inited", check_config)


def as_mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}
