"""``konzept diff OLD NEW``: what changed between two releases, like ``diff``.

    konzept diff 2016 2026                    # archived releases (releases/*.json)
    konzept diff releases/2011.json x.json    # snapshot files
    konzept diff konzept-2016 HEAD            # git refs: built in a temporary worktree
    konzept diff 2016 .                       # "." (or "current"): the project as it is now

Output: terminal text (coloured on a terminal; ``--color``), or
``--format markdown|html|json``. Exit code 0 when the releases are equal,
1 when they differ, 2 on an error (one line on stderr) — like ``diff``.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..core import BUILTIN_SCHEMA, Schema, extend_schema
from ..core.diff import diff
from ..core.diff_report import Presenter, render_html, render_markdown, render_text
from ..core.snapshot import (
    Snapshot,
    SnapshotError,
    available_versions,
    find_release,
    is_valid_version,
    load_snapshot,
)
from ..errors import UsageError
from .release import current_json, read_conf, releases_dir

FORMATS = ("text", "markdown", "html", "json")
CURRENT = (".", "current")
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def register(commands: Any) -> None:
    """Add the command to the ``konzept`` sub-parsers (it takes no DIR argument)."""
    text = "Show what changed between two releases; exit 1 when they differ, like diff."
    sub = commands.add_parser(
        "diff",
        help=text,
        description=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_argument("old", metavar="OLD", help="version, snapshot file, git ref or '.'")
    sub.add_argument("new", metavar="NEW", help="version, snapshot file, git ref or '.'")
    sub.add_argument(
        "-p",
        "--project",
        default=".",
        metavar="DIR",
        help="folder with conf.py whose releases and git history to use (default: .)",
    )
    sub.add_argument("-f", "--format", choices=FORMATS, default="text", help="default: text")
    sub.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default: auto, i.e. on a terminal without NO_COLOR)",
    )
    sub.add_argument(
        "-l", "--language", help="language of the labels (default: the project's, else $LANG)"
    )
    sub.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    sub.add_argument("-j", "--jobs", metavar="N", help="parallel processes for builds")
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project = _project(args.project)
    conf = read_conf(project.confdir) if project is not None else {}
    old = resolve(args.old, project, conf, args.jobs)
    new = resolve(args.new, project, conf, args.jobs)
    result = diff(old, new)
    language = args.language or conf.get("language") or _language_from_env()
    presenter = Presenter(
        result,
        schema=_schema(conf),
        language=language,
        translate=_translator(language),
    )
    if args.format == "json":
        text = json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "markdown":
        text = render_markdown(presenter)
    elif args.format == "html":
        text = render_html(presenter)
    else:
        text = render_text(presenter, color=_color(args.color, args.output))
    if args.output:
        try:
            Path(args.output).write_text(text, "utf-8")
        except OSError as error:
            raise UsageError(f"{args.output}: cannot be written ({error.strerror})") from None
    else:
        sys.stdout.write(text)
    return 0 if result.is_empty else 1


# -- where OLD and NEW come from -----------------------------------------------------


def resolve(spec: str, project: Any, conf: dict[str, Any], jobs: str | None) -> Snapshot:
    """A snapshot file, ``.``/``current``, an archived version, or a git ref."""
    path = Path(spec)
    if path.is_file():
        return _load(path)
    if spec in CURRENT:
        if project is None:
            raise UsageError(f"{spec!r} means the project here, but there is no conf.py")
        return _load(current_json(project, jobs=jobs), "the current state")
    folder = releases_dir(project, conf) if project is not None else None
    if folder is not None and is_valid_version(spec) and (folder / f"{spec}.json").is_file():
        try:
            return find_release(folder, spec)
        except SnapshotError as error:
            raise UsageError(str(error)) from None
    if project is not None:
        commit = _git_commit(project.confdir, spec)
        if commit is not None:
            return snapshot_at(project, spec, commit, jobs)
    raise UsageError(_unknown(spec, folder, project))


def _unknown(spec: str, folder: Path | None, project: Any) -> str:
    if project is None:
        return (
            f"{spec!r} is no snapshot file, and there is no conf.py here to look up "
            "versions and git refs; name the project with --project DIR"
        )
    known = available_versions(folder) if folder is not None else []
    versions = f"archived: {', '.join(known)}" if known else "no release is archived"
    return (
        f"{spec!r} is neither an archived release ({versions}), a snapshot file, "
        "nor a git ref of the project"
    )


def _load(path: Path, source: str | None = None) -> Snapshot:
    try:
        snapshot = load_snapshot(path)
    except SnapshotError as error:
        raise UsageError(str(error)) from None
    if source is None:
        return snapshot
    return Snapshot(snapshot.version, snapshot.release, snapshot.items, source)


def _project(directory: str) -> Any:
    from ..cli import Project

    folder = Path(directory)
    if not (folder / "conf.py").is_file():
        if directory != ".":
            Project.find(directory)  # the one-line error about the folder
        return None
    return Project.find(directory)


# -- git -----------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return subprocess.CompletedProcess(["git", *args], 127, "", "git is not installed")


def _git_commit(confdir: Path, ref: str) -> str | None:
    if ref.startswith("-"):
        return None
    result = _git(confdir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else None


def snapshot_at(project: Any, ref: str, commit: str, jobs: str | None) -> Snapshot:
    """Build the project as it is at ``commit`` in a temporary worktree.

    The worktree is built with the konzept installed now (not the one of that
    commit), read and checked only; it is removed afterwards.
    """
    from ..cli import Project, run_sphinx

    top_result = _git(project.confdir, "rev-parse", "--show-toplevel")
    if top_result.returncode != 0:
        raise UsageError(f"{project.confdir}: not in a git repository")
    top = Path(top_result.stdout.strip())
    inside = project.confdir.resolve().relative_to(top.resolve())
    print(f"konzept: building {ref} ({commit[:10]}) in a temporary git worktree …", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="konzept-diff-") as tmp:
        tree = Path(tmp) / "tree"
        added = _git(top, "worktree", "add", "--detach", "--quiet", str(tree), commit)
        if added.returncode != 0:
            message = (added.stderr.strip().splitlines() or ["git worktree add failed"])[-1]
            raise UsageError(f"{ref}: {message}")
        try:
            folder = tree / inside
            if not (folder / "conf.py").is_file():
                raise UsageError(f"{ref}: the project has no conf.py at {inside} in that commit")
            at_ref = Project.find(str(folder))
            captured = io.StringIO()
            with contextlib.redirect_stderr(captured):
                status, _warnings = run_sphinx(
                    at_ref,
                    "konzept-json",
                    Path(tmp) / "out",
                    Path(tmp) / "doctrees",
                    jobs=jobs,
                    fresh=True,
                    quiet=True,
                )
            result = Path(tmp) / "out" / "konzept.json"
            if status != 0 or not result.is_file():
                raise UsageError(f"{ref}: the project at that commit could not be built")
            return _load(result, f"git {ref} ({commit[:10]})")
        finally:
            removed = _git(top, "worktree", "remove", "--force", str(tree))
            if removed.returncode != 0:
                shutil.rmtree(tree, ignore_errors=True)
                _git(top, "worktree", "prune")


# -- presentation --------------------------------------------------------------------


def _schema(conf: dict[str, Any]) -> Schema:
    options = conf.get("konzept_options") or {}
    vocabularies = conf.get("konzept_vocabularies") or {}
    if not isinstance(options, dict) or not isinstance(vocabularies, dict):
        return BUILTIN_SCHEMA
    schema, _problems = extend_schema(BUILTIN_SCHEMA, options, vocabularies)
    return schema


def _language_from_env() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value.split(".")[0].split("_")[0]
    return "en"


def _translator(language: str) -> Any:
    catalogue = gettext.translation("konzept", LOCALE_DIR, languages=[language], fallback=True)
    return catalogue.gettext


def _color(choice: str, output: str | None) -> bool:
    if choice != "auto":
        return choice == "always"
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
