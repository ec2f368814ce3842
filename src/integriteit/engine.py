"""The rule engine: rules with dated versions, findings, and the checker that runs them.

Pure: no I/O and no output formats here. A :class:`Rule` has a stable dotted id and one or more
:class:`RuleVersion` s, each valid for a period and citing its articles. For every subject (an
employee, the organisation) the checker picks the version in force on the subject's *law date*
(by default the reference date; the oath rule uses the day of indiensttreding), and asks it for
exactly one :class:`Finding`. Every subject is accounted for: a subject outside every version's
period gets a ``not_applicable`` finding that says so.

Per-run work (policy values, terms, message templates) happens once in a version's ``prepare``;
the evaluator it returns is called once per subject and should do little more than compare dates.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import (
    Callable,
    Collection,
    ItemsView,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from datetime import date
from itertools import chain, islice, pairwise, repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

import attrs
from attrs import field, frozen

from integriteit._fastload import EmployeeRecords
from integriteit.caveats import Caveat
from integriteit.errors import InputError, IntegriteitError, Problem, shown
from integriteit.fact_words import fact_value, facts_for_people
from integriteit.i18n import DateStyle, Lang, Text, date_text, for_people, people_dates
from integriteit.io import employee_problems, employee_reference_problems, employees_twice
from integriteit.model import Document, Employee, Organisation, Waiver
from integriteit.policy import Policy
from integriteit.sources import LegalSource, cite_all
from integriteit.termijnen import Deadline, Term

if TYPE_CHECKING:
    from integriteit.plugins import Registry


class Status(enum.StrEnum):
    """The outcome of one rule for one subject."""

    OK = "ok"
    """The obligation was met in time."""
    LATE = "late"
    """The obligation was met, but after the deadline."""
    DUE = "due"
    """Not met yet, and the deadline has not passed on the reference date."""
    OVERDUE = "overdue"
    """Not met, and the deadline has passed on the reference date."""
    NOT_APPLICABLE = "not_applicable"
    """The rule does not apply to this subject (the finding says why)."""
    INVALID = "invalid"
    """The facts contradict each other (e.g. an oath before the start of employment)."""
    UNKNOWN = "unknown"
    """The document does not give the facts the rule needs (e.g. no procedure facts)."""
    WAIVED = "waived"
    """A valid waiver (e.g. long sick leave postpones the oath) suspends the finding."""
    ERROR = "error"
    """The rule failed for this subject (it raised, or returned something other than its
    finding): not assessed. The message gives the exception's type and (cut short) message;
    the other rules ran as usual."""


class Severity(enum.StrEnum):
    """How serious a breach of the rule is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class SubjectKind(enum.StrEnum):
    """What a rule is evaluated for; each kind is a part of the document."""

    EMPLOYEE = "employee"
    ORGANISATION = "organisation"
    REGISTER_ENTRY = "register_entry"


SUBJECT_WORDS: dict[SubjectKind, Text] = {
    SubjectKind.EMPLOYEE: Text("medewerker", "employee"),
    SubjectKind.ORGANISATION: Text("organisatie", "organisation"),
    SubjectKind.REGISTER_ENTRY: Text("registratie in het integriteitsregister",
                                     "entry in the integrity register"),
}
"""A subject kind as a word where people read (the value stays the key for systems)."""


class Binding(enum.StrEnum):
    """Whether a rule is statute, or the organisation's own policy (never presented as law)."""

    STATUTE = "statute"
    POLICY = "policy"


DEFAULT_FAIL_ON: frozenset[Status] = frozenset({Status.OVERDUE, Status.INVALID})

_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


class Explanation(Protocol):
    """Something that explains itself, e.g. a :class:`~integriteit.termijnen.Deadline`.

    One that also has ``caveats`` (a tuple of :class:`~integriteit.caveats.Caveat`, as a
    deadline has) gives them to its findings (:attr:`Finding.caveats`).
    """

    def explain(self, lang: Lang) -> str:
        """The explanation in ``lang``."""
        ...


def caveats_of(explanation: Explanation | None) -> tuple[Caveat, ...]:
    """The caveats an explanation carries: a deadline's, or the :class:`Caveat` items of
    another explanation's ``caveats`` attribute; ``()`` when there are none."""
    if explanation is None:
        return ()
    if type(explanation) is Deadline:
        return explanation.caveats
    found = getattr(explanation, "caveats", None)
    if not isinstance(found, tuple | list):
        return ()
    return tuple(c for c in found if isinstance(c, Caveat))


class Finding(NamedTuple):
    """One rule's outcome for one subject.

    ``due`` is the deadline where the rule has one. ``facts`` are the values the rule used (dates,
    numbers, texts): the message is rendered from them, in Dutch or English, on demand.
    ``explanation``, where the rule gives one, says how the deadline was computed, and
    :attr:`caveats` what limits it (e.g. ``atw.calendar_incomplete``).

    A light, immutable record (a named tuple: a large run makes millions of them); facts that do
    not depend on the subject are best built once per run (see :func:`shared_facts`).
    """

    rule: str
    subject: str
    status: Status
    due: date | None
    template: Text
    facts: Mapping[str, object]
    sources: tuple[LegalSource, ...]
    severity: Severity
    explanation: Explanation | None = None

    def message(self, lang: Lang = "nl", dates: DateStyle = "iso") -> str:
        """The message in ``lang``, its dates in the style ``dates`` (ISO, as in JSON, unless
        asked otherwise; output for people uses :func:`~integriteit.i18n.people_dates`)."""
        return self.template.render(lang, self.facts, dates)

    def source(self, lang: Lang = "nl") -> str:
        """The legal source(s), cited."""
        return cite_all(self.sources, lang)

    @property
    def caveats(self) -> tuple[Caveat, ...]:
        """What limits this finding's deadline, from its :attr:`explanation`: e.g. the caveat
        ``atw.calendar_incomplete`` of a deadline computed over a year without a known Royal
        Decree under Algemene termijnenwet art. 3(3). ``()`` for most findings.

        >>> doc = from_dict({"organisation": {"name": "X", "kind": "gemeente", "headcount": 60},
        ...     "register": [{"id": "R1", "kind": "misstand", "received": "2029-05-03",
        ...                   "channel": "werkgever"}]})
        >>> [f] = check(doc, date(2029, 5, 4), rules=["wbk.ontvangstbevestiging"]).findings
        >>> f.due, [c.code for c in f.caveats]
        (datetime.date(2029, 5, 11), ['atw.calendar_incomplete'])
        """
        return caveats_of(self.explanation)

    def __repr__(self) -> str:
        return (f"Finding(rule={self.rule!r}, subject={self.subject!r}, "
                f"status={self.status!r}, due={self.due!r})")


