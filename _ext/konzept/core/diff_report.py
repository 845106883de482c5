"""A diff as people read it: labels, values, groups, sentences; text, Markdown, HTML.

:class:`Presenter` turns a :class:`~konzept.core.diff.Diff` into what every
face shows alike (the ``changelog`` view in the concept, ``konzept diff`` in
the terminal): option labels and values as a reader writes them (actors by
name, dates and amounts localised), word-level differences, the changes
grouped by field of action, lineage as sentences. The renderers at the end
write it as terminal text, Markdown or a standalone HTML page.

Messages are English message ids, marked with :func:`N_`; the caller passes
a ``translate`` function (gettext of konzept's catalogue).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .diff import Change, Diff, FieldChange, Lineage, field_order
from .formatting import format_date, format_money, format_number, format_point
from .schema import BUILTIN_SCHEMA, N_, Kind, OptionSpec, Schema
from .snapshot import Snapshot, natural_key
from .textdiff import Segment, word_diff

Translate = Callable[[str], str]
Side = Literal["old", "new"]

CLASS_LABELS: Mapping[str, str] = {
    "added": N_("new"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "suspect": N_("to review"),
    "moved": N_("moved"),
    "renamed": N_("renamed"),
    "merged": N_("merged"),
    "split": N_("split"),
    "regrouped": N_("regrouped"),
    "unchanged": N_("unchanged"),
}
#: The classes of the summary, in the order it lists them.
SUMMARY_CLASSES = (
    "added",
    "changed",
    "suspect",
    "renamed",
    "merged",
    "split",
    "regrouped",
    "removed",
    "unchanged",
)
_ALWAYS_COUNTED = ("added", "changed", "removed", "unchanged")
LINEAGE_SENTENCES: Mapping[str, str] = {
    "renamed": N_("{old} renamed to {new}"),
    "merged": N_("{old} merged into {new}"),
    "split": N_("{old} split into {new}"),
    "regrouped": N_("{old} regrouped into {new}"),
}
#: Labels of the fields every item has (options take theirs from the schema).
_FIELD_LABELS = {
    "title": N_("Title"),
    "text": N_("Text"),
    "type": N_("Type"),
    "field": N_("Field of action"),
    "invalid": N_("Invalid options"),
}
_GROUP_LABELS = {
    "goal": N_("Guiding goals"),
    "actor": N_("Actors"),
    "indicator": N_("Indicators"),
    "field": N_("Fields of action"),
}
MSG_AND = N_("{items} and {last}")
MSG_VERSION = N_("Version {version}")
MSG_SUSPECT = N_("Its goal {goals} was reworded: does the measure still serve it?")
MSG_SUSPECT_PLURAL = N_("Its goals {goals} were reworded: does the measure still serve them?")
MSG_NO_DIFFERENCES = N_("No differences.")
MSG_COMPARED = N_("Compared with version {old}: {counts}.")
MSG_OF_WHICH = N_("of which {count} to review")
MSG_INSERTED = N_("inserted:")
MSG_DELETED = N_("deleted:")
MSG_NOT_IN = N_("not in this version")
MSG_SUMMARY = N_("Summary")
MSG_LINEAGE = N_("Renamed, merged and split")
MSG_CHANGES = N_("Changes by field of action")
MSG_SYNOPSIS = N_("Synopsis")
MSG_FIELDS_CHANGED = N_("Changed fields")
MSG_WITHOUT_FIELD = N_("Without field of action")
MSG_TOTAL = N_("Total")


@dataclass(frozen=True)
class FieldView:
    """One changed field, ready to show: in one column, and as the two sides."""

    name: str
    label: str
    #: One-column display: deletions and insertions in place.
    inline: list[Segment]
    old: list[Segment]
    new: list[Segment]
    #: Whether the value is prose (shown as paragraphs, diffed word by word).
    prose: bool


@dataclass
class Group:
    """The changes in one field of action (or among the actors, ...)."""

    key: str
    title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    lineage: list[Lineage] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        kinds = [r.kind for r in self.lineage]
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "suspect": sum(1 for c in self.changed if c.suspect),
            "renamed": kinds.count("renamed"),
            "merged": kinds.count("merged"),
            "split": kinds.count("split"),
            "regrouped": kinds.count("regrouped"),
        }

    def entries(self, order: Callable[[str], Any]) -> list[Change | Lineage | tuple[str, str]]:
        """Everything of the group in reading order: changes, relations,
        ``("added", id)`` and ``("removed", id)``."""
        keyed: list[tuple[Any, int, Change | Lineage | tuple[str, str]]] = []
        keyed += [(order(c.id), 1, c) for c in self.changed]
        keyed += [(order(r.new[0]), 2, r) for r in self.lineage]
        keyed += [(order(i), 0, ("added", i)) for i in self.added]
        keyed += [(order(i), 3, ("removed", i)) for i in self.removed]
        keyed.sort(key=lambda k: (k[0], k[1]))
        return [entry for _key, _n, entry in keyed]


class Presenter:
    """What a reader sees of a diff, independent of the output format."""

    def __init__(
        self,
        diff: Diff,
        *,
        schema: Schema = BUILTIN_SCHEMA,
        language: str | None = None,
        translate: Translate | None = None,
        order: Mapping[str, int] | None = None,
    ) -> None:
        self.diff = diff
        self.schema = schema
        self.language = language
        self.t: Translate = translate or (lambda message: message)
        #: Reading order of the items (ID -> position); else by ID.
        self.position = order
        #: Field views made so far: a change log shows each one twice (in
        #: the changes by field and in the Synopse); keyed by the change's
        #: identity, which lives as long as ``diff``.
        self._field_views: dict[tuple[str, int, tuple[str, str] | None], FieldView] = {}
        self._specs_by_type: dict[str, dict[str, OptionSpec]] = {}

    # -- names and labels -----------------------------------------------------

    def snapshot(self, side: Side) -> Snapshot:
        return self.diff.old if side == "old" else self.diff.new

    def item(self, side: Side, item_id: str) -> Mapping[str, Any]:
        return self.snapshot(side).items.get(item_id, {})

    def name(self, side: Side, item_id: str) -> str:
        """``BIL-M3 Fortbildungen …``: how an item is named in a change log."""
        title = self.snapshot(side).title_of(item_id)
        return f"{item_id} {title}" if title else item_id

    def label(self, message: str) -> str:
        return self.t(message)

    def class_label(self, name: str) -> str:
        return self.t(CLASS_LABELS[name])

    def version_label(self, side: Side) -> str:
        return self.t(MSG_VERSION).format(version=self.snapshot(side).version)

    def field_label(self, item_type: str, name: str) -> str:
        spec = self._spec(item_type, name)
        if spec is not None:
            return self.t(spec.label)
        if name in _FIELD_LABELS:
            return self.t(_FIELD_LABELS[name])
        return name

    def _spec(self, item_type: str, name: str) -> OptionSpec | None:
        if name == "field":
            return None
        return self._specs(item_type).get(name)

    def _specs(self, item_type: str) -> dict[str, OptionSpec]:
        """The options of a type by export key, in the schema's order (made
        once per type: a change log asks for every changed field)."""
        specs = self._specs_by_type.get(item_type)
        if specs is None:
            item_type_spec = self.schema.types.get(item_type)
            options = item_type_spec.options if item_type_spec else ()
            specs = self._specs_by_type[item_type] = {}
            for spec in options:
                specs.setdefault(spec.export_key, spec)
        return specs

    def field_key(self, item_type: str, name: str) -> tuple[int, int, str]:
        """Title and text first, then the options in the order the schema
        declares them (the order of an item's page), then anything else."""
        if name in ("title", "text"):
            return (0, ("title", "text").index(name), name)
        if name == "field":
            return (1, 0, name)
        keys = self._specs(item_type)
        if name in keys:
            return (2, list(keys).index(name), name)
        return (3, 0, name)

    def ordered(self, item_type: str, fields: Mapping[str, FieldChange]) -> list[FieldChange]:
        """The changed fields of an item in reading order."""
        return [fields[n] for n in sorted(fields, key=lambda n: self.field_key(item_type, n))]

    def join(self, parts: Sequence[str]) -> str:
        """``A``, ``A und B``, ``A, B und C``."""
        if len(parts) < 2:
            return "".join(parts)
        return self.t(MSG_AND).format(items=", ".join(parts[:-1]), last=parts[-1])

    def order_key(self, item_id: str) -> Any:
        if self.position is not None and item_id in self.position:
            return (0, self.position[item_id], ())
        return (1, 0, natural_key(item_id))

    # -- values -----------------------------------------------------------------

    def values(
        self, side: Side, item_type: str, name: str, value: Any, unit: str | None = None
    ) -> list[str]:
        """A field's value as a reader writes it; a list of IDs is a list of names.

        ``unit`` is the unit of an indicator's values.
        """
        if value is None or value == "" or value == [] or value == {}:
            return []
        spec = self._spec(item_type, name)
        kind = spec.kind if spec else None
        if name == "field" or kind in (Kind.REF, Kind.REFS):
            ids = value if isinstance(value, list) else [value]
            targets = spec.targets if spec else ("field",)
            by_title = set(targets) <= {"actor", "field"}
            return [self._ref(side, str(i), by_title) for i in ids]
        if name == "invalid" and isinstance(value, Mapping):
            return [f":{k}: {v}" for k, v in sorted(value.items())]
        if spec is None:
            return [", ".join(map(str, value)) if isinstance(value, list) else str(value)]
        return self._formatted(spec, value, unit)

    def _ref(self, side: Side, item_id: str, by_title: bool) -> str:
        title = self.snapshot(side).title_of(item_id)
        if by_title and title:
            return title
        return f"{item_id} {title}" if title else item_id

    def _formatted(self, spec: OptionSpec, value: Any, unit: str | None) -> list[str]:
        kind = spec.kind
        try:
            vocabulary = self.schema.vocabularies.get(spec.vocabulary or "")
            if kind is Kind.CHOICE and vocabulary is not None:
                term = vocabulary.term(str(value))
                return [self.t(term.label) if term else str(value)]
            if kind is Kind.DATE:
                return [format_date(str(value), self.language)]
            if kind is Kind.MONEY:
                return [format_money(value, self.language)]
            if kind is Kind.NUMBER:
                return [format_number(value, self.language)]
            if kind is Kind.POINT:
                return [format_point(value, unit, self.language)]
            if kind is Kind.SERIES:
                return [format_point(p, unit, self.language) for p in value]
        except (KeyError, TypeError, ValueError, ArithmeticError):
            pass  # a snapshot from elsewhere: show the value as stored
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)]

    def field_view(
        self, item_type: str, change: FieldChange, ids: tuple[str, str] | None = None
    ) -> FieldView:
        """``ids``: the item's (old, new) IDs, for the unit of an indicator."""
        key = (item_type, id(change), ids)
        view = self._field_views.get(key)
        if view is None:
            view = self._field_views[key] = self._field_view(item_type, change, ids)
        return view

    def _field_view(
        self, item_type: str, change: FieldChange, ids: tuple[str, str] | None
    ) -> FieldView:
        label = self.field_label(item_type, change.name)
        old_unit = new_unit = None
        if ids is not None:
            old_unit = _text_or_none(self.item("old", ids[0]).get("unit"))
            new_unit = _text_or_none(self.item("new", ids[1]).get("unit"))
        old = self.values("old", item_type, change.name, change.old, old_unit)
        new = self.values("new", item_type, change.name, change.new, new_unit)
        spec = self._spec(item_type, change.name)
        prose = change.name in ("title", "text") or (spec is not None and spec.kind is Kind.TEXT)
        if prose:
            segments = word_diff(" ".join(old), " ".join(new))
            return FieldView(
                change.name,
                label,
                segments,
                [s for s in segments if s.kind != "insert"],
                [s for s in segments if s.kind != "delete"],
                prose=change.name == "text",
            )
        is_list = isinstance(change.old, list) or isinstance(change.new, list)
        if is_list:
            return self._list_view(change.name, label, old, new)
        old_side = [Segment("delete", " ".join(old))] if old else []
        new_side = [Segment("insert", " ".join(new))] if new else []
        inline = [*old_side, Segment("equal", " → "), *new_side] if old and new else []
        return FieldView(
            change.name, label, inline or old_side + new_side, old_side, new_side, prose=False
        )

    def _list_view(self, name: str, label: str, old: list[str], new: list[str]) -> FieldView:
        """Kept entries plain, dropped ones deleted, new ones inserted."""
        kept = [v for v in new if v in old]
        inline: list[Segment] = []
        for kind, values in (("equal", kept), ("delete", [v for v in old if v not in new])):
            inline += [Segment(kind, v) for v in values]  # type: ignore[arg-type]
        inline += [Segment("insert", v) for v in new if v not in old]
        old_side = [Segment("equal" if v in new else "delete", v) for v in old]
        new_side = [Segment("equal" if v in old else "insert", v) for v in new]
        return FieldView(
            name, label, _commas(inline), _commas(old_side), _commas(new_side), prose=False
        )

    def item_fields(self, side: Side, item_id: str) -> list[tuple[str, str]]:
        """Every field of an item with a value (for new and removed items)."""
        item = self.item(side, item_id)
        item_type = str(item.get("type", ""))
        rows = []
        for name in sorted(item.keys(), key=lambda n: self.field_key(item_type, n)):
            if name in ("title", "text", "type", "id", "docname", "line", "anchor", "replaces"):
                continue
            unit = _text_or_none(item.get("unit"))
            values = self.values(side, item_type, name, item.get(name), unit)
            if values:
                rows.append((self.field_label(item_type, name), ", ".join(values)))
        return rows

    # -- structure --------------------------------------------------------------

    def groups(self) -> list[Group]:
        """The changes by field of action, fields in reading order, then the rest."""
        diff = self.diff
        groups: dict[str, Group] = {}

        def group_for(side: Side, item_id: str) -> Group:
            item = self.item(side, item_id)
            item_type = str(item.get("type", ""))
            field_id = item.get("field") if item_type != "field" else item_id
            if isinstance(field_id, str) and field_id:
                key = f"field:{field_id}"
                title = self.snapshot(side).title_of(field_id) or field_id
                if field_id not in diff.new.items and field_id in diff.old.items:
                    title = diff.old.title_of(field_id) or field_id
                elif field_id in diff.new.items:
                    title = diff.new.title_of(field_id) or field_id
            elif item_type in ("goal", "measure") and item.get("level") != "guiding":
                key, title = "none", self.t(MSG_WITHOUT_FIELD)
            else:
                key = f"type:{item_type}"
                title = self.t(_GROUP_LABELS.get(item_type, item_type))
            return groups.setdefault(key, Group(key, title))

        for item_id in diff.added:
            group_for("new", item_id).added.append(item_id)
        for item_id in diff.removed:
            group_for("old", item_id).removed.append(item_id)
        for change in diff.changed:
            group_for("new", change.id).changed.append(change)
        for relation in diff.lineage:
            group_for("new", relation.new[0]).lineage.append(relation)
        return sorted(groups.values(), key=self._group_key)

    def _group_key(self, group: Group) -> Any:
        kind, _sep, rest = group.key.partition(":")
        if kind == "field":
            return (0, self.order_key(rest))
        if kind == "none":
            return (1, ())
        order = ["field", "goal", "actor", "indicator"]
        return (2, order.index(rest) if rest in order else len(order), rest)

    def lineage_parts(self, relation: Lineage) -> list[str | tuple[Side, tuple[str, ...]]]:
        """The sentence of a relation as text pieces and ``(side, ids)`` slots,
        so that a face can show the IDs as links."""
        template = self.t(LINEAGE_SENTENCES[relation.kind])
        parts: list[str | tuple[Side, tuple[str, ...]]] = []
        for piece in re.split(r"(\{old\}|\{new\})", template):
            if piece == "{old}":
                parts.append(("old", relation.old))
            elif piece == "{new}":
                parts.append(("new", relation.new))
            elif piece:
                parts.append(piece)
        return parts

    def lineage_sentence(self, relation: Lineage) -> str:
        return "".join(
            part if isinstance(part, str) else self.join(list(part[1]))
            for part in self.lineage_parts(relation)
        )

    def change_tags(self, change: Change) -> list[str]:
        """``changed``, ``moved``, ``suspect``: what a change is marked with
        (a suspect measure that did not change itself is only to review)."""
        tags = ["changed"] if change.fields or not change.suspect else []
        return tags + [flag for flag in ("moved", "suspect") if getattr(change, flag)]

    def suspect_note(self, change: Change) -> str:
        goals = self.join([self.name("new", g) for g in change.because])
        message = MSG_SUSPECT if len(change.because) == 1 else MSG_SUSPECT_PLURAL
        return self.t(message).format(goals=goals)

    def counts_sentence(self) -> str:
        """``Gegenüber der Fassung 2016: 3 neu, 2 geändert, …``."""
        counts = self.diff.counts()
        parts = []
        for name in SUMMARY_CLASSES:
            if name == "suspect" or not (counts[name] or name in _ALWAYS_COUNTED):
                continue
            part = f"{counts[name]} {self.class_label(name)}"
            if name == "changed" and counts["suspect"]:
                part += f" ({self.t(MSG_OF_WHICH).format(count=counts['suspect'])})"
            parts.append(part)
        return self.t(MSG_COMPARED).format(old=self.diff.old.version, counts=", ".join(parts))

    def field_counts(self) -> list[tuple[str, int]]:
        """How often each field changed, by the field's label (types merged)."""
        labels: dict[str, int] = {}
        counts: dict[tuple[str, str], int] = {}
        for change in self.diff.changed:
            for name in change.fields:
                counts[(name, change.type)] = counts.get((name, change.type), 0) + 1
        for relation in self.diff.lineage:
            item_type = str(self.item("new", relation.new[0]).get("type", ""))
            for name in relation.fields:
                counts[(name, item_type)] = counts.get((name, item_type), 0) + 1
        for (name, item_type), count in sorted(
            counts.items(), key=lambda kv: field_order(kv[0][0])
        ):
            label = self.field_label(item_type, name)
            labels[label] = labels.get(label, 0) + count
        return sorted(labels.items(), key=lambda kv: -kv[1])


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _commas(segments: list[Segment]) -> list[Segment]:
    result: list[Segment] = []
    for n, segment in enumerate(segments):
        if n:
            result.append(Segment("equal", ", "))
        result.append(segment)
    return result


