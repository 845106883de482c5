"""Parallel and incremental builds give the same output as a fresh serial one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOTS


def outputs(outdir: Path) -> dict[str, str]:
    """Every page and the JSON of a build, by file name."""
    files = {p.name: p.read_text("utf-8") for p in sorted(outdir.glob("*.html"))}
    files["konzept.json"] = (outdir / "konzept.json").read_text("utf-8")
    files["searchindex.js"] = search_index(outdir)
    return files


def search_index(outdir: Path) -> str:
    """The search index, without the empty entries Sphinx leaves behind.

    On an incremental build Sphinx keeps a word that no page contains any
    more as ``"word": []``; searching it finds nothing either way.
    """
    text = (outdir / "searchindex.js").read_text("utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for key in ("terms", "titleterms"):
        data[key] = {term: docs for term, docs in data[key].items() if docs != []}
    return json.dumps(data, sort_keys=True, indent=0)


@pytest.fixture
def project(tmp_path: Path):
    """A fresh copy of the incremental test project, and a way to build it."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(ROOTS / "test-incremental", target)
        return target

    return copy


def build(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app


def page_text(path: Path) -> str:
    from bs4 import BeautifulSoup

    return " ".join(BeautifulSoup(path.read_text("utf-8"), "html.parser").get_text(" ").split())


def read_docs(app) -> set[str]:
    """The documents a build read (from its progress output)."""
    status = re.sub(r"\x1b\[[0-9;]*m", "", app._status.getvalue())
    return set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def assert_same(got: dict[str, str], want: dict[str, str]) -> None:
    assert sorted(got) == sorted(want)
    for name in want:
        if got[name] != want[name]:
            import difflib

            diff = "\n".join(
                difflib.unified_diff(
                    want[name].splitlines(), got[name].splitlines(), lineterm="", n=1
                )
            )
            raise AssertionError(f"{name} differs:\n{diff[:3000]}")


def test_parallel_build_equals_serial_build(make_app, project):
    serial = build(make_app, project("serial"))
    parallel = build(make_app, project("parallel"), parallel=2)
    assert outputs(parallel.outdir) == outputs(serial.outdir)


def test_incremental_build_after_rename_equals_fresh_build(make_app, project):
    src = project("incremental")
    build(make_app, src)
    edit(src / "ziele.md", "Sprachkurse für alle", "Deutschkurse für alle Neuzugewanderten")
    edit(src / "massnahmen.md", ":status: ongoing", ":status: done")
    again = build(make_app, src)
    # only the edited pages were read again ...
    assert read_docs(again) == {"ziele", "massnahmen"}
    fresh_src = project("fresh")
    edit(fresh_src / "ziele.md", "Sprachkurse für alle", "Deutschkurse für alle Neuzugewanderten")
    edit(fresh_src / "massnahmen.md", ":status: ongoing", ":status: done")
    fresh = build(make_app, fresh_src)
    assert_same(outputs(again.outdir), outputs(fresh.outdir))
    # ... and the page that only refers to the goal shows its new title
    assert "SPR-Z1 Deutschkurse für alle Neuzugewanderten" in page_text(
        again.outdir / "verweise.html"
    )


def test_incremental_parallel_build_equals_fresh_build(make_app, project):
    src = project("incremental-parallel")
    build(make_app, src, parallel=2)
    edit(src / "akteure.md", "Integrationszentrum", "Kommunales Integrationszentrum")
    again = build(make_app, src, parallel=2)
    fresh_src = project("fresh")
    edit(fresh_src / "akteure.md", "Integrationszentrum", "Kommunales Integrationszentrum")
    fresh = build(make_app, fresh_src)
    assert_same(outputs(again.outdir), outputs(fresh.outdir))
    # every measure page names the lead by its new name
    assert "Kommunales Integrationszentrum" in (again.outdir / "extra3.html").read_text("utf-8")


def test_adding_and_removing_items_updates_other_pages(make_app, project):
    src = project("add-remove")
    build(make_app, src)
    assert 'href="ziele.html#SPR-Z2"' not in (src / "_build/html/verweise.html").read_text("utf-8")
    # add the goal that verweise.md already refers to, remove a measure
    (src / "ziele.md").write_text(
        (src / "ziele.md").read_text("utf-8")
        + "\n:::{goal} Zweites Ziel\n:id: SPR-Z2\n:parent: LZ-1\n:::\n",
        "utf-8",
    )
    (src / "extra6.md").write_text("# Seite 6\n\nLeer.\n", "utf-8")
    again = build(make_app, src)
    fresh_src = project("fresh")
    shutil.copy(src / "ziele.md", fresh_src / "ziele.md")
    shutil.copy(src / "extra6.md", fresh_src / "extra6.md")
    fresh = build(make_app, fresh_src)
    assert_same(outputs(again.outdir), outputs(fresh.outdir))
    assert 'href="ziele.html#SPR-Z2"' in (again.outdir / "verweise.html").read_text("utf-8")
    assert "SPR-M16" not in (again.outdir / "ziele.html").read_text("utf-8")
