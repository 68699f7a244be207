"""Small bar charts drawn on the server as inline SVG: no JavaScript and no chart library. Each scales to its
container (viewBox, width 100%) so it reads on a phone, is one image for a screen reader (`role="img"` named
by its <title> and <desc>), and is always shown beside a table of the same numbers.

Every piece of text goes through `format_html`, which escapes it (django.utils.html.conditional_escape)."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

BAR_COLOUR = "#0b5ed7"  # Bootstrap primary, darkened: 5.4:1 against white
HIGHLIGHT_COLOUR = "#b02a37"  # Bootstrap danger, darkened: 6.4:1 against white
TEXT_COLOUR = "#212529"
AXIS_COLOUR = "#6c757d"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | Decimal
    text: str  # the value as shown beside the bar (already formatted for the reader's language)
    highlight: bool = False


def _n(number: float) -> str:
    """A coordinate: one decimal is plenty for a viewBox."""
    return f"{number:.1f}".removesuffix(".0")


def _join(parts: Sequence[SafeString]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _scale(bars: Sequence[Bar]) -> float:
    """The largest value, never below one, so that an all-zero chart draws flat bars, not a division error."""
    return max([1.0, *(float(bar.value) for bar in bars)])


def _svg(
    *, chart_id: str, title: str, desc: str, shape: str, width: int, height: int, body: SafeString
) -> SafeString:
    # No style attribute: the Content-Security-Policy (style-src 'self') refuses inline styles. The class
    # `pintu-chart-<shape>` in static/css/pintu.css caps the chart at its viewBox width.
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="pintu-chart pintu-chart-{shape}" id="{id}" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMidYMid meet" role="img" '
        'aria-labelledby="{id}-title {id}-desc" font-family="{font}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        shape=shape,
        w=width,
        h=height,
        font=FONT,
        title=title,
        desc=desc,
        body=body,
    )


def vertical_bar_chart(*, chart_id: str, title: str, desc: str, bars: Sequence[Bar]) -> SafeString:
    """Columns side by side with the label under each and the value above it (e.g. SKs issued per month)."""
    width, height = 480, 240  # pintu.css .pintu-chart-columns has the same max-width
    top, bottom, side = 24, 28, 6
    plot_height = height - top - bottom
    slot = (width - 2 * side) / max(len(bars), 1)
    bar_width = slot * 0.68
    baseline = height - bottom
    largest = _scale(bars)
    parts = []
    for index, bar in enumerate(bars):
        bar_height = plot_height * float(bar.value) / largest
        centre = side + slot * index + slot / 2
        parts.append(
            format_html(
                '<g><rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}">'
                "<title>{label}: {text}</title></rect>"
                '<text x="{cx}" y="{ty}" text-anchor="middle" font-size="14" fill="{ink}">{text}</text>'
                '<text x="{cx}" y="{ly}" text-anchor="middle" font-size="14" fill="{ink}">{label}</text></g>',
                x=_n(centre - bar_width / 2),
                y=_n(baseline - bar_height),
                w=_n(bar_width),
                h=_n(bar_height),
                fill=HIGHLIGHT_COLOUR if bar.highlight else BAR_COLOUR,
                cx=_n(centre),
                ty=_n(baseline - bar_height - 5),
                ly=_n(height - 9),
                ink=TEXT_COLOUR,
                label=bar.label,
                text=bar.text,
            )
        )
    parts.append(
        format_html(
            '<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{stroke}" stroke-width="1"/>',
            x1=side,
            x2=width - side,
            y=baseline,
            stroke=AXIS_COLOUR,
        )
    )
    return _svg(
        chart_id=chart_id,
        title=title,
        desc=desc,
        shape="columns",
        width=width,
        height=height,
        body=_join(parts),
    )


def horizontal_bar_chart(*, chart_id: str, title: str, desc: str, bars: Sequence[Bar]) -> SafeString:
    """One row per item with its label above the bar, so that long labels (stage names) need no truncation
    and stay legible on a narrow screen; the value follows the bar's end."""
    width, row_height, label_height, bar_height = 400, 46, 17, 18  # pintu.css .pintu-chart-rows: same width
    value_room = 56
    side = 4
    largest = _scale(bars)
    height = max(len(bars), 1) * row_height + 4
    parts = []
    for index, bar in enumerate(bars):
        row_top = index * row_height + 4
        length = (width - 2 * side - value_room) * float(bar.value) / largest
        fill = HIGHLIGHT_COLOUR if bar.highlight else BAR_COLOUR
        parts.append(
            format_html(
                '<g><text x="{x}" y="{ly}" font-size="14" fill="{ink}"{weight}>{label}</text>'
                '<rect x="{x}" y="{by}" width="{w}" height="{h}" fill="{fill}">'
                "<title>{label}: {text}</title></rect>"
                '<text x="{tx}" y="{ty}" font-size="14" fill="{ink}">{text}</text></g>',
                x=side,
                ly=_n(row_top + 13),
                by=_n(row_top + label_height + 2),
                w=_n(length),
                h=bar_height,
                fill=fill,
                tx=_n(side + length + 6),
                ty=_n(row_top + label_height + 2 + bar_height - 4),
                ink=TEXT_COLOUR,
                weight=format_html(' font-weight="{}"', "bold") if bar.highlight else "",
                label=bar.label,
                text=bar.text,
            )
        )
    return _svg(
        chart_id=chart_id, title=title, desc=desc, shape="rows", width=width, height=height, body=_join(parts)
    )
