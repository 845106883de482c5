"""``konzept release [DIR]``: archive the current build as a release snapshot.

    konzept release [DIR] [--force] [--rebuild]

The snapshot is exactly the ``konzept.json`` of the build, stored as
``releases/<version>.json`` beside ``conf.py`` (``konzept_releases_dir``),
``<version>`` being ``konzept_release["version"]``. The last site build is
reused when no source is newer than it; otherwise the project is read and
checked (no pages written). An existing snapshot is never replaced silently.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.snapshot import SnapshotError, release_path
from ..errors import UsageError

if TYPE_CHECKING:
    from ..cli import Project


def register(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    sub = command(
        "release",
        "Archive the current state as the snapshot of its release "
        "(releases/<version>.json beside conf.py).",
    )
    sub.add_argument(
        "-f", "--force", action="store_true", help="replace an existing snapshot of this version"
    )
    sub.add_argument(
        "--rebuild",
        action="store_true",
        help="read the project again even if the last build is up to date",
    )
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import Project

    project = Project.find(args.directory)
    source = current_json(project, jobs=args.jobs, rebuild=args.rebuild)
    text = source.read_text("utf-8")
    data = json.loads(text)
    release = data.get("release") or {}
    version = str(release.get("version") or "").strip()
    if not version:
        raise UsageError(f"{project.confdir / 'conf.py'}: konzept_release has no 'version'")
    try:
        target = release_path(releases_dir(project), version)
    except SnapshotError as error:
        raise UsageError(f"konzept_release['version']: {error}") from None
    shown = _shown(target)
    if target.exists():
        if target.read_text("utf-8") == text:
            print(f"konzept: release {version} is archived already ({shown}, unchanged)")
            return 0
        if not args.force:
            raise UsageError(
                f"{shown} exists and differs from the current state; to replace the "
                "archived release, run again with --force (or raise the version in conf.py)"
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    count = len(data.get("items") or {})
    status = release.get("status") or "draft"
    print(f"konzept: release {version} ({status}, {count} items) archived as {shown}")
    if status != "adopted":
        print(
            f"konzept: note: its status is {status!r}; archive a release once it is adopted, "
            "or compare drafts with 'konzept diff'",
            file=sys.stderr,
        )
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def current_json(project: Project, *, jobs: str | None = None, rebuild: bool = False) -> Path:
    """The ``konzept.json`` of the project as it is now.

    The site's last build (``_build/html/konzept.json``) when nothing in the
    sources or ``conf.py`` is newer; else a fresh read (``konzept-json``
    builder, no pages written).
    """
    from ..cli import run_sphinx

    built = project.builddir / "html" / "konzept.json"
    if not rebuild and built.is_file() and _newest_source(project) <= built.stat().st_mtime:
        return built
    outdir = project.builddir / "json"
    status, warnings = run_sphinx(
        project,
        "konzept-json",
        outdir,
        project.builddir / "doctrees-json",
        jobs=jobs,
        quiet=True,
    )
    result = outdir / "konzept.json"
    if status != 0 or not result.is_file():
        raise UsageError(f"{project.confdir}: the build failed; run 'konzept check' to see why")
    if warnings:
        print(
            f"konzept: note: the build gave {warnings} warning(s); run 'konzept check'",
            file=sys.stderr,
        )
    return result


def _newest_source(project: Project) -> float:
    newest = (project.confdir / "conf.py").stat().st_mtime
    skip = {project.builddir.resolve()}
    for path in project.srcdir.rglob("*"):
        if path.is_file() and not any(parent in skip for parent in path.resolve().parents):
            newest = max(newest, path.stat().st_mtime)
    return newest


# -- the project's settings ------------------------------------------------------


def read_conf(confdir: Path) -> dict[str, Any]:
    """The values ``conf.py`` sets (it is run, as Sphinx runs it)."""
    from sphinx.config import eval_config_file
    from sphinx.errors import ConfigError
    from sphinx.util.tags import Tags

    try:
        return dict(eval_config_file(confdir / "conf.py", Tags()))
    except ConfigError as error:
        raise UsageError(f"{confdir / 'conf.py'}: {error}") from None


def releases_dir(project: Project, conf: dict[str, Any] | None = None) -> Path:
    """``konzept_releases_dir`` of the project (default ``releases``), absolute."""
    values = read_conf(project.confdir) if conf is None else conf
    folder = values.get("konzept_releases_dir") or "releases"
    return (project.confdir / str(folder)).resolve()