def paragraphs(segments: Iterable[Segment]) -> list[list[Segment]]:
    """Split segments at blank lines (the paragraphs of an item's text)."""
    result: list[list[Segment]] = [[]]
    for segment in segments:
        pieces = re.split(r"\n\s*\n", segment.text)
        for n, piece in enumerate(pieces):
            if n:
                result.append([])
            if piece:
                result[-1].append(Segment(segment.kind, piece))
    return [p for p in result if p] or [[]]


# -- renderers ------------------------------------------------------------------

_ANSI = {
    "delete": "\x1b[31;9m",  # red, struck through
    "insert": "\x1b[32;4m",  # green, underlined
    "added": "\x1b[32m",
    "removed": "\x1b[31m",
    "changed": "\x1b[33m",
    "heading": "\x1b[1m",
    "dim": "\x1b[2m",
    "reset": "\x1b[0m",
}
_PLAIN_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def render_text(presenter: Presenter, *, color: bool = False) -> str:
    """For the terminal: coloured (and struck through / underlined, so not by
    colour alone), or with ``[-deleted-]{+inserted+}`` marks when plain."""
    p = presenter
    diff = p.diff

    def paint(style: str, text: str) -> str:
        return f"{_ANSI[style]}{text}{_ANSI['reset']}" if color and text else text

    def segments(parts: Iterable[Segment]) -> str:
        out = []
        for s in parts:
            if s.kind == "equal":
                out.append(s.text)
            elif color:
                out.append(paint(s.kind, s.text))
            else:
                start, end = _PLAIN_MARKS[s.kind]
                out.append(f"{start}{s.text}{end}")
        return "".join(out)

    lines = [
        paint("heading", f"konzept diff {diff.old.version} → {diff.new.version}"),
        f"  {p.version_label('old')}: {diff.old.title}"
        + (f"  ({diff.old.source})" if diff.old.source else ""),
        f"  {p.version_label('new')}: {diff.new.title}"
        + (f"  ({diff.new.source})" if diff.new.source else ""),
        "",
    ]
    if diff.is_empty:
        lines.append(p.label(MSG_NO_DIFFERENCES))
        return "\n".join(lines) + "\n"
    lines.append(p.counts_sentence())
    field_counts = p.field_counts()
    if field_counts:
        counted = ", ".join(f"{label} {count}" for label, count in field_counts)
        lines.append(f"{p.label(MSG_FIELDS_CHANGED)}: {counted}")
    if diff.lineage:
        lines += ["", paint("heading", p.label(MSG_LINEAGE))]
        lines += [f"  ~ {p.lineage_sentence(r)}" for r in diff.lineage]
    for group in p.groups():
        lines += ["", paint("heading", group.title)]
        for entry in group.entries(p.order_key):
            if isinstance(entry, tuple):
                kind, item_id = entry
                side: Side = "new" if kind == "added" else "old"
                mark = "+" if kind == "added" else "-"
                tag = p.class_label(kind)
                lines.append(paint(kind, f"  {mark} {p.name(side, item_id)}") + f"  ({tag})")
            elif isinstance(entry, Change):
                tags = [p.class_label(t) for t in p.change_tags(entry)]
                lines.append(
                    paint("changed", f"  ~ {p.name('new', entry.id)}") + f"  ({', '.join(tags)})"
                )
                if entry.suspect:
                    lines.append(f"      {p.suspect_note(entry)}")
                for change in p.ordered(entry.type, entry.fields):
                    view = p.field_view(entry.type, change, (entry.id, entry.id))
                    text = segments(view.inline).replace("\n\n", "\n        ")
                    lines.append(f"      {view.label}: {text}")
            else:
                lines.append(paint("changed", f"  ~ {p.lineage_sentence(entry)}"))
                item_type = str(p.item("new", entry.new[0]).get("type", ""))
                for change in p.ordered(item_type, entry.fields):
                    view = p.field_view(item_type, change, (entry.old[0], entry.new[0]))
                    text = segments(view.inline).replace("\n\n", "\n        ")
                    lines.append(f"      {view.label}: {text}")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text safe in Markdown (and in the HTML Markdown allows)."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]|#~])", r"\\\1", text)


