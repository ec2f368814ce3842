"""The annual integrity report (jaarverslag): the tables of Ambtenarenwet 2017 art. 4(4).

From the register it counts, per year, kind (gesprek, melding, klacht, misstand) and category,
the entries received; from the employees, facts and rules it adds the figures of the report
year: oaths, externals, nevenwerkzaamheden, Wbk terms, vertrouwenspersonen.

The counting rule: an entry counts once in each of its categories and once in its kind's total,
so a total counts distinct entries and can be smaller than the sum of its categories (the report
says so when that happens); an entry without categories counts in the total only.

Privacy: only counts leave this module, never an entry id, a date of receipt or anything a
person could be recognised by; ``suppress_below`` K hides every count from 1 to K-1, and as
many others as it takes for no hidden count to follow from the published ones and the
relations a reader knows (a total and its parts, the Wbk and oath breakdowns), all shown
alike as ``"x"`` (and the share of a hidden count or total as a dash).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any, BinaryIO, TextIO

from attrs import evolve, field, frozen

from integriteit._suppression import protect
from integriteit.engine import RuleFailure, Status, check, waiver_problems
from integriteit.errors import InputError, Problem, one_line
from integriteit.exporters._common import json_text, markdown_inline
from integriteit.i18n import Lang, Text, date_text, people_dates, plural
from integriteit.io import employee_reference_problems, employees_twice, resolve_categories
from integriteit.law.klokkenluiders import AW2017_IN_FORCE, WBK_IN_FORCE
from integriteit.model import (
    CASE_FINDINGS_LABELS,
    MEASURE_LABELS,
    ORGANISATION_KIND_LABELS,
    CaseFindings,
    Document,
    Employee,
    EmploymentKind,
    EntryKind,
    Measure,
)
from integriteit.plugins import Registry, default_registry
from integriteit.policy import INTEGRITEITSVERKLARING_REQUIRED, WORKSHOP_REQUIRED_FOR
from integriteit.sources import cite_all
from integriteit.taxonomies import BUILTIN_TAXONOMIES, Category, all_categories

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "AnnualReport",
    "CountRow",
    "Figure",
    "OutcomeRow",
    "TotalRow",
    "annual_report",
    "write_report",
    "write_report_bytes",
]

KIND_ORDER: tuple[EntryKind, ...] = (EntryKind.MELDING, EntryKind.GESPREK, EntryKind.KLACHT,
                                     EntryKind.MISSTAND)
KIND_WORDS: dict[EntryKind, Text] = {
    EntryKind.MELDING: Text("melding", "melding (report)"),
    EntryKind.GESPREK: Text("gesprek", "gesprek (consultation)"),
    EntryKind.KLACHT: Text("klacht", "klacht (complaint)"),
    EntryKind.MISSTAND: Text("misstand", "misstand (Wbk)"),
}
"""A kind in a table cell (the Dutch term of art, explained in English)."""
KIND_LABELS: dict[EntryKind, Text] = {
    EntryKind.MELDING: Text("Meldingen", "Meldingen (reports)"),
    EntryKind.GESPREK: Text("Gesprekken met vertrouwenspersonen",
                            "Gesprekken (consultations) with vertrouwenspersonen"),
    EntryKind.KLACHT: Text("Klachten", "Klachten (complaints)"),
    EntryKind.MISSTAND: Text("Meldingen van een vermoeden van een misstand (Wbk)",
                             "Reports of a suspected misstand (Wbk)"),
}


@frozen
class CountRow:
    """Entries of ``kind`` received in ``year`` that carry ``category``."""

    year: int
    kind: EntryKind
    category: str
    count: int


@frozen
class TotalRow:
    """Distinct entries of ``kind`` received in ``year``."""

    year: int
    kind: EntryKind
    count: int


@frozen
class OutcomeRow:
    """Formal cases of the report year with one outcome."""

    kind: EntryKind
    investigation: bool
    findings: CaseFindings | None
    measure: Measure | None
    count: int


@frozen
class Figure:
    """One figure of the report year, e.g. ``("eed", "on_time", 12)``; ``None``: not known."""

    section: str
    key: str
    count: int | None
    label: Text


@cache
def _categories() -> dict[str, Category]:
    """The built-in categories, in taxonomy order (built once)."""
    return all_categories()


@frozen
class AnnualReport:
    """Everything the report shows, as counts (see the module docstring for the rule)."""

    document: Document = field(repr=False)
    year: int
    years: tuple[int, ...]
    at: date
    counts: tuple[CountRow, ...]
    totals: tuple[TotalRow, ...]
    uncategorised: tuple[TotalRow, ...]
    """Per year and kind, the entries without a category (counted in the totals only)."""
    multi_category: tuple[TotalRow, ...]
    """Per year and kind, the entries with more than one category."""
    outcomes: tuple[OutcomeRow, ...]
    figures: tuple[Figure, ...]
    register_since: date = date(1900, 1, 1)
    """The day from which the register is complete (``report.register_since``, the option,
    or 1 January of the year of the first entry): years before it have no data."""
    register_since_given: bool = False
    """Whether the document or the caller said from when the register is complete."""
    not_counted: int = 0
    """Entries received before :attr:`register_since`: not counted anywhere."""
    categories: Mapping[str, Category] = field(factory=lambda: _categories(), repr=False,
                                               eq=False)
    """The categories the report can name, by key, in report order: those of the built-in
    taxonomies and of the registry's plugins."""

    @property
    def kinds(self) -> tuple[EntryKind, ...]:
        """The kinds in the register or listed in ``report.always``, in report order."""
        present = {e.kind for e in self.document.register} | set(self.document.report.always)
        return tuple(k for k in KIND_ORDER if k in present)

    @property
    def no_data_years(self) -> tuple[int, ...]:
        """The years of the window wholly before :attr:`register_since`: no data, not 0."""
        return tuple(y for y in self.years if y < self.register_since.year)

    @property
    def partial_year(self) -> int | None:
        """The year of the window registered only from :attr:`register_since` on (when that
        is not 1 January), else None."""
        since = self.register_since
        return since.year if (since.month, since.day) != (1, 1) and since.year in self.years \
            else None


def _items(cell: str, nl: bool) -> str:
    """``item`` / ``items``, ``entry`` / ``entries`` after a count as shown (a hidden count, ``x``,
    takes the plural)."""
    one = cell.strip() == "1"
    return ("item" if one else "items") if nl else ("entry" if one else "entries")


def _problem(option: str, nl: str, en: str) -> InputError:
    """A value of the report's options that cannot be used (named as on the command line)."""
    return InputError([Problem(option, "", Text(nl, en))])


