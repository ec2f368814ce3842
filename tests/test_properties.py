"""Properties over generated input (strategies from :mod:`integriteit.testing`).

Deadlines, the oath rule's boundaries, round trips through plain data and JSON text, and fuzzing
of the loaders: whatever comes in, the only exception out is :class:`integriteit.InputError`.
"""

from __future__ import annotations

import calendar
import copy
import json
from datetime import date, timedelta
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import integriteit
from integriteit import (
    Channel,
    Document,
    Employee,
    EmploymentKind,
    EntryKind,
    Facts,
    InputError,
    Meldprocedure,
    Nevenwerk,
    Oath,
    OathForm,
    Organisation,
    OrganisationKind,
    PolicySettings,
    RegisterEntry,
    Status,
    SubjectKind,
)
from integriteit.i18n import LANGS
from integriteit.law.termijnenwet import day_off
from integriteit.model import (
    CaseFindings,
    ConsentRoute,
    Measure,
    Outcome,
    ReportSettings,
    TrainingSession,
    Verantwoording,
    Vertrouwenspersoon,
    VertrouwenspersoonScope,
    Waiver,
)
from integriteit.termijnen import Term, TermOrigin
from integriteit.testing import (
    MAX_DATE,
    MIN_DATE,
    dates,
    document_dicts,
    document_to_dict,
    documents,
    employees,
    facts,
    json_values,
    meldprocedures,
    nevenwerken,
    register_entries,
    term_months,
    training_sessions,
    verantwoordingen,
)

EED = "ambtenarenwet.eed"
ACK, FEEDBACK = "wbk.ontvangstbevestiging", "wbk.terugkoppeling"
WBK_FROM, WBK_UNTIL = date(2023, 2, 18), date(2030, 12, 31)
FUZZ = settings(max_examples=200, deadline=None)


_GEMEENTE = integriteit.Organisation("Gemeente G", integriteit.OrganisationKind.GEMEENTE)
"""An employer the oath rule binds on every date (before 2020 art. 125quinquies bound only the
Rijk, provincies, gemeenten and waterschappen)."""


def eed(employee: Employee, at: date, months: int) -> integriteit.Finding:
    [finding] = [f for f in integriteit.check_employee(employee, at, term_months=months,
                                                       organisation=_GEMEENTE)
                 if f.rule == EED]
    return finding


