"""Reading documents and bad input: every problem is an InputError naming where and what.

The three ways in (``load(path)``, ``loads(text)``, ``from_dict(data)``) and ``check_employee``
report problems as lines ``source: path: message [id 'record']``, in Dutch and English.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

import integriteit
from integriteit import (
    Channel,
    Document,
    Employee,
    EmploymentKind,
    EntryKind,
    Facts,
    InputError,
    IntegriteitError,
    Meldprocedure,
    Oath,
    OathForm,
    Organisation,
    OrganisationKind,
    PolicySettings,
    Problem,
    RegisterEntry,
    Text,
)

GOOD: dict[str, Any] = {
    "organisation": {"name": "Gemeente Voorbeeld", "kind": "gemeente", "headcount": 120},
    "employees": [
        {"id": "P1", "start": "2024-01-15", "employment": "ambtenaar",
         "oath": {"date": "2024-02-01", "form": "eed"}},
        {"id": "P2", "start": "2024-02-01", "employment": "inhuur", "end": "2024-12-31"},
        {"id": "P3", "start": "2024-03-01", "employment": "ambtenaar"},
        {"id": "P4", "start": "2024-04-01", "employment": "stagiair"},
    ],
    "policy": {"oath_term_months": 3},
}

GOOD_DOC = Document(
    Organisation("Gemeente Voorbeeld", OrganisationKind.GEMEENTE, 120),
    (
        Employee("P1", date(2024, 1, 15), EmploymentKind.AMBTENAAR,
                 oath=Oath(date(2024, 2, 1), OathForm.EED)),
        Employee("P2", date(2024, 2, 1), EmploymentKind.INHUUR, end=date(2024, 12, 31)),
        Employee("P3", date(2024, 3, 1), EmploymentKind.AMBTENAAR),
        Employee("P4", date(2024, 4, 1), EmploymentKind.STAGIAIR),
    ),
    PolicySettings(3),
)


def good() -> dict[str, Any]:
    return copy.deepcopy(GOOD)


def problems(data: Any) -> list[Problem]:
    """The problems ``from_dict`` reports for ``data`` (it must raise)."""
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    assert info.value.problems
    return list(info.value.problems)


def only_problem(data: Any) -> Problem:
    [problem] = problems(data)
    return problem


def text_problems(text: str | bytes) -> list[Problem]:
    with pytest.raises(InputError) as info:
        integriteit.loads(text)
    return list(info.value.problems)


# --- the ways in -----------------------------------------------------------------------------


def test_valid_document_reads_the_same_from_path_text_and_dict(tmp_path: Path) -> None:
    """``load``, ``loads`` and ``from_dict`` give the same document."""
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    assert integriteit.from_dict(good()) == GOOD_DOC
    assert integriteit.loads(json.dumps(GOOD)) == GOOD_DOC
    assert integriteit.loads(json.dumps(GOOD).encode()) == GOOD_DOC
    assert integriteit.load(path) == GOOD_DOC
    assert integriteit.load(str(path)) == GOOD_DOC


def test_optional_parts_may_be_left_out_or_null() -> None:
    """Only the organisation's name and kind are required; optional fields may be null."""
    minimal = integriteit.from_dict({"organisation": {"name": "X", "kind": "rijk"}})
    assert minimal == Document(Organisation("X", OrganisationKind.RIJK))
    nulls = integriteit.from_dict({
        "$schema": None,
        "organisation": {"name": "X", "kind": "rijk", "headcount": None},
        "employees": [{"id": "A", "start": "2024-01-01", "employment": "ambtenaar",
                       "end": None, "oath": None}],
        "policy": {"oath_term_months": None},
    })
    assert nulls.employees[0].oath is None
    assert nulls.policy == PolicySettings()


