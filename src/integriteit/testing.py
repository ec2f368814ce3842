"""Hypothesis strategies that build valid integriteit input, for plugin authors and our own tests.

Every strategy here produces input that :func:`integriteit.from_dict` accepts: unique, non-blank
employee and register ids, an end of employment never before its start, policy values in range.
The facts may still contradict each other (an oath dated before the start of employment, or an
acknowledgement before the report was received, is valid *input* that gives an ``invalid``
*finding*), so a rule under test sees every case. Register entries carry no identity, as in the
model: there is no field for it. The organisation's facts (:func:`facts`) are each left out
("unknown"), stated as ``null`` ("not adopted", as the loader reads it) or given; the
nevenwerkzaamheden name only employees of the document, the verantwoording years are unique.

Dates lean towards the ends of months (the last four days, 29 February of leap years), where
month arithmetic goes wrong. Requires hypothesis (``pip install "integriteit[test]"``)::

    from hypothesis import given
    from integriteit import check
    from integriteit.testing import dates, documents

    @given(documents(), dates())
    def test_every_employee_gets_one_finding(doc, at):
        result = check(doc, at, rules=["mijn_gemeente.vog"])
        assert sorted(f.subject for f in result.findings) == sorted(e.id for e in doc.employees)

:func:`document_dicts` gives the same documents as JSON-ready plain data, in the canonical form
:func:`integriteit.dump_document` writes (optional fields that are unset are left out).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from integriteit.io import structure
from integriteit.model import (
    CaseFindings,
    Channel,
    ConsentRoute,
    DatedValue,
    Document,
    Employee,
    EmploymentKind,
    EntryKind,
    Facts,
    Measure,
    Meldprocedure,
    Nevenwerk,
    Oath,
    OathForm,
    Organisation,
    OrganisationKind,
    Outcome,
    PolicySettings,
    RegisterEntry,
    ReportSettings,
    TrainingSession,
    Verantwoording,
    Vertrouwenspersoon,
    VertrouwenspersoonScope,
)
from integriteit.policy import OATH_TERM_MONTHS, PARAMETERS, Parameter, ValueKind
from integriteit.taxonomies import all_categories

__all__ = [
    "MAX_DATE",
    "MIN_DATE",
    "SCHEMA_URL",
    "dates",
    "document_dicts",
    "document_to_dict",
    "documents",
    "employee_ids",
    "employees",
    "facts",
    "functions",
    "json_values",
    "meldprocedures",
    "nevenwerken",
    "oaths",
    "organisations",
    "outcomes",
    "policy_settings",
    "register_entries",
    "register_ids",
    "term_months",
    "training_sessions",
    "verantwoordingen",
    "vertrouwenspersonen",
]

MIN_DATE = date(1990, 1, 1)
"""The earliest date :func:`dates` gives by default."""

MAX_DATE = date(2100, 12, 31)
"""The latest date :func:`dates` gives by default (far from ``date.max``, so terms fit)."""

SCHEMA_URL = "document.schema.json"
"""An example ``$schema`` value: a path next to the document (any string is accepted)."""

_MAX_TERM_MONTHS = 120  # integriteit.policy.OATH_TERM_MONTHS.maximum


def _near_month_end(day: date, back: int) -> date:
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=last - back)


def dates(min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """Dates from ``min_value`` to ``max_value`` (inclusive), often the last days of a month."""
    if max_value < min_value:
        raise ValueError(f"max_value {max_value} is before min_value {min_value}")
    anywhere = st.dates(min_value=min_value, max_value=max_value)
    month_ends = st.builds(_near_month_end, anywhere, st.integers(0, 3)).map(
        lambda d: min(max(d, min_value), max_value)
    )
    return st.one_of(anywhere, month_ends)


def term_months() -> st.SearchStrategy[int]:
    """Oath terms in months that a document or a call may set: 0 to 120, mostly short."""
    return st.one_of(st.integers(0, 12), st.integers(0, _MAX_TERM_MONTHS))


def employee_ids() -> st.SearchStrategy[str]:
    """Personnel numbers: realistic ones (``P00123``) and any non-blank text."""
    return st.one_of(
        st.from_regex(r"[A-Z]{1,3}[0-9]{1,6}", fullmatch=True),
        st.text(min_size=1, max_size=12).filter(lambda s: bool(s.strip())),
    )


def _shifted(day: date, days: int) -> date:
    """``day`` plus ``days``, kept inside the range of :class:`datetime.date`."""
    if days >= 0:
        return day + timedelta(days=min(days, (date.max - day).days))
    return day - timedelta(days=min(-days, (day - date.min).days))


_FUNCTIONS = ("beleidsmedewerker", "inkoper", "belastingdeurwaarder", "toezichthouder",
              "directeur", "griffier")


def functions() -> st.SearchStrategy[str | None]:
    """An employee's function as the organisation names it: none, a usual one, or any text."""
    return st.none() | st.sampled_from(_FUNCTIONS) | st.text(max_size=20)


