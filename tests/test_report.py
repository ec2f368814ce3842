"""The annual report: the published figures of the seeds, the counting rule, suppression and
privacy, in every format.

The seed registers (tests/data/seeds/, see NOTES.md there) encode the tables of the Groningen
2021 and Zuid-Holland 2019 year reports; ``expected.json`` holds the published figures, typed
from the reports, not computed from the registers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import integriteit
from integriteit import Document, InputError
from integriteit.cli import main
from integriteit.model import EntryKind
from integriteit.report import FORMATS, annual_report, to_data, write_report
from integriteit.testing import documents, register_entries

SEEDS = Path(__file__).parent / "data" / "seeds"
EXPECTED: dict[str, Any] = json.loads((SEEDS / "expected.json").read_text("utf-8"))


def seed(name: str) -> Document:
    return integriteit.load(SEEDS / name)


def output(report: Any, fmt: str, lang: str = "nl", k: int = 0) -> str:
    out = io.StringIO()
    write_report(report, out, fmt, lang, k)  # type: ignore[arg-type]
    return out.getvalue()


# --- the seeds: exactly the published figures -----------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_counts_and_totals_are_the_published_figures(name: str) -> None:
    """``report --format json`` gives exactly the published counts and totals."""
    doc = seed(name)
    year = EXPECTED[name]["year"]
    data = to_data(annual_report(doc, year, years=1), "nl")
    assert data["year"] == year
    key = lambda r: (r["year"], r["kind"], r.get("category", ""))  # noqa: E731
    # The published zeros the documents list in report.always (ZH's "0x discriminatie" of
    # the gesprekken) are rows at 0; every other row is a published figure.
    published = [r for r in data["counts"] if r["count"]]
    assert sorted(published, key=key) == sorted(EXPECTED[name]["counts"], key=key)
    zeros = {(r["kind"], r["category"]) for r in data["counts"] if not r["count"]}
    assert zeros == {(k.value, c) for k, cs in doc.report.always.items() for c in cs}
    # Every published total, the kinds published at 0 (klachten, misstanden) included.
    assert sorted(data["totals"], key=key) == sorted(EXPECTED[name]["totals"], key=key)


def test_groningen_2021_meldingen_16_and_gesprekken_35() -> None:
    """The two headline figures of the Groningen 2021 table."""
    report = annual_report(seed("groningen-2021.json"), 2021)
    totals = {(t.year, t.kind): t.count for t in report.totals}
    assert totals[(2021, EntryKind.MELDING)] == 16
    assert totals[(2021, EntryKind.GESPREK)] == 35
    # The five-year window: the register is complete from 2021, so the years before it have
    # no data (no rows; "geen gegevens" in the tables), not 0.
    assert report.years == (2017, 2018, 2019, 2020, 2021)
    assert [t.year for t in report.totals if t.kind is EntryKind.MELDING] == [2021]
    assert report.no_data_years == (2017, 2018, 2019, 2020)


def test_zuid_holland_2019_gesprekken_and_the_six_investigated_cases() -> None:
    """25 gesprekken over the published categories; the six cases of Tabel 1 with their
    findings and measures."""
    report = annual_report(seed("zuid-holland-2019.json"), 2019)
    gesprek = {r.category: r.count for r in report.counts
               if r.year == 2019 and r.kind is EntryKind.GESPREK}
    assert gesprek == {"integriteit": 2, "ongewenste_omgangsvormen": 9, "arbeidsconflict": 5,
                       "onveiligheid": 4, "advies_algemeen": 5,
                       "discriminatie": 0}  # published at 0 (report.always)
    assert sum(gesprek.values()) == 25
    outcomes = sorted((o.findings.value if o.findings else None,
                       o.measure.value if o.measure else None, o.count)
                      for o in report.outcomes)
    assert outcomes == sorted((o["findings"], o["measure"], o["count"])
                              for o in EXPECTED["zuid-holland-2019.json"]["outcomes"])
    assert all(o.investigation for o in report.outcomes)
    assert sum(o.count for o in report.outcomes) == 6


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell += data


def _markdown_rows(text: str) -> list[list[str]]:
    return [[c.strip().strip("*") for c in line.strip().strip("|").split("|")]
            for line in text.splitlines() if line.startswith("| ")]


def _category_rows(rows: list[list[str]], label: str) -> list[list[str]]:
    return [r for r in rows if r and r[0] == label]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_figures_in_markdown_html_and_csv(name: str) -> None:
    """The Markdown and HTML tables and the CSV rows carry the same published figures."""
    doc = seed(name)
    year = EXPECTED[name]["year"]
    report = annual_report(doc, year, years=1)
    labels = {k: c.label.nl for k, c in integriteit.taxonomies.all_categories().items()}
    md = _markdown_rows(output(report, "markdown"))
    parser = _Cells()
    parser.feed(output(report, "html"))
    for rows in (md, parser.rows):
        for row in EXPECTED[name]["counts"]:
            cells = _category_rows(rows, labels[row["category"]])
            assert [str(row["count"])] in [c[1:2] for c in cells], (row, cells)
        totals = [r[1] for r in rows if r and r[0] == "Totaal"]
        assert sorted(totals) == sorted(str(t["count"]) for t in EXPECTED[name]["totals"])
    csv_rows = list(csv.DictReader(io.StringIO(output(report, "csv"))))
    counts = {(int(r["year"]), r["kind"], r["category"]): int(r["count"])
              for r in csv_rows if r["table"] == "counts" and r["count"] != "0"}
    assert counts == {(r["year"], r["kind"], r["category"]): r["count"]
                      for r in EXPECTED[name]["counts"]}
    totals_csv = {(int(r["year"]), r["kind"]): int(r["count"])
                  for r in csv_rows if r["table"] == "totals" and not r["marker"]}
    assert totals_csv == {(t["year"], t["kind"]): t["count"] for t in EXPECTED[name]["totals"]}


def test_category_labels_map_the_organisations_own_wording() -> None:
    """Groningen's "(dreigend) arbeidsconflict" is its own wording: it counts under
    arbeidsconflict through the document's category_labels."""
    raw = json.loads((SEEDS / "groningen-2021.json").read_text("utf-8"))
    assert raw["category_labels"]["(dreigend) arbeidsconflict"] == "arbeidsconflict"
    assert any("(dreigend) arbeidsconflict" in e["categories"] for e in raw["register"])
    doc = seed("groningen-2021.json")
    assert {k for e in doc.register for k in e.categories} == {
        "integriteit", "ongewenste_omgangsvormen", "arbeidsconflict"}


