"""Word-level differences of two texts, as a reader of German wants them.

A character-level diff cuts German compounds apart
(``Integrations[kurs→konzept]``) and a line-level diff marks a whole
paragraph for one changed word. Here a text is split into *tokens*: words
(a compound with its hyphens, ``Deutsch-Intensivkurs``, and a number with
its separators, ``161.088,00``, stay one token), single punctuation marks,
and runs of white space. :mod:`difflib` compares the token sequences; then
changes that are separated only by white space or one short word (``und``,
``die``) are merged, so a reworded phrase reads as one deletion followed by
one insertion instead of a word-by-word zigzag.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

SegmentKind = Literal["equal", "delete", "insert"]

#: words (letters and digits, joined by hyphens or an apostrophe), numbers
#: with their separators, white space, or any other single character
_TOKEN = re.compile(
    r"""
    \d+(?:[.,]\d+)*            # 2016, 161.088,00, 81.5
    (?:-\d+(?:[.,]\d+)*)*      # 2016-2018
    (?:-?[^\W\d_][\w]*)*       # 2016er, 3-fach
    | -?[^\W\d_]\w*            # a word; -abgänger (the hyphen of an ellipsis)
      (?:[-'’][^\W_]\w*)*      # Deutsch-Intensivkurs, KOMM-AN, geht's
      -?                       # Schul- (und Berufsausbildung)
    | \s+
    | .
    """,
    re.VERBOSE | re.DOTALL,
)

#: An unchanged stretch this short between two changes is absorbed into them.
_SHORT_WORD = 3
#: Below this similarity, a text counts as rewritten: shown as one deletion
#: and one insertion (a word-by-word diff of unrelated texts helps nobody).
REWRITE_RATIO = 0.25


@dataclass(frozen=True)
class Segment:
    """A stretch of text that is the same in both, only old, or only new."""

    kind: SegmentKind
    text: str


def tokenize(text: str) -> list[str]:
    """Words, numbers, punctuation marks and white space, in order.

    Joining the tokens gives the text back exactly.
    """
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Segment]:
    """The differences of ``old`` and ``new`` as equal, deleted and inserted segments.

    Joining the ``equal`` and ``delete`` segments gives ``old``; joining the
    ``equal`` and ``insert`` segments gives ``new``. Adjacent segments never
    have the same kind, and a deletion comes before the insertion it is
    replaced by.
    """
    if old == new:
        return [Segment("equal", old)] if old else []
    a, b = tokenize(old), tokenize(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if old and new and matcher.ratio() < REWRITE_RATIO:
        return [Segment("delete", old), Segment("insert", new)]
    # (kind, old text, new text) per opcode; "replace" has both
    parts: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        parts.append((tag, "".join(a[i1:i2]), "".join(b[j1:j2])))
    return _segments(_absorb_short_equals(parts))


def _absorb_short_equals(parts: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Merge changes separated only by white space or one short word."""
    result: list[tuple[str, str, str]] = []
    for n, (tag, old, new) in enumerate(parts):
        between_changes = 0 < n < len(parts) - 1 and tag == "equal"
        if between_changes and _is_glue(old):
            tag = "replace"  # the unchanged glue becomes part of both sides
        if result and tag != "equal" and result[-1][0] != "equal":
            _prev, p_old, p_new = result.pop()
            result.append(("replace", p_old + old, p_new + new))
        else:
            result.append((tag, old, new))
    return result


def _is_glue(text: str) -> bool:
    words = [t for t in tokenize(text) if not t.isspace()]
    if not words:
        return True
    return len(words) == 1 and len(words[0]) <= _SHORT_WORD and words[0].isalpha()


def _segments(parts: Iterable[tuple[str, str, str]]) -> list[Segment]:
    result: list[Segment] = []
    for tag, old, new in parts:
        if tag == "equal":
            _append(result, Segment("equal", old))
            continue
        if old:
            _append(result, Segment("delete", old))
        if new:
            _append(result, Segment("insert", new))
    return result


def _append(result: list[Segment], segment: Segment) -> None:
    if not segment.text:
        return
    if result and result[-1].kind == segment.kind:
        result[-1] = Segment(segment.kind, result[-1].text + segment.text)
    else:
        result.append(segment)


def old_side(segments: Sequence[Segment]) -> list[Segment]:
    """What the old text shows in a synopsis: equal and deleted stretches."""
    return [s for s in segments if s.kind != "insert"]


def new_side(segments: Sequence[Segment]) -> list[Segment]:
    """What the new text shows in a synopsis: equal and inserted stretches."""
    return [s for s in segments if s.kind != "delete"]