def oaths(on: st.SearchStrategy[date] | None = None) -> st.SearchStrategy[Oath]:
    """An eed or belofte, dated by ``on`` (default: :func:`dates`)."""
    return st.builds(Oath, date=on if on is not None else dates(),
                     form=st.sampled_from(OathForm))


@st.composite
def employees(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    employment: EmploymentKind | st.SearchStrategy[EmploymentKind] | None = None,
    starts: st.SearchStrategy[date] | None = None,
    function: st.SearchStrategy[str | None] | None = None,
) -> Employee:
    """An employee, with or without an end of employment, an oath and a function.

    ``employment`` fixes the kind (or draws it from a strategy); by default every kind occurs.
    The end is never before the start. The oath is mostly dated near the start (before it,
    within a usual term, or well after), sometimes anywhere. ``function`` draws the function
    (default: :func:`functions`).
    """
    emp_id = draw(ids if ids is not None else employee_ids())
    if isinstance(employment, EmploymentKind):
        kind = employment
    else:
        kind = draw(employment if employment is not None else st.sampled_from(EmploymentKind))
    start = draw(starts if starts is not None else dates())
    end: date | None = None
    if draw(st.booleans()):
        end = _shifted(start, draw(st.integers(0, 900)))
    oath: Oath | None = None
    if draw(st.booleans()):
        when = draw(st.one_of(
            st.integers(-60, 400).map(lambda n: _shifted(start, n)),
            dates(),
        ))
        form = draw(st.sampled_from(OathForm))
        if when < start and draw(st.booleans()):
            # A re-hire's oath of an earlier employment: flagged, or with that employment's
            # start (before this one).
            earlier = draw(st.none() | st.integers(1, 3000).map(lambda n: _shifted(start, -n)))
            oath = Oath(when, form, earlier_employment=earlier is None or draw(st.booleans()),
                        earlier_start=earlier)
        else:
            oath = Oath(when, form)
    named = draw(function if function is not None else functions())
    scale = draw(st.none() | st.integers(1, 18))
    near_start = st.integers(-30, 400).map(lambda n: _shifted(start, n))
    verklaring = draw(st.none() | near_start) if kind is not EmploymentKind.AMBTENAAR else None
    workshop = draw(st.none() | near_start)
    return Employee(emp_id, start, kind, end, oath, named, scale, verklaring, workshop)


def organisations() -> st.SearchStrategy[Organisation]:
    """An organisation with a non-blank name, any kind, and maybe a headcount."""
    return st.builds(
        Organisation,
        name=st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip())),
        kind=st.sampled_from(OrganisationKind),
        headcount=st.none() | st.integers(0, 200_000),
    )