# --- the counting rule ----------------------------------------------------------------------


def register_doc(entries: list[dict[str, Any]], **extra: Any) -> Document:
    return integriteit.from_dict({"organisation": {"name": "Gemeente Telling",
                                                   "kind": "gemeente"},
                                  "register": entries, **extra})


def entry(i: int, kind: str, received: str, *categories: str, **more: Any) -> dict[str, Any]:
    return {"id": f"E{i}", "kind": kind, "received": received, "channel": "vertrouwenspersoon",
            "categories": list(categories), **more}


def test_an_entry_counts_once_per_category_and_once_in_the_total() -> None:
    """Two categories on one entry: both count, the total counts the entry once, and the
    report says the total is smaller than the sum."""
    doc = register_doc([entry(1, "gesprek", "2024-03-01", "pesten", "intimidatie"),
                        entry(2, "gesprek", "2024-05-01", "pesten")])
    report = annual_report(doc, 2024, years=1)
    assert {(r.category, r.count) for r in report.counts} == {("pesten", 2), ("intimidatie", 1)}
    assert [(t.year, t.count) for t in report.totals] == [(2024, 2)]
    assert [(t.year, t.count) for t in report.multi_category] == [(2024, 1)]
    for fmt in ("markdown", "html"):
        assert "smaller than the sum of the categories" in output(report, fmt, "en")
    data = to_data(report, "en")
    assert data["multi_category"] == [{"year": 2024, "kind": "gesprek", "count": 1}]
    assert any("smaller than the sum" in n for n in data["notes"])


def test_uncategorised_entries_count_in_the_total_only() -> None:
    """An empty category list (Overijssel's gesprekken before 2021): totals only, said so."""
    doc = register_doc([entry(1, "gesprek", "2020-03-01"), entry(2, "gesprek", "2020-04-01"),
                        entry(3, "gesprek", "2021-04-01", "integriteit")])
    report = annual_report(doc, 2021, years=2)
    assert [(r.year, r.category, r.count) for r in report.counts] == [(2021, "integriteit", 1)]
    assert [(t.year, t.count) for t in report.totals] == [(2020, 2), (2021, 1)]
    assert [(t.year, t.count) for t in report.uncategorised] == [(2020, 2)]
    text = output(report, "markdown", "en")
    assert "| (no category) | 2 | 0 |" in text
    assert "2020: 2 entries without a category; counted in the total only." in text


