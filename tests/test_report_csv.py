"""The annual report as CSV for Excel (issue 14, item 4): one file with a ``table`` column and
the rows of the JSON, labels and markers in the chosen language, a number or nothing in the
``count`` column (a marker says why nothing), and the Dutch-Excel dialect."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests._cli import run_cli

import integriteit
from integriteit import Document
from integriteit.exporters.csv import csv_dialect_as
from integriteit.report import CSV_HEADER, annual_report, write_report
from integriteit.testing import documents

SEEDS = Path(__file__).parent / "data" / "seeds"


def rendered(report: Any, fmt: str, lang: str = "nl", k: int = 0) -> str:
    out = io.StringIO()
    write_report(report, out, fmt, lang, k)  # type: ignore[arg-type]
    return out.getvalue()


def rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")),
                               delimiter=delimiter))


def _key(table: str, r: dict[str, Any]) -> tuple[str, str, str, str]:
    """A JSON row's place in the CSV: table, year, kind, category."""
    if table == "outcomes":
        category = "/".join(["onderzoek" if r["investigation"] else "geen_onderzoek",
                             r["findings"] or "-", r["measure"] or "-"])
        return table, "", r["kind"], category
    return table, str(r.get("year", "")), r.get("kind", ""), r.get("category", "")


@pytest.mark.parametrize(("name", "year", "k"), [("zuid-holland-2019.json", 2019, 0),
                                                 ("zuid-holland-2019.json", 2019, 5),
                                                 ("groningen-2021.json", 2021, 0),
                                                 ("groningen-2021.json", 2021, 10)])
def test_every_row_of_the_json_is_a_row_of_the_csv_cell_by_cell(name: str, year: int,
                                                                 k: int) -> None:
    report = annual_report(integriteit.load(SEEDS / name), year)
    data = json.loads(rendered(report, "json", "en", k))
    table = rows(rendered(report, "csv", "en", k))
    by_key = {(r["table"], r["year"] if r["table"] != "outcomes" else "", r["kind"],
               r["category"]): r for r in table}
    expected = 0
    for part in ("counts", "totals", "uncategorised", "multi_category", "outcomes"):
        for r in data[part]:
            row = by_key[_key(part, r)]
            expected += 1
            if r["count"] == "x":
                assert (row["count"], row["marker"]) == ("", "suppressed")
            else:
                assert (int(row["count"]), row["marker"]) == (r["count"], "")
    for f in data["figures"]:
        row = by_key[(f["section"], str(year), "", f["key"])]
        expected += 1
        assert row["label"] == f["label"]
        if f["count"] == "x":
            assert (row["count"], row["marker"]) == ("", "suppressed")
        elif f["count"] is None:
            assert (row["count"], row["marker"]) == ("", "unknown")
        else:
            assert int(row["count"]) == f["count"]
    # And a row for each year without data and kind, said so: no more rows than that.
    no_data = [r for r in table if r["marker"] == "no data"]
    assert len(no_data) == len(data["no_data_years"]) * len({r["kind"] for r in data["totals"]})
    assert all(r["table"] == "totals" and r["count"] == "" for r in no_data)
    assert len(table) == expected + len(no_data)


def test_labels_and_markers_are_in_the_chosen_language() -> None:
    report = annual_report(integriteit.load(SEEDS / "groningen-2021.json"), 2021, years=2)
    nl = rows(rendered(report, "csv", "nl"))
    en = rows(rendered(report, "csv", "en"))
    assert [r["label"] for r in nl if r["table"] == "totals"][:2] == ["Meldingen"] * 2
    assert [r["label"] for r in en if r["table"] == "totals"][:2] == ["Meldingen (reports)"] * 2
    assert {r["marker"] for r in nl} == {"", "geen gegevens"}
    assert {r["marker"] for r in en} == {"", "no data"}
    assert next(r["label"] for r in nl if r["category"] == "arbeidsconflict") == (
        "Arbeidsconflict")
    assert next(r["label"] for r in en if r["category"] == "arbeidsconflict") == (
        "Labour conflict")


def test_the_dutch_excel_dialect_from_the_command_line(tmp_path: Path) -> None:
    target = tmp_path / "verslag.csv"
    code, out, err = run_cli("report", str(SEEDS / "zuid-holland-2019.json"), "--year", "2019",
                             "--format", "csv", "--csv-dialect", "excel-nl", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbftable;year;kind;category;count;marker;label\r\n")
    parsed = rows(raw.decode("utf-8"), ";")
    assert {"table": "totals", "year": "2019", "kind": "gesprek", "category": "",
            "count": "25", "marker": "", "label": "Gesprekken met vertrouwenspersonen"} in parsed
    with csv_dialect_as("excel-nl"):
        assert rendered(annual_report(integriteit.load(SEEDS / "zuid-holland-2019.json"),
                                      2019), "csv").encode("utf-8") == raw


@settings(max_examples=25, deadline=None)
@given(documents(max_employees=4, max_entries=8), st.integers(2018, 2026),
       st.sampled_from([0, 2, 5]))
def test_the_count_column_holds_only_numbers(doc: Document, year: int, k: int) -> None:
    report = annual_report(doc, year, years=3, at=date(year, 12, 31))
    text = rendered(report, "csv", "en", k)
    assert text.startswith(",".join(CSV_HEADER) + "\r\n")
    for r in rows(text):
        assert r["count"] == "" or r["count"].isdigit(), r
        assert (r["count"] == "") == bool(r["marker"]), r
