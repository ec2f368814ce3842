"""The ``markdown`` format (issue 13, part): a summary and one table per rule, what needs
action first, in the run's language, every document string escaped."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest

import integriteit
from integriteit import check, export
from integriteit.engine import STATUS_WORDS
from integriteit.exporters._common import STATUS_ORDER

AT = date(2026, 6, 1)
_CELL = re.compile(r"(?<!\\)\|")


def _tables(text: str) -> dict[str, list[list[str]]]:
    """The rows of each rule's table, by rule id (from the ``## title (`id`)`` heading)."""
    tables: dict[str, list[list[str]]] = {}
    rule = ""
    for line in text.splitlines():
        heading = re.fullmatch(r"## .* \(`([a-z0-9_.]+)`\)", line)
        if heading:
            rule = heading.group(1)
            tables[rule] = []
        elif line.startswith("| ") and not line.startswith(("| Status", "|---")):
            cells = [c.strip() for c in _CELL.split(line)[1:-1]]
            tables[rule].append(cells)
    return tables


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_table_per_rule_what_needs_action_first(lang: str) -> None:
    result = check(integriteit.example(), AT)
    text = export(result, "markdown", lang=lang)  # type: ignore[arg-type]
    assert text is not None
    first, _, summary = text.splitlines()[:3]
    assert first == ("# Integriteitscheck: Provincie Voorbeeld (provincie, 640 medewerkers), "
                     "peildatum 1 juni 2026" if lang == "nl" else
                     "# Integrity check: Provincie Voorbeeld (province, 640 staff), "
                     "as of 1 June 2026")
    assert summary.startswith("**Samenvatting:** 82 bevindingen" if lang == "nl"
                              else "**Summary:** 82 findings")
    tables = _tables(text)
    assert set(tables) == {f.rule for f in result.findings}
    assert sum(len(rows) for rows in tables.values()) == len(result.findings)
    words = {STATUS_WORDS[s].get(lang): i for i, s in enumerate(STATUS_ORDER)}  # type: ignore[arg-type]
    ranks = []
    for rows in tables.values():
        assert all(len(r) == 4 for r in rows)
        order = [words[r[0]] for r in rows]
        assert order == sorted(order)  # within a rule: what needs action first
        ranks.append(order[0])
    assert ranks == sorted(ranks)  # the rules whose findings need action most first
    assert next(iter(tables)) == "ambtenarenwet.eed"


def test_only_lists_some_and_the_summary_counts_all() -> None:
    text = export(check(integriteit.example(), AT, only=["overdue"]), "markdown", lang="en")
    assert text is not None
    assert ("**Summary:** 82 findings of 16 rules: 5 overdue, 1 invalid, 4 late, 4 due, 19 ok, "
            "49 not applicable. Listed: 5 (overdue).") in text
    rows = [r for rows in _tables(text).values() for r in rows]
    assert len(rows) == 5 and {r[0] for r in rows} == {"overdue"}


def test_a_caveat_follows_its_message_and_explain_adds_the_computation() -> None:
    doc = integriteit.from_dict({
        "organisation": {"name": "G | [x](y) # z", "kind": "gemeente", "headcount": 60},
        "register": [{"id": "R-2029-1", "kind": "misstand", "received": "2029-05-03",
                      "channel": "werkgever"}]})
    result = check(doc, date(2029, 5, 4), rules=["wbk.ontvangstbevestiging"])
    text = export(result, "markdown", lang="en", explain=True)
    assert text is not None
    assert text.startswith("# Integrity check: G \\| \\[x\\](y) \\# z (municipality, 60 staff)")
    [row] = _tables(text)["wbk.ontvangstbevestiging"]
    assert row[:3] == ["due", "R-2029-1", "11 May 2029"]
    assert "*Note: Computed without the days made equal to a feestdag by Royal Decree" in row[3]
    assert "How the findings came about:" in text
    assert "- **R-2029-1**: Wet bescherming klokkenluiders" in text


def test_iso_dates_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    from integriteit.cli import main

    assert main(["demo", "--format", "markdown", "--iso-dates", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "as of 2026-06-01" in out and "| overdue | P003 | 2026-05-02 |" in out
    assert io.StringIO(out).readline().startswith("# Integrity check")