def test_a_year_without_entries_of_a_kind_gives_zero_and_absent_kinds_give_no_row() -> None:
    """Totals: one row per year of the window and kind present in the register."""
    doc = register_doc([entry(1, "melding", "2022-01-10", "integriteit"),
                        entry(2, "klacht", "2024-02-10")])
    data = to_data(annual_report(doc, 2024, years=3), "nl")
    assert data["totals"] == [
        {"year": 2022, "kind": "melding", "count": 1},
        {"year": 2023, "kind": "melding", "count": 0},
        {"year": 2024, "kind": "melding", "count": 0},
        {"year": 2022, "kind": "klacht", "count": 0},
        {"year": 2023, "kind": "klacht", "count": 0},
        {"year": 2024, "kind": "klacht", "count": 1}]
    assert data["counts"] == [{"year": 2022, "kind": "melding", "category": "integriteit",
                               "count": 1}]


def test_entries_outside_the_window_are_not_counted() -> None:
    doc = register_doc([entry(1, "melding", "2018-12-31", "integriteit"),
                        entry(2, "melding", "2019-01-01", "integriteit"),
                        entry(3, "melding", "2021-01-01", "integriteit")])
    report = annual_report(doc, 2020, years=2)
    assert [(t.year, t.count) for t in report.totals] == [(2019, 1), (2020, 0)]


@settings(max_examples=60, deadline=None)
@given(st.lists(register_entries(), max_size=12, unique_by=lambda e: e.id),
       st.integers(2000, 2030), st.integers(1, 6))
def test_counts_follow_the_counting_rule(entries: list[Any], year: int, years: int) -> None:
    """Against a count by hand: totals are distinct entries of the window, each category
    count is at most its total, and every entry of the window is accounted for."""
    doc = Document(integriteit.Organisation("X", integriteit.OrganisationKind.GEMEENTE),
                   register=entries)
    report = annual_report(doc, year, years=years)
    window = range(year - years + 1, year + 1)
    in_window = [e for e in entries if e.received.year in window]
    assert sum(t.count for t in report.totals) == len(in_window)
    total = {(t.year, t.kind): t.count for t in report.totals}
    for r in report.counts:
        assert 0 < r.count <= total[(r.year, r.kind)]
        assert r.count == sum(1 for e in in_window if e.received.year == r.year
                              and e.kind is r.kind and r.category in e.categories)
    assert sum(t.count for t in report.uncategorised) == sum(
        1 for e in in_window if not e.categories)


# --- suppression ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_suppress_below_hides_small_counts_in_every_format(fmt: str) -> None:
    """With --suppress-below 5, every count from 1 to 4 is hidden ("x"), in every format,
    and the share of a hidden count is a dash."""
    report = annual_report(seed("zuid-holland-2019.json"), 2019, years=1)
    text = output(report, fmt, "nl", 5)
    hidden = _hidden_cells(to_data(report, "nl", 5))
    if fmt == "json":
        data = json.loads(text)
        shown = [r["count"] for r in data["counts"] + data["totals"] + data["outcomes"]]
        assert all(c == "x" or c == 0 or (isinstance(c, int) and c >= 5) for c in shown)
        gesprek = {r["category"]: r["count"] for r in data["counts"] if r["kind"] == "gesprek"}
        assert gesprek["integriteit"] == "x" and gesprek["onveiligheid"] == "x"
        assert data["suppressed_below"] == 5
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert all(r["count"] == "" or int(r["count"]) == 0 or int(r["count"]) >= 5
                   for r in rows)
        assert all((r["count"] == "") == bool(r["marker"]) for r in rows)
        assert sum(r["marker"] == "verborgen" for r in rows) == len(hidden)
    else:
        # No bare 1 to 4 left in any table cell, and the share of a hidden count is hidden.
        cells = (_markdown_rows(text) if fmt == "markdown" else _html_rows(text))
        for row in cells:
            for cell in row[1:]:
                assert cell not in {"1", "2", "3", "4"}, row
        onveilig = [r for r in cells if r and r[0] == "Onveiligheid"]
        assert onveilig == [["Onveiligheid", "x", "–"]]
        assert "<5" not in text and "&lt;5" not in text


def _html_rows(text: str) -> list[list[str]]:
    parser = _Cells()
    parser.feed(text)
    return parser.rows


def test_without_suppression_small_counts_are_shown() -> None:
    data = to_data(annual_report(seed("zuid-holland-2019.json"), 2019, years=1), "nl")
    assert {"year": 2019, "kind": "gesprek", "category": "integriteit",
            "count": 2} in data["counts"]
    assert data["suppressed_below"] is None


