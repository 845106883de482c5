"""konzept's stylesheet, served from the site itself under a hashed name.

The hash in the file name means a browser never keeps a stale copy after an
update (the idea sphinx-design uses).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .i18n import _

STATIC = Path(__file__).resolve().parent.parent / "static"
ASSETS = ("konzept.css", "konzept-a11y.css", "konzept-tables.js")


def hashed_name(name: str) -> str:
    digest = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{digest}.{suffix}"


def add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    for name in ASSETS:
        if name.endswith(".css"):
            app.add_css_file(hashed_name(name))
        elif name.endswith(".js"):
            app.add_js_file(hashed_name(name), loading_method="defer")
    # the script's labels, in the language of the site
    labels = {
        "filter": str(_("Filter table")),
        "rows": str(_("{shown} of {total} rows")),
        "sortBy": str(_("Sort by {column}")),
    }
    data = json.dumps(labels, ensure_ascii=False).replace("<", "\\u003c")
    app.add_js_file(None, body=f"window.KONZEPT_I18N = {data};")


def copy_assets(app: Sphinx) -> None:
    # before any page is written: Sphinx adds "?v=<checksum>" to the links of
    # files it finds, so a fresh and an incremental build write the same pages
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(STATIC / name, target / hashed_name(name))


def record_asset_names(app: Sphinx, config: Config) -> None:
    # A config value of category "html": when an update of konzept changes the
    # stylesheet (and so its name), Sphinx re-writes every page.
    config.konzept_assets = " ".join(hashed_name(name) for name in ASSETS)


def setup_assets(app: Sphinx) -> None:
    app.add_config_value("konzept_assets", "", "html", str)
    app.connect("config-inited", record_asset_names)
    app.connect("builder-inited", add_assets)
    app.connect("builder-inited", copy_assets)
