"""The published site: every release of a concept side by side.

    _build/site/
    ├── index.html      sends the reader on to latest/ (no script needed)
    ├── switcher.json   the list of versions, in pydata-sphinx-theme's format
    ├── latest/         a copy of the newest adopted release
    ├── 2026/           the current state: the working tree, uncommitted edits included
    ├── 2016/           tag konzept-2016
    └── 2011/           tag konzept-2011

Pure orchestration: git worktrees for the older releases, one Sphinx process
per release (``python -m sphinx``), files. Nothing here imports Sphinx; what
each page shows (the switcher, the banner) is done inside the build by
:mod:`konzept.sphinxext.versions`, from the list of versions this module
passes to it as the config value ``konzept_site``.

Every release is built with the konzept installed *now*, not with the one of
its time: old releases get today's fixes, accessibility and switcher; their
text is exactly what was tagged.
"""

from __future__ import annotations

import gettext
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from . import git

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LATEST = "latest"
SWITCHER = "switcher.json"
#: A version name becomes a folder and a URL: keep it plain.
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")
#: Sorts the working tree after every commit when its release has no date.
_NOW = "9999-12-31"


class BuildFailed(UsageError):
    """A release did not build; Sphinx has shown why (exit code 1, like a failed build)."""


def N_(message: str) -> str:
    """Mark a message for the catalogue; translated later, in the site's language."""
    return message


MSG_CURRENT = N_("{version} (current)")
MSG_STATUS = N_("{version} ({status})")
MSG_CURRENT_VERSION = N_("Current version: {link}")
MSG_ALL = N_("All versions")


@dataclass(frozen=True)
class Source:
    """Where a version comes from: a commit, or the working tree (``commit`` None)."""

    label: str  # for messages: the tag, the commit or "working tree"
    commit: str | None = None
    fallback_name: str = ""  # tag suffix or name from konzept_versions
    commit_date: str = _NOW


@dataclass(frozen=True)
class Version:
    """One release as published: its folder ``name`` and its metadata."""

    name: str
    source: Source
    title: str
    status: str
    date: str | None
    start: str  # the start page, e.g. index.html
    confdir: Path = field(compare=False)

    @property
    def adopted(self) -> bool:
        return self.status == "adopted"

    @property
    def sort_key(self) -> tuple[str, list[Any]]:
        return (self.date or self.source.commit_date, natural_key(self.name))


@dataclass(frozen=True)
class Site:
    output: Path
    versions: tuple[Version, ...]  # newest first
    latest: Version