# --- privacy --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", [*sorted(EXPECTED), "demo"])
def test_no_output_names_an_entry_a_person_or_a_date_of_receipt(fmt: str, name: str) -> None:
    """Only counts leave the report: no entry id, personnel number, received date or the
    organisation's free wording, in any format."""
    doc = integriteit.example() if name == "demo" else seed(name)
    year = 2026 if name == "demo" else EXPECTED[name]["year"]
    text = output(annual_report(doc, year, at=date(year, 12, 31)), fmt, "en")
    for e in doc.register:
        assert e.id not in text
        assert e.received.isoformat() not in text
    for emp in doc.employees:
        assert not re.search(rf"\b{re.escape(emp.id)}\b", text)
    for item in doc.facts.nevenwerkzaamheden or ():
        assert item.activity not in text
    canonical = " ".join(f"{k} {c.label.nl} {c.label.en}".lower()
                         for k, c in integriteit.taxonomies.all_categories().items())
    for wording in doc.category_labels:
        if wording.lower() not in canonical:  # e.g. "agressie" is part of a key
            assert wording.lower() not in text.lower()


def test_the_register_still_rejects_identity_fields_in_outcomes() -> None:
    """An outcome is keys only: a field for a person is rejected, its value not echoed."""
    with pytest.raises(InputError) as info:
        register_doc([entry(1, "melding", "2024-01-01",
                            outcome={"investigation": True, "betrokkene": "J. Jansen"})])
    [p] = info.value.problems
    assert p.path == "register[0].outcome"  # the key itself is not echoed either
    assert "Jansen" not in p.render("en")
    assert "identifies" in p.message.en


# --- input errors ---------------------------------------------------------------------------


def test_unknown_category_names_the_entry_and_does_not_echo_it() -> None:
    with pytest.raises(InputError) as info:
        register_doc([entry(1, "gesprek", "2024-01-01", "pesten", "ruzie met Jan")])
    [p] = info.value.problems
    assert (p.path, p.record) == ("register[0].categories[1]", "E1")
    assert "Jan" not in p.render("nl")
    assert "category_labels" in p.message.en


def test_a_mapped_wording_is_accepted_and_a_bad_mapping_is_an_error() -> None:
    doc = register_doc([entry(1, "gesprek", "2024-01-01", "Ruzie op de afdeling")],
                       category_labels={"ruzie op de afdeling": "arbeidsconflict"})
    assert doc.register[0].categories == ("arbeidsconflict",)
    with pytest.raises(InputError) as info:
        register_doc([], category_labels={"ruzie": "arbeidsconflikt"})
    [p] = info.value.problems
    assert p.path == "category_labels"
    assert "did you mean 'arbeidsconflict'" in p.message.en
    assert p.message.nl == ("label 'ruzie': 'arbeidsconflikt' is geen categoriesleutel "
                            "(bedoelt u 'arbeidsconflict'?)")


def test_dutch_labels_and_keys_both_resolve_and_duplicates_collapse() -> None:
    doc = register_doc([entry(1, "gesprek", "2024-01-01", "Seksuele intimidatie",
                              "seksuele_intimidatie")])
    assert doc.register[0].categories == ("seksuele_intimidatie",)


