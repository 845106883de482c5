"""The ``konzept`` command: build and check, exit codes, one-line errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOTS


def konzept(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "konzept.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def copy_root(tmp_path: Path):
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


def test_build_writes_the_site_and_the_json(copy_root):
    project = copy_root("basic")
    result = konzept("build", str(project), "-q")
    assert result.returncode == 0, result.stderr
    assert (project / "_build/html/bildung.html").is_file()
    assert (project / "_build/html/konzept.json").is_file()
    assert "site written to" in result.stdout


def test_build_uses_the_source_folder_beside_conf_py(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "conf.py").write_text('extensions = ["konzept"]\n', "utf-8")
    (tmp_path / "source/index.md").write_text("# Start\n\n:::{actor} Kreis\n:id: K\n:::\n", "utf-8")
    result = konzept("build", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "_build/html/index.html").is_file()


def test_build_with_warnings_as_errors_fails_on_bad_input(copy_root):
    result = konzept("build", str(copy_root("bad")), "-q", "-W")
    assert result.returncode == 1
    assert "[konzept.bad_status]" in result.stderr


def test_check_reports_problems_with_place_and_exits_1(copy_root):
    project = copy_root("bad")
    result = konzept("check", str(project))
    assert result.returncode == 1
    assert (
        "massnahmen.md:23: WARNING: The measure BIL-M1 has a bad ':status:' value" in result.stderr
    )
    assert "[konzept.bad_status]" in result.stderr
    assert "problem(s) found" in result.stderr
    assert not (project / "_build").exists()  # check writes nothing


def test_check_of_a_good_project_exits_0(copy_root):
    result = konzept("check", str(copy_root("basic")))
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout


@pytest.mark.parametrize("args", [("build", "/no/such/folder"), ("check", "/no/such/folder")])
def test_missing_folder_is_one_line_and_exit_2(args):
    result = konzept(*args)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_folder_without_conf_py_is_explained(tmp_path):
    result = konzept("check", str(tmp_path))
    assert result.returncode == 2
    assert "no conf.py here" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_conf_py_is_reported_without_traceback(tmp_path):
    (tmp_path / "conf.py").write_text("extensions = [\n", "utf-8")
    (tmp_path / "index.md").write_text("# x\n", "utf-8")
    result = konzept("build", str(tmp_path))
    assert result.returncode == 2
    assert "conf.py" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [(), ("build",), ("check",)])
def test_help(command):
    result = konzept(*command, "--help")
    assert result.returncode == 0
    assert "usage: konzept" in result.stdout
