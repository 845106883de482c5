"""``konzept site``: every release side by side, with switcher, banners and redirect.

One throw-away git repository with a tiny concept: releases 2011 and 2016 as
tags ``konzept-2011`` and ``konzept-2016``, and the draft 2026 as uncommitted
changes of the working tree. The site is built once for the module.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from konzept.errors import UsageError
from konzept.publish import site as site_module
from konzept.publish.site import Site, Source, Version, arrange, build_site, tag_suffix

GOALS = {
    "2011": "Alle Kinder lernen Deutsch",
    "2016": "Alle Kinder erreichen einen Schulabschluss",
    "2026": "Alle Kinder und Jugendlichen erreichen einen Abschluss",
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def write_release(project: Path, version: str, status: str, *, nested: bool = False) -> None:
    (project / "source").mkdir(parents=True, exist_ok=True)
    (project / "conf.py").write_text(
        f"""project = "Testkreis"
extensions = ["konzept"]
language = "de"
html_theme = "pydata_sphinx_theme"
konzept_release = {{
    "version": "{version}",
    "title": "Integrationskonzept Testkreis {version}",
    "date": "{version}-04-11",
    "status": "{status}",
}}
""",
        "utf-8",
    )
    toctree = "\n```{toctree}\nsub/page\n```\n" if nested else ""
    (project / "source/index.md").write_text(
        f"""# Integrationskonzept {version}

:::{{field}} Bildung
:id: BIL
:::

:::{{goal}} {GOALS[version]}
:id: BIL-Z1
:field: BIL
:::

:::{{measure}} Sprachcafés
:id: BIL-M1
:goals: BIL-Z1
:lead: KI
:::

:::{{actor}} Kommunales Integrationszentrum
:id: KI
:::
{toctree}""",
        "utf-8",
    )
    if nested:
        (project / "source/sub").mkdir(exist_ok=True)
        (project / "source/sub/page.md").write_text("# Unterseite\n\nText.\n", "utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("the site builder needs git: install it (a clone of this project has it)")
    repo = tmp_path_factory.mktemp("repo")
    git(repo, "init", "-q", "-b", "main")
    for version in ("2011", "2016"):
        write_release(repo, version, "adopted")
        git(repo, "add", "conf.py", "source")
        git(repo, "commit", "-q", "-m", f"Release {version}")
        git(repo, "tag", f"konzept-{version}")
    write_release(repo, "2026", "draft", nested=True)  # not committed: the current state
    return repo


@pytest.fixture(scope="module")
def site(repo: Path) -> Site:
    return build_site(repo, repo / "_build/site", strict=True)


def page(site: Site, path: str) -> Any:
    return BeautifulSoup((site.output / path).read_text("utf-8"), "html.parser")


def banner(site: Site, path: str) -> Any:
    return page(site, path).find("aside", class_="konzept-version-banner")


def switcher_of(site: Site, path: str) -> tuple[list[dict[str, Any]], str]:
    """The switcher entries and version_match a page hands to the theme's script."""
    text = (site.output / path).read_text("utf-8")
    url = re.search(r"theme_switcher_json_url = '([^']*)'", text)
    match = re.search(r"theme_switcher_version_match = '([^']*)'", text)
    assert url and match, "no switcher configured on the page"
    prefix = "data:application/json;base64,"
    assert url.group(1).startswith(prefix)
    return json.loads(base64.b64decode(url.group(1)[len(prefix) :])), match.group(1)


# -- the site ----------------------------------------------------------------


def test_every_release_has_its_folder_beside_latest_and_the_root_files(site):
    folders = sorted(p.name for p in site.output.iterdir() if p.is_dir())
    assert folders == ["2011", "2016", "2026", "latest"]
    for name in ("index.html", "switcher.json", ".nojekyll"):
        assert (site.output / name).is_file()
    for folder in folders:
        assert (site.output / folder / "index.html").is_file()
    assert (site.output / "2026/sub/page.html").is_file()
    assert not (site.output / "2011/sub").exists()


def test_latest_is_the_newest_adopted_release_not_the_draft(site):
    assert [v.name for v in site.versions] == ["2026", "2016", "2011"]
    assert site.latest.name == "2016"
    latest = json.loads((site.output / "latest/konzept.json").read_text("utf-8"))
    assert latest["release"]["version"] == "2016"