def annual_report(document: Document, year: int, *, years: int = 5, at: date | None = None,
                  registry: Registry | None = None,
                  employees: Iterable[Employee] | None = None,
                  source: str = "<document>",
                  register_since: date | None = None) -> AnnualReport:
    """The report over ``year`` with the ``years - 1`` years before it, as of ``at`` (default
    31 December of ``year``, or today while that year runs: figures such as "oath still
    open" are as of that day). ``employees``: the staff from an HR export
    (:func:`integriteit.read_employees`) instead of the document's; only the year's starters
    are kept while it is read. ``source`` names the document in problems.
    ``register_since`` overrides the document's ``report.register_since``: the day from which
    the register is complete (years before it show no data, never 0).

    >>> from integriteit import example
    >>> r = annual_report(example(), 2026, years=2, at=date(2026, 6, 1))
    >>> [(t.year, t.kind.value, t.count) for t in r.totals]  # doctest: +NORMALIZE_WHITESPACE
    [(2025, 'melding', 0), (2026, 'melding', 1), (2025, 'gesprek', 0), (2026, 'gesprek', 1),
     (2025, 'misstand', 1), (2026, 'misstand', 2)]
    """
    if not 1 <= years <= 50:
        raise _problem("--years", f"{years} ligt niet tussen 1 en 50", f"{years} is not "
                       "between 1 and 50")
    if not 1900 <= year - years + 1 <= year <= 9999:
        raise _problem("--year", f"{year} met {years} jaar terug begint vóór 1900",
                       f"{year} with {years} year(s) back starts before 1900")
    if at is not None and at.year < year:
        raise _problem("--at", f"{at} ligt vóór het verslagjaar {year}",
                       f"{at} is before the report year {year}")
    taxonomies = (registry if registry is not None else default_registry()).all_taxonomies()
    document, problems = resolve_categories(document, "<document>", taxonomies)
    if problems:
        raise InputError(problems)
    categories = (_categories() if len(taxonomies) == len(BUILTIN_TAXONOMIES)
                  else all_categories(taxonomies))
    given = register_since if register_since is not None else document.report.register_since
    if given is not None and given.year > year:
        message = Text(f"{given} ligt na het verslagjaar {year}: over dat jaar is het register "
                       "niet compleet, dus er zijn geen cijfers",
                       f"{given} is after the report year {year}: the register is not "
                       "complete over that year, so there are no figures")
        raise InputError([Problem("--register-since", "", message) if register_since is not None
                          else Problem(source, "report.register_since", message)])
    first = min((e.received.year for e in document.register), default=year)
    since = given if given is not None else date(min(first, year), 1, 1)
    counted = tuple(e for e in document.register if e.received >= since)
    not_counted = len(document.register) - len(counted)
    if not_counted:
        document = evolve(document, register=counted)
    window = tuple(range(year - years + 1, year + 1))
    registered = tuple(y for y in window if y >= since.year)
    at = at if at is not None else min(date(year, 12, 31), date.today())
    per_category: Counter[tuple[int, EntryKind, str]] = Counter()
    per_kind: Counter[tuple[int, EntryKind]] = Counter()
    bare: Counter[tuple[int, EntryKind]] = Counter()
    multi: Counter[tuple[int, EntryKind]] = Counter()
    outcomes: Counter[tuple[EntryKind, bool, CaseFindings | None, Measure | None]] = Counter()
    for entry in document.register:
        y = entry.received.year
        if y not in window:
            continue
        per_kind[(y, entry.kind)] += 1
        for key in entry.categories:
            per_category[(y, entry.kind, key)] += 1
        if not entry.categories:
            bare[(y, entry.kind)] += 1
        elif len(entry.categories) > 1:
            multi[(y, entry.kind)] += 1
        if y == year and entry.outcome is not None:
            o = entry.outcome
            outcomes[(entry.kind, o.investigation, o.findings, o.measure)] += 1
    order = {key: i for i, key in enumerate(categories)}
    always = document.report.always
    present = {e.kind for e in document.register} | set(always)
    kinds = [k for k in KIND_ORDER if k in present]
    for kind, keys in always.items():  # the rows the organisation publishes even at zero
        for key in keys:
            for y in registered:
                per_category.setdefault((y, kind, key), 0)
    counts = tuple(CountRow(y, k, c, n) for (y, k, c), n in sorted(
        per_category.items(), key=lambda item: (KIND_ORDER.index(item[0][1]), item[0][0],
                                                order.get(item[0][2], len(order)),
                                                item[0][2])))
    totals = tuple(TotalRow(y, k, per_kind[(y, k)]) for k in kinds for y in registered)
    uncategorised = tuple(TotalRow(y, k, bare[(y, k)]) for k in kinds for y in window
                          if bare[(y, k)])
    multis = tuple(TotalRow(y, k, multi[(y, k)]) for k in kinds for y in window
                   if multi[(y, k)])
    outcome_rows = tuple(OutcomeRow(k, inv, f, m, n) for (k, inv, f, m), n in sorted(
        outcomes.items(), key=lambda item: (KIND_ORDER.index(item[0][0]), not item[0][1],
                                            str(item[0][2]), str(item[0][3]))))
    figures = _figures(document, year, at, registry, employees, source)
    return AnnualReport(document, year, window, at, counts, totals, uncategorised, multis,
                        outcome_rows, figures, since, given is not None, not_counted,
                        MappingProxyType(categories))


# --- the figures of the report year --------------------------------------------------------

def _starters(document: Document, year: int, at: date, employees: Iterable[Employee] | None,
              source: str, registry: Registry | None) -> tuple[list[Employee], bool]:
    """The employees who started in ``year`` (on or before ``at``), and whether there is any
    staff at all; an HR export is read through, and its problems raised. The waivers are
    checked as ``check`` checks them (rule and subject known, index in the document)."""
    rules = (registry if registry is not None else default_registry()).rules.values()
    if employees is None:
        wrong = waiver_problems(document, rules, source)
        if wrong:
            raise InputError(wrong)
        return ([e for e in document.employees if e.start.year == year and e.start <= at],
                bool(document.employees))
    if document.employees:
        raise employees_twice(source)
    starters: list[Employee] = []
    ids: set[str] = set()
    problems: list[Problem] = []
    for i, e in enumerate(employees):
        if e.id in ids:
            problems.append(Problem(source, f"employees[{i}].id", Text(
                f"dubbel id {e.id!r}", f"duplicate id {e.id!r}"), e.id))
        ids.add(e.id)
        if e.start.year == year and e.start <= at:
            starters.append(e)
    found = getattr(employees, "problem_count", 0)
    if found:  # an HR export's reader checked the rows (and skipped a second id)
        raise InputError(tuple(getattr(employees, "problems", ())), total=found)
    problems += employee_reference_problems(document, ids, source)
    problems += waiver_problems(document, rules, source, ids)
    if problems:
        raise InputError(problems)
    return starters, bool(ids)


