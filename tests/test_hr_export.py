"""Reading HR exports as they are (CSV/TSV, JSON Lines, Excel) through a column mapping."""

from __future__ import annotations

import csv
import gc
import io
import itertools
import json
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import openpyxl.chart
import pytest
from hypothesis import given
from hypothesis import strategies as st

from integriteit import Employee, EmploymentKind, InputError, Oath, OathForm, Problem
from integriteit.cli import main
from integriteit.hr_export import (
    FIELDS,
    ColumnMapping,
    EmployeeFile,
    _date_converter,
    _strptime,
    load_mapping,
    read_employees,
)
from integriteit.i18n import LANGS, Text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

MAPPING = """\
[file]
delimiter = ";"

[columns]
id = "Personeelsnummer"
start = "Datum in dienst"
end = "Datum uit dienst"
employment = "Soort dienstverband"
oath_date = "Datum eed/belofte"
oath_form = "Eed of belofte"

[dates]
formats = ["%d-%m-%Y", "%Y-%m-%d"]

[values.employment]
"Vast" = "ambtenaar"
"Tijdelijk" = "ambtenaar"
"Inhuur" = "inhuur"

[values.oath_form]
"E" = "eed"
"B" = "belofte"
"""

HEADER = ("Personeelsnummer;Naam;Datum in dienst;Datum uit dienst;Soort dienstverband;"
          "Datum eed/belofte;Eed of belofte")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def read(path: Path | str, mapping: Any = None,
         **options: Any) -> tuple[list[Employee], EmployeeFile]:
    file = read_employees(path, mapping, **options)
    employees = list(file)
    assert file.rows == len(employees) + file.rejected
    return employees, file


def lines(file: EmployeeFile, lang: Any = "en") -> list[str]:
    return [p.render(lang) for p in file.problems]