def _md_segments(parts: Iterable[Segment]) -> str:
    out = []
    for s in parts:
        text = _md(s.text).replace("\n\n", "<br><br>").replace("\n", " ")
        if s.kind == "equal":
            out.append(text)
        elif s.kind == "delete":
            out.append(f"<del>{text}</del>")
        else:
            out.append(f"<ins>{text}</ins>")
    return "".join(out)


def render_markdown(presenter: Presenter) -> str:
    """GitHub-flavoured Markdown: lists of changes and a Synopse table;
    insertions and deletions as ``<ins>``/``<del>``."""
    p = presenter
    diff = p.diff
    lines = [
        f"# {_md(diff.old.version)} → {_md(diff.new.version)}",
        "",
        f"- {_md(p.version_label('old'))}: {_md(diff.old.title)}",
        f"- {_md(p.version_label('new'))}: {_md(diff.new.title)}",
        "",
    ]
    if diff.is_empty:
        return "\n".join([*lines, _md(p.label(MSG_NO_DIFFERENCES)), ""])
    lines += [f"## {_md(p.label(MSG_SUMMARY))}", "", _md(p.counts_sentence()), ""]
    lines += _md_summary_table(p)
    if diff.lineage:
        lines += [f"## {_md(p.label(MSG_LINEAGE))}", ""]
        lines += [f"- {_md(p.lineage_sentence(r))}" for r in diff.lineage]
        lines.append("")
    lines += [f"## {_md(p.label(MSG_CHANGES))}", ""]
    for group in p.groups():
        lines += [f"### {_md(group.title)}", ""]
        for entry in group.entries(p.order_key):
            if isinstance(entry, tuple):
                kind, item_id = entry
                side: Side = "new" if kind == "added" else "old"
                lines.append(f"- **{_md(p.class_label(kind))}:** {_md(p.name(side, item_id))}")
            elif isinstance(entry, Change):
                tags = [p.class_label(t) for t in p.change_tags(entry)]
                lines.append(f"- **{_md(', '.join(tags))}:** {_md(p.name('new', entry.id))}")
                if entry.suspect:
                    lines.append(f"  - {_md(p.suspect_note(entry))}")
                for change in p.ordered(entry.type, entry.fields):
                    view = p.field_view(entry.type, change, (entry.id, entry.id))
                    lines.append(f"  - {_md(view.label)}: {_md_segments(view.inline)}")
            else:
                lines.append(
                    f"- **{_md(p.class_label(entry.kind))}:** {_md(p.lineage_sentence(entry))}"
                )
        lines.append("")
    lines += [f"## {_md(p.label(MSG_SYNOPSIS))}", ""]
    for group in p.groups():
        lines += [f"### {_md(group.title)}", ""]
        lines.append(f"| {_md(p.version_label('old'))} | {_md(p.version_label('new'))} |")
        lines.append("| --- | --- |")
        for old, new in synopsis_rows(p, group):
            lines.append(f"| {_md_cell(old)} | {_md_cell(new)} |")
        lines.append("")
    return "\n".join(lines)