def _parameter_values(param: Parameter) -> st.SearchStrategy[Any]:
    kind = param.kind
    if kind is ValueKind.MONTHS:
        return st.integers(param.minimum, min(param.maximum, _MAX_TERM_MONTHS))
    if kind is ValueKind.DAYS:
        return st.integers(param.minimum, param.maximum)
    if kind is ValueKind.NUMBER_OR_NONE:
        return st.none() | st.integers(param.minimum, param.maximum)
    if kind is ValueKind.MONTH_DAY:
        return dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: d.strftime("%m-%d"))
    if kind is ValueKind.FLAG:
        return st.booleans()
    if kind is ValueKind.CHOICE:
        return st.sampled_from(param.choices)
    name = st.text(min_size=1, max_size=12).filter(lambda t: bool(t.strip()))
    return st.lists(name, max_size=3).map(tuple)


def policy_settings() -> st.SearchStrategy[PolicySettings]:
    """Policy settings: per parameter the default, one value, or values by date (the oath
    term from :func:`term_months`)."""
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for name, param in PARAMETERS.items():
        values = term_months() if param is OATH_TERM_MONTHS else _parameter_values(param)
        dated = st.dictionaries(dates(), values, min_size=1, max_size=3)
        one = values.filter(lambda v: v is not None)
        fields[name] = st.none() | one | dated
    return st.builds(PolicySettings, **fields)


def register_ids() -> st.SearchStrategy[str]:
    """Register entry ids: realistic ones (``R-2025-01``) and any short token the register
    accepts (letters, digits and ``-_./:``; see :data:`integriteit.io.REGISTER_ID`)."""
    return st.one_of(
        st.from_regex(r"R-20[0-9]{2}-[0-9]{2,3}", fullmatch=True),
        st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_./:-]{0,11}", fullmatch=True),
    )


def _fixed_or_drawn(draw: st.DrawFn, value: Any, strategy: st.SearchStrategy[Any],
                    cls: type) -> Any:
    """``value`` itself when it is a ``cls``, else drawn from it (a strategy) or ``strategy``."""
    if isinstance(value, cls):
        return value
    return draw(value if value is not None else strategy)


@st.composite
def register_entries(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    kind: EntryKind | st.SearchStrategy[EntryKind] | None = None,
    channel: Channel | st.SearchStrategy[Channel] | None = None,
    received: st.SearchStrategy[date] | None = None,
) -> RegisterEntry:
    """An entry of the integrity register; like the model, it has no field for anyone's identity.

    ``kind`` and ``channel`` fix the value (or draw it from a strategy); by default every kind
    and channel occurs. ``received`` draws the day of receipt (default: :func:`dates`). The
    acknowledgement, feedback and closing are each absent or dated: mostly near the event
    before them (receipt, acknowledgement, feedback): a few days earlier, within the Wbk terms
    of 7 days and 3 months, or some weeks late; sometimes anywhere. So every status of the Wbk
    rules occurs, ``invalid`` included.
    """
    entry_id = draw(ids if ids is not None else register_ids())
    entry_kind = _fixed_or_drawn(draw, kind, st.sampled_from(EntryKind), EntryKind)
    entry_channel = _fixed_or_drawn(draw, channel, st.sampled_from(Channel), Channel)
    day = draw(received if received is not None else dates())

    def near(base: date, low: int, high: int) -> date | None:
        if not draw(st.booleans()):
            return None
        return draw(st.one_of(st.integers(low, high).map(lambda n: _shifted(base, n)), dates()))

    acknowledged = near(day, -3, 20)
    feedback = near(acknowledged or day, -5, 130)
    closed = near(feedback or day, 0, 400)
    keys = st.sampled_from(sorted(all_categories()))
    categories = tuple(draw(st.lists(keys, max_size=3, unique=True)))
    outcome = draw(st.none() | outcomes()) if entry_kind is not EntryKind.GESPREK else None
    return RegisterEntry(entry_id, entry_kind, day, entry_channel, draw(st.booleans()),
                         acknowledged, feedback, closed, categories, None, outcome)


