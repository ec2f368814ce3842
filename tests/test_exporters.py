"""Exporters: the JSON format for systems and the text format for people."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import integriteit
from integriteit import CheckResult, Document, Lang, Status
from integriteit.exporters._common import STATUS_LABELS, STATUS_ORDER
from integriteit.exporters.json import result_to_json
from integriteit.plugins import build_registry
from integriteit.testing import dates, documents

REGISTRY = build_registry(entry_point_plugins=False)
FINDING_KEYS = {"rule", "subject", "status", "due", "message", "source", "severity", "facts",
                "explanation", "caveats"}
EED = "ambtenarenwet.eed"


def export(result: CheckResult, fmt: str, lang: Lang) -> str:
    out = io.StringIO()
    REGISTRY.exporter(fmt).write(result, out, lang)
    return out.getvalue()


def sample() -> Document:
    return integriteit.from_dict({
        "organisation": {"name": "Gemeente Export", "kind": "gemeente", "headcount": 3},
        "employees": [
            {"id": "A", "start": "2024-01-15", "employment": "ambtenaar",
             "oath": {"date": "2024-02-01", "form": "belofte"}},
            {"id": "B", "start": "2024-01-15", "employment": "ambtenaar", "end": "2024-05-01"},
            {"id": "C", "start": "2024-05-01", "employment": "gedetacheerd"},
        ],
        "policy": {"oath_term_months": 2},
    })


# --- JSON ------------------------------------------------------------------------------------


@settings(max_examples=50)
@given(documents(max_employees=6), dates(), st.sampled_from(["nl", "en"]))
def test_json_export_parses_and_summary_matches(doc: Document, at: date, lang: Lang) -> None:
    """The JSON output parses, its summary matches ``counts()`` and messages are in ``lang``."""
    result = integriteit.check(doc, at)
    data = json.loads(export(result, "json", lang))
    assert data["summary"] == {s.value: n for s, n in result.counts().items()}
    assert sum(data["summary"].values()) == len(data["findings"]) == len(result.findings)
    for item, finding in zip(data["findings"], result.findings, strict=True):
        assert set(item) == FINDING_KEYS
        assert item["message"] == finding.message(lang)
        assert item["source"] == finding.source(lang)
        assert item["status"] == finding.status.value
        assert item["due"] == (finding.due.isoformat() if finding.due else None)
        assert item["explanation"] == (finding.explanation.explain(lang)
                                       if finding.explanation is not None else None)
        assert item["caveats"] == [{"code": c.code, "message": c.text(lang)}
                                   for c in finding.caveats]
    assert data == result_to_json(result, lang)


def test_json_export_messages_follow_the_language() -> None:
    """Messages, titles and citations are in the requested language."""
    result = integriteit.check(sample(), date(2024, 6, 1))
    en = json.loads(export(result, "json", "en"))
    nl = json.loads(export(result, "json", "nl"))
    assert en["lang"] == "en"
    assert nl["lang"] == "nl"
    # Employees come after the organisation's findings, each with every employee rule.
    en["findings"] = [f for f in en["findings"] if f["rule"] == EED]
    nl["findings"] = [f for f in nl["findings"] if f["rule"] == EED]
    assert en["findings"][0]["message"].startswith("Taken (belofte) on 2024-02-01")
    assert nl["findings"][0]["message"].startswith("Afgelegd (belofte) op 2024-02-01")
    assert en["rules"][0]["title"] == "Eed or belofte at the start of employment"
    assert nl["rules"][0]["title"] == "Eed of belofte bij indiensttreding"
    assert "art. 5(1)(a)" in en["findings"][0]["source"]
    assert "art. 5 lid 1 onder a" in nl["findings"][0]["source"]


def test_json_export_header() -> None:
    """The top level names the version, date, organisation, policy and rules."""
    result = integriteit.check(sample(), date(2024, 6, 1), term_months=3)
    data = json.loads(export(result, "json", "en"))
    assert data["integriteit"] == integriteit.__version__
    assert data["at"] == "2024-06-01"
    assert data["organisation"] == {"name": "Gemeente Export", "kind": "gemeente",
                                    "headcount": 3}
    term = data["policy"]["oath_term_months"]
    assert (term["value"], term["set_by"]) == (3, "call")
    # Every rule, except the built-in policy rules the document's policy does not switch on.
    assert [r["id"] for r in data["rules"]] == [r.id for r in integriteit.rules()
                                                if not r.id.startswith("beleid.")]
    assert [r["id"] for r in data["rules"]][:7] == [
        EED, "ambtenarenwet.integriteitsbeleid", "ambtenarenwet.personeelsbeleid",
        "ambtenarenwet.gedragscode", "ambtenarenwet.verantwoording",
        "ambtenarenwet.nevenwerkzaamheden", "ambtenarenwet.openbaarmaking"]
    assert [r["id"] for r in data["rules"]][8:10] == [
        "wbk.ontvangstbevestiging", "wbk.terugkoppeling"]
    assert {r["id"]: r["subject"] for r in data["rules"]}["wbk.terugkoppeling"] == "register_entry"
    assert list(data["summary"]) == [s.value for s in Status]
    assert "unknown" in data["summary"]
    only = json.loads(export(integriteit.check(sample(), date(2024, 6, 1), rules=[EED]),
                             "json", "en"))
    assert [r["id"] for r in only["rules"]] == [EED]


def test_json_export_facts_are_plain_values_in_the_language() -> None:
    """Facts are JSON values: dates as ISO strings, texts in the chosen language."""
    result = integriteit.check(sample(), date(2024, 6, 1))
    en = [f for f in json.loads(export(result, "json", "en"))["findings"] if f["rule"] == EED]
    nl = [f for f in json.loads(export(result, "json", "nl"))["findings"] if f["rule"] == EED]
    assert en[0]["facts"]["start"] == "2024-01-15"
    assert en[0]["facts"]["deadline"] == "2024-03-15"
    assert en[0]["facts"]["term"] == "2 months"
    assert nl[0]["facts"]["term"] == "2 maanden"
    assert en[0]["facts"]["term_set_by"] == "document"
    assert en[1]["facts"]["end"] == "2024-05-01"
    assert en[2]["facts"]["employment"] == "gedetacheerd"


def test_json_export_without_findings_parses() -> None:
    """A run without findings gives valid JSON with an empty findings list."""
    doc = integriteit.from_dict({"organisation": {"name": "Leeg", "kind": "overig"}})
    result = integriteit.check(doc, date(2024, 6, 1), rules=[EED])
    data = json.loads(export(result, "json", "nl"))
    assert data["findings"] == []
    assert data["organisation"]["headcount"] is None
    assert set(data["summary"].values()) == {0}


def test_json_export_of_organisation_findings_without_facts() -> None:
    """Without employees, the organisation's findings: unknown, explanation null, in summary."""
    doc = integriteit.from_dict({"organisation": {"name": "Leeg", "kind": "overig"}})
    data = json.loads(export(integriteit.check(doc, date(2024, 6, 1)), "json", "en"))
    assert {f["subject"] for f in data["findings"]} == {"organisation"}
    assert {(f["status"], f["due"], f["explanation"]) for f in data["findings"]} == {
        ("unknown", None, None)}
    # 5 Wbk rules and the 5 Ambtenarenwet duties of the organisation (art. 4, 5(1)(d)).
    assert data["summary"] == {**{s.value: 0 for s in Status}, "unknown": 5 + 5}