def _figures(document: Document, year: int, at: date, registry: Registry | None,
             employees: Iterable[Employee] | None = None,
             source: str = "<document>") -> tuple[Figure, ...]:
    figures: list[Figure] = []
    rules = ["ambtenarenwet.eed", "wbk.ontvangstbevestiging", "wbk.terugkoppeling",
             "beleid.integriteitsverklaring", "beleid.workshop"]
    policy_days = [date(year, 1, 1), at]
    starters, with_staff = _starters(document, year, at, employees, source, registry)
    misstanden = [e for e in document.register
                  if e.kind is EntryKind.MISSTAND and e.received.year == year]
    # Only the people and reports of the year: the rules judge each subject on its own.
    ids = {e.id for e in starters} | {e.id for e in misstanden}
    of_the_year = evolve(document, employees=starters, register=misstanden,
                         waivers=tuple(w for w in document.waivers if w.subject in ids))
    result = check(of_the_year, at, rules=rules, registry=registry)
    failed = sorted({f.rule for f in result.findings if f.status is Status.ERROR})
    if failed:  # a figure left short would be published as if it were whole
        names = ", ".join(failed)
        raise RuleFailure(Text(
            f"regel {names} is voor een of meer onderwerpen mislukt; de cijfers van het "
            f"verslag zouden onvolledig zijn",
            f"rule {names} failed for some subject; the report's figures would be incomplete"))
    status: dict[tuple[str, str], Status] = {(f.rule, f.subject): f.status
                                             for f in result.findings}
    ambtenaren = [e for e in starters if e.employment is EmploymentKind.AMBTENAAR]
    oath = Counter(status[("ambtenarenwet.eed", e.id)] for e in ambtenaren)
    # with_staff: a register-only document has no staff figures
    figures += [] if not with_staff else [
        Figure("eed", "new_ambtenaren", len(ambtenaren),
               Text("nieuwe ambtenaren", "new ambtenaren")),
        Figure("eed", "taken", oath[Status.OK] + oath[Status.LATE],
               Text("eed of belofte afgelegd", "eed or belofte taken")),
        Figure("eed", "on_time", oath[Status.OK], Text("op tijd", "in time")),
        Figure("eed", "late", oath[Status.LATE], Text("te laat", "late")),
        Figure("eed", "open", oath[Status.DUE] + oath[Status.OVERDUE],
               Text("nog open", "still open")),
        Figure("eed", "overdue", oath[Status.OVERDUE],
               Text("waarvan termijn verstreken", "of which overdue")),
        Figure("eed", "waived", oath[Status.WAIVED], Text("ontheffing", "waived")),
        Figure("eed", "invalid", oath[Status.INVALID],
               Text("ongeldige datum (controleren)", "invalid date (to check)")),
        Figure("eed", "not_applicable", oath[Status.NOT_APPLICABLE],
               Text("uit dienst binnen de termijn", "left within the term")),
    ]
    externals = [e for e in starters if e.employment is not EmploymentKind.AMBTENAAR]
    if with_staff:
        figures.append(Figure("externen", "new_externals", len(externals),
                              Text("nieuwe externen (geen ambtenaar)",
                                   "new externals (no ambtenaar)")))
    policy = result.policy
    for rule, parameter, what in (
            ("beleid.integriteitsverklaring", INTEGRITEITSVERKLARING_REQUIRED.name,
             Text("integriteitsverklaring", "integriteitsverklaring")),
            ("beleid.workshop", WORKSHOP_REQUIRED_FOR.name,
             Text("integriteitsworkshop", "integrity workshop"))):
        judged = Counter(status[(rule, e.id)] for e in starters
                         if status[(rule, e.id)] is not Status.NOT_APPLICABLE)
        # Asked for on a day of the year, or someone was judged by the policy of their start.
        required = judged or any(policy.on(parameter, d).value not in (False, "none")
                                 for d in policy_days)
        if not required or not with_staff:
            continue
        other = judged[Status.WAIVED] + judged[Status.INVALID] + judged[Status.UNKNOWN]
        figures += [
            Figure(rule, "required", sum(judged.values()),
                   Text(f"{what.nl}: gevraagd (beleid)", f"{what.en}: required (policy)")),
            Figure(rule, "on_time", judged[Status.OK], Text(f"{what.nl}: op tijd",
                                                            f"{what.en}: in time")),
            Figure(rule, "late", judged[Status.LATE], Text(f"{what.nl}: te laat",
                                                           f"{what.en}: late")),
            Figure(rule, "open", judged[Status.DUE] + judged[Status.OVERDUE],
                   Text(f"{what.nl}: nog open", f"{what.en}: still open")),
            Figure(rule, "other", other, Text(f"{what.nl}: ontheffing of ongeldige datum",
                                              f"{what.en}: waived or invalid date")),
        ]
    facts = document.facts
    known = "nevenwerkzaamheden" in facts.given
    items = [n for n in facts.nevenwerkzaamheden or () if n.reported.year == year]
    figures += [] if not known else [
        Figure("nevenwerkzaamheden", "reported", len(items),
               Text("nevenwerkzaamheden gemeld", "nevenwerkzaamheden reported")),
        Figure("nevenwerkzaamheden", "registered", sum(1 for n in items if n.registered),
               Text("waarvan geregistreerd", "of which registered")),
        Figure("nevenwerkzaamheden", "published", sum(1 for n in items if n.published),
               Text("waarvan openbaar gemaakt", "of which made public")),
    ]
    ack = Counter(status[("wbk.ontvangstbevestiging", e.id)] for e in misstanden)
    fb = Counter(status[("wbk.terugkoppeling", e.id)] for e in misstanden)
    figures += [
        Figure("wbk", "received", len(misstanden),
               Text("vermoedens van een misstand ontvangen", "suspected misstanden received")),
        Figure("wbk", "acknowledged_in_time", ack[Status.OK],
               Text("ontvangst binnen 7 dagen bevestigd", "acknowledged within 7 days")),
        Figure("wbk", "acknowledged_late", ack[Status.LATE],
               Text("ontvangst te laat bevestigd", "acknowledged late")),
        Figure("wbk", "not_acknowledged", ack[Status.DUE] + ack[Status.OVERDUE],
               Text("ontvangst (nog) niet bevestigd", "not (yet) acknowledged")),
        Figure("wbk", "feedback_in_time", fb[Status.OK],
               Text("binnen de termijn teruggekoppeld", "feedback within the term")),
        Figure("wbk", "feedback_late", fb[Status.LATE],
               Text("te laat teruggekoppeld", "feedback late")),
        Figure("wbk", "feedback_open", fb[Status.DUE] + fb[Status.OVERDUE],
               Text("terugkoppeling nog open", "feedback still open")),
        Figure("wbk", "old_law", ack[Status.NOT_APPLICABLE],
               Text("ontvangen onder de Wet Huis voor klokkenluiders (geen termijnen)",
                    "received under the Wet Huis voor klokkenluiders (no terms)")),
    ]
    if facts.vertrouwenspersonen is not None:
        active = [v for v in facts.vertrouwenspersonen
                  if (v.since is None or v.since <= date(year, 12, 31))
                  and (v.until is None or v.until >= date(year, 1, 1))]
        figures += [
            Figure("vertrouwenspersonen", "internal", sum(1 for v in active if not v.external),
                   Text("vertrouwenspersonen intern", "internal vertrouwenspersonen")),
            Figure("vertrouwenspersonen", "external", sum(1 for v in active if v.external),
                   Text("vertrouwenspersonen extern", "external vertrouwenspersonen")),
            Figure("vertrouwenspersonen", "integriteit",
                   sum(1 for v in active if "integriteit" in v.scope),
                   Text("voor integriteit", "for integrity")),
            Figure("vertrouwenspersonen", "ongewenst_gedrag",
                   sum(1 for v in active if "ongewenst_gedrag" in v.scope),
                   Text("voor ongewenst gedrag", "for ongewenst gedrag")),
        ]
    return tuple(figures)