def outcomes() -> st.SearchStrategy[Outcome]:
    """The outcome of a formal case: investigated or not, findings and measure maybe given."""
    return st.builds(Outcome, investigation=st.booleans(),
                     findings=st.none() | st.sampled_from(CaseFindings),
                     measure=st.none() | st.sampled_from(Measure))


def meldprocedures(on: st.SearchStrategy[date] | None = None) -> st.SearchStrategy[Meldprocedure]:
    """Facts about the reporting procedure, each unknown (``None``) or given; dates from ``on``."""
    days = on if on is not None else dates()
    known = st.none() | st.booleans()
    return st.builds(Meldprocedure, adopted=st.none() | days,
                     works_council_consent=st.none() | days, functionaris=known,
                     adviseur_in_vertrouwen=known, register_kept=known,
                     consent_route=st.none() | st.sampled_from(ConsentRoute))


def training_sessions(on: st.SearchStrategy[date] | None = None,
                      ) -> st.SearchStrategy[TrainingSession]:
    """A session of integrity training on a day from ``on`` (default :func:`dates`), with an
    unknown or a (non-negative) number of attendees."""
    return st.builds(TrainingSession, date=on if on is not None else dates(),
                     attendees=st.none() | st.integers(0, 500))


@st.composite
def verantwoordingen(draw: st.DrawFn, years: st.SearchStrategy[int] | None = None,
                     ) -> Verantwoording:
    """A yearly verantwoording over a year from ``years`` (default 2015 to 2035; the loader
    accepts 2000 to 2999), published in that year or later: mostly within about two years of
    its start (so both sides of the usual deadline, 31 December of the next year), sometimes
    anywhere later. Years must be unique in a document: draw lists with ``unique_by``."""
    year = draw(years if years is not None else st.integers(2015, 2035))
    first = date(year, 1, 1)
    published = draw(st.one_of(
        st.integers(0, 900).map(lambda n: _shifted(first, n)),
        dates(first, max(first, MAX_DATE)),
    ))
    return Verantwoording(year, published)


def nevenwerken(employee_ids: Sequence[str], on: st.SearchStrategy[date] | None = None,
                ) -> st.SearchStrategy[Nevenwerk]:
    """A reported nevenwerkzaamheid of one of ``employee_ids`` (not empty), reported on a day
    from ``on`` (default :func:`dates`); registered and published each unknown, yes or no."""
    if not employee_ids:
        raise ValueError("nevenwerken() needs at least one employee id")
    known = st.none() | st.booleans()
    return st.builds(Nevenwerk, employee=st.sampled_from(list(employee_ids)),
                     activity=st.sampled_from(["penningmeester sportvereniging",
                                               "eigen adviesbureau", "docent"])
                     | st.text(max_size=30),
                     reported=on if on is not None else dates(), registered=known,
                     published=known)


def vertrouwenspersonen(on: st.SearchStrategy[date] | None = None
                        ) -> st.SearchStrategy[Vertrouwenspersoon]:
    """A vertrouwenspersoon: internal or external, one or both scopes, maybe dated."""
    days = on if on is not None else dates()
    return st.builds(Vertrouwenspersoon, id=register_ids(), external=st.booleans(),
                     scope=st.lists(st.sampled_from(VertrouwenspersoonScope), min_size=1,
                                    max_size=2, unique=True).map(tuple),
                     since=st.none() | days, until=st.none())


