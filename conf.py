"""Sphinx configuration of the flagship: Integrationskonzept Kreis Musterland.

Build it with ``nox -s build`` (or ``konzept build .``); the sources are in
``source/``.
"""

project = "Integrationskonzept Kreis Musterland"
author = "Kreis Musterland, Kommunales Integrationszentrum"
copyright = "2026, Kreis Musterland"
language = "de"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "konzept",
]

# -- the release being built (konzept) --------------------------------------

konzept_release = {
    "version": "2026",
    "title": "Integrationskonzept Kreis Musterland – Fortschreibung 2026",
    "date": "2026-11-16",
    "status": "draft",
    "predecessor": "2016",
    "decisions": [
        {"body": "Integrationsrat", "date": "2026-12-03", "kind": "hearing"},
        {
            "body": "Ausschuss für Soziales, Gesundheit und Integration",
            "date": "2027-01-20",
            "kind": "preliminary",
        },
        {"body": "Kreisausschuss", "date": "2027-02-24", "kind": "preliminary"},
        {"body": "Kreistag", "date": "2027-03-15", "kind": "resolution"},
    ],
}

# The change log (chapter "Änderungen") and the badges on the items compare
# with this archived release (releases/2016.json).
konzept_compare_to = "2016"

# Options and vocabulary terms this county adds to konzept's schema.
konzept_options = {
    "measure": {
        "target_group": {
            "kind": "text",
            "label": "Zielgruppe",
            "description": "Für wen die Maßnahme gedacht ist.",
        },
    },
}

# The archived releases the multi-version site publishes (konzept site): the
# tags konzept-2011 and konzept-2016, named here by commit as well, so a
# clone without tags still has them (the commits are merged into main).
konzept_versions = [
    {"ref": "af899eebcc0654cef5e786b2fb73e76106e91b71", "version": "2011"},
    {"ref": "135dc314aa0a36f2b6f3320fff01355448e03fdc", "version": "2016"},
]

# The concept names its open points itself (chapter "Übersichten zur
# Steuerung"); as build warnings they would fail the -W build of the site.
suppress_warnings = ["konzept.uncovered"]

# -- accessibility statement and imprint (konzept) -------------------------
# BITV: a public body's site states how accessible it is, where to report
# barriers and which body enforces the law; every page links the statement.

konzept_accessibility = {
    "body": "Der Kreis Musterland",
    "status": "partial",
    "date": "2026-11-16",
    "reviewed": "2026-11-16",
    "law": (
        "dem Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der "
        "Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITVNRW)"
    ),
    "limitations": [
        "Erläuterungen zu dieser Website in Leichter Sprache und in Deutscher "
        "Gebärdensprache werden noch nicht angeboten.",
        "Die Website wurde automatisiert und mit der Tastatur geprüft, aber noch nicht "
        "mit jedem verbreiteten Screenreader.",
    ],
    "contact": {
        "name": "Kommunales Integrationszentrum Kreis Musterland",
        "address": ["Kreishaus, Am Markt 1", "12345 Nordheim"],
        "email": "barrierefreiheit@musterland.example.org",
        "phone": "+49 1234 567-0",
    },
    "enforcement": {
        "name": "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
        "organisation": (
            "bei der Beauftragten der Landesregierung für Menschen mit Behinderung "
            "sowie für Patientinnen und Patienten in Nordrhein-Westfalen"
        ),
        "url": "https://www.lbbp.nrw.de/ombudsstelle",
        "text": (
            "Die Ombudsstelle vermittelt zwischen Ihnen und der öffentlichen Stelle, "
            "wenn eine Barriere nicht beseitigt wurde (§§ 10d, 10e BGG NRW, §§ 9 ff. "
            "BITVNRW). Das Antragsformular finden Sie auf ihrer Website."
        ),
    },
}
konzept_imprint_url = "https://www.example.org/musterland/impressum"

# -- MyST, bibliography ------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
bibtex_bibfiles = ["source/references.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "author_year"

# -- HTML --------------------------------------------------------------------

html_theme = "pydata_sphinx_theme"
html_title = "Integrationskonzept Kreis Musterland"
html_last_updated_fmt = "%d.%m.%Y"
html_show_sourcelink = False
# The left navigation only where a chapter has sub-pages (the fields of
# action); single-page chapters get the full width for their tables.
html_sidebars = {
    page: []
    for page in (
        "index",
        "einleitung",
        "ausgangslage",
        "leitbild",
        "akteure",
        "indikatoren",
        "beteiligung",
        "umsetzung",
        "steuerung",
        "aenderungen",
        "literatur",
    )
}
html_theme_options = {
    "header_links_before_dropdown": 3,
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "navbar_align": "left",
    "footer_start": ["copyright"],
    "footer_end": [],
    "secondary_sidebar_items": ["page-toc"],
}