class SharedFacts(Mapping[str, object]):
    """Facts that many findings share, read-only; made by :func:`shared_facts`."""

    __slots__ = ("_values",)

    def __init__(self, values: dict[str, object]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> object:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def items(self) -> ItemsView[str, object]:
        return self._values.items()

    def __repr__(self) -> str:
        return f"shared_facts(**{self._values!r})"


def shared_facts(**values: object) -> Mapping[str, object]:
    """Facts that many findings share (they do not depend on the subject), made once per run in
    a rule's ``prepare``: exporters render a shared set of facts once, not once per finding.
    The values cannot change afterwards.

    >>> facts = shared_facts(fact="facts.nevenwerkzaamheden")
    >>> facts["fact"], dict(facts) == {"fact": "facts.nevenwerkzaamheden"}
    ('facts.nevenwerkzaamheden', True)
    """
    return SharedFacts(dict(values))


_new_finding = tuple.__new__
"""Builds a :class:`Finding` without the keyword handling of its generated ``__new__``."""


Evaluator = Callable[[Any], Finding]
"""Called once per subject; returns that subject's finding."""


@frozen
class RuleVersion:
    """A rule as it reads in one period: inclusive dates, its articles, and its logic.

    ``valid_from=None`` means "in force before the earliest date this library models"; the docs
    of the rule say what is known. ``valid_until=None`` means still in force.
    """

    valid_from: date | None
    valid_until: date | None
    sources: tuple[LegalSource, ...]
    prepare: Callable[[RuleContext], Evaluator] = field(repr=False)
    summary: Text = field(repr=False)
    duty: bool = field(default=True, kw_only=True)
    """False for a version that only says the law of its period asked nothing of the kind
    (e.g. no term for an acknowledgement before 2023): its findings explain that, and the
    checklist leaves the rule out on those dates."""

    def in_force(self, on: date) -> bool:
        """Whether this version applies on ``on``."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_until is None or on <= self.valid_until
        )

    def period(self, lang: Lang = "nl", dates: DateStyle = "iso") -> str:
        """The period as text: ``"2020-01-01 – 2022-12-31"``, ``"2020-01-01 –"`` (open end);
        with ``dates="long"``, ``"1 januari 2020 –"``."""
        if self.valid_from is None and self.valid_until is None:
            return "altijd" if lang == "nl" else "always"
        start = date_text(self.valid_from, lang, dates) if self.valid_from else "…"
        end = date_text(self.valid_until, lang, dates) if self.valid_until else ""
        return f"{start} – {end}".rstrip()


def _check_versions(_: object, __: object, versions: tuple[RuleVersion, ...]) -> None:
    if not versions:
        raise ValueError("a rule needs at least one version")
    for earlier, later in pairwise(versions):
        if later.valid_from is None or earlier.valid_until is None or (
            later.valid_from <= earlier.valid_until
        ):
            raise ValueError("rule versions must be in date order and must not overlap")
    for v in versions:
        if v.valid_from and v.valid_until and v.valid_until < v.valid_from:
            raise ValueError(f"version ends ({v.valid_until}) before it starts ({v.valid_from})")


def _check_id(_: object, __: object, value: str) -> None:
    if not _RULE_ID.fullmatch(value):
        raise ValueError(
            f"rule id {value!r} must be dotted lower-case words, e.g. 'ambtenarenwet.eed'"
        )


DEFAULT_NOT_IN_FORCE = Text(
    "Deze regel was op {law_date} niet van kracht.",
    "This rule was not in force on {law_date}.",
)


class LawDateOf:
    """A rule's ``law_date`` that is a date of the subject itself, or the reference date when
    that is earlier (the law of a later day is not known on the reference date):
    ``law_date=LawDateOf("start")`` judges each employee by the law of the day they started.
    The same as ``lambda e, at: min(e.start, at)``, read for a batch of employees at once.

    >>> from integriteit import example
    >>> LawDateOf("start")(example().employees[0], date(2000, 1, 1))
    datetime.date(2000, 1, 1)
    """

    __slots__ = ("field", "get")

    def __init__(self, field: str) -> None:
        self.field = field
        self.get = attrgetter(field)

    def __call__(self, subject: Any, at: date) -> date:
        day: date = self.get(subject)
        return day if day < at else at

    def __repr__(self) -> str:
        return f"LawDateOf({self.field!r})"


_UNSEEN: Any = object()
"""A day not in an evaluator cache yet."""


@frozen
class Rule:
    """A rule: stable id, titles, severity, what it applies to, and its dated versions."""

    id: str = field(validator=_check_id)
    title: Text
    severity: Severity
    subject: SubjectKind
    versions: tuple[RuleVersion, ...] = field(validator=_check_versions)
    law_date: Callable[[Any, date], date] | None = field(default=None, repr=False)
    """Which date's law applies to a subject; ``None``: the reference date."""
    binding: Binding = Binding.STATUTE
    not_in_force: Text = field(default=DEFAULT_NOT_IN_FORCE, repr=False)
    """The ``not_applicable`` message when no version is in force on the law date."""
    parameters: tuple[str, ...] = ()
    """Names of the policy parameters the rule reads (see :mod:`integriteit.policy`)."""
    terms: tuple[Term, ...] = field(default=(), repr=False)
    """The statutory terms the rule computes deadlines with (for ``integriteit explain``)."""
    applies_to: Callable[[Organisation, RuleVersion], bool] | None = field(default=None,
                                                                          repr=False)
    """Whether the obligation exists for an organisation under a version (for the checklist);
    ``None``: for every organisation."""
    sources_for: Callable[[Organisation, RuleVersion], tuple[LegalSource, ...]] | None = field(
        default=None, repr=False)
    """The sources that apply to a given organisation, when they depend on it."""
    explanation: Text | None = field(default=None, repr=False)
    """How the rule decides and computes its deadline; ``integriteit explain`` prints it."""
    required_by: Callable[[Policy, date], bool] | None = field(default=None, repr=False)
    """For a policy rule: whether the organisation's policy asks for it on a date (the
    checklist leaves it out when not); ``None``: always."""

    def version_on(self, on: date) -> RuleVersion | None:
        """The version in force on ``on``, if any."""
        for v in self.versions:
            if v.in_force(on):
                return v
        return None

    @property
    def sources(self) -> tuple[LegalSource, ...]:
        """Every source any version cites, without repeats."""
        return tuple(dict.fromkeys(s for v in self.versions for s in v.sources))


class FindingMaker(Protocol):
    """``ctx.finding(subject, status, due, template, facts, *, sources=None, explanation=None)``."""

    def __call__(self, subject: str, status: Status, due: date | None, template: Text,
                 facts: Mapping[str, object], *, sources: tuple[LegalSource, ...] | None = None,
                 explanation: Explanation | None = None) -> Finding: ...


@frozen
class RuleContext:
    """What a rule version gets once per run: the reference date, policy and document.

    :attr:`finding` makes a finding of this rule version: ``finding(subject, status, due,
    template, facts)``.
    """

    rule: Rule
    version: RuleVersion
    at: date
    policy: Policy
    document: Document
    finding: FindingMaker = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        rule_id, version_sources, severity = self.rule.id, self.version.sources, self.rule.severity

        # A closure rather than a method: it runs once per subject, so bind what it needs now.
        def finding(subject: str, status: Status, due: date | None, template: Text,
                    facts: Mapping[str, object], *,
                    sources: tuple[LegalSource, ...] | None = None,
                    explanation: Explanation | None = None) -> Finding:
            return _new_finding(Finding, (
                rule_id, subject, status, due, template, facts,
                version_sources if sources is None else sources, severity, explanation))

        object.__setattr__(self, "finding", finding)


_SUBJECTS: dict[SubjectKind, tuple[Callable[[Document], Sequence[Any]], Callable[[Any], str]]] = {
    SubjectKind.EMPLOYEE: (lambda d: d.employees, lambda e: e.id),
    SubjectKind.ORGANISATION: (lambda d: (d.organisation,), lambda o: "organisation"),
    SubjectKind.REGISTER_ENTRY: (lambda d: d.register, lambda e: e.id),
}


class RunInterrupted(BaseException):
    """Ends a run from outside the rules (e.g. the command line's ``--timeout``): never a
    rule's ``error`` finding. Raised while a rule runs, it notes which (:attr:`running`)."""

    running: str | None = None
    """``"rule <id> on employee '<id>'"`` when a rule was running, else None."""
    running_rule: str | None = None
    """The id of the rule that was running, else None."""
    running_subject: tuple[SubjectKind, str] | None = None
    """The kind and id of the subject it was judging; None while it was preparing."""


def _interrupted(exc: RunInterrupted, rule: Rule, where: str,
                 subject: tuple[SubjectKind, str] | None = None) -> RunInterrupted:
    if exc.running is None:
        exc.running = f"rule {rule.id} {where}"
        exc.running_rule = rule.id
        exc.running_subject = subject
    return exc


class RuleFailure(IntegriteitError):
    """A check could not be completed because of a bug in a rule: raised where no finding can
    say so (e.g. the annual report, whose figures would be wrong). A check itself gives the
    subjects of a failing rule ``error`` findings instead."""


@frozen
class CheckResult:
    """Everything one run produced: the findings, and what they were computed from."""

    at: date
    document: Document
    policy: Policy
    rules: tuple[Rule, ...]
    findings: tuple[Finding, ...]
    tally: Mapping[tuple[str, Status], int] | None = None
    """Per rule id and status, the findings the run made, when :attr:`findings` lists only
    some (``only``): :meth:`counts` and :meth:`failed` count them all. None: :attr:`findings`
    are all of them."""
    only: frozenset[Status] | None = None
    """The statuses :attr:`findings` lists (``only``); None: every status."""

    @property
    def organisation(self) -> Organisation:
        """The organisation checked (as :attr:`FindingStream.organisation`)."""
        return self.document.organisation

    def explain(self, finding: Finding, lang: Lang = "nl", dates: DateStyle | None = None
                ) -> str:
        """How ``finding`` came about, in words for people: the article, the facts used (as
        phrases, see :mod:`integriteit.fact_words`), the policy values with their origin,
        and the deadline computation; dates in the style ``dates`` (default:
        :func:`~integriteit.i18n.people_dates`).

        >>> from integriteit import example, check, date
        >>> result = check(example(), date(2026, 6, 1), rules=["ambtenarenwet.eed"])
        >>> print(result.explain(result.findings[2], "en"))  # doctest: +NORMALIZE_WHITESPACE
        Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(a) and art. 7. Facts: term: 2 months (default
        value); start: 2 March 2026; deadline: 2 May 2026; days past the deadline: 30.
        Policy: Term for the eed or belofte: 2 months after the start of employment, default: 2
        months, after the Regeling eed en belofte SZW 1999 art. 4 (lapsed, but binding as a cao
        where none was concluded: Ambtenarenwet 2017 art. 17(3)); not a statutory term (the Rijk
        now uses 3 months). Deadline: 2 months after 2 March 2026 = 2 May 2026; month
        arithmetic: same day number, else the last day of the month; Algemene termijnenwet does
        not apply: not a statutory term (art. 1 covers only terms set in a wet or AMvB);
        deadline 2 May 2026.
        """
        if dates is None:
            dates = people_dates()
        rule = next((r for r in self.rules if r.id == finding.rule), None)
        policy_only = Text("Beleid van de organisatie, geen wet", "Organisation policy, not law")
        parts = [finding.source(lang) or (policy_only.get(lang) if rule is not None
                                          and rule.binding is Binding.POLICY else "-")]
        if finding.facts:
            label = "Feiten" if lang == "nl" else "Facts"
            parts.append(f"{label}: " + facts_for_people(finding.facts, lang, dates))
        names = [n for n in (rule.parameters if rule else ()) if n in self.policy.timelines
                 and self.policy.shown_to_people(n)]
        if names:
            label = "Beleid" if lang == "nl" else "Policy"
            shown: list[str] = []
            for name in names:
                periods = self.policy.timelines[name]
                p = periods[0].parameter
                if len(periods) == 1:
                    ev = periods[0]
                    why = for_people(ev.explanation, lang, dates)
                    shown.append(f"{p.title.get(lang)}: {p.describe(ev.value, lang)}, {why}")
                    continue
                shown.append(f"{p.title.get(lang)}: " + ", ".join(
                    f"{p.describe(ev.value, lang)} ({ev.period(lang, dates)}; "
                    f"{fact_value('term_set_by', ev.set_by.value, lang)})" for ev in periods))
            parts.append(f"{label}: " + "; ".join(shown))
        if finding.explanation is not None:
            label = "Termijn" if lang == "nl" else "Deadline"
            explained = (finding.explanation.explain(lang, dates)
                         if type(finding.explanation) is Deadline
                         else finding.explanation.explain(lang))
            parts.append(f"{label}: {explained}")
        text = ". ".join(p.rstrip(".") for p in parts)
        return text + "."

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """The result as plain data (strings, numbers, lists, dicts): exactly what
        ``--format json`` writes, e.g. to hand to a web framework.

        >>> from integriteit import example, check, date
        >>> data = check(example(), date(2026, 6, 1)).to_dict("en")
        >>> data["summary"]["overdue"], data["findings"][0]["rule"]
        (5, 'ambtenarenwet.integriteitsbeleid')
        """
        from integriteit.exporters.json import result_to_json  # the exporters import this

        return result_to_json(self, lang)

    def counts(self) -> dict[Status, int]:
        """The number of findings per status, every status present (zero included); those
        left out of :attr:`findings` by ``only`` included."""
        c: Counter[Status] = Counter()
        if self.tally is None:
            c.update(f.status for f in self.findings)
        else:
            for (_, status), n in self.tally.items():
                c[status] += n
        return {s: c.get(s, 0) for s in Status}

    def failed(self, fail_on: Iterable[Status] = DEFAULT_FAIL_ON,
               severities: Iterable[Severity] | None = None) -> bool:
        """Whether a finding has one of the ``fail_on`` statuses (and, when ``severities`` is
        given, belongs to a rule of one of those severities); those left out of
        :attr:`findings` by ``only`` included."""
        wanted = frozenset(fail_on)
        levels = frozenset(severities) if severities is not None else None
        if self.tally is not None:
            return _tally_failed(self.tally, self.rules, wanted, levels)
        return any(f.status in wanted and (levels is None or f.severity in levels)
                   for f in self.findings)


def _tally_failed(tally: Mapping[tuple[str, Status], int], rules: Iterable[Rule],
                  wanted: frozenset[Status], levels: frozenset[Severity] | None) -> bool:
    """Whether the counts per rule and status have a finding of a ``wanted`` status (of a rule
    of one of ``levels``, when given)."""
    severity = {r.id: r.severity for r in rules}
    return any(status in wanted and (levels is None or severity.get(rule) in levels)
               for (rule, status), n in tally.items() if n)


def timeliness(done: date | None, due: date, at: date) -> Status:
    """The status of a duty with a deadline: done by ``due`` (the day itself in time) ``ok``,
    done after it ``late``; not done ``due`` while ``at`` is not past it, else ``overdue``.

    >>> timeliness(None, date(2026, 5, 2), date(2026, 5, 2)), timeliness(
    ...     date(2026, 5, 3), date(2026, 5, 2), date(2026, 6, 1))
    (<Status.DUE: 'due'>, <Status.LATE: 'late'>)
    """
    if done is not None:
        return _OK if done <= due else _LATE
    return _DUE if at <= due else _OVERDUE


# Members bound once: ``Status.OK`` costs a lookup through the enum's class on every use
# (Python 3.11), and this runs once per employee.
_OK, _LATE, _DUE, _OVERDUE = Status.OK, Status.LATE, Status.DUE, Status.OVERDUE


def adoption(adopted: date | None, at: date) -> Status:
    """The status of a duty met by adopting something (a policy, a procedure): ``ok`` when it
    was adopted on or before ``at``, else ``overdue`` (not adopted, or only later)."""
    return Status.OK if adopted is not None and adopted <= at else Status.OVERDUE


STATUS_WORDS: dict[Status, Text] = {
    Status.ERROR: Text("fout in de regel", "rule failed"),
    Status.OVERDUE: Text("verstreken", "overdue"),
    Status.INVALID: Text("ongeldig", "invalid"),
    Status.LATE: Text("te laat", "late"),
    Status.DUE: Text("binnen de termijn", "due"),
    Status.UNKNOWN: Text("onbekend", "unknown"),
    Status.WAIVED: Text("ontheffing", "waived"),
    Status.OK: Text("in orde", "ok"),
    Status.NOT_APPLICABLE: Text("niet van toepassing", "not applicable"),
}
"""A status as a word in running text, e.g. a summary's "3 verstreken" / "3 overdue"."""


_STATUS_CODE = re.compile(r"(?<![\w.'`-])(" + "|".join(
    sorted((s.value for s in Status), key=len, reverse=True)) + r")(?![\w'`-]|\.\w)")


def status_words_in(text: str, lang: Lang) -> str:
    """``text`` (e.g. a rule's explanation, which names the statuses it gives by their codes)
    with each status code as a word in ``lang``: ``erna: late`` becomes ``erna: te laat``.

    >>> status_words_in("erna: late; niets gemeld: not_applicable", "nl")
    'erna: te laat; niets gemeld: niet van toepassing'
    """
    return _STATUS_CODE.sub(lambda m: STATUS_WORDS[Status(m.group(1))].get(lang), text)


WAIVABLE: frozenset[Status] = frozenset({Status.DUE, Status.OVERDUE, Status.LATE})
"""The statuses a waiver suspends; ``invalid`` data is never waived."""

_WAIVED = Text("Ontheffing tot en met {waiver_until}: {waiver_reason}. Zonder ontheffing "
               "({status}): ",
               "Waived to and including {waiver_until}: {waiver_reason}. Without the waiver "
               "({status}): ")


def _waivers_on(document: Document, at: date) -> dict[tuple[str, str], Waiver]:
    """The waivers valid on ``at``, by (rule, subject); the one running longest wins."""
    valid: dict[tuple[str, str], Waiver] = {}
    for w in document.waivers:
        if (w.since is None or w.since <= at) and at <= w.until:
            key = (w.rule, w.subject)
            if key not in valid or valid[key].until < w.until:
                valid[key] = w
    return valid


_WAIVED_ENTRY = Text("Ontheffing tot en met {waiver_until} (de reden staat in het document). "
                     "Zonder ontheffing ({status}): ",
                     "Waived to and including {waiver_until} (the reason is in the document). "
                     "Without the waiver ({status}): ")


def _waive(finding: Finding, waiver: Waiver, *, with_reason: bool = True) -> Finding:
    """``finding`` suspended by ``waiver``. The reason of a waiver on a register entry is left
    out (``with_reason=False``): it may say something about the melder (Wbk art. 1a)."""
    t = finding.template
    head = _WAIVED if with_reason else _WAIVED_ENTRY
    # The status the waiver suspends, in words in the message (the fact keeps its code).
    words = STATUS_WORDS[finding.status]
    template = Text(head.nl.replace("{status}", words.nl, 1) + t.nl,
                    head.en.replace("{status}", words.en, 1) + t.en)
    facts: dict[str, object] = {**finding.facts, "waiver_until": waiver.until}
    if with_reason:
        facts["waiver_reason"] = waiver.reason
    facts["waived_status"] = finding.status.value
    return finding._replace(status=Status.WAIVED, template=template, facts=facts)


def waiver_problems(document: Document, rules: Iterable[Rule], source: str,
                    employee_ids: Collection[str] | None = None) -> list[Problem]:
    """Waivers that name an unknown rule, or a subject the rule does not have.

    ``employee_ids``: the ids of the employees when they come from elsewhere than the document
    (an HR export); without it, the document's employees.
    """
    by_id = {r.id: r for r in rules}
    subjects: dict[SubjectKind, Collection[str]] = {}
    if employee_ids is not None:
        subjects[SubjectKind.EMPLOYEE] = employee_ids
    problems: list[Problem] = []
    for i, w in enumerate(document.waivers):
        rule = by_id.get(w.rule)
        if rule is None:
            problems.append(Problem(source, f"waivers[{i}].rule", Text(
                f"onbekende regel {w.rule!r}", f"unknown rule {w.rule!r}")))
            continue
        if rule.subject not in subjects:
            items, subject_id = _SUBJECTS[rule.subject]
            subjects[rule.subject] = {subject_id(x) for x in items(document)}
        if w.subject not in subjects[rule.subject]:
            problems.append(Problem(source, f"waivers[{i}].subject", Text(
                f"{w.subject!r} is geen onderwerp van {w.rule} ({rule.subject.value})",
                f"{w.subject!r} is not a subject of {w.rule} ({rule.subject.value})")))
    return problems


def _prepared(rule: Rule, at: date, policy: Policy, document: Document
              ) -> list[tuple[RuleVersion, Evaluator]]:
    """Each version with its evaluator; a version whose ``prepare`` fails gets an evaluator
    that gives every subject an ``error`` finding saying so."""
    prepared: list[tuple[RuleVersion, Evaluator]] = []
    for v in rule.versions:
        try:
            evaluate = v.prepare(RuleContext(rule, v, at, policy, document))
        except RunInterrupted as exc:
            raise _interrupted(exc, rule, "(preparing)") from None
        except (Exception, SystemExit) as exc:  # a plugin's exit() is a failure, not an exit
            evaluate = _failed_everywhere(rule, exc)
        prepared.append((v, evaluate))
    return prepared


_FAILED = Text("Fout in de regel ({error}); niet beoordeeld.",
               "The rule failed ({error}); not assessed.")
_FAILED_TO_PREPARE = Text("Fout in de regel bij de voorbereiding ({error}); niet beoordeeld.",
                          "The rule failed to prepare ({error}); not assessed.")


def _what_failed(rule: Rule, exc: BaseException) -> str:
    """The exception's type and (cut, escaped) message; only its type for a rule about
    register entries, whose message could repeat what a melder wrote (Wbk art. 1a)."""
    name = type(exc).__name__
    if rule.subject is SubjectKind.REGISTER_ENTRY:
        return name
    text = str(exc)
    return f"{name}: {shown(text)}" if text else name


def _error(rule: Rule, subject: str, what: str, template: Text = _FAILED) -> Finding:
    """An ``error`` finding: ``rule`` failed for ``subject``, ``what`` says how."""
    return _new_finding(Finding, (rule.id, subject, Status.ERROR, None, template,
                                  {"error": what}, rule.sources, rule.severity, None))


def _fingerprint(value: object) -> object:
    """A hash of a (frozen, hashable) part of the document; one that can no longer be hashed
    (a plugin put a list in it) has a fingerprint equal to nothing."""
    try:
        return hash(value)
    except TypeError:
        return object()


def _changed(rule: Rule, where: Text) -> RuleFailure:
    return RuleFailure(Text(
        f"regel {rule.id} heeft het document veranderd dat zij kreeg {where.nl}; een regel mag "
        f"haar invoer niet veranderen (haar bevindingen en die van de andere regels zouden dan "
        f"niet over het gegeven document gaan)",
        f"rule {rule.id} changed the document it was given {where.en}; a rule must not change "
        f"its input (its findings and the others' would not be about the document given)"))


def _check_batch_unchanged(rule: Rule, batch: list[Employee], before: list[object]) -> None:
    if list(map(_fingerprint, batch)) != before:
        changed = next(e for e, b in zip(batch, before, strict=True) if _fingerprint(e) != b)
        raise _changed(rule, Text(f"(medewerker {changed.id!r})",
                                  f"(employee {changed.id!r})"))


def _failed_everywhere(rule: Rule, exc: BaseException) -> Evaluator:
    """The evaluator of a version whose ``prepare`` failed: ``error`` for every subject."""
    subject_id = _SUBJECTS[rule.subject][1]
    facts = shared_facts(error=_what_failed(rule, exc))
    return lambda item: _new_finding(Finding, (
        rule.id, subject_id(item), Status.ERROR, None, _FAILED_TO_PREPARE, facts,
        rule.sources, rule.severity, None))


class _Pick:
    """The evaluator of the version in force on a day (``None``: none is), cached by day
    (:attr:`cache`, which a batch reads directly)."""

    __slots__ = ("_evaluators", "cache")

    def __init__(self, evaluators: list[tuple[RuleVersion, Evaluator]]) -> None:
        self._evaluators = evaluators
        self.cache: dict[date, Evaluator | None] = {}

    def __call__(self, day: date) -> Evaluator | None:
        try:
            return self.cache[day]
        except KeyError:
            pass
        found = next((ev for v, ev in self._evaluators if v.in_force(day)), None)
        self.cache[day] = found
        return found


def _not_its_finding(rule: Rule, subject: str, finding: object) -> str:
    """What is wrong with what a rule returned for ``subject`` (no value of it repeated)."""
    if type(finding) is not Finding:
        return f"returned {type(finding).__name__}, not a Finding"
    assert isinstance(finding, Finding)
    if finding.rule != rule.id:
        return "returned a finding of another rule"
    if finding.subject != subject:
        return "returned a finding about another subject"
    return (f"returned a status that does not exist (one of "
            f"{', '.join(s.value for s in Status)})")


def _not_in_force(rule: Rule, subject: str, day: date) -> Finding:
    return _new_finding(Finding, (rule.id, subject, Status.NOT_APPLICABLE, None,
                                  rule.not_in_force, {"law_date": day}, rule.sources,
                                  rule.severity, None))


_Staff = tuple[Rule, Callable[[Any, date], date] | None, "Evaluator | None", _Pick]


@frozen
class _Plan:
    """A run, prepared: every rule's evaluators made once, split by kind of subject."""

    document: Document
    at: date
    others: tuple[tuple[Rule, _Pick], ...]
    staff: tuple[_Staff, ...]
    waivers: dict[tuple[str, str], Waiver]
    guarded: frozenset[str] = frozenset()
    """The rules watched for changing what they are given (not built in)."""
    fingerprint: object = None
    """The document's hash before the run, when a rule is watched."""
    examples: dict[tuple[str, Status], Finding] = field(factory=dict)
    """The first finding of each rule and status (e.g. why a rule did not apply)."""
    only: frozenset[Status] | None = None
    """The statuses whose findings are given (all counted); None: every finding."""

    @classmethod
    def make(cls, document: Document, rules: Sequence[Rule], at: date, policy: Policy,
             guarded: frozenset[str] = frozenset(),
             only: frozenset[Status] | None = None) -> _Plan:
        others: list[tuple[Rule, _Pick]] = []
        staff: list[_Staff] = []
        watched = guarded & {r.id for r in rules}
        fingerprint = _fingerprint(document) if watched else None
        for rule in rules:
            pick = _Pick(_prepared(rule, at, policy, document))
            if rule.id in watched and _fingerprint(document) != fingerprint:
                raise _changed(rule, Text("bij het voorbereiden van haar run",
                                          "while preparing its run"))
            if rule.subject is SubjectKind.EMPLOYEE:
                staff.append((rule, rule.law_date, pick(at) if rule.law_date is None else None,
                              pick))
            else:
                others.append((rule, pick))
        return cls(document, at, tuple(others), tuple(staff), _waivers_on(document, at),
                   frozenset(watched), fingerprint, only=only)

    def check_unchanged(self) -> None:
        """Raise :class:`RuleFailure` when the document is not what it was before the run
        (a watched rule changed it somewhere no check per subject looked)."""
        if self.guarded and _fingerprint(self.document) != self.fingerprint:
            rules = ", ".join(sorted(self.guarded))
            raise RuleFailure(Text(
                f"het document is tijdens de run veranderd: een van de regels {rules} heeft "
                f"veranderd wat zij kreeg; een regel mag haar invoer niet veranderen",
                f"the document changed during the run: one of the rules {rules} changed what "
                f"it was given; a rule must not change its input"))

    def organisation(self, tally: dict[tuple[str, Status], int]) -> Iterator[Finding]:
        """The findings of the rules about the organisation and the register entries."""
        at, waivers = self.at, self.waivers
        for rule, pick in self.others:
            items, subject_id = _SUBJECTS[rule.subject]
            watched = rule.id in self.guarded
            for item in items(self.document):
                subject = subject_id(item)
                before = _fingerprint(item) if watched else None
                try:
                    day = rule.law_date(item, at) if rule.law_date is not None else at
                    evaluate = pick(day)
                    finding = (evaluate(item) if evaluate is not None
                               else _not_in_force(rule, subject, day))
                except RunInterrupted as exc:
                    raise _interrupted(exc, rule, f"on {rule.subject} {subject!r}",
                                       (rule.subject, subject)) from None
                except (Exception, SystemExit) as exc:  # the rule's bug: its finding only
                    finding = _error(rule, subject, _what_failed(rule, exc))
                if watched and _fingerprint(item) != before:
                    word = SUBJECT_WORDS[rule.subject]
                    raise _changed(rule, Text(f"({word.nl} {subject!r})",
                                              f"({word.en} {subject!r})"))
                if type(finding) is not Finding or finding.rule != rule.id or (
                        finding.subject != subject) or (
                        type(finding.status) is not Status):
                    finding = _error(rule, subject, _not_its_finding(rule, subject, finding))
                if waivers and finding.status in WAIVABLE:
                    waiver = waivers.get((rule.id, finding.subject))
                    if waiver is not None:
                        finding = _waive(finding, waiver, with_reason=(
                            rule.subject is not SubjectKind.REGISTER_ENTRY))
                key = (finding.rule, finding.status)
                tally[key] = tally.get(key, 0) + 1
                if key not in self.examples:
                    self.examples[key] = finding
                if self.only is None or finding.status in self.only:
                    yield finding

    def employees(self, employees: Iterable[Employee], tally: dict[tuple[str, Status], int]
                  ) -> Iterator[Finding]:
        """Each employee's findings, every employee rule in turn (the hot loop of a run)."""
        return chain.from_iterable(self.employee_batches(_batched(employees), tally))

    def employee_batches(self, batches: Iterable[list[Employee]],
                         tally: dict[tuple[str, Status], int]) -> Iterator[Iterator[Finding]]:
        """Per batch of employees, their findings: each employee with every employee rule.

        Each rule runs over the whole batch at once, and what it returned is checked and
        counted per batch in bulk; only then are the rules' findings interleaved per
        employee. So a finding costs its rule's call and little else.
        """
        at, waivers, staff, only = self.at, self.waivers, self.staff, self.only

        def listed(finding: Finding) -> bool:
            return finding[2] in only  # type: ignore[operator]

        if not staff:
            for _ in batches:  # read through: a reader's problems still count
                pass
            return
        # Per rule, its findings per status (by the status's id: hashing an enum member
        # calls Python); added to ``tally`` at the end.
        counts: list[Counter[int]] = [Counter() for _ in staff]
        try:
            for batch in batches:
                ids = list(map(_ID, batch)) if self.guarded else []
                columns = []
                for (rule, law_date, fixed, pick), counted in zip(staff, counts, strict=True):
                    if rule.id in self.guarded:
                        # A rule not built in: watched for changing the employees, and what
                        # it returns checked (the built-in rules are tested for both).
                        before = list(map(_fingerprint, batch))
                        column = _column(rule, law_date, fixed, pick, batch, at)
                        _check_batch_unchanged(rule, batch, before)
                        _check_column(rule, column, ids)
                    else:
                        column = _column(rule, law_date, fixed, pick, batch, at)
                    if waivers:
                        _waive_column(rule, column, waivers)
                    seen = len(counted)
                    counted.update(map(id, map(_STATUS, column)))
                    if len(counted) != seen:  # a status new for this rule: keep an example
                        for finding in column:
                            self.examples.setdefault((rule.id, finding.status), finding)
                    columns.append(column)
                found = (iter(columns[0]) if len(columns) == 1
                         else chain.from_iterable(zip(*columns, strict=True)))
                yield found if only is None else filter(listed, found)
        finally:
            statuses = {id(s): s for s in Status}
            for (rule, *_), counted in zip(staff, counts, strict=True):
                for key, n in counted.items():
                    tkey = (rule.id, statuses[key])
                    tally[tkey] = tally.get(tkey, 0) + n


_BATCH = 128
"""Employees evaluated per batch: rules run over a batch at once, then the findings are
interleaved per employee. (Small enough that a batch's findings stay in the processor's
cache until they are encoded: 128 ran about 6% faster than 512, measured at 200,000.)"""

_ID = attrgetter("id")
_RULE = itemgetter(0)
_SUBJECT = itemgetter(1)
_STATUS = itemgetter(2)


def _batched(employees: Iterable[Employee]) -> Iterator[list[Employee]]:
    """``employees`` in lists of :data:`_BATCH`."""
    it = iter(employees)
    while batch := list(islice(it, _BATCH)):
        yield batch


def _law_dates(law_date: Callable[[Any, date], date], batch: list[Employee], at: date
               ) -> list[date] | None:
    """The law dates of a batch at once, for a :class:`LawDateOf`; None for another kind of
    ``law_date``, or when an employee's date cannot be read so (each is then asked on its
    own, and only that one's finding is an ``error``)."""
    if type(law_date) is not LawDateOf:
        return None
    try:
        return list(map(min, map(law_date.get, batch), repeat(at)))
    except (AttributeError, TypeError):
        return None


def _column(rule: Rule, law_date: Callable[[Any, date], date] | None, fixed: Evaluator | None,
            pick: _Pick, batch: list[Employee], at: date) -> list[Finding]:
    """One rule's findings for a batch of employees. An employee for whom the rule raises
    gets an ``error`` finding; the others are evaluated as usual."""
    column: list[Finding] = []
    append = column.append
    rest = batch
    while True:
        try:
            if law_date is None:
                if fixed is None:
                    for e in rest:
                        append(_not_in_force(rule, e.id, at))
                else:
                    for e in rest:
                        append(fixed(e))
            elif (days := _law_dates(law_date, rest, at)) is not None:
                # The evaluator of each day from the cache (a call per employee fewer).
                known = pick.cache.get
                for e, day in zip(rest, days, strict=True):
                    evaluate = known(day, _UNSEEN)
                    if evaluate is _UNSEEN:
                        evaluate = pick(day)
                    append(evaluate(e) if evaluate is not None
                           else _not_in_force(rule, e.id, day))
            else:
                for e in rest:
                    day = law_date(e, at)
                    evaluate = pick(day)
                    append(evaluate(e) if evaluate is not None
                           else _not_in_force(rule, e.id, day))
            return column
        except RunInterrupted as exc:
            who = batch[len(column)].id
            raise _interrupted(exc, rule, f"on employee {who!r}",
                               (SubjectKind.EMPLOYEE, who)) from None
        except (Exception, SystemExit) as exc:  # the rule's bug: that employee's finding only
            append(_error(rule, batch[len(column)].id, _what_failed(rule, exc)))
            rest = batch[len(column):]


def _check_column(rule: Rule, column: list[Finding], ids: list[str]) -> None:
    """Checked at the boundary, in bulk: each is a finding of this rule, about its employee,
    with a status that exists (a plugin cannot fake a clean run). What is not becomes an
    ``error`` finding, in place."""
    if (set(map(type, column)) == {Finding} and set(map(_RULE, column)) == {rule.id}
            and list(map(_SUBJECT, column)) == ids
            and set(map(type, map(_STATUS, column))) == {Status}):
        return
    for i, (finding, subject) in enumerate(zip(column, ids, strict=True)):
        if type(finding) is not Finding or finding.rule != rule.id or (
                finding.subject != subject) or type(finding.status) is not Status:
            column[i] = _error(rule, subject, _not_its_finding(rule, subject, finding))


def _waive_column(rule: Rule, column: list[Finding],
                  waivers: dict[tuple[str, str], Waiver]) -> None:
    """The findings of ``column`` that a waiver suspends, replaced in place."""
    for i, finding in enumerate(column):
        if finding.status in WAIVABLE:
            waiver = waivers.get((rule.id, finding.subject))
            if waiver is not None:
                column[i] = _waive(finding, waiver)


def _findings(document: Document, rules: Sequence[Rule], at: date, policy: Policy,
              employees: Iterable[Employee],
              tally: dict[tuple[str, Status], int] | None = None,
              guarded: frozenset[str] = frozenset()) -> Iterator[Finding]:
    """Every finding, as it is made: the organisation's and the register's rules first (rule
    by rule), then each employee with every employee rule (so employees can stream from a
    file). A subject for which a rule raises (or returns something other than its finding)
    gets an ``error`` finding of that rule. ``tally`` counts the findings per rule and
    status."""
    tally = {} if tally is None else tally
    plan = _Plan.make(document, rules, at, policy, guarded)
    yield from plan.organisation(tally)
    yield from plan.employees(employees, tally)
    plan.check_unchanged()


def run(document: Document, rules: Iterable[Rule], at: date, policy: Policy,
        guarded: frozenset[str] | None = None) -> CheckResult:
    """Evaluate ``rules`` over ``document`` as of ``at``: one finding per rule and subject.

    A rule given twice runs once. A subject for which a rule raises gets an ``error``
    finding of that rule (:attr:`Status.ERROR`); the other rules run as usual. The rules in
    ``guarded`` (default: all) are watched: one that changes the document (its subject while
    judging it, or anything while preparing) raises :class:`RuleFailure`.
    """
    selected = tuple(dict.fromkeys(rules))
    watched = frozenset(r.id for r in selected) if guarded is None else guarded
    findings = tuple(_findings(document, selected, at, policy, document.employees,
                               guarded=watched))
    return CheckResult(at, document, policy, selected, findings)


class FindingStream:
    """A check whose findings are made while they are read: iterate it once.

    Employees come from ``employees`` (e.g. an HR export read row by row), so memory stays
    bounded whatever their number. The organisation's and the register's findings come first,
    then each employee's. When the iteration ends it checks what needs every employee: unique
    ids, waivers and facts that name an employee, and the problems the employees' reader
    found; any problem raises :class:`~integriteit.InputError` then, and the findings already
    read are void. :meth:`counts` and :meth:`failed` answer after the iteration.
    """

    def __init__(self, at: date, document: Document, policy: Policy, rules: tuple[Rule, ...],
                 employees: Iterable[Employee], source: str, *,
                 known_rules: Iterable[Rule] = (), validated: bool = False,
                 progress: Callable[[int], None] | None = None, jobs: int = 1,
                 guarded: frozenset[str] = frozenset(),
                 only: frozenset[Status] | None = None) -> None:
        self.at = at
        self._document = document
        self._records = employees if isinstance(employees, EmployeeRecords) else None
        self._full: Document | None = None if self._records is not None else document
        self.policy = policy
        self.rules = rules
        self.source = source
        """The name of the document, for problems found at the end."""
        self._employees = employees
        self._known_rules = tuple(known_rules) or rules
        self._validated = validated
        self._progress = progress
        self._started = False
        self._done = False
        self._tally: dict[tuple[str, Status], int] = {}
        self.employee_ids: set[str] = set()
        """The ids of the employees read (complete after the iteration)."""
        self.jobs = jobs
        """Processes the ``json`` and ``jsonl`` exporters may use (see :func:`check_stream`)."""
        self._guarded = guarded
        self.only = only
        """The statuses whose findings the stream gives (all are counted); None: all."""
        self._plan: _Plan | None = None

    @property
    def document(self) -> Document:
        """The document checked. A large document's own employees are built as they are
        checked (see :func:`integriteit.app.check`); here they are built once more, on first
        use."""
        if self._full is None:
            assert self._records is not None
            self._full = attrs.evolve(self._document, employees=self._records.build())
        return self._full

    @property
    def organisation(self) -> Organisation:
        """The organisation checked."""
        return self._document.organisation

    def _checked(self) -> Iterator[list[Employee]]:
        """The employees in batches; where no reader checked them, checked here one by one."""
        ids = self.employee_ids
        progress = self._progress
        if self._validated or _reader(self._employees) is not None:
            keep = not self._validated
            read = 0
            for batch in _batched(self._employees):
                if keep:
                    ids.update(map(_ID, batch))
                read += len(batch)
                if progress is not None and (read & ~4095) != ((read - len(batch)) & ~4095):
                    progress(read)
                yield batch
            if progress is not None and read & 4095:
                progress(read)
            return
        found: list[Problem] = []
        batch = []
        i = -1
        for i, emp in enumerate(self._employees):
            if progress is not None and i and not i & 4095:
                progress(i)
            where = f"employees[{i}]"
            if not isinstance(emp, Employee):
                raise InputError([Problem(self.source, where, Text(
                    f"geen Employee maar {type(emp).__name__}",
                    f"not an Employee but {type(emp).__name__}"))])
            if emp.id in ids:
                found.append(Problem(self.source, f"{where}.id", Text(
                    f"dubbel id '{shown(emp.id)}'", f"duplicate id '{shown(emp.id)}'"), emp.id))
                continue
            wrong = employee_problems(emp, where, self.source)
            if wrong:
                found.extend(wrong)
                continue
            ids.add(emp.id)
            batch.append(emp)
            if len(batch) == _BATCH:
                yield batch
                batch = []
        if batch:
            yield batch
        if progress is not None and (i + 1) & 4095:
            progress(i + 1)
        if found:
            raise InputError(found)

    def _claim(self, minimum: int) -> tuple[_Plan, Sequence[Employee]] | None:
        """The prepared run and the employees, for a writer that checks them itself (over
        several processes): only a document's own employees (checked when it was read), at
        least ``minimum`` of them; else None and the stream is untouched."""
        employees = self._employees
        if (self._started or not self._validated or not isinstance(employees, Sequence)
                or len(employees) < minimum):
            return None
        self._started = True
        self._plan = _Plan.make(self._document, self.rules, self.at, self.policy, self._guarded,
                                self.only)
        return self._plan, employees

    def __iter__(self) -> Iterator[Finding]:
        if self._started:
            raise RuntimeError("a FindingStream is read once; call check_stream again")
        self._started = True
        return self._iterate()

    def _iterate(self) -> Iterator[Finding]:
        plan = self._plan = _Plan.make(self._document, self.rules, self.at, self.policy,
                                       self._guarded, self.only)
        # Chained in C: a finding passes no Python frame between its rule and the exporter.
        return chain(plan.organisation(self._tally),
                     chain.from_iterable(plan.employee_batches(self._checked(), self._tally)),
                     self._end())

    def _end(self) -> Iterator[Finding]:
        self._finish()
        self._done = True
        yield from ()

    def _finish(self) -> None:
        if self._plan is not None:
            self._plan.check_unchanged()
        reader = _reader(self._employees)
        problems: list[Problem] = list(reader.problems) if reader is not None else []
        total = reader.problem_count if reader is not None else 0
        if not self._validated:
            # Ids of rows a reader rejected count as known: their problem is said already.
            known: Collection[str] = self.employee_ids
            rejected = getattr(reader, "ids", None)
            if reader is not None and total and isinstance(rejected, Mapping):
                known = self.employee_ids | set(rejected)
            more = waiver_problems(self._document, self._known_rules, self.source, known)
            more += employee_reference_problems(self._document, known, self.source)
            problems += more
            total += len(more)
        if total:
            raise InputError(problems, total=total)

    def collect(self) -> CheckResult:
        """Read the stream (once) into a :class:`CheckResult`: the findings it gives, and, with
        ``only``, the counts of all of them."""
        findings = tuple(self)
        return CheckResult(self.at, self.document, self.policy, self.rules, findings,
                           None if self.only is None else dict(self._tally), self.only)

    def counts(self) -> dict[Status, int]:
        """The number of findings per status, every status present (zero included)."""
        self._require_done()
        c: Counter[Status] = Counter()
        for (_, status), n in self._tally.items():
            c[status] += n
        return {s: c.get(s, 0) for s in Status}

    def rule_counts(self) -> dict[str, dict[Status, int]]:
        """Per rule id, the number of findings per status (the statuses that occur)."""
        self._require_done()
        out: dict[str, dict[Status, int]] = {}
        for (rule, status), n in self._tally.items():
            out.setdefault(rule, {})[status] = n
        return out

    def failed(self, fail_on: Iterable[Status] = DEFAULT_FAIL_ON,
               severities: Iterable[Severity] | None = None) -> bool:
        """As :meth:`CheckResult.failed`, after the iteration."""
        self._require_done()
        levels = frozenset(severities) if severities is not None else None
        return _tally_failed(self._tally, self.rules, frozenset(fail_on), levels)

    def example(self, rule: str, status: Status) -> Finding | None:
        """The first finding of ``rule`` with ``status`` (after the iteration), e.g. to say why
        a rule did not apply; None when there was none (or, with ``jobs``, when only another
        process made one)."""
        self._require_done()
        return self._plan.examples.get((rule, status)) if self._plan is not None else None

    def _require_done(self) -> None:
        if not self._done:
            raise RuntimeError("read the findings first: counts come at the end of the stream")


@runtime_checkable
class _Reader(Protocol):
    problems: Sequence[Problem]
    problem_count: int


def _reader(employees: object) -> _Reader | None:
    """The employees' reader when it checks rows itself and keeps their problems (like
    :class:`integriteit.hr_export.EmployeeFile`); else None."""
    return employees if isinstance(employees, _Reader) else None


def _setup(document: Document, at: date | None, term_months: int | None,
           rules: Iterable[Rule | str] | None, registry: Registry | None,
           subject: SubjectKind | None) -> tuple[date, Policy, tuple[Rule, ...], Registry]:
    from integriteit.plugins import default_registry

    reg = registry if registry is not None else default_registry()
    selected = reg.select(rules)
    if subject is not None:
        selected = tuple(r for r in selected if r.subject is subject)
    overrides = {"oath_term_months": term_months} if term_months is not None else {}
    day = at if at is not None else date.today()
    policy = Policy.resolve(document.policy, overrides, day)
    if rules is None:  # policy rules the organisation never switched on are left out
        selected = tuple(r for r in selected if r.required_by is None
                         or any(r.required_by(policy, d) for d in policy.change_dates(day)))
    return day, policy, tuple(dict.fromkeys(selected)), reg


def _separate_employees(document: Document, employees: object, source: str) -> None:
    if employees is not None and document.employees:
        raise employees_twice(source)


def check(
    document: Document,
    at: date | None = None,
    *,
    term_months: int | None = None,
    rules: Iterable[Rule | str] | None = None,
    registry: Registry | None = None,
    source: str = "<document>",
    subject: SubjectKind | None = None,
    employees: Iterable[Employee] | None = None,
    only: Iterable[Status | str] | None = None,
) -> CheckResult:
    """Check ``document`` as of ``at`` (default: today) with every registered rule.

    ``term_months`` overrides the oath term for this call (above the document's own policy).
    ``rules`` limits the run to some rules (objects or ids); without it, a policy rule runs
    only when the document's policy asks for it on some date (e.g.
    ``integriteitsverklaring_required``). ``subject`` limits the run to the rules about one
    kind of subject (e.g. :attr:`SubjectKind.EMPLOYEE`). ``employees`` gives the employees
    from elsewhere than the document, e.g. :func:`integriteit.read_employees` of an HR export
    (the document must then list none). ``only`` lists only the findings with those statuses
    (e.g. ``["due", "overdue", "late", "invalid"]``: what needs action); the others are still
    counted (:meth:`CheckResult.counts`, :meth:`CheckResult.failed`). Waivers that name an
    unknown rule or subject raise :class:`~integriteit.InputError` (``source`` names the
    document in it).

    Findings come in this order: the organisation's and the register's rules, rule by rule,
    then each employee with every employee rule. For a large export that need not be held in
    memory, see :func:`check_stream`.

    A rule that raises (a bug, e.g. in a plugin) does not end the check: each subject it
    failed for gets a finding with status :attr:`~Status.ERROR` giving the exception's type
    and message (only the type for a rule about register entries), and every other rule runs
    as usual; ``result.counts()[Status.ERROR]`` tells whether any did. A failing ``prepare``
    gives every subject of that rule ``error``.

    >>> from datetime import date
    >>> from integriteit import from_dict
    >>> doc = from_dict({"organisation": {"name": "Provincie Voorbeeld", "kind": "provincie"},
    ...                  "employees": [{"id": "E1", "start": "2024-01-15",
    ...                                 "employment": "ambtenaar"}]})
    >>> result = check(doc, at=date(2024, 4, 1))
    >>> [(f.subject, f.status.value, f.due) for f in result.findings
    ...  if f.rule == "ambtenarenwet.eed"]
    [('E1', 'overdue', datetime.date(2024, 3, 15))]
    >>> result.counts()[Status.UNKNOWN]  # no facts given: procedure, duties, nevenwerk
    11
    """
    _separate_employees(document, employees, source)
    listed = statuses(only)
    stream = _stream(document, at, employees, term_months, rules, registry, source, subject)
    if employees is None:
        result = run(document, stream.rules, stream.at, stream.policy, stream._guarded)
        if listed is None:
            return result
        tally = Counter((f.rule, f.status) for f in result.findings)
        return attrs.evolve(result, findings=tuple(
            f for f in result.findings if f.status in listed), tally=dict(tally), only=listed)
    stream.only = listed
    return stream.collect()


def statuses(only: Iterable[Status | str] | None) -> frozenset[Status] | None:
    """``only`` as statuses (given as :class:`Status` or their codes, ``"overdue"``); None
    for None. An unknown code raises :class:`ValueError` naming the known ones.

    >>> sorted(s.value for s in statuses(["due", Status.OVERDUE]))
    ['due', 'overdue']
    """
    if only is None:
        return None
    if isinstance(only, str):
        only = [only]
    chosen: set[Status] = set()
    for item in only:
        if isinstance(item, Status):
            chosen.add(item)
            continue
        try:
            chosen.add(Status(item))
        except ValueError:
            known = ", ".join(s.value for s in Status)
            raise ValueError(f"unknown status {item!r} (known: {known})") from None
    return frozenset(chosen)


def _stream(document: Document, at: date | None, employees: Iterable[Employee] | None,
            term_months: int | None, rules: Iterable[Rule | str] | None,
            registry: Registry | None, source: str, subject: SubjectKind | None,
            progress: Callable[[int], None] | None = None, jobs: int = 1) -> FindingStream:
    day, policy, selected, reg = _setup(document, at, term_months, rules, registry, subject)
    known = {**reg.rules, **{r.id: r for r in selected}}.values()
    guarded = _untrusted(selected, reg)
    records = employees if isinstance(employees, EmployeeRecords) else None
    if records is not None and guarded:
        # A rule not built in may look at the document's employees: it gets them all.
        document, employees, records = (attrs.evolve(document, employees=records.build()),
                                        None, None)
    # What can be checked before the employees are read is checked now.
    problems = waiver_problems(document, known, source, employee_ids=(
        None if employees is None else records.ids() if records is not None else _AnyId()))
    if problems:
        raise InputError(problems)
    if employees is None or records is not None:
        # The document's own employees (checked when it was read), or the same as records.
        return FindingStream(day, document, policy, selected,
                             document.employees if records is None else records, source,
                             known_rules=known, validated=True, progress=progress, jobs=jobs,
                             guarded=guarded)
    return FindingStream(day, document, policy, selected, employees, source, known_rules=known,
                         progress=progress, jobs=jobs, guarded=guarded)


def _untrusted(rules: Sequence[Rule], registry: Registry) -> frozenset[str]:
    """The rules not built in (from a plugin, or given as objects): watched for changing the
    document they are given. The built-in rules are tested not to."""
    from integriteit.plugins import BUILTIN

    return frozenset(r.id for r in rules if registry.rules.get(r.id) is not r
                     or registry.origins.get(f"rule:{r.id}") not in BUILTIN)


class _AnyId(frozenset[str]):
    """Stands for the employee ids before they are read: every id is taken for known."""

    def __contains__(self, item: object) -> bool:
        return True


def check_stream(
    document: Document,
    at: date | None = None,
    *,
    employees: Iterable[Employee] | None = None,
    term_months: int | None = None,
    rules: Iterable[Rule | str] | None = None,
    registry: Registry | None = None,
    source: str = "<document>",
    subject: SubjectKind | None = None,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    only: Iterable[Status | str] | None = None,
) -> FindingStream:
    """As :func:`check`, but the findings are made while they are read, and not kept.

    With ``employees`` from an HR export (:func:`integriteit.read_employees`) and a streaming
    exporter (``jsonl``) memory stays bounded whatever the number of employees. Without it,
    the document's own employees are checked. ``progress``, when given, is called with the
    number of employees checked so far, every 4096 employees and at the end.

    ``jobs`` above 1 lets the ``json`` and ``jsonl`` exporters check a document's own
    employees (from 5,000 of them) in that many processes, on systems that ``fork``
    (Linux, macOS): the output is the same, byte for byte. Rules then run in child processes
    that share the document: what a rule changes outside its finding is lost. Iterating the
    stream yourself always runs in one process. ``only``: as for :func:`check` (the stream
    gives the findings with those statuses; :meth:`FindingStream.counts` counts them all).

    >>> from integriteit import example
    >>> stream = check_stream(example(), date(2026, 6, 1))
    >>> sum(1 for f in stream if f.status is Status.OVERDUE) == stream.counts()[Status.OVERDUE]
    True
    """
    _separate_employees(document, employees, source)
    if type(jobs) is not int or jobs < 1:
        raise ValueError(f"jobs must be a whole number of 1 or more, not {jobs!r}")
    stream = _stream(document, at, employees, term_months, rules, registry, source, subject,
                     progress, jobs)
    stream.only = statuses(only)
    return stream
