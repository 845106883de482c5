"""The few git operations the site builder needs, through the ``git`` command.

Older releases are checked out into temporary worktrees: the repository's own
working tree (with the author's uncommitted changes) is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import UsageError


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo``; its output without the final newline."""
    if shutil.which("git") is None:
        raise UsageError("git is not installed; the site builder needs it for older releases")
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()
        raise UsageError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return result.stdout.rstrip("\n")


def toplevel(directory: Path) -> Path | None:
    """The root of the git repository that holds ``directory``, or None."""
    if shutil.which("git") is None:
        return None
    result = subprocess.run(
        ["git", "-C", str(directory), "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=False,
    )
    return Path(result.stdout.strip()).resolve() if result.returncode == 0 else None


def tags(repo: Path, pattern: str) -> list[str]:
    """Tags matching a glob pattern (git's own matching), oldest first."""
    if not pattern:
        return []
    out = git(repo, "tag", "--list", "--sort=creatordate", pattern)
    return [line for line in out.splitlines() if line]


def commit_of(repo: Path, ref: str) -> str:
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except UsageError:
        raise UsageError(
            f"{ref!r} is no tag or commit of the repository {repo}; "
            "check konzept_versions in conf.py"
        ) from None


def commit_date(repo: Path, commit: str) -> str:
    """The commit's date as YYYY-MM-DD."""
    return git(repo, "log", "-1", "--format=%cs", commit)


@contextmanager
def worktree(repo: Path, commit: str) -> Iterator[Path]:
    """A temporary, detached worktree of ``commit``; removed afterwards."""
    parent = Path(tempfile.mkdtemp(prefix="konzept-site-"))
    path = parent / commit[:12]
    git(repo, "worktree", "add", "--detach", "--quiet", str(path), commit)
    try:
        yield path
    finally:
        subprocess.run(
            ["git", "-C", str(repo), "worktree", "remove", "--force", str(path)],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(parent, ignore_errors=True)
        subprocess.run(
            ["git", "-C", str(repo), "worktree", "prune"], capture_output=True, check=False
        )
