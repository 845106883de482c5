"""Benchmark konzept against plain Sphinx and sphinx-needs.

``nox -s bench -- --items N [--repeat K] [--json] [--views auto] [--profile DIR]``

Generates the three equivalent projects of ``bench/generate.py`` and builds
them in turns (plain, konzept, sphinx-needs, konzept -j 2; K rounds), each a
fresh HTML build (-E, empty output and doctree folders) in a child process,
timed by the wall clock. Per round it also times an incremental konzept
build after one measure's body was edited, ``konzept check``, and (when
konzept has a diff) a diff of two N-item releases. The first round checks
that the incremental build and the -j 2 build give the same HTML pages and
``konzept.json`` as a fresh serial build of the same sources.

Medians are reported, and ratios of medians measured side by side: the
machine is shared and noisy, so the absolute seconds mean little and the
ratios a lot. Nothing here is a pass criterion of a test.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

PYTHON = sys.executable
#: The issue's targets (issue 7), for the table: metric -> (comparison, bound).
TARGETS = {
    "overhead_vs_plain": ("<=", 1.10),
    "speedup_vs_needs": (">=", 1.2),
    "incremental_fraction": ("<=", 0.10),
    "parallel_speedup": (">=", 1.3),
    "diff_s": ("<=", 1.0),
    "check_fraction": ("<=", 0.5),
    "peak_mib": ("<=", 1024),
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Run:
    seconds: float
    peak_mib: float
    returncode: int
    warnings: int = 0


@dataclass
class Samples:
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def add(self, name: str, run: Run) -> None:
        self.runs.setdefault(name, []).append(run)

    def median(self, name: str) -> float | None:
        runs = self.runs.get(name)
        return statistics.median(r.seconds for r in runs) if runs else None


def timed(command: Sequence[str], cwd: Path | None = None) -> Run:
    """Run ``command`` as a child process: wall time and its peak RSS."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    # wait4 gives the resource usage of this child alone (RUSAGE_CHILDREN
    # would be the maximum over every child so far)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode not in (0, 1):
        log(stderr.decode(errors="replace")[-3000:])
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode)