def test_each_version_has_its_own_release_and_content(site):
    for version, goal in GOALS.items():
        data = json.loads((site.output / version / "konzept.json").read_text("utf-8"))
        assert data["release"]["version"] == version
        assert data["items"]["BIL-Z1"]["title"] == goal


def test_switcher_json_lists_every_version_newest_first_with_relative_urls(site):
    entries = json.loads((site.output / "switcher.json").read_text("utf-8"))
    assert entries == [
        {"name": "2026 (Entwurf)", "version": "2026", "url": "2026/", "preferred": False},
        {"name": "2016 (aktuell)", "version": "2016", "url": "2016/", "preferred": True},
        {"name": "2011", "version": "2011", "url": "2011/", "preferred": False},
    ]


def test_each_page_feeds_the_switcher_with_links_relative_to_itself(site):
    entries, match = switcher_of(site, "2011/index.html")
    assert match == "2011"
    assert [e["url"] for e in entries] == ["../2026/", "../2016/", "../2011/"]
    assert [e["preferred"] for e in entries] == [False, True, False]
    entries, match = switcher_of(site, "2026/sub/page.html")
    assert match == "2026"
    assert [e["url"] for e in entries] == ["../../2026/", "../../2016/", "../../2011/"]
    entries, match = switcher_of(site, "latest/index.html")
    assert match == "2016"
    assert page(site, "2011/index.html").find(class_="version-switcher__button") is not None


def test_an_older_release_has_a_banner_naming_and_linking_the_current_one(site):
    for path, link in (("2011/index.html", "../latest/index.html"),):
        aside = banner(site, path)
        assert aside is not None
        assert aside["aria-label"] == "Hinweis zu dieser Fassung"
        text = " ".join(aside.get_text(" ").split())
        assert "Sie sehen eine ältere Fassung (2011)." in text
        assert "Aktuelle Fassung: 2016" in text
        anchor = aside.find("a")
        assert anchor["href"] == link
        assert anchor.get_text() == "2016"
    # the banner comes before the header, on every page of the release
    aside = banner(site, "2011/genindex.html")
    assert aside is not None
    assert aside.find_next("header") is not None


def test_the_current_release_has_no_banner(site):
    assert banner(site, "2016/index.html") is None
    assert banner(site, "latest/index.html") is None


def test_the_draft_has_a_draft_banner_pointing_to_the_version_in_force(site):
    aside = banner(site, "2026/sub/page.html")
    assert aside is not None
    assert "konzept-version-banner-draft" in aside["class"]
    text = " ".join(aside.get_text(" ").split())
    assert "Entwurf: Diese Fassung (2026) ist noch nicht beschlossen." in text
    assert "Gültige Fassung: 2016" in text
    assert aside.find("a")["href"] == "../../latest/index.html"


def test_the_banner_stylesheet_is_served_from_the_site(site):
    links = [link["href"] for link in page(site, "2011/index.html").find_all("link")]
    css = [href for href in links if "konzept-versions" in href]
    assert len(css) == 1
    assert (site.output / "2011" / css[0]).is_file()
    assert "://" not in " ".join(links)


def test_the_root_page_redirects_to_latest_without_script(site):
    root = page(site, "index.html")
    refresh = root.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=latest/index.html"
    assert root.html["lang"] == "de"
    assert root.find("a", href="latest/index.html") is not None
    assert root.find("script") is None
    listed = [a["href"] for a in root.find("ul").find_all("a")]
    assert listed == ["2026/index.html", "2016/index.html", "2011/index.html"]


def test_worktrees_are_removed_and_the_working_tree_is_untouched(repo, site):
    assert git(repo, "worktree", "list", "--porcelain").count("worktree ") == 1
    assert "2026" in (repo / "conf.py").read_text("utf-8")
    assert not (repo / "_build/site.partial").exists()


# -- without git, and the rules --------------------------------------------------


