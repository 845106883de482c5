"""Synthetic concepts of N items, written as three equivalent Sphinx projects.

One seeded model (fields, Leitziele, goals, measures, actors, indicators with
German text of realistic length, spread over about N/50 pages) is written as

- ``konzept/``: konzept's directives and roles, pages with ``konzept_field``
  front matter, overview pages with konzept's views and a change log against
  a mutated previous release (``releases/2020.json``);
- ``plain/``: the same text as ordinary MyST sections, field lists and static
  tables, no extension: the floor any extension is measured against;
- ``needs/``: the same items as sphinx-needs needs with the same links, and
  ``needtable`` where konzept has its views.

The model is fully covered (every goal has a measure, every actor a measure,
every indicator a goal, every Leitziel a goal), so the konzept project builds
without a single warning. The same seed gives byte-identical projects.

Usage: ``python bench/generate.py --items 1000 --out /tmp/bench [--views auto]``
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

#: The views of SPEC §5, in the order of the overview chapter.
VIEWS = (
    "traceability",
    "coverage",
    "actor-matrix",
    "annual-plan",
    "status-overview",
    "indicator-chart",
    "decisions",
    "changelog",
)
PROJECTS = ("konzept", "plain", "needs")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


PLAN_YEAR = "2017"
VERSION, PREVIOUS = "2021", "2020"

WORDS = _words(
    "Integration Teilhabe Bildung Ausbildung Sprachförderung Beratung Netzwerk Quartier "
    "Zuwanderung Familien Jugendliche Kinder Eltern Schulen Kitas Kommunen Verwaltung "
    "Ehrenamt Vereine Migrantenorganisationen Arbeitsmarkt Qualifizierung Anerkennung "
    "Gesundheit Prävention Wohnraum Begegnung Öffnung Vielfalt Zusammenhalt Übergang "
    "Förderung Angebote Strukturen Fachkräfte Lehrkräfte Sprachmittlung Dolmetscher "
    "Mehrsprachigkeit Willkommenskultur Antidiskriminierung Sportvereine Kulturarbeit "
    "Bürgerbeteiligung Sozialraum Stadtteil Landkreis Jobcenter Arbeitsagentur "
    "Wohlfahrtsverbände Integrationsrat Ausländerbehörde Berufskolleg Grundschule "
    "Hausaufgabenhilfe Elternarbeit Frühförderung Gesundheitsamt Pflege Senioren "
    "Geflüchtete Neuzugewanderte Frauen Männer Mädchen Jungen Mentoring Patenschaften "
    "Öffentlichkeitsarbeit Fortbildung Schulung Koordinierung Steuerung Monitoring "
    "Bestandsaufnahme Handlungsempfehlung Zielgruppe Maßnahmenplan Fördermittel "
    "Gemeinschaft Lebenslagen Chancengleichheit Zugänge Barrieren Regelsysteme"
)
SMALL = _words(
    "und für mit bei zur zum durch über in im der die das den dem des ein eine einer "
    "werden wird sind ist soll sollen können gemeinsam verstärkt dauerhaft frühzeitig "
    "niedrigschwellig kultursensibel regelmäßig zusätzlich künftig gezielt schrittweise "
    "kreisweit örtlich besser stärker vernetzt größere mehr alle neue ältere jüngere"
)
VERBS = _words(
    "ausbauen fördern unterstützen begleiten verbessern sichern entwickeln stärken "
    "verankern öffnen erreichen vermitteln qualifizieren beraten koordinieren"
)
STATUSES = ("planned", "ongoing", "ongoing", "ongoing", "done", "deferred", "dropped")
STATUS_DE = {
    "planned": "geplant",
    "ongoing": "laufend",
    "done": "abgeschlossen",
    "deferred": "zurückgestellt",
    "dropped": "entfallen",
}
ACTOR_TYPES = (
    "public",
    "municipality",
    "welfare",
    "education",
    "employment",
    "business",
    "migrant_org",
    "civil_society",
    "religious",
    "health",
)
FUNDING = ("KOMM-AN NRW", "Kreishaushalt", "Landesförderung KI", "ESF Plus", "Stiftungsmittel")
TYPE_DE = {
    "field": "Handlungsfeld",
    "guiding": "Leitziel",
    "goal": "Ziel",
    "measure": "Maßnahme",
    "actor": "Akteur",
    "indicator": "Indikator",
}
DECISIONS = [
    {"body": "Integrationsrat", "date": "2021-03-03", "kind": "hearing"},
    {"body": "Sozialausschuss", "date": "2021-04-20", "kind": "preliminary"},
    {
        "body": "Kreistag",
        "date": "2021-06-15",
        "kind": "resolution",
        "result": "adopted unchanged",
        "document": "12/034/2021",
    },
]
REF = re.compile(r"\[\[([A-Z0-9.-]+)\]\]")
PAGE_SIZE = 50


@dataclass
class Item:
    type: str  # field | goal | measure | actor | indicator
    id: str
    title: str
    #: Paragraphs; ``[[ID]]`` marks a reference in running text.
    body: list[str]
    #: Option values as written (a list for multi-valued options).
    options: dict[str, Any]
    page: str = ""

    @property
    def guiding(self) -> bool:
        return self.type == "goal" and self.options.get("level") == "guiding"

    def opt_list(self, name: str) -> list[str]:
        value = self.options.get(name)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]


@dataclass
class Page:
    docname: str
    title: str
    field_id: str | None = None
    intro: list[str] = field(default_factory=list)
    #: (section heading, item IDs)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class Model:
    n: int
    seed: int
    items: dict[str, Item]
    pages: list[Page]
    #: The previous release (mutated copy of the items) and what changed.
    previous: dict[str, Item]
    changes: dict[str, list[str]]
    #: Every measure's field and every goal's field (the field of its page).
    field_of: dict[str, str]

    def of_type(self, item_type: str) -> list[Item]:
        return [i for i in self.items.values() if i.type == item_type]

    def backlinks(self) -> dict[str, dict[str, list[str]]]:
        links: dict[str, dict[str, list[str]]] = {}
        for item in self.items.values():
            for option in ("parent", "goals", "lead", "partners", "indicators"):
                for target in item.opt_list(option):
                    links.setdefault(target, {}).setdefault(option, []).append(item.id)
        return links

    def counts(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for item in self.items.values():
            result[item.type] = result.get(item.type, 0) + 1
        return result


# -- the model -------------------------------------------------------------------


class Text:
    """German-looking text of realistic length from a seeded word list."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def title(self) -> str:
        n = self.rng.randint(4, 10)
        words = [self.rng.choice(WORDS) if k % 2 == 0 else self.rng.choice(SMALL) for k in range(n)]
        words[-1] = self.rng.choice(VERBS) if n > 5 else self.rng.choice(WORDS)
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words)

    def sentence(self, refs: Sequence[str] = ()) -> str:
        n = self.rng.randint(8, 18)
        words = [self.rng.choice(WORDS) if k % 3 == 0 else self.rng.choice(SMALL) for k in range(n)]
        words[-1] = self.rng.choice(VERBS)
        for ref in refs:
            words.insert(self.rng.randint(1, len(words) - 1), f"[[{ref}]]")
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + "."

    def paragraph(self, lo: int, hi: int, refs: Sequence[str] = ()) -> str:
        count = self.rng.randint(lo, hi)
        spread: list[list[str]] = [[] for _ in range(count)]
        for ref in refs:
            spread[self.rng.randrange(count)].append(ref)
        return " ".join(self.sentence(spread[k]) for k in range(count))


