"""Errors the command line reports as one line (exit code 2)."""

from __future__ import annotations


class UsageError(Exception):
    """A mistake of the user's: reported as one line, exit code 2, no traceback."""
