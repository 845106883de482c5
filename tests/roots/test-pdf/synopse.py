"""A Synopse as konzept's changelog view builds it: a two-column table
(old | new) of ordinary docutils nodes, insertions and deletions marked by
the classes ``konzept-ins`` and ``konzept-del``."""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

ROWS = [
    (
        [("BIL-M1 Seiteneinstiegsberatung im ", ""), ("Schulamt", "del")],
        [("BIL-M1 Seiteneinstiegsberatung im ", ""), ("Kommunalen Integrationszentrum", "ins")],
    ),
    ([("Federführung: ", "em"), ("Schulamt", "del")], [("Federführung: ", "em"), ("KI", "ins")]),
    ([("BIL-M9 Hausaufgabenhilfe", "del")], [("–", "")]),
    ([("–", "")], [("BIL-M2 Sprachcafés in allen Kommunen", "ins")]),
]


def cell(parts):
    entry = nodes.entry()
    para = nodes.paragraph()
    for text, change in parts:
        if change == "em":  # a label, its space inside the emphasis
            para += nodes.emphasis(text, text)
        elif change:
            para += nodes.inline(text, text, classes=[f"konzept-{change}"])
        else:
            para += nodes.Text(text)
    entry += para
    return entry


class SynopseDirective(SphinxDirective):
    def run(self):
        table = nodes.table(classes=["konzept-table", "konzept-synopsis"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        row = nodes.row()
        for title in ("Fassung 2011", "Fassung 2016"):
            row += cell([(title, "")])
        head += row
        group += head
        body = nodes.tbody()
        for old, new in ROWS:
            row = nodes.row()
            row += cell(old)
            row += cell(new)
            body += row
        group += body
        return [table]


def setup(app):
    app.add_directive("synopse", SynopseDirective)
    return {"parallel_read_safe": True}