def _sizes(n: int) -> dict[str, int]:
    fields = max(2, round(math.sqrt(n) / 2))
    guiding = max(1, round(n * 0.01))
    actors = max(2, round(n * 0.10))
    indicators = max(1, round(n * 0.04))
    goals = max(fields, guiding, indicators, round(n * 0.22))
    measures = n - fields - guiding - actors - indicators - goals
    if measures < max(actors, goals):
        raise ValueError(f"--items {n} is too small: use at least 100")
    return {
        "field": fields,
        "guiding": guiding,
        "actor": actors,
        "indicator": indicators,
        "goal": goals,
        "measure": measures,
    }


def _chunks(seq: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(seq[k : k + size]) for k in range(0, len(seq), size)]


def _split(seq: Sequence[Any], parts: int) -> list[list[Any]]:
    """``seq`` in ``parts`` slices of (almost) equal length, order kept."""
    out, start = [], 0
    for k in range(parts):
        end = start + (len(seq) - start) // (parts - k)
        out.append(list(seq[start:end]))
        start = end
    return out


def generate(n: int, seed: int = 7) -> Model:
    """The model of a concept with ``n`` items (deterministic for ``seed``)."""
    rng = random.Random(f"konzept-bench-{seed}-{n}")
    text = Text(rng)
    sizes = _sizes(n)
    items: dict[str, Item] = {}
    pages: list[Page] = []

    def add(item: Item) -> Item:
        items[item.id] = item
        return item

    # Leitziele, actors and indicators on pages of their own
    lz_ids = [f"LZ-{k + 1}" for k in range(sizes["guiding"])]
    actor_ids = [f"AK{k + 1:04d}" for k in range(sizes["actor"])]
    ind_ids = [f"K-{k + 1:03d}" for k in range(sizes["indicator"])]
    field_ids = [f"HF{k + 1:03d}" for k in range(sizes["field"])]

    for number, chunk in enumerate(_chunks(lz_ids, PAGE_SIZE), start=1):
        page = Page(f"leitbild-{number}", f"Leitbild und Leitziele ({number})")
        page.intro = [text.paragraph(3, 5), text.paragraph(2, 4)]
        for lz in chunk:
            add(Item("goal", lz, text.title(), [text.paragraph(1, 3)], {"level": "guiding"}))
            items[lz].page = page.docname
        page.sections = [("Leitziele", chunk)]
        pages.append(page)

    for number, chunk in enumerate(_chunks(actor_ids, PAGE_SIZE), start=1):
        page = Page(f"akteure-{number}", f"Akteure ({number})")
        page.intro = [text.paragraph(2, 4)]
        for actor in chunk:
            options: dict[str, Any] = {"type": rng.choice(ACTOR_TYPES)}
            if rng.random() < 0.5:
                options["url"] = f"https://www.example.org/akteure/{actor.lower()}"
            item = add(Item("actor", actor, text.title(), [text.paragraph(1, 3)], options))
            item.page = page.docname
        page.sections = [("Akteure", chunk)]
        pages.append(page)

    for number, chunk in enumerate(_chunks(ind_ids, PAGE_SIZE), start=1):
        page = Page(f"indikatoren-{number}", f"Indikatoren ({number})")
        page.intro = [text.paragraph(2, 4)]
        for ind in chunk:
            base = round(rng.uniform(20, 80), 1)
            values = "; ".join(
                f"{year}: {round(base + rng.uniform(-5, 10), 1)}" for year in (2016, 2018, 2020)
            )
            options = {
                "unit": "%",
                "baseline": f"2015: {base}",
                "target": f"2025: {round(min(base + 15, 99), 1)}",
                "values": values,
                "source": rng.choice(("IT.NRW", "Bundesagentur für Arbeit", "Kreisstatistik")),
            }
            item = add(Item("indicator", ind, text.title(), [text.paragraph(1, 3)], options))
            item.page = page.docname
        page.sections = [("Indikatoren", chunk)]
        pages.append(page)

    # fields with their goals and measures, spread over pages of ~PAGE_SIZE items
    goal_slices = _split(range(sizes["goal"]), len(field_ids))
    measure_slices = _split(range(sizes["measure"]), len(field_ids))
    goals_of: dict[str, list[str]] = {}
    measures_of: dict[str, list[str]] = {}
    field_of: dict[str, str] = {}
    for f_index, fid in enumerate(field_ids):
        gids = [f"{fid}-Z{k + 1}" for k in range(len(goal_slices[f_index]))]
        mids = [f"{fid}-M{k + 1}" for k in range(len(measure_slices[f_index]))]
        goals_of[fid] = gids
        measures_of[fid] = mids
        for item_id in (fid, *gids, *mids):
            field_of[item_id] = fid
    goal_counter = 0
    measure_counter = 0
    for f_index, fid in enumerate(field_ids):
        gids, mids = goals_of[fid], measures_of[fid]
        n_pages = max(1, round((1 + len(gids) + len(mids)) / PAGE_SIZE))
        kind = "crosscutting" if f_index % 5 == 4 else "theme"
        add(Item("field", fid, text.title(), [text.paragraph(2, 4)], {"kind": kind}))
        for p_index, (pg, pm) in enumerate(
            zip(_split(gids, n_pages), _split(mids, n_pages), strict=True)
        ):
            docname = f"handlungsfelder/{fid.lower()}-{p_index + 1}"
            page = Page(docname, text.title(), field_id=fid)
            items[fid].page = items[fid].page or docname
            for gid in pg:
                options = {"parent": lz_ids[goal_counter % len(lz_ids)]}
                if goal_counter < len(ind_ids):
                    options["indicators"] = [ind_ids[goal_counter]]
                elif rng.random() < 0.15:
                    options["indicators"] = [rng.choice(ind_ids)]
                goal_counter += 1
                add(Item("goal", gid, text.title(), [text.paragraph(1, 3)], options)).page = docname
            for mid in pm:
                m_index = int(mid.rsplit("-M", 1)[1]) - 1
                own = gids[m_index % len(gids)]
                goals = [own]
                for _ in range(rng.choice((0, 0, 1, 1, 2))):
                    pool = gids if rng.random() < 0.8 else goals_of[rng.choice(field_ids)]
                    extra = rng.choice(pool)
                    if extra not in goals:
                        goals.append(extra)
                if measure_counter < len(actor_ids):
                    lead = actor_ids[measure_counter]
                else:
                    lead = rng.choice(actor_ids)
                measure_counter += 1
                partners = [a for a in rng.sample(actor_ids, rng.randint(0, 4)) if a != lead]
                start = f"{rng.randint(2012, 2022)}-{rng.randint(1, 12):02d}"
                options = {"goals": goals, "lead": lead, "start": start}
                if partners:
                    options["partners"] = partners
                if rng.random() < 0.5:
                    options["end"] = str(int(start[:4]) + rng.randint(0, 6))
                options["status"] = rng.choice(STATUSES)
                if rng.random() < 0.4:
                    options["budget"] = f"{rng.randint(1000, 250000)}.00 EUR"
                if rng.random() < 0.3:
                    options["funding"] = rng.choice(FUNDING)
                refs = [rng.choice(actor_ids)] if m_index % 2 == 0 else []
                body = [text.paragraph(1, 4, refs)]
                add(Item("measure", mid, text.title(), body, options)).page = docname
            refs = [
                rng.choice(actor_ids),
                rng.choice(actor_ids),
                rng.choice(ind_ids),
                *([pg[0]] if pg else []),
            ]
            page.intro = [text.paragraph(3, 5, refs[:2]), text.paragraph(2, 4, refs[2:])]
            sections = []
            if p_index == 0:
                sections.append(("Handlungsfeld", [fid]))
            if pg:
                sections.append(("Ziele", pg))
            if pm:
                sections.append(("Maßnahmen", pm))
            page.sections = sections
            pages.append(page)

    model = Model(n, seed, items, pages, {}, {}, field_of)
    _mutate_previous(model, rng, text)
    return model


