"""The annual report's HTML page (issue 14, item 2): self-contained, styled and printable,
each table with its caption and source, a bar chart with a text alternative per table that
compares years, every figure the same as the JSON's, the document's words escaped."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import integriteit
from integriteit.report import annual_report, write_report

SEEDS = Path(__file__).parent / "data" / "seeds"
CASES = [("zuid-holland-2019.json", 2019), ("groningen-2021.json", 2021)]


def rendered(report: Any, fmt: str, lang: str, k: int = 0) -> str:
    out = io.StringIO()
    write_report(report, out, fmt, lang, k)  # type: ignore[arg-type]
    return out.getvalue()


class Page(HTMLParser):
    """The tables (their header, rows and caption) and the charts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.tables: list[dict[str, Any]] = []
        self.charts: list[dict[str, Any]] = []
        self.scopes: set[str] = set()
        self._text: list[str] | None = None
        self._row: list[str] | None = None
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "table":
            self.tables.append({"head": [], "rows": [], "caption": ""})
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._text = []
            if a.get("scope"):
                self.scopes.add(a["scope"] or "")
        elif tag == "caption":
            self._text = []
        elif tag == "svg":
            self.charts.append({"role": a.get("role"), "title": "", "desc": "", "bars": 0,
                                "labelled": a.get("aria-labelledby")})
        elif tag == "rect" and a.get("class") == "bar":
            self.charts[-1]["bars"] += 1
        elif tag in ("title", "desc") and "svg" in self._in:
            self._text = []
        if tag not in ("meta", "br", "img", "link"):  # no end tag to pop them
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()
        if tag in ("td", "th") and self._row is not None and self._text is not None:
            self._row.append("".join(self._text).strip())
            self._text = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if "thead" in self._in:
                table["head"] = self._row
            else:
                table["rows"].append(self._row)
            self._row = None
        elif tag == "caption" and self._text is not None:
            self.tables[-1]["caption"] = "".join(self._text)
            self._text = None
        elif tag in ("title", "desc") and "svg" in self._in and self._text is not None:
            self.charts[-1][tag] = "".join(self._text)
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def page(html: str) -> Page:
    parsed = Page()
    parsed.feed(html)
    return parsed


@pytest.mark.parametrize(("name", "year"), CASES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_stands_alone_and_prints_on_a4(name: str, year: int, lang: str) -> None:
    html = rendered(annual_report(integriteit.load(SEEDS / name), year), "html", lang)
    parsed = page(html)
    assert parsed.lang == lang
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert not re.search(r'href="(?!#)', html)
    assert "@page { size: A4;" in html and "@media print" in html
    assert parsed.scopes == {"col", "row"}
    # Every chart is valid SVG, an image with a title and a description.
    for svg in re.findall(r"<svg.*?</svg>", html, re.S):
        etree.fromstring(svg.encode())
    assert parsed.charts and all(c["role"] == "img" and c["title"] and c["desc"]
                                 for c in parsed.charts)


@pytest.mark.parametrize(("name", "year"), CASES)
def test_tables_and_charts_give_the_figures_of_the_json(name: str, year: int) -> None:
    report = annual_report(integriteit.load(SEEDS / name), year)
    data = json.loads(rendered(report, "json", "en"))
    parsed = page(rendered(report, "html", "en"))
    labels = data["categories"]
    kinds = [t for t in parsed.tables if t["head"][0] == "Category"]
    assert len(kinds) == len({r["kind"] for r in data["totals"]})
    for table in kinds:
        # The years without data are one column; the registered years follow.
        assert table["head"][1] == ("2017–2020" if year == 2021 else "2015–2018")
        assert all(row[1] == "no data" for row in table["rows"])
        assert "Source: the integrity register of" in table["caption"]
    totals = {(r["kind"], r["year"]): r["count"] for r in data["totals"]}
    for kind, table in zip(sorted({r["kind"] for r in data["totals"]},
                                  key=lambda k: ["melding", "gesprek", "klacht",
                                                 "misstand"].index(k)), kinds, strict=True):
        assert table["rows"][-1][:3] == ["Total", "no data", str(totals[(kind, year)])]
        for r in data["counts"]:
            if r["kind"] == kind:
                assert [labels[r["category"]], "no data", str(r["count"])] in [
                    row[:3] for row in table["rows"]]
    # The text alternative of each chart says every figure of its table.
    for chart in parsed.charts:
        for part in chart["desc"].rstrip(".").split("; "):
            label, _, said = part.rpartition(" (")
            assert label in labels.values() or label == "(no category)"
            assert re.fullmatch(rf"{year}: \d+\)", said), part
    assert sum(c["bars"] for c in parsed.charts) == len(data["counts"]) + len(
        data["uncategorised"])


def test_suppressed_counts_get_no_bar_and_say_so() -> None:
    report = annual_report(integriteit.load(SEEDS / "zuid-holland-2019.json"), 2019)
    data = json.loads(rendered(report, "json", "nl", k=5))
    html = rendered(report, "html", "nl", k=5)
    parsed = page(html)
    rows = data["counts"] + data["uncategorised"]
    shown = sum(1 for r in rows if isinstance(r["count"], int))
    assert shown < len(rows)  # something is hidden
    assert sum(c["bars"] for c in parsed.charts) == shown
    assert "x: niet gepubliceerd, dus geen staaf." in html
    assert any("2019: x" in c["desc"] for c in parsed.charts)


def test_the_documents_words_are_escaped() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "<script>alert(1)</script> & Co", "kind": "gemeente"},
        "register": [{"id": "E1", "kind": "melding", "received": "2024-03-01",
                      "channel": "leidinggevende", "categories": ["pesten"]}]})
    html = rendered(annual_report(doc, 2024), "html", "en")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