@pytest.mark.parametrize(("target", "message"), [
    ("E9", "does not name another entry"),
    ("E1", "does not name another entry"),
    ("E2", "not to another gesprek"),
])
def test_related_to_must_name_another_formal_entry(target: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        register_doc([entry(1, "gesprek", "2024-01-01", related_to=target),
                      entry(2, "gesprek", "2024-01-02")])
    [p] = info.value.problems
    assert (p.path, p.record) == ("register[0].related_to", "E1")
    assert message in p.message.en


def test_a_gesprek_may_link_to_its_melding() -> None:
    doc = register_doc([entry(1, "gesprek", "2024-01-01", related_to="E2"),
                        entry(2, "melding", "2024-01-05")])
    assert doc.register[0].related_to == "E2"


def test_register_only_and_employees_only_documents() -> None:
    """A document may hold a register without employees (no staff figures), and the
    reverse (totals but no kinds)."""
    report = annual_report(seed("groningen-2021.json"), 2021)
    assert not [f for f in report.figures if f.section in ("eed", "externen")]
    staff = integriteit.from_dict({"organisation": {"name": "X", "kind": "gemeente"},
                                   "employees": [{"id": "A", "start": "2024-02-01",
                                                  "employment": "ambtenaar"}]})
    report = annual_report(staff, 2024, years=2)
    assert report.totals == () and report.counts == ()
    figures = {(f.section, f.key): f.count for f in report.figures}
    assert figures[("eed", "new_ambtenaren")] == 1
    assert figures[("eed", "open")] == 1


# --- the year's figures ----------------------------------------------------------------------


def test_demo_year_figures() -> None:
    """The demo over 2026 as of 2026-06-01, worked out from tests/test_demo.py: 7 ambtenaren
    started in 2026 up to that day (P003-P006, P012, P014, P015; P013 starts in July)."""
    report = annual_report(integriteit.example(), 2026, years=2, at=date(2026, 6, 1))
    figures = {(f.section, f.key): f.count for f in report.figures}
    assert figures[("eed", "new_ambtenaren")] == 6
    # P005 started 2025-12-31. 2026: P003 overdue, P004 due, P006 invalid, P012 left,
    # P014 ok, P015 due.
    assert figures[("eed", "taken")] == 1
    assert figures[("eed", "on_time")] == 1
    assert figures[("eed", "open")] == 3
    assert figures[("eed", "overdue")] == 1
    assert figures[("eed", "invalid")] == 1
    assert figures[("eed", "not_applicable")] == 1
    # Externals started in 2026: P007, P008, P010 (P009 in 2025).
    assert figures[("externen", "new_externals")] == 3
    assert figures[("beleid.integriteitsverklaring", "on_time")] == 2
    assert figures[("beleid.integriteitsverklaring", "open")] == 1
    assert ("beleid.workshop", "required") not in figures  # not the demo's policy
    # Nevenwerk reported in 2026: P014's adviesbureau, not registered.
    assert (figures[("nevenwerkzaamheden", "reported")],
            figures[("nevenwerkzaamheden", "registered")]) == (1, 0)
    # Misstanden received in 2026: R-2026-02 (ack late), R-2026-03 (ack overdue).
    assert figures[("wbk", "received")] == 2
    assert figures[("wbk", "acknowledged_late")] == 1
    assert figures[("wbk", "not_acknowledged")] == 1
    assert figures[("wbk", "feedback_open")] == 2
    assert figures[("vertrouwenspersonen", "internal")] == 2
    assert figures[("vertrouwenspersonen", "external")] == 1


# --- the command line -----------------------------------------------------------------------


def test_cli_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS / "groningen-2021.json"), "--year", "2021",
                 "--years", "1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:1] == ["year"]
    assert {"year", "counts", "totals"} <= set(data)
    assert {"year": 2021, "kind": "melding", "count": 16} in data["totals"]


def test_cli_report_markdown_is_the_default_and_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS / "zuid-holland-2019.json"), "--year", "2019"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Integriteitsverslag 2019: Provincie Zuid-Holland (provincie)\n")
    assert "| Categorie | 2015–2018 | 2019 | aandeel 2019 |" in out
    assert "| Onveiligheid | geen gegevens | 4 | 16% |" in out


@pytest.mark.parametrize("args", [
    ["--year", "21"], ["--year", "2021", "--years", "0"], [],
    ["--year", "2021", "--suppress-below", "-1"], ["--year", "2021", "--format", "pdf"]])
