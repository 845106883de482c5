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