def natural_key(text: str) -> list[Any]:
    """Numbers compare as numbers: '2016-2' sorts before '2016-10'."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def tag_suffix(tag: str, pattern: str) -> str:
    """What the wildcard of ``pattern`` matched: 'konzept-2011' -> '2011'."""
    prefix = re.split(r"[*?\[]", pattern, maxsplit=1)[0]
    suffix = re.split(r"[*?\]]", pattern)[-1] if re.search(r"[*?\]]", pattern) else ""
    name = tag[len(prefix) :] if tag.startswith(prefix) else tag
    return name[: -len(suffix)] if suffix and name.endswith(suffix) else name


def source_dir(confdir: Path) -> Path:
    source = confdir / "source"
    return source if source.is_dir() else confdir


def translator(language: str) -> Callable[[str], str]:
    catalogue = gettext.translation("konzept", LOCALE_DIR, languages=[language], fallback=True)
    return catalogue.gettext


# -- the versions ------------------------------------------------------------


def probe(confdir: Path) -> dict[str, Any]:
    """``conf.py`` as the build will see it (see :mod:`konzept.publish.probe`)."""
    with tempfile.TemporaryDirectory(prefix="konzept-probe-") as tmp:
        result = Path(tmp) / "probe.json"
        run = subprocess.run(
            [sys.executable, "-m", "konzept.publish.probe", str(confdir), str(result)],
            capture_output=True,
            text=True,
            cwd=confdir,
            check=False,
        )
        if run.returncode != 0 or not result.exists():
            message = (run.stderr.strip().splitlines() or ["could not read the configuration"])[-1]
            raise UsageError(message)
        data: dict[str, Any] = json.loads(result.read_text("utf-8"))
        return data


def version_of(source: Source, confdir: Path, data: dict[str, Any]) -> Version:
    release = data["release"]
    name = str(release["version"])
    if not data["explicit_version"] and source.fallback_name:
        name = source.fallback_name
    if not _SAFE_NAME.fullmatch(name) or name == LATEST:
        raise UsageError(
            f"{source.label}: the version {name!r} cannot be a folder of the site; "
            "give konzept_release a 'version' of letters, digits, '.', '-' or '_' "
            "(e.g. '2016'), and not 'latest'"
        )
    return Version(
        name=name,
        source=source,
        title=str(release["title"]),
        status=str(release["status"]),
        date=release.get("date"),
        start=f"{data['root_doc']}{data['file_suffix']}",
        confdir=confdir,
    )


def ref_sources(repo: Path, data: dict[str, Any]) -> list[Source]:
    """The releases named by tag pattern and by ``konzept_versions``."""
    pattern = str(data.get("tags") or "")
    sources = []
    for tag in git.tags(repo, pattern):
        commit = git.commit_of(repo, tag)
        sources.append(Source(tag, commit, tag_suffix(tag, pattern), git.commit_date(repo, commit)))
    for entry in data.get("versions") or []:
        if isinstance(entry, str):
            entry = {"ref": entry}
        if not isinstance(entry, dict) or not entry.get("ref"):
            raise UsageError(
                f"konzept_versions: {entry!r} is not understood; "
                "write {'ref': 'a1b2c3d', 'version': '2011'} or just the ref"
            )
        ref = str(entry["ref"])
        commit = git.commit_of(repo, ref)
        fallback = str(entry.get("version") or ref)
        sources.append(Source(ref, commit, fallback, git.commit_date(repo, commit)))
    return sources


def arrange(versions: Sequence[Version]) -> tuple[tuple[Version, ...], Version]:
    """The versions newest first, and the one ``latest/`` shows.

    ``latest`` is the newest *adopted* release – what is in force –, or, while
    nothing has been adopted, the newest version. A version of the working
    tree replaces a tagged one of the same name: it is that release's current
    state.
    """
    by_name: dict[str, Version] = {}
    for version in versions:
        other = by_name.get(version.name)
        if other is None or version.source.commit is None:
            by_name[version.name] = version
        elif other.source.commit not in (None, version.source.commit):
            raise UsageError(
                f"{other.source.label} and {version.source.label} are both version "
                f"{version.name!r}; give one of them another version in its conf.py "
                "or leave it out of konzept_versions_tags / konzept_versions"
            )
    ordered = tuple(sorted(by_name.values(), key=lambda v: v.sort_key, reverse=True))
    adopted = [version for version in ordered if version.adopted]
    return ordered, (adopted[0] if adopted else ordered[0])


def collect(
    confdir: Path, stack: ExitStack, say: Callable[[str], None], jobs: int
) -> tuple[list[Version], dict[str, Any]]:
    """Every version to publish, and the current configuration.

    Older versions are checked out into worktrees that ``stack`` removes;
    their configurations are read ``jobs`` at a time.
    """
    current = probe(confdir)
    places: list[tuple[Source, Path]] = []
    repo = git.toplevel(confdir)
    if repo is None:
        say("not a git repository: only the current state is published")
    else:
        inside = confdir.relative_to(repo)
        for source in ref_sources(repo, current):
            assert source.commit is not None
            old_confdir = stack.enter_context(git.worktree(repo, source.commit)) / inside
            if not (old_confdir / "conf.py").is_file():
                raise UsageError(
                    f"{source.label}: there is no {inside / 'conf.py'} in that commit; "
                    "leave it out of konzept_versions_tags / konzept_versions"
                )
            places.append((source, old_confdir))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        found = list(pool.map(probe, [place for _source, place in places]))
    versions = [
        version_of(source, place, data) for (source, place), data in zip(places, found, strict=True)
    ]
    versions.append(version_of(Source("working tree"), confdir, current))
    return versions, current


# -- the site ----------------------------------------------------------------


def labels(versions: Sequence[Version], latest: Version, language: str) -> dict[str, str]:
    """What the switcher shows for each version: '2016 (aktuell)', '2026 (Entwurf)'."""
    tr = translator(language)
    result = {}
    for version in versions:
        if version is latest and version.adopted:
            text = tr(MSG_CURRENT).format(version=version.name)
        elif not version.adopted:
            text = tr(MSG_STATUS).format(version=version.name, status=tr(version.status))
        else:
            text = version.name
        result[version.name] = text
    return result


def switcher_entries(
    versions: Sequence[Version], latest: Version, names: dict[str, str]
) -> list[dict[str, Any]]:
    """pydata-sphinx-theme's switcher.json: URLs relative to the site root."""
    return [
        {
            "name": names[version.name],
            "version": version.name,
            "url": f"{version.name}/",
            "preferred": version is latest,
        }
        for version in versions
    ]