# --- output --------------------------------------------------------------------------------


HIDDEN = "x"
"""How a suppressed count is published, in every format: the same for a small count and for
one hidden to protect it (so the two cannot be told apart)."""

_Cell = tuple[Any, ...]


def _cells(report: AnnualReport) -> tuple[dict[_Cell, int], list[dict[_Cell, int]],
                                          frozenset[_Cell]]:
    """Every published count by cell, the relations a reader knows between them (each a
    linear equation, see :mod:`integriteit._suppression`), and the cells that are totals."""
    values: dict[_Cell, int] = {}
    for c in report.counts:
        values[("counts", c.year, c.kind, c.category)] = c.count
    for t in report.totals:
        values[("totals", t.year, t.kind)] = t.count
    for t in report.uncategorised:
        values[("uncategorised", t.year, t.kind)] = t.count
    for t in report.multi_category:
        values[("multi_category", t.year, t.kind)] = t.count
    for o in report.outcomes:
        values[("outcomes", o.kind, o.investigation, o.findings, o.measure)] = o.count
    for f in report.figures:
        if f.count is not None:
            values[("figures", f.section, f.key)] = f.count
    relations: list[dict[_Cell, int]] = []
    # A kind's total is the sum of its categories and the entries without one (when no entry
    # has two categories: then the sum is larger, and not a relation).
    for t in report.totals:
        total: _Cell = ("totals", t.year, t.kind)
        relation: dict[_Cell, int] = {total: 1}
        for c in report.counts:
            if (c.year, c.kind) == (t.year, t.kind):
                relation[("counts", c.year, c.kind, c.category)] = -1
        if ("uncategorised", t.year, t.kind) in values:
            relation[("uncategorised", t.year, t.kind)] = -1
        relations.append(relation)
    # The outcomes of a kind add up to its total of the year when every case has one.
    for kind in dict.fromkeys(o.kind for o in report.outcomes):
        relation = {("totals", report.year, kind): 1}  # the same type as above
        for o in report.outcomes:
            if o.kind is kind:
                relation[("outcomes", o.kind, o.investigation, o.findings, o.measure)] = -1
        relations.append(relation)

    def fig(section: str, key: str) -> _Cell:
        return ("figures", section, key)

    def whole(section: str, total: str, *parts: str) -> dict[_Cell, int]:
        return {fig(section, total): 1, **{fig(section, p): -1 for p in parts}}

    relations += [
        whole("eed", "taken", "on_time", "late"),
        whole("eed", "new_ambtenaren", "taken", "open", "waived", "invalid", "not_applicable"),
        whole("wbk", "received", "acknowledged_in_time", "acknowledged_late",
              "not_acknowledged", "old_law"),
        whole("wbk", "received", "feedback_in_time", "feedback_late", "feedback_open",
              "old_law"),
        {fig("wbk", "received"): 1, ("totals", report.year, EntryKind.MISSTAND): -1},
    ]
    for rule in ("beleid.integriteitsverklaring", "beleid.workshop"):
        relations.append(whole(rule, "required", "on_time", "late", "open", "other"))
    totals = frozenset(c for c in values if c[0] == "totals") | {
        fig("eed", "new_ambtenaren"), fig("eed", "taken"), fig("wbk", "received"),
        fig("beleid.integriteitsverklaring", "required"), fig("beleid.workshop", "required")}
    return values, relations, totals


@frozen
class _Published:
    """The counts as published with suppression below ``k`` (``hidden``: the cells shown as
    :data:`HIDDEN`)."""

    k: int
    hidden: frozenset[_Cell]

    @classmethod
    def of(cls, report: AnnualReport, k: int) -> _Published:
        if k <= 1:
            return cls(k, frozenset())
        values, relations, totals = _cells(report)
        return cls(k, frozenset(protect(values, relations, k, totals)))

    def count(self, cell: _Cell, count: int | None) -> int | str | None:
        """A count as published."""
        return HIDDEN if cell in self.hidden else count

    def cell(self, cell: _Cell, count: int | None) -> str:
        """A count as published, as text (``?``: not known)."""
        value = self.count(cell, count)
        return "?" if value is None else str(value)


def _label(report: AnnualReport, key: str, lang: Lang) -> str:
    category = report.categories.get(key)
    return category.label.get(lang) if category is not None else key


REPORT_SCHEMA_VERSION = 1
"""The version of the structure of :func:`to_data` (``schema_version``), described by the JSON
Schema ``integriteit/data/report.schema.json``; raised by any change that is not an added
key."""


