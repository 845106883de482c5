"""The ``konzept`` command: build and check concepts from the terminal.

Every sub-command takes the folder of a concept (the one with ``conf.py``);
the sources are in its ``source/`` folder, or beside ``conf.py`` when there
is none. User mistakes end in one line on stderr and exit code 2; a build
with problems exits 1, like ``diff`` and ``grep``.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .commands import diff, export, new, release, site
from .errors import UsageError


@dataclass(frozen=True)
class Project:
    confdir: Path
    srcdir: Path

    @property
    def builddir(self) -> Path:
        return self.confdir / "_build"

    @classmethod
    def find(cls, directory: str) -> Project:
        confdir = Path(directory).resolve()
        if not confdir.is_dir():
            raise UsageError(f"{directory}: no such folder")
        if not (confdir / "conf.py").is_file():
            raise UsageError(
                f"{confdir}: no conf.py here; run konzept in the folder of your concept "
                "or name that folder, e.g. 'konzept build path/to/concept'"
            )
        source = confdir / "source"
        return cls(confdir, source if source.is_dir() else confdir)


class WarningStream:
    """Passes Sphinx's warnings on to stderr and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def write(self, text: str) -> int:
        self.count += text.count(": WARNING: ") + text.count(": ERROR: ")
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


def _jobs(value: str | None) -> int:
    if not value:
        return 1
    if value == "auto":
        return os.cpu_count() or 1
    if value.isdigit() and int(value) > 0:
        return int(value)
    raise UsageError(f"-j takes a positive number or 'auto', not {value!r}")


def run_sphinx(
    project: Project,
    builder: str,
    outdir: Path,
    doctrees: Path,
    *,
    jobs: str | None = None,
    fresh: bool = False,
    quiet: bool = False,
    warnings_as_errors: bool = False,
) -> tuple[int, int]:
    """Build with Sphinx; return (Sphinx's status code, number of warnings).

    Mistakes in conf.py or a missing extension end as one line (UsageError);
    only a bug in konzept or Sphinx shows a traceback.
    """
    from sphinx.application import Sphinx
    from sphinx.errors import ConfigError, ExtensionError, SphinxError
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    warnings = WarningStream()
    # A build allocates millions of long-lived nodes; Python's default
    # collector thresholds make it re-scan them over and over (measured: a
    # quarter of a 10,000-item build). The command owns its process, so it
    # may collect less often; the extension itself only leaves out what lives
    # to the end of a build, and only until it ends (sphinxext/memory.py).
    gc.set_threshold(20_000, 10, 10)
    try:
        with patch_docutils(project.confdir), docutils_namespace():
            app = Sphinx(
                srcdir=project.srcdir,
                confdir=project.confdir,
                outdir=outdir,
                doctreedir=doctrees,
                buildername=builder,
                status=None if quiet else sys.stdout,
                warning=warnings,  # type: ignore[arg-type]
                freshenv=fresh,
                warningiserror=warnings_as_errors,
                parallel=_jobs(jobs),
            )
            app.build()
            return app.statuscode, warnings.count
    except ConfigError as error:
        raise UsageError(f"{project.confdir / 'conf.py'}: {error}") from None
    except ExtensionError as error:
        raise UsageError(f"an extension named in conf.py failed to load: {error}") from None
    except SphinxError as error:
        if warnings_as_errors and "warning" in str(error).lower():
            return 1, max(warnings.count, 1)
        raise UsageError(f"{error.category}: {error}") from None


def _build(args: argparse.Namespace, builder: str) -> tuple[int, Path]:
    """Build the project in ``args.directory`` with ``builder`` into _build/<builder>."""
    project = Project.find(args.directory)
    outdir = project.builddir / builder
    status, _count = run_sphinx(
        project,
        builder,
        outdir,
        project.builddir / "doctrees",
        jobs=args.jobs,
        fresh=args.fresh,
        quiet=args.quiet,
        warnings_as_errors=args.warnings_as_errors,
    )
    return status, outdir


def cmd_build(args: argparse.Namespace) -> int:
    status, outdir = _build(args, "html")
    if status == 0:
        print(f"konzept: site written to {outdir / 'index.html'}")
    return status


def cmd_pdf(args: argparse.Namespace) -> int:
    status, outdir = _build(args, "pdf")
    written = sorted(outdir.glob("*.pdf"), key=lambda path: path.stat().st_mtime)
    if status == 0 and written:
        print(f"konzept: PDF written to {written[-1]}")
    return status


def cmd_check(args: argparse.Namespace) -> int:
    project = Project.find(args.directory)
    with tempfile.TemporaryDirectory(prefix="konzept-check-") as tmp:
        _status, problems = run_sphinx(
            project,
            "konzept-check",
            Path(tmp) / "out",
            Path(tmp) / "doctrees",
            jobs=args.jobs,
            fresh=True,
            quiet=True,
        )
    if problems:
        print(f"konzept check: {problems} problem(s) found", file=sys.stderr)
        return 1
    print("konzept check: no problems found")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="konzept",
        description="Author, check and publish strategy documents made with konzept.",
    )
    main.add_argument("--version", action="version", version=f"konzept {__version__}")
    commands = main.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "directory",
            nargs="?",
            default=".",
            metavar="DIR",
            help="folder with conf.py (default: the current folder)",
        )
        sub.add_argument(
            "-j", "--jobs", metavar="N", help="parallel processes ('auto' or a number)"
        )
        return sub

    build = command("build", "Build the concept as a web site into DIR/_build/html.")
    build.add_argument(
        "-E", "--fresh", action="store_true", help="ignore the saved state, read everything"
    )
    build.add_argument(
        "-W", "--warnings-as-errors", action="store_true", help="fail when there is any warning"
    )
    build.add_argument("-q", "--quiet", action="store_true", help="only print warnings and errors")
    build.set_defaults(func=cmd_build)

    pdf = command("pdf", "Build the concept as a PDF brochure into DIR/_build/pdf.")
    pdf.add_argument(
        "-E", "--fresh", action="store_true", help="ignore the saved state, read everything"
    )
    pdf.add_argument(
        "-W", "--warnings-as-errors", action="store_true", help="fail when there is any warning"
    )
    pdf.add_argument("-q", "--quiet", action="store_true", help="only print warnings and errors")
    pdf.set_defaults(func=cmd_pdf)

    check = command("check", "Check the concept without writing anything; exit 1 on any problem.")
    check.set_defaults(func=cmd_check)

    export.register(command)
    new.register(command)
    site.register(command)
    release.register(command)
    diff.register(commands)  # OLD NEW, no DIR
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except UsageError as error:
        print(f"konzept: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("konzept: interrupted", file=sys.stderr)
        return 130
    return result


if __name__ == "__main__":
    sys.exit(main())
