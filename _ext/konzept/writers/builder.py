"""The ``pdf`` builder: the whole concept as one brochure, through Typst.

1. Every document is resolved on its own (post-transforms run with the right
   ``docname``, as for the HTML pages), then the toctrees are inlined into
   the root document: one doctree, each included document in a
   ``start_of_file`` node.
2. :class:`~.translator.TypstTranslator` writes it as Typst markup, after a
   preamble that passes the release metadata to ``templates/brochure.typ``.
3. The ``typst`` wheel compiles it to PDF, offline, with the fonts shipped in
   ``fonts/`` only (the system's fonts are ignored, so every machine makes
   the same PDF), tagged, and as PDF/UA-1 when the document allows it.

The ``.typ`` file stays next to the PDF: it is what to look at when a page
looks wrong.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
from collections.abc import Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.errors import SphinxError
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import progress_message

from ..core.formatting import format_date
from ..core.model import Decision
from ..core.schema import DECISION_KIND, DECISION_RESULT, N_, RELEASE_STATUS
from ..sphinxext.config import project_release
from ..sphinxext.i18n import label
from . import FONTS_DIR, TEMPLATES_DIR
from .translator import TypstTranslator
from .typst_syntax import content, string

logger = logging.getLogger(__name__)

#: Words of the brochure itself (message ids of konzept's catalogue).
LABELS: dict[str, str] = {
    "contents": N_("Contents"),
    "version": N_("Version"),
    "date": N_("As of"),
    "decisions": N_("Decision path"),
    "body": N_("Body"),
    "decision-date": N_("Meeting"),
    "kind": N_("Step"),
    "result": N_("Result"),
    "document": N_("Document"),
    "page-of": N_("Page {page} of {total}"),
    "page": N_("p."),
}


class TypstCompileError(SphinxError):
    category = "PDF error"


class PdfBuilder(Builder):
    """Builds the concept as one PDF brochure (``konzept pdf``)."""

    name = "pdf"
    format = "typst"
    epilog = __("The PDF is in %(outdir)s.")
    supported_image_types = [  # noqa: RUF012 (Sphinx's own attribute)
        "image/svg+xml",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "application/pdf",
    ]
    default_translator_class = TypstTranslator
    imagedir = "_images"

    def init(self) -> None:
        self.images: dict[str, str] = {}
        self.labels = {key: label(message) for key, message in LABELS.items()}

    def get_outdated_docs(self) -> str:
        return "all documents"  # one PDF of everything

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        # '%docname': the translator turns it (with '#anchor') into a Typst label
        return "%" + docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass  # write_documents writes the one PDF

    # -- the one document ------------------------------------------------------------

    @property
    def basename(self) -> str:
        return self.config.konzept_pdf_filename or slug(str(self.config.project)) or "konzept"

    def write_documents(self, docnames: Set[str]) -> None:
        start = time.perf_counter()
        with progress_message(__("assembling the PDF document")):
            tree = self.assemble(self.config.root_doc)
            self.post_process_images(tree)
        with progress_message(__("writing Typst markup")):
            translator = self.create_translator(tree, self)
            assert isinstance(translator, TypstTranslator)
            tree.walkabout(translator)
            body = translator.astext()
            source = self.preamble(translator.front) + body
            outdir = Path(self.outdir)
            outdir.mkdir(parents=True, exist_ok=True)
            typ = outdir / f"{self.basename}.typ"
            typ.write_text(source, encoding="utf-8")
            self.copy_support_files(outdir)
        with progress_message(__("compiling the PDF with Typst")):
            pdf = outdir / f"{self.basename}.pdf"
            self.compile(typ, pdf)
        logger.info(
            __("PDF written to %s (%.1f s)"),
            pdf,
            time.perf_counter() - start,
        )

    def assemble(self, root: str) -> nodes.document:
        """The root document with every toctree replaced by the documents it lists."""
        seen = {root}
        return self._inline(root, self._resolved(root), seen)

    def _resolved(self, docname: str) -> nodes.document:
        tree = self.env.get_doctree(docname)
        tree["docname"] = docname
        # resolved per document: konzept's post-transforms (item metadata,
        # views) look up their items by the document being resolved
        self.env.apply_post_transforms(tree, docname)
        return tree

    def _inline(self, docname: str, tree: nodes.document, seen: set[str]) -> nodes.document:
        for toctree in list(tree.findall(addnodes.toctree)):
            included: list[nodes.Node] = []
            for child in map(str, toctree["includefiles"]):
                if child in seen or child not in self.env.found_docs:
                    continue
                seen.add(child)
                subtree = self._inline(child, self._resolved(child), seen)
                start = addnodes.start_of_file(docname=child)
                start.extend(list(subtree.children))
                included.append(start)
            toctree.replace_self(included or [nodes.comment()])
        return tree

    def preamble(self, front: str | None) -> str:
        release = project_release(self.config)
        language = self.config.language or "en"
        lang, _, region = language.replace("-", "_").partition("_")
        decisions = [_decision(d, language) for d in release.decisions]
        status = RELEASE_STATUS.term(release.status)
        author = str(self.config.author or "")
        if author == Config.config_values["author"].default:
            author = ""  # Sphinx's placeholder, not a publisher
        info = {
            "title": string(release.title),
            "authors": f"({string(author)},)" if author else "()",
            "keywords": f"({string(release.version)},)",
            "publisher": content(author),
            "version": content(release.version),
            "status": content(label(status.label) if status else release.status),
            "status-key": string(release.status),
            "date": content(format_date(release.date, language)) if release.date else "none",
            "decisions": "(" + "".join(d + ", " for d in decisions) + ")",
            "lang": string(lang.lower()),
            "region": string(region.upper()) if region else "none",
        }
        labels = {key: string(value) for key, value in self.labels.items()}
        return (
            f"// The PDF brochure of {self.config.project}, written by konzept.\n"
            "// Generated: edit the sources, not this file.\n"
            '#import "_konzept/brochure.typ": *\n'
            "#show: brochure.with(\n"
            f"  info: {_dict(info)},\n"
            f"  labels: {_dict(labels)},\n"
            f"  toc-depth: {int(self.config.konzept_pdf_toc_depth)},\n"
            f"  front: [{front or ''}],\n"
            ")\n"
        )

    def copy_support_files(self, outdir: Path) -> None:
        support = outdir / "_konzept"
        support.mkdir(exist_ok=True)
        shutil.copyfile(TEMPLATES_DIR / "brochure.typ", support / "brochure.typ")
        images = outdir / self.imagedir
        for source, target in self.images.items():
            images.mkdir(exist_ok=True)
            shutil.copyfile(self.srcdir / source, images / target)

    def compile(self, typ: Path, pdf: Path) -> None:
        import typst

        standards = list(self.config.konzept_pdf_standards or [])
        options: dict[str, Any] = {
            "output": str(pdf),
            "root": str(typ.parent),
            "font_paths": [str(FONTS_DIR)],
            "ignore_system_fonts": True,
        }
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        if epoch.isdigit():
            options["timestamp"] = int(epoch)
        try:
            _result, warnings = typst.compile_with_warnings(
                str(typ), pdf_standards=standards, **options
            )
        except typst.TypstError as error:
            if not standards or "PDF/" not in error.message:
                raise TypstCompileError(_describe(typ, error)) from None
            logger.warning(
                "%s does not meet %s (%s); the PDF is written without that standard.",
                typ,
                ", ".join(standards),
                error.message,
                type="konzept",
                subtype="pdf",
            )
            _result, warnings = typst.compile_with_warnings(str(typ), **options)
        for warning in warnings or ():
            logger.warning(
                "%s: Typst: %s",
                typ,
                getattr(warning, "message", warning),
                type="konzept",
                subtype="pdf",
            )


def _decision(decision: Decision, language: str) -> str:
    """One step of the Beratungsfolge as a Typst dictionary (labels translated)."""
    kind = DECISION_KIND.term(decision.kind)
    result = DECISION_RESULT.term(decision.result) if decision.result else None
    values = {
        "body": content(decision.body),
        "date": content(format_date(decision.date, language) if decision.date else ""),
        "kind": content(label(kind.label) if kind else decision.kind),
        "result": "none",
        "document": content(decision.document) if decision.document else "none",
    }
    if decision.result:
        values["result"] = content(label(result.label) if result else decision.result)
    return _dict(values)


def _dict(values: dict[str, str]) -> str:
    """A Typst dictionary from keys and Typst expressions."""
    return "(" + ", ".join(f"{string(k)}: {v}" for k, v in values.items()) + ")"


def _describe(typ: Path, error: Any) -> str:
    hints = "; ".join(getattr(error, "hints", None) or ())
    diagnostic = getattr(error, "diagnostic", "") or ""
    where = re.search(r"┌─ (\S+)", diagnostic)
    place = f" at {where[1]}" if where else ""
    return (
        f"Typst could not compile {typ.parent}{place}: {error.message}"
        + (f" – {hints}" if hints else "")
        + ". This is a bug in konzept's PDF writer: please report it with the .typ file."
    )


def slug(text: str) -> str:
    """``Integrationskonzept Kreis Musterland`` → ``integrationskonzept-kreis-musterland``."""
    text = text.lower()
    for umlaut, ascii_ in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ascii_)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