def to_data(report: AnnualReport, lang: Lang, k: int = 0) -> dict[str, Any]:
    """The report as JSON-ready data (with ``k`` above 1, counts from 1 to ``k - 1``, and the
    counts hidden to protect them, as ``"x"``)."""
    org = report.document.organisation
    p = _Published.of(report, k)
    return {
        "year": report.year,
        "years": list(report.years),
        "at": report.at.isoformat(),
        "organisation": {"name": org.name, "kind": org.kind.value},
        "suppressed_below": k if k > 1 else None,
        "register_since": report.register_since.isoformat(),
        "register_since_given": report.register_since_given,
        "no_data_years": list(report.no_data_years),
        "not_counted": report.not_counted,
        "counts": [{"year": r.year, "kind": r.kind.value, "category": r.category,
                    "count": p.count(("counts", r.year, r.kind, r.category), r.count)}
                   for r in report.counts],
        "totals": [{"year": r.year, "kind": r.kind.value,
                    "count": p.count(("totals", r.year, r.kind), r.count)}
                   for r in report.totals],
        "uncategorised": [{"year": r.year, "kind": r.kind.value,
                           "count": p.count(("uncategorised", r.year, r.kind), r.count)}
                          for r in report.uncategorised],
        "multi_category": [{"year": r.year, "kind": r.kind.value,
                            "count": p.count(("multi_category", r.year, r.kind), r.count)}
                           for r in report.multi_category],
        "categories": {key: _label(report, key, lang) for key in dict.fromkeys(
            r.category for r in report.counts)},
        "outcomes": [{"kind": r.kind.value, "investigation": r.investigation,
                      "findings": r.findings.value if r.findings else None,
                      "measure": r.measure.value if r.measure else None,
                      "count": p.count(("outcomes", r.kind, r.investigation, r.findings,
                                        r.measure), r.count)} for r in report.outcomes],
        "figures": [{"section": f.section, "key": f.key,
                     "count": p.count(("figures", f.section, f.key), f.count),
                     "label": f.label.get(lang)} for f in report.figures],
        "notes": _notes(report, lang, p),
        "schema_version": REPORT_SCHEMA_VERSION,
    }


NO_DATA = Text("geen gegevens", "no data")
"""A year (or part of one) before the register is complete: not 0, not known."""


def _since_notes(report: AnnualReport, lang: Lang) -> list[str]:
    """From when the register counts, what has no data, and what was left out."""
    since = date_text(report.register_since, lang, people_dates())
    notes: list[str] = []
    gone = report.no_data_years
    if gone:
        span = f"{gone[0]}" if len(gone) == 1 else f"{gone[0]}–{gone[-1]}"
        notes.append(Text(
            f"{span}: geen gegevens; het register is compleet vanaf {since}. Geen gegevens is "
            "niet hetzelfde als 0.",
            f"{span}: no data; the register is complete from {since}. No data is not the "
            "same as 0.").get(lang))
    if report.partial_year is not None:
        notes.append(Text(
            f"{report.partial_year}: geteld vanaf {since}, de dag vanaf wanneer het register "
            "compleet is; over de maanden ervoor zijn er geen gegevens.",
            f"{report.partial_year}: counted from {since}, the day from which the register is "
            "complete; there is no data on the months before.").get(lang))
    if report.not_counted:
        n = report.not_counted
        notes.append(Text(
            f"{plural(n, 'item|items')} ontvangen vóór {since} {'is' if n == 1 else 'zijn'} "
            "niet geteld: het register is pas vanaf die dag compleet.",
            f"{plural(n, 'entry|entries')} received before {since} "
            f"{'is' if n == 1 else 'are'} not counted: the register is complete only from that "
            "day.").get(lang))
    if not report.register_since_given and gone:
        notes.append(Text(
            "Het document zegt niet vanaf wanneer het register compleet is "
            "(report.register_since); aangenomen is 1 januari van het jaar van het eerste "
            "item.",
            "The document does not say from when the register is complete "
            "(report.register_since); taken: 1 January of the year of the first entry."
        ).get(lang))
    return notes


def _notes(report: AnnualReport, lang: Lang, p: _Published) -> list[str]:
    nl = lang == "nl"
    notes: list[str] = _since_notes(report, lang)
    summed: Counter[tuple[int, EntryKind]] = Counter()
    for c in report.counts:
        summed[(c.year, c.kind)] += c.count
    total = {(t.year, t.kind): t.count for t in report.totals}
    for r in report.multi_category:
        smaller = total.get((r.year, r.kind), 0) < summed[(r.year, r.kind)]
        cell = p.cell(('multi_category', r.year, r.kind), r.count)
        notes.append(
            f"{_kind_label(r.kind, report.year).get(lang)} {r.year}: {cell} "
            + (_items(cell, nl) + " met meer dan één categorie; het totaal telt items"
               + (" en is kleiner dan de som van de categorieën." if smaller else ".")
               if nl else
               _items(cell, nl) + " with more than one category; the total counts entries"
               + (" and is smaller than the sum of the categories." if smaller else ".")))
    for r in report.uncategorised:
        cell = p.cell(('uncategorised', r.year, r.kind), r.count)
        notes.append(
            f"{_kind_label(r.kind, report.year).get(lang)} {r.year}: {cell} "
            + _items(cell, nl) + (" zonder categorie; alleen in het totaal geteld." if nl else
                                  " without a category; counted in the total only."))
    if p.k > 1:
        k = p.k
        n = len(p.hidden)
        small_nl = "Het aantal 1 is" if k == 2 else f"Aantallen van 1 tot en met {k - 1} zijn"
        small_en = "A count of 1 is" if k == 2 else f"Counts from 1 to {k - 1} are"
        notes.append(
            f"{HIDDEN}: niet gepubliceerd ({n} {'aantal' if n == 1 else 'aantallen'} in dit "
            f"verslag). {small_nl} verborgen ter bescherming van melders en betrokkenen, en "
            "waar nodig ook andere aantallen, zodat een verborgen aantal niet uit de "
            "gepubliceerde cijfers (totalen, onderverdelingen) is terug te rekenen. Welke "
            "cellen om die reden verborgen zijn, staat er niet bij." if nl else
            f"{HIDDEN}: not published ({n} {'count' if n == 1 else 'counts'} in this "
            f"report). {small_en} hidden to protect the privacy of reporters and others "
            "involved, and where needed other counts too, so that no hidden count can be "
            "worked out from the published figures (totals, breakdowns). Which cells are "
            "hidden for that reason is not said.")
    return notes