@st.composite
def facts(
    draw: st.DrawFn,
    meldprocedure: st.SearchStrategy[Meldprocedure] | None = None,
    *,
    on: st.SearchStrategy[date] | None = None,
    employee_ids: Sequence[str] = (),
    nulls: bool = True,
) -> Facts:
    """The organisation's facts; each is left out (unknown), ``null`` or given.

    The procedure facts come from ``meldprocedure`` (default :func:`meldprocedures`), the other
    dates from ``on`` (default :func:`dates`). Nevenwerkzaamheden name only ``employee_ids``
    (none when it is empty). With ``nulls`` (the default) a fact may be stated as ``null``
    ("not adopted"), as the loader reads ``"gedragscode": null``; such a fact is in
    :attr:`Facts.given <integriteit.model.Facts.given>` with the value ``None``.
    """
    days = on if on is not None else dates()
    values: dict[str, st.SearchStrategy[Any]] = {
        "meldprocedure": meldprocedure if meldprocedure is not None else meldprocedures(),
        "integriteitsbeleid": days,
        "gedragscode": days,
        "integriteit_in_gesprekken": st.booleans(),
        "training": st.lists(training_sessions(days), max_size=3).map(tuple),
        "verantwoording": st.lists(verantwoordingen(), max_size=4,
                                   unique_by=lambda v: v.year).map(tuple),
        "financiele_belangen": days,
        "nevenwerkzaamheden": (st.lists(nevenwerken(employee_ids, days), max_size=4).map(tuple)
                               if employee_ids else st.just(())),
        "vertrouwenspersonen": st.lists(vertrouwenspersonen(days), max_size=3,
                                        unique_by=lambda v: v.id).map(tuple),
    }
    choices = ["absent", "null", "given"] if nulls else ["absent", "given"]
    given: dict[str, Any] = {}
    null: list[str] = []
    for key, strategy in values.items():
        how = draw(st.sampled_from(choices))
        if how == "given":
            given[key] = draw(strategy)
        elif how == "null":
            null.append(key)
    result = Facts(**given)
    if not null:
        return result
    # Through the loader, which records the keys a document states, ``null`` ones included.
    stated: Facts = structure({**_facts_to_dict(result), **dict.fromkeys(null)}, Facts)
    return stated


_any_facts = facts  # ``documents`` has a parameter of the same name


def report_settings(since: st.SearchStrategy[date] | None = None
                    ) -> st.SearchStrategy[ReportSettings]:
    """How a document's annual report reads its register: ``register_since`` None or from
    ``since`` (default: 2010 to 2018, so that a report over 2018 or later can be made), and
    ``always`` a few kinds, each with a few category keys."""
    keys = st.lists(st.sampled_from(sorted(all_categories())), max_size=3, unique=True)
    return st.builds(
        ReportSettings,
        st.none() | (since if since is not None else dates(date(2010, 1, 1),
                                                            date(2018, 12, 31))),
        st.dictionaries(st.sampled_from(list(EntryKind)), keys.map(tuple), max_size=2))