def test_register_and_facts_read_the_same_from_path_text_and_dict(tmp_path: Path) -> None:
    """The register and the organisation's facts load into the model by every way in."""
    data = {**good(),
            "register": [{"id": "R-1", "kind": "misstand", "received": "2024-03-04",
                          "channel": "werkgever", "acknowledged": "2024-03-08",
                          "feedback": None, "anonymous": True},
                         {"id": "R-2", "kind": "gesprek", "received": "2024-03-05",
                          "channel": "vertrouwenspersoon_extern", "closed": "2024-03-05"}],
            "facts": {"meldprocedure": {"adopted": "2023-05-01", "functionaris": False,
                                        "register_kept": None}}}
    expected = attrs.evolve(
        GOOD_DOC,
        register=(RegisterEntry("R-1", EntryKind.MISSTAND, date(2024, 3, 4), Channel.WERKGEVER,
                                anonymous=True, acknowledged=date(2024, 3, 8)),
                  RegisterEntry("R-2", EntryKind.GESPREK, date(2024, 3, 5),
                                Channel.VERTROUWENSPERSOON_EXTERN, closed=date(2024, 3, 5))),
        facts=Facts(Meldprocedure(adopted=date(2023, 5, 1), functionaris=False)))
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert integriteit.from_dict(data) == expected
    assert integriteit.loads(json.dumps(data)) == expected
    assert integriteit.load(path) == expected
    assert integriteit.loads(integriteit.dumps(expected)) == expected


@pytest.mark.parametrize(("data", "path", "message"), [
    ({"register": None}, "register", "the value is not a list"),
    ({"facts": None}, "facts", "null is not an object"),
    ({"facts": {"meldprocedure": []}}, "facts.meldprocedure", "[] is not an object"),
    ({"facts": {"meldprocedure": {"functionaris": "ja"}}}, "facts.meldprocedure.functionaris",
     '"ja" is not true or false'),
])
def test_register_and_facts_have_their_shapes(data: dict[str, Any], path: str,
                                              message: str) -> None:
    """``register`` is a list and ``facts`` an object, never null; yes/no is true or false."""
    p = only_problem({**good(), **data})
    assert (p.path, p.message.en) == (path, message)


def test_schema_key_is_accepted_and_kept() -> None:
    """The ``$schema`` key is allowed so editors can validate the file."""
    doc = integriteit.from_dict({**good(), "$schema": "document.schema.json"})
    assert doc.schema == "document.schema.json"


def test_file_with_utf8_byte_order_mark_is_read(tmp_path: Path) -> None:
    """A file saved with a UTF-8 byte order mark (e.g. by Notepad) is read."""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    assert integriteit.load(path) == GOOD_DOC


def test_non_ascii_text_is_read_from_a_file(tmp_path: Path) -> None:
    """Names with accents survive a file round trip."""
    path = tmp_path / "doc.json"
    data = good()
    data["organisation"]["name"] = "Gemeente Súdwest-Fryslân"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert integriteit.load(path).organisation.name == "Gemeente Súdwest-Fryslân"


# --- files and JSON --------------------------------------------------------------------------


def test_file_that_does_not_exist(tmp_path: Path) -> None:
    """A missing file is an InputError naming the file, not an OSError."""
    path = tmp_path / "nope.json"
    with pytest.raises(InputError) as info:
        integriteit.load(path)
    [p] = info.value.problems
    assert p.source == str(path)
    assert p.path == ""
    assert p.render("en") == f"{path}: cannot read the file (No such file or directory)"
    assert p.render("nl") == f"{path}: kan het bestand niet lezen (No such file or directory)"


def test_directory_is_not_a_readable_file(tmp_path: Path) -> None:
    """A directory given as the file is an InputError."""
    with pytest.raises(InputError, match="cannot read the file"):
        integriteit.load(tmp_path)


def test_empty_file_is_not_valid_json(tmp_path: Path) -> None:
    """An empty file is malformed JSON at line 1 column 1."""
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(InputError) as info:
        integriteit.load(path)
    [p] = info.value.problems
    assert p.source == str(path)
    assert p.path == Text("regel 1 kolom 1", "line 1 column 1")
    assert p.message.en == "not valid JSON: Expecting value"
    assert p.message.nl == "geen geldige JSON: hier hoort een waarde"