def is_iso_date(value: object) -> bool:
    if not (isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-"):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# --- the strategies themselves ---------------------------------------------------------------


@given(dates(date(2024, 2, 1), date(2024, 2, 29)))
def test_dates_stay_in_their_bounds(day: date) -> None:
    """``testing.dates`` keeps to its bounds, month ends included."""
    assert date(2024, 2, 1) <= day <= date(2024, 2, 29)


@given(dates(date(2024, 3, 10), date(2024, 3, 10)))
def test_dates_in_a_one_day_range(day: date) -> None:
    """A range of one day gives that day (no month end in range is needed)."""
    assert day == date(2024, 3, 10)


def only_nulls(doc: Document) -> bool:
    """Whether the document states facts, all of them as ``null``: ``dump_document`` loses
    those (a known bug, see test_ambtenarenwet_duties.py)."""
    facts = doc.facts
    return bool(facts.given) and all(getattr(facts, key) is None for key in facts.given)


@given(documents())
def test_generated_documents_are_valid_input(doc: Document) -> None:
    """Every generated document is accepted by ``from_dict`` as it is, null facts included."""
    loaded = integriteit.from_dict(document_to_dict(doc))
    assert loaded == doc
    assert loaded.facts.given == doc.facts.given


@given(facts(on=dates(date(2021, 1, 1), date(2021, 12, 31)), employee_ids=["A", "B"]))
def test_facts_keep_to_the_dates_and_employees_given(stated: Facts) -> None:
    """``facts(on=..., employee_ids=...)``: dates from ``on``, nevenwerk only of those ids;
    verantwoording years unique and published no earlier than their year."""
    for day in (stated.integriteitsbeleid, stated.gedragscode, stated.financiele_belangen):
        assert day is None or date(2021, 1, 1) <= day <= date(2021, 12, 31)
    for item in stated.nevenwerkzaamheden or ():
        assert item.employee in ("A", "B")
        assert date(2021, 1, 1) <= item.reported <= date(2021, 12, 31)
    for session in stated.training or ():
        assert date(2021, 1, 1) <= session.date <= date(2021, 12, 31)
        assert session.attendees is None or session.attendees >= 0
    years = [v.year for v in stated.verantwoording or ()]
    assert len(years) == len(set(years))
    assert all(v.published.year >= v.year for v in stated.verantwoording or ())


@given(facts(nulls=False))
def test_facts_without_nulls_state_only_what_they_give(stated: Facts) -> None:
    """``facts(nulls=False)`` states no fact as ``null``: each is given or left out."""
    assert all(getattr(stated, key) is not None for key in stated.given)


def test_nevenwerken_needs_an_employee() -> None:
    """A nevenwerkzaamheid names an employee: no ids, no strategy."""
    try:
        nevenwerken([])
    except ValueError as exc:
        assert "employee id" in str(exc)
    else:
        raise AssertionError("nevenwerken([]) gave a strategy")


@given(training_sessions(), verantwoordingen(st.integers(2990, 2999)))
def test_sessions_and_accounts_are_valid(session: TrainingSession,
                                         account: Verantwoording) -> None:
    """Sessions have no negative attendance; an account late in the range still fits."""
    assert session.attendees is None or session.attendees >= 0
    assert 2990 <= account.year <= 2999
    assert account.published >= date(account.year, 1, 1)


@given(register_entries(kind=EntryKind.MISSTAND, channel=st.sampled_from([Channel.EXTERN]),
                        received=dates(date(2024, 1, 1), date(2024, 12, 31))))
def test_register_entries_keep_to_what_they_are_given(entry: RegisterEntry) -> None:
    """``register_entries`` fixes kind and channel, and draws receipt from the strategy given."""
    assert (entry.kind, entry.channel) == (EntryKind.MISSTAND, Channel.EXTERN)
    assert date(2024, 1, 1) <= entry.received <= date(2024, 12, 31)
    assert entry.id.strip()


@given(facts(meldprocedures(dates(date(2020, 1, 1), date(2020, 1, 31)))))
def test_facts_draw_procedure_dates_from_the_strategy_given(stated: Facts) -> None:
    """``facts(meldprocedures(on))`` keeps its procedure dates within ``on``."""
    proc = stated.meldprocedure
    if proc is not None:
        for day in (proc.adopted, proc.works_council_consent):
            assert day is None or date(2020, 1, 1) <= day <= date(2020, 1, 31)


def test_document_to_dict_writes_every_model_field() -> None:
    """``document_to_dict`` is written by hand: with every field set, every field is written."""
    day = date(2024, 3, 4)
    doc = Document(
        Organisation("X", OrganisationKind.GEMEENTE, 80),
        (Employee("P1", day, EmploymentKind.AMBTENAAR, day,
                  Oath(day - timedelta(days=400), OathForm.EED, True, day - timedelta(days=500)),
                  "inkoper", 11, day, day),),
        PolicySettings(3, {date(2020, 1, 1): "12-31", date(2024, 1, 1): "07-01"}, True, 0,
                       "externals", 6, ("directeur",), {date(2020, 1, 1): 14}, 3, True),
        register=(RegisterEntry("R1", EntryKind.MISSTAND, day, Channel.WERKGEVER, True, day,
                                day, day, ("integriteit", "pesten"), None,
                                Outcome(True, CaseFindings.GEGROND, Measure.BERISPING)),
                  RegisterEntry("R2", EntryKind.GESPREK, day, Channel.VERTROUWENSPERSOON_INTERN,
                                related_to="R1")),
        facts=Facts(Meldprocedure(day, day, True, False, True, ConsentRoute.REGULATED), day,
                    day, True,
                    (TrainingSession(day, 12),), (Verantwoording(2023, day),), day,
                    (Nevenwerk("P1", "docent", day, True, False),),
                    (Vertrouwenspersoon("VP1", True, (VertrouwenspersoonScope.INTEGRITEIT,),
                                        day, day),)),
        waivers=(Waiver("ambtenarenwet.eed", "P1", "besluit 2024-17", day, day),),
        category_labels={"ruzie op de afdeling": "arbeidsconflict"},
        report=ReportSettings(day, {EntryKind.KLACHT: (), EntryKind.GESPREK: ("pesten",)}),
        schema="document.schema.json",
    )
    data = document_to_dict(doc)
    renames = {"schema": "$schema"}

    def keys(cls: type) -> set[str]:  # not Facts.stated: the loader sets it, no document does
        return {renames.get(a.name, a.name) for a in attrs.fields(cls) if a.init}

    assert set(data) == keys(Document)
    assert set(data["waivers"][0]) == keys(Waiver)
    assert set(data["report"]) == keys(ReportSettings)
    assert set(data["organisation"]) == keys(Organisation)
    assert set(data["employees"][0]) == keys(Employee)
    assert set(data["employees"][0]["oath"]) == keys(Oath)
    assert set(data["policy"]) == keys(PolicySettings)
    assert set(data["register"][0]) | set(data["register"][1]) == keys(RegisterEntry)
    assert set(data["register"][0]["outcome"]) == keys(Outcome)
    assert set(data["facts"]) == keys(Facts)
    assert set(data["facts"]["meldprocedure"]) == keys(Meldprocedure)
    assert set(data["facts"]["training"][0]) == keys(TrainingSession)
    assert set(data["facts"]["verantwoording"][0]) == keys(Verantwoording)
    assert set(data["facts"]["nevenwerkzaamheden"][0]) == keys(Nevenwerk)
    assert set(data["facts"]["vertrouwenspersonen"][0]) == keys(Vertrouwenspersoon)
    assert data["policy"]["verantwoording_deadline"] == {"2020-01-01": "12-31",
                                                         "2024-01-01": "07-01"}
    assert integriteit.from_dict(data) == doc
    assert integriteit.dump_document(doc) == data


def test_document_to_dict_writes_facts_stated_as_null() -> None:
    """A fact the loader read as ``null`` ("not adopted") is written as ``null``, next to the
    facts given; one left out stays out."""
    stated = {"gedragscode": None, "training": None, "integriteitsbeleid": "2020-02-03"}
    doc = integriteit.from_dict({"organisation": {"name": "X", "kind": "rijk"},
                                 "facts": stated})
    assert document_to_dict(doc)["facts"] == stated
    assert integriteit.dump_document(doc)["facts"] == stated


# --- deadlines -------------------------------------------------------------------------------


@given(dates(), term_months())
def test_deadline_is_never_before_start(start: date, months: int) -> None:
    """Start + N months is never before the start, and after it for N > 0."""
    deadline = Term.of_months(months, TermOrigin.ORGANISATION).deadline(start)
    assert deadline >= start
    if months:
        assert deadline > start
    else:
        assert deadline == start


@given(dates(), term_months())
def test_deadline_is_same_day_number_or_end_of_shorter_month(start: date, months: int) -> None:
    """The deadline is N calendar months on: the same day, or the last day of a shorter month."""
    deadline = Term.of_months(months, TermOrigin.ORGANISATION).deadline(start)
    assert (deadline.year - start.year) * 12 + deadline.month - start.month == months
    last = calendar.monthrange(deadline.year, deadline.month)[1]
    assert deadline.day == min(start.day, last)


@given(dates(), term_months())
def test_oath_on_deadline_is_ok_and_day_after_is_late(start: date, months: int) -> None:
    """For any start and term: an oath on the deadline is ok, on the next day late."""
    deadline = Term.of_months(months, TermOrigin.ORGANISATION).deadline(start)
    at = deadline + timedelta(days=30)
    on_time = Employee("E", start, EmploymentKind.AMBTENAAR, oath=Oath(deadline, OathForm.EED))
    late = Employee("E", start, EmploymentKind.AMBTENAAR,
                    oath=Oath(deadline + timedelta(days=1), OathForm.BELOFTE))
    ok_finding = eed(on_time, at, months)
    late_finding = eed(late, at, months)
    assert (ok_finding.status, ok_finding.due) == (Status.OK, deadline)
    assert (late_finding.status, late_finding.due) == (Status.LATE, deadline)
    assert late_finding.facts["days_late"] == 1


@given(dates(), term_months(), st.integers(0, 2000))
def test_without_oath_due_until_deadline_then_overdue(start: date, months: int,
                                                      offset: int) -> None:
    """Without an oath: due up to and including the deadline, overdue from the day after."""
    at = start + timedelta(days=offset)
    f = eed(Employee("E", start, EmploymentKind.AMBTENAAR), at, months)
    deadline = Term.of_months(months, TermOrigin.ORGANISATION).deadline(start)
    assert f.due == deadline
    assert f.status is (Status.DUE if at <= deadline else Status.OVERDUE)


@given(employees(), dates(), term_months())
def test_due_is_set_exactly_when_the_rule_applies(employee: Employee, at: date,
                                                  months: int) -> None:
    """``due`` is None for not_applicable findings and the deadline for every other status."""
    f = eed(employee, at, months)
    if f.status is Status.NOT_APPLICABLE:
        assert f.due is None
    else:
        assert employee.employment is EmploymentKind.AMBTENAAR
        assert f.due == Term.of_months(months, TermOrigin.ORGANISATION).deadline(employee.start)
    assert f.message("nl")
    assert f.message("en")


@given(employees(employment=EmploymentKind.AMBTENAAR), dates(max_value=MAX_DATE - timedelta(1)),
       st.integers(1, 800), st.sampled_from(OathForm), term_months())
def test_facts_after_the_reference_date_do_not_count(employee: Employee, at: date, later: int,
                                                     form: OathForm, months: int) -> None:
    """An oath dated after the reference date gives the same finding as no oath at all."""
    oath = Oath(min(at + timedelta(days=later), MAX_DATE), form)
    with_oath = attrs.evolve(employee, oath=oath)
    without = attrs.evolve(employee, oath=None)
    a, b = eed(with_oath, at, months), eed(without, at, months)
    assert (a.status, a.due) == (b.status, b.due)


@given(employees(), dates(), term_months())
def test_non_ambtenaren_are_never_bound(employee: Employee, at: date, months: int) -> None:
    """Whatever the dates, only ambtenaren can be ok, late, due, overdue or invalid."""
    f = eed(employee, at, months)
    if employee.employment is not EmploymentKind.AMBTENAAR:
        assert f.status is Status.NOT_APPLICABLE


# --- the Wbk terms ---------------------------------------------------------------------------

# Every channel but ``extern``: the reports the employer itself receives.
INTERNAL = st.sampled_from([c for c in Channel if c is not Channel.EXTERN])


@st.composite
def misstanden(draw: st.DrawFn) -> tuple[Document, RegisterEntry, date]:
    """One misstand received under the Wbk by an organisation it binds, and a reference date."""
    entry = draw(register_entries(kind=EntryKind.MISSTAND, channel=INTERNAL,
                                  received=dates(WBK_FROM, WBK_UNTIL)))
    at = entry.received + timedelta(days=draw(st.integers(0, 200)))
    headcount = draw(st.none() | st.integers(50, 100_000))
    doc = Document(Organisation("X", OrganisationKind.GEMEENTE, headcount), register=(entry,))
    return doc, entry, at


def wbk(doc: Document, at: date, rule: str) -> integriteit.Finding:
    [finding] = integriteit.check(doc, at, rules=[rule]).findings
    return finding


def known(day: date | None, at: date) -> date | None:
    return day if day is not None and day <= at else None


def assert_extended_to_a_working_day(raw: date, due: date) -> None:
    """``due`` is ``raw`` or later, a working day, and every day skipped was a day off."""
    assert due >= raw
    assert day_off(due) is None
    skipped = raw
    while skipped < due:
        assert day_off(skipped) is not None, (raw, due, skipped)
        skipped += timedelta(days=1)


@given(dates(WBK_FROM, WBK_UNTIL))
def test_acknowledgement_deadline_is_seven_days_on_or_the_next_working_day(
        received: date) -> None:
    """The ack deadline is at least receipt + 7, never a weekend day or feestdag, no later."""
    doc = Document(Organisation("X", OrganisationKind.PROVINCIE, 50),
                   register=(RegisterEntry("R", EntryKind.MISSTAND, received, Channel.WERKGEVER),))
    f = wbk(doc, received, ACK)
    assert f.status is Status.DUE
    assert f.due is not None
    assert f.due >= received + timedelta(days=7)
    assert_extended_to_a_working_day(received + timedelta(days=7), f.due)
    assert f.explanation is not None
    assert "Algemene termijnenwet" in f.explanation.explain("en")


@given(misstanden())
def test_acknowledgement_status_follows_the_dates(case: tuple[Document, RegisterEntry, date],
                                                  ) -> None:
    """ok iff acknowledged by the deadline, late after it, due/overdue without, invalid before."""
    doc, entry, at = case
    f = wbk(doc, at, ACK)
    assert f.subject == entry.id
    assert f.due is not None
    ack = known(entry.acknowledged, at)
    if ack is None:
        assert f.status is (Status.DUE if at <= f.due else Status.OVERDUE)
    elif ack < entry.received:
        assert f.status is Status.INVALID
    elif ack <= f.due:
        assert f.status is Status.OK
    else:
        assert f.status is Status.LATE
        assert f.facts["days_late"] == (ack - f.due).days > 0


@given(misstanden())
def test_feedback_status_follows_the_dates(case: tuple[Document, RegisterEntry, date]) -> None:
    """The feedback term runs from the ack, or from the ack's deadline; statuses as for the ack."""
    doc, entry, at = case
    ack_finding, f = wbk(doc, at, ACK), wbk(doc, at, FEEDBACK)
    ack, feedback = known(entry.acknowledged, at), known(entry.feedback, at)
    if ack is not None and ack < entry.received:
        assert (f.status, f.due) == (Status.INVALID, None)
        return
    if feedback is not None and feedback < entry.received:
        assert (f.status, f.due) == (Status.INVALID, None)
        return
    base = ack if ack is not None else ack_finding.due
    assert f.facts["base"] == base
    assert base is not None and f.due is not None
    assert_extended_to_a_working_day(base + relativedelta(months=3), f.due)
    assert f.due == f.facts["deadline"]
    if feedback is None:
        assert f.status is (Status.DUE if at <= f.due else Status.OVERDUE)
    elif ack is not None and feedback < ack:
        assert f.status is Status.INVALID
    elif feedback <= f.due:
        assert f.status is Status.OK
    else:
        assert f.status is Status.LATE
        assert f.facts["days_late"] == (feedback - f.due).days > 0


@given(documents(max_employees=3), dates(date(2015, 1, 1), date(2031, 12, 31)))
def test_wbk_findings_cover_every_entry_and_explain_their_deadlines(doc: Document,
                                                                    at: date) -> None:
    """One finding per entry and Wbk rule; a finding with a term has a due date and explains it."""
    rules = [r for r in integriteit.rules() if r.id.startswith("wbk.")]
    result = integriteit.check(doc, at, rules=rules)
    expected = [(r.id, e.id) for r in rules if r.subject is SubjectKind.REGISTER_ENTRY
                for e in doc.register]
    expected += [(r.id, "organisation") for r in rules if r.subject is SubjectKind.ORGANISATION]
    assert [(f.rule, f.subject) for f in result.findings] == expected
    for f in result.findings:
        if f.rule in (ACK, FEEDBACK) and f.status in (Status.OK, Status.LATE, Status.DUE,
                                                      Status.OVERDUE):
            assert f.due is not None
            assert f.explanation is not None
            assert f.explanation.explain("nl") and f.explanation.explain("en")
        if f.status is Status.NOT_APPLICABLE or f.subject == "organisation":
            assert f.due is None
        for lang in LANGS:
            assert f.message(lang)
            assert f.source(lang) or f.status is Status.NOT_APPLICABLE


# --- round trips -----------------------------------------------------------------------------


@given(document_dicts())
def test_dict_to_model_to_dict_is_identity(data: dict[str, Any]) -> None:
    """Plain data read by ``from_dict`` and written by ``dump_document`` comes back equal."""
    original = copy.deepcopy(data)
    doc = integriteit.from_dict(data)
    assume(not only_nulls(doc))  # a known bug: see test_ambtenarenwet_duties.py
    dumped = integriteit.dump_document(doc)
    assert dumped == original
    assert data == original  # from_dict does not change its input
    assert json.loads(json.dumps(dumped)) == original


@given(documents())
def test_model_to_json_text_to_model_is_identity(doc: Document) -> None:
    """``loads(dumps(doc))`` gives the same document, indented or not, and states the same
    facts (equality of documents does not compare which facts were stated as ``null``)."""
    assume(not only_nulls(doc))  # a known bug: see test_ambtenarenwet_duties.py
    for text in (integriteit.dumps(doc), integriteit.dumps(doc, indent=None),
                 integriteit.dumps(doc).encode("utf-8")):
        back = integriteit.loads(text)
        assert back == doc
        assert back.facts.given == doc.facts.given


def test_dump_document_leaves_out_defaults() -> None:
    """Unset optional values are left out of the plain data."""
    doc = integriteit.from_dict({
        "organisation": {"name": "X", "kind": "rijk", "headcount": None},
        "employees": [{"id": "A", "start": "2024-01-01", "employment": "ambtenaar",
                       "end": None, "oath": None}],
        "policy": {"oath_term_months": None},
    })
    assert integriteit.dump_document(doc) == {
        "organisation": {"name": "X", "kind": "rijk"},
        "employees": [{"id": "A", "start": "2024-01-01", "employment": "ambtenaar"}],
    }


def _exact_json_types(value: Any) -> bool:
    if isinstance(value, dict):
        return all(type(k) is str and _exact_json_types(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_exact_json_types(v) for v in value)
    return type(value) in (str, int, bool, float, type(None))


@given(documents(min_employees=1))
def test_dump_document_gives_plain_json_types(doc: Document) -> None:
    """``dump_document`` gives plain data: dicts, lists, str, int (no enum members)."""
    assert _exact_json_types(integriteit.dump_document(doc))


# --- fuzzing the loaders ---------------------------------------------------------------------


def assert_only_input_error(data: Any) -> None:
    """``from_dict(data)`` returns a Document or raises InputError with at least one problem."""
    try:
        doc = integriteit.from_dict(data)
    except InputError as exc:
        assert_problems(exc, "<dict>")
    else:
        assert isinstance(doc, Document)


def assert_problems(exc: InputError, source: str) -> None:
    assert exc.problems
    for p in exc.problems:
        assert p.source == source
        for lang in LANGS:
            line = p.render(lang)
            assert line.startswith(source)
            # Not checked here: one line per problem (see test_input.py, an unknown key with a
            # newline in it is a known bug).


@FUZZ
@given(json_values())
def test_any_json_value_gives_only_input_error(data: Any) -> None:
    """Arbitrary JSON values never make ``from_dict`` raise anything but InputError."""
    assert_only_input_error(data)


@FUZZ
@given(json_values())
def test_any_json_text_gives_only_input_error(data: Any) -> None:
    """Arbitrary JSON text never makes ``loads`` raise anything but InputError."""
    try:
        integriteit.loads(json.dumps(data))
    except InputError as exc:
        assert_problems(exc, "<string>")


@FUZZ
@given(st.one_of(st.text(), st.binary()))
def test_any_text_or_bytes_give_only_input_error(raw: str | bytes) -> None:
    """Arbitrary text or bytes never make ``loads`` raise anything but InputError."""
    try:
        integriteit.loads(raw)
    except InputError as exc:
        assert_problems(exc, "<string>")


def _containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every dict and list inside ``node``, ``node`` itself first."""
    found = [path]
    items = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, child in items:
        if isinstance(child, dict | list):
            found.extend(_containers(child, (*path, key)))
    return found


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


JUNK = st.one_of(
    json_values(max_leaves=4),
    st.text(max_size=12),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.sampled_from(["", "2024-13-01", "2024-02-30", "ambtenaar", "rijk", "eed", True, 0, -1,
                     1.5, None, [], {}]),
)


@st.composite
def mutated_document_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document with a few keys dropped, values replaced, keys added or items copied."""
    data = draw(document_dicts(max_employees=4))
    for _ in range(draw(st.integers(1, 4))):
        container = _at(data, draw(st.sampled_from(_containers(data))))
        keys = list(container) if isinstance(container, dict) else list(range(len(container)))
        action = draw(st.sampled_from(["drop", "replace", "add", "copy"]))
        if action == "add" and isinstance(container, dict):
            container[draw(st.text(max_size=10))] = copy.deepcopy(draw(JUNK))
        elif action == "copy" and isinstance(container, list) and container:
            container.append(copy.deepcopy(draw(st.sampled_from(container))))
        elif keys:
            key = draw(st.sampled_from(keys))
            if action == "drop":
                del container[key]
            else:
                container[key] = copy.deepcopy(draw(JUNK))  # JUNK shares its [] and {}
    return data


@FUZZ
@given(mutated_document_dicts())
def test_mutated_documents_give_only_input_error(data: dict[str, Any]) -> None:
    """Valid documents with keys dropped, wrong types or junk dates: only InputError."""
    assert_only_input_error(data)
    try:
        integriteit.loads(json.dumps(data))
    except InputError as exc:
        assert_problems(exc, "<string>")


@given(document_dicts(min_employees=1), st.data())
def test_junk_date_is_reported_at_exactly_its_path(data: dict[str, Any],
                                                   draw: st.DataObject) -> None:
    """A date replaced by a string that is no date gives one problem, at that date's path."""
    i = draw.draw(st.integers(0, len(data["employees"]) - 1))
    employee = data["employees"][i]
    field = draw.draw(st.sampled_from(
        ["start"] + [k for k in ("end", "oath") if k in employee]))
    junk = draw.draw(st.one_of(st.text(max_size=12),
                               st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True))
                     .filter(lambda s: not is_iso_date(s)))
    if field == "oath":
        employee["oath"]["date"] = junk
        path = f"employees[{i}].oath.date"
    else:
        employee[field] = junk
        path = f"employees[{i}].{field}"
    try:
        integriteit.from_dict(data)
    except InputError as exc:
        [problem] = exc.problems
        assert problem.path == path
        assert problem.message.en.endswith("is not a date (YYYY-MM-DD)")
        assert problem.record == employee["id"]
    else:
        raise AssertionError(f"{junk!r} was accepted as a date")


@given(document_dicts(min_employees=1), st.data())
def test_dropped_required_key_is_reported_at_exactly_its_path(data: dict[str, Any],
                                                              draw: st.DataObject) -> None:
    """Dropping a required key gives one "required field is missing" problem at its path."""
    i = draw.draw(st.integers(0, len(data["employees"]) - 1))
    key = draw.draw(st.sampled_from(["id", "start", "employment"]))
    del data["employees"][i][key]
    try:
        integriteit.from_dict(data)
    except InputError as exc:
        [problem] = exc.problems
        assert problem.path == f"employees[{i}].{key}"
        assert problem.message.en == "required field is missing"
    else:
        raise AssertionError("a required key was dropped and the document accepted")


def test_default_date_range_is_far_from_the_end_of_the_calendar() -> None:
    """``testing.dates`` stays where 120-month terms fit in a ``date``."""
    assert Term.of_months(120, TermOrigin.ORGANISATION).deadline(MAX_DATE) < date.max
    assert MIN_DATE < MAX_DATE
