"""Sphinx configuration of __TITLE__.

Build the site with ``konzept build`` in this folder; check with
``konzept check``. See the konzept documentation for every setting.
"""

project = __TITLE_PY__
author = __AUTHOR_PY__
copyright = "__YEAR__, " + author
language = "de"

extensions = ["myst_parser", "sphinx_design", "sphinxcontrib.bibtex", "konzept"]

# The release being written: its version, title, status (draft, submitted,
# adopted) and the Beratungsfolge (decision path) with its dates.
konzept_release = {
    "version": "__YEAR__",
    "title": __TITLE_PY__,
    "status": "draft",
    "decisions": [
        {"body": "Integrationsrat", "date": "__YEAR__-12-01", "kind": "hearing"},
        {"body": "Kreistag", "date": "__NEXT_YEAR__-03-15", "kind": "resolution"},
    ],
}

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
bibtex_bibfiles = ["source/references.bib"]
bibtex_reference_style = "author_year"

html_theme = "pydata_sphinx_theme"
html_title = __TITLE_PY__
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": False}