def test_malformed_json_names_line_and_column() -> None:
    """Malformed JSON (a trailing comma) is reported with its line and column."""
    [p] = text_problems('{"organisation": {\n  "name": "X",\n}\n')
    assert p.render("en") == (
        "<string>: line 3 column 1: not valid JSON: Expecting property name enclosed in "
        "double quotes")
    assert p.render("nl") == ("<string>: regel 3 kolom 1: geen geldige JSON: hier hoort een "
                              "sleutel tussen dubbele aanhalingstekens")


@pytest.mark.parametrize("text", ["", "   ", "{", "{'a': 1}", "[1, 2", "nul", "{} {}"])
def test_malformed_json_is_input_error(text: str) -> None:
    """Anything that is not JSON is one InputError problem saying so."""
    [p] = text_problems(text)
    assert isinstance(p.path, Text) and p.path.en.startswith("line ")
    assert p.path.nl.startswith("regel ")
    assert p.message.en.startswith("not valid JSON: ")
    assert p.message.nl.startswith("geen geldige JSON: ")


def test_non_utf8_bytes_are_input_error(tmp_path: Path) -> None:
    """A file in Latin-1 (not UTF-8) is an InputError, not a UnicodeDecodeError."""
    path = tmp_path / "latin1.json"
    path.write_bytes('{"organisation": {"name": "Gemeente Súdwest", "kind": "gemeente"}}'
                     .encode("latin-1"))
    with pytest.raises(InputError) as info:
        integriteit.load(path)
    [p] = info.value.problems
    assert p.render("en") == f"{path}: not UTF-8 text (invalid start byte)"
    assert p.render("nl") == f"{path}: geen UTF-8-tekst (invalid start byte)"


def test_same_problems_from_path_text_and_dict(tmp_path: Path) -> None:
    """The three ways in report the same problems; only the source differs."""
    data = good()
    data["employees"][3]["start"] = "2024-13-01"
    data["employees"][1]["employment"] = "zzp"
    data["employees"][2]["id"] = "P1"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    for source, read in [(str(path), lambda: integriteit.load(path)),
                         ("<string>", lambda: integriteit.loads(json.dumps(data))),
                         ("<dict>", lambda: integriteit.from_dict(data))]:
        with pytest.raises(InputError) as info:
            read()
        assert {p.source for p in info.value.problems} == {source}
        found[source] = [(p.path, p.message.en, p.record) for p in info.value.problems]
    first, *others = found.values()
    assert all(other == first for other in others)
    assert [p for p, _, _ in first] == ["employees[1].employment", "employees[3].start"]


def test_text_source_can_be_named() -> None:
    """``loads(..., source=...)`` names the input in problems."""
    with pytest.raises(InputError) as info:
        integriteit.loads("[]", source="upload.json")
    assert info.value.problems[0].render("en") == "upload.json: [] is not an object"


@pytest.mark.parametrize(
    ("value", "shown"),
    [([], "[]"), ("text", '"text"'), (1, "1"), (None, "null"), (True, "true")],
)
def test_top_level_must_be_an_object(value: Any, shown: str) -> None:
    """The document itself must be a JSON object."""
    p = only_problem(value)
    assert p.path == ""
    assert p.render("en") == f"<dict>: {shown} is not an object"
    assert p.render("nl") == f"<dict>: {shown} is geen object"
    [q] = text_problems(json.dumps(value))
    assert q.render("en") == f"<string>: {shown} is not an object"


# --- single values ---------------------------------------------------------------------------