def test_json_export_explains_a_wbk_deadline() -> None:
    """A register finding's ``explanation`` is the deadline's computation, in the language."""
    doc = integriteit.from_dict({
        "organisation": {"name": "Gemeente Export", "kind": "gemeente", "headcount": 80},
        "register": [{"id": "R-1", "kind": "misstand", "received": "2024-04-20",
                      "channel": "werkgever"}]})
    result = integriteit.check(doc, date(2024, 5, 1), rules=["wbk.ontvangstbevestiging"])
    [en] = json.loads(export(result, "json", "en"))["findings"]
    [nl] = json.loads(export(result, "json", "nl"))["findings"]
    assert (en["subject"], en["status"], en["due"]) == ("R-1", "overdue", "2024-04-29")
    assert en["explanation"] == (
        "7 days after 2024-04-20 = 2024-04-27; Algemene termijnenwet applies (art. 1 and 2); "
        "2024-04-27 King's Day, 2024-04-28 Sunday: extended to and including 2024-04-29 "
        "(Algemene termijnenwet (BWBR0002448) art. 1(1)); deadline 2024-04-29.")
    assert "Algemene termijnenwet" in nl["explanation"]
    assert nl["explanation"] != en["explanation"]
    assert en["facts"] == {"received": "2024-04-20", "deadline": "2024-04-29",
                           "anonymous": False}


def test_json_export_keeps_non_ascii_text() -> None:
    """Non-ASCII text is written as is (UTF-8), and still parses."""
    doc = integriteit.from_dict({
        "organisation": {"name": "Gemeente Súdwest-Fryslân", "kind": "gemeente"},
        "employees": [{"id": "Ü-1", "start": "2024-01-15", "employment": "ambtenaar"}]})
    text = export(integriteit.check(doc, date(2024, 6, 1)), "json", "nl")
    assert "Súdwest-Fryslân" in text
    data: dict[str, Any] = json.loads(text)
    assert [f["subject"] for f in data["findings"] if f["rule"] == EED] == ["Ü-1"]