def _md_cell(blocks: list[SynopsisBlock]) -> str:
    parts = []
    for block in blocks:
        text = _md_segments(block.segments)
        if block.role == "name":
            text = f"**{text}**"
        elif block.label:
            text = f"*{_md(block.label)}:* {text}"
        parts.append(text)
    return "<br>".join(parts) or "–"


def _md_summary_table(p: Presenter) -> list[str]:
    header, rows = summary_table(p)
    lines = ["| " + " | ".join(_md(h) for h in header) + " |"]
    lines.append("| " + " | ".join(["---"] + ["---:"] * (len(header) - 1)) + " |")
    for row in rows:
        lines.append("| " + " | ".join(_md(str(c)) for c in row) + " |")
    return [*lines, ""]


def summary_table(p: Presenter) -> tuple[list[str], list[list[str | int]]]:
    """Counts per class (columns) and field of action (rows), with a total row."""
    groups = p.groups()
    columns = [
        name
        for name in SUMMARY_CLASSES
        if name != "unchanged" and any(g.counts()[name] for g in groups)
    ]
    header = [p.t(_FIELD_LABELS["field"])]
    header += [p.class_label(name) for name in columns]
    rows: list[list[str | int]] = []
    totals = dict.fromkeys(columns, 0)
    for group in groups:
        counts = group.counts()
        rows.append([group.title, *(counts[name] for name in columns)])
        for name in columns:
            totals[name] += counts[name]
    rows.append([p.t(MSG_TOTAL), *(totals[name] for name in columns)])
    return header, rows


