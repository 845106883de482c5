"""Garbage collection during a build: leave out what lives to its end.

On each full collection, CPython's cyclic garbage collector walks every
container object alive. A build holds many that live until it ends: the
loaded environment, the concept, the diff against the last release. Each
full collection walks all of them again; in an incremental build of 10,000
items that was 2.6 of its 6 seconds. ``gc.freeze()`` moves the objects alive
at that moment into a permanent generation that the collector skips, which
is what Python's documentation recommends for long-lived objects.

- **The building process** freezes when reading starts (the loaded
  environment) and again when reading is over (the concept, the diff), the
  second time only if it holds the doctrees of at most one page in ten.
  Sphinx keeps the doctree of each page it read in this process (serial
  reading) until it writes the page, and frozen, these could not be freed
  before the build ends (a full serial build of 10,000 items would hold
  130 MB more).
- **When the build finishes** (also after an error), ``gc.unfreeze()``
  undoes it, so a program that runs build after build (``sphinx-autobuild``,
  a test suite) collects what each left behind.
- **A program that froze objects itself** is left alone: konzept freezes
  only when nothing else is frozen.
- **A worker process** that Sphinx forked to write pages (``-j``) freezes
  everything it inherited, once, on its first page: it uses that to the end
  or frees it with the worker, and a collection walking it would copy the
  memory it shares with the building process.

docs/performance.md has the measurements.
"""

from __future__ import annotations

import gc
import os

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: Freeze when reading is over only if at most this share of the pages'
#: doctrees is held in memory.
FEW_PAGES_HELD = 0.1


class _Build:
    #: The process that runs the build (set when reading starts).
    main: int | None = None
    #: Whether this build froze objects in the building process.
    frozen_main = False
    #: The worker process whose inherited objects were frozen.
    frozen_worker: int | None = None


def freeze_loaded(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: the loaded environment lives to the end of the build."""
    _Build.main = os.getpid()
    _Build.frozen_main = False
    if gc.get_freeze_count() == 0:
        gc.freeze()
        _Build.frozen_main = True


def freeze_read(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``, after konzept's handlers: the concept and the diff."""
    # the doctrees Sphinx read in this process and keeps until it writes them
    # (none after parallel reading: the workers read them); a Sphinx that
    # keeps them elsewhere may hold them all, so nothing is frozen then
    held = getattr(env, "_write_doc_doctree_cache", None)
    if held is None or not _Build.frozen_main:
        return
    if len(held) <= FEW_PAGES_HELD * len(env.found_docs):
        gc.freeze()


def unfreeze(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: collect normally again; no process is a worker now."""
    _Build.main = None
    if _Build.frozen_main:
        _Build.frozen_main = False
        gc.unfreeze()


def freeze_inherited_objects() -> None:
    """In a worker that Sphinx forked to write pages, leave what it inherited
    out of garbage collection (once per worker; nothing in the main process)."""
    pid = os.getpid()
    if _Build.main is not None and pid != _Build.main and pid != _Build.frozen_worker:
        _Build.frozen_worker = pid
        gc.freeze()


def setup_memory(app: Sphinx) -> None:
    # in the build, not when the application is made: only a build unfreezes
    app.connect("env-before-read-docs", freeze_loaded)
    # after the other handlers (konzept's among them) made what the build keeps
    app.connect("env-updated", freeze_read, priority=999)
    app.connect("build-finished", unfreeze)
