"""The annual report as one HTML page worth publishing (``integriteit report --format html``).

Self-contained (the styles in the page, no scripts, no external files) in a sober house style:
boxed tables with right-aligned numbers, a caption and a source line under each, and for each
table that compares years an inline SVG bar chart (a group of bars per category, a bar per
year). The years are told apart by a pattern and a label as well as by colour, and the chart
carries a text alternative that lists its figures. Printed, the page is A4. Years without
data show "geen gegevens" / "no data" and get no bar; a suppressed count shows ``x`` and gets
no bar either.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, TextIO

from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.report import _Chart, _Table

_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
       color: #1b1b1b; background: #fff; max-width: 178mm; margin: 0 auto; padding: 16px 12px;
       font-size: 10.5pt; line-height: 1.45; }
header { border-bottom: 3px solid #154273; margin-bottom: 14px; padding-bottom: 6px; }
h1 { font-size: 19pt; color: #154273; margin: 0 0 6px; line-height: 1.2; }
.intro { margin: 0; color: #333; }
h2 { font-size: 13pt; color: #154273; margin: 26px 0 8px; break-after: avoid; }
section.table { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; margin: 0; font-size: 10pt;
        font-variant-numeric: tabular-nums; min-width: 60%; }
th, td { border: 1px solid #8c9aad; padding: 3px 8px; vertical-align: top; }
thead th { background: #dce3ec; color: #10253f; font-weight: 600; text-align: left; }
thead th.n { text-align: right; }
tbody th { text-align: left; font-weight: normal; }
td { text-align: right; white-space: nowrap; }
td.text { text-align: left; white-space: normal; }
td.none { color: #5f6b7a; font-style: italic; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #154273;
                           background: #f3f6f9; }
caption { caption-side: bottom; text-align: left; font-size: 9pt; color: #333;
          padding-top: 4px; }
caption .source { display: block; color: #5f6b7a; }
figure.chart { margin: 10px 0 0; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 9pt; color: #5f6b7a; }
.notes { margin-top: 26px; border-top: 1px solid #8c9aad; padding-top: 6px; font-size: 9.5pt; }
.notes h2 { margin-top: 4px; }
.notes li { margin-bottom: 3px; }
footer { margin-top: 22px; font-size: 8.5pt; color: #5f6b7a; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 18px; }
  a { color: inherit; text-decoration: none; }
}
"""

_FILLS = ("#154273", "#4f81bd", "#9bbb59", "#e0a030", "#7a7a7a", "#8e3b8e")
"""The colour of a year's bars, the last year first (darkest)."""

_NOTES = Text("Toelichting", "Notes")
_CHART = Text("Diagram: {title}, per categorie per jaar.", "Chart: {title}, by category and year.")
_NO_BAR = Text("x: niet gepubliceerd, dus geen staaf.", "x: not published, so no bar.")


def write_page(title: str, intro: str, tables: list[_Table], notes: list[str], lang: Lang,
               out: TextIO, no_data: str) -> None:
    """The page: header, a section per table (table, caption, chart), the notes, a footer."""
    from integriteit import __version__
    from integriteit.report import MADE_WITH, _is_count, _numeric_columns, _plain

    e = escape
    out.write(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
              f'<header>\n<h1>{e(title)}</h1>\n<p class="intro">{e(intro)}</p>\n</header>\n'
              "<main>\n")
    for n, table in enumerate(tables, 1):
        ident = f"t{n}"
        out.write(f'<section class="table" aria-labelledby="{ident}">\n'
                  f'<h2 id="{ident}">{e(table.title)}</h2>\n<table>\n<caption>'
                  f"{e(table.caption)}"
                  f'<span class="source">{e(table.source)}</span></caption>\n<thead><tr>')
        numeric = _numeric_columns(table, no_data)
        for i, head in enumerate(table.header):
            align = ' class="n"' if i and numeric[i] else ""
            out.write(f'<th scope="col"{align}>{e(head)}</th>')
        out.write("</tr></thead>\n<tbody>\n")
        for row in table.rows:
            label, total = _plain(row[0])
            out.write('<tr class="total">' if total else "<tr>")
            out.write(f'<th scope="row">{e(label)}</th>')
            for raw in row[1:]:
                text, _ = _plain(raw)
                classes = [] if _is_count(text) else ["text"]
                if text == no_data:
                    classes = ["none"]
                attr = f' class="{" ".join(classes)}"' if classes else ""
                out.write(f"<td{attr}>{e(text)}</td>")
            out.write("</tr>\n")
        out.write("</tbody>\n</table>\n")
        if table.chart is not None and table.chart.groups:
            _chart(table.chart, table.title, f"c{n}", lang, no_data, out)
        out.write("</section>\n")
    out.write("</main>\n")
    if notes:
        out.write(f'<section class="notes">\n<h2>{e(_NOTES.get(lang))}</h2>\n<ul>\n'
                  + "".join(f"<li>{e(note)}</li>\n" for note in notes) + "</ul>\n</section>\n")
    out.write(f"<footer>{e(MADE_WITH.format(lang, version=__version__))}</footer>\n"
              "</body>\n</html>\n")


