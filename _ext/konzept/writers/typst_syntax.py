"""Typst source from untrusted text: the only place that escapes.

Everything a concept's authors write reaches Typst through one of two
functions: :func:`markup` for running text (it stays Typst markup, so German
smart quotes and hyphenation apply) and :func:`string` for string literals
(attribute values, code, file names). A title such as ``#import "x"`` or
``*bold*`` or ``$x$`` therefore comes out exactly as typed.
"""

from __future__ import annotations

import re
import string as _string

#: Every ASCII punctuation character has a meaning somewhere in Typst markup
#: (``#`` code, ``*`` strong, ``_`` emphasis, ``$`` math, ``<label>``, ``@ref``,
#: ``=``/``-``/``+``/``/`` at the start of a line, ``--`` and ``...`` shorthands,
#: ``//`` comments, ``https://`` auto-links, ``[`` ``]`` content blocks, ``(``
#: or ``.`` right after a function call). A backslash makes each one literal.
#: Straight quotes stay: Typst turns them into the language's quotation marks
#: („…“ in German), which is what a typed ``"`` means in running text.
_SPECIAL = frozenset(_string.punctuation) - {'"', "'"}
_MARKUP: dict[int, str | None] = {ord(c): "\\" + c for c in _SPECIAL}
# Line breaks and tabs in a docutils Text node are plain spaces; other control
# characters cannot be typeset and would only confuse the PDF's text layer.
_MARKUP.update({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})
_MARKUP.update({c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)})
_MARKUP[0x7F] = None
# private-use characters konzept's translator uses as placeholders
_MARKUP.update(dict.fromkeys(range(0xE000, 0xE010)))

_STRING: dict[int, str | None] = {
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}
_STRING.update({c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)})
_STRING[0x7F] = None
_STRING.update(dict.fromkeys(range(0xE000, 0xE010)))


def markup(text: str) -> str:
    """Text as Typst markup that shows exactly this text."""
    return text.translate(_MARKUP)


def string(text: str) -> str:
    """A Typst string literal (with its quotes) holding exactly this text."""
    return '"' + text.translate(_STRING) + '"'


def content(text: str) -> str:
    """A Typst content block ``[…]`` showing exactly this text."""
    return "[" + markup(text) + "]"


_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|px|pt|mm|cm|in|em)?\s*$")


def length(value: str | None, *, relative_to_width: bool = True) -> str | None:
    """A CSS-like length from an image or table option as a Typst length.

    ``50%`` stays relative, ``200px`` becomes points (a CSS pixel is 0.75pt),
    a bare number counts as pixels. Anything else is ``None`` (the caller
    then lets Typst choose).
    """
    if not value:
        return None
    match = _LENGTH.match(value)
    if not match:
        return None
    number, unit = float(match[1]), match[2] or "px"
    if unit == "%":
        return f"{number:g}%" if relative_to_width else None
    if unit == "px":
        return f"{number * 0.75:g}pt"
    return f"{number:g}{unit}"


def call(name: str, *positional: str, **named: str | None) -> str:
    """``name(named: value, …, positional, …)``; ``None`` values are left out.

    Arguments are Typst expressions already (use :func:`string` and
    :func:`content` to make them from text). Underscores in names become
    hyphens, the Typst convention.
    """
    args = [
        f"{key.replace('_', '-')}: {value}" for key, value in named.items() if value is not None
    ]
    args.extend(positional)
    return f"{name}({', '.join(args)})"
