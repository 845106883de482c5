"""Read a concept's configuration, in a process of its own.

    python -m konzept.publish.probe CONFDIR RESULT.json

The site builder must know every release (version, status, date) before it
builds any of them: the switcher and the banners name all of them. Sphinx
reads ``conf.py`` and loads the extensions – so the values are exactly those
the build will see, ``konzept_release`` checked by konzept – but builds
nothing. A process of its own per release keeps one ``conf.py`` (its imports,
its changes to ``sys.path``) from leaking into the next.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any


def probe(confdir: Path) -> dict[str, Any]:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    from ..sphinxext.config import project_release

    source = confdir / "source"
    srcdir = source if source.is_dir() else confdir
    with (
        tempfile.TemporaryDirectory(prefix="konzept-probe-") as tmp,
        patch_docutils(confdir),
        docutils_namespace(),
    ):
        app = Sphinx(
            srcdir=srcdir,
            confdir=confdir,
            outdir=Path(tmp) / "out",
            doctreedir=Path(tmp) / "doctrees",
            buildername="dummy",
            status=None,
            warning=io.StringIO(),  # the build itself reports them
            freshenv=True,
        )
        config = app.config
        release = project_release(config)
        raw_release = config.konzept_release if isinstance(config.konzept_release, dict) else {}
        return {
            "release": release.to_json(),
            "explicit_version": bool(raw_release.get("version")),
            "root_doc": str(config.root_doc),
            "file_suffix": str(config.html_file_suffix or ".html"),
            "language": str(config.language or "en"),
            "theme": str(config.html_theme),
            "tags": config.konzept_versions_tags,
            "versions": config.konzept_versions,
        }


def main(argv: list[str]) -> int:
    from sphinx.errors import SphinxError

    confdir, result = Path(argv[0]).resolve(), Path(argv[1])
    try:
        data = probe(confdir)
    except SphinxError as error:
        print(f"{confdir / 'conf.py'}: {error}", file=sys.stderr)
        return 2
    result.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
