"""The compliance checklist: obligations per organisation and date, with their state."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import integriteit
from integriteit import Organisation, OrganisationKind
from integriteit.checklist import State, checklist
from integriteit.cli import main

DEMO = Path(integriteit.__file__).parent / "data" / "demo.json"
WBK_ELEMENTS = {"wbk.ontvangstbevestiging", "wbk.terugkoppeling", "wbk.meldprocedure.functionaris",
                "wbk.meldprocedure.adviseur_in_vertrouwen", "wbk.meldprocedure.instemming",
                "wbk.register"}


def ids(org: Organisation, at: date) -> dict[str, list[str]]:
    return {i.rule.id: [s.cite("en") for s in i.sources]
            for i in checklist(org, at, integriteit.rules())}


def test_gemeente_of_120_gets_every_wbk_item() -> None:
    """A gemeente of 120 workers must have the full Wbk procedure (art. 2(1), 50 or more)."""
    items = ids(Organisation("G", OrganisationKind.GEMEENTE, 120), date(2026, 6, 1))
    assert set(items) >= WBK_ELEMENTS
    assert items["wbk.meldprocedure"] == ["Wet bescherming klokkenluiders (BWBR0037852) art. 2(1)",
                                          "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(e)"]


def test_organisation_of_30_gets_no_wbk_item_but_the_ambtenarenwet_procedure() -> None:
    """30 workers: no Wbk art. 2(1) item, still the Ambtenarenwet art. 5(1)(e) procedure."""
    items = ids(Organisation("G", OrganisationKind.GEMEENTE, 30), date(2026, 6, 1))
    assert not WBK_ELEMENTS & set(items)
    assert items["wbk.meldprocedure"] == ["Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(e)"]


def test_threshold_is_fifty() -> None:
    """49 workers: no Wbk elements; 50: all of them."""
    at = date(2026, 6, 1)
    assert not WBK_ELEMENTS & set(ids(Organisation("G", OrganisationKind.GEMEENTE, 49), at))
    assert set(ids(Organisation("G", OrganisationKind.GEMEENTE, 50), at)) >= WBK_ELEMENTS


def test_the_date_decides_which_law_is_listed() -> None:
    """In 2019 the items cite the old Ambtenarenwet and there is no Wbk register duty yet."""
    items = ids(Organisation("P", OrganisationKind.PROVINCIE, 640), date(2019, 6, 1))
    assert items["ambtenarenwet.eed"][0].startswith("Ambtenarenwet (BWBR0001947) art. 125quinquies")
    assert "wbk.register" not in items and "ambtenarenwet.verantwoording" not in items


def test_other_public_employers_had_no_art_125quater_duties_before_2020() -> None:
    """Before 2020, art. 125quater bound only Rijk, provincies, gemeenten and waterschappen."""
    items = ids(Organisation("O", OrganisationKind.OVERIG, 80), date(2019, 6, 1))
    assert "ambtenarenwet.gedragscode" not in items
    assert "ambtenarenwet.gedragscode" in ids(Organisation("O", OrganisationKind.OVERIG, 80),
                                              date(2020, 1, 1))


def test_states_come_from_the_findings_of_a_facts_file() -> None:
    """With the demo: the gedragscode is met, the oath is not met, the register is met."""
    doc = integriteit.example()
    at = date(2026, 6, 1)
    result = integriteit.check(doc, at)
    states = {i.rule.id: i.state for i in checklist(doc.organisation, at,
                                                    integriteit.rules(), result)}
    assert states["ambtenarenwet.gedragscode"] is State.MET
    assert states["ambtenarenwet.eed"] is State.NOT_MET
    assert states["wbk.terugkoppeling"] is State.MET  # only due and ok: within the terms


def test_unknown_when_the_facts_are_missing() -> None:
    """A document without facts gives unknown items, not met or not met."""
    doc = integriteit.from_dict({"organisation": {"name": "X", "kind": "gemeente",
                                                  "headcount": 120}})
    at = date(2026, 6, 1)
    items = checklist(doc.organisation, at, integriteit.rules(), integriteit.check(doc, at))
    assert {i.rule.id: i.state for i in items}["ambtenarenwet.gedragscode"] is State.UNKNOWN


def test_checklist_command_markdown_without_file(capsys: pytest.CaptureFixture[str]) -> None:
    """``checklist --kind gemeente --headcount 120``: Markdown, statute section, no states."""
    assert main(["checklist", "--at", "2026-06-01", "--kind", "gemeente", "--headcount", "120",
                 "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Integrity checklist: municipality, 120 staff, as of 1 June 2026\n")
    assert "## Statute" in out and "(`wbk.register`)" in out and "— **" not in out


def test_checklist_command_json_with_file(capsys: pytest.CaptureFixture[str]) -> None:
    """``checklist FILE --format json``: items with sources and states."""
    assert main(["checklist", str(DEMO), "--at", "2026-06-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    items = {i["rule"]: i for i in data["items"]}
    assert data["organisation"]["kind"] == "provincie"
    assert items["ambtenarenwet.verantwoording"]["state"] == "not_met"
    assert items["ambtenarenwet.verantwoording"]["findings"] == {"late": 1}
    assert items["ambtenarenwet.eed"]["sources"] == [
        "Ambtenarenwet 2017 (BWBR0001947) art. 5 lid 1 onder a",
        "Ambtenarenwet 2017 (BWBR0001947) art. 7"]
