"""``konzept site``: every release of the concept in one site, with a switcher.

    konzept site [DIR] [-o OUT] [-j N] [-W] [-q]

See :mod:`konzept.publish.site`; ``nox -s site`` runs it for the flagship.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError


def register(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    sub = command(
        "site",
        "Build every release (git tags konzept-*, see konzept_versions_tags) and the "
        "current state into one site in DIR/_build/site, with a version switcher.",
    )
    sub.add_argument(
        "-o", "--output", metavar="OUT", help="folder of the site (default: DIR/_build/site)"
    )
    sub.add_argument(
        "-W",
        "--warnings-as-errors",
        action="store_true",
        help="fail when the build of any release has a warning",
    )
    sub.add_argument("-q", "--quiet", action="store_true", help="only print warnings and errors")
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..publish.site import BuildFailed, build_site

    confdir = Path(args.directory)
    if not (confdir / "conf.py").is_file():
        raise UsageError(f"{confdir.resolve()}: no conf.py here; name the folder of your concept")
    jobs = None
    if args.jobs:
        if not (args.jobs == "auto" or (args.jobs.isdigit() and int(args.jobs) > 0)):
            raise UsageError(f"-j takes a positive number or 'auto', not {args.jobs!r}")
        jobs = None if args.jobs == "auto" else int(args.jobs)
    output = Path(args.output) if args.output else confdir / "_build" / "site"

    def say(text: str) -> None:
        if not args.quiet:
            print(f"konzept site: {text}", flush=True)

    try:
        site = build_site(confdir, output, jobs=jobs, strict=args.warnings_as_errors, say=say)
    except BuildFailed as error:
        print(f"konzept site: {error}", file=sys.stderr)
        return 1
    print(f"konzept: site written to {site.output / 'index.html'}")
    return 0