def _share(count: int, total: int, hidden: bool) -> str:
    """A count's share of its total; a dash when the total is 0 or either is hidden (a share
    and a total give the count)."""
    if total == 0 or hidden:
        return "–"
    return f"{round(100 * count / total)}%"


_Row = list[str]


@frozen
class _Chart:
    """What a table compares over the years, for a bar chart: per row (a category) its count
    in each year with data: a number, or :data:`HIDDEN`."""

    years: tuple[int, ...]
    groups: tuple[tuple[str, tuple[int | str | None, ...]], ...]


@frozen
class _Table:
    """One table of the report, as every format writes it: ``rows`` of text cells, the first
    the row's label, a cell in ``**`` a total. ``name`` is its code in CSV (``counts.melding``,
    ``outcomes``, ``figures.eed``); ``caption`` says what it counts, ``source`` where from."""

    name: str
    title: str
    header: _Row
    rows: list[_Row]
    caption: str
    source: str
    chart: _Chart | None = None


def _tables(report: AnnualReport, lang: Lang, p: _Published) -> list[_Table]:
    """The report's tables, for every format alike."""
    nl = lang == "nl"
    tables: list[_Table] = []
    year = report.year
    org = one_line(report.document.organisation.name)
    span = (f"{report.years[0]}–{report.years[-1]}" if len(report.years) > 1
            else str(report.years[0]))
    day = date_text(report.at, lang, people_dates())
    register_source = Text(
        f"Bron: integriteitsregister van {org}, per jaar van ontvangst.",
        f"Source: the integrity register of {org}, by year of receipt.").get(lang)
    gone = report.no_data_years
    counted = tuple(y for y in report.years if y not in gone)
    # The years without data are one column (they are the first years of the window).
    blank = [NO_DATA.get(lang)] if gone else []
    no_data_head = ([f"{gone[0]}–{gone[-1]}" if len(gone) > 1 else str(gone[0])]
                    if gone else [])
    order = {key: i for i, key in enumerate(report.categories)}
    for kind in report.kinds:
        total = {r.year: r.count for r in report.totals if r.kind is kind}
        by_key: dict[str, dict[int, int]] = {}
        for r in report.counts:
            if r.kind is kind:
                by_key.setdefault(r.category, {})[r.year] = r.count
        header = ["Categorie" if nl else "Category", *no_data_head, *map(str, counted),
                  f"{'aandeel' if nl else 'share'} {year}"]
        total_hidden = ("totals", year, kind) in p.hidden
        # Each row: its label, its counts by year, and its cell (table, kind[, category]),
        # the year put in second place.
        lines: list[tuple[str, dict[int, int], tuple[Any, ...]]] = [
            (_label(report, key, lang), years, ("counts", kind, key))
            for key, years in sorted(by_key.items(),
                                     key=lambda item: (order.get(item[0], len(order)),
                                                       item[0]))]
        bare = {r.year: r.count for r in report.uncategorised if r.kind is kind}
        if bare:
            lines.append(("(zonder categorie)" if nl else "(no category)", bare,
                          ("uncategorised", kind)))

        def cell(where: tuple[Any, ...], y: int) -> _Cell:
            return (where[0], y, *where[1:])

        rows = [[label, *blank, *(p.cell(cell(where, y), years.get(y, 0)) for y in counted),
                 _share(years.get(year, 0), total.get(year, 0),
                        total_hidden or cell(where, year) in p.hidden)]
                for label, years, where in lines]
        rows.append([f"**{'Totaal' if nl else 'Total'}**", *blank,
                     *(f"**{p.cell(('totals', y, kind), total.get(y, 0))}**" for y in counted),
                     "100%" if total.get(year) else "–"])
        groups = tuple((label, tuple(p.count(cell(where, y), years.get(y, 0))
                                     for y in counted))
                       for label, years, where in lines)
        title = _kind_label(kind, year).get(lang)
        tables.append(_Table(
            f"counts.{kind.value}", title, header, rows,
            Text(f"{title} per categorie, {span}; een item telt in elk van zijn categorieën "
                 "en één keer in het totaal.",
                 f"{title} by category, {span}; an entry counts in each of its categories "
                 "and once in the total.").get(lang),
            register_source, _Chart(counted, groups)))
    if report.outcomes:
        header = ["Soort" if nl else "Kind", "Onderzoek" if nl else "Investigation",
                  "Bevindingen" if nl else "Findings", "Maatregel" if nl else "Measure",
                  "Aantal" if nl else "Count"]
        yes, no = ("ja", "nee") if nl else ("yes", "no")
        rows = [[KIND_WORDS[r.kind].get(lang), yes if r.investigation else no,
                 CASE_FINDINGS_LABELS[r.findings].get(lang) if r.findings else "–",
                 MEASURE_LABELS[r.measure].get(lang) if r.measure else "–",
                 p.cell(("outcomes", r.kind, r.investigation, r.findings, r.measure), r.count)]
                for r in report.outcomes]
        tables.append(_Table(
            "outcomes", f"{'Afhandeling' if nl else 'Outcomes'} {year}", header, rows,
            Text(f"Meldingen, klachten en misstanden ontvangen in {year}, naar onderzoek, "
                 "bevindingen en maatregel (zover afgehandeld).",
                 f"Meldingen, klachten and misstanden received in {year}, by investigation, "
                 "findings and measure (as far as dealt with).").get(lang),
            register_source))
    sections = {"eed": Text("Eed of belofte", "Eed or belofte"),
                "externen": Text("Externen", "Externals"),
                "beleid.integriteitsverklaring": Text("Integriteitsverklaring (beleid)",
                                                      "Integriteitsverklaring (policy)"),
                "beleid.workshop": Text("Integriteitsworkshop (beleid)",
                                        "Integrity workshop (policy)"),
                "nevenwerkzaamheden": Text("Nevenwerkzaamheden", "Nevenwerkzaamheden"),
                "wbk": _whistleblowing_law(year),
                "vertrouwenspersonen": Text("Vertrouwenspersonen", "Vertrouwenspersonen")}
    for section, heading in sections.items():
        rows = [[f.label.get(lang), p.cell(("figures", f.section, f.key), f.count)]
                for f in report.figures if f.section == section]
        if rows:
            law = _section_law(section, year, lang)
            tables.append(_Table(
                f"figures.{section}", f"{heading.get(lang)} {year}",
                ["", "Aantal" if nl else "Count"], rows,
                Text(f"{heading.nl} in {year}, per {day}.",
                     f"{heading.en} in {year}, as of {day}.").get(lang),
                (Text(f"Bron: gegevens van {org}", f"Source: the records of {org}").get(lang)
                 + (f"; {law}" if law else "") + ".")))
    return tables


