"""Provincie Noordkust's integrity policy and HR import format, as an integriteit plugin.

Installed, it is found through its entry point (group ``integriteit``, see ``pyproject.toml``);
``integriteit plugins`` then lists it with this distribution's name and version.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from typing import TextIO

from integriteit import (
    Binding,
    CheckResult,
    Employee,
    EmploymentKind,
    Exporter,
    Finding,
    Lang,
    Registry,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    Text,
)
from integriteit.taxonomies import Category, Taxonomy

INTEGRITEIT_PLUGIN_API = 1
"""The plugin-API version this plugin was written for (``integriteit.plugins.PLUGIN_API``)."""

VULNERABLE_FUNCTIONS = frozenset({"inkoper", "vergunningverlener", "toezichthouder",
                                  "handhaver"})
"""The functions the province designates as vulnerable (its own list: policy, not law)."""

_NOT_AMBTENAAR = Text("Geen ambtenaar van Noordkust: legt geen eed of belofte af.",
                      "No ambtenaar of Noordkust: takes no eed or belofte.")
_NOT_VULNERABLE = Text("Geen aangewezen kwetsbare functie van Noordkust.",
                       "Not a function Noordkust designates as vulnerable.")
_NO_FUNCTION = Text("De functie is niet bekend; geef 'function' mee om te bepalen of dit "
                    "beleid geldt.",
                    "The function is not known; give 'function' to tell whether this policy "
                    "applies.")
_MESSAGES = {
    Status.OK: Text("Eed of belofte op {oath} afgelegd, uiterlijk op de eerste werkdag "
                    "({start}), zoals Noordkust vraagt in de functie {function}.",
                    "Eed or belofte taken on {oath}, by the first working day ({start}), as "
                    "Noordkust asks in the function {function}."),
    Status.LATE: Text("Eed of belofte op {oath} afgelegd, na de eerste werkdag ({start}); "
                      "Noordkust vraagt die in de functie {function} uiterlijk bij de start.",
                      "Eed or belofte taken on {oath}, after the first working day ({start}); "
                      "Noordkust asks it in the function {function} by the start."),
    Status.DUE: Text("Nog geen eed of belofte; in de functie {function} uiterlijk op de "
                     "eerste werkdag, {start}.",
                     "No eed or belofte yet; in the function {function} by the first working "
                     "day, {start}."),
    Status.OVERDUE: Text("Geen eed of belofte afgelegd, terwijl Noordkust die in de functie "
                         "{function} vraagt uiterlijk op de eerste werkdag, {start}.",
                         "No eed or belofte taken, while Noordkust asks it in the function "
                         "{function} by the first working day, {start}."),
}


def _prepare(ctx: RuleContext) -> Callable[[Employee], Finding]:
    def evaluate(e: Employee) -> Finding:
        if e.employment is not EmploymentKind.AMBTENAAR:
            return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _NOT_AMBTENAAR, {})
        if e.function is None:
            return ctx.finding(e.id, Status.UNKNOWN, None, _NO_FUNCTION, {})
        function = e.function.strip().lower()
        if function not in VULNERABLE_FUNCTIONS:
            return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _NOT_VULNERABLE, {})
        oath = e.oath.date if e.oath is not None else None
        if oath is not None:
            status = Status.OK if oath <= e.start else Status.LATE
        else:
            status = Status.DUE if ctx.at <= e.start else Status.OVERDUE
        return ctx.finding(e.id, status, e.start, _MESSAGES[status],
                           {"start": e.start, "oath": oath, "function": function})

    return evaluate


EED_VOOR_START = Rule(
    id="noordkust.eed_voor_start",
    title=Text("Eed of belofte vóór de start in een kwetsbare functie (Noordkust)",
               "Eed or belofte before the start in a vulnerable function (Noordkust)"),
    severity=Severity.WARNING,
    subject=SubjectKind.EMPLOYEE,
    binding=Binding.POLICY,
    law_date=lambda employee, at: employee.start,  # the policy of the day someone started
    versions=(RuleVersion(
        date(2025, 1, 1), None, (), _prepare,
        Text("Beleid van Provincie Noordkust (integriteitsbeleid 2025), geen wet.",
             "Policy of Provincie Noordkust (integrity policy 2025), not law.")),),
    explanation=Text(
        "Voor een ambtenaar die begint in een functie die Noordkust kwetsbaar noemt: in orde "
        "als de eed of belofte uiterlijk op de eerste werkdag is afgelegd, anders te laat; nog "
        "niet afgelegd: binnen de termijn tot en met de eerste werkdag, daarna verstreken.",
        "For an ambtenaar who starts in a function Noordkust calls vulnerable: ok when the eed or "
        "belofte was taken by the first working day, else late; not yet taken: due up to and "
        "including the first working day, overdue after it."),
)


_ACTIONS = {"ambtenarenwet.eed": "EED", "noordkust.eed_voor_start": "EED-KWETSBAAR"}
"""The HR system's action code per rule (other rules: their id)."""
_NEEDS_ACTION = frozenset({Status.DUE, Status.OVERDUE, Status.INVALID})


def cell(value: object) -> str:
    """A cell a spreadsheet will not run: text starting with ``= + - @``, a tab or CR (a
    formula to Excel) gets a leading apostrophe. Ids and messages come from the document."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_hr_import(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """The HR system's import: one row per employee finding that needs action (``due``,
    ``overdue``, ``invalid``), ``;``-separated, dates as ``31-12-2026``, every cell
    neutralised (:func:`cell`)."""
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Personeelsnummer", "Actie", "Datum", "Toelichting"])
    per_employee = {r.id for r in result.rules if r.subject is SubjectKind.EMPLOYEE}
    for f in result.findings:
        if f.rule not in per_employee or f.status not in _NEEDS_ACTION:
            continue
        day = f.due.strftime("%d-%m-%Y") if f.due is not None else ""
        writer.writerow([cell(f.subject), _ACTIONS.get(f.rule, f.rule), day,
                         cell(f.message(lang))])


NOORDKUST = Taxonomy(
    name="noordkust",
    version="2025.1",
    title=Text("Registratiemodel integriteit Provincie Noordkust",
               "Integrity registration model of Provincie Noordkust"),
    source=Text("Eigen registratiemodel van de provincie (fictief voorbeeld).",
                "The province's own registration model (a fictional example)."),
    categories=(
        Category("nevenfunctie_belangen", Text("Belangenverstrengeling door een nevenfunctie",
                                               "Conflict of interest through a side job"),
                 aliases=("nevenfunctie",)),
        Category("vergunning_beinvloeding", Text("Beïnvloeding van een vergunning",
                                                 "Influencing a permit"),
                 aliases=("vergunningverlening",)),
        Category("omgang_op_locatie", Text("Omgangsvormen op de buitenlocatie",
                                           "Conduct at the field site")),
    ),
    maps_to={"nevenfunctie_belangen": "integriteit", "vergunning_beinvloeding": "integriteit",
             "omgang_op_locatie": "ongewenste_omgangsvormen"},
)
"""The province's own categories for its register; each counts under a vertrouwenspersoon
category where reports are compared."""


def register(registry: Registry) -> None:
    """The plugin hook, named by the entry point."""
    registry.add_rule(EED_VOOR_START)
    registry.add_taxonomy(NOORDKUST)
    registry.add_exporter(Exporter(
        "hr-import", Text("import voor het HR-systeem van Noordkust",
                          "import for Noordkust's HR system"),
        write_hr_import))