@dataclass
class Project:
    name: str
    root: Path
    work: Path

    def dirs(self, tag: str) -> tuple[Path, Path]:
        return self.work / f"{self.name}-{tag}" / "html", self.work / f"{self.name}-{tag}" / "dt"

    def build(self, tag: str, *, jobs: int = 1, fresh: bool = True) -> Run:
        out, doctrees = self.dirs(tag)
        if fresh:
            shutil.rmtree(out.parent, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        warnfile = out.parent / "warnings.txt"
        command = [PYTHON, "-m", "sphinx", "-b", "html", "-q", "-j", str(jobs)]
        command += ["-c", str(self.root), "-d", str(doctrees), "-w", str(warnfile)]
        command += [*(["-E"] if fresh else []), str(self.root / "source"), str(out)]
        run = timed(command)
        text = warnfile.read_text("utf-8", errors="replace") if warnfile.exists() else ""
        run.warnings = sum(1 for line in text.splitlines() if "WARNING" in line or "ERROR" in line)
        if run.warnings:
            log(f"  {self.name} {tag}: {run.warnings} warning(s), e.g. {text.splitlines()[0]}")
        return run


def only_asset_urls_differ(a: Path, b: Path, names: list[str]) -> bool:
    """Whether the files differ only in the ``?v=checksum`` of asset URLs."""
    strip = re.compile(rb"\?v=[0-9a-f]{8}")
    return all(
        strip.sub(b"", (a / n).read_bytes()) == strip.sub(b"", (b / n).read_bytes())
        for n in names
        if (a / n).is_file() and (b / n).is_file()
    )


def compare_outputs(a: Path, b: Path) -> list[str]:
    """HTML pages and konzept.json that differ between two output folders."""
    names = {
        str(p.relative_to(root))
        for root in (a, b)
        for p in root.rglob("*")
        if p.suffix == ".html" or p.name == "konzept.json"
    }
    return sorted(
        name
        for name in names
        if not ((a / name).is_file() and (b / name).is_file())
        or not filecmp.cmp(a / name, b / name, shallow=False)
    )


class Edit:
    """Edit one measure's body in place (and undo it)."""

    def __init__(self, root: Path, model: generate.Model) -> None:
        measures = [i for i in model.items.values() if i.type == "measure"]
        self.item = measures[len(measures) // 2]
        self.path = root / "source" / f"{self.item.page}.md"
        self.original = self.path.read_text("utf-8")

    def apply(self, round_no: int) -> None:
        lines = self.original.split("\n")
        at = lines.index(f":id: {self.item.id}")
        while lines[at].startswith(":"):
            at += 1
        lines[at] += f" Diese Maßnahme wurde in Runde {round_no + 1} überarbeitet."
        self.path.write_text("\n".join(lines), "utf-8")

    def undo(self) -> None:
        self.path.write_text(self.original, "utf-8")


def diff_command(old: Path, new: Path) -> list[str] | None:
    """``konzept diff OLD NEW --format json``, if the installed konzept has it."""
    help_text = subprocess.run(
        [PYTHON, "-m", "konzept.cli", "--help"], capture_output=True, text=True, check=False
    ).stdout
    if " diff" not in help_text:
        return None
    return [PYTHON, "-m", "konzept.cli", "diff", str(old), str(new), "--format", "json"]


def diff_engine(old: Path, new: Path) -> dict[str, float] | None:
    """The diff engine alone, timed inside a child process (bench/diffcore.py)."""
    script = Path(__file__).with_name("diffcore.py")
    done = subprocess.run(
        [PYTHON, str(script), str(old), str(new)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def html_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*.html")) / 2**20


def version_of(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def bench(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    views = generate.resolve_views(args.views)
    wanted = [p.strip() for p in args.projects.split(",") if p.strip()]
    if "konzept" not in wanted or any(p not in generate.PROJECTS for p in wanted):
        raise SystemExit(f"--projects: a list of {', '.join(generate.PROJECTS)} with konzept")
    if "needs" in wanted and version_of("sphinx-needs") is None:
        log("sphinx-needs is not installed: leaving it out (nox -s bench installs it)")
        wanted.remove("needs")
    have_needs = "needs" in wanted
    have_plain = "plain" in wanted
    names = [p for p in generate.PROJECTS if p in wanted]
    log(f"generating {args.items} items (seed {args.seed}), views: {', '.join(views) or 'none'}")
    model = generate.generate(args.items, args.seed)
    roots = generate.write_projects(model, work / "projects", views, names)
    projects = {name: Project(name, root, work / "builds") for name, root in roots.items()}
    konzept = projects["konzept"]
    samples = Samples()
    result: dict[str, Any] = {"incremental_equal": None, "parallel_equal": None}
    edit = Edit(konzept.root, model)

    order = [*(["plain"] if have_plain else []), "konzept", *(["needs"] if have_needs else [])]
    order.append("konzept-j2")
    for round_no in range(args.repeat):
        for name in order:
            if name == "konzept-j2":
                run = konzept.build("j2", jobs=2)
            else:
                run = projects[name].build("j1")
            samples.add(name, run)
            log(f"round {round_no + 1}: {name:<11} {run.seconds:7.2f} s  {run.peak_mib:6.0f} MiB")
        if round_no == 0:
            diffs = compare_outputs(konzept.dirs("j1")[0], konzept.dirs("j2")[0])
            result["parallel_equal"] = not diffs
            result["parallel_diff_files"] = diffs[:10]
            result["parallel_only_asset_urls_differ"] = bool(diffs) and only_asset_urls_differ(
                konzept.dirs("j1")[0], konzept.dirs("j2")[0], diffs
            )
            for name, project in projects.items():
                result.setdefault("html_mib", {})[name] = round(html_mib(project.dirs("j1")[0]), 1)
        # one measure edited, then an incremental build of the serial output
        edit.apply(round_no)
        try:
            run = konzept.build("j1", fresh=False)
            samples.add("incremental", run)
            log(f"round {round_no + 1}: incremental {run.seconds:7.2f} s")
            if round_no == 0:
                samples.add("konzept-edited", konzept.build("check", jobs=1))
                diffs = compare_outputs(konzept.dirs("j1")[0], konzept.dirs("check")[0])
                result["incremental_equal"] = not diffs
                result["incremental_diff_files"] = diffs[:10]
                result["incremental_only_asset_urls_differ"] = bool(
                    diffs
                ) and only_asset_urls_differ(konzept.dirs("j1")[0], konzept.dirs("check")[0], diffs)
                shutil.rmtree(konzept.dirs("check")[0].parent, ignore_errors=True)
        finally:
            edit.undo()
        run = timed([PYTHON, "-m", "konzept.cli", "check", str(konzept.root)])
        samples.add("check", run)
        log(f"round {round_no + 1}: check       {run.seconds:7.2f} s  (exit {run.returncode})")

    # two N-item releases: the previous (mutated) one and this build's konzept.json
    new_json = konzept.dirs("j1")[0] / "konzept.json"
    old_json = work / f"{generate.PREVIOUS}.json"
    old_json.write_text(generate.previous_release_json(model), "utf-8")
    command = diff_command(old_json, new_json)
    if command is not None:
        for _ in range(args.repeat):
            samples.add("diff", timed(command))
        log(f"diff: {samples.median('diff'):.2f} s (exit {samples.runs['diff'][0].returncode})")
    result["diff_engine"] = diff_engine(old_json, new_json)

    if args.profile:
        profile(args.profile, projects)

    med = samples.median
    konzept_runs = samples.runs["konzept"]
    result.update(
        {
            "items": args.items,
            "seed": args.seed,
            "rounds": args.repeat,
            "views": views,
            "pages": len(model.pages) + 1 + (len(views) + 1 if views else 0),
            "konzept_s": rounded(med("konzept")),
            "plain_s": rounded(med("plain")),
            "needs_s": rounded(med("needs")),
            "konzept_j2_s": rounded(med("konzept-j2")),
            "incremental_s": rounded(med("incremental")),
            "check_s": rounded(med("check")),
            "diff_s": rounded(med("diff")),
            "overhead_vs_plain": ratio(med("konzept"), med("plain")),
            "speedup_vs_needs": ratio(med("needs"), med("konzept")),
            "incremental_fraction": ratio(med("incremental"), med("konzept")),
            "parallel_speedup": ratio(med("konzept"), med("konzept-j2")),
            "check_fraction": ratio(med("check"), med("konzept")),
            "peak_mib": round(max(r.peak_mib for r in konzept_runs)),
            "peak_mib_plain": (
                round(max(r.peak_mib for r in samples.runs["plain"])) if have_plain else None
            ),
            "peak_mib_needs": (
                round(max(r.peak_mib for r in samples.runs["needs"])) if have_needs else None
            ),
            "warnings": {
                name: max(r.warnings for r in runs)
                for name, runs in samples.runs.items()
                if name in ("konzept", "plain", "needs", "konzept-j2")
            },
            "check_exit": samples.runs["check"][0].returncode,
            "samples_s": {
                name: [round(r.seconds, 2) for r in runs] for name, runs in samples.runs.items()
            },
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "sphinx": version_of("sphinx"),
                "myst_parser": version_of("myst-parser"),
                "sphinx_needs": version_of("sphinx-needs"),
                "konzept": version_of("konzept"),
                "platform": platform.platform(),
            },
        }
    )
    result["targets_met"] = {
        key: (result[key] <= bound if op == "<=" else result[key] >= bound)
        if result.get(key) is not None
        else None
        for key, (op, bound) in TARGETS.items()
    }
    return result


def profile(folder: Path, projects: dict[str, Project]) -> None:
    """One fresh build of konzept and of plain under pyinstrument.

    Writes ``NAME.pyisession`` (open it again with ``pyinstrument --load``),
    ``NAME.txt`` (konzept's own frames shown) and ``NAME.html``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("konzept", "plain"):
        if name not in projects:
            continue
        project = projects[name]
        out, doctrees = project.dirs("profile")
        shutil.rmtree(out.parent, ignore_errors=True)
        session = folder / f"{name}.pyisession"
        command = [PYTHON, "-m", "pyinstrument", "-r", "pyisession", "-o", str(session)]
        command += ["-m", "sphinx", "-E", "-q", "-b", "html", "-c", str(project.root)]
        command += ["-d", str(doctrees), str(project.root / "source"), str(out)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        load = [PYTHON, "-m", "pyinstrument", "--load", str(session), "--show", "*/konzept/*"]
        subprocess.run([*load, "-r", "text", "-o", str(folder / f"{name}.txt")], check=True)
        subprocess.run([*load, "-r", "html", "-o", str(folder / f"{name}.html")], check=True)
        shutil.rmtree(out.parent, ignore_errors=True)
        log(f"profile of {name}: {folder / name}.txt, .html, .pyisession")


def table(result: dict[str, Any]) -> str:
    rows = [
        ("plain Sphinx", result["plain_s"], "1.00" if result["plain_s"] else ""),
        ("konzept", result["konzept_s"], f"{result['overhead_vs_plain'] or ''}"),
        ("sphinx-needs", result["needs_s"], f"{ratio(result['needs_s'], result['plain_s']) or ''}"),
        ("konzept -j 2", result["konzept_j2_s"], ""),
        ("konzept incremental", result["incremental_s"], ""),
        ("konzept check", result["check_s"], ""),
        ("konzept diff", result["diff_s"], ""),
    ]
    lines = [
        f"{result['items']} items, {result['pages']} pages, {result['rounds']} rounds, "
        f"views: {', '.join(result['views']) or 'none'}",
        "",
        f"{'build':<22}{'median s':>10}{'x plain':>10}",
    ]
    lines += [f"{name:<22}{'–' if s is None else f'{s:.2f}':>10}{r:>10}" for name, s, r in rows]
    lines += ["", f"{'metric':<22}{'value':>10}  target"]
    for key, (op, bound) in TARGETS.items():
        met = result["targets_met"][key]
        mark = "" if met is None else ("met" if met else "NOT met")
        value = result.get(key)
        lines.append(f"{key:<22}{'–' if value is None else value:>10}  {op} {bound}  {mark}")
    lines.append(f"{'incremental_equal':<22}{result['incremental_equal']!s:>10}")
    lines.append(f"{'parallel_equal':<22}{result['parallel_equal']!s:>10}")
    lines.append(f"{'warnings':<22}{json.dumps(result['warnings']):>10}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description="Benchmark konzept against plain Sphinx and sphinx-needs."
    )
    parser.add_argument("--items", type=int, default=1000, help="items per project (1000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of builds (3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON object (last line)")
    parser.add_argument("--output", type=Path, help="also write the JSON object to this file")
    parser.add_argument(
        "--views",
        default="auto",
        help="views on the overview pages: auto (those konzept has), all, none, or a list",
    )
    parser.add_argument("--work", type=Path, help="keep projects and builds in this folder")
    parser.add_argument("--profile", type=Path, help="also profile one build into this folder")
    parser.add_argument(
        "--projects",
        default=",".join(generate.PROJECTS),
        help="which projects to build (default konzept,plain,needs); konzept alone is "
        "quick for working on konzept's speed",
    )
    args = parser.parse_args(argv)
    if args.items < 100 or args.repeat < 1:
        parser.error("--items must be at least 100 and --repeat at least 1")

    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        result = bench(args, args.work.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="konzept-bench-") as tmp:
            result = bench(args, Path(tmp))
    log("")
    log(table(result))
    text = json.dumps(result, sort_keys=True)
    if args.json:
        print(text, flush=True)
    if args.output:
        args.output.write_text(text + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