_SECTION_RULES = {"eed": "ambtenarenwet.eed", "nevenwerkzaamheden":
                  "ambtenarenwet.nevenwerkzaamheden", "wbk": "wbk.ontvangstbevestiging"}
"""The rule whose law a section of the year's figures counts by."""


def _section_law(section: str, year: int, lang: Lang) -> str:
    """The law a section of the figures counts by, as in force at the end of ``year``
    (organisation policy for the ``beleid.*`` sections), or "" when none applies."""
    if section.startswith("beleid."):
        return Text("beleid van de organisatie, geen wet", "organisation policy, not law"
                    ).get(lang)
    rule_id = _SECTION_RULES.get(section)
    if rule_id is None:
        return ""
    rule = default_registry().rules.get(rule_id)
    version = rule.version_on(date(year, 12, 31)) if rule is not None else None
    if version is None or not version.sources:
        return ""
    return cite_all(version.sources, lang)


def _kind_label(kind: EntryKind, year: int) -> Text:
    """A kind's label in a report over ``year``: a report of a suspected misstand names the
    law of that year (see :func:`_whistleblowing_law`)."""
    if kind is not EntryKind.MISSTAND or year > WBK_IN_FORCE.year:
        return KIND_LABELS[kind]
    law = ("Wet Huis voor klokkenluiders", "Wet Huis voor klokkenluiders") if (
        year < WBK_IN_FORCE.year) else ("Wet Huis voor klokkenluiders, daarna Wbk",
                                         "Wet Huis voor klokkenluiders, then Wbk")
    return Text(f"Meldingen van een vermoeden van een misstand ({law[0]})",
                f"Reports of a suspected misstand ({law[1]})")


def _account_basis(year: int) -> Text:
    """The article the yearly account rests on, in force in ``year``: Ambtenarenwet 2017 art.
    4(4) from 2020; before, the old Ambtenarenwet art. 125quater(d) (agreeing how to account)."""
    if year >= AW2017_IN_FORCE.year:
        return Text("Ambtenarenwet 2017 art. 4 lid 4", "Ambtenarenwet 2017 art. 4(4)")
    return Text("Ambtenarenwet art. 125quater onder d", "Ambtenarenwet art. 125quater(d)")


def _whistleblowing_law(year: int) -> Text:
    """The Wbk section's title with the law in force in ``year``: the Wet Huis voor
    klokkenluiders until 2023-02-17, the Wet bescherming klokkenluiders from 2023-02-18."""
    if year > WBK_IN_FORCE.year:
        return Text("Klokkenluidersregeling (Wbk)", "Whistleblowing (Wbk)")
    if year == WBK_IN_FORCE.year:
        return Text("Klokkenluidersregeling (Wet Huis voor klokkenluiders tot 18 februari, "
                    "daarna Wbk)",
                    "Whistleblowing (Wet Huis voor klokkenluiders until 18 February, then "
                    "Wbk)")
    return Text("Klokkenluidersregeling (Wet Huis voor klokkenluiders)",
                "Whistleblowing (Wet Huis voor klokkenluiders)")


def _heading(report: AnnualReport, lang: Lang,
             name: Callable[[str], str] = one_line) -> tuple[str, str]:
    """The title and the introduction; ``name`` writes the organisation's name (as it is
    written in the document) for the format at hand."""
    org = report.document.organisation
    nl = lang == "nl"
    kind = ORGANISATION_KIND_LABELS[org.kind].get(lang)
    title = (f"Integriteitsverslag {report.year}: {name(org.name)} ({kind})" if nl else
             f"Integrity report {report.year}: {name(org.name)} ({kind})")
    first, last = report.years[0], report.years[-1]
    span = f"{first}–{last}" if first != last else f"{first}"
    day = date_text(report.at, lang, people_dates())
    intro = (f"Register over {span}, telling per jaar van ontvangst; cijfers van het "
             f"jaar per {day}. Een item telt één keer in elk van zijn categorieën en één "
             f"keer in het totaal. Verantwoording op grond van {_account_basis(report.year).nl}."
             if nl else
             f"Register over {span}, counted by year of receipt; figures of the year as "
             f"of {day}. An entry counts once in each of its categories and once in the "
             f"total. Account under {_account_basis(report.year).en}.")
    return title, intro


def _is_count(text: str) -> bool:
    """Whether a cell holds a number (a count, a share, a dash or a hidden count)."""
    return text.replace("%", "").strip().isdigit() or text in (HIDDEN, "–", "?")


def _plain(text: str) -> tuple[str, bool]:
    """A table cell's text without the ``**`` of a total, and whether it was one."""
    bold = text.startswith("**") and text.endswith("**") and len(text) > 4
    return (text[2:-2] if bold else text), bold


def _numeric_columns(table: _Table, no_data: str) -> list[bool]:
    """Per column of ``table``: whether it holds numbers (right-aligned in every format)."""
    return [all(_is_count(_plain(row[i])[0]) or _plain(row[i])[0] == no_data
                for row in table.rows) for i in range(len(table.header))]


MADE_WITH = Text("Gemaakt met integriteit {version}. Aantallen uit het register; er staat "
                 "niemand in die een persoon herkenbaar maakt.",
                 "Made with integriteit {version}. Counts from the register; nothing in it "
                 "makes a person recognisable.")
"""The closing line of the HTML page and the Word document."""


def write_markdown(report: AnnualReport, out: TextIO, lang: Lang, k: int = 0) -> None:
    """The report as Markdown, laid out like the published year reports; the document's
    words (the organisation's name) are escaped, so they cannot change the layout."""
    title, intro = _heading(report, lang, markdown_inline)
    out.write(f"# {title}\n\n{intro}\n")
    p = _Published.of(report, k)
    for table in _tables(report, lang, p):
        name, header, rows = table.title, table.header, table.rows
        out.write(f"\n## {name}\n\n| " + " | ".join(header) + " |\n")
        numeric = _numeric_columns(table, NO_DATA.get(lang))
        out.write("|" + "|".join(["---", *("---:" if n else "---" for n in numeric[1:])])
                  + "|\n")
        for row in rows:
            out.write("| " + " | ".join(row) + " |\n")
    notes = _notes(report, lang, p)
    if notes:
        out.write("\n" + "".join(f"- {n}\n" for n in notes))