def _chart(chart: _Chart, title: str, ident: str, lang: Lang, no_data: str,
           out: TextIO) -> None:
    """A horizontal bar chart: a group per category (its label on the left), a bar per year
    with its value at the end, the years told apart by fill, pattern and the legend; a text
    alternative with every figure."""
    e = escape
    years = chart.years
    values = [v for _, counts in chart.groups for v in counts if isinstance(v, int)]
    steps = _ticks(max(values, default=0) or 1)
    label_w, plot_w, right = 220, 360, 40
    width = label_w + plot_w + right
    bar, between, group_gap, top = 9, 1, 12, 8
    lines = [_wrap(name, 34)[:3] for name, _ in chart.groups]
    group_h = [max(len(years) * (bar + between) - between, 13 * len(ls)) for ls in lines]
    axis_y = top + sum(group_h) + group_gap * len(group_h)
    legend_y = axis_y + 32
    height = legend_y + 6
    parts = []
    for name, counts in chart.groups:
        said = ", ".join(f"{y}: {no_data if v is None else v}"
                         for y, v in zip(years, counts, strict=True))
        parts.append(f"{name} ({said})")
    caption = _CHART.format(lang, title=title)
    out.write(f'<figure class="chart">\n<svg xmlns="http://www.w3.org/2000/svg" role="img" '
              f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
              f'aria-labelledby="{ident}-title {ident}-desc">\n'
              f'<title id="{ident}-title">{e(caption)}</title>\n'
              f'<desc id="{ident}-desc">{e("; ".join(parts) + ".")}</desc>\n<defs>\n')
    for i in range(len(years)):
        out.write(_pattern(f"{ident}-p{i}", len(years) - 1 - i))
    out.write("</defs>\n")
    scale = plot_w / steps[-1]
    for tick in steps:  # grid lines with their values under the axis
        x = label_w + tick * scale
        out.write(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{axis_y}" '
                  f'stroke="#d5dbe3"/><text x="{x:.1f}" y="{axis_y + 14}" font-size="11" '
                  f'text-anchor="middle" fill="#5f6b7a">{tick}</text>\n')
    y = top
    for (_name, counts), label, h in zip(chart.groups, lines, group_h, strict=True):
        for k, line in enumerate(label):
            out.write(f'<text x="{label_w - 8}" y="{y + 10 + 13 * k}" font-size="11.5" '
                      f'text-anchor="end" fill="#1b1b1b">{e(line)}</text>\n')
        for i, value in enumerate(counts):
            by = y + i * (bar + between)
            if isinstance(value, int):
                w = value * scale
                out.write(f'<rect class="bar" x="{label_w}" y="{by}" width="{w:.1f}" '
                          f'height="{bar}" '
                          f'fill="url(#{ident}-p{i})" stroke="#1b1b1b" stroke-width="0.5"/>'
                          f'<text x="{label_w + w + 4:.1f}" y="{by + bar - 1}" '
                          f'font-size="9.5" fill="#1b1b1b">{value}</text>\n')
            else:
                out.write(f'<text x="{label_w + 4}" y="{by + bar - 1}" font-size="9.5" '
                          f'fill="#5f6b7a">{e(str(value))}</text>\n')
        y += h + group_gap
    out.write(f'<line x1="{label_w}" y1="{top - 4}" x2="{label_w}" y2="{axis_y}" '
              'stroke="#1b1b1b"/>\n')
    lx = label_w
    for i, year in enumerate(years):  # the legend: each year's pattern and the year
        out.write(f'<rect x="{lx}" y="{legend_y - 10}" width="16" height="11" '
                  f'fill="url(#{ident}-p{i})" stroke="#1b1b1b" stroke-width="0.5"/>'
                  f'<text x="{lx + 20}" y="{legend_y}" font-size="11" fill="#1b1b1b">'
                  f"{year}</text>\n")
        lx += 62
    hidden = any(not isinstance(v, int) for _, counts in chart.groups for v in counts)
    note = f" {_NO_BAR.get(lang)}" if hidden else ""
    out.write(f"</svg>\n<figcaption>{e(caption + note)}</figcaption>\n</figure>\n")


def _pattern(ident: str, age: int) -> str:
    """The fill of a year ``age`` years before the last: a colour with its own pattern (the
    last year solid, then stripes, dots, cross-hatching), so that the years differ in print
    and for readers who do not see the colours."""
    kinds = ("solid", "diagonal", "dots", "horizontal", "cross", "vertical")
    kind = kinds[age % len(kinds)]
    fill = _FILLS[age % len(_FILLS)]
    marks = {
        "solid": "",
        "diagonal": '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" '
                    'stroke-width="1.4"/>',
        "dots": '<circle cx="3" cy="3" r="1.2" fill="#fff"/>',
        "horizontal": '<path d="M0,3 h6" stroke="#fff" stroke-width="1.4"/>',
        "cross": '<path d="M0,0 l6,6 M6,0 l-6,6" stroke="#fff" stroke-width="1"/>',
        "vertical": '<path d="M3,0 v6" stroke="#fff" stroke-width="1.4"/>',
    }
    return (f'<pattern id="{ident}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{fill}"/>{marks[kind]}</pattern>\n')


def _ticks(top: int) -> list[int]:
    """Grid values from 0 to at least ``top``: four or five round steps."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 5:
            break
    else:
        step = 10 ** (len(str(top)) - 1)
    last = -(-top // step) * step
    return list(range(0, last + 1, step))


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most about ``width`` characters, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
