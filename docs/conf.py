"""Sphinx configuration of konzept's own documentation (``nox -s docs``)."""

project = "konzept"
author = "konzept team"
copyright = "2026, konzept team"
language = "en"

extensions = ["myst_parser", "sphinx_design", "konzept"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

html_theme = "pydata_sphinx_theme"
html_title = "konzept"
html_show_sourcelink = False
html_static_path = ["_static"]
html_css_files = ["docs.css"]
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "header_links_before_dropdown": 3,
    "footer_start": ["copyright"],
    "footer_end": [],
}

# The release of the example concept in these pages (shown by the
# "decisions" view in views.md).
konzept_release = {
    "version": "2026",
    "title": "Beispielkonzept",
    "status": "adopted",
    "decisions": [
        {"body": "Integrationsrat", "date": "2026-05-06", "kind": "hearing"},
        {
            "body": "Sozialausschuss",
            "date": "2026-05-20",
            "kind": "preliminary",
            "result": "recommended",
        },
        {
            "body": "Kreistag",
            "date": "2026-06-29",
            "kind": "resolution",
            "result": "adopted unchanged",
            "document": "0815/2026",
        },
    ],
}