def test_cli_report_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", str(SEEDS / "groningen-2021.json"), *args])
    assert info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_cli_report_bad_file_is_exit_2(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "r.json"
    bad.write_text(json.dumps({"organisation": {"name": "X", "kind": "gemeente"},
                               "register": [entry(1, "gesprek", "2024-01-01", "geen idee")]}))
    assert main(["report", str(bad), "--year", "2024"]) == 2
    err = capsys.readouterr().err
    assert "register[0].categories[0]" in err and "geen idee" not in err


@settings(max_examples=25, deadline=None)
@given(documents(max_employees=4, max_entries=6), st.integers(2018, 2026))
def test_every_format_writes_any_document(doc: Document, year: int) -> None:
    """No document makes a format fail; JSON parses and CSV has its header."""
    report = annual_report(doc, year, years=3, at=date(year, 12, 31))
    for fmt in FORMATS:
        text = output(report, fmt, "en", 3)
        assert text
    assert json.loads(output(report, "json"))["year"] == year
    assert output(report, "csv").startswith("table,year,kind,category,count,marker,label\r\n")


@pytest.mark.parametrize(("advisers", "path", "message"), [
    ([{"id": "V", "external": False, "scope": []}], "facts.vertrouwenspersonen[0].scope",
     "name integriteit and/or ongewenst_gedrag"),
    ([{"id": "V", "external": False, "scope": ["integriteit"], "since": "2024-01-01",
       "until": "2023-01-01"}], "facts.vertrouwenspersonen[0].until",
     "until 2023-01-01 is before since 2024-01-01"),
    ([{"id": "V", "external": False, "scope": ["integriteit"]},
      {"id": "V", "external": True, "scope": ["integriteit"]}],
     "facts.vertrouwenspersonen[1].id", "duplicate id 'V' (also in facts.vertrouwenspersonen[0])"),
    ([{"id": " ", "external": False, "scope": ["integriteit"]}],
     "facts.vertrouwenspersonen[0].id", "id must not be empty"),
])
def test_vertrouwenspersonen_are_checked(advisers: list[dict[str, Any]], path: str,
                                         message: str) -> None:
    with pytest.raises(InputError) as info:
        integriteit.from_dict({"organisation": {"name": "X", "kind": "gemeente"},
                               "facts": {"vertrouwenspersonen": advisers}})
    [p] = info.value.problems
    assert (p.path, p.message.en) == (path, message)


# --- found in review --------------------------------------------------------------------------


def test_a_label_that_spells_another_key_is_an_error_and_loading_is_idempotent() -> None:
    """A key always means its own category: an organisation label may not re-map it, so a
    loaded document (which stores keys) means the same when loaded again or reported on."""
    with pytest.raises(InputError) as info:
        register_doc([entry(1, "gesprek", "2024-01-01", "pesten")],
                      category_labels={"pesten": "intimidatie"})
    [p] = info.value.problems
    assert p.path == "category_labels"
    assert "is itself the key 'pesten'" in p.message.en
    doc = register_doc([entry(1, "gesprek", "2024-01-01", "Treiteren")],
                       category_labels={"Treiteren": "pesten", "Pesten op het werk": "pesten"})
    again = integriteit.loads(integriteit.dumps(doc))
    assert again.register == doc.register
    report = annual_report(again, 2024, years=1)
    assert [(r.category, r.count) for r in report.counts] == [("pesten", 1)]


def test_the_note_says_smaller_only_when_the_total_is_smaller() -> None:
    """One entry in two categories and one without: sum 2, total 2 — not "smaller"."""
    doc = register_doc([entry(1, "gesprek", "2024-03-01", "pesten", "intimidatie"),
                        entry(2, "gesprek", "2024-05-01")])
    notes = to_data(annual_report(doc, 2024, years=1), "en")["notes"]
    assert notes[0] == ("Gesprekken (consultations) with vertrouwenspersonen 2024: 1 "
                        "entry with more than one category; the total counts entries.")
    assert not any("smaller" in n for n in notes)


def test_rows_follow_the_taxonomy_order_not_the_year_of_first_occurrence() -> None:
    doc = register_doc([entry(1, "gesprek", "2023-03-01", "overig"),
                        entry(2, "gesprek", "2024-05-01", "integriteit")])
    rows = _markdown_rows(output(annual_report(doc, 2024, years=2), "markdown", "en"))
    assert [r[0] for r in rows if r[0] in ("Integrity", "Other")] == ["Integrity", "Other"]


def test_policy_figures_are_shown_when_someone_was_judged_by_a_policy_of_the_year() -> None:
    """Workshop and declaration asked for from March to June only: a starter of April is
    judged by them, so the report shows them (it asked the policy on 1 January and at the
    reference date only, and dropped them)."""
    doc = integriteit.from_dict({
        "organisation": {"name": "X", "kind": "gemeente"},
        "policy": {"workshop_required_for": {"2024-03-01": "all", "2024-07-01": "none"},
                   "integriteitsverklaring_required": {"2024-03-01": True,
                                                       "2024-07-01": False}},
        "employees": [{"id": "A", "start": "2024-04-01", "employment": "inhuur"}]})
    figures = {(f.section, f.key): f.count for f in annual_report(doc, 2024).figures}
    assert figures[("beleid.workshop", "required")] == 1
    assert figures[("beleid.workshop", "open")] == 1
    assert figures[("beleid.integriteitsverklaring", "open")] == 1
    assert figures[("beleid.integriteitsverklaring", "other")] == 0


@pytest.mark.parametrize(("year", "years", "at", "path"), [
    (1901, 5, None, "--year"), (2024, 1, date(2023, 12, 31), "--at")])
def test_report_window_and_reference_date_are_checked(year: int, years: int, at: date | None,
                                                       path: str) -> None:
    """A window before 1900 and a reference date before the year: named by the option."""
    with pytest.raises(InputError) as info:
        annual_report(seed("groningen-2021.json"), year, years=years, at=at)
    assert info.value.problems[0].source == path
    assert info.value.render("en").startswith(f"{path}: ")
    assert annual_report(seed("groningen-2021.json"), 9999, years=1).years == (9999,)


def test_a_failing_rule_leaves_no_report() -> None:
    """A figure short of the subjects a rule failed for would be published as whole: the
    report refuses with RuleFailure naming the rule (exit 3 on the command line)."""
    from integriteit.engine import Rule, RuleFailure, RuleVersion, Severity, SubjectKind
    from integriteit.i18n import Text
    from integriteit.plugins import build_registry

    def prepare(ctx: Any) -> Any:
        def evaluate(e: Any) -> Any:
            raise ValueError("kapot")
        return evaluate

    registry = build_registry(entry_point_plugins=False)
    registry.rules["ambtenarenwet.eed"] = Rule(
        "ambtenarenwet.eed", Text("k", "k"), Severity.ERROR, SubjectKind.EMPLOYEE,
        (RuleVersion(None, None, (), prepare, Text("k", "k")),))
    doc = integriteit.example()
    with pytest.raises(RuleFailure, match=r"rule ambtenarenwet\.eed failed"):
        annual_report(doc, 2025, registry=registry)
    assert annual_report(doc, 2025).year == 2025


# --- secondary suppression: no hidden count can be worked out -------------------------------


def _hidden_cells(data: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {cell for cell, value in _published_cells(data).items() if value == "x"}


def _published_cells(data: dict[str, Any]) -> dict[tuple[Any, ...], Any]:
    """Every count as published in ``to_data``, by cell (as a reader would name it)."""
    cells: dict[tuple[Any, ...], Any] = {}
    for r in data["counts"]:
        cells[("counts", r["year"], r["kind"], r["category"])] = r["count"]
    for table in ("totals", "uncategorised", "multi_category"):
        for r in data[table]:
            cells[(table, r["year"], r["kind"])] = r["count"]
    for r in data["outcomes"]:
        cells[("outcomes", r["kind"], r["investigation"], r["findings"], r["measure"])] = (
            r["count"])
    for f in data["figures"]:
        if f["count"] is not None:
            cells[("figures", f["section"], f["key"])] = f["count"]
    return cells


def _relations(data: dict[str, Any]) -> list[dict[tuple[Any, ...], int]]:
    """The relations a reader of the report knows, written down here apart from the library:
    a total is the sum of its categories and the entries without one; the outcomes of a kind
    make up its total of the year; the oath, Wbk and policy breakdowns; the Wbk figure of
    received reports is the register's total of misstanden of the year. Only those that hold
    for the true values matter, and the test checks them against those values."""
    cells = _published_cells(data)
    rels: list[dict[tuple[Any, ...], int]] = []
    for r in data["totals"]:
        rel = {("totals", r["year"], r["kind"]): 1}
        rel.update({c: -1 for c in cells if c[0] in ("counts", "uncategorised")
                    and c[1:3] == (r["year"], r["kind"])})
        rels.append(rel)
    for kind in {c[1] for c in cells if c[0] == "outcomes"}:
        rel = {("totals", data["year"], kind): 1}
        rel.update({c: -1 for c in cells if c[0] == "outcomes" and c[1] == kind})
        rels.append(rel)

    def whole(section: str, total: str, *parts: str) -> dict[tuple[Any, ...], int]:
        return {("figures", section, total): 1, **{("figures", section, p): -1 for p in parts}}

    rels += [whole("eed", "taken", "on_time", "late"),
             whole("eed", "new_ambtenaren", "taken", "open", "waived", "invalid",
                   "not_applicable"),
             whole("wbk", "received", "acknowledged_in_time", "acknowledged_late",
                   "not_acknowledged", "old_law"),
             whole("wbk", "received", "feedback_in_time", "feedback_late", "feedback_open",
                   "old_law"),
             {("figures", "wbk", "received"): 1, ("totals", data["year"], "misstand"): -1},
             whole("beleid.integriteitsverklaring", "required", "on_time", "late", "open",
                   "other"),
             whole("beleid.workshop", "required", "on_time", "late", "open", "other")]
    return [r for r in rels if all(c in cells for c in r)]


def _rank(rows: list[list[Fraction]]) -> int:
    rows = [list(r) for r in rows]
    rank = 0
    width = len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(rank + 1, len(rows)):
            factor = rows[i][col] / rows[rank][col]
            rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def _worked_out(data: dict[str, Any], truth: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The hidden cells that a reader can compute exactly: solve the relations that hold
    (checked on the unsuppressed ``truth``) with the published values filled in; a hidden
    cell is determined when adding "this cell alone" to the system does not raise its rank."""
    published = _published_cells(data)
    true_values = _published_cells(truth)
    hidden = sorted((c for c, v in published.items() if v == "x"), key=repr)
    holding = [r for r in _relations(truth)
               if sum(k * true_values[c] for c, k in r.items()) == 0]
    rows = [[Fraction(r.get(c, 0)) for c in hidden] for r in holding]
    rows = [row for row in rows if any(row)]
    base = _rank(rows) if rows else 0
    out = []
    for j, cell in enumerate(hidden):
        unit = [Fraction(int(i == j)) for i in range(len(hidden))]
        if rows and _rank([*rows, unit]) == base:
            out.append(cell)
    return out


def _register(entries: list[tuple[str, int, list[str]]]) -> Document:
    """A document whose register has, per (kind, year, categories), that many entries."""
    register = [{"id": f"R-{n}", "kind": kind, "received": f"{year}-03-01",
                 "channel": "vertrouwenspersoon", "categories": categories}
                for n, (kind, year, categories) in enumerate(entries, 1)]
    return integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente"},
                                  "register": register})


def test_a_total_and_the_other_category_no_longer_give_a_small_count_away() -> None:
    """The issue's case: 7 + 2 meldingen and a total of 9. The 2 is hidden, and so is one
    more cell of that table, so that 9 - 7 gives nothing."""
    doc = _register([("melding", 2025, ["pesten"])] * 7
                    + [("melding", 2025, ["intimidatie"])] * 2)
    report = annual_report(doc, 2025, years=1, at=date(2025, 12, 31))
    data, truth = to_data(report, "nl", 5), to_data(report, "nl")
    cells = _published_cells(data)
    assert cells[("counts", 2025, "melding", "intimidatie")] == "x"
    assert "x" in (cells[("counts", 2025, "melding", "pesten")],
                   cells[("totals", 2025, "melding")])
    assert _worked_out(data, truth) == []
    assert _worked_out(to_data(report, "nl", 2), truth) == []  # 2 is published: nothing hidden


def test_the_wbk_breakdown_no_longer_gives_a_late_acknowledgement_away() -> None:
    """Received 6, acknowledged in time 5, late 1: the 1 is hidden and so is another figure
    of the breakdown (or the total), also in the register's table of misstanden."""
    entries = [{"id": f"M-{i}", "kind": "misstand", "received": "2025-03-03",
                "acknowledged": "2025-03-05" if i < 5 else "2025-03-20",
                "channel": "vertrouwenspersoon"} for i in range(6)]
    doc = integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente",
                                                  "headcount": 200},
                                 "register": entries})
    report = annual_report(doc, 2025, years=1, at=date(2025, 12, 31))
    data, truth = to_data(report, "nl", 5), to_data(report, "nl")
    cells = _published_cells(data)
    assert cells[("figures", "wbk", "acknowledged_late")] == "x"
    assert sum(v == "x" for v in cells.values()) >= 2
    assert _worked_out(data, truth) == []


