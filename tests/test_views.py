"""Views (SPEC §5): exact rows, filters, gaps, charts with a text alternative,
and incremental builds that keep them up to date."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOTS, soup, warnings_of


def section(page, section_id: str):
    found = page.find("section", id=section_id)
    assert found is not None, section_id
    return found


def table_rows(table) -> list[list[str]]:
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]
        for row in table.find("tbody").find_all("tr")
    ]


def headers(table) -> list[str]:
    return [" ".join(th.get_text(" ").split()) for th in table.find("thead").find_all("th")]


def view_tables(page, section_id: str):
    """(heading text, table) of each field group of a view in a section."""
    result = []
    for heading in section(page, section_id).select(".konzept-view-heading"):
        table = heading.find_next("table")
        result.append((" ".join(heading.get_text(" ").split()), table))
    return result


@pytest.fixture(scope="module")
def views(tmp_path_factory):
    """The views project, built once for the read-only tests of this module."""
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("views") / "src"
    shutil.copytree(ROOTS / "test-views", src)
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def test_views_build_without_warnings(views):
    assert warnings_of(views) == []


def test_traceability_lists_each_goal_with_each_measure_by_field(views):
    groups = view_tables(soup(views, "views"), "ruckverfolgung")
    assert [name for name, _t in groups] == ["Sprache", "Bildung"]
    sprache, bildung = (t for _n, t in groups)
    assert headers(sprache) == [
        "Leitziel",
        "Ziel",
        "Maßnahme",
        "Federführung",
        "Beteiligte",
        "Status",
        "Zeitraum",
    ]
    assert table_rows(sprache) == [
        [
            "LZ-1",
            "SPR-Z1 Deutsch für alle",
            "SPR-M1 Sprachkurs",
            "Volkshochschule",
            "Integrationszentrum",
            "abgeschlossen",
            "2016 – 03.2017",
        ],
        [
            "LZ-1",
            "SPR-Z1",
            "SPR-M2 Sprachcafé",
            "Integrationszentrum",
            "Volkshochschule , Arbeiterwohlfahrt",
            "laufend",
            "seit 2018",
        ],
        ["LZ-1", "SPR-Z2 Ziel ohne Maßnahme", "noch keine Maßnahme", "–", "–", "–", "–"],
    ]
    # SPR-M2 serves a goal of each field, so it appears under both
    assert [row[2] for row in table_rows(bildung)] == [
        "SPR-M2 Sprachcafé",
        "BIL-M1 Lernhilfe",
        "BIL-M2 Ohne Leitung",
        "BIL-M3 Gestrichen",
    ]


def test_traceability_filters_and_columns(views):
    groups = view_tables(soup(views, "views"), "gefiltert")
    assert [name for name, _t in groups] == ["Bildung"]
    table = groups[0][1]
    assert headers(table) == ["Ziel", "Maßnahme", "Federführung", "Budget"]
    assert table_rows(table) == [
        ["BIL-Z1 Schulabschluss", "SPR-M2 Sprachcafé", "Integrationszentrum", "–"],
        ["BIL-Z1", "BIL-M1 Lernhilfe", "Arbeiterwohlfahrt", "12.000,00 €"],
    ]


def test_coverage_lists_the_gaps(views):
    part = section(soup(views, "views"), "lucken")
    text = " ".join(part.get_text(" ").split())
    assert "2 von 3 Zielen (67 %) werden von mindestens einer Maßnahme verfolgt." in text
    lists = {
        " ".join(h.get_text(" ").split()): [
            " ".join(li.get_text(" ").split()) for li in h.find_next("ul").find_all("li")
        ]
        for h in part.select(".konzept-view-heading")
    }
    assert lists == {
        "Ziele ohne Maßnahmen (1)": ["SPR-Z2 Ziel ohne Maßnahme"],
        "Leitziele ohne Maßnahmen (1)": ["LZ-2 Leitziel ohne Ziele"],
        "Maßnahmen ohne Federführung (1)": ["BIL-M2 Ohne Leitung"],
        "Akteure ohne Maßnahmen (1)": ["Untätig ( NIX )"],
        "Indikatoren ohne Ziele (1)": ["K-NIX Ungenutzt"],
    }


@pytest.mark.sphinx(
    "html", testroot="views", confoverrides={"suppress_warnings": []}, freshenv=True
)
def test_gaps_are_located_warnings(app):
    app.build()
    gaps = sorted(
        re.sub(r".*/", "", line.split(": WARNING")[0])
        for line in warnings_of(app)
        if "[konzept.uncovered]" in line
    )
    # K-NIX, LZ-2 (no goals), SPR-Z2, BIL-M2 (no lead), NIX
    assert gaps == ["items.md:111", "items.md:16", "items.md:27", "items.md:68", "items.md:99"]


@pytest.mark.sphinx(
    "html", testroot="views", confoverrides={"konzept_coverage_min": 80}, freshenv=True
)
def test_coverage_minimum_is_a_warning(app):
    app.build()
    shortfall = [w for w in warnings_of(app) if "konzept_coverage_min" in w]
    assert len(shortfall) == 1
    assert "Only 67 % of the goals (2 of 3)" in shortfall[0]
    assert "conf.py" in shortfall[0] and "[konzept.coverage_min]" in shortfall[0]


def test_actor_matrix_marks_lead_and_partner_in_words_not_colour(views):
    part = section(soup(views, "views"), "akteure")
    table = part.find("table")
    assert headers(table) == ["Akteur", "SPR", "BIL"]
    assert table_rows(table) == [
        ["Volkshochschule", "F B", "–"],
        ["Integrationszentrum", "F B", "F"],  # lead in SPR-M2, partner in SPR-M1
        ["Arbeiterwohlfahrt", "B", "F"],
    ]
    abbr = table.find("abbr")
    assert abbr["title"] in ("federführend", "beteiligt")
    legend = " ".join(part.find(class_="konzept-legend").get_text(" ").split())
    assert legend == "F = federführend, B = beteiligt"


def test_actor_matrix_by_measures(views):
    table = section(soup(views, "views"), "akteure-je-masznahme").find("table")
    assert headers(table) == ["Akteur", "SPR-M1", "SPR-M2"]
    assert table_rows(table)[0] == ["Volkshochschule", "F", "B"]


def test_annual_plans_list_the_measures_active_in_the_year(views):
    page = soup(views, "views")
    plan = {name: [r[0] for r in table_rows(t)] for name, t in view_tables(page, "jahresplan-2017")}
    assert plan == {
        "Sprache": ["SPR-M1 Sprachkurs"],  # ends 03.2017
        "Bildung": ["BIL-M1 Lernhilfe", "BIL-M2 Ohne Leitung"],  # not the dropped BIL-M3
    }
    later = {
        name: [r[0] for r in table_rows(t)] for name, t in view_tables(page, "jahresplan-2030")
    }
    assert later == {"Sprache": ["SPR-M2 Sprachcafé"], "Bildung": ["BIL-M1 Lernhilfe"]}
    text = " ".join(section(page, "jahresplan-1990").get_text(" ").split())
    assert "Für 1990 sind keine Maßnahmen geplant oder laufend." in text


def test_status_overview_counts_with_a_chart_and_its_table(views):
    part = section(soup(views, "views"), "stand")
    table = part.find("table")
    assert headers(table) == [
        "Handlungsfeld",
        "geplant",
        "laufend",
        "abgeschlossen",
        "zurückgestellt",
        "entfallen",
        "Gesamt",
    ]
    assert table_rows(table) == [
        ["Sprache", "0", "1", "1", "0", "0", "2"],
        ["Bildung", "1", "1", "0", "0", "1", "3"],
        ["Gesamt", "1", "2", "1", "0", "1", "5"],
    ]
    svg = part.find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == "Maßnahmen nach Status und Handlungsfeld"
    assert svg.find("desc", id=desc_id).get_text() == (
        "Balkendiagramm der 5 Maßnahmen nach Status und Handlungsfeld: "
        "1 geplant, 2 laufend, 1 abgeschlossen, 1 entfallen."
    )


def test_indicator_chart_has_values_baseline_target_and_a_table(views):
    part = section(soup(views, "views"), "indikator")
    svg = part.find("svg")
    assert svg.find("title").get_text() == "K-ABS Abschlussquote"
    assert svg.find("desc").get_text().replace("\u00a0", " ") == (
        "Ausgangswert 2014: 81,5 %. Messwerte: 2015: 82 %; 2016: 84,1 %. Zielwert 2020: 90 %."
    )
    assert table_rows(part.find("table")) == [
        ["2014", "81,5 %", "Ausgangswert"],
        ["2015", "82 %", "Messwerte"],
        ["2016", "84,1 %", "Messwerte"],
        ["2020", "90 %", "Zielwert"],
    ]
    # no asset from another host: the chart is inline
    assert not part.find("img")


def test_decisions_show_the_beratungsfolge_with_german_dates(views):
    table = section(soup(views, "views"), "beratungsfolge").find("table")
    assert headers(table) == ["Gremium", "Datum", "Art", "Ergebnis", "Vorlage"]
    assert table_rows(table) == [
        ["Sozialausschuss", "11.05.2016", "Vorberatung", "empfohlen", "–"],
        ["Kreistag", "07.07.2016", "Beschluss", "ungeändert beschlossen", "50/020/2016"],
    ]


@pytest.mark.sphinx("html", testroot="views", confoverrides={"language": "en"}, freshenv=True)
def test_views_in_english(app):
    app.build()
    page = soup(app, "views")
    table = section(page, "stand").find("table")
    assert headers(table)[:3] == ["Field of action", "planned", "ongoing"]
    assert "L = lead, P = partner" in " ".join(section(page, "akteure").get_text(" ").split())
    assert table_rows(section(page, "beratungsfolge").find("table"))[1][1] == "Jul 7, 2016"


@pytest.mark.sphinx("html", testroot="views-bad", freshenv=True)
def test_bad_view_options_are_located_warnings(app):
    app.build()
    found = sorted(
        (int(m[1]), m[2])
        for line in warnings_of(app)
        if (m := re.search(r"index\.md:(\d+): WARNING: .* \[(konzept\.\w+)\]", line))
    )
    assert found == [
        (12, "konzept.unknown_ref"),  # :fields: XYZ
        (13, "konzept.bad_status"),
        (14, "konzept.unknown_ref"),  # :actor: NOBODY
        (15, "konzept.bad_date"),  # :year: zwanzig
        (16, "konzept.bad_view"),  # column colour
        (20, "konzept.bad_view"),  # :by: people
        (21, "konzept.unknown_ref"),  # :fields: VHS is an actor
        (24, "konzept.bad_date"),  # annual-plan 17
        (27, "konzept.unknown_ref"),  # indicator K-NONE
        (31, "konzept.unknown_ref"),  # :fields: SPR-X
    ]


def test_a_changed_item_updates_the_views_on_an_incremental_build(make_app, tmp_path: Path):
    src = tmp_path / "incremental"
    shutil.copytree(ROOTS / "test-views", src)
    make_app("html", srcdir=src).build()
    items = src / "items.md"
    items.write_text(
        items.read_text("utf-8").replace(":status: planned", ":status: ongoing"), "utf-8"
    )
    again = make_app("html", srcdir=src)
    again.build()
    fresh_src = tmp_path / "fresh"
    shutil.copytree(src, fresh_src, ignore=shutil.ignore_patterns("_build"))
    fresh = make_app("html", srcdir=fresh_src)
    fresh.build()
    assert (again.outdir / "views.html").read_text("utf-8") == (
        fresh.outdir / "views.html"
    ).read_text("utf-8")
    rows = table_rows(section(soup(again, "views"), "stand").find("table"))
    assert rows[1] == ["Bildung", "0", "2", "0", "0", "1", "3"]


def test_a_body_edit_does_not_rewrite_the_view_pages(make_app, tmp_path: Path):
    src = tmp_path / "body"
    shutil.copytree(ROOTS / "test-views", src)
    make_app("html", srcdir=src).build()
    items = src / "items.md"
    items.write_text(
        items.read_text("utf-8").replace(
            ":budget: 12000 EUR", ":budget: 12000 EUR\nMit neuem Text."
        ),
        "utf-8",
    )
    again = make_app("html", srcdir=src)
    again.build()
    status = re.sub(r"\x1b\[[0-9;]*m", "", again._status.getvalue())
    written = set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", status))
    # index is re-written by Sphinx itself (its toctree lists items), views is not
    assert "items" in written and "views" not in written


def test_views_written_by_parallel_workers_equal_the_serial_ones(make_app, tmp_path: Path):
    """With -j, HTML views are rendered in Sphinx's worker processes."""
    pages = {}
    for name, parallel in (("serial", 0), ("parallel", 2)):
        src = tmp_path / name
        shutil.copytree(ROOTS / "test-views", src)
        app = make_app("html", srcdir=src, parallel=parallel)
        app.build()
        assert app.parallel == parallel
        pages[name] = {p.name: p.read_text("utf-8") for p in sorted(app.outdir.glob("*.html"))}
    assert pages["parallel"] == pages["serial"]
    assert "konzept-view-traceability" in pages["parallel"]["views.html"]
