"""The ``html`` format (issue 13, part): one self-contained page, no scripts and no external
files, that an HTML parser reads back to the findings; every document string escaped."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

import integriteit
from integriteit import check, export
from integriteit.engine import STATUS_WORDS
from integriteit.exporters._common import NEEDS_ACTION, STATUS_ORDER

AT = date(2026, 6, 1)


class Page(HTMLParser):
    """The parts of the page the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.open: list[str] = []
        self.rows: list[list[str]] = []
        self.counts: list[str] = []
        self.in_details = 0
        self.rest_rows = 0
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._li: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        if tag not in ("meta", "br"):
            self.open.append(tag)
        if tag == "details":
            self.in_details += 1
        if tag == "tr":
            self._row = []
        if tag == "td":
            self._cell = []
        if tag == "li":
            self._li = []

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open[-3:], tag)  # well nested
        self.open.pop()
        if tag == "details":
            self.in_details -= 1
        if tag == "td" and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr" and self._row:
            self.rows.append(self._row)
            self.rest_rows += bool(self.in_details)
            self._row = None
        if tag == "li" and self._li is not None:
            self.counts.append(" ".join("".join(self._li).split()))
            self._li = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for part in (self._cell, self._li):
            if part is not None:
                part.append(data)


def _page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.open == []
    return page


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_reads_back_as_the_findings(lang: str) -> None:
    result = check(integriteit.example(), AT)
    html = export(result, "html", lang=lang)  # type: ignore[arg-type]
    assert html is not None and html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
    page = _page(html)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert not [a for a in page.attrs if a[1] == "src"]
    hrefs = [v for tag, k, v in page.attrs if k == "href"]
    assert hrefs and all(v and v.startswith("https://wetten.overheid.nl/") for v in hrefs)
    assert "url(" not in html and "@import" not in html
    counts = result.counts()
    assert page.counts == [f"{counts[s]} {STATUS_WORDS[s].get(lang)}"  # type: ignore[arg-type]
                           for s in STATUS_ORDER if counts[s]]
    assert len(page.rows) == len(result.findings)
    needing = sum(1 for f in result.findings if f.status in NEEDS_ACTION)
    assert page.rest_rows == len(result.findings) - needing  # the rest folded away
    words = {STATUS_WORDS[s].get(lang) for s in NEEDS_ACTION}  # type: ignore[arg-type]
    assert all(row[0] in words for row in page.rows[:needing] if row[0] in words)
    assert ["verstreken" if lang == "nl" else "overdue", "P003",
            "2 mei 2026" if lang == "nl" else "2 May 2026"] == page.rows[0][:3]


def test_document_strings_are_escaped() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "<script>alert(1)</script> & \"Co\"\n<b>", "kind": "gemeente"},
        "employees": [{"id": "<img src=x onerror=alert(1)>", "start": "2026-01-05",
                       "employment": "ambtenaar"}]})
    html = export(check(doc, AT), "html", lang="en")
    assert html is not None
    page = _page(html)
    assert page.tags.count("script") == 0 and "img" not in page.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;\\n&lt;b&gt;" in html
    assert page.rows[0][:2] == ["overdue", "<img src=x onerror=alert(1)>"]


def test_only_and_a_caveat() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente", "headcount": 60},
        "register": [{"id": "R-2029-1", "kind": "misstand", "received": "2029-05-03",
                      "channel": "werkgever"}]})
    html = export(check(doc, date(2029, 5, 4), only=["due"]), "html", lang="nl")
    assert html is not None
    page = _page(html)
    assert {row[0] for row in page.rows} == {"binnen de termijn"}
    assert "getoond: 2 (binnen de termijn)" in "".join(page.text)  # acknowledgement, feedback
    rows = [r for r in page.rows if r[1] == "R-2029-1"]
    assert len(rows) == 2  # the acknowledgement and the feedback, both due
    assert "Let op: Berekend zonder de bij Koninklijk Besluit" in rows[0][3]


def test_the_docs_picture_exists() -> None:
    from pathlib import Path

    static = Path(__file__).parent.parent / "docs" / "_static"
    for lang in ("nl", "en"):
        png = (static / f"demo-html-{lang}.png").read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 50_000