def test_impossible_date_names_record_field_and_value() -> None:
    """An impossible date is reported at ``employees[3].start`` with the value and the id."""
    data = good()
    data["employees"][3]["start"] = "2024-13-01"
    with pytest.raises(InputError) as info:
        integriteit.loads(json.dumps(data))
    [p] = info.value.problems
    assert p.path == "employees[3].start"
    assert p.record == "P4"
    assert p.render("en") == (
        "<string>: employees[3].start: \"2024-13-01\" is not a date (YYYY-MM-DD) [id 'P4']")
    assert p.render("nl") == (
        "<string>: employees[3].start: \"2024-13-01\" is geen geldige datum (JJJJ-MM-DD) "
        "[id 'P4']")


@pytest.mark.parametrize(
    "value",
    ["2024-02-30", "2023-02-29", "2024-00-10", "2024-01-32", "20240115", "2024-1-15",
     "15-01-2024", "2024/01/15", "2024-01-15T00:00", "2024-01-15 ", " 2024-01-15", "",
     "２０２４-01-15", "2024-W03-1", 20240115, 2024.0, None, True, [], {}],
)
def test_only_real_iso_calendar_dates_are_dates(value: Any) -> None:
    """A date must be a real day written YYYY-MM-DD; anything else is named in the message."""
    data = good()
    data["employees"][0]["oath"]["date"] = value
    p = only_problem(data)
    assert p.path == "employees[0].oath.date"
    assert p.record == "P1"
    assert p.message.en == f"{json.dumps(value, ensure_ascii=False)} is not a date (YYYY-MM-DD)"


def test_leap_day_is_a_date() -> None:
    """29 February of a leap year is a date."""
    data = good()
    data["employees"][0]["start"] = "2024-02-29"
    assert integriteit.from_dict(data).employees[0].start == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("where", "key", "value", "message_en", "message_nl"),
    [
        ("employee", "id", 7, "7 is not a string", "7 is geen tekst"),
        ("organisation", "headcount", "640", '"640" is not a whole number',
         '"640" is geen geheel getal'),
        ("organisation", "headcount", True, "true is not a whole number",
         "true is geen geheel getal"),
        ("organisation", "headcount", 12.0, "12.0 is not a whole number",
         "12.0 is geen geheel getal"),
        ("organisation", "name", ["X"], '["X"] is not a string', '["X"] is geen tekst'),
        ("employee", "start", False, "false is not a date (YYYY-MM-DD)",
         "false is geen geldige datum (JJJJ-MM-DD)"),
        ("policy", "oath_term_months", "3", '"3" is not a whole number',
         '"3" is geen geheel getal'),
        ("policy", "oath_term_months", 2.5, "2.5 is not a whole number",
         "2.5 is geen geheel getal"),
    ],
)
def test_wrong_types_are_not_coerced(where: str, key: str, value: Any,
                                     message_en: str, message_nl: str) -> None:
    """Numbers, strings and booleans are never converted into each other."""
    data = good()
    target = {"employee": data["employees"][0], "organisation": data["organisation"],
              "policy": data["policy"]}[where]
    target[key] = value
    p = only_problem(data)
    path = {"employee": f"employees[0].{key}", "organisation": f"organisation.{key}",
            "policy": f"policy.{key}"}[where]
    assert p.path == path
    assert p.message.en == message_en
    assert p.message.nl == message_nl


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("organisation", "Gemeente X", '"Gemeente X" is not an object'),
        ("employees", {"P1": {}}, '{"P1": {}} is not a list'),
        ("employees", "P1", '"P1" is not a list'),
        ("policy", 3, "3 is not an object"),
    ],
)
def test_wrong_shapes_at_top_level(path: str, value: Any, message: str) -> None:
    """A section of the wrong shape is named with the value it had."""
    data = good()
    data[path] = value
    p = only_problem(data)
    assert (p.path, p.message.en) == (path, message)


def test_wrong_schema_value_is_reported_at_its_json_key() -> None:
    """A ``$schema`` that is not a string is reported at ``$schema``, the key the user wrote."""
    data = good()
    data["$schema"] = 1
    p = only_problem(data)
    assert (p.path, p.message.en) == ("$schema", "1 is not a string")


