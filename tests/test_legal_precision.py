"""Issue 11, legal precision: scenarios pinned to dates, named after the law they test."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import integriteit
from integriteit import Status
from integriteit.checklist import checklist
from integriteit.model import Organisation, OrganisationKind
from integriteit.plugins import default_registry


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
