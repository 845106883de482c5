"""The whole concept: all items, resolved and checked against each other.

:func:`build_concept` is the single resolution step. It is linear in the
number of items and references: every check walks each item or each
reference once, with dictionaries for lookups.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .ids import IdSuggester
from .model import Diagnostic, Item
from .schema import Kind, Schema
from .values import is_valid_id


@dataclass(frozen=True)
class Reference:
    """A reference from running text (a role) to an item."""

    docname: str
    line: int
    target: str
    #: The item type the role asks for; ``None`` for the generic role.
    type: str | None = None


@dataclass
class Concept:
    schema: Schema
    #: Items with a valid, unique ID, in document order (docname, line).
    items: dict[str, Item]
    #: Items that cannot be indexed (no ID, bad ID, duplicate ID).
    unindexed: list[Item]
    #: Resolved field of every item that has one (by ID).
    field_of: dict[str, str]
    diagnostics: list[Diagnostic]
    #: Reverse links: target ID -> option -> IDs of the items naming it.
    backlinks: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: The field each page sets in its front matter (only valid ones).
    page_fields: dict[str, str] = field(default_factory=dict)

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def of_type(self, item_type: str) -> list[Item]:
        return [item for item in self.items.values() if item.type == item_type]

    def linked_from(self, item_id: str, option: str) -> list[str]:
        """IDs of the items whose ``option`` names ``item_id``."""
        return self.backlinks.get(item_id, {}).get(option, [])

    def field_of_item(self, item: Item) -> str | None:
        if item.id is not None and self.items.get(item.id) is item:
            return self.field_of.get(item.id)
        return _FieldResolver(self, self.page_fields).field_of_item(item)

    def signature(self, item_id: str) -> str:
        """A digest of everything any page shows of this item.

        Pages are re-written when the signature of an item they show changes;
        it covers the item's own data, its resolved field, and the names and
        places of the items it links to and that link to it.
        """
        return self._signature(item_id, lambda i: _json(self._face(i)))

    def signatures(self) -> dict[str, str]:
        """:meth:`signature` of every item (each item's face written once)."""
        faces: dict[str, str] = {}

        def face(item_id: str) -> str:
            known = faces.get(item_id)
            if known is None:
                known = faces[item_id] = _json(self._face(item_id))
            return known

        return {item_id: self._signature(item_id, face) for item_id in self.items}

    def _signature(self, item_id: str, face: Callable[[str], str]) -> str:
        item = self.items[item_id]
        related = sorted(
            set(self.shown_with(item))
            | {i for ids in self.backlinks.get(item_id, {}).values() for i in ids}
        )
        own = _json([item.options, item.raw])
        # one JSON text per line: JSON has no line break of its own
        text = "\n".join([own, face(item_id), *(face(r) for r in related)])
        return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()

    def _face(self, item_id: str) -> list[object]:
        item = self.items.get(item_id)
        if item is None:
            return [item_id]
        return [
            item_id,
            item.type,
            item.title,
            item.docname,
            item.anchor,
            self.field_of.get(item_id),
            item.options.get("level"),
            item.options.get("kind"),
            item.options.get("status"),
        ]

    def shown_with(self, item: Item) -> list[str]:
        """IDs of the items a page shows with this one: its references and field."""
        field = self.field_of_item(item)
        return [*self.targets(item), *([field] if field else [])]

    def targets(self, item: Item) -> list[str]:
        """IDs this item names in its reference options (existing or not)."""
        result: list[str] = []
        item_type = self.schema.type(item.type)
        for spec in item_type.options:
            if spec.kind not in (Kind.REF, Kind.REFS):
                continue
            value = item.options.get(spec.name)
            if isinstance(value, str):
                result.append(value)
            elif isinstance(value, list):
                result.extend(value)
        return result


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def build_concept(
    items: Iterable[Item],
    schema: Schema,
    page_fields: Mapping[str, str] | None = None,
    references: Iterable[Reference] = (),
    document_order: Mapping[str, int] | None = None,
) -> Concept:
    """Index, resolve and check all items of a project.

    Items are kept in reading order: by ``document_order`` (the position of
    each page in the table of contents) when given, then by page and line.
    """
    position = document_order or {}
    last = len(position)
    ordered = sorted(
        items, key=lambda i: (position.get(i.docname, last), i.docname, i.line, i.type, i.title)
    )
    diagnostics: list[Diagnostic] = [d for item in ordered for d in item.diagnostics]
    indexed: dict[str, Item] = {}
    unindexed: list[Item] = []
    clashes: list[tuple[Item, Item]] = []
    for item in ordered:
        if item.id is None:
            unindexed.append(item)
        elif item.id in indexed:
            clashes.append((item, indexed[item.id]))
            unindexed.append(item)
        else:
            indexed[item.id] = item

    concept = Concept(schema, indexed, unindexed, {}, diagnostics)
    pages = dict(page_fields or {})
    _check_page_fields(concept, pages, diagnostics)
    concept.page_fields = pages
    resolver = _FieldResolver(concept, pages)
    concept.field_of = {item_id: f for item_id in indexed if (f := resolver.field(item_id))}

    _check_references(concept, diagnostics)
    _check_role_references(concept, references, diagnostics)
    _check_cycles(concept, diagnostics)
    _check_fields(concept, resolver, diagnostics)
    _name_unindexed(concept, resolver, clashes, diagnostics)
    concept.backlinks = _backlinks(concept)
    diagnostics.sort()
    return concept


# -- field inheritance -------------------------------------------------------


class _FieldResolver:
    """Which field an item belongs to.

    An explicit ``:field:`` wins, then an enclosing ``field`` block, then the
    page's ``konzept_field``; a goal without any of these inherits from its
    parent, a measure from its first goal.
    """

    def __init__(self, concept: Concept, page_fields: Mapping[str, str]) -> None:
        self.concept = concept
        self.page_fields = page_fields
        self.memo: dict[str, str | None] = {}

    def explicit(self, item: Item) -> str | None:
        if item.type == "field":
            return item.id
        for value in (
            item.options.get("field"),
            item.context_field,
            self.page_fields.get(item.docname),
        ):
            if isinstance(value, str) and self._is_field(value):
                return value
        return None

    def _is_field(self, item_id: str) -> bool:
        target = self.concept.items.get(item_id)
        return target is not None and target.type == "field"

    def field(self, item_id: str) -> str | None:
        # Follow parent/first-goal links iteratively; a visited set keeps
        # cycles (reported elsewhere) from looping.
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = item_id
        result: str | None = None
        while current is not None and current not in seen:
            if current in self.memo:
                result = self.memo[current]
                break
            item = self.concept.items.get(current)
            if item is None:
                break
            seen.add(current)
            chain.append(current)
            result = self.explicit(item)
            if result is not None:
                break
            current = self._inherits_from(item)
        for visited in chain:
            self.memo[visited] = result
        return result

    def field_of_item(self, item: Item) -> str | None:
        if item.id is not None and self.concept.items.get(item.id) is item:
            return self.field(item.id)
        explicit = self.explicit(item)
        if explicit is not None:
            return explicit
        parent = self._inherits_from(item)
        return self.field(parent) if parent else None

    def _inherits_from(self, item: Item) -> str | None:
        if item.type == "goal":
            parent = item.options.get("parent")
            return parent if isinstance(parent, str) else None
        if item.type == "measure":
            goals = item.options.get("goals")
            if isinstance(goals, list):
                # the first goal that exists (an unknown one is reported elsewhere)
                return next((g for g in goals if g in self.concept.items), None)
        return None


# -- checks ------------------------------------------------------------------


def _check_page_fields(
    concept: Concept, pages: dict[str, str], diagnostics: list[Diagnostic]
) -> None:
    for docname in sorted(pages):
        value = pages[docname]
        target = concept.items.get(value)
        if target is None or target.type != "field":
            diagnostics.append(
                Diagnostic(
                    docname,
                    1,
                    "unknown_ref",
                    f"The front matter sets konzept_field: {value!r}, which is not the ID of a "
                    f"field{_did_you_mean(value, _ids_of(concept, ('field',)))}; "
                    "correct it or define that field.",
                )
            )
            del pages[docname]


def article(noun: str) -> str:
    """``an actor``, ``a goal``."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _ids_of(concept: Concept, types: tuple[str, ...]) -> list[str]:
    return [i for i, item in concept.items.items() if item.type in types]


def _did_you_mean(value: str, candidates: list[str]) -> str:
    guess = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f" (did you mean {guess[0]!r}?)" if guess else ""


def _check_references(concept: Concept, diagnostics: list[Diagnostic]) -> None:
    candidates: dict[tuple[str, ...], list[str]] = {}
    for item in [*concept.items.values(), *concept.unindexed]:
        item_type = concept.schema.type(item.type)
        for spec in item_type.options:
            if spec.kind not in (Kind.REF, Kind.REFS) or spec.name not in item.options:
                continue
            value = item.options[spec.name]
            for target in value if isinstance(value, list) else [value]:
                found = concept.items.get(target)
                who = f"The {item.type} {item.label}"
                where = f"':{spec.name}:' names {target!r}"
                wanted = " or ".join(spec.targets)
                a_wanted = article(wanted)
                line = item.line_of(spec.name)
                if found is None:
                    if spec.targets not in candidates:
                        candidates[spec.targets] = _ids_of(concept, spec.targets)
                    hint = _did_you_mean(target, candidates[spec.targets])
                    diagnostics.append(
                        Diagnostic(
                            item.docname,
                            line,
                            "unknown_ref",
                            f"{who}: {where}, but no {wanted} has that ID{hint}; "
                            "correct the ID or define the item.",
                        )
                    )
                elif found.type not in spec.targets:
                    diagnostics.append(
                        Diagnostic(
                            item.docname,
                            line,
                            "wrong_type",
                            f"{who}: {where}, which is {article(found.type)}, not {a_wanted}; "
                            f"name {a_wanted} there.",
                        )
                    )
                elif target == item.id:
                    diagnostics.append(
                        Diagnostic(
                            item.docname,
                            line,
                            "cycle",
                            f"{who}: {where}, i.e. itself; remove it.",
                        )
                    )


def _check_role_references(
    concept: Concept, references: Iterable[Reference], diagnostics: list[Diagnostic]
) -> None:
    all_ids: list[str] | None = None
    for ref in references:
        found = concept.items.get(ref.target)
        if found is None:
            if all_ids is None:
                all_ids = list(concept.items)
            hint = _did_you_mean(ref.target, all_ids)
            diagnostics.append(
                Diagnostic(
                    ref.docname,
                    ref.line,
                    "unknown_ref",
                    f"The reference to {ref.target!r} names no item{hint}; "
                    "correct the ID or define the item.",
                )
            )
        elif ref.type is not None and found.type != ref.type:
            diagnostics.append(
                Diagnostic(
                    ref.docname,
                    ref.line,
                    "wrong_type",
                    f"The {{{ref.type}}} reference to {ref.target!r} names {article(found.type)}; "
                    f"write {{{found.type}}}`{ref.target}` or {{konzept}}`{ref.target}`.",
                )
            )


def _check_cycles(concept: Concept, diagnostics: list[Diagnostic]) -> None:
    """Report each cycle of ``:parent:`` links once (linear: each goal is walked once)."""
    done: set[str] = set()
    for start, item in concept.items.items():
        if item.type != "goal" or start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current is not None and current not in done and current not in on_path:
            path.append(current)
            on_path.add(current)
            node = concept.items.get(current)
            parent = node.options.get("parent") if node else None
            current = parent if isinstance(parent, str) and parent != current else None
        if current is not None and current in on_path:
            cycle = path[path.index(current) :]
            first = min((concept.items[c] for c in cycle), key=lambda i: (i.docname, i.line))
            chain = " → ".join([*cycle, cycle[0]])
            diagnostics.append(
                Diagnostic(
                    first.docname,
                    first.line_of("parent"),
                    "cycle",
                    f"The goals form a cycle through ':parent:' ({chain}); "
                    "a goal cannot be above itself, remove one of these links.",
                )
            )
        done.update(path)


def _check_fields(
    concept: Concept, resolver: _FieldResolver, diagnostics: list[Diagnostic]
) -> None:
    for item in [*concept.items.values(), *concept.unindexed]:
        if item.type not in ("goal", "measure"):
            continue
        if item.type == "goal" and item.options.get("level") == "guiding":
            continue
        if resolver.field_of_item(item) is None:
            diagnostics.append(
                Diagnostic(
                    item.docname,
                    item.line,
                    "missing_option",
                    f"The {item.type} {item.label} belongs to no field of action: set "
                    "':field:', put it inside a {field} block, or set konzept_field in "
                    "the page's front matter.",
                )
            )


def _name_unindexed(
    concept: Concept,
    resolver: _FieldResolver,
    clashes: list[tuple[Item, Item]],
    diagnostics: list[Diagnostic],
) -> None:
    if not concept.unindexed:
        return
    suggester = IdSuggester(
        (item_id, item.type, concept.field_of.get(item_id))
        for item_id, item in concept.items.items()
    )
    first_of = {id(dup): first for dup, first in clashes}
    for item in concept.unindexed:
        letter = concept.schema.type(item.type).id_letter
        free = suggester.suggest(item.type, resolver.field_of_item(item), letter)
        given = item.raw.get("id", "").strip()
        line = item.line_of("id")
        consequence = (
            "it is shown on its page, but cannot be referenced "
            "(konzept.json lists it under 'unindexed')"
        )
        if id(item) in first_of:
            first = first_of[id(item)]
            message = (
                f"The ID {given!r} of this {item.type} is already used by the "
                f"{first.type} in '{first.docname}' line {first.line}; {consequence}. "
                f"Give it a free ID, e.g. ':id: {free}'."
            )
            code = "duplicate_id"
        elif given and not is_valid_id(given):
            message = (
                f"{given!r} is not a usable ID for the {item.type} {item.label}: "
                f"use letters A-Z, digits and single '-', '_' or '.'; {consequence}. "
                f"E.g. ':id: {free}'."
            )
            code = "bad_id"
        else:
            message = (
                f"The {item.type} {item.label} has no ':id:'; {consequence}. "
                f"Add one, e.g. ':id: {free}' (the next free ID)."
            )
            code = "missing_id"
        diagnostics.append(Diagnostic(item.docname, line, code, message))


def _backlinks(concept: Concept) -> dict[str, dict[str, list[str]]]:
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for item_id, item in concept.items.items():
        item_type = concept.schema.type(item.type)
        for spec in item_type.options:
            if spec.kind not in (Kind.REF, Kind.REFS):
                continue
            value = item.options.get(spec.name)
            targets = (
                value if isinstance(value, list) else [value] if isinstance(value, str) else []
            )
            for target in targets:
                if target in concept.items and target != item_id:
                    links[target][spec.name].append(item_id)
    return {k: dict(v) for k, v in links.items()}
