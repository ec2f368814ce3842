"""Issue 11, legal precision: scenarios pinned to dates, named after the law they test."""

from __future__ import annotations

import io
import json
import pickle
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import integriteit
from _plugin_rules import employee_rule_registry
from integriteit import Status, Text
from integriteit.checklist import checklist
from integriteit.law.termijnenwet import COMPLETE_YEARS
from integriteit.model import Organisation, OrganisationKind
from integriteit.plugins import default_registry
from integriteit.termijnen import Deadline, Term, TermOrigin, Unit


def _doc(kind: str, headcount: int | None, **extra: Any) -> integriteit.Document:
    return integriteit.from_dict({
        "organisation": {"name": "Stichting X", "kind": kind, "headcount": headcount},
        "employees": [{"id": "A", "start": "2019-03-01", "employment": "ambtenaar"}],
        **extra})


def _finding(doc: integriteit.Document, rule: str, at: date) -> Any:
    [f] = integriteit.check(doc, at, rules=[rule]).findings
    return f


# --- art. 125quinquies bound only the Rijk (lid 1) and provincies, gemeenten, waterschappen ---


def test_125quinquies_did_not_bind_an_other_employer_to_the_oath_in_2019() -> None:
    f = _finding(_doc("overig", 30), "ambtenarenwet.eed", date(2019, 6, 1))
    assert f.status is Status.NOT_APPLICABLE
    assert "alleen voor ambtenaren van Rijk, provincies, gemeenten en waterschappen" in (
        f.message("nl"))
    assert f.facts == {"kind": "overig"}


def test_125quinquies_bound_a_gemeente_to_the_oath_in_2019() -> None:
    f = _finding(_doc("gemeente", 30), "ambtenarenwet.eed", date(2019, 6, 1))
    assert f.status is Status.OVERDUE
    assert "125quinquies lid 1 onder a" in f.source("nl")


def test_an_other_employer_of_30_needed_no_procedure_in_2019() -> None:
    """Neither the Wet Huis voor klokkenluiders (from 50) nor art. 125quinquies(1)(f)."""
    doc = _doc("overig", 30, facts={"meldprocedure": {"adopted": None}})
    f = _finding(doc, "wbk.meldprocedure", date(2019, 6, 1))
    assert f.status is Status.NOT_APPLICABLE
    assert "vanaf 50 personen (30)" in f.message("nl")
    items = checklist(Organisation("X", OrganisationKind.OVERIG, 30), date(2019, 6, 1),
                      default_registry().rules.values())
    assert "wbk.meldprocedure" not in {i.rule.id for i in items}


def test_an_other_employer_of_120_needed_a_procedure_under_the_whk_only_in_2019() -> None:
    doc = _doc("overig", 120, facts={"meldprocedure": {"adopted": None}})
    f = _finding(doc, "wbk.meldprocedure", date(2019, 6, 1))
    assert f.status is Status.OVERDUE
    assert f.source("nl") == "Wet Huis voor klokkenluiders (BWBR0037852) art. 2 lid 1"
    [item] = [i for i in checklist(Organisation("X", OrganisationKind.OVERIG, 120),
                                   date(2019, 6, 1), default_registry().rules.values())
              if i.rule.id == "wbk.meldprocedure"]
    assert [s.statute.bwb_id for s in item.sources] == ["BWBR0037852"]


def test_a_gemeente_of_30_needed_a_procedure_under_125quinquies_in_2019() -> None:
    doc = _doc("gemeente", 30, facts={"meldprocedure": {"adopted": None}})
    f = _finding(doc, "wbk.meldprocedure", date(2019, 6, 1))
    assert f.status is Status.OVERDUE
    assert f.source("nl") == "Ambtenarenwet (BWBR0001947) art. 125quinquies lid 1 onder f"


def test_from_2020_every_overheidswerkgever_needs_a_procedure() -> None:
    doc = _doc("overig", 30, facts={"meldprocedure": {"adopted": None}})
    f = _finding(doc, "wbk.meldprocedure", date(2021, 6, 1))
    assert f.status is Status.OVERDUE
    assert "art. 5 lid 1 onder e" in f.source("nl")


