"""Every warning konzept gives, as data: the reference documentation and the
tests are generated from this table, so it cannot drift from the code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    summary: str
    remedy: str

    @property
    def subtype(self) -> str:
        return f"konzept.{self.code}"


CODES: tuple[Code, ...] = (
    Code(
        "missing_id",
        "An item has no ``:id:``.",
        "Add the ID the warning suggests (the next free one in your numbering).",
    ),
    Code(
        "bad_id",
        "An ID has characters that cannot be used.",
        "Use letters A-Z, digits and single ``-``, ``_`` or ``.`` between them, starting with a letter.",
    ),
    Code(
        "duplicate_id",
        "Two items have the same ID; the second is shown but not linked or exported.",
        "Give one of them the free ID the warning suggests.",
    ),
    Code(
        "unknown_ref",
        "An option, a role or ``konzept_field`` names an ID no item has.",
        "Correct the ID (the warning suggests a close one) or define the item.",
    ),
    Code(
        "wrong_type",
        "A reference names an item of the wrong type (a goal where an actor is expected).",
        "Name an item of the expected type, or use the role of the item's type.",
    ),
    Code(
        "cycle",
        "Goals are above each other in a circle through ``:parent:``, or an item names itself.",
        "Remove one of the links the warning lists.",
    ),
    Code(
        "missing_option",
        "A required option is missing (a measure's ``:goals:``, a title), or a goal or measure belongs to no field of action.",
        "Add the option; for the field, set ``:field:``, use a ``field`` block or the page's ``konzept_field``.",
    ),
    Code(
        "unknown_option",
        "An item has an option its type does not have.",
        "Correct the spelling (the warning suggests one) or declare the option in ``konzept_options``.",
    ),
    Code(
        "bad_date",
        "A date is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or does not exist.",
        "Write e.g. ``2016``, ``2016-08`` or ``2016-08-15``.",
    ),
    Code("bad_period", "A measure ends before it starts.", "Correct ``:start:`` or ``:end:``."),
    Code(
        "bad_status",
        "A status is not one of the vocabulary ``status``.",
        "Use ``planned``, ``ongoing``, ``done``, ``deferred`` or ``dropped`` (or their German labels), or add a status in ``konzept_vocabularies``.",
    ),
    Code(
        "bad_choice",
        "A value is not in its vocabulary (actor type, field kind, goal level, ...).",
        "Use one of the values the warning lists, or add one in ``konzept_vocabularies``.",
    ),
    Code(
        "bad_money",
        "An amount cannot be read, or is ambiguous (``1.500``).",
        "Write e.g. ``161088.00 EUR`` or ``161.088,00 €``.",
    ),
    Code(
        "bad_number",
        "A number cannot be read, or is ambiguous (``1.500``).",
        "Write e.g. ``81.5`` or ``81,5``; ``1500`` or ``1.500,00``.",
    ),
    Code(
        "bad_url",
        "A web address is not ``http``, ``https`` or ``mailto``.",
        "Write the full address, starting with ``https://``.",
    ),
    Code(
        "bad_series",
        "An indicator value is not ``YEAR: VALUE``, or a year has two values.",
        "Write e.g. ``2014: 81.5`` and separate values with ``;``.",
    ),
    Code(
        "bad_release",
        "``konzept_release`` in ``conf.py`` has a problem.",
        "Correct the key the warning names (see the configuration reference).",
    ),
    Code(
        "bad_config",
        "``konzept_options`` or ``konzept_vocabularies`` in ``conf.py`` has a problem.",
        "Correct the entry the warning names; it is ignored until then.",
    ),
    Code(
        "uncovered",
        "A gap: a goal no measure serves, a measure without lead, an actor in no measure, an indicator no goal uses.",
        "Connect the item as the warning says, or name the gap with the ``coverage`` view and suppress ``konzept.uncovered``.",
    ),
    Code(
        "coverage_min",
        "Fewer goals are served by a measure than ``konzept_coverage_min`` asks for.",
        "Add measures for the goals the ``coverage`` view lists, or lower the minimum.",
    ),
    Code(
        "bad_view",
        "A view has an option value it does not know (a column, ``:by:``).",
        "Use one of the values the warning lists.",
    ),
    Code(
        "unknown_release",
        "``konzept_compare_to`` or a ``changelog`` view's ``:since:`` names a release that is not archived (no ``releases/<version>.json``), or the file is not a ``konzept.json``.",
        "Correct the version (the warning lists the archived ones) or archive that release with ``konzept release``.",
    ),
    Code(
        "pdf",
        "The PDF writer met something it cannot render faithfully: a node it does not know (shown as text), an image without alt text or not on disk, or a document Typst cannot make PDF/UA.",
        "Follow the warning: add ``:alt:`` to the image, use a local file; report an unknown node to the konzept team.",
    ),
    Code(
        "site",
        "The multi-version site cannot show its banner or switcher as configured (e.g. an own ``layout.html`` hides the banner).",
        "Add ``{{ konzept_version_banner }}`` to your template as the warning says.",
    ),
    Code(
        "raw_html",
        "The sources contain raw HTML, which is shown as text.",
        "Write Markdown instead, or set ``konzept_allow_raw_html = True`` if every author is trusted.",
    ),
)


def code(name: str) -> Code:
    for entry in CODES:
        if entry.code == name:
            return entry
    raise KeyError(name)
