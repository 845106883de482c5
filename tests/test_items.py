"""How items look on the page: headings, metadata, links, labels."""

from __future__ import annotations

import pytest

from conftest import item_block, konzept_json, meta, soup, warnings_of


@pytest.mark.sphinx("html", testroot="basic")
def test_basic_project_builds_without_warnings(app):
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx("html", testroot="basic")
def test_item_heading_shows_type_id_and_title_at_the_right_level(app):
    app.build()
    page = soup(app, "bildung")
    measure = item_block(page, "BIL-M3")
    heading = measure.find(class_="konzept-heading")
    # page title h1 > section "Ziele und Maßnahmen" h2 > item h3
    assert heading.name == "h3"
    assert heading.find(class_="konzept-type").get_text() == "Maßnahme"
    assert heading.find(class_="konzept-id").get_text() == "BIL-M3"
    assert heading.find(class_="konzept-title").get_text() == "Sprachcafés in allen Kommunen"
    permalink = heading.find("a", class_="headerlink")
    assert permalink["href"] == "#BIL-M3"
    field = item_block(page, "BIL").find(class_="konzept-heading")
    assert field.name == "h2"
    assert field.find(class_="konzept-type").get_text() == "Handlungsfeld"


@pytest.mark.sphinx("html", testroot="basic")
def test_metadata_is_localised_in_german(app):
    app.build()
    rows = meta(item_block(soup(app, "bildung"), "BIL-M3"))
    assert rows["Ziele"] == "BIL-Z1 Alle Kinder erreichen einen Schulabschluss"
    assert rows["Federführung"] == "Kommunales Integrationszentrum"
    assert rows["Beteiligte"] == "Arbeiterwohlfahrt Kreisverband"
    assert rows["Zeitraum"] == "08.2016 – 2018"
    assert rows["Status"] == "laufend"
    assert rows["Budget"] == "161.088,00 €"
    assert rows["Finanzierung"] == "KOMM-AN NRW"
    # the field comes from the page's front matter, so it is not repeated
    assert "Handlungsfeld" not in rows


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"language": "en"})
def test_metadata_is_localised_in_english(app):
    app.build()
    measure = item_block(soup(app, "bildung"), "BIL-M3")
    assert measure.find(class_="konzept-type").get_text() == "Measure"
    rows = meta(measure)
    assert rows["Lead"] == "Kommunales Integrationszentrum"
    assert rows["Status"] == "ongoing"
    assert rows["Budget"] == "€161,088.00"
    leitziel = item_block(soup(app, "leitbild"), "LZ-1")
    assert leitziel.find(class_="konzept-type").get_text() == "Guiding goal"


@pytest.mark.sphinx("html", testroot="basic")
def test_indicator_values_are_sorted_and_localised(app):
    app.build()
    rows = meta(item_block(soup(app, "bildung"), "K-ABS"))
    assert rows["Ausgangswert"] == "2014: 81,5 %"
    assert rows["Zielwert"] == "2020: 90 %"
    assert rows["Messwerte"] == "2015: 82 %; 2016: 84,1 %"
    assert rows["Quelle"] == "IT.NRW"
    assert rows["Ziele"] == "BIL-Z1 Alle Kinder erreichen einen Schulabschluss"


@pytest.mark.sphinx("html", testroot="basic")
def test_back_references_show_what_serves_an_item(app):
    app.build()
    goal = meta(item_block(soup(app, "bildung"), "BIL-Z1"))
    assert goal["Maßnahmen"] == "BIL-M3 Sprachcafés in allen Kommunen"
    assert goal["Leitziel"] == "LZ-1 Chancengleichheit für alle"
    assert goal["Indikatoren"] == "K-ABS Anteil Schulabschlüsse"
    leitziel = meta(item_block(soup(app, "leitbild"), "LZ-1"))
    assert leitziel["Ziele"] == "BIL-Z1 Alle Kinder erreichen einen Schulabschluss"
    actor = meta(item_block(soup(app, "akteure"), "AWO"))
    assert actor["Beteiligt an"] == "BIL-M3"
    assert actor["Art"] == "Wohlfahrtsverband"