def test_125quinquies_did_not_bind_an_other_employer_to_register_nevenwerk_in_2019() -> None:
    f = _finding(_doc("overig", 30, facts={"nevenwerkzaamheden": []}),
                 "ambtenarenwet.nevenwerkzaamheden", date(2019, 6, 1))
    assert f.status is Status.NOT_APPLICABLE and f.facts == {"kind": "overig"}


# --- quoted as the statute reads --------------------------------------------------------------


def test_art_5_1_a_is_quoted_as_the_statute_reads() -> None:
    rule = default_registry().rules["ambtenarenwet.eed"]
    summary = rule.version_on(date(2020, 1, 1)).summary.get("nl")  # type: ignore[union-attr]
    assert summary.startswith("Een overheidswerkgever draagt zorg voor de aflegging van de eed "
                              "of belofte door de ambtenaar bij zijn indiensttreding")
    import integriteit.law.ambtenarenwet as aw
    assert ('"Een overheidswerkgever draagt zorg voor: a. de\naflegging van de eed of belofte '
            'door de ambtenaar bij zijn indiensttreding;"') in (aw.__doc__ or "")


def test_the_procedure_is_for_a_suspected_misstand_and_feedback_is_as_far_as_applicable() -> None:
    rules = default_registry().rules
    assert rules["wbk.meldprocedure"].title.get("nl") == (
        "Procedure voor het melden van een vermoeden van een misstand")
    summary = rules["wbk.terugkoppeling"].version_on(date(2024, 1, 1)).summary  # type: ignore[union-attr]
    assert "de beoordeling en, voor zover van toepassing, de opvolging van de melding" in (
        summary.get("nl"))


def test_a_seconded_worker_takes_the_oath_with_the_own_employer_only_if_public() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "Gemeente X", "kind": "gemeente"},
        "employees": [{"id": "D", "start": "2024-01-01", "employment": "gedetacheerd"}]})
    f = _finding(doc, "ambtenarenwet.eed", date(2024, 6, 1))
    assert f.status is Status.NOT_APPLICABLE
    assert "bij de eigen werkgever alleen als die een overheidswerkgever is" in f.message("nl")
    assert "with their own employer only if that is a public employer" in f.message("en")


# --- the checklist is the law of its date -----------------------------------------------------


def test_the_checklist_of_2019_has_no_wbk_terms_the_whk_did_not_know() -> None:
    """The Wet Huis voor klokkenluiders (2016-07-01 to 2023-02-17) set no term for the
    acknowledgement or the feedback: a checklist of 2019 lists neither; one of 2024 both."""
    org = Organisation("G", OrganisationKind.GEMEENTE, 80)
    terms = {"wbk.ontvangstbevestiging", "wbk.terugkoppeling"}
    rules = default_registry().rules.values()
    listed_2019 = {i.rule.id for i in checklist(org, date(2019, 6, 1), rules)}
    listed_2024 = {i.rule.id for i in checklist(org, date(2024, 6, 1), rules)}
    assert not terms & listed_2019
    assert terms <= listed_2024


def test_an_item_whose_findings_all_do_not_apply_is_not_applicable_with_the_reason() -> None:
    """Only hired staff: the oath item is not applicable, not met, and says why."""
    doc = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente", "headcount": 80},
        "employees": [{"id": "I1", "start": "2026-01-05", "employment": "inhuur"},
                      {"id": "I2", "start": "2026-02-02", "employment": "inhuur"}]})
    at = date(2026, 6, 1)
    for result in (integriteit.check(doc, at), _read(integriteit.check_stream(
            integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente",
                                                    "headcount": 80}},
                                  separate_employees=True),
            at, employees=doc.employees))):
        [item] = [i for i in checklist(doc.organisation, at, default_registry().rules.values(),
                                       result) if i.rule.id == "ambtenarenwet.eed"]
        assert item.state is not None and item.state.value == "not_applicable"
        assert item.counts == {Status.NOT_APPLICABLE: 2}
        assert item.reason is not None
        assert item.reason.message("nl").startswith("Externe inhuur: geen ambtenaar")


