"""``konzept export``: measures, goals and actors as CSV, XLSX or JSON.

    konzept export [DIR] --format xlsx [--output FILE] [--from releases/2016.json]

The data come from a build of the project (read and checked, no pages
written), or from an archived release with ``--from``.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.tables import TABLES, table
from ..errors import UsageError

FORMATS = ("xlsx", "csv", "json")


def register(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    sub = command(
        "export",
        "Export the items as a spreadsheet (xlsx), CSV files (one per item type) or JSON.",
    )
    sub.add_argument("-f", "--format", choices=FORMATS, default="xlsx", help="default: xlsx")
    sub.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="file (xlsx, json) or folder (csv); default: DIR/_build/export/",
    )
    sub.add_argument(
        "--from",
        dest="source",
        metavar="SNAPSHOT",
        help="export an archived release (its konzept.json) instead of building DIR",
    )
    sub.add_argument(
        "-t",
        "--tables",
        default=",".join(TABLES),
        help=f"which tables, comma-separated (default: {','.join(TABLES)})",
    )
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import Project, run_sphinx

    names = [n.strip() for n in args.tables.split(",") if n.strip()]
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise UsageError(f"unknown table {unknown[0]!r}; the tables are {', '.join(TABLES)}")
    if args.source:
        source = Path(args.source)
        if not source.is_file():
            raise UsageError(f"{source}: no such file")
        base = Path.cwd()
    else:
        project = Project.find(args.directory)
        outdir = project.builddir / "json"
        status, _count = run_sphinx(
            project,
            "konzept-json",
            outdir,
            project.builddir / "doctrees-json",
            jobs=args.jobs,
            quiet=True,
        )
        if status not in (0, 1) or not (outdir / "konzept.json").is_file():
            return 2
        source = outdir / "konzept.json"
        base = project.builddir
    try:
        data = json.loads(source.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"{source}: not a konzept.json file ({error})") from None
    if not isinstance(data, dict) or "items" not in data:
        raise UsageError(f"{source}: not a konzept.json file (no 'items')")
    default = base / "export"
    output = Path(args.output) if args.output else default / _default_name(args.format, data)
    output.parent.mkdir(parents=True, exist_ok=True)
    if args.format == "json":
        shutil.copyfile(source, output)
    elif args.format == "csv":
        output = Path(args.output) if args.output else default
        output.mkdir(parents=True, exist_ok=True)
        for name in names:
            write_csv(data, name, output / f"{name}.csv")
    else:
        write_xlsx(data, names, output)
    print(f"konzept: exported to {output}")
    return 0


def _default_name(fmt: str, data: dict[str, Any]) -> str:
    version = str(data.get("release", {}).get("version") or "konzept")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in version)
    return f"konzept-{safe}.{fmt}"


def write_csv(data: dict[str, Any], name: str, path: Path) -> None:
    header, rows = table(data, name)
    # utf-8 with BOM and ";": what a German spreadsheet program opens correctly
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(header)
        writer.writerows([_csv_safe(cell) for cell in row] for row in rows)


def write_xlsx(data: dict[str, Any], names: list[str], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    for default_sheet in list(workbook.worksheets):
        workbook.remove(default_sheet)
    for name in names:
        header, rows = table(data, name)
        sheet = workbook.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if cell.data_type == "f":  # text that merely starts with "="
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        if rows:
            sheet.auto_filter.ref = sheet.dimensions
        for index, key in enumerate(header, start=1):
            longest = max([len(str(key))] + [len(str(r[index - 1] or "")) for r in rows[:200]])
            sheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 60)
    release = data.get("release", {})
    workbook.properties.title = str(release.get("title") or "konzept")
    workbook.properties.creator = "konzept"
    workbook.save(path)


def _csv_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe
    (the usual defence against CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