def test_employee_that_is_not_an_object() -> None:
    """A list item that is not an object is reported at its index."""
    data = good()
    data["employees"][1] = "P2"
    p = only_problem(data)
    assert (p.path, p.message.en) == ("employees[1]", '"P2" is not an object')


def test_oath_that_is_not_an_object() -> None:
    """An oath given as a bare date is reported at ``employees[0].oath``."""
    data = good()
    data["employees"][0]["oath"] = "2024-02-01"
    p = only_problem(data)
    assert (p.path, p.record) == ("employees[0].oath", "P1")
    assert p.message.en == '"2024-02-01" is not an object'


@pytest.mark.parametrize(
    ("path", "value"),
    [("organisation.kind", "kommune"), ("employees[0].employment", "zzp"),
     ("employees[0].oath.form", "gelofte"), ("employees[0].employment", "Ambtenaar"),
     ("organisation.kind", 3)],
)
def test_unknown_enum_values_list_the_choices(path: str, value: Any) -> None:
    """An unknown kind, employment or oath form names the value and lists the choices."""
    data = good()
    *parents, last = path.replace("[0]", ".0").split(".")
    node: Any = data
    for step in parents:
        node = node[int(step)] if step.isdigit() else node[step]
    node[last] = value
    p = only_problem(data)
    assert p.path == path
    assert p.message.en.startswith(f"{json.dumps(value)} is not allowed; choose one of ")
    assert p.message.nl.startswith(f"{json.dumps(value)} is niet toegestaan; kies uit ")


def test_unknown_employment_kind_lists_every_kind() -> None:
    """The message for an unknown employment kind lists all five kinds."""
    data = good()
    data["employees"][2]["employment"] = "freelancer"
    p = only_problem(data)
    assert p.render("en") == (
        '<dict>: employees[2].employment: "freelancer" is not allowed; choose one of '
        '"ambtenaar", "inhuur", "uitzendkracht", "gedetacheerd", "stagiair" [id \'P3\']')


def test_long_values_are_shortened_in_messages() -> None:
    """A very long wrong value is cut short in the message (60 characters, an ellipsis)."""
    data = good()
    data["employees"][0]["start"] = "x" * 500
    p = only_problem(data)
    assert p.message.en == '"' + "x" * 58 + '… is not a date (YYYY-MM-DD)'


# --- missing and unknown fields --------------------------------------------------------------


@pytest.mark.parametrize(
    ("drop", "path", "record"),
    [
        (("organisation",), "organisation", None),
        (("organisation", "name"), "organisation.name", None),
        (("organisation", "kind"), "organisation.kind", None),
        (("employees", 1, "start"), "employees[1].start", "P2"),
        (("employees", 1, "id"), "employees[1].id", None),
        (("employees", 2, "employment"), "employees[2].employment", "P3"),
        (("employees", 0, "oath", "form"), "employees[0].oath.form", "P1"),
        (("employees", 0, "oath", "date"), "employees[0].oath.date", "P1"),
    ],
)
def test_missing_required_field(drop: tuple[str | int, ...], path: str,
                                record: str | None) -> None:
    """A missing required field is reported at its path."""
    data = good()
    node: Any = data
    for step in drop[:-1]:
        node = node[step]
    del node[drop[-1]]
    p = only_problem(data)
    assert (p.path, p.record) == (path, record)
    assert p.message.en == "required field is missing"
    assert p.message.nl == "verplicht veld ontbreekt"


