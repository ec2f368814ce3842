"""Organisation policy: named parameters, one value or values by the date they take effect.

The document's ``policy`` gives each parameter one value for every date, or an object
``{"YYYY-MM-DD": value}``; before the first date the default applies, ``null`` means the
default. A rule reads a parameter on the date whose law it applies: the oath term in force on
the day of indiensttreding, the verantwoording deadline in force on 1 January of the year the
account is to be published in. The call's override (``term_months``) replaces the whole
timeline. Bad input is one line per problem naming the file and the path, never a traceback.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import integriteit
from integriteit import Document, InputError, Organisation, OrganisationKind, PolicySettings, Status
from integriteit.cli import main
from integriteit.exporters.json import policy_to_json
from integriteit.model import DatedValue
from integriteit.policy import (
    OATH_TERM_MONTHS,
    PARAMETERS,
    PUBLICATION_FUNCTIONS,
    VERANTWOORDING_DEADLINE,
    WORKSHOP_REQUIRED_FOR,
    EffectiveValue,
    Parameter,
    Policy,
    PolicyError,
    ValueKind,
    ValueSource,
    month_day,
)
from integriteit.testing import dates, documents, organisations, policy_settings

EED = "ambtenarenwet.eed"
VERANTWOORDING = "ambtenarenwet.verantwoording"
ORG: dict[str, Any] = {"name": "Gemeente Beleid", "kind": "gemeente", "headcount": 80}
# The Rijk's move from 2 to 3 months, as a document would record it.
TERM_2_THEN_3: dict[str, int] = {"2020-01-01": 2, "2024-01-01": 3}


def text_of(policy: dict[str, Any] | str, **more: Any) -> str:
    """A document as JSON text with the given ``policy`` (an object or raw JSON text)."""
    raw = policy if isinstance(policy, str) else json.dumps(policy)
    rest = "".join(f', "{k}": {json.dumps(v)}' for k, v in more.items())
    return f'{{"organisation": {json.dumps(ORG)}, "policy": {raw}{rest}}}'


def load_policy(policy: dict[str, Any] | str) -> PolicySettings:
    return integriteit.loads(text_of(policy), source="org.json").policy


def problems(policy: dict[str, Any] | str, lang: str = "en") -> list[str]:
    """The rendered problems of a document with this ``policy``; fails when it loads."""
    with pytest.raises(InputError) as exc:
        integriteit.loads(text_of(policy), source="org.json")
    return [p.render(lang) for p in exc.value.problems]  # type: ignore[arg-type]


def document(policy: dict[str, Any], employees: list[dict[str, Any]] | None = None,
             facts: dict[str, Any] | None = None) -> Document:
    data: dict[str, Any] = {"organisation": ORG, "policy": policy,
                            "employees": employees or []}
    if facts is not None:
        data["facts"] = facts
    return integriteit.from_dict(data)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main(args)``: exit code (also when argparse exits), stdout, stderr."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str, name: str = "org.json") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- loading: one value, or values by date --------------------------------------------------

# Per parameter: a plain value as JSON, and what the document then holds.
PLAIN: list[tuple[str, Any, Any]] = [
    ("oath_term_months", 3, 3),
    ("verantwoording_deadline", "07-01", "07-01"),
    ("integriteitsverklaring_required", True, True),
    ("integriteitsverklaring_term_months", 1, 1),
    ("workshop_required_for", "externals", "externals"),
    ("workshop_term_months", 4, 4),
    ("publication_functions", ["inkoper", "Directeur"], ("inkoper", "Directeur")),
    ("publication_scale_from", 14, 14),
    ("oath_days_before_start", 3, 3),
    ("oath_earlier_employment_counts", True, True),
]

# Per parameter: values by date as JSON (keys deliberately not in date order), and the dated
# values the document then holds, in date order.
DATED: list[tuple[str, dict[str, Any], tuple[DatedValue, ...]]] = [
    ("oath_term_months", {"2024-01-01": 3, "2020-01-01": 2},
     (DatedValue(date(2020, 1, 1), 2), DatedValue(date(2024, 1, 1), 3))),
    ("verantwoording_deadline", {"2023-01-01": "07-01"},
     (DatedValue(date(2023, 1, 1), "07-01"),)),
    ("integriteitsverklaring_required", {"2025-01-01": True, "2019-06-01": False},
     (DatedValue(date(2019, 6, 1), False), DatedValue(date(2025, 1, 1), True))),
    ("integriteitsverklaring_term_months", {"2022-03-01": 1},
     (DatedValue(date(2022, 3, 1), 1),)),
    ("workshop_required_for", {"2024-01-01": "all", "2021-01-01": "externals"},
     (DatedValue(date(2021, 1, 1), "externals"), DatedValue(date(2024, 1, 1), "all"))),
    ("workshop_term_months", {"2023-07-01": 3}, (DatedValue(date(2023, 7, 1), 3),)),
    ("publication_functions", {"2025-01-01": [], "2023-01-01": ["inkoper"]},
     (DatedValue(date(2023, 1, 1), ("inkoper",)), DatedValue(date(2025, 1, 1), ()))),
    ("publication_scale_from", {"2022-01-01": 14, "2024-01-01": None},
     (DatedValue(date(2022, 1, 1), 14), DatedValue(date(2024, 1, 1), None))),
    ("oath_days_before_start", {"2025-01-01": 3}, (DatedValue(date(2025, 1, 1), 3),)),
    ("oath_earlier_employment_counts", {"2025-01-01": True},
     (DatedValue(date(2025, 1, 1), True),)),
]


def test_every_parameter_is_covered_here() -> None:
    """The tables above name every parameter once (a new one must be added to them)."""
    assert [n for n, _, _ in PLAIN] == list(PARAMETERS)
    assert [n for n, _, _ in DATED] == list(PARAMETERS)


@pytest.mark.parametrize(("name", "value", "held"), PLAIN, ids=[p[0] for p in PLAIN])
def test_a_plain_value_holds_for_every_date(name: str, value: Any, held: Any) -> None:
    """One value: kept as given (a list as a tuple); one period, set by the document."""
    settings = load_policy({name: value})
    assert getattr(settings, name) == held
    assert all(getattr(settings, n) is None for n in PARAMETERS if n != name)
    policy = Policy.resolve(settings, at=date(2024, 6, 1))
    [period] = policy.timelines[name]
    assert (period.value, period.set_by, period.since, period.until) == (
        held, ValueSource.DOCUMENT, None, None)
    assert not policy.is_dated(name)
    assert policy.on(name, date(1990, 1, 1)).value == held
    assert policy.on(name, date(2100, 1, 1)).value == held


@pytest.mark.parametrize(("name", "value", "held"), DATED, ids=[d[0] for d in DATED])
def test_values_by_date_are_kept_in_date_order(name: str, value: dict[str, Any],
                                               held: tuple[DatedValue, ...]) -> None:
    """``{"YYYY-MM-DD": value}``: dated values in date order; before the first, the default."""
    settings = load_policy({name: value})
    assert getattr(settings, name) == held
    policy = Policy.resolve(settings)
    periods = policy.timelines[name]
    assert policy.is_dated(name)
    assert len(periods) == len(held) + 1
    first = periods[0]
    assert (first.value, first.set_by, first.since) == (
        PARAMETERS[name].default, ValueSource.DEFAULT, None)
    assert first.until == held[0].since - timedelta(days=1)
    for period, dated in zip(periods[1:], held, strict=True):
        assert (period.value, period.set_by, period.since) == (
            dated.value, ValueSource.DOCUMENT, dated.since)
    assert periods[-1].until is None
    day_before = held[0].since - timedelta(days=1)
    assert policy.on(name, day_before).set_by is ValueSource.DEFAULT
    assert policy.on(name, held[-1].since).value == held[-1].value


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_null_means_the_default(name: str) -> None:
    """``null``: as if left out; the default applies and the document writes no policy."""
    settings = load_policy({name: None})
    assert settings == PolicySettings()
    ev = Policy.resolve(settings)[name]
    assert (ev.value, ev.set_by) == (PARAMETERS[name].default, ValueSource.DEFAULT)
    assert "policy" not in integriteit.dump_document(integriteit.loads(text_of({name: None})))


def test_an_empty_policy_object_is_every_default() -> None:
    """``"policy": {}``: nothing set."""
    assert load_policy({}) == PolicySettings()


def test_settings_built_in_python_take_a_mapping_by_date() -> None:
    """In Python a ``{date: value}`` mapping becomes dated values in date order; a list a
    tuple."""
    settings = PolicySettings(oath_term_months={date(2024, 1, 1): 3, date(2020, 1, 1): 2},
                              publication_functions=["inkoper"])
    assert settings.oath_term_months == (DatedValue(date(2020, 1, 1), 2),
                                         DatedValue(date(2024, 1, 1), 3))
    assert settings.publication_functions == ("inkoper",)


# --- loading: problems, one line each --------------------------------------------------------

BAD: list[tuple[str, str, list[str]]] = [
    ("bad-date-key", '{"oath_term_months": {"2024-13-01": 3}}',
     ['org.json: policy.oath_term_months["2024-13-01"]: "2024-13-01" is not a date '
      "(YYYY-MM-DD)"]),
    ("short-date-key", '{"oath_term_months": {"2024-1-01": 3}}',
     ['org.json: policy.oath_term_months["2024-1-01"]: "2024-1-01" is not a date '
      "(YYYY-MM-DD)"]),
    ("text-in-dated", '{"oath_term_months": {"2024-01-01": "3"}}',
     ['org.json: policy.oath_term_months["2024-01-01"]: "3" is not a whole number']),
    ("fraction-in-dated", '{"workshop_term_months": {"2024-01-01": 3.5}}',
     ['org.json: policy.workshop_term_months["2024-01-01"]: 3.5 is not a whole number']),
    ("null-in-dated-months", '{"oath_term_months": {"2024-01-01": null}}',
     ['org.json: policy.oath_term_months["2024-01-01"]: null is not a whole number']),
    ("two-bad-dated", '{"oath_term_months": {"2024-01-01": 200, "2025-01-01": true}}',
     ['org.json: policy.oath_term_months["2024-01-01"]: 200 is not between 0 and 120 months',
      'org.json: policy.oath_term_months["2025-01-01"]: true is not a whole number']),
    ("months-too-many", '{"oath_term_months": 121}',
     ["org.json: policy.oath_term_months: 121 is not between 0 and 120 months"]),
    ("months-negative", '{"integriteitsverklaring_term_months": -1}',
     ["org.json: policy.integriteitsverklaring_term_months: -1 is not between 0 and 120 "
      "months"]),
    ("scale-zero", '{"publication_scale_from": 0}',
     ["org.json: policy.publication_scale_from: 0 is not between 1 and 30"]),
    ("scale-too-high-dated", '{"publication_scale_from": {"2024-01-01": 31}}',
     ['org.json: policy.publication_scale_from["2024-01-01"]: 31 is not between 1 and 30']),
    ("month-day-02-30", '{"verantwoording_deadline": "02-30"}',
     ['org.json: policy.verantwoording_deadline: "02-30" is not a day of the year as '
      '"MM-DD", e.g. "12-31"']),
    ("month-day-1231", '{"verantwoording_deadline": "1231"}',
     ['org.json: policy.verantwoording_deadline: "1231" is not a day of the year as '
      '"MM-DD", e.g. "12-31"']),
    ("month-day-dated-13-01", '{"verantwoording_deadline": {"2023-01-01": "13-01"}}',
     ['org.json: policy.verantwoording_deadline["2023-01-01"]: "13-01" is not a day of the '
      'year as "MM-DD", e.g. "12-31"']),
    ("month-day-number", '{"verantwoording_deadline": 1231}',
     ['org.json: policy.verantwoording_deadline: 1231 is not a day of the year as "MM-DD", '
      'e.g. "12-31"']),
    ("wrong-choice", '{"workshop_required_for": "everyone"}',
     ['org.json: policy.workshop_required_for: "everyone" is not allowed; choose one of '
      '"none", "externals", "all"']),
    ("wrong-choice-dated", '{"workshop_required_for": {"2024-01-01": "All"}}',
     ['org.json: policy.workshop_required_for["2024-01-01"]: "All" is not allowed; choose '
      'one of "none", "externals", "all"']),
    ("flag-as-text", '{"integriteitsverklaring_required": "yes"}',
     ['org.json: policy.integriteitsverklaring_required: "yes" is not true or false']),
    ("flag-as-number", '{"integriteitsverklaring_required": {"2024-01-01": 1}}',
     ['org.json: policy.integriteitsverklaring_required["2024-01-01"]: 1 is not true or '
      "false"]),
    ("empty-name", '{"publication_functions": ["inkoper", ""]}',
     ['org.json: policy.publication_functions: ["inkoper", ""] is not a list of non-empty '
      "names"]),
    ("blank-name", '{"publication_functions": {"2024-01-01": ["  "]}}',
     ['org.json: policy.publication_functions["2024-01-01"]: ["  "] is not a list of '
      "non-empty names"]),
    ("names-as-text", '{"publication_functions": "inkoper"}',
     ['org.json: policy.publication_functions: "inkoper" is not a list of non-empty names']),
    ("empty-object", '{"oath_term_months": {}}',
     ["org.json: policy.oath_term_months: give a value, or dates with a value, not {}"]),
    ("duplicate-date", '{"oath_term_months": {"2024-01-01": 2, "2024-01-01": 3}}',
     ["org.json: policy.oath_term_months: date '2024-01-01' occurs more than once"]),
    ("duplicate-parameter", '{"oath_term_months": 3, "oath_term_months": 4}',
     ["org.json: policy: key 'oath_term_months' occurs more than once"]),
    ("policy-not-an-object", "[]", ["org.json: policy: [] is not an object"]),
]


@pytest.mark.parametrize(("policy", "expected"), [(b[1], b[2]) for b in BAD],
                         ids=[b[0] for b in BAD])
def test_a_bad_policy_is_one_line_per_problem(policy: str, expected: list[str]) -> None:
    """Each problem names the file, the parameter and (for a dated value) its date."""
    assert problems(policy) == expected


def test_an_unknown_parameter_gets_a_did_you_mean_hint() -> None:
    """A misspelt parameter: unknown field, the allowed names, and the closest one."""
    [line] = problems('{"oath_term_month": 3}')
    assert line.startswith("org.json: policy.oath_term_month: unknown field (allowed: "
                           "oath_term_months, verantwoording_deadline, ")
    assert line.endswith("oath_earlier_employment_counts); did you mean 'oath_term_months'?")
    [line] = problems('{"workshop_required": "all"}', "nl")
    assert line.startswith("org.json: policy.workshop_required: onbekend veld (toegestaan: ")
    assert line.endswith("; bedoelt u 'workshop_required_for'?")


def test_problems_in_dutch() -> None:
    """The same lines in Dutch."""
    assert problems('{"oath_term_months": {"2024-13-01": 3}}', "nl") == [
        'org.json: policy.oath_term_months["2024-13-01"]: "2024-13-01" is geen geldige datum '
        "(JJJJ-MM-DD)"]
    assert problems('{"oath_term_months": {"2024-01-01": 2, "2024-01-01": 3}}', "nl") == [
        "org.json: policy.oath_term_months: datum '2024-01-01' komt meer dan eens voor"]
    assert problems('{"verantwoording_deadline": "02-30"}', "nl") == [
        'org.json: policy.verantwoording_deadline: "02-30" is geen dag van het jaar als '
        '"MM-DD", bijv. "12-31"']


def test_problems_of_several_parameters_are_all_listed() -> None:
    """Every bad parameter is reported, in the order of the parameters."""
    assert problems('{"publication_scale_from": 0, "oath_term_months": {"2024-02-30": 1}, '
                    '"workshop_required_for": "some"}') == [
        'org.json: policy.oath_term_months["2024-02-30"]: "2024-02-30" is not a date '
        "(YYYY-MM-DD)",
        'org.json: policy.workshop_required_for: "some" is not allowed; choose one of '
        '"none", "externals", "all"',
        "org.json: policy.publication_scale_from: 0 is not between 1 and 30"]


def test_29_february_is_a_day_of_some_year() -> None:
    """``"02-29"`` is accepted (a day of a leap year)."""
    assert load_policy({"verantwoording_deadline": "02-29"}).verantwoording_deadline == "02-29"


def test_month_day_takes_ascii_digits_only() -> None:
    """``"MM-DD"`` in full-width digits is no ``"MM-DD"``, as date keys in them are no dates."""
    assert problems('{"verantwoording_deadline": "１２-３１"}') == [
        'org.json: policy.verantwoording_deadline: "１２-３１" is not a day of the year as '
        '"MM-DD", e.g. "12-31"']


@pytest.mark.parametrize(("case", "policy", "path"), [
    ("bad-date-key", '{"oath_term_months": {"2024-13-01": 3}}',
     'policy.oath_term_months["2024-13-01"]'),
    ("month-day", '{"verantwoording_deadline": "1231"}', "policy.verantwoording_deadline"),
    ("duplicate-date", '{"oath_term_months": {"2024-01-01": 2, "2024-01-01": 3}}',
     "policy.oath_term_months"),
    ("unknown", '{"oath_term_month": 3}', "policy.oath_term_month"),
])
@pytest.mark.parametrize("command", ["check", "policy", "checklist"])
def test_the_command_line_prints_one_line_and_exits_2(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str, policy: str, path: str,
        command: str) -> None:
    """``check``, ``policy`` and ``checklist`` read the same policy: exit 2, one line, no
    traceback."""
    file = write(tmp_path, text_of(policy), f"{case}.json")
    code, out, err = run(capsys, command, file, "--at", "2024-06-01", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(f"integriteit: error: {file}: {path}: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


# --- round trip ------------------------------------------------------------------------------


def test_dump_writes_dated_values_as_an_object_by_date() -> None:
    """``dump_document``: dated values as ``{"YYYY-MM-DD": value}``, names as a list, unset
    parameters left out."""
    settings = PolicySettings(oath_term_months={date(2024, 1, 1): 3, date(2020, 1, 1): 2},
                              publication_functions=("inkoper", "Directeur"),
                              publication_scale_from={date(2022, 1, 1): 14,
                                                      date(2024, 1, 1): None})
    doc = Document(Organisation("G", OrganisationKind.GEMEENTE), policy=settings)
    dumped = integriteit.dump_document(doc)
    assert dumped["policy"] == {
        "oath_term_months": {"2020-01-01": 2, "2024-01-01": 3},
        "publication_functions": ["inkoper", "Directeur"],
        "publication_scale_from": {"2022-01-01": 14, "2024-01-01": None}}
    assert integriteit.loads(integriteit.dumps(doc)) == doc


@pytest.mark.parametrize(("name", "value", "held"), DATED, ids=[d[0] for d in DATED])
def test_each_dated_parameter_round_trips(name: str, value: dict[str, Any],
                                          held: tuple[DatedValue, ...]) -> None:
    """Read, written and read again: the same document."""
    doc = integriteit.loads(text_of({name: value}))
    again = integriteit.loads(json.dumps(integriteit.dump_document(doc)))
    assert again == doc
    assert getattr(again.policy, name) == held


@given(documents(max_employees=3, max_entries=1))
def test_documents_round_trip(doc: Document) -> None:
    """``loads(dumps(doc)) == doc`` for any document, its policy included."""
    again = integriteit.loads(integriteit.dumps(doc))
    assert again == doc
    assert again.policy == doc.policy


@given(organisations(), policy_settings())
def test_policies_round_trip_and_resolve_the_same(org: Organisation,
                                                  settings: PolicySettings) -> None:
    """Any policy the strategy makes survives the round trip and gives the same timelines."""
    doc = Document(org, policy=settings)
    again = integriteit.from_dict(json.loads(json.dumps(integriteit.dump_document(doc))))
    assert again.policy == settings
    assert Policy.resolve(again.policy).timelines == Policy.resolve(settings).timelines


# --- Policy: resolve, on, values, timelines ---------------------------------------------------


def test_without_settings_every_parameter_has_its_default() -> None:
    """No settings: one period per parameter, the default, set by default."""
    policy = Policy.resolve()
    assert list(policy.timelines) == list(PARAMETERS)
    assert policy.at is None
    for name, param in PARAMETERS.items():
        [period] = policy.timelines[name]
        assert (period.value, period.set_by, period.since, period.until) == (
            param.default, ValueSource.DEFAULT, None, None)
        assert not policy.is_dated(name)
    assert {n: ev.value for n, ev in policy.values.items()} == {
        "oath_term_months": 2, "verantwoording_deadline": "12-31",
        "integriteitsverklaring_required": False, "integriteitsverklaring_term_months": 0,
        "workshop_required_for": "none", "workshop_term_months": 6,
        "publication_functions": (), "publication_scale_from": None,
        "oath_days_before_start": 0, "oath_earlier_employment_counts": False}


def test_before_the_first_date_the_default_applies() -> None:
    """Dated from 2020 and 2024: the default until 2019-12-31, then 2, then 3."""
    policy = Policy.resolve(PolicySettings(oath_term_months={date(2020, 1, 1): 2,
                                                             date(2024, 1, 1): 3}))
    cases = [(date(2019, 12, 31), 2, ValueSource.DEFAULT, None),
             (date(2020, 1, 1), 2, ValueSource.DOCUMENT, date(2020, 1, 1)),
             (date(2023, 12, 31), 2, ValueSource.DOCUMENT, date(2020, 1, 1)),
             (date(2024, 1, 1), 3, ValueSource.DOCUMENT, date(2024, 1, 1)),
             (date(2099, 1, 1), 3, ValueSource.DOCUMENT, date(2024, 1, 1))]
    for day, value, set_by, since in cases:
        ev = policy.on("oath_term_months", day)
        assert (ev.value, ev.set_by, ev.since) == (value, set_by, since), day
        assert policy.reader("oath_term_months")(day) == ev
    periods = [(p.since, p.until, p.value) for p in policy.timelines["oath_term_months"]]
    assert periods == [(None, date(2019, 12, 31), 2),
                       (date(2020, 1, 1), date(2023, 12, 31), 2),
                       (date(2024, 1, 1), None, 3)]


def test_values_are_those_on_the_reference_date() -> None:
    """``values`` (and ``policy[name]``) on ``at``; without ``at``, the latest."""
    settings = PolicySettings(oath_term_months={date(2024, 1, 1): 3},
                              workshop_required_for={date(2025, 1, 1): "all"})
    on_2023 = Policy.resolve(settings, at=date(2023, 6, 1))
    assert on_2023["oath_term_months"].value == 2
    assert on_2023["oath_term_months"].set_by is ValueSource.DEFAULT
    assert on_2023.values["workshop_required_for"].value == "none"
    on_2024 = Policy.resolve(settings, at=date(2024, 6, 1))
    assert (on_2024["oath_term_months"].value, on_2024["oath_term_months"].set_by) == (
        3, ValueSource.DOCUMENT)
    assert on_2024["workshop_required_for"].value == "none"
    latest = Policy.resolve(settings)
    assert latest["oath_term_months"].value == 3
    assert latest["workshop_required_for"].value == "all"


def test_change_dates_are_the_reference_date_and_every_start() -> None:
    """Where a policy can differ: ``date.min``, ``at`` and every date a value starts."""
    settings = PolicySettings(oath_term_months={date(2024, 1, 1): 3, date(2020, 1, 1): 2},
                              integriteitsverklaring_required={date(2025, 1, 1): True},
                              workshop_term_months=4)
    policy = Policy.resolve(settings)
    # Only dates up to the reference date: the check is "as of" that day.
    assert policy.change_dates(date(2023, 6, 1)) == [date.min, date(2020, 1, 1),
                                                     date(2023, 6, 1)]
    assert policy.change_dates(date(2024, 1, 1)) == [date.min, date(2020, 1, 1),
                                                     date(2024, 1, 1)]
    assert policy.change_dates(date(2026, 1, 1)) == [
        date.min, date(2020, 1, 1), date(2024, 1, 1), date(2025, 1, 1), date(2026, 1, 1)]
    assert Policy.resolve().change_dates(date(2023, 6, 1)) == [date.min, date(2023, 6, 1)]


def test_the_call_override_replaces_the_whole_timeline() -> None:
    """An override holds for every date, set by the call, whatever the document says."""
    settings = PolicySettings(oath_term_months={date(2020, 1, 1): 2, date(2024, 1, 1): 3})
    policy = Policy.resolve(settings, {"oath_term_months": 4})
    [period] = policy.timelines["oath_term_months"]
    assert (period.value, period.set_by, period.since, period.until) == (
        4, ValueSource.CALL, None, None)
    assert not policy.is_dated("oath_term_months")
    assert policy.on("oath_term_months", date(2019, 1, 1)).value == 4
    # ``None`` as an override is no override.
    kept = Policy.resolve(settings, {"oath_term_months": None})
    assert kept.is_dated("oath_term_months")


@pytest.mark.parametrize(("overrides", "message"), [
    ({"oath_term_months": 121}, "oath_term_months: 121 is not between 0 and 120 months"),
    ({"oath_term_months": -1}, "oath_term_months: -1 is not between 0 and 120 months"),
    ({"workshop_required_for": "some"},
     'workshop_required_for: some is not allowed; choose one of "none", "externals", "all"'),
    ({"oath_term_month": 3, "zz": 1}, "unknown policy parameter(s): oath_term_month, zz"),
])
def test_a_bad_override_is_a_policy_error(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyError) as exc:
        Policy.resolve(None, overrides)
    assert str(exc.value) == message


def test_a_bad_value_set_in_python_is_a_policy_error() -> None:
    """Settings built in Python skip the loader; ``resolve`` still checks every value."""
    with pytest.raises(PolicyError, match=r"^verantwoording_deadline: 02-30 is not a day"):
        Policy.resolve(PolicySettings(verantwoording_deadline={date(2024, 1, 1): "02-30"}))
    with pytest.raises(PolicyError, match=r"^oath_term_months: 121 is not between 0 and 120"):
        Policy.resolve(PolicySettings(oath_term_months=121))
    with pytest.raises(PolicyError):
        integriteit.check(Document(Organisation("G", OrganisationKind.GEMEENTE),
                                   policy=PolicySettings(workshop_term_months=-2)),
                          date(2024, 6, 1))


def test_a_value_from_the_first_possible_date_holds_for_every_date(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``{"0001-01-01": 3}``: no day before it, so 3 for every date; no traceback."""
    settings = load_policy({"oath_term_months": {"0001-01-01": 3}})
    ev = Policy.resolve(settings).on("oath_term_months", date.min)
    assert (ev.value, ev.set_by) == (3, ValueSource.DOCUMENT)
    file = write(tmp_path, text_of({"oath_term_months": {"0001-01-01": 3}}, employees=[
        {"id": "E1", "start": "2024-01-15", "employment": "ambtenaar"}]))
    code, out, err = run(capsys, "check", file, "--at", "2024-06-01", "--rule", EED,
                         "--format", "json")
    assert (code, err) == (1, "")
    [e1] = json.loads(out)["findings"]
    assert (e1["status"], e1["due"]) == ("overdue", "2024-04-15")
    code, out, err = run(capsys, "policy", file, "--at", "2024-06-01", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["oath_term_months"]["value"] == 3


def test_effective_value_periods_and_explanations() -> None:
    """Each period in words, and where its value came from."""
    policy = Policy.resolve(PolicySettings(oath_term_months={date(2020, 1, 1): 2,
                                                             date(2024, 1, 1): 3},
                                           workshop_term_months=4), {})
    default, middle, last = policy.timelines["oath_term_months"]
    assert (default.period("en"), default.period("nl")) == ("until 2019-12-31",
                                                            "tot en met 2019-12-31")
    assert middle.period("en") == middle.period("nl") == "2020-01-01 – 2023-12-31"
    assert (last.period("en"), last.period("nl")) == ("from 2024-01-01", "vanaf 2024-01-01")
    [plain] = policy.timelines["workshop_term_months"]
    assert (plain.period("en"), plain.period("nl")) == ("always", "altijd")
    assert default.explanation.en.startswith("default: 2 months, after the Regeling eed en "
                                             "belofte SZW 1999 art. 4 (lapsed, but binding")
    assert last.explanation.get("en") == ("set in the document from 2024-01-01 (organisation "
                                          "policy, not law)")
    assert last.explanation.get("nl") == ("ingesteld in het document vanaf 2024-01-01 (beleid "
                                          "van de organisatie, geen wet)")
    assert plain.explanation.en == "set in the document (organisation policy, not law)"
    call = EffectiveValue(OATH_TERM_MONTHS, 4, ValueSource.CALL)
    assert call.explanation.en == "given with the call (organisation policy, not law)"


@pytest.mark.parametrize(("param", "value", "shown"), [
    (OATH_TERM_MONTHS, 3, "3"),
    (VERANTWOORDING_DEADLINE, "07-01", "07-01"),
    (PARAMETERS["integriteitsverklaring_required"], True, "true"),
    (PARAMETERS["integriteitsverklaring_required"], False, "false"),
    (PUBLICATION_FUNCTIONS, ("inkoper", "directeur"), "inkoper, directeur"),
    (PUBLICATION_FUNCTIONS, (), "-"),
    (PARAMETERS["publication_scale_from"], None, "-"),
])
def test_values_are_shown_as_people_read_them(param: Parameter, value: Any, shown: str) -> None:
    assert param.show(value) == shown


def test_parameter_kinds_and_choices() -> None:
    """Each parameter's kind of value, as ``integriteit policy --format json`` lists it."""
    assert {n: p.kind for n, p in PARAMETERS.items()} == {
        "oath_term_months": ValueKind.MONTHS,
        "verantwoording_deadline": ValueKind.MONTH_DAY,
        "integriteitsverklaring_required": ValueKind.FLAG,
        "integriteitsverklaring_term_months": ValueKind.MONTHS,
        "workshop_required_for": ValueKind.CHOICE,
        "workshop_term_months": ValueKind.MONTHS,
        "publication_functions": ValueKind.NAMES,
        "publication_scale_from": ValueKind.NUMBER_OR_NONE,
        "oath_days_before_start": ValueKind.DAYS,
        "oath_earlier_employment_counts": ValueKind.FLAG}
    assert WORKSHOP_REQUIRED_FOR.choices == ("none", "externals", "all")


@pytest.mark.parametrize(("text", "expected"), [
    ("12-31", (12, 31)), ("01-01", (1, 1)), ("02-29", (2, 29)), ("07-01", (7, 1))])
def test_month_day(text: str, expected: tuple[int, int]) -> None:
    assert month_day(text) == expected


@pytest.mark.parametrize("text", ["02-30", "1231", "12/31", "2-28", "12-1", "00-10", "13-01",
                                  "12-00", "ab-cd", "12-31 ", ""])
def test_month_day_rejects_what_is_no_day_of_a_year(text: str) -> None:
    with pytest.raises(ValueError):
        month_day(text)


# --- on(): the value of the latest date on or before the day ----------------------------------

_MONTHS = st.integers(0, 120)


@given(st.dictionaries(dates(), _MONTHS, min_size=1, max_size=6), dates())
def test_on_is_the_latest_value_on_or_before_the_day(values: dict[date, int], day: date) -> None:
    """For any dated mapping and day: the value of the latest date <= day, else the default."""
    policy = Policy.resolve(PolicySettings(oath_term_months=values))
    ev = policy.on("oath_term_months", day)
    earlier = [d for d in values if d <= day]
    if earlier:
        latest = max(earlier)
        assert (ev.value, ev.set_by, ev.since) == (values[latest], ValueSource.DOCUMENT, latest)
    else:
        assert (ev.value, ev.set_by, ev.since) == (2, ValueSource.DEFAULT, None)
    assert policy.reader("oath_term_months")(day) == ev
    assert Policy.resolve(PolicySettings(oath_term_months=values), at=day)[
        "oath_term_months"] == ev


@given(st.dictionaries(dates(), st.sampled_from(WORKSHOP_REQUIRED_FOR.choices), min_size=1,
                       max_size=4))
def test_periods_follow_each_other_without_gaps(values: dict[date, str]) -> None:
    """Periods: the default first (open start), each ends the day before the next starts,
    the last has an open end; one period per date given, plus the default."""
    periods = Policy.resolve(PolicySettings(workshop_required_for=values)).timelines[
        "workshop_required_for"]
    assert len(periods) == len(values) + 1
    assert periods[0].since is None and periods[0].set_by is ValueSource.DEFAULT
    assert periods[-1].until is None
    for before, after in pairwise(periods):
        assert before.until is not None and after.since is not None
        assert before.until + timedelta(days=1) == after.since
    assert [p.since for p in periods[1:]] == sorted(values)
    assert [p.value for p in periods[1:]] == [values[d] for d in sorted(values)]


# --- as of: the oath term in force on the day of indiensttreding ------------------------------

TERM_CHANGE_STAFF: list[dict[str, Any]] = [
    {"id": "before", "start": "2023-12-15", "employment": "ambtenaar"},
    {"id": "last-day", "start": "2023-12-31", "employment": "ambtenaar"},
    {"id": "change-day", "start": "2024-01-01", "employment": "ambtenaar"},
    {"id": "after", "start": "2024-01-15", "employment": "ambtenaar"},
    {"id": "before-2020", "start": "2019-11-30", "employment": "ambtenaar"},
]


def oath_findings(at: date, term_months: int | None = None,
                  policy: dict[str, Any] | None = None) -> dict[str, integriteit.Finding]:
    doc = document({"oath_term_months": TERM_2_THEN_3} if policy is None else policy,
                   TERM_CHANGE_STAFF)
    result = integriteit.check(doc, at, term_months=term_months, rules=[EED])
    return {f.subject: f for f in result.findings}


def test_the_term_is_the_one_in_force_on_the_start_date() -> None:
    """Hired before the change from 2 to 3 months: 2 months; from the change day on: 3."""
    found = oath_findings(date(2024, 6, 1))
    assert {s: (f.facts["term_months"], f.due) for s, f in found.items()} == {
        "before": (2, date(2024, 2, 15)),
        "last-day": (2, date(2024, 2, 29)),  # 31 December + 2 months: end of February
        "change-day": (3, date(2024, 4, 1)),
        "after": (3, date(2024, 4, 15)),
        "before-2020": (2, date(2020, 1, 30)),
    }
    assert {s: f.facts["term_set_by"] for s, f in found.items()} == {
        "before": "document", "last-day": "document", "change-day": "document",
        "after": "document", "before-2020": "default"}


def test_the_facts_say_since_when_the_term_applies() -> None:
    """``term_since``: the date the term of the start day took effect; none for the default."""
    found = oath_findings(date(2024, 6, 1))
    assert found["before"].facts["term_since"] == date(2020, 1, 1)
    assert found["after"].facts["term_since"] == date(2024, 1, 1)
    assert found["change-day"].facts["term_since"] == date(2024, 1, 1)
    assert "term_since" not in found["before-2020"].facts
    assert found["after"].message("en") == (
        "No eed or belofte taken; the term ended on 2024-04-15 (3 months after the start of "
        "employment on 2024-01-15; 47 days ago).")


def test_the_reference_date_does_not_change_the_term() -> None:
    """Checked before or after the change, the person hired before it keeps 2 months."""
    early = oath_findings(date(2023, 12, 20))["before"]
    late = oath_findings(date(2024, 6, 1))["before"]
    assert (early.status, early.due) == (Status.DUE, date(2024, 2, 15))
    assert (late.status, late.due) == (Status.OVERDUE, date(2024, 2, 15))


def test_the_override_replaces_every_dated_term() -> None:
    """``term_months``: one term for everyone, set by the call, no ``term_since``."""
    found = oath_findings(date(2024, 6, 1), term_months=4)
    assert {s: f.due for s, f in found.items()} == {
        "before": date(2024, 4, 15), "last-day": date(2024, 4, 30),
        "change-day": date(2024, 5, 1), "after": date(2024, 5, 15),
        "before-2020": date(2020, 3, 30)}
    assert {f.facts["term_set_by"] for f in found.values()} == {"call"}
    assert not any("term_since" in f.facts for f in found.values())


def test_a_plain_term_has_no_since() -> None:
    """One value for every date: set by the document, no ``term_since``."""
    found = oath_findings(date(2024, 6, 1), policy={"oath_term_months": 1})
    assert found["after"].due == date(2024, 2, 15)
    assert found["after"].facts["term_set_by"] == "document"
    assert "term_since" not in found["after"].facts


# --- as of: the verantwoording deadline in force on 1 January of the next year ----------------


def verantwoording(policy: dict[str, Any], years: dict[int, str],
                   at: date) -> integriteit.Finding:
    doc = document(policy, facts={"verantwoording": [
        {"year": y, "published": p} for y, p in sorted(years.items())]})
    [f] = integriteit.check(doc, at, rules=[VERANTWOORDING]).findings
    return f


JULY_FROM_2023 = {"verantwoording_deadline": {"2023-01-01": "07-01"}}


def test_the_deadline_in_force_on_1_january_of_the_next_year_applies() -> None:
    """Changed to 1 July from 2023: over 2022 due 2023-07-01; over 2021 still 2022-12-31."""
    in_time = {2020: "2021-06-01", 2021: "2022-12-31"}
    f = verantwoording(JULY_FROM_2023, in_time, date(2023, 6, 30))
    assert (f.status, f.due) == (Status.DUE, date(2023, 7, 1))
    assert f.message("en") == "Account for 2022 not public yet; due by 2023-07-01."
    f = verantwoording(JULY_FROM_2023, in_time, date(2023, 7, 2))
    assert (f.status, f.due) == (Status.OVERDUE, date(2023, 7, 1))
    assert f.facts["missing_years"] == [2022]
    assert f.message("en") == "Verantwoording: for 2022 not public (due 2023-07-01)."


def test_the_old_deadline_still_judges_the_earlier_year() -> None:
    """Over 2021 published on 5 January 2023: late against 2022-12-31, not against July."""
    f = verantwoording(JULY_FROM_2023, {2020: "2021-06-01", 2021: "2023-01-05",
                                        2022: "2023-06-01"}, date(2023, 8, 1))
    assert (f.status, f.due) == (Status.LATE, date(2022, 12, 31))
    assert f.facts["late_years"] == [2021]


def test_a_change_during_the_year_applies_from_the_next_account() -> None:
    """Changed on 1 March 2023: on 1 January 2023 the default held, so over 2022 the
    deadline stays 2023-12-31; over 2023 it is 2024-07-01."""
    policy = {"verantwoording_deadline": {"2023-03-01": "07-01"}}
    years = {2020: "2021-06-01", 2021: "2022-06-01"}
    f = verantwoording(policy, years, date(2023, 8, 1))
    assert (f.status, f.due) == (Status.DUE, date(2023, 12, 31))
    f = verantwoording(policy, {**years, 2022: "2023-12-01"}, date(2024, 7, 2))
    assert (f.status, f.due) == (Status.OVERDUE, date(2024, 7, 1))
    assert f.facts["missing_years"] == [2023]


def test_29_february_falls_back_to_28_february() -> None:
    """``"02-29"``: the account over 2022 is due 2023-02-28, over 2023 due 2024-02-29."""
    policy = {"verantwoording_deadline": "02-29"}
    years = {2020: "2021-02-01", 2021: "2022-02-01"}
    f = verantwoording(policy, years, date(2023, 3, 1))
    assert (f.status, f.due) == (Status.OVERDUE, date(2023, 2, 28))
    f = verantwoording(policy, {**years, 2022: "2023-02-28"}, date(2024, 2, 29))
    assert (f.status, f.due) == (Status.DUE, date(2024, 2, 29))


def test_nothing_due_yet_uses_the_deadline_of_2021() -> None:
    """Checked in 2020: the first account (over 2020) is due on the 2021 deadline."""
    f = verantwoording({"verantwoording_deadline": {"2021-01-01": "06-30"}}, {},
                       date(2020, 9, 1))
    assert (f.status, f.due) == (Status.DUE, date(2021, 6, 30))
    assert f.message("en") == "No account due yet (the first, for 2020, by 2021-06-30)."


# --- the command line: integriteit policy ------------------------------------------------------

POLICY_DOC: dict[str, Any] = {
    "oath_term_months": TERM_2_THEN_3,
    "workshop_term_months": 4,
    "publication_functions": {"2023-01-01": ["inkoper", "directeur"]},
    "integriteitsverklaring_required": {"2025-01-01": True},
}


@pytest.fixture
def policy_file(tmp_path: Path) -> str:
    return write(tmp_path, text_of(POLICY_DOC, employees=[
        {"id": "E1", "start": "2024-01-15", "employment": "ambtenaar"},
        {"id": "X1", "start": "2025-02-01", "employment": "inhuur"}]))


def test_policy_text_lists_the_periods_of_dated_values(
        capsys: pytest.CaptureFixture[str], policy_file: str) -> None:
    """Each parameter with its value on ``--at``; dated ones with every period; read by."""
    code, out, err = run(capsys, "policy", policy_file, "--at", "2024-06-01", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.startswith("Policy parameters on 1 June 2024 (organisation policy, not law)\n")
    assert ("\nTerm for the eed or belofte (oath_term_months): 3 months after the start of "
            "employment  [document]\n"
            "    set in the document from 1 January 2024 (organisation policy, not law)\n"
            "    until 31 December 2019             2 months after the start of employment  "
            "[default]\n"
            "    1 January 2020 – 31 December 2023  2 months after the start of employment  "
            "[document]\n"
            "    from 1 January 2024                3 months after the start of employment  "
            "[document]\n"
            "    read by: ambtenarenwet.eed\n") in out
    assert ("\nFunctions whose nevenwerkzaamheden are made public (publication_functions): "
            "inkoper, directeur (function names)  [document]\n") in out
    assert ("    until 31 December 2022  none  [default]\n"
            "    from 1 January 2023     inkoper, directeur (function names)  [document]\n"
            "    read by: ambtenarenwet.openbaarmaking\n") in out
    # On 2024-06-01 the declaration is not asked yet: the default, with its periods.
    assert ("\nIntegriteitsverklaring required from externals (integriteitsverklaring_required): "
            "no (false)  [default]\n") in out
    assert ("    until 31 December 2024  no (false)  [default]\n"
            "    from 1 January 2025     yes (true)  [document]\n"
            "    read by: beleid.integriteitsverklaring\n") in out


def test_policy_text_shows_plain_values_without_periods(
        capsys: pytest.CaptureFixture[str], policy_file: str) -> None:
    """A value for every date has no period lines."""
    _, out, _ = run(capsys, "policy", policy_file, "--at", "2024-06-01", "--lang", "en")
    block = out.split("\nTerm for the integrity workshop (workshop_term_months): ")[1].split(
        "\n\n")[0]
    assert block == ("4 months after the start  [document]\n"
                     "    set in the document (organisation policy, not law)\n"
                     "    read by: beleid.workshop")


def test_policy_at_an_earlier_date(capsys: pytest.CaptureFixture[str], policy_file: str) -> None:
    """``--at`` decides the value shown first; the periods stay the same."""
    _, out, _ = run(capsys, "policy", policy_file, "--at", "2021-06-01", "--lang", "en")
    assert ("\nTerm for the eed or belofte (oath_term_months): 2 months after the start of "
            "employment  [document]\n") in out
    assert ("\nFunctions whose nevenwerkzaamheden are made public (publication_functions): none"
            "  [default]\n") in out
    assert ("    from 1 January 2024                3 months after the start of employment  "
            "[document]\n") in out


def test_policy_without_at_is_as_of_today(capsys: pytest.CaptureFixture[str],
                                          policy_file: str) -> None:
    _, out, _ = run(capsys, "policy", policy_file, "--lang", "en")
    today = date.today()
    month = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")[today.month - 1]
    assert out.startswith(f"Policy parameters on {today.day} {month} {today.year} "
                          "(organisation policy, not law)\n")
    assert ("\nTerm for the eed or belofte (oath_term_months): 3 months after the start of "
            "employment  [document]\n") in out


def test_policy_text_in_dutch(capsys: pytest.CaptureFixture[str], policy_file: str) -> None:
    _, out, _ = run(capsys, "policy", policy_file, "--at", "2024-06-01")
    assert out.startswith("Beleidsparameters op 1 juni 2024 (beleid van de organisatie, geen "
                          "wet)\n")
    assert ("    tot en met 31 december 2019        2 maanden na indiensttreding  [standaard]\n"
            in out)
    assert ("    vanaf 1 januari 2024               3 maanden na indiensttreding  [document]\n"
            in out)
    assert "    gelezen door: ambtenarenwet.eed\n" in out


def test_policy_json_has_history_for_dated_values_only(
        capsys: pytest.CaptureFixture[str], policy_file: str) -> None:
    """``history``: since/until/value/set_by per period; none for plain or default values."""
    code, out, _ = run(capsys, "policy", policy_file, "--at", "2024-06-01", "--format",
                       "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert list(data) == list(PARAMETERS)
    oath = data["oath_term_months"]
    assert (oath["value"], oath["set_by"], oath["default"], oath["kind"]) == (
        3, "document", 2, "months")
    assert oath["history"] == [
        {"since": None, "until": "2019-12-31", "value": 2, "set_by": "default"},
        {"since": "2020-01-01", "until": "2023-12-31", "value": 2, "set_by": "document"},
        {"since": "2024-01-01", "until": None, "value": 3, "set_by": "document"}]
    assert oath["used_by"] == ["ambtenarenwet.eed"]
    assert oath["source"] == "Regeling eed en belofte SZW 1999 (BWBR0010676) art. 4"
    names = data["publication_functions"]
    assert (names["value"], names["default"], names["kind"]) == (
        ["inkoper", "directeur"], [], "names")
    assert names["history"] == [
        {"since": None, "until": "2022-12-31", "value": [], "set_by": "default"},
        {"since": "2023-01-01", "until": None, "value": ["inkoper", "directeur"],
         "set_by": "document"}]
    assert data["integriteitsverklaring_required"]["value"] is False
    assert data["integriteitsverklaring_required"]["history"][1] == {
        "since": "2025-01-01", "until": None, "value": True, "set_by": "document"}
    plain = data["workshop_term_months"]
    assert (plain["value"], plain["set_by"]) == (4, "document")
    assert "history" not in plain
    default = data["verantwoording_deadline"]
    assert (default["value"], default["set_by"], default["kind"]) == ("12-31", "default",
                                                                      "month_day")
    assert "history" not in default


def test_policy_term_months_replaces_the_dated_term(
        capsys: pytest.CaptureFixture[str], policy_file: str) -> None:
    """``--term-months``: set by the call, no history; text without period lines."""
    _, out, _ = run(capsys, "policy", policy_file, "--at", "2024-06-01", "--term-months", "5",
                    "--format", "json")
    oath = json.loads(out)["oath_term_months"]
    assert (oath["value"], oath["set_by"]) == (5, "call")
    assert "history" not in oath
    _, out, _ = run(capsys, "policy", policy_file, "--at", "2024-06-01", "--term-months", "5",
                    "--lang", "en")
    block = out.split("\nTerm for the eed or belofte (oath_term_months): ")[1].split("\n\n")[0]
    assert block == ("5 months after the start of employment  [call]\n"
                     "    given with the call (organisation policy, not law)\n"
                     "    read by: ambtenarenwet.eed")


def test_policy_without_a_file_shows_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "--at", "2024-06-01", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert {n: (v["value"], v["set_by"]) for n, v in data.items()} == {
        n: (list(p.default) if isinstance(p.default, tuple) else p.default, "default")
        for n, p in PARAMETERS.items()}
    assert not any("history" in v for v in data.values())


# --- the command line: check -------------------------------------------------------------------


def test_check_json_header_has_the_policy_with_its_history(
        capsys: pytest.CaptureFixture[str], policy_file: str) -> None:
    """The JSON header lists every parameter as ``integriteit policy`` does (value on ``at``)."""
    code, out, _ = run(capsys, "check", policy_file, "--at", "2024-06-01", "--format", "json",
                       "--rule", EED, "--lang", "en")
    assert code == 1  # E1 is overdue
    data = json.loads(out)
    policy = data["policy"]
    assert list(policy) == list(PARAMETERS)
    assert policy["oath_term_months"] == {
        "value": 3, "set_by": "document", "origin": "legacy",
        "note": OATH_TERM_MONTHS.origin_note.en,
        "history": [
            {"since": None, "until": "2019-12-31", "value": 2, "set_by": "default"},
            {"since": "2020-01-01", "until": "2023-12-31", "value": 2, "set_by": "document"},
            {"since": "2024-01-01", "until": None, "value": 3, "set_by": "document"}]}
    assert "history" not in policy["workshop_term_months"]
    assert policy["workshop_term_months"]["value"] == 4
    [e1] = [f for f in data["findings"] if f["subject"] == "E1"]
    assert (e1["status"], e1["due"]) == ("overdue", "2024-04-15")
    assert e1["facts"]["term_since"] == "2024-01-01"
    assert e1["facts"]["term_months"] == 3


def test_policy_to_json_matches_the_header() -> None:
    """The same function writes both; with ``at`` before every date the value is the default."""
    policy = Policy.resolve(load_policy(POLICY_DOC), at=date(2019, 6, 1))
    oath = policy_to_json(policy, "oath_term_months", "en")
    assert (oath["value"], oath["set_by"]) == (2, "default")
    assert len(oath["history"]) == 3


def test_check_term_months_removes_the_history(capsys: pytest.CaptureFixture[str],
                                               policy_file: str) -> None:
    _, out, _ = run(capsys, "check", policy_file, "--at", "2024-06-01", "--format", "json",
                    "--rule", EED, "--term-months", "1")
    oath = json.loads(out)["policy"]["oath_term_months"]
    assert (oath["value"], oath["set_by"]) == (1, "call")
    assert "history" not in oath


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_check_explain_shows_the_periods(capsys: pytest.CaptureFixture[str],
                                         policy_file: str) -> None:
    """``--explain``: the dated term with every period; the header says it changes."""
    code, out, _ = run(capsys, "check", policy_file, "--at", "2024-06-01", "--rule", EED,
                       "--explain", "--lang", "en")
    assert code == 1
    assert ("Policy: Term for the eed or belofte = 3 months after the start of employment; set "
            "in the document from 1 January 2024 (organisation policy, not law); changes over "
            "time, see 'integriteit policy'.\n") in out
    assert squeeze("Facts: term: 3 months (set in the document, applies since 1 January 2024); "
                   "start: 15 January 2024; deadline: 15 April 2024; days past the deadline: "
                   "47.") in squeeze(out)
    assert squeeze("Policy: Term for the eed or belofte: 2 months after the start of employment "
                   "(until 31 December 2019; default value), 2 months after the start of "
                   "employment (1 January 2020 – 31 December 2023; set in the document), 3 months "
                   "after the start of employment (from 1 January 2024; set in the document).") in (
        squeeze(out))
    _, out, _ = run(capsys, "check", policy_file, "--at", "2024-06-01", "--rule", EED,
                    "--explain")
    assert squeeze("Beleid: Termijn voor de eed of belofte: 2 maanden na indiensttreding (tot en "
                   "met 31 december 2019; standaardwaarde), 2 maanden na indiensttreding (1 "
                   "januari 2020 – 31 december 2023; ingesteld in het document), 3 maanden na "
                   "indiensttreding (vanaf 1 januari 2024; ingesteld in het document).") in (
        squeeze(out))


def test_explain_of_a_plain_value_gives_its_origin() -> None:
    """A value for every date: one value with where it came from, no periods."""
    doc = document({"oath_term_months": 1},
                   [{"id": "E1", "start": "2024-01-15", "employment": "ambtenaar"}])
    result = integriteit.check(doc, date(2024, 6, 1), rules=[EED])
    text = result.explain(result.findings[0], "en")
    assert ("Policy: Term for the eed or belofte: 1 month after the start of employment, set in "
            "the document (organisation policy, not law). ") in text
    assert "from 20" not in text.split("Policy:")[1].split("Deadline:")[0]


def test_values_without_a_reference_date_are_todays_and_bad_dates_are_a_policy_error() -> None:
    """Found in review: without ``at`` the values were the *latest* period (a future value
    showed as current); string dates set in Python crashed with a TypeError."""
    future = date(date.today().year + 5, 1, 1)
    policy = Policy.resolve(PolicySettings(oath_term_months={future: 3}))
    assert policy.values["oath_term_months"].value == 2
    with pytest.raises(PolicyError, match="must be dates"):
        Policy.resolve(PolicySettings(oath_term_months={"2024-01-01": 3}))  # type: ignore[dict-item]
