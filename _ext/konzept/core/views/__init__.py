"""What the views show, computed from a :class:`~konzept.core.Concept`.

One module per view; each is pure (no Sphinx, no docutils) and linear in the
number of items and links, so views stay cheap at tens of thousands of items.
The Sphinx adapter turns the results into tables and charts.
"""
