"""The benchmark's generator (bench/generate.py): a small-N smoke run.

No timing is checked here: only that the synthetic projects are
deterministic, complete, and build cleanly (konzept without any warning).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
N = 200


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


generate = _load()


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, Path]]:
    out = tmp_path_factory.mktemp("bench")
    model = generate.generate(N, seed=3)
    views = generate.resolve_views("auto")
    return model, generate.write_projects(model, out, views, ("konzept", "plain"))


def test_same_seed_same_projects(tmp_path: Path) -> None:
    first = generate.write_projects(generate.generate(N, 3), tmp_path / "a", ["decisions"])
    second = generate.write_projects(generate.generate(N, 3), tmp_path / "b", ["decisions"])
    for name in generate.PROJECTS:
        assert _files(first[name]) == _files(second[name]), name
    other = generate.write_projects(generate.generate(N, 4), tmp_path / "c", ["decisions"])
    assert _files(other["konzept"]) != _files(first["konzept"])


def test_model_shape() -> None:
    model = generate.generate(N, seed=3)
    counts = model.counts()
    assert sum(counts.values()) == N
    assert set(counts) == {"field", "goal", "measure", "actor", "indicator"}
    back = model.backlinks()
    for item in model.items.values():
        if item.type == "measure":
            assert 1 <= len(item.opt_list("goals")) <= 3
            assert len(item.opt_list("partners")) <= 4
        if item.type == "goal" and not item.guiding:
            assert back[item.id]["goals"], f"{item.id} has no measure"
        if item.type == "actor":
            assert back[item.id], f"{item.id} has no measure"
        if item.type == "indicator":
            assert back[item.id]["indicators"], f"{item.id} serves no goal"
    assert any(item.guiding for item in model.items.values())
    assert all(model.changes[kind] for kind in ("added", "removed", "changed", "renamed"))
    assert 2 <= len(model.pages) <= max(12, N // 25)  # about N/50 at scale


def test_konzept_project_builds_without_warnings(projects: tuple[object, dict[str, Path]]) -> None:
    model, roots = projects
    root = roots["konzept"]
    result = subprocess.run(
        [sys.executable, "-m", "konzept.cli", "build", str(root), "-W", "-q", "-E"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    data = json.loads((root / "_build" / "html" / "konzept.json").read_text("utf-8"))
    assert len(data["items"]) == N
    assert not data.get("unindexed")
    by_type: dict[str, int] = {}
    for item in data["items"].values():
        by_type[item["type"]] = by_type.get(item["type"], 0) + 1
    assert by_type == model.counts()  # type: ignore[attr-defined]


def test_plain_project_builds(projects: tuple[object, dict[str, Path]]) -> None:
    _model, roots = projects
    root = roots["plain"]
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-c", str(root)]
    result = subprocess.run(
        [*command, str(root / "source"), str(root / "_build" / "html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (root / "_build" / "html" / "handlungsfelder").is_dir()