def _read(stream: Any) -> Any:
    for _ in stream:
        pass
    return stream


# --- stale or imprecise texts -----------------------------------------------------------------


def test_a_late_acknowledgement_moves_the_feedback_term_and_the_finding_says_so() -> None:
    """Wbk art. 2(2)(i): three months from the sending of the acknowledgement. Received
    2026-03-10, acknowledged 2026-03-20 (due 2026-03-17): feedback due 2026-06-22."""
    doc = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente", "headcount": 120},
        "register": [{"id": "M-1", "kind": "misstand", "received": "2026-03-10",
                      "acknowledged": "2026-03-20", "channel": "vertrouwenspersoon"}]})
    f = _finding(doc, "wbk.terugkoppeling", date(2026, 6, 1))
    assert (f.status, f.due) == (Status.DUE, date(2026, 6, 22))
    assert ("it was late (due by 2026-03-17), but the term counts from its sending "
            "(Wbk art. 2(2)(i)) and so ends later") in f.message("en")
    in_time = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente", "headcount": 120},
        "register": [{"id": "M-1", "kind": "misstand", "received": "2026-03-10",
                      "acknowledged": "2026-03-12", "channel": "vertrouwenspersoon"}]})
    assert "late" not in _finding(in_time, "wbk.terugkoppeling", date(2026, 6, 1)).message("en")


def test_the_oath_term_note_says_the_old_regulation_binds_as_a_cao() -> None:
    from integriteit.policy import OATH_TERM_MONTHS
    assert "Ambtenarenwet 2017 art. 17(3)" in OATH_TERM_MONTHS.origin_note.get("en")
    assert "art. 17 lid 3" in OATH_TERM_MONTHS.origin_note.get("nl")


# --- a report cites the law of its year -------------------------------------------------------


def test_a_report_over_2019_cites_125quater_and_the_wet_huis_voor_klokkenluiders() -> None:
    from integriteit.report import annual_report, write_report

    doc = integriteit.from_dict({
        "organisation": {"name": "Gemeente G", "kind": "gemeente", "headcount": 120},
        "register": [{"id": f"M-{y}", "kind": "misstand", "received": f"{y}-03-01",
                      "channel": "vertrouwenspersoon"} for y in (2019, 2023, 2024)]})
    texts = {}
    for year in (2019, 2023, 2024):
        out = io.StringIO()
        write_report(annual_report(doc, year, years=1), out, "markdown", "nl")
        texts[year] = out.getvalue()
    assert "Verantwoording op grond van Ambtenarenwet art. 125quater onder d." in texts[2019]
    assert "## Klokkenluidersregeling (Wet Huis voor klokkenluiders) 2019" in texts[2019]
    assert "Ambtenarenwet 2017" not in texts[2019] and "(Wbk)" not in texts[2019]
    assert ("## Klokkenluidersregeling (Wet Huis voor klokkenluiders tot 18 februari, daarna "
            "Wbk) 2023") in texts[2023]
    assert "Verantwoording op grond van Ambtenarenwet 2017 art. 4 lid 4." in texts[2024]
    assert "## Klokkenluidersregeling (Wbk) 2024" in texts[2024]


# --- consent to the procedure: WOR art. 27(3) and Wbk art. 2(7) -------------------------------


def test_a_gemeente_whose_procedure_is_regulated_by_public_law_needs_no_consent() -> None:
    doc = _doc("gemeente", 120, facts={"meldprocedure": {"adopted": "2023-05-01",
                                                         "consent_route": "regulated"}})
    f = _finding(doc, "wbk.meldprocedure.instemming", date(2024, 6, 1))
    assert f.status is Status.NOT_APPLICABLE
    assert f.source("nl") == "Wet op de ondernemingsraden (BWBR0002747) art. 27 lid 3"