@dataclass(frozen=True)
class SynopsisBlock:
    """One line or paragraph of a Synopse cell."""

    #: "name" (the item's ID and title), "field" (a labelled value), "text"
    #: (a paragraph of the body), "note"
    role: str
    segments: list[Segment]
    label: str = ""


def synopsis_rows(
    p: Presenter, group: Group
) -> list[tuple[list[SynopsisBlock], list[SynopsisBlock]]]:
    """The rows (old cell, new cell) of a group's Synopse."""
    rows = []
    for entry in group.entries(p.order_key):
        if isinstance(entry, tuple):
            kind, item_id = entry
            side: Side = "new" if kind == "added" else "old"
            blocks = _whole_item(p, side, item_id)
            note = [SynopsisBlock("note", [Segment("equal", p.t(MSG_NOT_IN))])]
            rows.append((note, blocks) if kind == "added" else (blocks, note))
        elif isinstance(entry, Change):
            rows.append(_changed_item(p, entry.id, entry.id, entry.type, entry.fields))
        elif entry.kind == "renamed":
            item_type = str(p.item("new", entry.new[0]).get("type", ""))
            rows.append(_changed_item(p, entry.old[0], entry.new[0], item_type, entry.fields))
        else:
            old = [b for i in entry.old for b in _whole_item(p, "old", i)]
            new = [b for i in entry.new for b in _whole_item(p, "new", i)]
            rows.append((old, new))
    return rows


