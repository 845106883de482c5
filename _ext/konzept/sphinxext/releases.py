"""Archived releases inside a build: the diff against one, badges on items.

- :func:`diff_since` compares this build's concept (as ``konzept.json``
  would hold it) with an archived release (``releases/<version>.json``);
  it is computed once per resolved concept and snapshot file.
- :class:`ItemBadges` puts "neu", "geändert" or "prüfen" into the heading
  of every item that differs from the release in ``konzept_compare_to``.
- :func:`pages_to_rewrite` keeps incremental builds right: a change log
  shows every item's text and a badge depends on other items (a measure's
  goal) and on the snapshot file, none of which the item signatures cover;
  so the digest of each diff and the badge of each item are remembered, and
  the pages whose change log or badges differ are re-written.
- An unknown release (in ``konzept_compare_to`` or a change log's
  ``:since:``) is a warning ``konzept.unknown_release`` with its place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from ..core import Concept
from ..core.diff import Diff, diff
from ..core.snapshot import Snapshot, SnapshotError, find_release, snapshot_from_data
from .config import config_location
from .domain import get_domain
from .i18n import _
from .nodes import item_block, item_heading

logger = logging.getLogger(__name__)

#: Badge of an item by its class in the diff (message ids).
BADGES = {
    "added": ("new", "new"),
    "changed": ("changed", "changed"),
    "lineage": ("changed", "changed"),
    "suspect": ("review", "to review"),
}
#: Key of konzept's remembered digests in the domain data.
_STATE_KEY = "changelog"


class diff_ins(nodes.inline):
    """Inserted text of a word-level difference (HTML ``<ins>``)."""


class diff_del(nodes.inline):
    """Deleted text of a word-level difference (HTML ``<del>``)."""


# -- the diff of this build ------------------------------------------------------


def releases_dir(env: BuildEnvironment) -> Path:
    return Path(env.config.konzept_releases_path)


def _resolve_releases_dir(app: Sphinx, config: Config) -> None:
    # the folder is relative to conf.py, which only the application knows
    folder = str(config.konzept_releases_dir or "releases")
    config.konzept_releases_path = str(Path(app.confdir, folder).resolve())


def compare_to(env: BuildEnvironment) -> str | None:
    value = env.config.konzept_compare_to
    return str(value).strip() or None if value is not None else None


_snapshots: dict[Path, tuple[tuple[int, int], Snapshot]] = {}
_diffs: dict[tuple[Path, str], tuple[Concept, tuple[int, int], Diff]] = {}


def archived(env: BuildEnvironment, version: str) -> Snapshot:
    """The archived release ``version`` (read again only when the file changed)."""
    folder = releases_dir(env)
    try:
        path = (folder / f"{version}.json").resolve()
        stamp = _stamp(path)
    except (OSError, ValueError):
        stamp = None
    if stamp is not None and path in _snapshots and _snapshots[path][0] == stamp:
        return _snapshots[path][1]
    snapshot = find_release(folder, version)
    if stamp is not None:
        _snapshots[path] = (stamp, snapshot)
    return snapshot


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size)


def current(env: BuildEnvironment) -> Snapshot:
    """This build's items as its ``konzept.json`` will hold them (the domain
    makes that data once per concept; its values are plain JSON, as a
    snapshot file gives them back: tested)."""
    return snapshot_from_data(get_domain(env).export_data(), "this build")


def diff_since(env: BuildEnvironment, version: str) -> Diff:
    """What changed since the archived release ``version`` (raises SnapshotError)."""
    concept = get_domain(env).concept
    old = archived(env, version)
    key = (releases_dir(env).resolve(), version)
    stamp = _stamp(Path(old.source)) if old.source else (0, 0)
    cached = _diffs.get(key)
    if cached is not None and cached[0] is concept and cached[1] == stamp:
        return cached[2]
    result = diff(old, current(env))
    if len(_diffs) > 8:
        _diffs.clear()
    _diffs[key] = (concept, stamp, result)
    return result


def badge_of(result: Diff, item_id: str) -> str | None:
    """``new``, ``changed`` or ``review`` for an item of this build (or None)."""
    status = result.status(item_id)
    return BADGES[status][0] if status in BADGES else None


def badge_node(kind: str, version: str) -> nodes.inline:
    labels = {"new": _("new"), "changed": _("changed"), "review": _("to review")}
    text = str(labels[kind])
    badge = nodes.inline(text, text, classes=["konzept-badge", f"konzept-badge-{kind}"])
    badge["konzept-since"] = version
    return badge


class ItemBadges(SphinxPostTransform):
    """Put the badge of each item against ``konzept_compare_to`` into its heading."""

    default_priority = 7

    def run(self, **kwargs: Any) -> None:
        version = compare_to(self.env)
        if version is None:
            return
        blocks = list(self.document.findall(item_block))
        if not blocks:
            return
        try:
            result = diff_since(self.env, version)
        except SnapshotError:
            return  # reported once per build, at konzept_compare_to
        domain = get_domain(self.env)
        concept = domain.concept
        by_anchor = {i.anchor: i for i in domain.data["items"].get(self.env.docname, ())}
        for block in blocks:
            item = by_anchor.get(block["ids"][0]) if block["ids"] else None
            item_id = item.id if item is not None else None
            if item_id is None or concept.items.get(item_id) is not item:
                continue  # no ID, or a duplicate: not the item the diff knows
            kind = badge_of(result, item_id)
            heading = next(iter(block.findall(item_heading)), None)
            if kind is None or heading is None or heading.parent is not block:
                continue
            heading += nodes.Text(" ")
            heading += badge_node(kind, version)


# -- incremental builds and warnings -------------------------------------------------


def _changelog_records(env: BuildEnvironment) -> list[Any]:
    return [r for r in get_domain(env).all_views() if r.view == "changelog"]


def since_of(record: Any, env: BuildEnvironment) -> str | None:
    value = record.options.get("since", "").strip()
    return value or compare_to(env)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose change log or badges differ from the last build's (event
    ``env-updated``); also reports unknown releases."""
    domain = get_domain(env)
    state: dict[str, Any] = domain.data.setdefault(_STATE_KEY, {})
    records = _changelog_records(env)
    versions = {v for r in records if (v := since_of(r, env))}
    default = compare_to(env)
    if default:
        versions.add(default)
    digests: dict[str, str] = {}
    diffs: dict[str, Diff] = {}
    for version in sorted(versions):
        try:
            diffs[version] = diff_since(env, version)
            digests[version] = _digest(diffs[version].to_json(words=False))
        except SnapshotError:
            digests[version] = "missing"
    _report_unknown(app, env, records, diffs, default)

    badges: dict[str, str] = {}
    concept = domain.concept
    if default in diffs:
        for item_id in concept.items:
            kind = badge_of(diffs[default], item_id)
            if kind:
                badges[item_id] = kind
    old_digests: dict[str, str] = state.get("digests", {})
    old_badges: dict[str, str] = state.get("badges", {})
    state["digests"], state["badges"] = digests, badges

    pages = {
        r.docname
        for r in records
        if (v := since_of(r, env)) and digests.get(v) != old_digests.get(v)
    }
    for item_id in badges.keys() | old_badges.keys():
        if badges.get(item_id) != old_badges.get(item_id) and item_id in concept.items:
            pages.add(concept.items[item_id].docname)
    return sorted(pages & env.found_docs)