@pytest.mark.sphinx("html", testroot="basic")
def test_roles_link_with_id_and_title_and_title_as_tooltip(app):
    app.build()
    page = soup(app, "index")
    links = {" ".join(a.get_text().split()): a for a in page.select("a.konzept-ref")}
    measure = links["BIL-M3 Sprachcafés in allen Kommunen"]
    assert measure["href"] == "bildung.html#BIL-M3"
    assert measure["title"] == "Sprachcafés in allen Kommunen"
    actor = links["Arbeiterwohlfahrt Kreisverband (AWO)"]
    assert actor["href"] == "akteure.html#AWO"
    explicit = links["Explizit"]
    assert explicit["href"] == "bildung.html#BIL-Z1"
    assert explicit["title"] == "Alle Kinder erreichen einen Schulabschluss"


@pytest.mark.sphinx("html", testroot="basic")
def test_items_are_objects_of_the_konzept_domain(app):
    app.build()
    objects = {
        name: (kind, doc, anchor)
        for name, _d, kind, doc, anchor, _p in app.env.domains["konzept"].get_objects()
    }
    assert objects["BIL-M3"] == ("measure", "bildung", "BIL-M3")
    assert objects["KI"] == ("actor", "akteure", "KI")
    index = soup(app, "konzept-index")
    text = index.get_text(" ", strip=True)
    assert "Maßnahmen" in text and "BIL-M3" in text and "Sprachcafés in allen Kommunen" in text
    genindex = soup(app, "genindex").get_text(" ", strip=True)
    assert "BIL-M3 (Maßnahme)" in genindex


@pytest.mark.sphinx("html", testroot="basic")
def test_search_index_knows_items_by_id(app):
    app.build()
    import json

    text = (app.outdir / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    names = [entry[4] for entries in index["objects"].values() for entry in entries]
    # the search page matches object names by substring: the ID and title words
    assert "BIL-M3 Sprachcafés in allen Kommunen" in names
    assert ["konzept", "measure", "Maßnahme"] in index["objnames"].values()


@pytest.mark.sphinx("html", testroot="basic")
def test_search_finds_an_item_by_the_values_it_states(app):
    """The details are rendered after Sphinx indexed the page; what the item
    states itself (funding, status, the IDs it names) is indexed all the same."""
    app.build()
    import json

    text = (app.outdir / "searchindex.js").read_text("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    bildung = index["docnames"].index("bildung")

    def pages_with(term: str) -> list[int]:
        found = index["terms"].get(term, [])
        return found if isinstance(found, list) else [found]

    # BIL-M3: funding KOMM-AN NRW, status "laufend", lead KI, partner AWO
    # (words as the German stemmer stores them)
    for term in ("komm", "nrw", "laufend", "ki", "awo"):
        assert bildung in pages_with(term), term
    # the rendered details are on the page all the same
    details = soup(app, "bildung").select_one("#BIL-M3 .konzept-meta").get_text(" ")
    assert "KOMM-AN NRW" in details and "laufend" in details


@pytest.mark.sphinx("singlehtml", testroot="basic")
def test_single_page_html_links_items_within_its_page(app):
    app.build()
    from bs4 import BeautifulSoup

    page = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    links = page.select_one("#BIL-M3 .konzept-meta").select("a.konzept-ref")
    hrefs = {link.get_text(" ", strip=True): link["href"] for link in links}
    assert hrefs["Kommunales Integrationszentrum"] == "#KI", hrefs
    assert all(href.count("#") == 1 for href in hrefs.values()), hrefs


@pytest.mark.sphinx("html", testroot="basic")
def test_field_is_inherited_from_page_front_matter(app):
    app.build()
    items = konzept_json(app)["items"]
    assert items["BIL-M3"]["field"] == "BIL"
    assert items["BIL-Z1"]["field"] == "BIL"
    assert items["LZ-1"]["field"] is None
    assert (
        items["BIL-M3"]["text"]
        == "Wöchentliche Treffen in allen zehn Kommunen.\n\nMit Kinderbetreuung."
    )


@pytest.mark.sphinx("text", testroot="basic")
def test_other_builders_render_items_as_text(app):
    app.build()
    text = (app.outdir / "bildung.txt").read_text("utf-8")
    assert "Maßnahme BIL-M3 Sprachcafés in allen Kommunen" in text
    assert "Federführung" in text
