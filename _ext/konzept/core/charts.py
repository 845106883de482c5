"""Charts as small, accessible SVG documents (pure Python, no dependency).

Two kinds are needed: stacked bars (measures by status per field) and a line
of observed values against baseline and target (an indicator). Each SVG has
``role="img"``, a ``<title>`` and a ``<desc>`` that says in words what it
shows; the views put the data next to it as a table, the text alternative.
Output is deterministic: the same data give the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

#: Blues and greys that stay distinguishable when printed in greyscale;
#: segments also carry their count as text, so colour is never the only cue.
PALETTE = ("#1b4f72", "#5d8aa8", "#a9c6de", "#d9d9d9", "#6b6b6b", "#3d3d3d", "#8fb8a3")
FONT = "font-family:sans-serif;font-size:12px"


@dataclass(frozen=True)
class Segment:
    label: str
    value: float


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]

    @property
    def total(self) -> float:
        return sum(s.value for s in self.segments)


def stacked_bars(
    bars: Sequence[Bar], legend: Sequence[str], ident: str, title: str, desc: str
) -> str:
    """Horizontal stacked bars, one per row, with a legend and counts."""
    label_width, bar_width, row, top = 190, 420, 26, 34
    height = top + row * max(len(bars), 1) + 10
    width = label_width + bar_width + 50
    longest = max((b.total for b in bars), default=0) or 1
    scale = bar_width / longest
    body: list[str] = []
    x = float(label_width)
    for n, name in enumerate(legend):
        body.append(_rect(x, 6, 12, 12, _colour(n), 'stroke="#000" stroke-width="0.5"'))
        body.append(_text(x + 16, 16, name))
        x += 22 + 7 * len(name)
    for n, bar in enumerate(bars):
        y = top + n * row
        body.append(_text(label_width - 8, y + 15, _shorten(bar.label, 28), "end"))
        x0 = float(label_width)
        for m, segment in enumerate(bar.segments):
            if segment.value <= 0:
                continue
            w = segment.value * scale
            body.append(_rect(x0, y + 3, w, row - 8, _colour(m), 'stroke="#fff" stroke-width="1"'))
            if w >= 16:
                ink = "#000" if m in (2, 3) else "#fff"
                count = _number(segment.value)
                body.append(_text(x0 + w / 2, y + 16, count, "middle", f' fill="{ink}"'))
            x0 += w
        body.append(_text(x0 + 6, y + 16, _number(bar.total)))
    return _svg(width, height, ident, title, desc, body)


def line_chart(
    values: Sequence[tuple[float, float]],
    ident: str,
    title: str,
    desc: str,
    baseline: tuple[float, float] | None = None,
    target: tuple[float, float] | None = None,
    labels: tuple[str, str, str] = ("values", "baseline", "target"),
    unit: str = "",
    number: Callable[[float], str] | None = None,
) -> str:
    """Observed values as a line; baseline and target as labelled markers."""
    fmt = number or _number
    points = list(values)
    every = points + [p for p in (baseline, target) if p is not None]
    width, height = 640, 300
    left, right, top, bottom = 60, 150, 20, 40
    if not every:
        empty = [_text(width / 2, height / 2, "–", "middle")]
        return _svg(width, height, ident, title, desc, empty)
    x_min, x_max = min(p[0] for p in every), max(p[0] for p in every)
    if x_min == x_max:
        x_min, x_max = x_min - 1, x_max + 1
    y_min, y_max = _nice_range(min(p[1] for p in every), max(p[1] for p in every))
    x_end = width - right

    def px(x: float) -> float:
        return left + (x - x_min) / (x_max - x_min) * (x_end - left)

    def py(y: float) -> float:
        return top + (1 - (y - y_min) / (y_max - y_min)) * (height - top - bottom)

    body: list[str] = []
    for tick in _ticks(y_min, y_max):
        body.append(_line(left, py(tick), x_end, py(tick), 'stroke="#ccc"'))
        body.append(_text(left - 6, py(tick) + 4, fmt(tick), "end"))
    for year in range(math.ceil(x_min), math.floor(x_max) + 1):
        if (x_max - x_min) > 12 and year % 2:
            continue
        body.append(_text(px(year), height - bottom + 18, str(year), "middle"))
    body.append(_line(left, height - bottom, x_end, height - bottom, 'stroke="#000"'))
    if points:
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{PALETTE[0]}" stroke-width="2.5"/>'
        )
        for x, y in points:
            body.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="{PALETTE[0]}"/>')
        last_x, last_y = points[-1]
        body.append(_text(px(last_x) + 8, py(last_y) + 4, f"{labels[0]}: {fmt(last_y)}{unit}"))
    if baseline is not None:
        bx, by = px(baseline[0]), py(baseline[1])
        body.append(_rect(bx - 5, by - 5, 10, 10, "#fff", 'stroke="#000" stroke-width="2"'))
        body.append(_text(bx + 8, by + 18, f"{labels[1]}: {fmt(baseline[1])}{unit}"))
    if target is not None:
        tx, ty = px(target[0]), py(target[1])
        body.append(_line(left, ty, x_end, ty, 'stroke="#000" stroke-dasharray="6 4"'))
        body.append(f'<path d="M{tx:.1f},{ty - 7:.1f} l7,7 l-7,7 l-7,-7 Z" fill="#000"/>')
        body.append(_text(tx + 10, ty - 8, f"{labels[2]}: {fmt(target[1])}{unit}"))
    return _svg(width, height, ident, title, desc, body)


# -- SVG pieces ----------------------------------------------------------------


def _svg(width: int, height: int, ident: str, title: str, desc: str, body: list[str]) -> str:
    ident = escape(ident, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="konzept-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" style="{FONT}"{extra}>'
        f"{escape(text)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}" {extra}/>'


def _line(x1: float, y1: float, x2: float, y2: float, extra: str) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {extra}/>'


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _nice_range(low: float, high: float) -> tuple[float, float]:
    """A y-range from 0 (or below the data) to a round number above it."""
    low = min(0.0, low)
    if high <= low:
        high = low + 1
    step = _step(high - low)
    return float(math.floor(low / step) * step), float(math.ceil(high / step) * step)


def _step(span: float) -> float:
    raw = span / 5
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10.0 * magnitude


def _ticks(low: float, high: float) -> list[float]:
    step = _step(high - low)
    count = round((high - low) / step)
    return [low + n * step for n in range(count + 1)]