def site_data(
    version: Version, versions: Sequence[Version], latest: Version, names: dict[str, str]
) -> dict[str, Any]:
    """What one build needs to know of the site (config value ``konzept_site``)."""
    return {
        "version": version.name,
        "latest": latest.name,
        "latest_path": f"{LATEST}/{latest.start}",
        "versions": [
            {
                "name": other.name,
                "label": names[other.name],
                "status": other.status,
                "title": other.title,
                "date": other.date,
                "path": f"{other.name}/",
            }
            for other in versions
        ],
    }


def redirect_page(
    versions: Sequence[Version], latest: Version, names: dict[str, str], language: str
) -> str:
    """The root page: on to latest/ at once (meta refresh), and a list of all versions."""
    tr = translator(language)
    target = html.escape(f"{LATEST}/{latest.start}")
    link = f'<a href="{target}">{html.escape(names[latest.name])}</a>'
    items = "\n".join(
        f'      <li><a href="{html.escape(f"{v.name}/{v.start}")}">'
        f"{html.escape(names[v.name])}</a>: {html.escape(v.title)}</li>"
        for v in versions
    )
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="refresh" content="0; url={target}">
    <title>{html.escape(latest.title)}</title>
  </head>
  <body>
    <main>
      <h1>{html.escape(latest.title)}</h1>
      <p>{tr(MSG_CURRENT_VERSION).format(link=link)}</p>
      <h2>{html.escape(tr(MSG_ALL))}</h2>
      <ul>
{items}
      </ul>
    </main>
  </body>
</html>
"""


def sphinx_command(
    version: Version, outdir: Path, doctrees: Path, data: dict[str, Any], strict: bool
) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-c",
        str(version.confdir),
        str(source_dir(version.confdir)),
        str(outdir),
        "-d",
        str(doctrees),
        "-D",
        "konzept_site=" + json.dumps(data, ensure_ascii=False, sort_keys=True),
    ]
    if strict:
        command += ["-W", "--keep-going"]
    return command


def build_all(
    versions: Sequence[Version],
    latest: Version,
    names: dict[str, str],
    staging: Path,
    *,
    jobs: int,
    strict: bool,
    say: Callable[[str], None],
) -> None:
    """One Sphinx process per version, ``jobs`` at a time; output shown per version."""

    def build(version: Version) -> tuple[Version, subprocess.CompletedProcess[str]]:
        with tempfile.TemporaryDirectory(prefix="konzept-doctrees-") as doctrees:
            data = site_data(version, versions, latest, names)
            command = sphinx_command(version, staging / version.name, Path(doctrees), data, strict)
            run = subprocess.run(
                command, capture_output=True, text=True, cwd=version.confdir, check=False
            )
        return version, run

    failed = []
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for version, run in pool.map(build, versions):
            say(f"built {version.name} ({version.source.label})")
            for stream, text in ((sys.stdout, run.stdout), (sys.stderr, run.stderr)):
                if text:
                    stream.write(text)
            if run.returncode != 0:
                failed.append(f"{version.name} ({version.source.label})")
    if failed:
        raise BuildFailed("the build of " + ", ".join(failed) + " failed; see the messages above")


def build_site(
    confdir: Path,
    output: Path,
    *,
    jobs: int | None = None,
    strict: bool = False,
    say: Callable[[str], None] = lambda text: None,
) -> Site:
    """Build every release of the concept in ``confdir`` into the site ``output``.

    The site is assembled beside ``output`` and moved there at the end, so a
    failed build leaves the last good site in place.
    """
    confdir = confdir.resolve()
    output = output.resolve()
    staging = output.with_name(output.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        with ExitStack() as worktrees:
            workers = jobs or os.cpu_count() or 1
            found, current = collect(confdir, worktrees, say, workers)
            versions, latest = arrange(found)
            language = str(current["language"])  # the site speaks the current language
            names = labels(versions, latest, language)
            say(
                "versions: "
                + ", ".join(names[v.name] for v in versions)
                + f"; latest/ is {latest.name}"
            )
            build_all(
                versions,
                latest,
                names,
                staging,
                jobs=workers,
                strict=strict,
                say=say,
            )
        shutil.copytree(staging / latest.name, staging / LATEST)
        entries = switcher_entries(versions, latest, names)
        (staging / SWITCHER).write_text(
            json.dumps(entries, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        (staging / "index.html").write_text(
            redirect_page(versions, latest, names, language), "utf-8"
        )
        (staging / ".nojekyll").write_text("", "utf-8")  # keep _static/ on GitHub Pages
        shutil.rmtree(output, ignore_errors=True)
        staging.rename(output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Site(output, versions, latest)