@pytest.mark.parametrize(
    ("where", "typo", "meant"),
    [
        ((), "employes", "employees"),
        ((), "schema", "$schema"),
        ((), "polcy", "policy"),
        (("organisation",), "headcont", "headcount"),
        (("employees", 1), "strat", "start"),
        (("employees", 1), "ende", "end"),
        (("employees", 0, "oath"), "dat", "date"),
        (("policy",), "oath_term_month", "oath_term_months"),
    ],
)
def test_unknown_key_suggests_the_field_meant(where: tuple[str | int, ...], typo: str,
                                              meant: str) -> None:
    """A typo in a key is an unknown field, with a "did you mean" hint."""
    data = good()
    node: Any = data
    for step in where:
        node = node[step]
    node[typo] = node.get(meant, "x")
    found = problems(data)
    prefix = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in where).lstrip(".")
    expected_path = f"{prefix}.{typo}" if prefix else typo
    [p] = [q for q in found if q.path == expected_path]
    assert p.message.en.startswith("unknown field (allowed: ")
    assert p.message.en.endswith(f"; did you mean {meant!r}?")
    assert p.message.nl.startswith("onbekend veld (toegestaan: ")
    assert p.message.nl.endswith(f"; bedoelt u {meant!r}?")


def test_unknown_key_with_a_newline_is_one_line() -> None:
    """Every problem renders as one line, even for an unknown key with a newline in it."""
    data = good()
    data["employees"][0]["a\nb"] = 1
    p = only_problem(data)
    assert "\n" not in p.render("en")


def test_unknown_key_lists_allowed_fields() -> None:
    """An unknown key far from any field lists the allowed ones, without a guess."""
    data = good()
    data["employees"][0]["salary"] = 1
    p = only_problem(data)
    assert p.render("en") == (
        "<dict>: employees[0].salary: unknown field (allowed: id, start, employment, end, "
        "oath, function, scale, integriteitsverklaring, workshop) [id 'P1']")


def test_typo_in_required_key_reports_missing_and_unknown() -> None:
    """A misspelt required key is both missing and unknown: both are reported."""
    data = good()
    data["employees"][1]["strat"] = data["employees"][1].pop("start")
    found = {(p.path, p.message.en.split(" (")[0]) for p in problems(data)}
    assert found == {("employees[1].start", "required field is missing"),
                     ("employees[1].strat", "unknown field")}


# --- checks across values --------------------------------------------------------------------


def test_duplicate_employee_ids() -> None:
    """Every employee id after the first of its kind is reported, pointing at the first."""
    data = good()
    data["employees"][2]["id"] = "P1"
    data["employees"][3]["id"] = "P1"
    found = problems(data)
    assert [p.render("en") for p in found] == [
        "<dict>: employees[2].id: duplicate id 'P1' (also in employees[0]) [id 'P1']",
        "<dict>: employees[3].id: duplicate id 'P1' (also in employees[0]) [id 'P1']",
    ]
    assert found[0].render("nl") == (
        "<dict>: employees[2].id: dubbel id 'P1' (ook in employees[0]) [id 'P1']")


@pytest.mark.parametrize("blank", ["", " ", "\t\n"])
def test_blank_employee_id(blank: str) -> None:
    """An empty or blank id is refused."""
    data = good()
    data["employees"][1]["id"] = blank
    p = only_problem(data)
    assert (p.path, p.message.en) == ("employees[1].id", "id must not be empty")


def test_end_before_start() -> None:
    """An end of employment before its start is refused; the same day is fine."""
    data = good()
    data["employees"][1]["end"] = "2024-01-31"
    p = only_problem(data)
    assert p.render("en") == (
        "<dict>: employees[1].end: end 2024-01-31 is before start 2024-02-01 [id 'P2']")
    assert p.render("nl") == (
        "<dict>: employees[1].end: einddatum 2024-01-31 ligt vóór de begindatum 2024-02-01 "
        "[id 'P2']")
    data["employees"][1]["end"] = "2024-02-01"
    assert integriteit.from_dict(data).employees[1].end == date(2024, 2, 1)


def test_blank_organisation_name_and_negative_headcount() -> None:
    """A blank organisation name and a negative headcount are refused."""
    data = good()
    data["organisation"]["name"] = "  "
    data["organisation"]["headcount"] = -1
    assert {(p.path, p.message.en) for p in problems(data)} == {
        ("organisation.name", "name must not be empty"),
        ("organisation.headcount", "-1 is negative"),
    }


