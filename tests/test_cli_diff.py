"""``konzept release`` and ``konzept diff``: formats, exit codes, git refs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from konzept.core.export import json_schema

from conftest import ROOTS


def konzept(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "", "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    return subprocess.run(
        [sys.executable, "-m", "konzept.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def make_project(tmp_path: Path) -> Path:
    """The right project of the 'changed' pair, with the left one archived as release 1."""
    left, right = tmp_path / "left", tmp_path / "right"
    shutil.copytree(ROOTS / "test-changelog-changed" / "left", left)
    shutil.copytree(ROOTS / "test-changelog-changed" / "right", right)
    result = konzept("release", str(left))
    assert result.returncode == 0, result.stderr
    (right / "releases").mkdir()
    shutil.copyfile(left / "releases" / "1.json", right / "releases" / "1.json")
    return right


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """Shared by the tests that only read it."""
    return make_project(tmp_path_factory.mktemp("project"))


# -- konzept release ---------------------------------------------------------------


def test_release_archives_exactly_the_build_json(tmp_path):
    left = tmp_path / "left"
    shutil.copytree(ROOTS / "test-changelog-changed" / "left", left)
    result = konzept("release", str(left))
    assert result.returncode == 0, result.stderr
    assert "release 1 (adopted, 7 items) archived as" in result.stdout
    snapshot = (left / "releases" / "1.json").read_text("utf-8")
    built = konzept("build", str(left), "-q")
    assert built.returncode == 0
    assert snapshot == (left / "_build" / "html" / "konzept.json").read_text("utf-8")
    from jsonschema import Draft202012Validator

    assert Draft202012Validator(json_schema()).is_valid(json.loads(snapshot))


def test_release_reuses_an_up_to_date_build(tmp_path):
    left = tmp_path / "left"
    shutil.copytree(ROOTS / "test-changelog-changed" / "left", left)
    assert konzept("build", str(left), "-q").returncode == 0
    result = konzept("release", str(left))
    assert result.returncode == 0, result.stderr
    assert not (left / "_build" / "json").exists()  # no second read


def test_release_never_replaces_a_snapshot_silently(tmp_path: Path):
    left = make_project(tmp_path).parent / "left"
    again = konzept("release", str(left))
    assert (again.returncode, again.stderr) == (0, "")
    assert "archived already" in again.stdout
    index = left / "index.md"
    index.write_text(index.read_text("utf-8").replace("allen Kommunen", "allen Orten"), "utf-8")
    refused = konzept("release", str(left))
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "exists and differs" in refused.stderr and "--force" in refused.stderr
    forced = konzept("release", str(left), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "allen Orten" in (left / "releases" / "1.json").read_text("utf-8")


def test_release_of_a_draft_says_so(tmp_path):
    left = tmp_path / "left"
    shutil.copytree(ROOTS / "test-changelog-changed" / "left", left)
    conf = left / "conf.py"
    conf.write_text(conf.read_text("utf-8").replace('"adopted"', '"draft"'), "utf-8")
    result = konzept("release", str(left))
    assert result.returncode == 0
    assert "status is 'draft'" in result.stderr


# -- konzept diff: formats and exit codes --------------------------------------------


def test_text_output_is_plain_when_not_a_terminal(project: Path):
    result = konzept("diff", "1", ".", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "\x1b[" not in result.stdout
    assert "Text: Sprachcafés in allen [-Kommunen-]{+Städten und Gemeinden+}." in result.stdout
    assert "Federführung: [-Integrationszentrum-] → {+Volkshochschule+}" in result.stdout
    assert "Gegenüber der Fassung 1: 0 neu, 1 geändert" in result.stdout  # the project's language


def test_text_output_in_colour_and_in_english(project: Path):
    result = konzept("diff", "1", ".", "--color", "always", "--language", "en", cwd=project)
    assert result.returncode == 1
    assert "\x1b[32;4mStädten und Gemeinden\x1b[0m" in result.stdout  # underlined, not colour alone
    assert "\x1b[31;9mKommunen\x1b[0m" in result.stdout  # struck through
    assert "Compared with version 1" in result.stdout


def test_json_output_has_the_spec_shape(project: Path):
    result = konzept("diff", "1", ".", "--format", "json", cwd=project)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert (data["old"], data["new"]) == ("1", "2")
    assert data["added"] == data["removed"] == data["lineage"] == []
    assert data["unchanged"] == ["BIL", "BIL-Z1", "KI", "SPR", "SPR-Z1", "VHS"]
    (change,) = data["changed"]
    assert change["id"] == "SPR-M1"
    assert (change["moved"], change["suspect"]) == (False, False)
    assert change["fields"]["lead"] == {"old": "KI", "new": "VHS"}
    assert change["fields"]["text"]["old"] == "Sprachcafés in allen Kommunen."


def test_markdown_output(project: Path):
    result = konzept("diff", "1", ".", "--format", "markdown", cwd=project)
    assert result.returncode == 1
    assert "# 1 → 2" in result.stdout
    assert "<del>Kommunen</del><ins>Städten und Gemeinden</ins>" in result.stdout
    assert "| Fassung 1 | Fassung 2 |" in result.stdout


def test_html_output_to_a_file(project: Path, tmp_path: Path):
    target = tmp_path / "diff.html"
    result = konzept("diff", "1", ".", "--format", "html", "-o", str(target), cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="de">' in page
    assert '<del><span class="sr">gelöscht: </span>Kommunen</del>' in page


def test_equal_releases_exit_0(project: Path):
    result = konzept("diff", "1", "releases/1.json", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Keine Unterschiede." in result.stdout


def test_snapshot_files_need_no_project(project: Path, tmp_path: Path):
    copy = tmp_path / "other.json"
    shutil.copyfile(project / "releases" / "1.json", copy)
    result = konzept("diff", str(copy), str(project / "releases" / "1.json"), "-f", "json")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("1", "2012"), "'2012' is neither an archived release (archived: 1)"),
        (("1", "broken.json"), "broken.json: not a konzept.json file"),
        (("1", "2", "--project", "nowhere"), "nowhere: no such folder"),
    ],
)
def test_errors_are_one_line_and_exit_2(project: Path, args, message):
    (project / "broken.json").write_text("{", "utf-8")  # the same for every case
    result = konzept("diff", *args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


# -- konzept diff on git refs ------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    result = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=True
    )
    return result.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throw-away repository: the concept (in a sub-folder) tagged v1, then v2."""
    repo = tmp_path / "repo"
    concept = repo / "konzept"
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    shutil.copytree(ROOTS / "test-changelog-merged" / "left", concept)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Fassung 1")
    git(repo, "tag", "v1")
    shutil.rmtree(concept)
    shutil.copytree(ROOTS / "test-changelog-merged" / "right", concept)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Fassung 2")
    git(repo, "tag", "v2")
    return repo


