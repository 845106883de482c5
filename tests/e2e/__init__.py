"""Browser tests of the published site (nox -s e2e)."""