def test_without_a_route_missing_consent_is_unknown_not_overdue() -> None:
    doc = _doc("gemeente", 120, facts={"meldprocedure": {"adopted": "2023-05-01"}})
    assert _finding(doc, "wbk.meldprocedure.instemming", date(2024, 6, 1)).status is (
        Status.UNKNOWN)


def test_every_enum_of_the_model_is_read_as_its_enum() -> None:
    """Every enum field of the model comes out of the converter as its enum (a value left as
    a plain string would compare unequal to every member)."""
    import enum

    from integriteit import model
    from integriteit.io import converter

    for cls in vars(model).values():
        if isinstance(cls, type) and issubclass(cls, enum.Enum) and cls.__module__ == (
                model.__name__):
            member = next(iter(cls))
            assert type(converter.structure(member.value, cls)) is cls, cls


# --- item 6: the edge of the known Atw calendar (Atw art. 3(3); before 2014, art. 3(1)) -------

_KLOK = {"name": "Gemeente Klok", "kind": "gemeente", "headcount": 120}
_ACK = "wbk.ontvangstbevestiging"
_FEEDBACK = "wbk.terugkoppeling"


def _register(*received: str) -> dict[str, Any]:
    return {"organisation": _KLOK, "register": [
        {"id": f"R-{day}", "kind": "misstand", "received": day, "channel": "werkgever"}
        for day in received]}


def test_wbk_acknowledgement_received_2029_05_03_is_due_2029_05_11_with_a_calendar_caveat(
        ) -> None:
    """7 days after Thursday 3 May 2029 is Hemelvaartsdag; Friday 11 May is the deadline on
    the calendar known, but no Royal Decree for 2029 is (art. 3(3)): the finding says so."""
    doc = integriteit.from_dict(_register("2029-05-03"))
    f = _finding(doc, _ACK, date(2029, 5, 4))
    assert (f.status, f.due) == (Status.DUE, date(2029, 5, 11))
    [caveat] = f.caveats
    assert isinstance(caveat, integriteit.Caveat)
    assert caveat.code == "atw.calendar_incomplete"
    assert "in 2029: no decree is known for that year" in caveat.text("en")
    assert "art. 3(3); known for 2017–2019 and 2023–2028" in caveat.text("en")
    assert "in 2029: voor dat jaar is geen besluit bekend" in caveat.text("nl")
    assert "art. 3 lid 3; bekend voor 2017–2019 en 2023–2028" in caveat.text("nl")


def test_wbk_acknowledgement_received_2025_05_03_has_no_caveat() -> None:
    """2025 is covered by Stcrt. 2022, 7812: no caveat on the deadline of 12 May 2025."""
    f = _finding(integriteit.from_dict(_register("2025-05-03")), _ACK, date(2025, 5, 4))
    assert (f.due, f.caveats) == (date(2025, 5, 12), ())


def test_wbk_feedback_from_an_acknowledgement_due_in_2029_carries_the_caveat() -> None:
    """3 months from 11 May 2029 (no acknowledgement sent): 2029 again, so the caveat too."""
    f = _finding(integriteit.from_dict(_register("2029-05-03")), _FEEDBACK, date(2029, 5, 4))
    assert f.due == date(2029, 8, 13)
    assert [c.code for c in f.caveats] == ["atw.calendar_incomplete"]


def test_wbk_acknowledgement_received_2028_12_28_runs_into_2029_and_carries_the_caveat() -> None:
    """7 days from 28 December 2028 end on 4 January 2029: computed over 2029, caveat; from
    20 December 2028 they end on 27 December 2028, inside the decree of Stcrt. 2025, 24713."""
    doc = integriteit.from_dict(_register("2028-12-28", "2028-12-20"))
    found = {f.subject: f for f in integriteit.check(doc, date(2029, 1, 2), rules=[_ACK]).findings}
    assert found["R-2028-12-28"].due == date(2029, 1, 4)
    assert "in 2029" in found["R-2028-12-28"].caveats[0].text("en")
    assert (found["R-2028-12-20"].due, found["R-2028-12-20"].caveats) == (date(2028, 12, 27), ())