def mapping_errors(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_mapping(path)
    return [p.render("en") for p in info.value.problems]


def ambtenaar(id: str, start: date, **more: Any) -> Employee:
    return Employee(id, start, EmploymentKind.AMBTENAAR, **more)


@pytest.fixture
def kolommen(tmp_path: Path) -> Path:
    return write(tmp_path / "kolommen.toml", MAPPING)


# --- our fields ------------------------------------------------------------------------------


def test_fields_are_employee_fields_flattened_in_order() -> None:
    """FIELDS follows Employee, with the oath flattened to oath_date and oath_form."""
    assert FIELDS == ("id", "start", "employment", "end", "oath_date", "oath_form",
                      "oath_earlier_employment", "oath_earlier_start", "function",
                      "scale", "integriteitsverklaring", "workshop")


# --- delimited text --------------------------------------------------------------------------


def test_csv_without_mapping_uses_our_field_names(tmp_path: Path) -> None:
    """Without a mapping the headers are our fields; unused headers are ignored."""
    path = write(tmp_path / "p.csv", "id,Naam,start,employment,end,function,scale\n"
                 "E1,Ann,2024-01-15,ambtenaar,,Beleidsmedewerker,11\n"
                 "E2,Bob,15-02-2024,inhuur,2024-12-31,,\n")
    employees, file = read(path)
    assert employees == [
        ambtenaar("E1", date(2024, 1, 15), function="Beleidsmedewerker", scale=11),
        Employee("E2", date(2024, 2, 15), EmploymentKind.INHUUR, end=date(2024, 12, 31)),
    ]
    assert (file.rows, file.rejected, file.problem_count) == (2, 0, 0)
    assert file.ids == {"E1": "line 2", "E2": "line 3"}
    assert file.source == str(path)


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_the_delimiter_is_detected_from_the_header_line(tmp_path: Path, delimiter: str) -> None:
    """The most frequent of , ; tab | outside quotes in the header line is the delimiter."""
    others = "".join(d for d in ",;\t|" if d != delimiter)
    header = delimiter.join(["id", "start", f'"Naam {others}{others}"', "employment"])
    row = delimiter.join(["E1", "2024-01-15", f'"X{others}{others}"', "ambtenaar"])
    employees, file = read(write(tmp_path / "p.txt", f"{header}\n{row}\n"))
    assert employees == [ambtenaar("E1", date(2024, 1, 15))]
    assert file.problems == []


def test_tsv_is_read_with_tabs(tmp_path: Path) -> None:
    """A .tsv file is tab-separated, even when its header has more commas than tabs."""
    path = write(tmp_path / "p.tsv", "id\tstart\temployment\tNaam, voornaam, tussenvoegsel\n"
                 "E1\t2024-01-15\tambtenaar\tA, B, C\n")
    assert read(path)[0] == [ambtenaar("E1", date(2024, 1, 15))]


def test_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    """UTF-8 with a BOM (as Excel writes "CSV UTF-8") reads like UTF-8 without one."""
    path = write(tmp_path / "p.csv", "id;start;employment\r\nE1;2024-01-15;ambtenaar\r\n",
                 "utf-8-sig")
    assert read(path)[0] == [ambtenaar("E1", date(2024, 1, 15))]


def test_cp1252_through_the_mapping(tmp_path: Path) -> None:
    """The mapping's encoding (cp1252, Dutch Excel) decodes headers and values."""
    mapping = write(tmp_path / "m.toml", '[file]\nencoding = "cp1252"\n[columns]\n'
                    'id = "Nummer"\nstart = "Begindatum"\nemployment = "Soort"\n'
                    'function = "Functie (financiën)"\n')
    path = write(tmp_path / "p.csv", "Nummer;Naam;Begindatum;Soort;Functie (financiën)\r\n"
                 "E1;Zoë Müller;01-02-2024;ambtenaar;Medewerker financiën\r\n", "cp1252")
    employees, file = read(path, mapping)
    assert employees == [ambtenaar("E1", date(2024, 2, 1), function="Medewerker financiën")]
    assert file.problems == []


def test_a_byte_that_does_not_decode_is_a_problem_of_its_line(tmp_path: Path) -> None:
    """cp1252 bytes read as UTF-8: a problem naming the line (no traceback, no byte shown)."""
    path = write(tmp_path / "p.csv", "id;Naam;start;employment\r\n"
                 "E1;Jansen;2024-01-15;ambtenaar\r\n"
                 "E2;Zoë;2024-01-15;ambtenaar\r\n"
                 "E3;Bakker;2024-01-15;ambtenaar\r\n", "cp1252")
    employees, file = read(path)
    assert [e.id for e in employees] == ["E1", "E3"]
    assert lines(file) == [
        f"{path}: line 3: contains a byte that is not valid UTF-8; give the encoding in the "
        'mapping ([file] encoding, e.g. "cp1252")']
    assert "geen UTF-8" in lines(file, "nl")[0]


def test_line_numbers_count_blank_lines_and_multi_line_cells(tmp_path: Path) -> None:
    """Lines are counted as in the file: blank lines skipped, quoted line breaks counted."""
    path = write(tmp_path / "p.csv", "id,Notitie,start,employment\n"
                 "\n"
                 'E1,"een\nnotitie\nover drie regels",2024-01-15,ambtenaar\n'
                 ",,,\n"
                 "E2,,2024-13-01,ambtenaar\n")
    employees, file = read(path)
    assert [e.id for e in employees] == ["E1"]
    assert file.rows == 2
    assert file.ids == {"E1": "line 3", "E2": "line 7"}
    assert lines(file)[0].startswith(f"{path}: line 7: start: \"2024-13-01\" is not a date")


def test_rows_with_more_or_fewer_cells_than_headers(tmp_path: Path) -> None:
    """A row of the wrong length is a problem naming its line, and is not read."""
    path = write(tmp_path / "p.csv", "id;start;employment\n"
                 "E1;2024-01-15;ambtenaar;extra\n"
                 "E2;2024-01-15\n"
                 "E3;2024-01-15;ambtenaar\n")
    employees, file = read(path)
    assert [e.id for e in employees] == ["E3"]
    assert lines(file) == [f"{path}: line 2: has 4 cells, the header has 3",
                           f"{path}: line 3: has 2 cells, the header has 3"]
    assert lines(file, "nl")[1] == f"{path}: regel 3: heeft 2 cellen, de kopregel heeft er 3"
    assert (file.rows, file.rejected) == (3, 2)


def test_an_unreadable_line_is_a_problem_and_reading_goes_on(tmp_path: Path) -> None:
    """A cell beyond the csv field limit (an unclosed quote) is a problem; the rest is read."""
    path = write(tmp_path / "p.csv", "id,start,employment\n"
                 'E1,"' + "x" * 200_000 + "\nE2,2024-01-15,ambtenaar\n")
    employees, file = read(path)
    assert lines(file) == [f"{path}: line 2: unreadable line: a cell is longer than 131072 "
                           "characters (a quote that is never closed?)"]
    assert "onleesbare regel: een cel is langer dan 131072 tekens" in lines(file, "nl")[0]
    assert employees == [ambtenaar("E2", date(2024, 1, 15))]


@pytest.mark.parametrize("text", [";;;\n", "\n ; ;\r\n,,\n\n", '"";""\n', "\ufeff;;\n;\n"])
def test_lines_of_only_delimiters_are_no_header_line(tmp_path: Path, text: str) -> None:
    """A file of only delimiters and blank lines has no header line: one problem, no error."""
    path = write(tmp_path / "semis.csv", text)
    employees, file = read(path)
    assert employees == []
    assert lines(file) == [f"{path}: the file is empty: there is no header line"]
    assert lines(file, "nl") == [f"{path}: het bestand is leeg: er is geen kopregel"]


def test_the_delimiter_is_detected_from_the_header_line_after_empty_lines(
        tmp_path: Path) -> None:
    """Lines of delimiters before the header are skipped and counted, not used for detection."""
    path = write(tmp_path / "p.csv", ",,,,\n\n;;\nid;start;employment\nE1;2024-01-15;ambtenaar\n"
                 "E2;2024-13-01;ambtenaar\n")
    employees, file = read(path)
    assert employees == [ambtenaar("E1", date(2024, 1, 15))]
    assert file.ids == {"E1": "line 5", "E2": "line 6"}
    assert lines(file)[0].startswith(f'{path}: line 6: start: "2024-13-01" is not a date')


def test_a_stray_quote_that_swallows_a_row_is_a_problem(tmp_path: Path) -> None:
    """A cell over lines with the delimiter after a break is a problem naming lines and header."""
    path = write(tmp_path / "p.csv", "id,Naam,start,employment\n"
                 f'E1,"{SENTINEL_NAME},2024-01-01,ambtenaar\n'
                 f'E2,{SENTINEL_BSN}",2024-01-01,ambtenaar\n'
                 "E3,Kees,2024-13-01,ambtenaar\n"
                 'E4,"Kerkstraat 1\r\n1234 AB Plaats",2024-01-01,ambtenaar\n')
    employees, file = read(path)
    assert [e.id for e in employees] == ["E4"]
    assert lines(file) == [
        f'{path}: lines 2–3: "Naam": the cell runs over more lines and holds the delimiter '
        "',' after a line break: a stray quote has probably swallowed the next row; the row "
        "is not read",
        f'{path}: line 4: start: "2024-13-01" is not a date (formats tried: %Y-%m-%d, '
        "%d-%m-%Y) [id 'E3']"]
    assert lines(file, "nl")[0].startswith(f'{path}: regels 2–3: "Naam": de cel loopt over '
                                           "meer regels")
    assert (file.rows, file.rejected) == (3, 2)
    assert file.ids == {"E3": "line 4", "E4": "line 5"}
    assert_no_sentinel(*lines(file), *lines(file, "nl"))


def test_a_mapped_cell_with_a_line_break_is_a_problem(tmp_path: Path, kolommen: Path) -> None:
    """A mapped cell with a line break is a problem naming the lines and header, not the cell."""
    path = write(tmp_path / "p.csv", f"{HEADER}\n"
                 '"E1\nE2";N;01-01-2024;;Vast;;\n'
                 'E3;"Jan\nJansen";01-01-2024;;"Vast\r\n";;\n'
                 'E4;"N;01-01-2024;;Vast;;\nE5";N\n'
                 "E6;N;01-01-2024;;Vast;;\n")
    employees, file = read(path, kolommen)
    assert [e.id for e in employees] == ["E6"]
    assert lines(file) == [
        f'{path}: lines 2–3: "Personeelsnummer" (id): the cell holds a line break (a stray '
        "quote?); the row is not read",
        f'{path}: lines 4–6: "Soort dienstverband" (employment): the cell holds a line break '
        "(a stray quote?); the row is not read",
        f"{path}: lines 7–8: has 3 cells, the header has 7"]
    assert lines(file, "nl")[0] == (
        f'{path}: regels 2–3: "Personeelsnummer" (id): de cel bevat een regeleinde (een los '
        "aanhalingsteken?); de rij is niet gelezen")


# --- the exact problem format ------------------------------------------------------------------


def test_a_date_no_format_parses(tmp_path: Path, kolommen: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad date names file, line, header, field, value, the formats tried and the id."""
    monkeypatch.chdir(tmp_path)
    rows = [f"E{i};N;01-01-2024;;Vast;;" for i in range(5)]
    rows.insert(5, "E4;N;31-02-2024;;Vast;;")
    rows[4] = "E9;N;01-01-2024;;Vast;;"
    write(tmp_path / "personeel.csv", "\n".join([HEADER, *rows, "", "E5;N;1-1-2024;;Vast;;"]))
    employees, file = read("personeel.csv", "kolommen.toml")
    assert file.problems[0] == Problem(
        source="personeel.csv",
        path=Text('regel 7: "Datum in dienst" (start)', 'line 7: "Datum in dienst" (start)'),
        message=Text('"31-02-2024" is geen datum (geprobeerde formaten: %d-%m-%Y, %Y-%m-%d)',
                     '"31-02-2024" is not a date (formats tried: %d-%m-%Y, %Y-%m-%d)'),
        record="E4")
    assert file.problems[0].render("en") == (
        'personeel.csv: line 7: "Datum in dienst" (start): "31-02-2024" is not a date '
        "(formats tried: %d-%m-%Y, %Y-%m-%d) [id 'E4']")
    assert [e.id for e in employees] == ["E0", "E1", "E2", "E3", "E9", "E5"]
    assert file.problem_count == 1 and file.ids["E5"] == "line 9"
    assert employees[-1].start == date(2024, 1, 1)


def test_echoed_values_are_short_and_on_one_line(tmp_path: Path) -> None:
    """Echoed values are cut to 60 characters and control characters are escaped."""
    value = "2024\x1b[31m\u2028\x85" + "9" * 100
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "E1\n" + "x" * 100, "start": value,
                                "employment": "ambtenaar"}) + "\n", encoding="utf-8")
    _, file = read(path)
    (line,) = lines(file)
    assert len(line.splitlines()) == 1
    assert "\x1b" not in line and "\u2028" not in line and "\x85" not in line
    assert '"2024\\x1b[31m\\u2028\\x85' + "9" * 48 + '…" is not a date' in line
    assert file.problems[0].record == "E1\n" + "x" * 56 + "…"
    assert line.endswith("[id 'E1\\n" + "x" * 56 + "…']")


# --- dates ------------------------------------------------------------------------------------


def test_dutch_and_iso_dates_by_default(tmp_path: Path) -> None:
    """Without a mapping, ISO 8601 and then dd-mm-yyyy dates are read."""
    path = write(tmp_path / "p.csv", "id,start,employment,end\n"
                 "E1,2024-03-04,ambtenaar,31-12-2024\nE2,4-3-2024,ambtenaar,2024-3-4\n")
    employees, file = read(path)
    assert [(e.start, e.end) for e in employees] == [
        (date(2024, 3, 4), date(2024, 12, 31)), (date(2024, 3, 4), date(2024, 3, 4))]
    assert file.problems == []


def test_date_formats_are_tried_in_the_mapping_order(tmp_path: Path) -> None:
    """The mapping's formats are tried in order: the first that parses wins."""
    mapping = write(tmp_path / "m.toml",
                    '[dates]\nformats = ["%m-%d-%Y", "%d.%m.%Y", "%Y-%m-%d"]\n')
    path = write(tmp_path / "p.csv", "id,start,employment\nE1,03-04-2024,ambtenaar\n"
                 "E2,04.03.2024,ambtenaar\nE3,2024-03-04,ambtenaar\nE4,31-02-2024,ambtenaar\n")
    employees, file = read(path, mapping)
    assert [e.start for e in employees] == [date(2024, 3, 4)] * 3
    assert lines(file) == [f'{path}: line 5: start: "31-02-2024" is not a date (formats '
                           "tried: %m-%d-%Y, %d.%m.%Y, %Y-%m-%d) [id 'E4']"]


DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%m-%d-%Y", "%d/%m/%Y", "%Y-%d-%m"]
date_texts = st.one_of(
    st.text(alphabet="0123456789-./ ", max_size=12),
    st.builds(date.strftime, st.dates(date(1900, 1, 1), date(2100, 1, 1)),
              st.sampled_from(DATE_FORMATS)),
    st.builds("{:02d}-{:02d}-{:04d}".format, st.integers(0, 40), st.integers(0, 40),
              st.integers(0, 9999)))


@given(date_texts, st.permutations(DATE_FORMATS),
       st.integers(1, 5))
def test_fast_date_paths_agree_with_strptime(text: str, formats: list[str], n: int) -> None:
    """The cached fast paths read every text exactly as strptime with the formats in order."""
    convert, _ = _date_converter(tuple(formats[:n]))
    expected = _strptime(text, formats[:n])
    for _ in range(2):  # uncached, then cached
        try:
            got: date | None = convert(text)
        except Exception:
            got = None
        assert got == expected


# --- values -----------------------------------------------------------------------------------


def test_value_words_match_case_and_space_insensitively(tmp_path: Path) -> None:
    """[values.X] words match whatever their case and spacing; our own values still count."""
    mapping = write(tmp_path / "m.toml", '[values.employment]\n"Vast  contract" = "ambtenaar"\n'
                    '"Externe inhuur" = "inhuur"\n[values.oath_form]\n"E" = "eed"\n'
                    '[values.function]\n"BM" = "Beleidsmedewerker"\n')
    path = write(tmp_path / "p.csv", "id,start,employment,oath_date,oath_form,function\n"
                 "E1,2024-01-01,  VAST contract ,2024-01-02,e,bm\n"
                 "E2,2024-01-01,externe   INHUUR,,,Jurist\n"
                 "E3,2024-01-01,Ambtenaar,2024-01-02,BELOFTE,\n")
    employees, file = read(path, mapping)
    assert file.problems == []
    assert [(e.employment, e.oath, e.function) for e in employees] == [
        (EmploymentKind.AMBTENAAR, Oath(date(2024, 1, 2), OathForm.EED), "Beleidsmedewerker"),
        (EmploymentKind.INHUUR, None, "Jurist"),
        (EmploymentKind.AMBTENAAR, Oath(date(2024, 1, 2), OathForm.BELOFTE), None),
    ]


def test_our_values_without_a_table_are_case_insensitive(tmp_path: Path) -> None:
    """Without [values], employment must be our value, in any case and spacing."""
    path = write(tmp_path / "p.csv", "id,start,employment\nE1,2024-01-01, Uitzendkracht \n"
                 "E2,2024-01-01,Vast\n")
    employees, file = read(path)
    assert employees[0].employment is EmploymentKind.UITZENDKRACHT
    assert lines(file) == [
        f'{path}: line 3: employment: "Vast" is not allowed; choose one of ambtenaar, inhuur, '
        "uitzendkracht, gedetacheerd, stagiair (or map the file's words in [values.employment]"
        " of a mapping) [id 'E2']"]


def test_an_unknown_word_names_the_mapping_line_and_the_known_words(
        tmp_path: Path, kolommen: Path) -> None:
    """A word the [values] table lacks: the table's line, the header, the word, the words."""
    path = write(tmp_path / "p.csv", f"{HEADER}\nE1;N;01-01-2024;;Stage;;\n")
    _, file = read(path, kolommen)
    assert lines(file) == [
        f'{path}: line 2: "Soort dienstverband" (employment): "Stage" is not in '
        f'[values.employment] ({kolommen}, line 15); known: "vast", "tijdelijk", "inhuur"; '
        "or one of our values: ambtenaar, inhuur, uitzendkracht, gedetacheerd, stagiair "
        "[id 'E1']"]
    assert f"staat niet in [values.employment] ({kolommen}, regel 15)" in lines(file, "nl")[0]


def test_scale_is_a_whole_number(tmp_path: Path) -> None:
    """scale: "11" and 11 are 11; 11.5 and words are problems."""
    path = write(tmp_path / "p.csv", "id,start,employment,scale\nE1,2024-01-01,ambtenaar,11\n"
                 "E2,2024-01-01,ambtenaar,11.5\nE3,2024-01-01,ambtenaar,elf\n")
    employees, file = read(path)
    assert [e.scale for e in employees] == [11]
    assert [p.message.en for p in file.problems] == ['"11.5" is not a whole number',
                                                     '"elf" is not a whole number']


# --- empty cells, oaths, rows -------------------------------------------------------------------


def test_empty_cells_are_absent_and_required_ones_are_problems(tmp_path: Path) -> None:
    """An empty (or blank) cell is absent: fine for end, a problem for id, start, employment."""
    path = write(tmp_path / "p.csv", "id,start,employment,end\nE1,2024-01-01,ambtenaar,   \n"
                 "  ,2024-01-01,ambtenaar,\nE3,,,\n")
    employees, file = read(path)
    assert employees == [ambtenaar("E1", date(2024, 1, 1))]
    assert lines(file) == [
        f"{path}: line 3: id: has no value, but is required",
        f"{path}: line 4: start: has no value, but is required [id 'E3']",
        f"{path}: line 4: employment: has no value, but is required [id 'E3']",
    ]
    assert lines(file, "nl")[0] == f"{path}: regel 3: id: heeft geen waarde, maar is verplicht"


def test_oath_date_and_form_come_together(tmp_path: Path, kolommen: Path) -> None:
    """An oath date without a form, or a form without a date, is a problem of the row."""
    path = write(tmp_path / "p.csv", f"{HEADER}\nE1;N;01-01-2024;;Vast;15-01-2024;B\n"
                 "E2;N;01-01-2024;;Vast;15-01-2024;\nE3;N;01-01-2024;;Vast;;E\n")
    employees, file = read(path, kolommen)
    assert employees == [ambtenaar("E1", date(2024, 1, 1),
                                   oath=Oath(date(2024, 1, 15), OathForm.BELOFTE))]
    assert lines(file) == [
        f'{path}: line 3: "Datum eed/belofte" (oath_date): goes with oath_form '
        '("Eed of belofte"), which is empty; give both or neither [id \'E2\']',
        f'{path}: line 4: "Eed of belofte" (oath_form): goes with oath_date '
        '("Datum eed/belofte"), which is empty; give both or neither [id \'E3\']',
    ]


def test_end_before_start_as_the_document_loader_says(tmp_path: Path) -> None:
    """The cross-field checks of the document loader run per row, at the row's position."""
    path = write(tmp_path / "p.csv", "id,start,employment,end\nE1,2024-05-01,ambtenaar,"
                 "2024-04-30\n")
    _, file = read(path)
    assert lines(file) == [
        f"{path}: line 2: end: end 2024-04-30 is before start 2024-05-01 [id 'E1']"]


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    """A repeated id names the line it was first read on; the later row is not yielded."""
    path = write(tmp_path / "p.csv", "id,start,employment\nE3,2024-01-01,ambtenaar\n"
                 "E4,2024-01-01,ambtenaar\nE4,2024-02-01,inhuur\nE3,2024-13-01,ambtenaar\n")
    employees, file = read(path)
    assert employees == [ambtenaar("E3", date(2024, 1, 1)), ambtenaar("E4", date(2024, 1, 1))]
    assert lines(file) == [
        f"{path}: line 4: id: id 'E4' also on line 3 [id 'E4']",
        f'{path}: line 5: start: "2024-13-01" is not a date (formats tried: %Y-%m-%d, '
        "%d-%m-%Y) [id 'E3']",
        f"{path}: line 5: id: id 'E3' also on line 2 [id 'E3']",
    ]
    assert lines(file, "nl")[0] == f"{path}: regel 4: id: id 'E4' staat ook op regel 3 [id 'E4']"
    assert file.ids == {"E3": "line 2", "E4": "line 3"}
    assert (file.rows, file.rejected) == (4, 2)


def test_only_the_first_problems_are_kept_but_all_are_counted(tmp_path: Path) -> None:
    """keep_problems caps the list; problem_count and InputError.total count them all."""
    rows = "".join(f"E{i},2024-02-30,ambtenaar\n" for i in range(10))
    path = write(tmp_path / "p.csv", "id,start,employment\n" + rows)
    _, file = read(path, keep_problems=3)
    assert (len(file.problems), file.problem_count, file.rejected) == (3, 10, 10)
    with pytest.raises(InputError) as info:
        file.load()
    assert (len(info.value.problems), info.value.total) == (3, 10)
    assert str(info.value).endswith("and 7 more problems")


def test_load_returns_all_and_iterating_reads_again(tmp_path: Path) -> None:
    """load() gives every employee; each iteration reads the file again from the start."""
    path = write(tmp_path / "p.csv", "id,start,employment\nE1,2024-01-01,ambtenaar\n")
    file = read_employees(path)
    assert file.load() == (ambtenaar("E1", date(2024, 1, 1)),)
    path.write_text("id,start,employment\nE1,2024-01-01,ambtenaar\nE2,2024-01-01,inhuur\n",
                    encoding="utf-8")
    assert [e.id for e in file] == ["E1", "E2"]
    assert file.ids == {"E1": "line 2", "E2": "line 3"}


# --- header and file problems ----------------------------------------------------------------


def test_a_mapped_header_the_file_lacks(tmp_path: Path, kolommen: Path) -> None:
    """A mapped header missing from the file names the mapping line and the file's headers;
    no row is read, and load() raises it."""
    path = write(tmp_path / "p.csv", "Personeelsnummer;Naam;Datum indienst;Soort dienstverband;"
                 "Datum uit dienst;Datum eed/belofte;Eed of belofte\nE1;N;01-01-2024;Vast;;;\n")
    employees, file = read(path, kolommen)
    assert employees == [] and file.rows == 0
    assert lines(file) == [
        f'{kolommen}: line 6: columns.start: header "Datum in dienst" (start) is not in {path}'
        "; did you mean 'Datum indienst'? (headers there: \"Personeelsnummer\", \"Naam\", "
        '"Datum indienst", "Soort dienstverband", "Datum uit dienst", "Datum eed/belofte", '
        '"Eed of belofte"); delimiter \';\'']
    with pytest.raises(InputError) as info:
        read_employees(path, kolommen).load()
    assert info.value.problems == tuple(file.problems)


def test_without_mapping_a_missing_required_column_is_one_problem(tmp_path: Path) -> None:
    """Without a mapping, missing required columns are one problem at the header line."""
    path = write(tmp_path / "p.csv", "\n  \nid;Datum in dienst;Soort\nE1;2024-01-01;Vast\n")
    employees, file = read(path)
    assert employees == [] and file.rows == 0
    assert lines(file) == [
        f"{path}: line 3: no column for start, employment; needed: id, start, employment "
        "(without a mapping the headers are our field names: id, start, employment, end, "
        "oath_date, oath_form, oath_earlier_employment, "
        "oath_earlier_start, function, scale, integriteitsverklaring, workshop); "
        "delimiter ';' (detected)"]


def test_a_header_twice_is_ambiguous(tmp_path: Path) -> None:
    """A used header that occurs twice is a problem of the header line."""
    path = write(tmp_path / "p.csv", "id,start,employment,start\nE1,2024-01-01,ambtenaar,x\n")
    _, file = read(path)
    assert lines(file) == [
        f'{path}: line 1: header "start" occurs more than once in the header line (columns 2, '
        "4); which one is start cannot be told"]


def test_an_empty_or_missing_file(tmp_path: Path) -> None:
    """An empty file, or none, is one problem naming the file."""
    empty = write(tmp_path / "p.csv", "\n\n")
    assert lines(read(empty)[1]) == [f"{empty}: the file is empty: there is no header line"]
    missing = tmp_path / "nothing.csv"
    assert lines(read(missing)[1]) == [
        f"{missing}: cannot read the file (No such file or directory)"]


def empty_export(path: Path, kind: str) -> Path:
    """An export of ``kind`` without a single row."""
    header = ["id", "start", "employment"]
    if kind == "empty":
        return write(path.with_suffix(".csv"), "")
    if kind == "header":
        return write(path.with_suffix(".csv"), "id;start;employment\r\n\r\n;;\r\n")
    if kind == "jsonl":
        return write(path.with_suffix(".jsonl"), "")
    if kind == "blank jsonl":
        return write(path.with_suffix(".jsonl"), "\n \r\n\t\n")
    if kind == "empty sheet":
        return workbook(path.with_suffix(".xlsx"), [])
    return workbook(path.with_suffix(".xlsx"), [header, [], [None, " "]])


@pytest.mark.parametrize(("kind", "expected"), [
    ("empty", "the file is empty: there is no header line"),
    ("header", "line 1: there are no rows below the header line"),
    ("jsonl", "the file is empty: there is no JSON object in it"),
    ("blank jsonl", "the file is empty: there is no JSON object in it"),
    ("empty sheet", "sheet Personeel: the sheet is empty: there is no header line"),
    ("header sheet", "sheet Personeel, row 1: there are no rows below the header line"),
])
def test_an_export_without_rows_is_one_problem_in_every_format(
        tmp_path: Path, kind: str, expected: str) -> None:
    """An export without a single row (empty, header only, blank lines) is one problem."""
    path = empty_export(tmp_path / "p", kind)
    employees, file = read(path)
    assert employees == [] and (file.rows, file.rejected) == (0, 0)
    assert lines(file) == [f"{path}: {expected}"]
    assert "leeg" in lines(file, "nl")[0] or "geen rijen onder de kopregel" in lines(
        file, "nl")[0]
    with pytest.raises(InputError):
        read_employees(path).load()


@pytest.mark.parametrize("kind", ["semis", "header", "blank jsonl"])
def test_the_command_line_exits_2_on_an_export_without_rows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    """The command line reports an export without rows (or of only delimiters) as exit 2."""
    org = write(tmp_path / "org.json", json.dumps(
        {"organisation": {"name": "X", "kind": "gemeente", "headcount": 10}}))
    path = (write(tmp_path / "semis.csv", ";;;\n") if kind == "semis" else
            empty_export(tmp_path / "p", kind))
    code = main(["check", str(org), "--employees", str(path), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert f"{path}: " in err and ("no header line" in err or "no rows" in err
                                   or "no JSON object" in err)


def test_an_unknown_extension(tmp_path: Path) -> None:
    """Any other extension is an InputError naming the file and the extensions accepted."""
    with pytest.raises(InputError) as info:
        read_employees(tmp_path / "p.xls")
    assert str(info.value) == (f'{tmp_path / "p.xls"}: unknown file type ".xls"; accepted are '
                               ".csv, .tsv, .txt, .jsonl, .ndjson, .xlsx")


# --- JSON Lines -------------------------------------------------------------------------------


def test_json_lines_with_a_nested_oath_numbers_and_nulls(tmp_path: Path) -> None:
    """JSON Lines: keys are headers; a nested oath object, numbers and null are read."""
    path = tmp_path / "p.ndjson"
    path.write_text(
        '{"id": "E1", "start": "2024-01-15", "employment": "ambtenaar", "naam": "X", '
        '"oath": {"date": "2024-02-01", "form": "eed"}, "end": null}\n\n'
        '{"id": 2, "start": "15-01-2024", "employment": "inhuur", "scale": 11.0}\n'
        '{"id": "E3", "start": "2024-01-15", "employment": "ambtenaar", '
        '"oath_date": "2024-01-20", "oath_form": "belofte"}\n', encoding="utf-8")
    employees, file = read(path)
    assert employees == [
        ambtenaar("E1", date(2024, 1, 15), oath=Oath(date(2024, 2, 1), OathForm.EED)),
        Employee("2", date(2024, 1, 15), EmploymentKind.INHUUR, scale=11),
        ambtenaar("E3", date(2024, 1, 15), oath=Oath(date(2024, 1, 20), OathForm.BELOFTE)),
    ]
    assert file.ids == {"E1": "line 1", "2": "line 3", "E3": "line 4"}


def test_json_lines_problems(tmp_path: Path) -> None:
    """Not JSON, not an object, a key twice, a bad nested oath, a number for a date."""
    path = tmp_path / "p.jsonl"
    path.write_text('[1, 2]\nnot json\n'
                    '{"id": "E3", "start": "2024-01-01", "start": "2024-01-02", '
                    '"employment": "ambtenaar"}\n'
                    '{"id": "E4", "start": 20240101, "employment": "ambtenaar", "oath": "ja"}\n',
                    encoding="utf-8")
    employees, file = read(path)
    assert employees == []
    assert lines(file) == [
        f"{path}: line 1: not a JSON object but a list",
        f"{path}: line 2: not valid JSON: Expecting value (column 1)",
        f"{path}: line 3: key \"start\" occurs more than once [id 'E3']",
        f"{path}: line 4: oath: must be an object with date and form [id 'E4']",
        f"{path}: line 4: start: 20240101 is not a date (give a date, or text like %Y-%m-%d) "
        "[id 'E4']",
    ]


def test_json_lines_through_a_mapping(tmp_path: Path) -> None:
    """With a mapping, JSON keys are the mapped headers, and words go through [values]."""
    mapping = write(tmp_path / "m.toml", '[columns]\nid = "nummer"\nstart = "in_dienst"\n'
                    'employment = "soort"\n[values.employment]\nVast = "ambtenaar"\n')
    path = tmp_path / "p.jsonl"
    path.write_text('{"nummer": "E1", "in_dienst": "01-02-2024", "soort": "vast", '
                    '"id": "not this", "bsn": "1"}\n', encoding="utf-8")
    assert read(path, mapping)[0] == [ambtenaar("E1", date(2024, 2, 1))]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "cp1252", "utf-8"])
def test_json_lines_are_decoded_first_then_split_at_line_ends(tmp_path: Path,
                                                              encoding: str) -> None:
    """JSON Lines in any encoding (UTF-16 too) are decoded, then split at \\n; lines count right."""
    mapping = ColumnMapping("m", {}, encoding=encoding)
    path = tmp_path / "p.jsonl"
    path.write_bytes(
        '{"id": "E1", "start": "2024-01-15", "employment": "ambtenaar", "naam": "Zoë"}\r\n'
        "\r\n"
        '{"id": "E2",\r"start": "2024-13-01", "employment": "ambtenaar"}\n'
        '{"id": "E3", "start": "2024-01-15", "employment": "inhuur", "x": "a\u2028b"}\n'
        .encode(encoding, errors="replace"))
    employees, file = read(path, mapping)
    assert [e.id for e in employees] == ["E1", "E3"]
    assert lines(file) == [f'{path}: line 3: start: "2024-13-01" is not a date (formats tried: '
                           "%Y-%m-%d, %d-%m-%Y) [id 'E2']"]
    assert file.ids == {"E1": "line 1", "E2": "line 3", "E3": "line 4"}


def test_json_lines_a_line_that_does_not_decode_in_utf16(tmp_path: Path) -> None:
    """A UTF-16 line with a broken surrogate is a problem of that line; the rest is read."""
    good = '{"id": "E%d", "start": "2024-01-15", "employment": "ambtenaar"}\n'
    path = tmp_path / "p.jsonl"
    path.write_bytes((good % 1).encode("utf-16-le") + b'{\x00"\x00\x00\xd8x\x00"\x00}\x00\n\x00'
                     + (good % 3).encode("utf-16-le"))
    employees, file = read(path, ColumnMapping("m", {}, encoding="utf-16-le"))
    assert [e.id for e in employees] == ["E1", "E3"]
    assert lines(file) == [f"{path}: line 2: contains a byte that is not valid utf-16-le"]


# --- Excel ------------------------------------------------------------------------------------


def workbook(path: Path, rows: Sequence[Sequence[Any]], title: str = "Personeel",
             first: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if first is not None:
        sheet.title = first
        sheet = book.create_sheet(title)
    else:
        sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_excel_cells_of_every_kind(tmp_path: Path) -> None:
    """Excel: dates as datetime, whole floats as whole numbers, text, empty cells; blank rows
    are skipped and positions read "sheet Personeel, row 7"."""
    path = workbook(tmp_path / "p.xlsx", [
        [], ["id", "Naam", "start", "employment", "scale", None, "end"],
        [1001, "Jan", datetime(2024, 1, 15, 0, 0), "ambtenaar", 11.0],
        [None, None], ["  ", None, None],
        ["E2", "Piet", "15-02-2024", "Inhuur", "12", None, date(2024, 12, 31)],
        ["E3", "Kees", "31-02-2024", "ambtenaar", 12.5],
        [1001.0, "Jan", datetime(2024, 1, 15), "ambtenaar"],
    ])
    employees, file = read(path)
    assert employees == [
        ambtenaar("1001", date(2024, 1, 15), scale=11),
        Employee("E2", date(2024, 2, 15), EmploymentKind.INHUUR, end=date(2024, 12, 31),
                 scale=12),
    ]
    assert lines(file) == [
        f'{path}: sheet Personeel, row 7: start: "31-02-2024" is not a date (formats tried: '
        "%Y-%m-%d, %d-%m-%Y) [id 'E3']",
        f"{path}: sheet Personeel, row 7: scale: 12.5 is not a whole number [id 'E3']",
        f"{path}: sheet Personeel, row 8: id: id '1001' also on sheet Personeel, row 3 "
        "[id '1001']",
    ]
    assert lines(file, "nl")[2] == (f"{path}: blad Personeel, rij 8: id: id '1001' staat ook "
                                    "op blad Personeel, rij 3 [id '1001']")
    assert file.ids == {"1001": "Personeel row 3", "E2": "Personeel row 6",
                        "E3": "Personeel row 7"}


def test_the_workbook_is_closed_also_when_reading_stops_early(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook is closed after reading, and when the reading stops early."""
    closed: list[bool] = []
    load_workbook = openpyxl.load_workbook

    def spy(*args: Any, **kwargs: Any) -> Any:
        book = load_workbook(*args, **kwargs)
        close = book.close

        def closing() -> None:
            closed.append(True)
            close()

        monkeypatch.setattr(book, "close", closing)
        return book

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    path = workbook(tmp_path / "p.xlsx", [["id", "start", "employment"],
                                          ["E1", "2024-01-01", "ambtenaar"],
                                          ["E2", "2024-01-01", "ambtenaar"]])
    file = read_employees(path)
    assert len(file.load()) == 2 and closed == [True]
    employees = iter(file)
    assert next(employees).id == "E1"
    del employees
    gc.collect()
    assert closed == [True, True]


def test_excel_sheet_from_the_mapping(tmp_path: Path) -> None:
    """The mapping's sheet is read (else the first); an unknown one lists the sheets."""
    path = workbook(tmp_path / "p.xlsx", [["id", "start", "employment"],
                                          ["E1", "2024-01-01", "ambtenaar"]], first="Info")
    good = write(tmp_path / "good.toml", '[file]\nsheet = "Personeel"\n')
    assert read(path, good)[0] == [ambtenaar("E1", date(2024, 1, 1))]
    assert lines(read(path)[1])[0].startswith(f"{path}: sheet Info: the sheet is empty")
    bad = write(tmp_path / "bad.toml", '\n[file]\nsheet = "Personel"\n')
    assert lines(read(path, bad)[1]) == [
        f"{bad}: line 3: file.sheet: sheet \"Personel\" is not in {path}; did you mean "
        "'Personeel'? (sheets: \"Info\", \"Personeel\")"]


def test_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    """An .xlsx that is not a workbook is one problem, not a traceback."""
    path = write(tmp_path / "p.xlsx", "id,start\n")
    assert lines(read(path)[1]) == [
        f"{path}: not a readable Excel workbook (.xlsx) (BadZipFile)"]


def with_chart_sheet(path: Path, worksheets: Sequence[str], chart: str = "Grafiek") -> Path:
    """A workbook with a chart sheet first, then ``worksheets`` with a good row each (a
    workbook of only a chart sheet when there are none)."""
    book = openpyxl.Workbook()
    data = book.active
    assert data is not None
    data.append(["id", "start", "employment"])
    data.append(["E1", "2024-01-01", "ambtenaar"])
    for i, title in enumerate(worksheets):
        sheet = data if i == 0 else book.copy_worksheet(data)
        sheet.title = title
    chartsheet = book.create_chartsheet(chart, 0)
    bars = openpyxl.chart.BarChart()
    bars.add_data(openpyxl.chart.Reference(data, min_col=1, min_row=1, max_row=2))
    chartsheet.add_chart(bars)
    if not worksheets:
        book.remove(data)
    book.save(path)
    return path


def test_a_chart_sheet_is_not_read(tmp_path: Path) -> None:
    """The first worksheet is read, not a chart sheet; a chart sheet named or alone is a problem."""
    path = with_chart_sheet(tmp_path / "p.xlsx", ["Personeel", "Oud"])
    assert read(path)[0] == [ambtenaar("E1", date(2024, 1, 1))]

    mapping = write(tmp_path / "m.toml", '[file]\nsheet = "Grafiek"\n')
    employees, file = read(path, mapping)
    assert employees == []
    assert lines(file) == [
        f'{mapping}: line 2: file.sheet: sheet "Grafiek" of {path} is a chart sheet, not a '
        'worksheet with rows (worksheets: "Personeel", "Oud")']
    assert lines(file, "nl") == [
        f'{mapping}: regel 2: file.sheet: blad "Grafiek" van {path} is een grafiekblad, geen '
        'werkblad met rijen (werkbladen: "Personeel", "Oud")']

    charts = with_chart_sheet(tmp_path / "charts.xlsx", [])
    assert lines(read(charts)[1]) == [
        f'{charts}: the workbook has no worksheet, only chart sheets (sheets: "Grafiek")']
    assert lines(read(charts, mapping)[1]) == [
        f'{mapping}: line 2: file.sheet: sheet "Grafiek" of {charts} is a chart sheet, not a '
        "worksheet with rows (there is no worksheet)"]


def rewrite_zip(path: Path, member: str, change: Any) -> None:
    """Replace ``member`` of the zip at ``path`` by ``change(its bytes)``; None drops it."""
    with zipfile.ZipFile(path) as z:
        data = {name: z.read(name) for name in z.namelist()}
    data[member] = change(data[member])
    with zipfile.ZipFile(path, "w") as z:
        for name, content in data.items():
            if content is not None:
                z.writestr(name, content)


def test_a_truncated_or_corrupt_workbook(tmp_path: Path) -> None:
    """A truncated or damaged .xlsx is one problem naming the error's type, never its text."""
    rows: list[list[Any]] = [["id", "Naam", "start", "employment"],
                             ["E1", 1, "2024-01-01", "ambtenaar"],
                             ["E2", 2, "2024-01-01", "ambtenaar"],
                             ["E3", 3, "2024-01-01", "ambtenaar"]]
    whole = workbook(tmp_path / "whole.xlsx", rows).read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(whole[:len(whole) // 2])
    assert lines(read(truncated)[1]) == [
        f"{truncated}: not a readable Excel workbook (.xlsx) (BadZipFile)"]

    corrupt = workbook(tmp_path / "corrupt.xlsx", rows)
    rewrite_zip(corrupt, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b"<v>2</v>", f"<v>{SENTINEL_NAME}</v>".encode()))
    with pytest.raises(ValueError, match="Sentinel"):  # openpyxl's message quotes the cell
        list(openpyxl.load_workbook(corrupt, read_only=True).active.values)  # type: ignore[union-attr]
    employees, file = read(corrupt)
    assert [e.id for e in employees] == ["E1"]
    assert lines(file) == [f"{corrupt}: sheet Personeel, row 3: cannot read on (ValueError); "
                           "the rest of the sheet was not read"]
    assert_no_sentinel(*lines(file), *lines(file, "nl"))

    damaged = workbook(tmp_path / "damaged.xlsx", rows)  # its one sheet's part is missing
    rewrite_zip(damaged, "xl/worksheets/sheet1.xml", lambda xml: None)
    assert lines(read(damaged)[1]) == [
        f"{damaged}: the workbook has no sheet at all (is the file damaged?)"]


def test_excel_needs_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without openpyxl, reading .xlsx is one InputError line naming the extra."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(InputError) as info:
        read_employees(tmp_path / "p.xlsx")
    assert str(info.value) == (f"{tmp_path / 'p.xlsx'}: reading Excel needs the extra 'excel': "
                               "pip install 'integriteit[excel]'")
    assert "pip install 'integriteit[excel]'" in info.value.render("nl")


# --- the mapping file ---------------------------------------------------------------------------


def test_the_example_mapping_and_export(tmp_path: Path) -> None:
    """examples/personeel.csv reads through examples/kolommen.toml without problems."""
    mapping = load_mapping(EXAMPLES / "kolommen.toml")
    assert (mapping.delimiter, mapping.encoding) == (";", "cp1252")
    assert mapping.values["employment"]["vast"] == "ambtenaar"
    assert mapping.lines["columns.start"] == 9
    employees, file = read(EXAMPLES / "personeel.csv", mapping)
    assert file.problems == [] and len(employees) == 15
    kinds = {e.employment for e in employees}
    assert {EmploymentKind.AMBTENAAR, EmploymentKind.INHUUR,
            EmploymentKind.UITZENDKRACHT} <= kinds
    assert any(e.end is not None for e in employees)


@pytest.mark.parametrize(("toml", "expected"), [
    ('[columns]\nid = "A"\nstart = \n', "line 3: not valid TOML: Invalid value"),
    ("[column]\n", 'line 1: column: unknown section "column"; did you mean \'columns\'? '
                   "(sections: file, columns, dates, values)"),
    ('[file]\n\ndelimeter = ";"\n', 'line 3: file.delimeter: unknown key "delimeter"; did you '
                                    "mean 'delimiter'? (keys: delimiter, encoding, sheet)"),
    ('[dates]\nformat = ["%d-%m-%Y"]\n', 'line 2: dates.format: unknown key "format"; did you '
                                         "mean 'formats'? (keys: formats)"),
    ('[columns]\nid = "A"\nstart = "B"\nemployment = "C"\nstrat = "D"\n',
     'line 5: columns.strat: unknown field "strat"; did you mean \'start\'? (fields: id, start, '
     "employment, end, oath_date, oath_form, oath_earlier_employment, "
     "oath_earlier_start, function, scale, integriteitsverklaring, "
     "workshop)"),
    ('[values.employmnet]\n"Vast" = "ambtenaar"\n',
     'line 1: values.employmnet: unknown field "employmnet"; did you mean \'employment\'?'),
    ('[values.employment]\n"Vast" = "ambtenaar"\n"Inhuur" = "inhure"\n',
     'line 3: values.employment.Inhuur: "inhure" is not a value of employment; did you mean '
     "'inhuur'? (values: ambtenaar, inhuur, uitzendkracht, gedetacheerd, stagiair)"),
    ('[values.employment]\n"Vast" = "ambtenaar"\n" vast" = "inhuur"\n',
     'line 3: values.employment. vast: " vast" is the same word as "Vast" (case and spaces '
     "do not count), but with another value"),
    ('[values.start]\n"nu" = "2024-01-01"\n',
     "line 1: values.start: [values] only for text fields (id, employment, oath_form, "
     "function), not for start"),
    ('[values.employment]\n"Vast" = 1\n', "line 2: values.employment.Vast: must be a quoted "
                                          "string"),
    ('[dates]\nformats = "%d-%m-%Y"\n', "line 2: dates.formats: must be a list of strings"),
    ('[dates]\nformats = [\n  "%d-%m-%Y",\n  1,\n]\n',
     "line 2: dates.formats: must be a list of strings"),
    ('[dates]\nformats = ["%d-%m"]\n', 'line 2: dates.formats: "%d-%m" lacks a year (%Y or %y)'),
    ('[dates]\nformats = ["%Y"]\n', 'line 2: dates.formats: "%Y" lacks a day (%d) and a month '
                                    "(%m, %b or %B)"),
    ('[dates]\nformats = ["%d-%m-%Y %Q"]\n', 'line 2: dates.formats: "%d-%m-%Y %Q" is not a '
                                             "usable date format"),
    ('[dates]\nformats = []\n', "line 2: dates.formats: give at least one date format"),
    ('[file]\ndelimiter = ";;"\n', 'line 2: file.delimiter: ";;" is not a delimiter: give one '
                                   "character"),
    ('[file]\ndelimiter = "\\""\n', "line 2: file.delimiter: "),
    ('[file]\nencoding = "cp-1252x"\n', 'line 2: file.encoding: unknown text encoding '
                                        '"cp-1252x" (e.g. utf-8, cp1252)'),
    ('[file]\nencoding = "hex"\n', 'line 2: file.encoding: unknown text encoding "hex"'),
    ('[file]\nsheet = 3\n', "line 2: file.sheet: must be a quoted string"),
    ('columns = 3\n', "line 1: columns: must be a table: [columns]"),
    ('[columns]\nid = "A"\nemployment = "C"\n',
     "line 1: columns: no column for the required field start (required: id, start, "
     "employment)"),
    ('[columns]\nid = "A"\nstart = "B"\nemployment = "C"\noath_date = "D"\n',
     "line 5: columns.oath_date: oath_date without oath_form: they go together; give both "
     "columns"),
    ('[columns]\nid = " "\nstart = "B"\nemployment = "C"\n',
     "line 2: columns.id: the header is empty"),
    ('columns = { id = "A", start = "B", employment = "C", strat = "D" }\n',
     'line 1: columns.strat: unknown field "strat"'),
    ('[values]\nemployment = { "Vast" = "amtenaar" }\n',
     'line 2: values.employment.Vast: "amtenaar" is not a value of employment'),
])
def test_mapping_problems_name_the_file_and_line(tmp_path: Path, toml: str,
                                                 expected: str) -> None:
    """Every mapping problem is one line naming the mapping file and the line."""
    path = write(tmp_path / "m.toml", toml)
    errors = mapping_errors(path)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{path}: {expected}"), errors[0]


def test_mapping_problems_in_dutch(tmp_path: Path) -> None:
    """Mapping problems read in Dutch too."""
    path = write(tmp_path / "m.toml", '[columns]\nid = "A"\nstart = "B"\nemployment = "C"\n'
                 'strat = "D"\n[file]\ndelimiter = ""\n')
    with pytest.raises(InputError) as info:
        load_mapping(path)
    assert info.value.render("nl").splitlines() == [
        f'{path}: regel 7: file.delimiter: "" is geen scheidingsteken: geef één teken, bijv. '
        '";" of "\\t" (geen aanhalingsteken of regeleinde)',
        f"{path}: regel 5: columns.strat: onbekend veld \"strat\"; bedoelt u 'start'? (velden: "
        "id, start, employment, end, oath_date, oath_form, oath_earlier_employment, "
        "oath_earlier_start, function, scale, "
        "integriteitsverklaring, workshop)"]


def test_a_mapping_file_that_cannot_be_read(tmp_path: Path) -> None:
    """A missing mapping file, or one that is not UTF-8, is one problem."""
    assert mapping_errors(tmp_path / "none.toml") == [
        f"{tmp_path / 'none.toml'}: cannot read the file (No such file or directory)"]
    path = tmp_path / "m.toml"
    path.write_bytes(b'[file]\nsheet = "Blad \xe9"\n')
    assert mapping_errors(path) == [f"{path}: line 2: not UTF-8 text (TOML is always UTF-8)"]


def test_a_mapping_built_in_python_is_checked(tmp_path: Path) -> None:
    """A ColumnMapping made in Python is checked when the file is opened."""
    mapping = ColumnMapping("mine", {"id": "A", "start": "B", "employment": "C"},
                            values={"employment": {"vast": "ambtenaar", "x": "extern"}})
    with pytest.raises(InputError) as info:
        read_employees(tmp_path / "p.csv", mapping)
    assert str(info.value).startswith(
        'mine: values.employment.x: "extern" is not a value of employment')


def test_one_header_for_two_fields_is_a_mapping_problem(tmp_path: Path) -> None:
    """A header mapped to two fields is a problem naming the header and both keys' lines."""
    path = write(tmp_path / "m.toml", '[columns]\nid = "Nr"\nstart = "Datum"\n'
                 'employment = "Soort"\n\nworkshop = " Datum "\nend = "Nr"\nstrat = "Nr"\n')
    assert mapping_errors(path) == [
        f'{path}: line 6: columns.workshop: header "Datum" is already given for start '
        "(columns.start, line 3); one column cannot be two fields",
        f'{path}: line 7: columns.end: header "Nr" is already given for id (columns.id, '
        "line 2); one column cannot be two fields",
        f"{path}: line 8: columns.strat: unknown field \"strat\"; did you mean 'start'? "
        "(fields: id, start, employment, end, oath_date, oath_form, oath_earlier_employment, "
        "oath_earlier_start, function, scale, "
        "integriteitsverklaring, workshop)"]
    with pytest.raises(InputError) as info:
        load_mapping(path)
    assert info.value.render("nl").splitlines()[0] == (
        f'{path}: regel 6: columns.workshop: kopje "Datum" is al gegeven voor start '
        "(columns.start, regel 3); één kolom kan niet twee velden zijn")
    in_code = ColumnMapping("mine", {"id": "A", "start": "B", "employment": "C",
                                     "workshop": "B"})
    with pytest.raises(InputError) as info:
        read_employees(tmp_path / "p.csv", in_code)
    assert str(info.value) == ('mine: columns.workshop: header "B" is already given for start '
                               "(columns.start); one column cannot be two fields")


def test_a_mapping_without_columns_uses_our_field_names(tmp_path: Path) -> None:
    """A mapping with no [columns] reads our field names as headers, in its own dialect."""
    mapping = write(tmp_path / "m.toml", '[file]\ndelimiter = "|"\n[dates]\n'
                    'formats = ["%d/%m/%Y"]\n')
    path = write(tmp_path / "p.csv", "id|start|employment\nE1|01/02/2024|ambtenaar\n")
    assert read(path, mapping)[0] == [ambtenaar("E1", date(2024, 2, 1))]


# --- data minimisation -------------------------------------------------------------------------

SENTINEL_NAME = "Sentinel Jansen-Privé"
SENTINEL_BSN = "999999990"


def assert_no_sentinel(*texts: str) -> None:
    for text in texts:
        assert SENTINEL_NAME not in text and SENTINEL_BSN not in text, text
        assert "Sentinel" not in text and "99999999" not in text, text


def sentinel_rows() -> list[list[Any]]:
    header = ["Personeelsnummer", "Naam", "BSN", "Datum in dienst", "Soort dienstverband",
              "Datum eed/belofte", "Eed of belofte"]
    return [
        header,
        ["E1", SENTINEL_NAME, SENTINEL_BSN, "01-02-2024", "Vast", "01-03-2024", "E"],
        ["E2", SENTINEL_NAME, SENTINEL_BSN, "31-02-2024", "Vast", "", ""],
        ["E3", SENTINEL_NAME, SENTINEL_BSN, "01-02-2024", "Onbekend", "01-03-2024", ""],
        ["E1", SENTINEL_NAME, SENTINEL_BSN, "01-02-2024", "Vast", "", ""],
        ["", SENTINEL_NAME, SENTINEL_BSN, "", "", "", ""],
        ["E5", SENTINEL_NAME, SENTINEL_BSN, "01-02-2024", "Inhuur", "", ""],
    ]


def check_sentinel(path: Path, mapping: Path | ColumnMapping) -> None:
    file = read_employees(path, mapping)
    employees = list(file)
    assert [e.id for e in employees] == ["E1", "E5"]
    assert file.problem_count >= 5
    texts = [repr(e) for e in employees] + [repr(file), repr(file.ids), repr(file.problems)]
    texts += [p.render(lang) for p in file.problems for lang in LANGS]
    with pytest.raises(InputError) as info:
        file.load()
    texts += [str(info.value), info.value.render("nl"), repr(info.value)]
    assert_no_sentinel(*texts)


def test_sentinel_never_leaves_an_unmapped_column(tmp_path: Path) -> None:
    """A name and BSN in unmapped columns appear in no problem, exception or repr (AVG)."""
    mapping = write(tmp_path / "m.toml", MAPPING.replace(
        'end = "Datum uit dienst"\n', "").replace('"Inhuur" = "inhuur"',
                                                  '"Inhuur" = "inhuur"\n"Extern" = "inhuur"'))
    rows = sentinel_rows()
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(rows)
    # A name with an unquoted delimiter shifts the row: still nothing of it is shown.
    text.write(f"E6;{SENTINEL_NAME};x;{SENTINEL_BSN};01-02-2024;Vast;;\r\n")
    text.write(f"E7;{SENTINEL_NAME}\r\n")
    csv_path = write(tmp_path / "p.csv", text.getvalue())
    check_sentinel(csv_path, mapping)

    jsonl = tmp_path / "p.jsonl"
    header, *data = rows
    jsonl.write_text("".join(json.dumps(dict(zip(header, row, strict=True))) + "\n"
                             for row in data)
                     + json.dumps({"Personeelsnummer": "E8", "Naam": SENTINEL_NAME,
                                   "Datum in dienst": {"naam": SENTINEL_NAME}}) + "\n",
                     encoding="utf-8")
    check_sentinel(jsonl, mapping)

    xlsx = workbook(tmp_path / "p.xlsx", [[c or None for c in row] for row in rows])
    check_sentinel(xlsx, mapping)


def test_sentinel_in_a_first_line_that_is_no_header(tmp_path: Path, kolommen: Path) -> None:
    """When no mapped header is found, the first line (perhaps data) is not shown."""
    path = write(tmp_path / "p.csv", f"E1;{SENTINEL_NAME};{SENTINEL_BSN};01-02-2024\n")
    _, file = read(path, kolommen)
    assert file.problem_count == 6
    assert_no_sentinel(*lines(file), *lines(file, "nl"))
    assert "none of the mapping's headers is there (line 1: 4 cells)" in lines(file)[0]


# --- never an exception -------------------------------------------------------------------------

GOOD_ROWS = [["id", "Naam", "start", "employment"],
             ["E1", SENTINEL_NAME, "2024-01-01", "ambtenaar"],
             ["E2", SENTINEL_NAME, "2024-01-01", "ambtenaar"],
             ["E3", SENTINEL_NAME, "2024-01-01", "ambtenaar"]]


def good_export(folder: Path, ext: str) -> Path:
    """GOOD_ROWS as a .csv, .jsonl or .xlsx file."""
    header, *data = GOOD_ROWS
    if ext == ".csv":
        return write(folder / "p.csv", "".join(",".join(r) + "\n" for r in GOOD_ROWS))
    if ext == ".jsonl":
        return write(folder / "p.jsonl", "".join(
            json.dumps(dict(zip(header, r, strict=True))) + "\n" for r in data))
    return workbook(folder / "p.xlsx", GOOD_ROWS)


SECOND_ROW = {".csv": "line 3", ".jsonl": "line 2", ".xlsx": "sheet Personeel, row 3"}


@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".xlsx"])
def test_an_error_in_one_row_rejects_that_row_only(tmp_path: Path, ext: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception in a row is a problem of that row (its type); reading goes on."""
    path = good_export(tmp_path, ext)
    build = EmployeeFile._build

    def failing(self: EmployeeFile, plan: Any, cells: Sequence[Any], n: int,
                problems: list[Problem] | None = None) -> Any:
        if "E2" in cells:
            raise ValueError(f"{SENTINEL_NAME} {SENTINEL_BSN}")
        return build(self, plan, cells, n, problems)

    monkeypatch.setattr(EmployeeFile, "_build", failing)
    employees, file = read(path)
    assert [e.id for e in employees] == ["E1", "E3"]
    assert (file.rows, file.rejected) == (3, 1)
    assert lines(file) == [f"{path}: {SECOND_ROW[ext]}: unexpected error while reading this "
                           "row (ValueError); the row is not read"]
    assert "onverwachte fout bij het lezen van deze rij (ValueError)" in lines(file, "nl")[0]
    assert_no_sentinel(*lines(file), *lines(file, "nl"))


class FailingFile:
    """A text file that raises, with the file's text in the message, after ``after`` lines."""

    def __init__(self, file: Any, after: int) -> None:
        self.file = file
        self.after = after

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def __iter__(self) -> FailingFile:
        return self

    def __next__(self) -> str:
        if not self.after:
            raise RuntimeError(f"{SENTINEL_NAME} {SENTINEL_BSN}")
        self.after -= 1
        return str(next(self.file))


@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".xlsx"])
def test_a_reader_that_fails_mid_file_is_one_problem(tmp_path: Path, ext: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A file or sheet raising mid-file is one problem naming where and the type, never its text."""
    path = good_export(tmp_path, ext)
    if ext == ".xlsx":
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        iter_rows = ReadOnlyWorksheet.iter_rows

        def failing_rows(self: Any, *args: Any, **kwargs: Any) -> Any:
            yield from itertools.islice(iter_rows(self, *args, **kwargs), 2)
            raise RuntimeError(f"{SENTINEL_NAME} {SENTINEL_BSN}")

        monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", failing_rows)
    else:
        open_ = Path.open

        def failing_open(self: Path, *args: Any, **kwargs: Any) -> FailingFile:
            return FailingFile(open_(self, *args, **kwargs), 2 if ext == ".csv" else 1)

        monkeypatch.setattr(Path, "open", failing_open)
    employees, file = read(path)
    assert [e.id for e in employees] == ["E1"]
    assert file.rows == 1 and file.rejected == 0
    rest = "sheet" if ext == ".xlsx" else "file"
    assert lines(file) == [f"{path}: {SECOND_ROW[ext]}: cannot read on (RuntimeError); the "
                           f"rest of the {rest} was not read"]
    assert_no_sentinel(*lines(file), *lines(file, "nl"))


@pytest.mark.parametrize("ext", [".csv", ".xlsx"])
def test_any_other_error_while_reading_is_one_problem(tmp_path: Path, ext: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception elsewhere in reading is one problem naming the file and its type, no raise."""
    path = good_export(tmp_path, ext)

    def failing_plan(self: EmployeeFile, *args: Any, **kwargs: Any) -> Any:
        raise KeyError(SENTINEL_NAME)

    monkeypatch.setattr(EmployeeFile, "_header_plan", failing_plan)
    employees, file = read(path)
    assert employees == [] and file.rows == 0
    assert lines(file) == [f"{path}: unexpected error while reading (KeyError); the rest of "
                           "the file was not read"]
    assert lines(file, "nl") == [f"{path}: onverwachte fout bij het lezen (KeyError); de rest "
                                 "van het bestand is niet gelezen"]


# --- fuzzing ------------------------------------------------------------------------------------


def read_everything(path: Path, mapping: ColumnMapping | None = None) -> EmployeeFile:
    file = read_employees(path, mapping)
    yielded = sum(1 for _ in file)
    assert file.rows == yielded + file.rejected
    assert file.problem_count == len(file.problems) or len(file.problems) == 1000
    for problem in file.problems:
        for lang in LANGS:
            assert len(problem.render(lang).splitlines()) == 1
    return file


@given(st.binary(max_size=400), st.sampled_from([".csv", ".jsonl", ".xlsx", ".tsv"]),
       st.sampled_from([None, "cp1252", "utf-16", "latin-1"]), st.booleans())
def test_random_bytes_give_problems_never_exceptions(data: bytes, ext: str,
                                                     encoding: str | None,
                                                     with_header: bool) -> None:
    """Random bytes in any format: iteration never raises; every row is accounted for."""
    if with_header:
        data = b"id,start,employment,oath_date,oath_form\n" + data
    mapping = ColumnMapping("m", {}, encoding=encoding) if encoding else None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"p{ext}"
        path.write_bytes(data)
        read_everything(path, mapping)


cell = st.one_of(st.text(max_size=12), st.sampled_from(
    ["ambtenaar", "Vast", "2024-01-01", "31-12-2024", "31-02-2024", "E1", "eed", "", " "]))


@given(st.lists(st.lists(cell, max_size=7), max_size=12),
       st.sampled_from([",", ";", "\t", "|"]))
def test_random_cells_give_problems_never_exceptions(rows: list[list[str]],
                                                     delimiter: str) -> None:
    """Random cells under a good header: problems, never exceptions."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(["id", "start", "employment", "oath_date", "oath_form", "scale", "end"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.csv"
        path.write_text(text.getvalue(), encoding="utf-8")
        read_everything(path)


# --- round trip -------------------------------------------------------------------------------

plain = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Zs",
                                                                "Co", "Cn", "Cf"),
                              include_characters=" ,;|\"'"),
                min_size=1, max_size=8).map(str.strip).filter(lambda s: s and s[0] != "=")
days = st.dates(date(1950, 1, 1), date(2099, 12, 31))


def _earlier(e: Employee, flag: bool, back: int | None) -> Employee:
    """A re-hire's oath of an earlier employment, where the oath is dated before the start."""
    if e.oath is None or e.oath.date >= e.start or not (flag or back is not None):
        return e
    earlier_start = None if back is None else e.start - timedelta(days=back)
    return attrs.evolve(e, oath=attrs.evolve(e.oath, earlier_employment=flag,
                                             earlier_start=earlier_start))


employees = st.builds(
    lambda e, later, flag, back: _earlier(
        attrs.evolve(e, end=e.start + later) if later is not None else e, flag, back),
    st.builds(Employee, id=plain, start=days, employment=st.sampled_from(EmploymentKind),
              oath=st.none() | st.builds(Oath, days, st.sampled_from(OathForm)),
              function=st.none() | plain, scale=st.none() | st.integers(-99, 10**9),
              integriteitsverklaring=st.none() | days, workshop=st.none() | days),
    st.none() | st.timedeltas(timedelta(0), timedelta(days=3000)), st.booleans(),
    st.none() | st.integers(1, 3000))


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@given(st.lists(employees, min_size=1, max_size=5),
       st.lists(plain, min_size=len(FIELDS), max_size=len(FIELDS)),
       st.lists(plain, min_size=7, max_size=7),
       st.sampled_from([".csv", ".jsonl", ".xlsx"]), st.sampled_from([",", ";", "\t", "|"]))
def test_round_trip_through_a_generated_mapping(people: list[Employee], headers: list[str],
                                                words: list[str], ext: str,
                                                delimiter: str) -> None:
    """Employees written to CSV, JSONL or XLSX with a generated mapping and Dutch dates read
    back equal."""
    # Unique ids, headers and words (as the reader compares them), still of random text.
    people = [attrs.evolve(e, id=f"{e.id}-{i}") for i, e in enumerate(people)]
    headers = [f"{h}.{i}" for i, h in enumerate(headers)]
    words = [f"{w}~{i}" for i, w in enumerate(words)]
    header = dict(zip(FIELDS, headers, strict=True))
    kinds = list(EmploymentKind)
    forms = list(OathForm)
    kind_word = {k: words[i] for i, k in enumerate(kinds)}
    form_word = {f: words[len(kinds) + i] for i, f in enumerate(forms)}
    toml = [f"[file]\ndelimiter = {toml_string(delimiter)}\n", "[columns]"]
    toml += [f"{name} = {toml_string(h)}" for name, h in header.items()]
    toml += ['[dates]\nformats = ["%d-%m-%Y"]', "[values.employment]"]
    toml += [f"{toml_string(w)} = {toml_string(k.value)}" for k, w in kind_word.items()]
    toml += ["[values.oath_form]"]
    toml += [f"{toml_string(w)} = {toml_string(f.value)}" for f, w in form_word.items()]

    def cells(e: Employee) -> dict[str, Any]:
        def day(d: date | None) -> Any:
            return d.strftime("%d-%m-%Y") if d is not None and ext != ".xlsx" else d
        return {"id": e.id, "start": day(e.start), "employment": kind_word[e.employment],
                "end": day(e.end), "oath_date": day(e.oath.date if e.oath else None),
                "oath_form": form_word[e.oath.form] if e.oath else None,
                "oath_earlier_employment": ("ja" if e.oath.earlier_employment else "nee")
                if e.oath else None,
                "oath_earlier_start": day(e.oath.earlier_start if e.oath else None),
                "function": e.function, "scale": e.scale,
                "integriteitsverklaring": day(e.integriteitsverklaring),
                "workshop": day(e.workshop)}

    with tempfile.TemporaryDirectory() as tmp:
        mapping_path = Path(tmp) / "m.toml"
        mapping_path.write_text("\n".join(toml) + "\n", encoding="utf-8")
        path = Path(tmp) / f"p{ext}"
        rows = [cells(e) for e in people]
        if ext == ".csv":
            with path.open("w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, delimiter=delimiter)
                writer.writerow(["BSN", *header.values()])
                writer.writerows(["x", *("" if r[n] is None else r[n] for n in FIELDS)]
                                 for r in rows)
        elif ext == ".jsonl":
            path.write_text("".join(json.dumps({header[n]: r[n] for n in FIELDS}) + "\n"
                                    for r in rows), encoding="utf-8")
        else:
            workbook(path, [list(header.values())] + [[r[n] for n in FIELDS] for r in rows])
        file = read_employees(path, mapping_path)
        assert file.load() == tuple(people)