@st.composite
def documents(
    draw: st.DrawFn,
    *,
    employee: st.SearchStrategy[Employee] | None = None,
    min_employees: int = 0,
    max_employees: int = 10,
    entry: st.SearchStrategy[RegisterEntry] | None = None,
    min_entries: int = 0,
    max_entries: int = 5,
    facts: st.SearchStrategy[Facts] | None = None,
) -> Document:
    """A document that :func:`integriteit.from_dict` would accept: ids are unique.

    Employees from ``employee`` (default :func:`employees`), register entries from ``entry``
    (default :func:`register_entries`; ``max_entries=0`` for none), facts from ``facts``
    (default :func:`facts` with the document's employee ids, so its nevenwerkzaamheden name
    employees of the document; a ``facts`` strategy given must do the same).
    """
    org = draw(organisations())
    staff = draw(st.lists(employee if employee is not None else employees(),
                          min_size=min_employees, max_size=max_employees,
                          unique_by=lambda e: e.id))
    policy = draw(policy_settings())
    register = draw(st.lists(entry if entry is not None else register_entries(),
                             min_size=min_entries, max_size=max_entries,
                             unique_by=lambda e: e.id))
    doc_facts = draw(facts if facts is not None
                     else _any_facts(employee_ids=[e.id for e in staff]))
    schema = draw(st.none() | st.just(SCHEMA_URL))
    report = draw(report_settings())
    return Document(org, tuple(staff), policy, register=tuple(register), facts=doc_facts,
                    report=report, schema=schema)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """``doc`` as canonical JSON-ready data, written out by hand (not with the converter).

    Canonical: optional values that are unset (``None``, ``False`` for ``anonymous``, no
    employees, register entries or waivers, default policy, facts not stated) are left out, as
    :func:`integriteit.dump_document` does; a fact stated as ``null`` ("not adopted") is
    written as ``null``; dates are ``YYYY-MM-DD`` strings.
    """
    org: dict[str, Any] = {"name": doc.organisation.name, "kind": doc.organisation.kind.value}
    if doc.organisation.headcount is not None:
        org["headcount"] = doc.organisation.headcount
    data: dict[str, Any] = {"organisation": org}
    if doc.employees:
        staff: list[dict[str, Any]] = []
        for e in doc.employees:
            item: dict[str, Any] = {"id": e.id, "start": e.start.isoformat(),
                                    "employment": e.employment.value}
            if e.end is not None:
                item["end"] = e.end.isoformat()
            if e.oath is not None:
                item["oath"] = {"date": e.oath.date.isoformat(), "form": e.oath.form.value}
                if e.oath.earlier_employment:
                    item["oath"]["earlier_employment"] = True
                if e.oath.earlier_start is not None:
                    item["oath"]["earlier_start"] = e.oath.earlier_start.isoformat()
            if e.function is not None:
                item["function"] = e.function
            if e.scale is not None:
                item["scale"] = e.scale
            for key, day in (("integriteitsverklaring", e.integriteitsverklaring),
                             ("workshop", e.workshop)):
                if day is not None:
                    item[key] = day.isoformat()
            staff.append(item)
        data["employees"] = staff
    policy: dict[str, Any] = {}
    for name in PARAMETERS:
        setting = getattr(doc.policy, name)
        if setting is None:
            continue
        if isinstance(setting, tuple) and setting and isinstance(setting[0], DatedValue):
            policy[name] = {d.since.isoformat(): _plain(d.value) for d in setting}
        else:
            policy[name] = _plain(setting)
    if policy:
        data["policy"] = policy
    if doc.register:
        entries: list[dict[str, Any]] = []
        for r in doc.register:
            entry: dict[str, Any] = {"id": r.id, "kind": r.kind.value,
                                     "received": r.received.isoformat(),
                                     "channel": r.channel.value}
            if r.anonymous:
                entry["anonymous"] = True
            for key, day in (("acknowledged", r.acknowledged), ("feedback", r.feedback),
                             ("closed", r.closed)):
                if day is not None:
                    entry[key] = day.isoformat()
            if r.categories:
                entry["categories"] = list(r.categories)
            if r.related_to is not None:
                entry["related_to"] = r.related_to
            if r.outcome is not None:
                outcome: dict[str, Any] = {"investigation": r.outcome.investigation}
                if r.outcome.findings is not None:
                    outcome["findings"] = r.outcome.findings.value
                if r.outcome.measure is not None:
                    outcome["measure"] = r.outcome.measure.value
                entry["outcome"] = outcome
            entries.append(entry)
        data["register"] = entries
    if doc.facts.given:
        data["facts"] = _facts_to_dict(doc.facts)
    if doc.waivers:
        waivers: list[dict[str, Any]] = []
        for w in doc.waivers:
            waiver: dict[str, Any] = {"rule": w.rule, "subject": w.subject, "reason": w.reason,
                                      "until": w.until.isoformat()}
            if w.since is not None:
                waiver["since"] = w.since.isoformat()
            waivers.append(waiver)
        data["waivers"] = waivers
    if doc.category_labels:
        data["category_labels"] = dict(doc.category_labels)
    if doc.report != ReportSettings():
        report: dict[str, Any] = {}
        if doc.report.register_since is not None:
            report["register_since"] = doc.report.register_since.isoformat()
        if doc.report.always:
            report["always"] = {kind.value: list(keys)
                                for kind, keys in doc.report.always.items()}
        data["report"] = report
    if doc.schema is not None:
        data["$schema"] = doc.schema
    return data


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _facts_to_dict(facts: Facts) -> dict[str, Any]:
    """The stated facts: a value given is written, a fact stated as ``null`` is ``None``."""
    data: dict[str, Any] = {}
    proc = facts.meldprocedure
    if proc is not None:
        stated: dict[str, Any] = {}
        for key, when in (("adopted", proc.adopted),
                          ("works_council_consent", proc.works_council_consent)):
            if when is not None:
                stated[key] = when.isoformat()
        for key, flag in (("functionaris", proc.functionaris),
                          ("adviseur_in_vertrouwen", proc.adviseur_in_vertrouwen),
                          ("register_kept", proc.register_kept)):
            if flag is not None:
                stated[key] = flag
        if proc.consent_route is not None:
            stated["consent_route"] = proc.consent_route.value
        data["meldprocedure"] = stated
    for key, day in (("integriteitsbeleid", facts.integriteitsbeleid),
                     ("gedragscode", facts.gedragscode),
                     ("financiele_belangen", facts.financiele_belangen)):
        if day is not None:
            data[key] = day.isoformat()
    if facts.integriteit_in_gesprekken is not None:
        data["integriteit_in_gesprekken"] = facts.integriteit_in_gesprekken
    if facts.training is not None:
        sessions: list[dict[str, Any]] = []
        for t in facts.training:
            session: dict[str, Any] = {"date": t.date.isoformat()}
            if t.attendees is not None:
                session["attendees"] = t.attendees
            sessions.append(session)
        data["training"] = sessions
    if facts.verantwoording is not None:
        data["verantwoording"] = [{"year": v.year, "published": v.published.isoformat()}
                                  for v in facts.verantwoording]
    if facts.nevenwerkzaamheden is not None:
        items: list[dict[str, Any]] = []
        for n in facts.nevenwerkzaamheden:
            item: dict[str, Any] = {"employee": n.employee, "activity": n.activity,
                                    "reported": n.reported.isoformat()}
            for key, flag in (("registered", n.registered), ("published", n.published)):
                if flag is not None:
                    item[key] = flag
            items.append(item)
        data["nevenwerkzaamheden"] = items
    if facts.vertrouwenspersonen is not None:
        advisers: list[dict[str, Any]] = []
        for v in facts.vertrouwenspersonen:
            adviser: dict[str, Any] = {"id": v.id, "external": v.external,
                                       "scope": [x.value for x in v.scope]}
            for key, when in (("since", v.since), ("until", v.until)):
                if when is not None:
                    adviser[key] = when.isoformat()
            advisers.append(adviser)
        data["vertrouwenspersonen"] = advisers
    for key in sorted(facts.given - set(data)):  # stated as null
        data[key] = None
    return data


def document_dicts(
    *,
    employee: st.SearchStrategy[Employee] | None = None,
    min_employees: int = 0,
    max_employees: int = 10,
    entry: st.SearchStrategy[RegisterEntry] | None = None,
    min_entries: int = 0,
    max_entries: int = 5,
    facts: st.SearchStrategy[Facts] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Documents as JSON-ready plain data (see :func:`document_to_dict`)."""
    return documents(employee=employee, min_employees=min_employees,
                     max_employees=max_employees, entry=entry, min_entries=min_entries,
                     max_entries=max_entries, facts=facts).map(document_to_dict)


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any value :func:`json.loads` can return: for feeding junk to loaders."""
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=5),
            st.dictionaries(st.text(max_size=12), children, max_size=5),
        ),
        max_leaves=max_leaves,
    )