@pytest.mark.parametrize(("months", "ok"), [(-1, False), (0, True), (120, True), (121, False)])
def test_policy_oath_term_range(months: int, ok: bool) -> None:
    """``policy.oath_term_months`` must be 0 to 120."""
    data = good()
    data["policy"]["oath_term_months"] = months
    if ok:
        assert integriteit.from_dict(data).policy.oath_term_months == months
    else:
        p = only_problem(data)
        assert p.path == "policy.oath_term_months"
        assert p.message.en == f"{months} is not between 0 and 120 months"


# --- duplicate JSON keys ---------------------------------------------------------------------


def test_duplicate_json_key_is_reported_at_its_object() -> None:
    """A key given twice in one JSON object is an error, not "last one wins"."""
    text = ('{"organisation": {"name": "X", "kind": "rijk", "name": "Y"}, '
            '"employees": [{"id": "A", "start": "2024-01-01", "start": "2024-02-01", '
            '"employment": "ambtenaar"}]}')
    found = text_problems(text)
    assert [p.render("en") for p in found] == [
        "<string>: organisation: key 'name' occurs more than once",
        "<string>: employees[0]: key 'start' occurs more than once [id 'A']",
    ]
    assert found[0].render("nl") == "<string>: organisation: sleutel 'name' komt meer dan eens voor"


def test_key_given_three_times_is_named_once() -> None:
    """A key given three times is named once in the message."""
    [p] = text_problems('{"organisation": {"name": "X", "name": "Y", "name": "Z", "kind": "rijk"}}')
    assert p.message.en.count("'name'") == 1


def test_duplicate_top_level_key() -> None:
    """A duplicated top-level key is reported without a path."""
    org = '{"name": "X", "kind": "rijk"}'
    [p] = text_problems(f'{{"organisation": {org}, "organisation": {org}}}')
    assert p.render("en") == "<string>: key 'organisation' occurs more than once"


# --- several problems at once ----------------------------------------------------------------


def test_every_problem_is_reported_in_input_order() -> None:
    """All problems of a document come in one InputError, in the order of the input."""
    data = good()
    data["organisation"]["kind"] = "stad"
    data["employees"][0]["start"] = "2024-13-01"
    data["employees"][2]["employment"] = "extern"
    data["employees"][3]["oath"] = {"date": "gisteren", "form": "eed"}
    paths = [p.path for p in problems(data)]
    assert paths == ["organisation.kind", "employees[0].start", "employees[2].employment",
                     "employees[3].oath.date"]


def test_input_error_renders_all_lines_and_is_an_integriteit_error() -> None:
    """``InputError`` renders one line per problem; ``str()`` is the English rendering."""
    data = good()
    data["employees"][0]["start"] = "2024-13-01"
    data["employees"][1]["start"] = "morgen"
    with pytest.raises(InputError) as info:
        integriteit.from_dict(data)
    err = info.value
    assert isinstance(err, IntegriteitError)
    assert str(err) == err.render("en")
    assert err.render("nl").count("\n") == 1
    assert "is geen geldige datum" in err.render("nl")


def test_problem_render() -> None:
    """A problem renders as ``source: path: message [id 'record']``, parts left out when empty."""
    msg = Text("kapot", "broken")
    assert Problem("f.json", "a.b", msg, "X1").render("en") == "f.json: a.b: broken [id 'X1']"
    assert Problem("f.json", "a.b", msg).render("nl") == "f.json: a.b: kapot"
    assert Problem("f.json", "", msg).render() == "f.json: broken"