@settings(max_examples=150)
@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2040, 12, 31)))
def test_a_wbk_deadline_has_the_caveat_iff_its_computation_crossed_a_year_without_a_decree(
        received: date) -> None:
    """For every receipt: the acknowledgement (and the feedback, from the day it was due)
    carries ``atw.calendar_incomplete`` exactly when a year from the receipt to the deadline is
    not covered by a decree in the data; a receipt before the Wbk gets no deadline, no error."""
    doc = integriteit.from_dict(_register(received.isoformat()))
    at = max(received, date(2023, 2, 18))
    for f in integriteit.check(doc, at, rules=[_ACK, _FEEDBACK]).findings:
        assert f.status is not Status.ERROR
        if received < date(2023, 2, 18):
            assert (f.due, f.caveats) == (None, ())
            continue
        assert f.due is not None and isinstance(f.explanation, Deadline)
        start = f.explanation.start
        crossed = sorted(y for y in range(start.year, f.due.year + 1) if y not in COMPLETE_YEARS)
        assert bool(f.caveats) == bool(crossed)
        assert [c.code for c in f.caveats] == ["atw.calendar_incomplete"] * bool(crossed)
        for year in crossed:
            assert str(year) in f.caveats[0].text("en")


def test_caveat_codes_are_dotted_lower_case_words() -> None:
    """A code is stable for systems: ``atw.calendar_incomplete``, not free text."""
    with pytest.raises(ValueError, match="dotted lower-case"):
        integriteit.Caveat("Calendar incomplete", Text("x", "x"))


def test_atw_term_from_a_day_before_koningsdag_2014_is_refused() -> None:
    """Before 2014 the King's birthday was Koninginnedag, 30 April, which the calendar does
    not have: 7 days from Tuesday 23 April 2013 would end on 30 April 2013. Refused."""
    term = Term(7, Unit.DAYS, TermOrigin.STATUTE)
    for call in (term.compute, term.deadline):
        with pytest.raises(integriteit.CalendarError) as raised:
            call(date(2013, 4, 23))
        assert raised.value.day == date(2013, 4, 23)
        assert isinstance(raised.value, integriteit.IntegriteitError)
        assert "Koninginnedag (30 April)" in raised.value.message("en")
        assert "2013-04-23" in raised.value.message("en")
        assert "Koninginnedag (30 april)" in raised.value.message("nl")
    with pytest.raises(integriteit.CalendarError):
        term.deadline(date(2013, 12, 31))
    assert term.deadline(date(2014, 1, 1)) == date(2014, 1, 8)
    # Terms the Atw does not extend need no calendar: computed as before.
    assert Term(7, Unit.DAYS, TermOrigin.ORGANISATION).deadline(date(2013, 4, 23)) == date(
        2013, 4, 30)
    assert Term(4, Unit.MONTHS, TermOrigin.STATUTE).compute(date(2013, 4, 23)).end == date(
        2013, 8, 23)
    assert Term(7, Unit.DAYS, TermOrigin.STATUTE, backwards=True).deadline(
        date(2013, 5, 7)) == date(2013, 4, 30)


def test_calendar_error_survives_pickling() -> None:
    """A process that checks in parallel can pass the error on."""
    error = integriteit.CalendarError(date(2013, 4, 23), 2014)
    again = pickle.loads(pickle.dumps(error))
    assert (again.day, again.first_year, again.message("nl")) == (
        error.day, error.first_year, error.message("nl"))


def test_a_plugin_rule_with_an_atw_term_before_2014_gets_an_error_finding_not_a_date() -> None:
    """A plugin rule that computes a statutory term from 2013: status ``error`` naming
    CalendarError, every other rule still runs."""
    term = Term(7, Unit.DAYS, TermOrigin.STATUTE)
    registry = employee_rule_registry("plugin.atw_2013", lambda e: term.compute(e.start))
    doc = integriteit.from_dict({"organisation": _KLOK, "employees": [
        {"id": "A", "start": "2013-04-23", "employment": "ambtenaar"}]})
    result = integriteit.check(doc, date(2026, 6, 1), registry=registry)
    [f] = [f for f in result.findings if f.rule == "plugin.atw_2013"]
    assert f.status is Status.ERROR
    assert "CalendarError" in f.message("en")


