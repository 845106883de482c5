extensions = ["konzept", "sphinxcontrib.bibtex"]
bibtex_bibfiles = ["refs.bib"]