def _mutate_previous(model: Model, rng: random.Random, text: Text) -> None:
    """The previous release: a copy of the items with a Fortschreibung undone.

    Seen from the current release: ~3 % of measures added, ~2 % removed,
    ~5 % reworded, ~2 % with another lead or status, ~0.5 % renamed
    (``:replaces:``).
    """
    previous = {i: replace(item, options=dict(item.options)) for i, item in model.items.items()}
    changes: dict[str, list[str]] = {
        "added": [],
        "removed": [],
        "changed": [],
        "renamed": [],
    }
    measures = [i.id for i in model.of_type("measure")]
    for mid in measures:
        roll = rng.random()
        if roll < 0.03:
            del previous[mid]
            changes["added"].append(mid)
        elif roll < 0.035:
            old_id = f"{mid}A"
            model.items[mid].options["replaces"] = old_id
            previous[old_id] = replace(previous.pop(mid), id=old_id)
            changes["renamed"].append(mid)
        elif roll < 0.085:
            previous[mid] = replace(previous[mid], title=text.title())
            changes["changed"].append(mid)
        elif roll < 0.105:
            old = previous[mid]
            old.options["status"] = "planned" if old.options["status"] != "planned" else "ongoing"
            changes["changed"].append(mid)
    for gid in [i.id for i in model.of_type("goal")]:
        if rng.random() < 0.05:
            previous[gid] = replace(previous[gid], body=[text.paragraph(1, 3)])
            changes["changed"].append(gid)
    for k in range(max(1, len(measures) // 50)):
        source = model.items[rng.choice(measures)]
        old_id = f"{source.opt_list('goals')[0].split('-')[0]}-M{900 + k}"
        previous[old_id] = Item(
            "measure",
            old_id,
            text.title(),
            [text.paragraph(1, 3)],
            {
                "goals": source.opt_list("goals")[:1],
                "lead": source.options["lead"],
                "start": "2014",
                "status": "done",
            },
            source.page,
        )
        changes["removed"].append(old_id)
    model.previous = previous
    model.changes = {k: sorted(v) for k, v in changes.items()}


# -- writing: shared pieces ------------------------------------------------------------


def _fence(name: str, argument: str, options: Iterable[tuple[str, str]], body: str) -> str:
    lines = [f":::{{{name}}} {argument}".rstrip()]
    lines += [f":{key}: {value}" for key, value in options]
    if body:
        lines.append(body)
    lines.append(":::")
    return "\n".join(lines)


def _option_text(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _conf(project: str, extensions: list[str], extra: str = "") -> str:
    return (
        f"# generated by bench/generate.py: do not edit\n"
        f"project = {project!r}\n"
        f"author = 'konzept bench'\n"
        f"copyright = '2021, Kreis Musterland'\n"
        f"language = 'de'\n"
        f"extensions = {extensions!r}\n"
        f"myst_enable_extensions = ['colon_fence', 'fieldlist']\n"
        f"html_theme = 'alabaster'\n"
        f"html_show_sourcelink = False\n"
        f"{extra}"
    )


def _front_matter(page: Page, key: str | None) -> str:
    if page.field_id is None or key is None:
        return ""
    return f"---\n{key}: {page.field_id}\n---\n\n"


def _index(model: Model, views: Sequence[str], heading: str) -> str:
    entries = [p.docname for p in model.pages]
    if views:
        entries.append("uebersichten/index")
    return (
        f"# {heading}\n\n"
        f"Ein synthetisches Konzept mit {model.n} Elementen (Seed {model.seed}) "
        "für den Leistungsvergleich.\n\n"
        "```{toctree}\n:maxdepth: 1\n\n" + "\n".join(entries) + "\n```\n"
    )


def _overview_index(views: Sequence[str]) -> str:
    return (
        "# Übersichten\n\n```{toctree}\n:maxdepth: 1\n\n"
        + "\n".join(_view_docname(v) for v in views)
        + "\n```\n"
    )


def _view_docname(view: str) -> str:
    return view


def _view_title(view: str) -> str:
    return {
        "traceability": "Zielsystem und Maßnahmen",
        "coverage": "Abdeckung",
        "actor-matrix": "Akteure und Handlungsfelder",
        "annual-plan": f"Jahresplan {PLAN_YEAR}",
        "status-overview": "Umsetzungsstand",
        "indicator-chart": "Indikator K-001",
        "decisions": "Beratungsfolge",
        "changelog": f"Änderungen seit {PREVIOUS}",
    }[view]


def _write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def active_in(item: Item, year: int) -> bool:
    start, end = _year(item.options.get("start")), _year(item.options.get("end"))
    return start is not None and start <= year and (end is None or end >= year)


# -- konzept -----------------------------------------------------------------------------

KONZEPT_ROLE = {
    "field": "field",
    "goal": "goal",
    "measure": "measure",
    "actor": "actor",
    "indicator": "indicator",
}
KONZEPT_OPTIONS = {
    "field": ("kind",),
    "goal": ("level", "parent", "indicators"),
    "measure": (
        "goals",
        "lead",
        "partners",
        "start",
        "end",
        "status",
        "budget",
        "funding",
        "replaces",
    ),
    "actor": ("type", "url"),
    "indicator": ("unit", "baseline", "target", "values", "source"),
}


def _konzept_text(model: Model, paragraph: str) -> str:
    def role(match: re.Match[str]) -> str:
        target = model.items[match[1]]
        return f"{{{KONZEPT_ROLE[target.type]}}}`{target.id}`"

    return REF.sub(role, paragraph)


def konzept_item(model: Model, item: Item) -> str:
    options = [("id", item.id)]
    options += [
        (name, _option_text(item.options[name]))
        for name in KONZEPT_OPTIONS[item.type]
        if name in item.options
    ]
    body = "\n\n".join(_konzept_text(model, p) for p in item.body)
    return _fence(item.type, item.title, options, body)


def konzept_view(view: str) -> str:
    if view == "annual-plan":
        return _fence(view, PLAN_YEAR, (), "")
    if view == "indicator-chart":
        return _fence(view, "K-001", (), "")
    if view == "changelog":
        return _fence(view, "", [("since", PREVIOUS)], "")
    return _fence(view, "", (), "")


def write_konzept(model: Model, root: Path, views: Sequence[str]) -> None:
    release: dict[str, Any] = {
        "version": VERSION,
        "title": f"Benchmark-Konzept mit {model.n} Elementen",
        "date": "2021-06-15",
        "status": "adopted",
        "predecessor": PREVIOUS,
        "decisions": DECISIONS,
    }
    extra = f"konzept_release = {release!r}\n"
    if "changelog" in views:
        extra += f"konzept_compare_to = {PREVIOUS!r}\n"
    files = {"conf.py": _conf("Benchmark konzept", ["myst_parser", "konzept"], extra)}
    src = "source/"
    files[src + "index.md"] = _index(model, views, "Benchmark-Konzept (konzept)")
    for page in model.pages:
        parts = [_front_matter(page, "konzept_field") + f"# {page.title}"]
        parts += [_konzept_text(model, p) for p in page.intro]
        for heading, ids in page.sections:
            parts.append(f"## {heading}")
            parts += [konzept_item(model, model.items[i]) for i in ids]
        files[src + page.docname + ".md"] = "\n\n".join(parts) + "\n"
    if views:
        files[src + "uebersichten/index.md"] = _overview_index(views)
        for view in views:
            files[src + f"uebersichten/{_view_docname(view)}.md"] = (
                f"# {_view_title(view)}\n\n{konzept_view(view)}\n"
            )
    if "changelog" in views:
        files[f"releases/{PREVIOUS}.json"] = previous_release_json(model)
    _write(root, files)


def previous_release_json(model: Model) -> str:
    """The ``konzept.json`` of the previous release, made with konzept's own core."""
    from konzept.core import BUILTIN_SCHEMA, RawItem, build_concept, parse_item, parse_release
    from konzept.core.export import concept_to_json

    parsed = []
    for line, item in enumerate(model.previous.values(), start=1):
        options = {"id": item.id}
        options.update(
            {
                name: _option_text(item.options[name])
                for name in KONZEPT_OPTIONS[item.type]
                if name in item.options and name != "replaces"
            }
        )
        text = "\n\n".join(REF.sub(lambda m: m[1], p) for p in item.body)
        raw = RawItem(item.type, item.title, options, item.page, line, text=text, anchor=item.id)
        parsed.append(parse_item(raw, BUILTIN_SCHEMA))
    page_fields = {p.docname: p.field_id for p in model.pages if p.field_id}
    concept = build_concept(parsed, BUILTIN_SCHEMA, page_fields=page_fields)
    release, _problems = parse_release(
        {
            "version": PREVIOUS,
            "title": f"Benchmark-Konzept {PREVIOUS}",
            "date": "2020-06-30",
            "status": "adopted",
        },
        fallback_title="",
        fallback_version=PREVIOUS,
    )
    return concept_to_json(concept, release)


# -- plain --------------------------------------------------------------------------------


def _label(item_id: str) -> str:
    return "k-" + item_id.lower().replace(".", "-")


def _plain_ref(model: Model, item_id: str, show: str = "both") -> str:
    item = model.items[item_id]
    text = {"both": f"{item.id} {item.title}", "id": item.id, "title": item.title}[show]
    return f"{{ref}}`{text} <{_label(item_id)}>`"


def _plain_text(model: Model, paragraph: str) -> str:
    return REF.sub(lambda m: _plain_ref(model, m[1]), paragraph)


def _period(item: Item) -> str:
    start, end = item.options.get("start"), item.options.get("end")
    return f"{start} bis {end}" if end else f"seit {start}"


def plain_item(model: Model, item: Item, back: dict[str, dict[str, list[str]]]) -> str:
    kind = "guiding" if item.guiding else item.type
    rows: list[tuple[str, str]] = []
    o = item.options

    def refs(ids: list[str], show: str = "both") -> str:
        return ", ".join(_plain_ref(model, i, show) for i in ids)

    if item.type == "field":
        rows.append(
            ("Art", "Querschnittsthema" if o["kind"] == "crosscutting" else "Handlungsfeld")
        )
    elif item.type == "goal":
        if "parent" in o:
            rows.append(("Leitziel", refs([o["parent"]])))
        if "indicators" in o:
            rows.append(("Indikatoren", refs(o["indicators"])))
        if back.get(item.id, {}).get("parent"):
            rows.append(("Ziele", refs(back[item.id]["parent"])))
        if back.get(item.id, {}).get("goals"):
            rows.append(("Maßnahmen", refs(back[item.id]["goals"])))
    elif item.type == "measure":
        rows.append(("Ziele", refs(o["goals"])))
        rows.append(("Federführung", refs([o["lead"]], "title")))
        if "partners" in o:
            rows.append(("Partner", refs(o["partners"], "title")))
        rows.append(("Zeitraum", _period(item)))
        rows.append(("Status", STATUS_DE[o["status"]]))
        for key, name in (("budget", "Kosten"), ("funding", "Finanzierung")):
            if key in o:
                rows.append((name, o[key]))
        if "replaces" in o:
            rows.append(("Ersetzt", o["replaces"]))
    elif item.type == "actor":
        rows.append(("Art", o["type"]))
        if "url" in o:
            rows.append(("Website", f"<{o['url']}>"))
        if back.get(item.id, {}).get("lead"):
            rows.append(("Federführend für", refs(back[item.id]["lead"], "id")))
        if back.get(item.id, {}).get("partners"):
            rows.append(("Partner in", refs(back[item.id]["partners"], "id")))
    elif item.type == "indicator":
        for key, name in (
            ("unit", "Einheit"),
            ("baseline", "Ausgangswert"),
            ("target", "Zielwert"),
            ("values", "Werte"),
            ("source", "Quelle"),
        ):
            rows.append((name, o[key]))
        if back.get(item.id, {}).get("indicators"):
            rows.append(("Ziele", refs(back[item.id]["indicators"])))
    meta = "\n".join(f":{name}: {value}" for name, value in rows)
    body = "\n\n".join(_plain_text(model, p) for p in item.body)
    return f"({_label(item.id)})=\n**{TYPE_DE[kind]} {item.id} {item.title}**\n\n{meta}\n\n{body}"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or "–" for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def static_view(model: Model, view: str, ref: Callable[[str], str]) -> str:
    """A view as static Markdown (plain; sphinx-needs where it has no equivalent)."""
    measures = model.of_type("measure")
    fields = model.of_type("field")
    back = model.backlinks()
    if view == "traceability":
        parts = []
        for f in fields:
            rows = []
            for goal in model.of_type("goal"):
                if model.field_of.get(goal.id) != f.id:
                    continue
                for mid in back.get(goal.id, {}).get("goals", []):
                    m = model.items[mid]
                    rows.append(
                        (
                            ref(goal.options["parent"]),
                            ref(goal.id),
                            ref(mid),
                            ref(m.options["lead"]),
                            ", ".join(ref(p) for p in m.opt_list("partners")),
                            STATUS_DE[m.options["status"]],
                        )
                    )
            header = ("Leitziel", "Ziel", "Maßnahme", "Federführung", "Partner", "Status")
            parts.append(f"## {f.title}\n\n" + _table(header, rows))
        return "\n\n".join(parts)
    if view == "coverage":
        counts = model.counts()
        rows = [(TYPE_DE[t], str(c), "0") for t, c in sorted(counts.items())]
        return "Alle Ziele, Akteure und Indikatoren sind abgedeckt.\n\n" + _table(
            ("Art", "Anzahl", "ohne Bezug"), rows
        )
    if view == "actor-matrix":
        marks: dict[tuple[str, str], str] = {}
        for m in measures:
            fid = model.field_of[m.id]
            marks[(m.options["lead"], fid)] = "F"
            for p in m.opt_list("partners"):
                marks.setdefault((p, fid), "P")
        rows = [
            (ref(a.id), *(marks.get((a.id, f.id), "") for f in fields))
            for a in model.of_type("actor")
        ]
        return _table(("Akteur", *(f.id for f in fields)), rows)
    if view == "annual-plan":
        parts = []
        for f in fields:
            rows = [
                (ref(m.id), ref(m.options["lead"]), STATUS_DE[m.options["status"]])
                for m in measures
                if model.field_of[m.id] == f.id and active_in(m, int(PLAN_YEAR))
            ]
            if rows:
                table = _table(("Maßnahme", "Federführung", "Status"), rows)
                parts.append(f"## {f.title}\n\n{table}")
        return "\n\n".join(parts)
    if view == "status-overview":
        rows = []
        for f in fields:
            counts = [
                sum(
                    1 for m in measures if model.field_of[m.id] == f.id and m.options["status"] == s
                )
                for s in STATUS_DE
            ]
            rows.append((ref(f.id), *map(str, counts)))
        return _table(("Handlungsfeld", *STATUS_DE.values()), rows)
    if view == "indicator-chart":
        ind = model.items["K-001"]
        rows = [("Ausgangswert", ind.options["baseline"]), ("Zielwert", ind.options["target"])]
        rows += [("Wert", v.strip()) for v in ind.options["values"].split(";")]
        return _table(("", "Jahr: Wert (%)"), rows)
    if view == "decisions":
        return _table(
            ("Gremium", "Datum", "Art", "Ergebnis", "Vorlage"),
            [
                (d["body"], d["date"], d["kind"], d.get("result", ""), d.get("document", ""))
                for d in DECISIONS
            ],
        )
    if view == "changelog":
        ch = model.changes
        summary = _table(
            ("Klasse", "Anzahl"), [(k, str(len(v))) for k, v in ch.items()] + [("gesamt", "")]
        )
        synopsis = []
        for item_id in ch["changed"]:
            old, new = model.previous[item_id], model.items[item_id]
            old_text = old.title + " " + REF.sub(lambda m: m[1], " ".join(old.body))
            new_text = new.title + " " + REF.sub(lambda m: m[1], " ".join(new.body))
            synopsis.append((ref(item_id), old_text, new_text))
        lists = "\n\n".join(
            f"**{k}:** " + ", ".join(i for i in v) for k, v in ch.items() if k != "changed"
        )
        return f"{summary}\n\n{lists}\n\n## Synopse\n\n" + _table(
            ("Element", f"Fassung {PREVIOUS}", f"Fassung {VERSION}"), synopsis
        )
    raise ValueError(view)


def write_plain(model: Model, root: Path, views: Sequence[str]) -> None:
    files = {"conf.py": _conf("Benchmark plain", ["myst_parser"])}
    back = model.backlinks()
    src = "source/"
    files[src + "index.md"] = _index(model, views, "Benchmark-Konzept (plain)")
    for page in model.pages:
        parts = [f"# {page.title}"] + [_plain_text(model, p) for p in page.intro]
        for heading, ids in page.sections:
            parts.append(f"## {heading}")
            parts += [plain_item(model, model.items[i], back) for i in ids]
        files[src + page.docname + ".md"] = "\n\n".join(parts) + "\n"
    if views:
        files[src + "uebersichten/index.md"] = _overview_index(views)
        for view in views:
            body = static_view(model, view, lambda i: _plain_ref(model, i, "id"))
            files[src + f"uebersichten/{view}.md"] = f"# {_view_title(view)}\n\n{body}\n"
    _write(root, files)


# -- sphinx-needs -------------------------------------------------------------------------

#: konzept option -> sphinx-needs option (``type`` and ``source`` are need fields there).
NEEDS_OPTION = {"type": "actor_type", "source": "data_source"}
NEEDS_LINKS = ("parent", "indicators", "goals", "lead", "partners", "field")
NEEDS_EXTRA = (
    "kind",
    "level",
    "start",
    "end",
    "budget",
    "funding",
    "replaces",
    "actor_type",
    "url",
    "unit",
    "baseline",
    "target",
    "values",
    "data_source",
)
NEEDS_TABLE = {
    "traceability": [
        ("types", "measure"),
        ("columns", "id;title;goals;lead;partners;status;start;end"),
        ("style", "table"),
        ("sort", "id"),
    ],
    "coverage": [
        (
            "filter",
            'type in ("goal", "actor", "indicator") and not (goals_back or '
            "parent_back or lead_back or partners_back or indicators_back)",
        ),
        ("columns", "id;title;type"),
        ("style", "table"),
    ],
    "actor-matrix": [
        ("types", "actor"),
        ("columns", "id;title;lead_back;partners_back"),
        ("style", "table"),
    ],
    "annual-plan": [
        (
            "filter",
            f'type == "measure" and start[:4] <= "{PLAN_YEAR}" and '
            f'(not end or end[:4] >= "{PLAN_YEAR}")',
        ),
        ("columns", "id;title;lead;status"),
        ("style", "table"),
    ],
    "status-overview": [
        ("types", "measure"),
        ("columns", "id;status;field"),
        ("style", "table"),
    ],
    "indicator-chart": [
        ("filter", 'id == "K-001"'),
        ("columns", "id;title;baseline;target;values"),
        ("style", "table"),
    ],
}


def _needs_text(model: Model, paragraph: str) -> str:
    return REF.sub(lambda m: f"{{need}}`{m[1]}`", paragraph)


def needs_item(model: Model, item: Item) -> str:
    options = [("id", item.id)]
    for name in KONZEPT_OPTIONS[item.type]:
        if name in item.options:
            options.append((NEEDS_OPTION.get(name, name), _option_text(item.options[name])))
    if item.type in ("goal", "measure") and not item.guiding:
        options.append(("field", model.field_of[item.id]))
    body = "\n\n".join(_needs_text(model, p) for p in item.body)
    return _fence(item.type, item.title, options, "\n" + body)


def needs_conf() -> str:
    types = [
        {"directive": t, "title": TYPE_DE[t], "prefix": t[:2].upper() + "_", "color": c}
        for t, c in (
            ("field", "#DDEEFF"),
            ("goal", "#BFD8D2"),
            ("measure", "#FEDCD2"),
            ("actor", "#DF744A"),
            ("indicator", "#DCB239"),
        )
    ]
    links = {o: {"incoming": f"{o} (eingehend)", "outgoing": o} for o in NEEDS_LINKS}
    fields = {name: {"nullable": True} for name in NEEDS_EXTRA}
    return (
        f"needs_types = {types!r}\n"
        f"needs_links = {links!r}\n"
        f"needs_fields = {fields!r}\n"
        "needs_id_regex = r'^[A-Z0-9][A-Z0-9_.-]*$'\n"
        "needs_id_required = True\n"
        "needs_build_json = False\n"
    )


def write_needs(model: Model, root: Path, views: Sequence[str]) -> None:
    files = {
        "conf.py": _conf("Benchmark sphinx-needs", ["myst_parser", "sphinx_needs"], needs_conf())
    }
    src = "source/"
    files[src + "index.md"] = _index(model, views, "Benchmark-Konzept (sphinx-needs)")
    for page in model.pages:
        parts = [f"# {page.title}"] + [_needs_text(model, p) for p in page.intro]
        for heading, ids in page.sections:
            parts.append(f"## {heading}")
            parts += [needs_item(model, model.items[i]) for i in ids]
        files[src + page.docname + ".md"] = "\n\n".join(parts) + "\n"
    if views:
        files[src + "uebersichten/index.md"] = _overview_index(views)
        for view in views:
            if view in NEEDS_TABLE:
                body = _fence("needtable", "", NEEDS_TABLE[view], "")
            else:
                body = static_view(model, view, lambda i: f"{{need}}`{i}`")
            files[src + f"uebersichten/{view}.md"] = f"# {_view_title(view)}\n\n{body}\n"
    _write(root, files)


# -- views konzept has ------------------------------------------------------------------


def available_views() -> list[str]:
    """The views whose directive the installed konzept registers.

    ``konzept.setup`` runs against a recording stand-in for the Sphinx
    application (cheap: nothing is built); a view counts when a directive of
    its name is registered, globally or in the ``konzept`` domain.
    """
    from unittest import mock

    try:
        import konzept
        from konzept.sphinxext import domain
    except ImportError:
        return []
    names: set[str] = set()
    app = mock.MagicMock()
    app.add_directive.side_effect = lambda name, *a, **k: names.add(name)
    app.add_directive_to_domain.side_effect = lambda dom, name, *a, **k: names.add(name)
    saved = dict(domain.KonzeptDomain.directives), dict(domain.KonzeptDomain.roles)
    try:
        konzept.setup(app)
        names.update(domain.KonzeptDomain.directives)
    except Exception:  # a konzept in mid-change: run without views
        return []
    finally:
        domain.KonzeptDomain.directives.clear()
        domain.KonzeptDomain.directives.update(saved[0])
        domain.KonzeptDomain.roles.clear()
        domain.KonzeptDomain.roles.update(saved[1])
    return [v for v in VIEWS if v in names]


def resolve_views(spec: str) -> list[str]:
    """``auto`` (what konzept has), ``all``, ``none`` or a comma-separated list."""
    if spec == "auto":
        return available_views()
    if spec == "all":
        return list(VIEWS)
    if spec == "none":
        return []
    chosen = [v.strip() for v in spec.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in VIEWS]
    if unknown:
        raise ValueError(f"unknown view(s) {', '.join(unknown)}; the views are {', '.join(VIEWS)}")
    return [v for v in VIEWS if v in chosen]


WRITERS = {"konzept": write_konzept, "plain": write_plain, "needs": write_needs}


def write_projects(
    model: Model,
    out: Path,
    views: Sequence[str],
    projects: Sequence[str] = PROJECTS,
) -> dict[str, Path]:
    """Write the projects (fresh) below ``out``; return their folders."""
    roots = {}
    for name in projects:
        root = out / name
        if root.exists():
            shutil.rmtree(root)
        WRITERS[name](model, root, views)
        roots[name] = root
    (out / "model.json").write_text(
        json.dumps(
            {
                "items": model.n,
                "seed": model.seed,
                "counts": model.counts(),
                "views": list(views),
                "pages": len(model.pages),
                "changes": {k: len(v) for k, v in model.changes.items()},
            },
            indent=1,
            sort_keys=True,
        )
        + "\n",
        "utf-8",
    )
    return roots


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000, help="number of items (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="folder for the projects")
    parser.add_argument(
        "--views",
        default="auto",
        help="auto (those konzept registers), all, none, or a list like traceability,coverage",
    )
    parser.add_argument("--projects", default=",".join(PROJECTS))
    args = parser.parse_args(argv)
    views = resolve_views(args.views)
    model = generate(args.items, args.seed)
    roots = write_projects(model, args.out, views, args.projects.split(","))
    print(
        json.dumps(
            {
                "counts": model.counts(),
                "pages": len(model.pages),
                "views": views,
                "projects": {k: str(v) for k, v in roots.items()},
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
