"""Years without data are not zeros (issue 14, item 1): the register counts from
``report.register_since`` (or ``--register-since``, or 1 January of the year of its first
entry); the years before show "geen gegevens" / "no data" in every format and are left out of
the comparisons; kinds and categories in ``report.always`` keep their rows at zero."""

from __future__ import annotations

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
from integriteit import Document, InputError
from integriteit.model import EntryKind
from integriteit.report import annual_report, write_report


def doc(entries: list[dict[str, Any]], **report: Any) -> Document:
    data: dict[str, Any] = {"organisation": {"name": "Gemeente Telling", "kind": "gemeente"},
                            "register": entries}
    if report:
        data["report"] = report
    return integriteit.from_dict(data)


def entry(i: int, kind: str, received: str, *categories: str) -> dict[str, Any]:
    return {"id": f"E{i}", "kind": kind, "received": received, "channel": "vertrouwenspersoon",
            "categories": list(categories)}


def rendered(report: Any, fmt: str, lang: str = "nl", k: int = 0) -> str:
    out = io.StringIO()
    write_report(report, out, fmt, lang, k)  # type: ignore[arg-type]
    return out.getvalue()


def table_rows(markdown: str, title: str) -> list[list[str]]:
    """The rows of the Markdown table under the heading ``title``."""
    part = markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return [[c.strip().strip("*") for c in line.strip().strip("|").split("|")]
            for line in part.splitlines() if line.startswith("| ")]


REGISTER = [entry(1, "melding", "2021-03-01", "integriteit"),
            entry(2, "melding", "2022-05-02", "integriteit"),
            entry(3, "gesprek", "2022-06-01", "arbeidsconflict")]


def test_without_the_field_the_register_counts_from_its_first_years_january() -> None:
    report = annual_report(doc(REGISTER), 2022, years=4)
    assert report.register_since == date(2021, 1, 1) and not report.register_since_given
    assert report.no_data_years == (2019, 2020)
    assert {t.year for t in report.totals} == {2021, 2022}
    md = rendered(report, "markdown")
    # The years without data are one column, before the registered years.
    assert table_rows(md, "Meldingen")[0] == ["Categorie", "2019–2020", "2021", "2022",
                                              "aandeel 2022"]
    assert table_rows(md, "Meldingen")[1] == ["Integriteit", "geen gegevens", "1", "1", "100%"]
    assert table_rows(md, "Meldingen")[2][:4] == ["Totaal", "geen gegevens", "1", "1"]
    assert "2019–2020: geen gegevens; het register is compleet vanaf 1 januari 2021" in md
    assert "(report.register_since); aangenomen is 1 januari" in md
    en = rendered(report, "markdown", "en")
    assert table_rows(en, "Meldingen (reports)")[1][1:3] == ["no data", "1"]
    assert "2019–2020: no data; the register is complete from 1 January 2021" in en


def test_json_has_no_rows_for_years_without_data_and_says_which() -> None:
    data = json.loads(rendered(annual_report(doc(REGISTER), 2022, years=4), "json"))
    assert data["register_since"] == "2021-01-01"
    assert data["register_since_given"] is False
    assert data["no_data_years"] == [2019, 2020]
    assert data["not_counted"] == 0
    assert {r["year"] for r in data["totals"]} == {2021, 2022}
    assert {r["year"] for r in data["counts"]} == {2021, 2022}


def test_a_register_complete_from_mid_year_counts_from_that_day_and_says_what_it_left() -> None:
    report = annual_report(doc([entry(1, "melding", "2019-03-01"),
                                entry(2, "melding", "2019-08-01", "integriteit"),
                                entry(3, "melding", "2020-02-03")],
                               register_since="2019-07-01"), 2020, years=3)
    assert report.register_since_given
    assert report.no_data_years == (2018,)
    assert report.partial_year == 2019
    assert report.not_counted == 1
    totals = {t.year: t.count for t in report.totals}
    assert totals == {2019: 1, 2020: 1}
    md = rendered(report, "markdown")
    assert "2019: geteld vanaf 1 juli 2019" in md
    assert "1 item ontvangen vóór 1 juli 2019 is niet geteld" in md
    assert "aangenomen" not in md  # the document said it
    en = rendered(report, "markdown", "en")
    assert "1 entry received before 1 July 2019 is not counted" in en


