"""The ``junit`` and ``ical`` formats (issue 13, part): JUnit XML valid against the schema CI
systems read, one suite per rule, failures as ``--fail-on`` says; iCalendar that a calendar
library reads back, one all-day event per deadline that needs action, with stable UIDs."""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources

import icalendar
import pytest
from lxml import etree

import integriteit
from _cli import run_cli
from integriteit import Status, check, export

AT = date(2026, 6, 1)


def _schema() -> etree.XMLSchema:
    xsd = resources.files("integriteit").joinpath("data/junit.xsd").read_bytes()
    return etree.XMLSchema(etree.fromstring(xsd))


def _junit(*argv: str) -> etree._Element:
    code, out, err = run_cli(*argv)
    assert code in (0, 1) and err == "", err
    root = etree.fromstring(out.encode("utf-8"))
    _schema().assertValid(root)
    return root


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_junit_is_valid_and_counts_as_the_check(lang: str, demo: object) -> None:
    root = _junit("check", str(demo), "--at", "2026-06-01", "--format", "junit", "--lang", lang)
    result = check(integriteit.example(), AT)
    counts = result.counts()
    assert root.get("tests") == str(len(result.findings))
    assert root.get("failures") == str(counts[Status.OVERDUE] + counts[Status.INVALID])
    assert root.get("skipped") == str(counts[Status.NOT_APPLICABLE] + counts[Status.WAIVED])
    assert root.get("errors") == "0"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(dict.fromkeys(f.rule for f in result.findings))
    [p003] = root.xpath("//testcase[@classname='ambtenarenwet.eed'][@name='P003']")
    [failure] = p003.findall("failure")
    assert failure.get("type") == "overdue"
    assert "Ambtenarenwet 2017 (BWBR0001947)" in failure.text
    [p015] = root.xpath("//testcase[@classname='ambtenarenwet.eed'][@name='P015']")
    assert len(p015) == 0  # due: passes


def test_fail_on_decides_the_failures(demo: object) -> None:
    root = _junit("check", str(demo), "--at", "2026-06-01", "--format", "junit",
                  "--fail-on", "due,late")
    types = {f.get("type") for f in root.iter("failure")}
    assert types == {"due", "late"}
    only_warnings = _junit("check", str(demo), "--at", "2026-06-01", "--format", "junit",
                           "--fail-on", "warning")
    for failure in only_warnings.iter("failure"):
        assert failure.getparent().get("classname") in {
            r.id for r in integriteit.rules() if r.severity.value == "warning"}


def test_junit_of_a_failing_rule_is_an_error_and_strings_are_escaped() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente"},
        "employees": [{"id": "<E1> & \"x\"\u0007", "start": "2026-01-05",
                       "employment": "ambtenaar"}]})
    text = export(check(doc, AT, rules=["ambtenarenwet.eed"]), "junit", lang="en")
    assert text is not None
    root = etree.fromstring(text.encode())
    _schema().assertValid(root)
    [case] = root.iter("testcase")
    assert case.get("name") == "<E1> & \"x\"\\x07"  # a control character XML cannot hold


def _calendar(*argv: str) -> icalendar.Calendar:
    code, out, err = run_cli(*argv)
    assert code in (0, 1) and err == "", err
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    assert "\n" not in out.replace("\r\n", "")
    return icalendar.Calendar.from_ical(out)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ical_has_an_event_per_deadline_that_needs_action(lang: str, demo: object) -> None:
    cal = _calendar("check", str(demo), "--at", "2026-06-01", "--format", "ical", "--lang", lang)
    events = list(cal.walk("VEVENT"))
    result = check(integriteit.example(), AT)
    wanted = [f for f in result.findings if f.status in (Status.DUE, Status.OVERDUE) and f.due]
    assert len(events) == len(wanted) == 7  # 5 overdue (3 with a deadline), 4 due
    by_summary = {str(e["SUMMARY"]): e for e in events}
    p003 = by_summary["Eed of belofte bij indiensttreding: P003" if lang == "nl"
                      else "Eed or belofte at the start of employment: P003"]
    assert p003.decoded("DTSTART") == date(2026, 5, 2)
    assert p003.decoded("DTEND") == date(2026, 5, 3)
    assert str(p003["URL"]).startswith("https://wetten.overheid.nl/")
    assert ("verstreken: Geen eed of belofte afgelegd" if lang == "nl"
            else "overdue: No eed or belofte taken") in str(p003["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_uids_are_stable_so_a_reimport_updates(demo: object) -> None:
    """The same deadline has the same UID on a later reference date, where its status moved
    from due to overdue."""
    early = _calendar("check", str(demo), "--at", "2026-06-01", "--format", "ical")
    later = _calendar("check", str(demo), "--at", "2026-07-05", "--format", "ical")
    uid_early = {str(e["UID"]): e for e in early.walk("VEVENT")}
    uid_later = {str(e["UID"]): e for e in later.walk("VEVENT")}
    p015 = [u for u, e in uid_early.items() if str(e["SUMMARY"]).endswith(": P015")]
    assert p015 and p015[0] in uid_later
    assert str(uid_early[p015[0]]["DESCRIPTION"]).startswith("binnen de termijn:")
    assert str(uid_later[p015[0]]["DESCRIPTION"]).startswith("verstreken:")
    assert uid_later[p015[0]].decoded("DTSTART") + timedelta(days=1) == date(2026, 7, 1)
