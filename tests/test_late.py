"""Late rendering in the processes Sphinx forks to write pages (``-j``)."""

from __future__ import annotations

import gc
import multiprocessing
import os
from typing import Any

import pytest

from konzept.sphinxext import late


def _freeze_count_in_child(conn: Any) -> None:
    late.freeze_inherited_objects()
    late.freeze_inherited_objects()  # once per worker is enough
    conn.send(gc.get_freeze_count())
    conn.close()


@pytest.fixture
def main_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(late._Processes, "main", os.getpid())
    monkeypatch.setattr(late._Processes, "frozen", None)


@pytest.mark.usefixtures("main_process")
def test_the_main_process_is_never_frozen():
    """Its garbage must stay collectable: a long-running process (sphinx-autobuild,
    a test suite) builds again and again."""
    before = gc.get_freeze_count()
    late.freeze_inherited_objects()
    assert gc.get_freeze_count() == before
    assert late._Processes.frozen is None


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
    assert late._Processes.frozen is None


def test_nothing_is_frozen_outside_a_build(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(late._Processes, "main", None)
    before = gc.get_freeze_count()
    late.freeze_inherited_objects()
    assert gc.get_freeze_count() == before


def test_a_build_marks_its_process_while_it_writes(make_app, tmp_path):
    import shutil

    from conftest import ROOTS

    shutil.copytree(ROOTS / "test-basic", tmp_path / "src")
    seen: list[int | None] = []
    app = make_app("html", srcdir=tmp_path / "src")
    app.connect("write-started", lambda app, builder: seen.append(late._Processes.main), 900)
    frozen_before = gc.get_freeze_count()
    app.build()
    # the process that builds keeps collecting its garbage
    assert gc.get_freeze_count() == frozen_before
    assert seen == [os.getpid()]
    assert late._Processes.main is None  # after the build: nothing is a worker