def test_wbk_entries_received_before_2014_get_no_deadline_and_no_error() -> None:
    """The built-in rules never compute an Atw term before 2014: a report received on
    23 April 2013 is before the Wet Huis voor klokkenluiders, not_applicable."""
    doc = integriteit.from_dict(_register("2013-04-23"))
    for f in integriteit.check(doc, date(2026, 6, 1), rules=[_ACK, _FEEDBACK]).findings:
        assert (f.status, f.due, f.caveats) == (Status.NOT_APPLICABLE, None, ())


def test_explain_of_a_plugin_term_from_koninginnedag_2013_refuses_with_exit_2(
        capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """``explain --at 2013-04-23`` of a plugin rule with a statutory 7-day term, in force
    always: one error line naming the date and Koninginnedag, exit 2, no traceback."""
    from integriteit import Rule, RuleVersion, Severity, SubjectKind
    from integriteit.cli import main
    from integriteit.plugins import build_registry

    rule = Rule("plugin.termijn", Text("Termijn", "Term"), Severity.INFO,
                SubjectKind.REGISTER_ENTRY,
                (RuleVersion(None, None, (), lambda ctx: lambda e: None, Text("", "")),),
                terms=(Term(7, Unit.DAYS, TermOrigin.STATUTE),))
    monkeypatch.setattr("integriteit.cli.default_registry", lambda: build_registry(
        entry_point_plugins=False, extra=[("tests", lambda reg: reg.add_rule(rule))]))
    assert main(["explain", "plugin.termijn", "--at", "2013-04-23", "--lang", "en"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("integriteit: error: A statutory term from 2013-04-23 is not computed: the "
                   "calendar of the Algemene termijnenwet (art. 3) is modelled from 2014 "
                   "(Koningsdag); before that Koninginnedag (30 April) and other days off are "
                   "not.\n")
    assert main(["explain", "plugin.termijn", "--at", "2014-04-23", "--lang", "en"]) == 0



def _cli(capsys: Any, tmp_path: Any, doc: dict[str, Any], *args: str) -> tuple[int, str]:
    from integriteit.cli import main

    path = tmp_path / "register.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code = main(["check", str(path), *args])
    out, _ = capsys.readouterr()
    return code, out


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wbk_acknowledgement_received_2029_05_03_has_caveats_in_the_json_of_the_cli(
        capsys: Any, tmp_path: Any, fmt: str, lang: str) -> None:
    """``caveats``: a list of ``{"code", "message"}`` (the message in the run's language) on
    the 2029 deadline, an empty list on the 2025 one and on findings without a deadline."""
    code, out = _cli(capsys, tmp_path, _register("2029-05-03", "2025-05-03"), "--at",
                     "2029-05-04", "--format", fmt, "--lang", lang)
    assert code == 1  # the 2025 acknowledgement is overdue
    findings = (json.loads(out)["findings"] if fmt == "json"
                else [json.loads(line) for line in out.splitlines()])
    by_key = {(f["rule"], f["subject"]): f for f in findings}
    late = by_key[(_ACK, "R-2029-05-03")]
    assert late["due"] == "2029-05-11"
    [caveat] = late["caveats"]
    assert list(caveat) == ["code", "message"]
    assert caveat["code"] == "atw.calendar_incomplete"
    assert caveat["message"] == integriteit.check(
        integriteit.from_dict(_register("2029-05-03")), date(2029, 5, 4),
        rules=[_ACK]).findings[0].caveats[0].text(lang)  # type: ignore[arg-type]
    assert by_key[(_ACK, "R-2025-05-03")]["caveats"] == []
    assert all(f["caveats"] == [] for f in findings if f["due"] is None)
    assert all(list(f)[-2:] == ["explanation", "caveats"] for f in findings)


@pytest.mark.parametrize(("lang", "note"), [
    ("nl", "Let op: Berekend zonder de bij Koninklijk Besluit"),
    ("en", "Note: Computed without the days made equal to a feestdag by Royal Decree in 2029"),
])
def test_wbk_acknowledgement_received_2029_05_03_shows_the_caveat_under_its_text_line(
        capsys: Any, tmp_path: Any, lang: str, note: str) -> None:
    """Text: the note follows the finding's line (with the deadline), with the code; the 2025
    finding has none."""
    _, out = _cli(capsys, tmp_path, _register("2029-05-03", "2025-05-03"), "--at",
                  "2029-05-04", "--rule", _ACK, "--lang", lang)
    lines = out.splitlines()
    [at] = [i for i, line in enumerate(lines) if "R-2029-05-03" in line]
    assert {"nl": "uiterlijk 11 mei 2029", "en": "due 11 May 2029"}[lang] in lines[at]
    assert lines[at + 1].strip().startswith(note)
    assert "[atw.calendar_incomplete]" in " ".join(lines[at + 1:at + 6])
    assert out.count("atw.calendar_incomplete") == 1


def test_many_findings_with_a_caveat_are_not_folded_into_one_text_line() -> None:
    """Ten or more equal messages fold into one line, but not when their deadline has a
    caveat: each keeps its own line and note."""
    doc = integriteit.from_dict({"organisation": _KLOK, "register": [
        {"id": f"R{i}", "kind": "misstand", "received": "2029-05-03", "channel": "werkgever"}
        for i in range(12)]})
    out = io.StringIO()
    default_registry().exporter("text").write(
        integriteit.check(doc, date(2029, 5, 4), rules=[_ACK]), out, "en")
    assert out.getvalue().count("[atw.calendar_incomplete]") == 12
    assert "12 subjects (" not in out.getvalue()  # no folded line; the summary counts them


@pytest.mark.parametrize("command", ["rules", "coverage"])
def test_rules_and_coverage_say_the_atw_calendar_is_known_up_to_2028(
        capsys: Any, command: str) -> None:
    """Under both Wbk register rules, in Dutch and English text and in JSON (``atw_calendar``):
    Royal-Decree days known for 2017–2019 and 2023–2028 (art. 3(3))."""
    from integriteit.cli import main

    for lang, words in (("nl", "art. 3 lid 3: bij Koninklijk Besluit met een feestdag "
                                "gelijkgestelde dagen bekend voor 2017–2019 en 2023–2028"),
                        ("en", "art. 3(3): days made equal to a feestdag by Royal Decree known "
                               "for 2017–2019 and 2023–2028")):
        main([command, "--lang", lang])
        out, _ = capsys.readouterr()
        assert out.count(words) == 2
        blocks = out.split(f"\n{_FEEDBACK}")
        assert words in blocks[0].split(f"{_ACK}")[1] and words in blocks[1]
    main([command, "--format", "json", "--lang", "en"])
    items = json.loads(capsys.readouterr()[0])
    calendars = {i.get("id", i.get("rule")): i["atw_calendar"] for i in items}
    assert {r for r, c in calendars.items() if c is not None} == {_ACK, _FEEDBACK}
    assert calendars[_ACK]["last_complete_year"] == 2028
    assert calendars[_ACK]["complete_years"] == [2017, 2018, 2019, *range(2023, 2029)]
    assert calendars[_ACK]["first_modelled_year"] == 2014
    assert "2023–2028" in calendars[_ACK]["message"]


def test_explain_gives_the_caveat_of_its_example_in_2029(capsys: Any) -> None:
    """``explain --at 2029-05-03 --format json``: the example's ``caveats``."""
    from integriteit.cli import main

    assert main(["explain", _ACK, "--at", "2029-05-03", "--format", "json"]) == 0
    [term] = json.loads(capsys.readouterr()[0])["terms"]
    assert term["example"]["deadline"] == "2029-05-11"
    assert [c["code"] for c in term["example"]["caveats"]] == ["atw.calendar_incomplete"]
