"""``changelog``: what changed since an archived release, with a Synopse.

:::{changelog}
:since: 2016
:parts: summary, lineage, changes, synopsis
:::

``:since:`` names an archived release (``releases/2016.json``); without it,
``konzept_compare_to``. The view shows a summary (counts per class and
field of action, and per changed option), the renames, merges and splits in
words, the changes by field of action with each changed option (text word
by word), and the *Synopse*: old | new side by side, deletions and
insertions marked (``<del>``/``<ins>`` with hidden "gelöscht:"/"eingefügt:"
for screen readers; struck through / underlined, not by colour alone).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from ...core import Concept, Diagnostic
from ...core.diff import Change, FieldChange, Lineage
from ...core.diff_report import (
    MSG_AND,
    MSG_CHANGES,
    MSG_FIELDS_CHANGED,
    MSG_LINEAGE,
    MSG_NO_DIFFERENCES,
    MSG_SUMMARY,
    MSG_SYNOPSIS,
    Group,
    Presenter,
    SynopsisBlock,
    paragraphs,
    summary_table,
    synopsis_rows,
)
from ...core.snapshot import SnapshotError
from ...core.textdiff import Segment
from ..i18n import _, label
from ..releases import badge_node, diff_del, diff_ins, setup_releases, since_of
from .base import RenderContext, View, ViewRecord, bad_view_option, empty_note, register, table

PARTS = ("summary", "lineage", "changes", "synopsis")


def _parts(record: ViewRecord) -> tuple[list[str], list[str]]:
    text = record.options.get("parts", "").strip()
    if not text:
        return list(PARTS), []
    wanted = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in wanted if p not in PARTS]
    return [p for p in wanted if p in PARTS], unknown


class Changelog(View):
    name = "changelog"
    options: ClassVar = {"since": directives.unchanged, "parts": directives.unchanged}

    def check(self, record: ViewRecord, concept: Concept) -> list[Diagnostic]:
        # an unknown release is reported with the other release problems
        # (konzept.sphinxext.releases), which knows where the releases are
        _wanted, unknown = _parts(record)
        if not unknown:
            return []
        return [
            bad_view_option(
                record,
                "parts",
                f"The changelog view has no part {', '.join(map(repr, unknown))}; "
                f"use {', '.join(PARTS)}.",
            )
        ]

    def render(self, record: ViewRecord, ctx: RenderContext) -> list[nodes.Node]:
        from ..releases import diff_since

        version = since_of(record, ctx.env)
        if not version:
            return [empty_note(str(_("No release to compare with.")))]
        try:
            result = diff_since(ctx.env, version)
        except SnapshotError:
            text = str(_("The release %s is not archived; see the build warnings.")) % version
            return [empty_note(text)]
        order = {item_id: n for n, item_id in enumerate(ctx.concept.items)}
        presenter = Presenter(
            result,
            schema=ctx.concept.schema,
            language=ctx.language,
            translate=label,
            order=order,
        )
        view = _Render(presenter, ctx)
        if result.is_empty:
            return [empty_note(presenter.counts_sentence()), empty_note(label(MSG_NO_DIFFERENCES))]
        wanted, _unknown = _parts(record)
        output: list[nodes.Node] = []
        for part in wanted:
            output.extend(getattr(view, part)())
        return output


class _Render:
    """The parts of one change log, as docutils nodes."""

    def __init__(self, presenter: Presenter, ctx: RenderContext) -> None:
        self.p = presenter
        self.ctx = ctx
        self.groups = presenter.groups()
        self.version = presenter.diff.old.version

    # -- the parts --------------------------------------------------------------

    def summary(self) -> list[nodes.Node]:
        p = self.p
        result: list[nodes.Node] = [
            self.ctx.heading(label(MSG_SUMMARY)),
            nodes.paragraph("", p.counts_sentence(), classes=["konzept-changelog-counts"]),
        ]
        header, rows = summary_table(p)
        if len(rows) > 1:
            cells = [[str(c) for c in row] for row in rows]
            tbl = table(header, cells, ["konzept-changelog-summary"], stub=True)
            _not_sortable(tbl)
            result.append(tbl)
        counts = p.field_counts()
        if counts:
            text = ", ".join(f"{name} {count}" for name, count in counts)
            para = nodes.paragraph(classes=["konzept-changelog-fields"])
            para += nodes.strong("", f"{label(MSG_FIELDS_CHANGED)}: ")
            para += nodes.Text(text)
            result.append(para)
        return result

    def lineage(self) -> list[nodes.Node]:
        relations = self.p.diff.lineage
        if not relations:
            return []
        bullets = nodes.bullet_list(classes=["konzept-changelog-lineage"])
        for relation in relations:
            bullets += nodes.list_item("", self._sentence(relation))
        return [self.ctx.heading(label(MSG_LINEAGE)), bullets]

    def changes(self) -> list[nodes.Node]:
        result: list[nodes.Node] = [self.ctx.heading(label(MSG_CHANGES))]
        for group in self.groups:
            result.append(self._group_heading(group, 1))
            bullets = nodes.bullet_list(classes=["konzept-changelog-changes"])
            for entry in group.entries(self.p.order_key):
                bullets += self._entry(entry)
            result.append(bullets)
        return result

    def synopsis(self) -> list[nodes.Node]:
        p = self.p
        headers = [p.version_label("old"), p.version_label("new")]
        result: list[nodes.Node] = [self.ctx.heading(label(MSG_SYNOPSIS))]
        for group in self.groups:
            result.append(self._group_heading(group, 1))
            rows = [
                [self._cell(old, "old"), self._cell(new, "new")]
                for old, new in synopsis_rows(p, group)
            ]
            tbl = table(headers, rows, ["konzept-synopsis"])
            _not_sortable(tbl)
            result.append(tbl)
        return result

    # -- pieces -------------------------------------------------------------------

    def _group_heading(self, group: Group, deeper: int) -> nodes.Node:
        kind, _sep, field_id = group.key.partition(":")
        if kind == "field" and field_id in self.ctx.concept.items:
            heading = self.ctx.field_heading(field_id)
        else:
            heading = self.ctx.heading(group.title)
        heading["heading-level"] = min(heading["heading-level"] + deeper, 6)
        return heading

    def _entry(self, entry: Change | Lineage | tuple[str, str]) -> nodes.list_item:
        p = self.p
        item = nodes.list_item(classes=["konzept-changelog-entry"])
        para = nodes.paragraph()
        item += para
        if isinstance(entry, tuple):
            kind, item_id = entry
            para += self._tag(kind)
            para += nodes.Text(" ")
            if kind == "added":
                para += self.ctx.link(item_id, "both")
            else:
                para += nodes.inline("", p.name("old", item_id), classes=["konzept-old"])
            return item
        if isinstance(entry, Change):
            for tag in self.p.change_tags(entry):
                para += self._tag(tag)
                para += nodes.Text(" ")
            para += self.ctx.link(entry.id, "both")
            if entry.suspect:
                item += nodes.paragraph("", p.suspect_note(entry), classes=["konzept-suspect"])
            item.extend(self._fields(entry.type, entry.fields, (entry.id, entry.id)))
            return item
        para += self._tag(entry.kind)
        para += nodes.Text(" ")
        para.extend(list(self._sentence(entry).children))
        item_type = str(p.item("new", entry.new[0]).get("type", ""))
        item.extend(self._fields(item_type, entry.fields, (entry.old[0], entry.new[0])))
        return item

    def _fields(
        self, item_type: str, changes: Mapping[str, FieldChange], ids: tuple[str, str]
    ) -> list[nodes.Node]:
        field_list = nodes.field_list(classes=["konzept-changelog-fields"])
        for change in self.p.ordered(item_type, changes):
            view = self.p.field_view(item_type, change, ids)
            field = nodes.field()
            field += nodes.field_name("", view.label)
            body = nodes.field_body()
            for paragraph in paragraphs(view.inline):
                body += nodes.paragraph("", "", *segment_nodes(paragraph))
            field += body
            field_list += field
        return [field_list] if len(field_list) else []

    def _sentence(self, relation: Lineage) -> nodes.paragraph:
        para = nodes.paragraph()
        for part in self.p.lineage_parts(relation):
            if isinstance(part, str):
                para += nodes.Text(part)
                continue
            side, ids = part
            names: list[nodes.Node] = [
                self.ctx.link(i, "id")
                if side == "new"
                else nodes.inline(i, i, classes=["konzept-id", "konzept-old"])
                for i in ids
            ]
            para += _joined(self.p, names)
        return para

    def _tag(self, kind: str) -> nodes.Node:
        if kind in ("added", "changed", "suspect"):
            badge = {"added": "new", "changed": "changed", "suspect": "review"}[kind]
            return badge_node(badge, self.version)
        text = self.p.class_label(kind)
        return nodes.inline(text, text, classes=["konzept-badge", f"konzept-badge-{kind}"])

    def _cell(self, blocks: list[SynopsisBlock], side: str) -> nodes.container:
        cell = nodes.container(classes=[f"konzept-synopsis-{side}"])
        for block in blocks:
            para = nodes.paragraph(classes=[f"konzept-synopsis-{block.role}"])
            if block.label:
                para += nodes.emphasis("", f"{block.label}: ")
            content = segment_nodes(block.segments)
            if block.role == "name":
                para += nodes.strong("", "", *content)
            else:
                para.extend(content)
            cell += para
        return cell


def _joined(p: Presenter, parts: list[nodes.Node]) -> list[nodes.Node]:
    """Nodes joined like ``A, B und C`` (the words from the catalogue)."""
    if len(parts) < 2:
        return parts
    template = p.t(MSG_AND)
    before, _sep, after = template.partition("{items}")
    middle, _sep, end = after.partition("{last}")
    result: list[nodes.Node] = [nodes.Text(before)] if before else []
    for n, part in enumerate(parts[:-1]):
        if n:
            result.append(nodes.Text(", "))
        result.append(part)
    result += [nodes.Text(middle), parts[-1]]
    if end:
        result.append(nodes.Text(end))
    return result


def segment_nodes(segments: Iterable[Segment]) -> list[nodes.Node]:
    """Text with its deletions and insertions as ``diff_del``/``diff_ins`` nodes."""
    result: list[nodes.Node] = []
    for segment in segments:
        if segment.kind == "equal":
            result.append(nodes.Text(segment.text))
        elif segment.kind == "insert":
            result.append(diff_ins(segment.text, segment.text, classes=["konzept-ins"]))
        else:
            result.append(diff_del(segment.text, segment.text, classes=["konzept-del"]))
    return result


def _not_sortable(tbl: nodes.table) -> None:
    # a change log reads in its own order; filtering a long one still helps
    if "konzept-sortable" in tbl["classes"]:
        tbl["classes"].remove("konzept-sortable")


def setup(app: Sphinx) -> None:
    register(app, Changelog())
    setup_releases(app)