def test_git_refs_are_built_in_a_temporary_worktree(repo: Path):
    result = konzept("diff", "v1", "v2", "--format", "json", cwd=repo / "konzept")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["lineage"][0] | {"fields": {}} == {
        "kind": "merged",
        "old": ["SPR-M1A", "SPR-M1B"],
        "new": ["SPR-M1"],
        "fields": {},
    }
    assert "building v1" in result.stderr and "building v2" in result.stderr
    # the worktrees are gone again
    assert git(repo, "worktree", "list").count("\n") == 0


def test_a_git_ref_against_itself_and_against_a_version(repo: Path):
    same = konzept("diff", "v2", "HEAD", "--project", str(repo / "konzept"), "-f", "json")
    assert same.returncode == 0, same.stderr
    text = konzept("diff", "v1", "main~0", "--project", str(repo / "konzept"))
    assert text.returncode == 1
    assert "SPR-M1A und SPR-M1B zusammengeführt zu SPR-M1" in text.stdout


def test_a_ref_without_the_project_is_an_error(repo: Path):
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-rq", "--cached", ".")
    (repo / "README").write_text("nothing\n", "utf-8")
    git(repo, "add", "README")
    git(repo, "commit", "-q", "-m", "empty")
    git(repo, "checkout", "-q", "-f", "main")
    result = konzept("diff", "empty", "v2", cwd=repo / "konzept")
    assert result.returncode == 2
    assert "the project has no conf.py at konzept in that commit" in result.stderr
    assert git(repo, "worktree", "list").count("\n") == 0
