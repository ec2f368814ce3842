"""The annual report as a Word document (issue 14, item 3): opened back with python-docx, it
has the headings, table cells, captions, sources and notes of the other formats, the charts
as native tables, and the house style; without the extra, one line names it."""

from __future__ import annotations

import builtins
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from tests._cli import run_cli

import integriteit
from integriteit import InputError, app
from integriteit.report import annual_report, write_report, write_report_bytes

SEEDS = Path(__file__).parent / "data" / "seeds"
CASES = [("zuid-holland-2019.json", 2019), ("groningen-2021.json", 2021)]


def blocks(data: bytes) -> list[tuple[str, Any]]:
    """The document's body in order: ("heading1"/"heading2"/style name, text) for a
    paragraph, ("table", rows of cell texts) for a table."""
    document = docx.Document(io.BytesIO(data))
    found: list[tuple[str, Any]] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            if paragraph.text:
                found.append((paragraph.style.name, paragraph.text))
        elif tag == "tbl":
            table = Table(element, document)
            found.append(("table", [[c.text for c in row.cells] for row in table.rows]))
    return found


def markdown(report: Any, lang: str, k: int = 0) -> str:
    out = io.StringIO()
    write_report(report, out, "markdown", lang, k)
    return out.getvalue()


def markdown_tables(text: str) -> list[tuple[str, list[list[str]]]]:
    """(heading, rows) of each table of the Markdown, its cells without the ``**``."""
    tables = []
    for part in text.split("\n## ")[1:]:
        heading, _, body = part.partition("\n")
        rows = [[c.strip().strip("*") for c in line.strip().strip("|").split("|")]
                for line in body.splitlines() if line.startswith("| ")]
        tables.append((heading, rows))
    return tables


@pytest.mark.parametrize(("name", "year"), CASES)
@pytest.mark.parametrize(("lang", "k"), [("nl", 0), ("en", 0), ("nl", 5)])
def test_headings_tables_and_notes_are_those_of_the_markdown(name: str, year: int, lang: str,
                                                             k: int) -> None:
    report = annual_report(integriteit.load(SEEDS / name), year)
    out = io.BytesIO()
    write_report_bytes(report, out, "docx", lang, k)
    found = blocks(out.getvalue())
    md = markdown(report, lang, k)
    assert found[0] == ("Heading 1", md.splitlines()[0].removeprefix("# "))
    assert found[1] == ("Normal", md.splitlines()[2])
    headings = [text for style, text in found if style == "Heading 2"]
    expected = markdown_tables(md)
    assert headings[:len(expected)] == [h for h, _ in expected]
    # Each table follows its heading, cell by cell as in the Markdown.
    for heading, rows in expected:
        at = found.index(("Heading 2", heading))
        kind, cells = found[at + 1]
        assert kind == "table"
        assert cells == rows
        assert found[at + 2][0] == "Caption" and found[at + 3][1].startswith(
            "Bron:" if lang == "nl" else "Source:")
    notes = [text for style, text in found if style == "List Bullet"]
    assert notes == [line.removeprefix("- ") for line in md.splitlines()
                     if line.startswith("- ")]
    assert headings[-1] == ("Toelichting" if lang == "nl" else "Notes")


def test_each_chart_is_a_native_table_of_bars() -> None:
    report = annual_report(integriteit.load(SEEDS / "groningen-2021.json"), 2021)
    out = io.BytesIO()
    write_report_bytes(report, out, "docx", "en")
    found = blocks(out.getvalue())
    at = next(i for i, (style, text) in enumerate(found)
              if style == "Caption" and text.startswith("Chart: Gesprekken"))
    kind, rows = found[at + 1]
    assert kind == "table" and rows[0] == ["Category", "Year", "", "Count"]
    assert ["Labour conflict", "2021", "\u2588" * 23, "23"] in rows
    assert "a block per entry" in found[at][1]


def test_the_house_style_boxes_the_tables_and_shades_the_header() -> None:
    data = app.render(app.report(SEEDS / "zuid-holland-2019.json", 2019), "docx", "nl")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title.startswith("Integriteitsverslag 2019")
    assert document.core_properties.language == "nl-NL"
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    xml = table.rows[0].cells[0]._tc.xml
    assert 'w:fill="DCE3EC"' in xml
    assert "w:tblHeader" in table.rows[0]._tr.xml
    number = table.rows[1].cells[2].paragraphs[0]
    assert number.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[-1].cells[0].paragraphs[0].runs[0].bold  # the total


def test_the_command_writes_it_to_a_file_and_never_to_a_terminal(tmp_path: Path) -> None:
    target = tmp_path / "verslag.docx"
    code, out, err = run_cli("report", str(SEEDS / "zuid-holland-2019.json"), "--year", "2019",
                             "--format", "docx", "-o", str(target), "--lang", "en")
    assert (code, out, err) == (0, "", "")
    assert target.read_bytes() == app.render(
        app.report(SEEDS / "zuid-holland-2019.json", 2019), "docx", "en")
    code, out, err = run_cli("report", str(SEEDS / "zuid-holland-2019.json"), "--year", "2019",
                             "--format", "docx", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("integriteit: error: --output: --format docx makes a file, not text: give "
                   "--output FILE\n")


def test_without_the_extra_one_line_names_it(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    real_import = builtins.__import__

    def no_docx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "docx" or name.startswith("docx."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    with pytest.raises(InputError) as caught:
        app.render(app.report(SEEDS / "zuid-holland-2019.json", 2019), "docx")
    assert caught.value.problems[0].render("en") == (
        "--format: writing Word needs the extra 'docx': pip install 'integriteit[docx]'")
    target = tmp_path / "verslag.docx"
    code, _, err = run_cli("report", str(SEEDS / "zuid-holland-2019.json"), "--year", "2019",
                           "--format", "docx", "-o", str(target))
    assert code == 2 and not target.exists()
    assert err == ("integriteit: fout: --format: om Word te schrijven is de extra 'docx' "
                   "nodig: pip install 'integriteit[docx]'\n")


def test_the_same_report_gives_the_same_bytes_whenever_it_is_made(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every member of the Word file is dated 1 January 1980: made a day later, the same
    report is the same file (the library dates members with the moment they are written)."""
    import time
    import zipfile

    report = annual_report(integriteit.load(SEEDS / CASES[0][0]), CASES[0][1])
    def made() -> bytes:
        out = io.BytesIO()
        write_report_bytes(report, out, "docx", "nl")
        return out.getvalue()

    now = made()
    later = time.time() + 86_400
    monkeypatch.setattr(time, "time", lambda: later)
    assert made() == now
    with zipfile.ZipFile(io.BytesIO(now)) as file:
        assert {m.date_time for m in file.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert file.testzip() is None
