"""The same items in reStructuredText, nested in field blocks, with options
and vocabulary terms a county adds in conf.py."""

from __future__ import annotations

import pytest

from conftest import item_block, konzept_json, meta, soup, warnings_of


@pytest.mark.sphinx("html", testroot="rst", freshenv=True)
def test_restructuredtext_items_and_roles(app):
    app.build()
    assert warnings_of(app) == []
    items = konzept_json(app)["items"]
    assert items["SPR-M1"]["status"] == "planned"  # the German label is accepted
    assert items["SPR-M1"]["field"] == "SPR"  # from the docinfo field konzept_field
    assert items["SPR-Z1"]["text"] == "Ein Ziel in reStructuredText."
    page = soup(app)
    assert meta(item_block(page, "SPR-M1"))["Federführung"] == "Volkshochschule"
    links = [" ".join(a.get_text().split()) for a in page.select("p a.konzept-ref")]
    assert "SPR-Z1 Alle sprechen Deutsch" in links
    assert "SPR-M1 Sprachkurse" in links
    assert "Volkshochschule (VHS)" in links  # an actor's ID is its abbreviation


@pytest.mark.sphinx("html", testroot="nested", freshenv=True)
def test_items_in_a_field_block_belong_to_it(app):
    app.build()
    assert warnings_of(app) == []
    items = konzept_json(app)["items"]
    assert items["GES-Z1"]["field"] == "GES"  # enclosing block
    assert items["GES-M1"]["field"] == "GES"
    assert items["ARB-Z1"]["field"] == "GES"  # explicit :field: beats the block
    assert items["X-Z1"]["field"] == "ARB"  # from its Leitziel
    assert items["X-M1"]["field"] == "GES"  # from its first goal
    # the field's own text does not include the items nested in it
    assert items["GES"]["text"] == "Health matters."
    assert items["ARB"]["kind"] == "crosscutting"


@pytest.mark.sphinx("html", testroot="nested", freshenv=True)
def test_nested_items_get_deeper_headings(app):
    app.build()
    page = soup(app)
    assert item_block(page, "GES").find(class_="konzept-heading").name == "h2"
    assert item_block(page, "GES-Z1").find(class_="konzept-heading").name == "h3"
    cross = item_block(page, "ARB").find(class_="konzept-heading")
    assert cross.find(class_="konzept-type").get_text() == "Cross-cutting theme"
    # an inherited field that differs from the page's is shown
    assert meta(item_block(page, "X-M1"))["Field of action"] == "Health"


@pytest.mark.sphinx("html", testroot="custom", freshenv=True)
def test_options_and_terms_declared_in_conf_py(app):
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1
    assert "F-M2 needs ':priority:'" in warnings[0] and "[konzept.missing_option]" in warnings[0]
    items = konzept_json(app)["items"]
    m1 = items["F-M1"]
    assert m1["status"] == "suspended"
    assert m1["target_group"] == "Neuzugewanderte"
    assert m1["participants"] == 1234.5
    assert m1["priority"] == "high"
    assert m1["contact"] == "A1"
    assert items["F-M2"]["target_group"] is None
    rows = meta(item_block(soup(app), "F-M1"))
    assert rows["Status"] == "ausgesetzt"
    assert rows["Zielgruppe"] == "Neuzugewanderte"
    assert rows["Teilnehmende"] == "1.234,5"
    assert rows["Priorität"] == "hoch"
    assert rows["Ansprechpartner"] == "Beratungsstelle"


@pytest.mark.sphinx("html", testroot="cite", freshenv=True)
def test_citation_keys_are_not_part_of_the_plain_text(app):
    app.build()
    assert warnings_of(app) == []
    text = konzept_json(app)["items"]["M1"]["text"]
    assert text == "Die Kita nimmt am Bundesprogramm teil. Seit 2016 läuft es, mit Fachberatung."
