import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "PDF-Testkreis"
author = "Kreis Testland, Kommunales Integrationszentrum"
extensions = ["sphinx_design", "sphinxcontrib.bibtex", "konzept", "mystery", "synopse"]
language = "de"
myst_enable_extensions = ["colon_fence", "deflist"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
konzept_release = {
    "version": "2016",
    "title": "Integrationskonzept Kreis Testland 2016",
    "date": "2016-04-11",
    "status": "adopted",
    "decisions": [
        {"body": "Sozialausschuss", "date": "2016-05-11", "kind": "preliminary"},
        {"body": "Kreistag", "date": "2016-06-27", "kind": "resolution",
         "result": "adopted unchanged", "document": "50/020/2016"},
    ],
}