def _whole_item(p: Presenter, side: Side, item_id: str) -> list[SynopsisBlock]:
    item = p.item(side, item_id)
    blocks = [SynopsisBlock("name", [Segment("equal", p.name(side, item_id))])]
    for label, value in p.item_fields(side, item_id):
        blocks.append(SynopsisBlock("field", [Segment("equal", value)], label))
    text = str(item.get("text") or "")
    for paragraph in paragraphs([Segment("equal", text)] if text else []):
        if paragraph:
            blocks.append(SynopsisBlock("text", paragraph))
    return blocks


def _changed_item(
    p: Presenter, old_id: str, new_id: str, item_type: str, fields: Mapping[str, FieldChange]
) -> tuple[list[SynopsisBlock], list[SynopsisBlock]]:
    views = {
        change.name: p.field_view(item_type, change, (old_id, new_id))
        for change in p.ordered(item_type, fields)
    }
    sides: list[list[SynopsisBlock]] = []
    for side, item_id in (("old", old_id), ("new", new_id)):
        item = p.item(side, item_id)  # type: ignore[arg-type]
        title = views.get("title")
        name_segments = [Segment("equal", f"{item_id} ")]
        if title is not None:
            name_segments += title.old if side == "old" else title.new
        else:
            name_segments.append(Segment("equal", str(item.get("title") or "")))
        if old_id != new_id:
            name_segments[0] = Segment("delete" if side == "old" else "insert", item_id)
            name_segments.insert(1, Segment("equal", " "))
        blocks = [SynopsisBlock("name", name_segments)]
        for name, view in views.items():
            if name in ("title", "text"):
                continue
            segments = view.old if side == "old" else view.new
            blocks.append(SynopsisBlock("field", segments or [Segment("equal", "–")], view.label))
        if "text" in views:
            segments = views["text"].old if side == "old" else views["text"].new
        else:
            text = str(item.get("text") or "")
            segments = [Segment("equal", text)] if text else []
        for paragraph in paragraphs(segments):
            if paragraph:
                blocks.append(SynopsisBlock("text", paragraph))
        sides.append(blocks)
    return sides[0], sides[1]