def test_a_folder_without_git_publishes_its_current_state_as_latest(tmp_path, monkeypatch):
    project = tmp_path / "concept"
    write_release(project, "2026", "draft")
    monkeypatch.setattr(site_module.git, "toplevel", lambda directory: None)
    site = build_site(project, project / "_build/site")
    assert [v.name for v in site.versions] == ["2026"]
    assert site.latest.name == "2026"
    entries = json.loads((site.output / "switcher.json").read_text("utf-8"))
    assert entries == [
        {"name": "2026 (Entwurf)", "version": "2026", "url": "2026/", "preferred": True}
    ]
    # nothing is adopted yet: the draft says so, and links nowhere
    aside = banner(site, "latest/index.html")
    assert "Diese Fassung (2026) ist noch nicht beschlossen" in aside.get_text()
    assert aside.find("a") is None


def version(
    name: str, status: str = "adopted", commit: str | None = "c", date: str = ""
) -> Version:
    source = Source(f"konzept-{name}", commit and f"{commit}{name}", name, "2000-01-01")
    return Version(name, source, f"Konzept {name}", status, date or None, "index.html", Path())


def test_latest_is_the_newest_adopted_or_else_the_newest():
    versions, latest = arrange([version("2011"), version("2016"), version("2026", "draft")])
    assert [v.name for v in versions] == ["2026", "2016", "2011"]
    assert latest.name == "2016"
    _versions, latest = arrange([version("2011", "draft"), version("2016", "submitted")])
    assert latest.name == "2016"


def test_release_dates_order_the_versions_and_numbers_sort_as_numbers():
    dated = [version("9", date="2016-01-01"), version("10", date="2011-01-01")]
    assert [v.name for v in arrange(dated)[0]] == ["9", "10"]
    undated = [version("2016-2"), version("2016-10")]
    assert [v.name for v in arrange(undated)[0]] == ["2016-10", "2016-2"]


def test_the_working_tree_replaces_a_tag_of_the_same_version():
    tagged, current = version("2016"), version("2016", commit=None)
    versions, latest = arrange([tagged, current])
    assert versions == (current,)
    assert latest is current


def test_two_commits_with_the_same_version_are_an_error():
    with pytest.raises(UsageError, match="both version '2016'"):
        arrange([version("2016", commit="a"), version("2016", commit="b")])


def test_the_folder_name_comes_from_the_release_or_the_tag():
    assert tag_suffix("konzept-2011", "konzept-*") == "2011"
    assert tag_suffix("v2016-final", "v*-final") == "2016"
    assert tag_suffix("2016", "*") == "2016"
    data = {
        "release": {"version": "draft", "title": "T", "status": "adopted", "date": None},
        "explicit_version": False,
        "root_doc": "index",
        "file_suffix": ".html",
    }
    source = Source("konzept-2011", "abc", "2011")
    assert site_module.version_of(source, Path(), data).name == "2011"
    data["explicit_version"] = True
    data["release"]["version"] = "2011a"
    assert site_module.version_of(source, Path(), data).name == "2011a"
    data["release"]["version"] = "../etc"
    with pytest.raises(UsageError, match="cannot be a folder"):
        site_module.version_of(source, Path(), data)


def test_the_command_needs_a_concept_folder(tmp_path):
    from konzept.cli import main

    assert main(["site", str(tmp_path)]) == 2


def test_a_release_with_a_warning_fails_the_site_with_w_and_keeps_the_old_one(
    tmp_path, monkeypatch, capsys
):
    from konzept.cli import main

    project = tmp_path / "concept"
    write_release(project, "2026", "draft")
    monkeypatch.setattr(site_module.git, "toplevel", lambda directory: None)
    assert main(["site", str(project), "-q"]) == 0
    index = project / "_build/site/index.html"
    assert index.is_file()
    text = (project / "source/index.md").read_text("utf-8")
    (project / "source/index.md").write_text(text.replace(":goals: BIL-Z1", ":goals: BIL-Z9"))
    assert main(["site", str(project), "-q", "-W"]) == 1
    err = capsys.readouterr().err
    assert "BIL-Z9" in err
    assert "the build of 2026 (working tree) failed" in err
    assert index.is_file()  # the last good site stays


def test_an_unknown_ref_in_konzept_versions_is_one_line(repo):
    with pytest.raises(UsageError, match="no tag or commit"):
        site_module.ref_sources(repo, {"tags": "", "versions": [{"ref": "nope"}]})
