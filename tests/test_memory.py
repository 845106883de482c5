"""Garbage collection during a build (``konzept.sphinxext.memory``)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from konzept.sphinxext import memory

from conftest import ROOTS


def _freeze_count_in_child(conn: Any) -> None:
    memory.freeze_inherited_objects()
    memory.freeze_inherited_objects()  # once per worker is enough
    conn.send(gc.get_freeze_count())
    conn.close()


@pytest.fixture
def main_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory._Build, "main", os.getpid())
    monkeypatch.setattr(memory._Build, "frozen_worker", None)


@pytest.mark.usefixtures("main_process")
def test_the_building_process_is_no_worker():
    before = gc.get_freeze_count()
    memory.freeze_inherited_objects()
    assert gc.get_freeze_count() == before
    assert memory._Build.frozen_worker is None


@pytest.mark.usefixtures("main_process")
def test_a_forked_worker_leaves_what_it_inherited_to_the_end_of_its_life():
    before = gc.get_freeze_count()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_freeze_count_in_child, args=(send,))
    child.start()
    frozen = receive.recv()
    child.join()
    assert child.exitcode == 0
    # everything the child inherited, among it the objects of this test run
    assert frozen > before + 10_000
    # ... and the parent collects as before
    assert gc.get_freeze_count() == before
    assert memory._Build.frozen_worker is None


def test_nothing_is_frozen_outside_a_build(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(memory._Build, "main", None)
    before = gc.get_freeze_count()
    memory.freeze_inherited_objects()
    assert gc.get_freeze_count() == before


class FreezeCounts:
    """How many objects are frozen when reading starts and when writing starts."""

    def __init__(self, app: Any) -> None:
        self.reading: int | None = None
        self.writing: int | None = None
        self.main: int | None = None
        app.connect("env-before-read-docs", self._reading, priority=1000)
        app.connect("write-started", self._writing, priority=1000)

    def _reading(self, app: Any, env: Any, docnames: list[str]) -> None:
        self.reading = gc.get_freeze_count()

    def _writing(self, app: Any, builder: Any) -> None:
        self.writing = gc.get_freeze_count()
        self.main = memory._Build.main


def _build(make_app: Any, srcdir: Path) -> FreezeCounts:
    app = make_app("html", srcdir=srcdir)
    counts = FreezeCounts(app)
    app.build()
    return counts


def test_a_build_freezes_what_it_keeps_and_unfreezes_at_its_end(make_app, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", srcdir)
    before = gc.get_freeze_count()

    full = _build(make_app, srcdir)
    assert full.main == os.getpid()
    assert full.reading is not None and full.reading > before  # Sphinx, konzept, the config
    # every page was read: their doctrees wait to be written and must stay
    # collectable, so nothing more is frozen
    assert full.writing is not None and full.writing <= full.reading
    assert gc.get_freeze_count() == before
    assert memory._Build.main is None  # after the build: nothing is a worker

    page = srcdir / "extra3.md"  # one page of eleven
    page.write_text(page.read_text("utf-8") + "\nEin neuer Absatz.\n", "utf-8")
    incremental = _build(make_app, srcdir)
    assert incremental.reading is not None and incremental.writing is not None
    # the loaded environment, then what konzept made of it (concept, diff)
    assert incremental.reading > full.reading
    assert incremental.writing > incremental.reading
    assert gc.get_freeze_count() == before


def test_a_program_that_freezes_objects_itself_is_left_alone(make_app, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        counts = _build(make_app, srcdir)
        assert counts.reading is not None and counts.reading <= mine
        assert counts.writing is not None and counts.writing <= mine
        assert gc.get_freeze_count() > 0  # still frozen: the program's, not undone
    finally:
        gc.unfreeze()


def test_a_failed_build_unfreezes(make_app, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    before = gc.get_freeze_count()
    app = make_app("html", srcdir=srcdir)

    def fail(app: Any, builder: Any) -> None:
        raise RuntimeError("a handler fails")

    app.connect("write-started", fail)
    with pytest.raises(Exception, match="a handler fails"):
        app.build()
    assert gc.get_freeze_count() == before


def test_a_sphinx_that_keeps_its_doctrees_elsewhere_gets_no_second_freeze(monkeypatch):
    """Unknown how many doctrees are held: they might be all of them."""
    from types import SimpleNamespace

    monkeypatch.setattr(memory._Build, "frozen_main", True)
    before = gc.get_freeze_count()
    memory.freeze_read(None, SimpleNamespace(found_docs={"a", "b", "c"}))  # type: ignore[arg-type]
    assert gc.get_freeze_count() == before
    try:
        held = SimpleNamespace(found_docs={"a", "b", "c"}, _write_doc_doctree_cache={})
        memory.freeze_read(None, held)  # type: ignore[arg-type]
        assert gc.get_freeze_count() > before  # none held: frozen
    finally:
        gc.unfreeze()