def _digest(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def _report_unknown(
    app: Sphinx,
    env: BuildEnvironment,
    records: Iterable[Any],
    diffs: dict[str, Diff],
    default: str | None,
) -> None:
    folder = releases_dir(env)
    for record in records:
        version = since_of(record, env)
        if not version:
            logger.warning(
                "The changelog view names no release to compare with: give ':since: "
                "VERSION' or set konzept_compare_to in conf.py.",
                type="konzept",
                subtype="unknown_release",
                location=(record.docname, record.line),
            )
        elif version not in diffs and record.options.get("since", "").strip():
            logger.warning(
                "The changelog view's ':since:' names %s",
                _missing(folder, version),
                type="konzept",
                subtype="unknown_release",
                location=(record.docname, record.line_of("since")),
            )
    if default and default not in diffs:
        logger.warning(
            "konzept_compare_to names %s",
            _missing(folder, default),
            type="konzept",
            subtype="unknown_release",
            location=config_location(app.confdir, "konzept_compare_to"),
        )


def _missing(folder: Path, version: str) -> str:
    try:
        find_release(folder, version)
    except SnapshotError as error:
        reason = str(error)
    else:  # pragma: no cover - found after all (a race): say it plainly
        reason = f"release {version!r}"
    return (
        f"{version!r}, but it cannot be used: {reason}. Correct the version or archive "
        "that release as releases/<version>.json (konzept release)."
    )


# -- HTML ----------------------------------------------------------------------------


def visit_diff_ins_html(self: HTML5Translator, node: diff_ins) -> None:
    self.body.append(self.starttag(node, "ins", ""))
    self.body.append(f'<span class="konzept-sr">{self.encode(str(_("inserted:")))} </span>')


def depart_diff_ins_html(self: HTML5Translator, node: diff_ins) -> None:
    self.body.append("</ins>")


def visit_diff_del_html(self: HTML5Translator, node: diff_del) -> None:
    self.body.append(self.starttag(node, "del", ""))
    self.body.append(f'<span class="konzept-sr">{self.encode(str(_("deleted:")))} </span>')


def depart_diff_del_html(self: HTML5Translator, node: diff_del) -> None:
    self.body.append("</del>")


def setup_releases(app: Sphinx) -> None:
    # set from konzept_releases_dir and the folder of conf.py (not for authors)
    app.add_config_value("konzept_releases_path", "", "", str)
    app.connect("config-inited", _resolve_releases_dir)
    app.add_node(diff_ins, html=(visit_diff_ins_html, depart_diff_ins_html))
    app.add_node(diff_del, html=(visit_diff_del_html, depart_diff_del_html))
    app.add_post_transform(ItemBadges)
    app.connect("env-updated", pages_to_rewrite)
