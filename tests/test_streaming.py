"""Streaming checks: employees from elsewhere than the document, findings as they are made, the
``jsonl`` format, the order of findings, and the fast path for large documents."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import integriteit
from integriteit import _fastload
from integriteit import io as iio
from integriteit.engine import FindingStream, Status, check_stream, shared_facts
from integriteit.errors import InputError
from integriteit.model import Employee, EmploymentKind, Oath, OathForm
from integriteit.plugins import default_registry

AT = date(2026, 6, 1)
ORG = {"organisation": {"name": "Gemeente Stroom", "kind": "gemeente", "headcount": 300}}
STAFF = [
    {"id": "A", "start": "2026-01-05", "employment": "ambtenaar",
     "oath": {"date": "2026-02-01", "form": "eed"}},
    {"id": "B", "start": "2026-02-02", "employment": "ambtenaar"},
    {"id": "C", "start": "2026-05-04", "employment": "ambtenaar", "end": "2026-12-31"},
    {"id": "D", "start": "2025-11-01", "employment": "inhuur"},
]


def document(**extra: Any) -> integriteit.Document:
    return integriteit.from_dict({**ORG, "employees": STAFF, **extra})


def org_only(**extra: Any) -> integriteit.Document:
    return integriteit.from_dict({**ORG, **extra}, separate_employees=True)


def keyed(findings: Any) -> list[tuple[str, str, str, date | None]]:
    return sorted((f.rule, f.subject, f.status.value, f.due) for f in findings)


def test_findings_come_organisation_first_then_each_employee_with_every_rule() -> None:
    """The order: the organisation's and the register's rules, then per employee every
    employee rule in rule order, employees in document order."""
    result = integriteit.check(document(), AT)
    subjects = [f.subject for f in result.findings]
    first_employee = subjects.index("A")
    assert set(subjects[:first_employee]) == {"organisation"}
    employee_part = result.findings[first_employee:]
    rules = [r.id for r in result.rules if r.subject is integriteit.SubjectKind.EMPLOYEE]
    assert [(f.subject, f.rule) for f in employee_part] == [
        (s["id"], r) for s in STAFF for r in rules]


def test_employees_given_apart_give_the_same_findings() -> None:
    """``check(doc, employees=...)`` finds what the document with those employees finds."""
    staff = integriteit.from_dict({**ORG, "employees": STAFF}).employees
    apart = integriteit.check(org_only(), AT, employees=iter(staff))
    whole = integriteit.check(document(), AT)
    assert apart.findings == whole.findings
    assert apart.counts() == whole.counts()


def test_a_document_with_employees_and_employees_apart_is_refused() -> None:
    """One source of truth: employees in the document and from a file is an input error."""
    with pytest.raises(InputError) as info:
        integriteit.check(document(), AT, employees=[])
    assert info.value.problems[0].path == "employees"
    assert "one place" in info.value.render("en")
    with pytest.raises(InputError) as info:
        integriteit.from_dict({**ORG, "employees": STAFF}, source="org.json",
                              separate_employees=True)
    assert info.value.render("nl").startswith("org.json: employees: het document noemt")


def test_employees_apart_are_checked_when_no_reader_did() -> None:
    """Duplicate ids, an empty id and an end before the start are input errors at the end."""
    good = Employee("A", date(2026, 1, 1), EmploymentKind.AMBTENAAR)
    again = Employee("A", date(2026, 2, 1), EmploymentKind.AMBTENAAR)
    backwards = Employee("B", date(2026, 2, 1), EmploymentKind.AMBTENAAR, end=date(2026, 1, 1))
    with pytest.raises(InputError) as info:
        integriteit.check(org_only(), AT, employees=[good, again, backwards])
    text = info.value.render("en")
    assert "employees[1].id: duplicate id 'A'" in text
    assert "employees[2].end: end 2026-01-01 is before start 2026-02-01" in text


def test_facts_and_waivers_naming_employees_are_checked_against_the_employees_apart() -> None:
    """A nevenwerk or waiver naming someone the export does not have is an input error."""
    doc = org_only(facts={"nevenwerkzaamheden": [
        {"employee": "Z", "activity": "x", "reported": "2026-01-01"}]},
        waivers=[{"rule": "ambtenarenwet.eed", "subject": "Y", "reason": "ziek",
                  "until": "2026-12-31"}])
    staff = [Employee("A", date(2026, 1, 1), EmploymentKind.AMBTENAAR)]
    with pytest.raises(InputError) as info:
        integriteit.check(doc, AT, employees=staff)
    text = info.value.render("en")
    assert "waivers[0].subject: 'Y' is not a subject of ambtenarenwet.eed" in text
    assert "facts.nevenwerkzaamheden[0].employee: no employee with id 'Z'" in text
    # A waiver naming an unknown rule is found before anything is read.
    bad_rule = org_only(waivers=[{"rule": "nope.nope", "subject": "A", "reason": "r",
                                  "until": "2026-12-31"}])
    with pytest.raises(InputError, match=r"unknown rule 'nope\.nope'"):
        check_stream(bad_rule, AT, employees=staff)


def test_a_stream_is_read_once_and_counts_come_at_its_end() -> None:
    """Counts before the end are an error; a second read is an error; counts match."""
    stream = check_stream(document(), AT)
    with pytest.raises(RuntimeError, match="read the findings first"):
        stream.counts()
    findings = list(stream)
    with pytest.raises(RuntimeError, match="read once"):
        list(stream)
    assert stream.counts() == integriteit.check(document(), AT).counts()
    assert sum(stream.counts().values()) == len(findings)
    assert stream.failed() is True
    assert stream.rule_counts()["ambtenarenwet.eed"][Status.OVERDUE] == 1


def test_a_reader_s_problems_void_the_stream_at_its_end() -> None:
    """An employee source with ``problems`` (like an HR export) raises them at the end."""

    class Reader:
        def __init__(self) -> None:
            self.problems: list[integriteit.Problem] = []
            self.problem_count = 0

        def __iter__(self) -> Any:
            yield Employee("A", date(2026, 1, 1), EmploymentKind.AMBTENAAR)
            self.problems.append(integriteit.Problem("x.csv", "line 3", integriteit.Text(
                "fout", "wrong")))
            self.problem_count = 120

    stream = check_stream(org_only(), AT, employees=Reader())
    seen = []
    with pytest.raises(InputError) as info:
        for f in stream:
            seen.append(f)
    assert seen  # findings were made, and are void now
    assert info.value.total == 120
    assert info.value.render("en").endswith("x.csv: line 3: wrong\nand 119 more problems")


def test_progress_is_reported_every_4096_employees() -> None:
    """``progress`` gets the number of employees checked so far."""
    staff = [Employee(f"E{i}", date(2026, 1, 1), EmploymentKind.INHUUR) for i in range(9000)]
    calls: list[int] = []
    stream = check_stream(org_only(), AT, employees=staff, progress=calls.append)
    for _ in stream:
        pass
    assert calls == [4096, 8192, 9000]


def test_jsonl_lines_are_the_findings_of_json() -> None:
    """Each ``jsonl`` line is the object of the same finding in ``json``."""
    registry = default_registry()
    result = integriteit.check(document(), AT)
    whole = io.StringIO()
    registry.exporter("json").write(result, whole, "en")
    lines = io.StringIO()
    registry.exporter("jsonl").write(result, lines, "en")
    objects = [json.loads(line) for line in lines.getvalue().splitlines()]
    assert objects == json.loads(whole.getvalue())["findings"]
    streamed = io.BytesIO()
    registry.exporter("jsonl").stream(check_stream(document(), AT), streamed, "en")  # type: ignore[misc]
    assert streamed.getvalue().decode() == lines.getvalue()


def test_json_streamed_and_written_are_the_same() -> None:
    """``json`` from a stream (summary at the top, known only at the end) equals ``write``."""
    registry = default_registry()
    written = io.StringIO()
    registry.exporter("json").write(integriteit.check(document(), AT), written, "nl")
    streamed = io.BytesIO()
    registry.exporter("json").stream(check_stream(document(), AT), streamed, "nl")  # type: ignore[misc]
    assert streamed.getvalue().decode() == written.getvalue()
    assert json.loads(written.getvalue())["summary"]["overdue"] == 1


def test_shared_facts_render_like_plain_facts() -> None:
    """A finding with shared facts encodes exactly as with the same facts in a dict."""
    from integriteit.exporters._encode import FindingEncoder

    result = integriteit.check(document(), AT)
    encoder = FindingEncoder("en")
    for f in result.findings:
        shared = f._replace(facts=shared_facts(**f.facts))
        plain = f._replace(facts=dict(f.facts))
        assert json.loads(encoder.encode(shared)) == json.loads(encoder.encode(plain))
        assert encoder.encode(shared) == encoder.encode(shared)


def test_facts_of_other_kinds_are_converted_as_before() -> None:
    """A fact that is not a plain value (e.g. an enum, a tuple) is written as the converter
    writes it, and the message renders it as before."""
    from integriteit.exporters._encode import FindingEncoder
    from integriteit.exporters.json import finding_to_json

    f = integriteit.check(document(), AT).findings[0]
    odd = f._replace(facts={"kind": EmploymentKind.INHUUR, "ids": ("a", "b"),
                            "oath": Oath(date(2026, 1, 1), OathForm.EED)},
                     template=integriteit.Text("{kind} {ids}", "{kind} {ids}"))
    assert json.loads(FindingEncoder("en").encode(odd)) == finding_to_json(odd, "en")


# --- the fast path for large documents ---------------------------------------------------------


employee_values = st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=6), st.integers(), st.just("")),
     "start": st.one_of(st.dates().map(date.isoformat), st.just("2024-1-01"), st.just(None),
                        st.just("2024-02-30"), st.just(True)),
     "employment": st.one_of(st.sampled_from([k.value for k in EmploymentKind]),
                             st.just("Ambtenaar"), st.just(3))},
    optional={"end": st.one_of(st.none(), st.dates().map(date.isoformat), st.just("")),
              "oath": st.one_of(st.none(), st.fixed_dictionaries(
                  {"date": st.dates().map(date.isoformat),
                   "form": st.sampled_from(["eed", "belofte", "Eed"])},
                  optional={"extra": st.just(1), "earlier_employment": st.booleans(),
                            "earlier_start": st.one_of(st.none(),
                                                       st.dates().map(date.isoformat))})),
              "scale": st.one_of(st.integers(-5, 20), st.just(True), st.just(11.0),
                                 st.just("11"), st.none()),
              "function": st.one_of(st.text(max_size=8), st.none()),
              "workshop": st.one_of(st.dates().map(date.isoformat), st.none()),
              "naam": st.just("Jan")})


def _texts(document: dict[str, Any]) -> list[str]:
    """The document as JSON, also with a key given twice and with escapes, as raw text."""
    plain = json.dumps(document)
    twice = plain.replace('"start": ', '"start": "2020-01-01", "start": ', 1)
    escaped = plain.replace('"ambtenaar"', '"ambtenaa\\u0072"', 1)
    colon = plain.replace('"employment": ', '"employment\\u003a": 1, "employment": ', 1)
    return [plain, twice, escaped, colon]


def _outcome(text: str, monkeypatch: pytest.MonkeyPatch, fast: bool,
             deferred: bool = False) -> Any:
    monkeypatch.setattr(_fastload, "FAST_FROM", 2 if fast else 1 << 60)
    try:
        if deferred:  # the employees as records, built here
            doc, records = iio.loads_deferred(text.encode(), source="doc.json")
            return doc if records is None else attrs.evolve(doc, employees=records.build())
        return iio.loads(text, source="doc.json")
    except InputError as exc:
        return exc.render("en")


@settings(max_examples=300, deadline=None)
@given(st.lists(employee_values, max_size=6))
def test_the_fast_path_reads_exactly_what_the_strict_path_reads(
        staff: list[dict[str, Any]]) -> None:
    """For any employee list (valid or not, a key twice, escapes), the fast path gives the same
    document, or the same problems, as the strict path."""
    with pytest.MonkeyPatch.context() as mp:
        for text in _texts({**ORG, "employees": staff}):
            strict = _outcome(text, mp, False)
            assert _outcome(text, mp, True) == strict, text
            assert _outcome(text, mp, True, deferred=True) == strict, text


def test_the_fast_path_is_taken_for_a_plain_large_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plainly valid large list goes the fast way (and a key twice does not)."""
    staff = [{"id": f"E{i}", "start": "2025-01-01", "employment": "ambtenaar",
              "oath": {"date": "2025-02-01", "form": "eed"}} for i in range(200)]
    raw = json.dumps({**ORG, "employees": staff}).encode()
    monkeypatch.setattr(_fastload, "FAST_FROM", 64)
    split = _fastload.split_employees(raw)
    assert split is not None
    rest, employees = split
    assert json.loads(rest)["employees"] == []
    assert employees == iio.from_dict({**ORG, "employees": staff}).employees
    assert _fastload.split_employees(raw.replace(b'"start": ', b'"start": 1, "start": ', 1)) \
        is None
    assert _fastload.split_employees(raw.replace(b'"id": "E1"', b'"id": "E1", "naam": "x"')) \
        is None
    # The list given twice (a key twice, or the same list under another key first): the
    # strict way, which names the key.
    listed = json.dumps(staff).encode()
    twice = raw.replace(b'"employees": ', b'"employees": ' + listed + b', "employees": ', 1)
    assert _fastload.split_records(twice) is None
    other = raw.replace(b'"employees": ', b'"andere": ' + listed + b', "employees": ', 1)
    assert _fastload.split_records(other) is None
    with pytest.raises(InputError, match="employees"):
        iio.loads(twice)


