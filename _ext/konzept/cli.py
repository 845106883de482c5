"""The ``konzept`` command: build and check concepts from the terminal.

Every sub-command takes the folder of a concept (the one with ``conf.py``);
the sources are in its ``source/`` folder, or beside ``conf.py`` when there
is none. User mistakes end in one line on stderr and exit code 2; a build
with problems exits 1, like ``diff`` and ``grep``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__


class UsageError(Exception):
    """A mistake of the user's: reported as one line, exit code 2."""


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


def _sphinx(project: Project, builder: str, outdir: Path, doctrees: Path, extra: list[str]) -> int:
    from sphinx.cmd.build import build_main

    argv = [
        "-b", builder,
        "-c", str(project.confdir),
        "-d", str(doctrees),
        *extra,
        str(project.srcdir),
        str(outdir),
    ]
    return build_main(argv)


def _common(args: argparse.Namespace) -> list[str]:
    extra = ["-j", str(args.jobs)] if args.jobs else []
    if getattr(args, "quiet", False):
        extra.append("-q")
    return extra


def cmd_build(args: argparse.Namespace) -> int:
    project = Project.find(args.directory)
    extra = _common(args)
    if args.fresh:
        extra.append("-E")
    if args.warnings_as_errors:
        extra += ["-W", "--keep-going"]
    outdir = project.builddir / "html"
    status = _sphinx(project, "html", outdir, project.builddir / "doctrees", extra)
    if status == 0:
        print(f"konzept: site written to {outdir / 'index.html'}")
    return status


def cmd_check(args: argparse.Namespace) -> int:
    project = Project.find(args.directory)
    with tempfile.TemporaryDirectory(prefix="konzept-check-") as tmp:
        warnings = Path(tmp) / "warnings.txt"
        extra = [*_common(args), "-E", "-q", "-w", str(warnings)]
        status = _sphinx(project, "konzept-check", Path(tmp) / "out", Path(tmp) / "doctrees", extra)
        text = warnings.read_text("utf-8") if warnings.exists() else ""
    problems = sum(1 for line in text.splitlines() if ": WARNING: " in line or ": ERROR: " in line)
    if status not in (0, 1):
        return 2
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
        sub.add_argument("-j", "--jobs", metavar="N", help="parallel processes ('auto' or a number)")
        return sub

    build = command("build", "Build the concept as a web site into DIR/_build/html.")
    build.add_argument("-E", "--fresh", action="store_true", help="ignore the saved state, read everything")
    build.add_argument(
        "-W", "--warnings-as-errors", action="store_true", help="fail when there is any warning"
    )
    build.add_argument("-q", "--quiet", action="store_true", help="only print warnings and errors")
    build.set_defaults(func=cmd_build)

    check = command("check", "Check the concept without writing anything; exit 1 on any problem.")
    check.set_defaults(func=cmd_check)
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