# --- check_employee --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("employee", "path", "message"),
    [
        ({"id": "N1", "start": "2024-13-01", "employment": "ambtenaar"}, "employee.start",
         '"2024-13-01" is not a date (YYYY-MM-DD)'),
        ({"id": "N1", "employment": "ambtenaar"}, "employee.start", "required field is missing"),
        ({"id": "N1", "start": "2024-01-01", "employment": "zzp"}, "employee.employment",
         '"zzp" is not allowed; choose one of "ambtenaar", "inhuur", "uitzendkracht", '
         '"gedetacheerd", "stagiair"'),
        ({"id": "N1", "start": "2024-01-01", "employment": "ambtenaar",
          "oath": {"date": "1-2-2024", "form": "eed"}}, "employee.oath.date",
         '"1-2-2024" is not a date (YYYY-MM-DD)'),
        ({"id": 1, "start": "2024-01-01", "employment": "ambtenaar"}, "employee.id",
         "1 is not a string"),
        ([], "employee", "[] is not an object"),
    ],
)
def test_check_employee_reports_paths_under_employee(employee: Any, path: str,
                                                     message: str) -> None:
    """``check_employee`` with plain data reports problems at ``employee.<field>``."""
    with pytest.raises(InputError) as info:
        integriteit.check_employee(employee, date(2024, 6, 1))
    [p] = info.value.problems
    assert (p.path, p.message.en) == (path, message)


def test_check_employee_typo_hint() -> None:
    """``check_employee`` also suggests the field meant."""
    with pytest.raises(InputError) as info:
        integriteit.check_employee(
            {"id": "N1", "start": "2024-01-01", "employment": "ambtenaar", "eind": "x"})
    [p] = info.value.problems
    assert p.path == "employee.eind"
    assert p.message.en.endswith("did you mean 'end'?")


def test_check_employee_takes_a_model_object() -> None:
    """``check_employee`` also takes an Employee."""
    found = integriteit.check_employee(
        Employee("N1", date(2025, 12, 31), EmploymentKind.AMBTENAAR), date(2026, 2, 28))
    assert [(f.rule, f.subject, f.status.value, f.due) for f in found] == [
        ("ambtenarenwet.eed", "N1", "due", date(2026, 2, 28)),
        # No document, so no facts about nevenwerkzaamheden: unknown.
        ("ambtenarenwet.nevenwerkzaamheden", "N1", "unknown", None),
        # No functions designated (policy publication_functions): publication does not apply.
        ("ambtenarenwet.openbaarmaking", "N1", "not_applicable", None)]


def test_check_employee_rejects_end_before_start() -> None:
    """``check_employee`` refuses an end before the start, like ``from_dict``."""
    with pytest.raises(InputError) as info:
        integriteit.check_employee({"id": "N1", "start": "2024-01-01", "end": "2023-01-01",
                                    "employment": "ambtenaar"}, date(2024, 6, 1))
    [p] = info.value.problems
    assert p.render("en") == (
        "<dict>: employee.end: end 2023-01-01 is before start 2024-01-01 [id 'N1']")


def test_check_employee_rejects_blank_id() -> None:
    """``check_employee`` refuses a blank id, like ``from_dict``."""
    with pytest.raises(InputError) as info:
        integriteit.check_employee({"id": " ", "start": "2024-01-01",
                                    "employment": "ambtenaar"}, date(2024, 6, 1))
    [p] = info.value.problems
    assert (p.path, p.message.en) == ("employee.id", "id must not be empty")


# --- inputs that escape as other exceptions --------------------------------------------------


def test_huge_json_integer_is_input_error() -> None:
    """A JSON number too long for Python to read is an InputError, not a ValueError."""
    text = '{"organisation": {"name": "X", "kind": "rijk", "headcount": ' + "9" * 5000 + "}}"
    with pytest.raises(InputError):
        integriteit.loads(text)


def test_deeply_nested_json_is_input_error() -> None:
    """Absurdly deep nesting is an InputError, not a RecursionError."""
    with pytest.raises(InputError):
        integriteit.loads("[" * 100_000)


def test_non_string_key_is_input_error() -> None:
    """A dict with a non-string key (not from JSON, but from_dict takes any object) is refused."""
    with pytest.raises(InputError):
        integriteit.from_dict({**good(), 1: "x"})