def test_the_fast_path_names_problems_elsewhere_as_the_strict_path(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems outside the employees are named with the file and path, as always."""
    staff = [{"id": f"E{i}", "start": "2025-01-01", "employment": "ambtenaar"}
             for i in range(50)]
    text = json.dumps({"organisation": {"name": "X", "kind": "dorp"}, "employees": staff,
                       "facts": {"nevenwerkzaamheden": [
                           {"employee": "Q", "activity": "a", "reported": "2025-01-01"}]}})
    assert _outcome(text, monkeypatch, True) == _outcome(text, monkeypatch, False)
    assert "doc.json: organisation.kind" in _outcome(text, monkeypatch, True)


def test_a_finding_is_a_light_immutable_record() -> None:
    """A finding is a named tuple: fields by name, no attribute can be set."""
    f = integriteit.check(document(), AT).findings[0]
    assert isinstance(f, integriteit.Finding)
    with pytest.raises(AttributeError):
        f.status = Status.OK  # type: ignore[misc]
    assert "Finding(rule=" in repr(f)
    assert isinstance(check_stream(document(), AT), FindingStream)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-32-be"])
def test_a_document_in_utf16_or_utf32_is_refused_with_one_line(encoding: str) -> None:
    """The docs promise UTF-8: a UTF-16 or UTF-32 document is one clear error, in both
    languages (UTF-8, with or without a byte order mark, is read)."""
    text = json.dumps({**ORG, "employees": STAFF})
    with pytest.raises(InputError) as info:
        iio.loads(text.encode(encoding), source="doc.json")
    name = "UTF-" + encoding.split("-")[1]
    assert info.value.render("en") == (f"doc.json: the text is {name}; integriteit reads "
                                       "UTF-8: save the file as UTF-8")
    assert info.value.render("nl").startswith(f"doc.json: de tekst is {name}")
    for ok in ("utf-8", "utf-8-sig"):
        assert iio.loads(text.encode(ok)).employees == document().employees