def write_html(report: AnnualReport, out: TextIO, lang: Lang, k: int = 0) -> None:
    """The report as one self-contained HTML page to publish: styled tables with a caption
    and source, a bar chart per table that compares years, the notes; A4 in print (see
    :mod:`integriteit._report_html`)."""
    from integriteit._report_html import write_page

    title, intro = _heading(report, lang)
    p = _Published.of(report, k)
    write_page(title, intro, _tables(report, lang, p), _notes(report, lang, p), lang, out,
               NO_DATA.get(lang))


def write_json(report: AnnualReport, out: TextIO, lang: Lang, k: int = 0) -> None:
    """The report as one JSON object: ``year``, ``counts``, ``totals`` and more."""
    out.write(json_text(to_data(report, lang, k)))
    out.write("\n")


CSV_HEADER = ("table", "year", "kind", "category", "count", "marker", "label")
"""The columns of ``--format csv`` (the same in both languages; systems read them)."""

_MARKERS = {"hidden": Text("verborgen", "suppressed"), "no_data": NO_DATA,
            "unknown": Text("onbekend", "unknown")}
"""Why a count is empty, in the ``marker`` column."""


def write_csv(report: AnnualReport, out: TextIO, lang: Lang, k: int = 0) -> None:
    """The report as CSV for spreadsheets: one file with a ``table`` column and the rows of
    the JSON (``counts``, ``totals``, ``uncategorised``, ``multi_category``, ``outcomes``, and
    a table per section of figures), columns :data:`CSV_HEADER`. ``count`` is always a number
    or empty: empty with ``marker`` "verborgen" / "suppressed" for a suppressed count, "geen
    gegevens" / "no data" for a year before the register is complete (a ``totals`` row for
    each such year and kind), "onbekend" / "unknown" for a figure not known. ``label`` names
    the row in the chosen language. In the CSV dialect of the run
    (:func:`integriteit.exporters.csv.csv_dialect`: ``rfc4180``, or ``excel-nl`` with ``;``
    and a byte order mark, as Dutch Excel opens it); no cell is a spreadsheet formula."""
    from integriteit.exporters.csv import DIALECTS, cell, csv_dialect

    delimiter, bom = DIALECTS[csv_dialect()]
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    p = _Published.of(report, k)
    nl = lang == "nl"

    def put(table: str, year: int, kind: str, category: str, at: _Cell | None,
            count: int | None, label: str) -> None:
        """A row; ``at`` None: a year without data (no count)."""
        shown = p.count(at, count) if at is not None else None
        marker = ("no_data" if at is None else "hidden" if shown == HIDDEN
                  else "unknown" if shown is None else "")
        writer.writerow([table, year, kind, category,
                         shown if isinstance(shown, int) else "",
                         _MARKERS[marker].get(lang) if marker else "", cell(label)])

    for r in report.counts:
        put("counts", r.year, r.kind.value, r.category, ("counts", r.year, r.kind, r.category),
            r.count, _label(report, r.category, lang))
    totals = {(t.year, t.kind): t for t in report.totals}
    for kind in report.kinds:
        for y in report.years:
            t = totals.get((y, kind))
            if t is not None:
                put("totals", y, kind.value, "", ("totals", y, kind), t.count,
                    _kind_label(kind, report.year).get(lang))
            elif y in report.no_data_years:
                put("totals", y, kind.value, "", None, None,
                    _kind_label(kind, report.year).get(lang))
    for t in report.uncategorised:
        put("uncategorised", t.year, t.kind.value, "", ("uncategorised", t.year, t.kind),
            t.count, "(zonder categorie)" if nl else "(no category)")
    for t in report.multi_category:
        put("multi_category", t.year, t.kind.value, "", ("multi_category", t.year, t.kind),
            t.count, "meer dan één categorie" if nl else "more than one category")
    yes, no = ("onderzoek", "geen onderzoek") if nl else ("investigation", "no investigation")
    for o in report.outcomes:
        key = "/".join(["onderzoek" if o.investigation else "geen_onderzoek",
                        o.findings.value if o.findings else "-",
                        o.measure.value if o.measure else "-"])
        words = "; ".join([yes if o.investigation else no,
                           CASE_FINDINGS_LABELS[o.findings].get(lang) if o.findings else "–",
                           MEASURE_LABELS[o.measure].get(lang) if o.measure else "–"])
        put("outcomes", report.year, o.kind.value, key,
            ("outcomes", o.kind, o.investigation, o.findings, o.measure), o.count, words)
    for f in report.figures:
        put(f.section, report.year, "", f.key, ("figures", f.section, f.key), f.count,
            f.label.get(lang))
    out.write(buffer.getvalue())


def write_docx(report: AnnualReport, out: BinaryIO, lang: Lang, k: int = 0) -> None:
    """The report as a Word document (needs the extra ``docx``): the HTML page's headings,
    tables, captions, sources and notes, each chart as a native table of bars (see
    :mod:`integriteit._report_docx`)."""
    from integriteit._report_docx import write_document

    title, intro = _heading(report, lang)
    p = _Published.of(report, k)
    write_document(title, intro, _tables(report, lang, p), _notes(report, lang, p), lang, out,
                   NO_DATA.get(lang))


Writer = Callable[[AnnualReport, TextIO, Lang, int], None]
BinaryWriter = Callable[[AnnualReport, BinaryIO, Lang, int], None]

FORMATS: dict[str, Writer] = {"markdown": write_markdown, "html": write_html,
                              "json": write_json, "csv": write_csv}
"""The report's text formats, by name (``integriteit report --format``)."""

BINARY_FORMATS: dict[str, BinaryWriter] = {"docx": write_docx}
"""The report's formats that are files of bytes (``--format docx``): written with
:func:`write_report_bytes`."""


def write_report(report: AnnualReport, out: TextIO, fmt: str = "markdown", lang: Lang = "nl",
                 suppress_below: int = 0) -> None:
    """Write ``report`` in ``fmt``; with ``suppress_below`` K above 1, counts from 1 to K-1 and
    the counts hidden to protect them become :data:`HIDDEN` (see
    :mod:`integriteit._suppression`)."""
    FORMATS[fmt](report, out, lang, suppress_below)


def write_report_bytes(report: AnnualReport, out: BinaryIO, fmt: str = "docx",
                       lang: Lang = "nl", suppress_below: int = 0) -> None:
    """Write ``report`` as bytes in ``fmt``: one of :data:`BINARY_FORMATS`, or a text format
    as UTF-8."""
    if fmt in BINARY_FORMATS:
        BINARY_FORMATS[fmt](report, out, lang, suppress_below)
        return
    text = io.StringIO()
    write_report(report, text, fmt, lang, suppress_below)
    out.write(text.getvalue().encode("utf-8"))