def test_the_seeds_publish_nothing_that_can_be_worked_out() -> None:
    for name, year in (("zuid-holland-2019.json", 2019), ("groningen-2021.json", 2021)):
        report = annual_report(seed(name), year, years=3)
        for k in (3, 5, 10):
            assert _worked_out(to_data(report, "nl", k), to_data(report, "nl")) == [], (name, k)


_CATEGORY = st.sampled_from(["pesten", "intimidatie", "discriminatie", "corruptie"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["melding", "misstand"]),
                          st.sampled_from([2024, 2025, 2025, 2025]),
                          st.one_of(st.just([]), _CATEGORY.map(lambda c: [c]),
                                    _CATEGORY.map(lambda c: [c]),
                                    st.lists(_CATEGORY, min_size=2, max_size=2, unique=True))),
                min_size=1, max_size=60),
       st.integers(2, 8))
def test_no_hidden_count_can_be_worked_out(entries: list[tuple[str, int, list[str]]],
                                           k: int) -> None:
    """Generated registers: every count from 1 to k - 1 is hidden, and no hidden count
    follows from the published ones (solved independently of the library)."""
    report = annual_report(_register(entries), 2025, years=2, at=date(2025, 12, 31))
    data, truth = to_data(report, "nl", k), to_data(report, "nl")
    true_values = _published_cells(truth)
    published = _published_cells(data)
    assert all(published[c] == "x" for c, v in true_values.items()
               if isinstance(v, int) and 0 < v < k)
    assert all(published[c] in ("x", v) for c, v in true_values.items())
    assert _worked_out(data, truth) == []