_HTML_STYLE = """
body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a;
  max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
td.num { text-align: right; }
table.synopsis td { width: 50%; }
ins { text-decoration: underline; text-decoration-thickness: 2px; background: #ddf4dd;
  color: inherit; }
del { text-decoration: line-through; background: #fbe0e0; color: inherit; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.tag { font-size: 0.85em; border: 1px solid currentColor; border-radius: 0.7em; padding: 0 0.4em; }
@media print { ins, del { background: none; } tr { break-inside: avoid; } }
"""


def render_html(presenter: Presenter) -> str:
    """A standalone, accessible HTML page (``<ins>``/``<del>`` with hidden
    "inserted:"/"deleted:" for screen readers; underline and strike-through
    besides colour)."""
    p = presenter
    diff = p.diff
    e = html.escape
    lang = (p.language or "en").split("_")[0]

    def segs(parts: Iterable[Segment]) -> str:
        out = []
        for s in parts:
            text = e(s.text).replace("\n\n", "<br><br>")
            if s.kind == "equal":
                out.append(text)
            else:
                tag = "ins" if s.kind == "insert" else "del"
                hidden = e(p.t(MSG_INSERTED if s.kind == "insert" else MSG_DELETED))
                out.append(f'<{tag}><span class="sr">{hidden} </span>{text}</{tag}>')
        return "".join(out)

    title = f"{diff.old.version} → {diff.new.version}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_HTML_STYLE}</style></head>",
        "<body><main>",
        f"<h1>{e(title)}</h1>",
        "<ul>",
        f"<li>{e(p.version_label('old'))}: {e(diff.old.title)}</li>",
        f"<li>{e(p.version_label('new'))}: {e(diff.new.title)}</li>",
        "</ul>",
    ]
    if diff.is_empty:
        out += [f"<p>{e(p.label(MSG_NO_DIFFERENCES))}</p>", "</main></body></html>", ""]
        return "\n".join(out)
    out += [f"<h2>{e(p.label(MSG_SUMMARY))}</h2>", f"<p>{e(p.counts_sentence())}</p>"]
    header, rows = summary_table(p)
    out.append("<table><thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in header))
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f'<th scope="row">{e(str(row[0]))}</th>']
        cells += [f'<td class="num">{e(str(c))}</td>' for c in row[1:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    if diff.lineage:
        out += [f"<h2>{e(p.label(MSG_LINEAGE))}</h2>", "<ul>"]
        out += [f"<li>{e(p.lineage_sentence(r))}</li>" for r in diff.lineage]
        out.append("</ul>")
    out.append(f"<h2>{e(p.label(MSG_CHANGES))}</h2>")
    for group in p.groups():
        out += [f"<h3>{e(group.title)}</h3>", "<ul>"]
        for entry in group.entries(p.order_key):
            if isinstance(entry, tuple):
                kind, item_id = entry
                side: Side = "new" if kind == "added" else "old"
                out.append(
                    f'<li><span class="tag">{e(p.class_label(kind))}</span> '
                    f"{e(p.name(side, item_id))}</li>"
                )
            elif isinstance(entry, Change):
                tags = [p.class_label(t) for t in p.change_tags(entry)]
                tag_html = " ".join(f'<span class="tag">{e(t)}</span>' for t in tags)
                out.append(f"<li>{tag_html} {e(p.name('new', entry.id))}<ul>")
                if entry.suspect:
                    out.append(f"<li>{e(p.suspect_note(entry))}</li>")
                for change in p.ordered(entry.type, entry.fields):
                    view = p.field_view(entry.type, change, (entry.id, entry.id))
                    out.append(f"<li>{e(view.label)}: {segs(view.inline)}</li>")
                out.append("</ul></li>")
            else:
                out.append(
                    f'<li><span class="tag">{e(p.class_label(entry.kind))}</span> '
                    f"{e(p.lineage_sentence(entry))}</li>"
                )
        out.append("</ul>")
    out.append(f"<h2>{e(p.label(MSG_SYNOPSIS))}</h2>")
    for group in p.groups():
        out.append(f"<h3>{e(group.title)}</h3>")
        out.append('<table class="synopsis"><thead><tr>')
        out.append(f'<th scope="col">{e(p.version_label("old"))}</th>')
        out.append(f'<th scope="col">{e(p.version_label("new"))}</th></tr></thead><tbody>')
        for old, new in synopsis_rows(p, group):
            out.append(f"<tr><td>{_html_cell(old, segs)}</td><td>{_html_cell(new, segs)}</td></tr>")
        out.append("</tbody></table>")
    out += ["</main></body></html>", ""]
    return "\n".join(out)


def _html_cell(blocks: list[SynopsisBlock], segs: Callable[[Iterable[Segment]], str]) -> str:
    parts = []
    for block in blocks:
        if block.role == "name":
            parts.append(f"<p><strong>{segs(block.segments)}</strong></p>")
        elif block.label:
            parts.append(f"<p><em>{html.escape(block.label)}:</em> {segs(block.segments)}</p>")
        else:
            parts.append(f"<p>{segs(block.segments)}</p>")
    return "".join(parts)