def test_the_option_overrides_the_document_and_names_itself_when_wrong(
        tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    path.write_text(json.dumps({"organisation": {"name": "G", "kind": "gemeente"},
                                "register": REGISTER,
                                "report": {"register_since": "2021-01-01"}}), "utf-8")
    code, out, err = run_cli("report", str(path), "--year", "2022", "--years", "2",
                             "--register-since", "2022-01-01", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["register_since"] == "2022-01-01" and data["no_data_years"] == [2021]
    assert data["not_counted"] == 1
    code, out, err = run_cli("report", str(path), "--year", "2022", "--register-since",
                             "2023-01-01", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("integriteit: error: --register-since: 2023-01-01 is after the report year "
                   "2022: the register is not complete over that year, so there are no "
                   "figures\n")
    path.write_text(json.dumps({"organisation": {"name": "G", "kind": "gemeente"},
                                "report": {"register_since": "2023-01-01"}}), "utf-8")
    code, _, err = run_cli("report", str(path), "--year", "2022", "--lang", "en")
    assert code == 2 and f"{path}: report.register_since: 2023-01-01 is after" in err


def test_kinds_and_categories_listed_in_always_keep_their_rows_at_zero() -> None:
    report = annual_report(doc(REGISTER, always={"klacht": [], "melding": ["discriminatie"]},
                               register_since="2022-01-01"), 2022, years=2)
    assert EntryKind.KLACHT in report.kinds
    totals = {(t.year, t.kind): t.count for t in report.totals}
    assert totals[(2022, EntryKind.KLACHT)] == 0
    assert (2021, EntryKind.KLACHT) not in totals  # no data that year: no zero either
    counts = {(c.year, c.kind, c.category): c.count for c in report.counts}
    assert counts[(2022, EntryKind.MELDING, "discriminatie")] == 0
    md = rendered(report, "markdown")
    assert table_rows(md, "Klachten")[1][:3] == ["Totaal", "geen gegevens", "0"]
    assert ["Discriminatie", "geen gegevens", "0", "0%"] in table_rows(md, "Meldingen")


def test_always_takes_the_organisations_wording_and_names_an_unknown_category() -> None:
    data = {"organisation": {"name": "G", "kind": "gemeente"}, "register": REGISTER,
            "category_labels": {"(dreigend) arbeidsconflict": "arbeidsconflict"},
            "report": {"always": {"gesprek": ["(dreigend) arbeidsconflict", "pesten"]}}}
    report = annual_report(integriteit.from_dict(data), 2022)
    assert {c.category for c in report.counts if c.kind is EntryKind.GESPREK} == {
        "arbeidsconflict", "pesten"}
    data["report"] = {"always": {"gesprek": ["geheim"]}}
    with pytest.raises(InputError) as caught:
        annual_report(integriteit.from_dict(data), 2022)
    assert caught.value.problems[0].path == "report.always.gesprek[0]"
    assert "unknown category 'geheim'" in caught.value.problems[0].render("en")


def test_suppression_leaves_years_without_data_as_they_are() -> None:
    report = annual_report(doc(REGISTER), 2022, years=3)
    md = rendered(report, "markdown", k=3)
    assert table_rows(md, "Meldingen")[1][:4] == ["Integriteit", "geen gegevens", "x", "x"]


YEARS = st.integers(2015, 2024)


@settings(max_examples=60, deadline=None)
@given(received=st.lists(st.tuples(st.sampled_from(["melding", "gesprek"]), YEARS,
                                   st.integers(1, 12)), max_size=12),
       since=st.one_of(st.none(), st.tuples(YEARS, st.integers(1, 12))))
def test_no_format_shows_a_count_for_a_year_before_the_register(
        received: list[tuple[str, int, int]], since: tuple[int, int] | None) -> None:
    entries = [entry(i, kind, f"{y}-{m:02d}-01", "integriteit")
               for i, (kind, y, m) in enumerate(received)]
    extra = {"register_since": f"{since[0]}-{since[1]:02d}-01"} if since else {}
    document = doc(entries, **extra)
    year = 2024
    if since is not None and since[0] > year:
        return
    report = annual_report(document, year, years=10)
    start = report.register_since.year
    data = json.loads(rendered(report, "json"))
    assert all(r["year"] >= start for r in data["counts"] + data["totals"])
    assert data["no_data_years"] == list(range(2015, start))
    assert data["not_counted"] == sum(1 for e in entries
                                      if e["received"] < report.register_since.isoformat())
    md = rendered(report, "markdown")
    gone = report.no_data_years
    for title in ("Meldingen", "Gesprekken met vertrouwenspersonen"):
        if f"## {title}\n" not in md:
            continue
        head, *rows = table_rows(md, title)
        years = [y for y in report.years if y not in gone]
        if gone:
            span = f"{gone[0]}–{gone[-1]}" if len(gone) > 1 else f"{gone[0]}"
            assert head[1:-1] == [span, *map(str, years)]
            assert all(row[1] == "geen gegevens" for row in rows), rows
        else:
            assert head[1:-1] == [*map(str, years)]
            assert all("geen gegevens" not in row for row in rows)