# --- text ------------------------------------------------------------------------------------


def test_text_export_in_english() -> None:
    """The text output: header, policy, groups by status (action first), summary."""
    result = integriteit.check(sample(), date(2024, 6, 1), rules=[EED])
    lines = export(result, "text", "en").splitlines()
    assert lines[0] == "Gemeente Export (municipality, 3 staff), as of 1 June 2024"
    assert lines[1].startswith("Policy: Term for the eed or belofte = 2 months after the start")
    assert "set in the document" in lines[1]
    text = "\n".join(lines)
    assert text.index("\nOverdue: 1\n") < text.index("\nOK: 1\n") < text.index(
        "\nNot applicable: 1\n")
    assert "due 15 March 2024" in text
    assert lines[-1].startswith("Summary: 3 ")
    assert lines[-1].endswith("1 overdue, 1 ok, 1 not applicable.")


def test_text_export_in_dutch() -> None:
    """The Dutch text output uses Dutch labels throughout."""
    result = integriteit.check(sample(), date(2024, 6, 1), rules=[EED])
    text = export(result, "text", "nl")
    assert text.startswith("Gemeente Export (gemeente, 3 medewerkers), peildatum 1 juni 2024\n")
    assert "\nTermijn verstreken: 1\n" in text
    assert "\nIn orde: 1\n" in text
    assert "uiterlijk 15 maart 2024" in text
    assert text.splitlines()[-1].startswith("Samenvatting: 3 ")


def test_text_export_without_headcount_or_findings() -> None:
    """Without a headcount or findings the header is shorter and it says there are none."""
    doc = integriteit.from_dict({"organisation": {"name": "Rijk", "kind": "rijk"}})
    text = export(integriteit.check(doc, date(2024, 6, 1), rules=[EED]), "text", "en")
    assert text.startswith("Rijk (central government (Rijk)), as of 1 June 2024\n")
    assert "No findings." in text


def test_text_export_of_the_whole_sample() -> None:
    """All rules over the sample: the organisation's findings sit in their status groups."""
    result = integriteit.check(sample(), date(2024, 6, 1))
    text = export(result, "text", "en")
    # Gemeente of 3 staff, no facts: a procedure is still required (Aw 2017 art. 5(1)(e)) but
    # not stated (unknown), and so are the Aw 2017 duties of art. 4 and 5(1)(d) (unknown), and
    # the nevenwerkzaamheden of the two ambtenaren (unknown); the Wbk elements apply only from
    # 50 workers and the gedetacheerde is no ambtenaar here (not_applicable).
    unknown = text[text.index("\nUnknown: facts missing: 8\n"):text.index("\nOK: 1\n")]
    assert "  wbk.meldprocedure\n    organisation " in unknown
    assert "  ambtenarenwet.verantwoording\n    organisation " in unknown
    assert "  ambtenarenwet.nevenwerkzaamheden\n    A " in unknown
    # 6, and 3 for publication (art. 5(1)(c)): no functions designated.
    assert "\nNot applicable: 9\n" in text
    assert text.index("\nUnknown: facts missing: ") < text.index("\nOK: ")
    assert text.splitlines()[-1] == (
        "Summary: 19 findings of 15 rules over 4 subjects: 1 overdue, 8 unknown, 1 ok, "
        "9 not applicable.")


@pytest.mark.parametrize("status", list(Status))
def test_text_export_labels_every_status(status: Status) -> None:
    """Every status has a group heading in both languages."""
    assert status in STATUS_ORDER
    assert STATUS_LABELS[status].nl and STATUS_LABELS[status].en


def test_text_summary_counts_an_employee_and_an_entry_with_the_same_id_as_two_subjects() -> None:
    """Employees and register entries are numbered apart; the summary counts them apart."""
    doc = integriteit.from_dict({
        "organisation": {"name": "Gemeente Export", "kind": "gemeente", "headcount": 80},
        "employees": [{"id": "1", "start": "2024-01-01", "employment": "ambtenaar"}],
        "register": [{"id": "1", "kind": "misstand", "received": "2024-03-04",
                      "channel": "werkgever"}]})
    result = integriteit.check(doc, date(2024, 6, 1), rules=[EED, "wbk.ontvangstbevestiging"])
    assert export(result, "text", "en").splitlines()[-1] == (
        "Summary: 2 findings of 2 rules over 2 subjects: 2 overdue.")
