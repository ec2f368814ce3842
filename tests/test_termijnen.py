"""Terms and deadlines (``integriteit.termijnen``) and the Algemene termijnenwet calendar.

The calendar is checked against dates written out by hand for 2014-2030: the feestdagen of
Atw art. 3(1)-(2), worked out from the Easter dates below, and the Royal-Decree days of
art. 3(3). The extension cases (art. 1 and 2) and the exclusions (art. 1(2), 4 and 5) are
worked out by hand too; every expected date in this file is a literal, and no test calls
``dateutil.easter``.

Easter Sundays used: 2014-04-20, 2015-04-05, 2016-03-27, 2017-04-16, 2018-04-01, 2019-04-21,
2020-04-12, 2021-04-04, 2022-04-17, 2023-04-09, 2024-03-31, 2025-04-20, 2026-04-05,
2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21. Goede Vrijdag is Easter - 2 days, tweede
Paasdag + 1, Hemelvaartsdag + 39, tweede Pinksterdag + 50.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integriteit.law import termijnenwet as atw
from integriteit.law.termijnenwet import day_off, feestdagen, is_complete, koningsdag
from integriteit.termijnen import Deadline, EndOfMonth, Term, TermOrigin, Unit

D = date.fromisoformat
STATUTE = TermOrigin.STATUTE
ORGANISATION = TermOrigin.ORGANISATION

# --- the calendar, by hand -------------------------------------------------------------------

# Per year, in this order: Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag, Koningsdag, 5 mei,
# Hemelvaartsdag, tweede Pinksterdag, eerste Kerstdag, tweede Kerstdag.
FEESTDAGEN: dict[int, tuple[str, ...]] = {
    2014: ("2014-01-01", "2014-04-18", "2014-04-21", "2014-04-26", "2014-05-05",
           "2014-05-29", "2014-06-09", "2014-12-25", "2014-12-26"),
    2015: ("2015-01-01", "2015-04-03", "2015-04-06", "2015-04-27", "2015-05-05",
           "2015-05-14", "2015-05-25", "2015-12-25", "2015-12-26"),
    # 2016: Hemelvaartsdag falls on 5 May, so the year has one day off fewer.
    2016: ("2016-01-01", "2016-03-25", "2016-03-28", "2016-04-27", "2016-05-05",
           "2016-05-05", "2016-05-16", "2016-12-25", "2016-12-26"),
    2017: ("2017-01-01", "2017-04-14", "2017-04-17", "2017-04-27", "2017-05-05",
           "2017-05-25", "2017-06-05", "2017-12-25", "2017-12-26"),
    2018: ("2018-01-01", "2018-03-30", "2018-04-02", "2018-04-27", "2018-05-05",
           "2018-05-10", "2018-05-21", "2018-12-25", "2018-12-26"),
    2019: ("2019-01-01", "2019-04-19", "2019-04-22", "2019-04-27", "2019-05-05",
           "2019-05-30", "2019-06-10", "2019-12-25", "2019-12-26"),
    2020: ("2020-01-01", "2020-04-10", "2020-04-13", "2020-04-27", "2020-05-05",
           "2020-05-21", "2020-06-01", "2020-12-25", "2020-12-26"),
    2021: ("2021-01-01", "2021-04-02", "2021-04-05", "2021-04-27", "2021-05-05",
           "2021-05-13", "2021-05-24", "2021-12-25", "2021-12-26"),
    2022: ("2022-01-01", "2022-04-15", "2022-04-18", "2022-04-27", "2022-05-05",
           "2022-05-26", "2022-06-06", "2022-12-25", "2022-12-26"),
    2023: ("2023-01-01", "2023-04-07", "2023-04-10", "2023-04-27", "2023-05-05",
           "2023-05-18", "2023-05-29", "2023-12-25", "2023-12-26"),
    2024: ("2024-01-01", "2024-03-29", "2024-04-01", "2024-04-27", "2024-05-05",
           "2024-05-09", "2024-05-20", "2024-12-25", "2024-12-26"),
    2025: ("2025-01-01", "2025-04-18", "2025-04-21", "2025-04-26", "2025-05-05",
           "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"),
    2026: ("2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05",
           "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"),
    2027: ("2027-01-01", "2027-03-26", "2027-03-29", "2027-04-27", "2027-05-05",
           "2027-05-06", "2027-05-17", "2027-12-25", "2027-12-26"),
    2028: ("2028-01-01", "2028-04-14", "2028-04-17", "2028-04-27", "2028-05-05",
           "2028-05-25", "2028-06-05", "2028-12-25", "2028-12-26"),
    2029: ("2029-01-01", "2029-03-30", "2029-04-02", "2029-04-27", "2029-05-05",
           "2029-05-10", "2029-05-21", "2029-12-25", "2029-12-26"),
    2030: ("2030-01-01", "2030-04-19", "2030-04-22", "2030-04-27", "2030-05-05",
           "2030-05-30", "2030-06-10", "2030-12-25", "2030-12-26"),
}
NAMES_NL = ("Nieuwjaarsdag", "Goede Vrijdag", "tweede Paasdag", "Koningsdag", "5 mei",
            "Hemelvaartsdag", "tweede Pinksterdag", "eerste Kerstdag", "tweede Kerstdag")

# Art. 3(3): days made equal to a feestdag by Royal Decree (three decrees, 2017-2019,
# 2023-2025, 2026-2028).
DECREE_DAYS = frozenset(D(x) for x in (
    "2017-04-28", "2017-05-26", "2018-05-11", "2018-12-24", "2018-12-31", "2019-05-31",
    "2019-12-27", "2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30",
    "2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26",
))


@pytest.mark.parametrize("year", sorted(FEESTDAGEN))
def test_feestdagen_of_art_3_lid_1_and_2_match_the_calendar_computed_by_hand(year: int) -> None:
    """feestdagen(year) minus the Royal-Decree days is exactly the art. 3(1)-(2) list."""
    expected = {D(x) for x in FEESTDAGEN[year]}
    assert set(feestdagen(year)) - DECREE_DAYS == expected
    assert {d for d in feestdagen(year) if d in DECREE_DAYS} == {
        d for d in DECREE_DAYS if d.year == year}


@pytest.mark.parametrize("year", sorted(FEESTDAGEN))
def test_each_feestdag_carries_its_name_from_art_3(year: int) -> None:
    """Every hand-computed feestdag is named as in art. 3 (Dutch and English)."""
    days = feestdagen(year)
    for iso, name in zip(FEESTDAGEN[year], NAMES_NL, strict=True):
        if (year, name) == (2016, "5 mei"):
            continue  # Hemelvaartsdag 2016 is on 5 May and carries that name
        assert days[D(iso)].nl.startswith(name)
        assert days[D(iso)].en


def test_hemelvaartsdag_on_5_mei_2016_is_one_day_off() -> None:
    """In 2016 Hemelvaartsdag fell on 5 May: one day off, eight feestdagen in all."""
    assert feestdagen(2016)[D("2016-05-05")].nl == "Hemelvaartsdag"
    assert len(feestdagen(2016)) == 8


@pytest.mark.parametrize(("year", "expected"), [
    (2014, "2014-04-26"), (2015, "2015-04-27"), (2019, "2019-04-27"), (2020, "2020-04-27"),
    (2024, "2024-04-27"), (2025, "2025-04-26"), (2030, "2030-04-27"),
])
def test_koningsdag_is_27_april_or_saturday_26_april_when_27th_is_a_sunday(
        year: int, expected: str) -> None:
    """Koningsdag: 27 April, or 26 April when the 27th is a Sunday (2014, 2025)."""
    assert koningsdag(year) == D(expected)
    assert feestdagen(year)[D(expected)].nl == "Koningsdag"
    if expected.endswith("-26"):
        assert D(expected).weekday() == 5
        assert D(f"{year}-04-27") not in feestdagen(year)


@pytest.mark.parametrize("iso", ["2021-05-05", "2026-05-05", "2027-05-05", "2028-05-05"])
def test_5_mei_is_a_day_off_every_year_not_only_in_lustrum_years(iso: str) -> None:
    """Art. 3(1) names de vijfde mei without condition (the holidays package has it 1 in 5)."""
    assert D(iso).weekday() < 5
    name = day_off(D(iso))
    assert name is not None
    assert (name.nl, name.en) == ("5 mei", "5 May")


def test_goede_vrijdag_is_a_day_off_under_art_3_lid_2() -> None:
    """Goede Vrijdag is treated as a feestdag, citing art. 3(2)."""
    name = day_off(D("2025-04-18"))
    assert name is not None
    assert name.nl == "Goede Vrijdag (art. 3 lid 2)"
    assert name.en == "Good Friday (art. 3(2))"


def test_saturday_and_sunday_are_days_off_and_a_plain_weekday_is_not() -> None:
    """day_off gives the weekday name for a weekend day and None for a working day."""
    saturday, sunday = day_off(D("2026-01-10")), day_off(D("2026-01-11"))
    assert saturday is not None
    assert (saturday.nl, saturday.en) == ("zaterdag", "Saturday")
    assert sunday is not None
    assert (sunday.nl, sunday.en) == ("zondag", "Sunday")
    assert day_off(D("2026-01-12")) is None


@pytest.mark.parametrize("day", sorted(DECREE_DAYS))
def test_royal_decree_days_are_days_off_under_art_3_lid_3(day: date) -> None:
    """Every day made equal to a feestdag by Royal Decree is a day off, citing its decree."""
    assert day.weekday() < 5
    name = day_off(day)
    assert name is not None
    assert "art. 3 lid 3" in name.nl
    assert "art. 3(3)" in name.en
    [decree] = [d for d in atw.DECREES if day in d.days]
    assert decree.citation in name.nl


def test_royal_decree_days_in_the_data_are_the_hand_written_list() -> None:
    """The JSON decrees hold exactly the seventeen days listed here, each in a covered year."""
    assert {d for decree in atw.DECREES for d in decree.days} == DECREE_DAYS
    for decree in atw.DECREES:
        assert decree.citation and decree.confidence and decree.title
        assert {d.year for d in decree.days} <= set(decree.years)


@pytest.mark.parametrize("year", [2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028])
def test_calendar_is_complete_for_years_with_a_royal_decree(year: int) -> None:
    """is_complete is true for the years a decree in the data covers."""
    assert is_complete(year)


@pytest.mark.parametrize("year", [2013, 2014, 2015, 2016, 2020, 2021, 2022, 2029, 2030])
def test_calendar_is_incomplete_for_years_without_a_royal_decree(year: int) -> None:
    """is_complete is false before 2014 and for years no decree in the data covers."""
    assert not is_complete(year)


# --- art. 1: extension to the next working day -----------------------------------------------


def check_extension(start: str, days: int, unextended: str, end: str,
                    reasons: list[str], names: list[tuple[str, str]]) -> Deadline:
    """Check a statutory term in days against hand-computed dates and its explanation."""
    term = Term(days, Unit.DAYS, STATUTE)
    assert term.deadline(D(start)) == D(end)
    result = term.compute(D(start))
    assert result.unextended == D(unextended)
    assert result.end == D(end)
    assert result.calendar_complete
    [step] = result.extensions
    assert step.source is atw.ART_1
    assert step.source.article == "1"
    assert (step.before, step.after) == (D(unextended), D(end))
    assert [d for d, _ in step.reasons] == [D(x) for x in reasons]
    nl, en = result.explain("nl"), result.explain("en")
    for name_nl, name_en in names:
        assert name_nl in nl
        assert name_en in en
    assert "art. 1" in nl
    assert "art. 1" in en
    assert nl.endswith(f"uiterlijk {end}.")
    assert en.endswith(f"deadline {end}.")
    return result


def test_term_ending_on_koningsdag_moves_to_monday() -> None:
    """7 days from 2024-04-20 end on Koningsdag, Saturday 27 April: moved to Monday 29 April."""
    assert D("2024-04-27").weekday() == 5
    check_extension("2024-04-20", 7, "2024-04-27", "2024-04-29",
                    ["2024-04-27", "2024-04-28"], [("Koningsdag", "King's Day"),
                                                   ("zondag", "Sunday")])


def test_term_ending_on_5_mei_in_a_non_lustrum_year_moves_to_next_day() -> None:
    """7 days from 2026-04-28 end on Tuesday 5 May 2026: moved to Wednesday 6 May."""
    assert D("2026-05-05").weekday() == 1
    check_extension("2026-04-28", 7, "2026-05-05", "2026-05-06",
                    ["2026-05-05"], [("5 mei", "5 May")])


def test_term_ending_on_goede_vrijdag_moves_past_easter_to_tuesday() -> None:
    """7 days from 2025-04-11 end on Goede Vrijdag: past Easter and tweede Paasdag to 22 April."""
    assert D("2025-04-22").weekday() == 1
    check_extension("2025-04-11", 7, "2025-04-18", "2025-04-22",
                    ["2025-04-18", "2025-04-19", "2025-04-20", "2025-04-21"],
                    [("Goede Vrijdag", "Good Friday"), ("zaterdag", "Saturday"),
                     ("zondag", "Sunday"), ("tweede Paasdag", "Easter Monday")])


def test_term_ending_on_eerste_kerstdag_moves_past_christmas_and_weekend() -> None:
    """7 days from 2025-12-18 end on Christmas Day: past 26, 27, 28 Dec to Monday 29 Dec."""
    assert D("2025-12-29").weekday() == 0
    check_extension("2025-12-18", 7, "2025-12-25", "2025-12-29",
                    ["2025-12-25", "2025-12-26", "2025-12-27", "2025-12-28"],
                    [("eerste Kerstdag", "Christmas Day"), ("tweede Kerstdag", "Boxing Day")])


def test_term_ending_on_royal_decree_day_moves_to_monday() -> None:
    """7 days from 2024-12-20 end on decree day Friday 27 Dec 2024: moved to Monday 30 Dec."""
    assert D("2024-12-30").weekday() == 0
    check_extension("2024-12-20", 7, "2024-12-27", "2024-12-30",
                    ["2024-12-27", "2024-12-28", "2024-12-29"],
                    [("met een feestdag gelijkgesteld (Stcrt. 2022, 7812, art. 3 lid 3)",
                      "made equal to a feestdag (Stcrt. 2022, 7812, art. 3(3))")])


def test_term_ending_on_hemelvaartsdag_moves_past_decree_friday_and_weekend() -> None:
    """7 days from 2026-05-07 end on Hemelvaartsdag; 15 May is a decree day: to Monday 18 May."""
    assert D("2026-05-14").weekday() == 3
    check_extension("2026-05-07", 7, "2026-05-14", "2026-05-18",
                    ["2026-05-14", "2026-05-15", "2026-05-16", "2026-05-17"],
                    [("Hemelvaartsdag", "Ascension Day"), ("Stcrt. 2025, 24713", "24713")])


def test_term_ending_on_a_working_day_is_not_extended() -> None:
    """A statutory term ending on a plain working day keeps its end and has no steps."""
    result = Term(7, Unit.DAYS, STATUTE).compute(D("2026-01-05"))
    assert (result.unextended, result.end, result.extensions) == (
        D("2026-01-12"), D("2026-01-12"), ())
    assert "Algemene termijnenwet applies (art. 1 and 2)" in result.explain("en")


def test_three_month_statutory_term_ending_on_saturday_at_month_end_moves_to_monday() -> None:
    """2025-11-30 + 3 months = Saturday 2026-02-28 (February clamps), moved to Monday 2 March."""
    term = Term(3, Unit.MONTHS, STATUTE)
    result = term.compute(D("2025-11-30"))
    assert result.unextended == D("2026-02-28")
    assert result.unextended.weekday() == 5
    assert result.end == D("2026-03-02")
    assert [s.source for s in result.extensions] == [atw.ART_1]
    assert term.deadline(D("2025-05-31")) == D("2025-09-01")  # 31 Aug 2025 is a Sunday


# --- art. 2: at least two working days -------------------------------------------------------


def test_three_day_term_over_christmas_gets_a_second_working_day_under_art_2() -> None:
    """3 days from Wed 2025-12-24: art. 1 to Monday 29th (one working day), art. 2 to 30th."""
    result = Term(3, Unit.DAYS, STATUTE).compute(D("2025-12-24"))
    assert result.unextended == D("2025-12-27")
    assert result.end == D("2025-12-30")
    art1, art2 = result.extensions
    assert (art1.source, art1.before, art1.after) == (atw.ART_1, D("2025-12-27"), D("2025-12-29"))
    assert (art2.source, art2.before, art2.after) == (atw.ART_2, D("2025-12-29"), D("2025-12-30"))
    assert "at least two working days" in result.explain("en")
    assert "art. 2" in result.explain("en")
    assert "ten minste twee werkdagen" in result.explain("nl")


def test_three_day_term_from_friday_gets_a_second_working_day_under_art_2() -> None:
    """3 days from Friday 2026-01-09 hold Sat, Sun, Mon: art. 2 alone extends to Tuesday 13th."""
    result = Term(3, Unit.DAYS, STATUTE).compute(D("2026-01-09"))
    assert result.unextended == D("2026-01-12")
    assert result.end == D("2026-01-13")
    [step] = result.extensions
    assert (step.source, step.before, step.after) == (atw.ART_2, D("2026-01-12"), D("2026-01-13"))


def test_art_2_does_not_apply_to_a_term_under_three_days() -> None:
    """2 days from Friday 2026-01-09 end Sunday: art. 1 to Monday, and no art. 2 step."""
    result = Term(2, Unit.DAYS, STATUTE).compute(D("2026-01-09"))
    assert result.end == D("2026-01-12")
    assert [s.source for s in result.extensions] == [atw.ART_1]


# --- art. 1(2), 4 and 5: terms that are never extended ----------------------------------------


@pytest.mark.parametrize(("term", "start"), [
    (Term(4, Unit.MONTHS, STATUTE), "2025-10-28"),
    (Term(91, Unit.DAYS, STATUTE), "2025-11-29"),
    (Term(13, Unit.WEEKS, STATUTE), "2025-11-29"),
])
def test_term_over_three_months_90_days_or_12_weeks_is_not_extended_under_art_4(
        term: Term, start: str) -> None:
    """A term over 3 months, 90 days or 12 weeks ending on Saturday 2026-02-28 stays there."""
    result = term.compute(D(start))
    assert result.unextended == result.end == D("2026-02-28")
    assert result.extensions == ()
    assert term.deadline(D(start)) == D("2026-02-28")
    assert not term.atw_applies
    assert "(art. 4)" in result.explain("en")
    assert "(art. 4)" in result.explain("nl")


@pytest.mark.parametrize(("term", "start"), [
    (Term(3, Unit.MONTHS, STATUTE), "2025-11-30"),
    (Term(90, Unit.DAYS, STATUTE), "2025-11-30"),
    (Term(12, Unit.WEEKS, STATUTE), "2025-12-06"),
])
def test_term_of_exactly_three_months_90_days_or_12_weeks_is_extended(
        term: Term, start: str) -> None:
    """At the art. 4 limit itself the Atw still applies: Saturday 2026-02-28 -> 2026-03-02."""
    result = term.compute(D(start))
    assert result.unextended == D("2026-02-28")
    assert result.end == D("2026-03-02")


def test_backwards_term_is_not_extended_under_art_1_lid_2() -> None:
    """7 days before 2024-05-04 is Koningsdag, Saturday 27 April, and stays there."""
    term = Term(7, Unit.DAYS, STATUTE, backwards=True)
    result = term.compute(D("2024-05-04"))
    assert result.unextended == result.end == D("2024-04-27")
    assert result.extensions == ()
    assert "art. 1(2)" in result.explain("en")
    assert result.explain("en").startswith("7 days before 2024-05-04 = 2024-04-27")


def test_organisation_term_is_not_extended() -> None:
    """A term set by the employer ending on Koningsdag, a Saturday, stays on that Saturday."""
    term = Term(7, Unit.DAYS, ORGANISATION)
    result = term.compute(D("2024-04-20"))
    assert result.unextended == result.end == D("2024-04-27")
    assert result.extensions == ()
    assert result.calendar_complete
    assert "not a statutory term" in result.explain("en")
    assert "geen wettelijke termijn" in result.explain("nl")


def test_oath_term_of_two_months_ending_on_saturday_is_not_extended() -> None:
    """The oath term is organisation policy: 2026-03-02 + 2 months = Saturday 2 May, kept."""
    assert Term.of_months(2, ORGANISATION).deadline(D("2026-03-02")) == D("2026-05-02")


def test_negative_term_is_rejected() -> None:
    """A term cannot be negative; count backwards with backwards=True instead."""
    with pytest.raises(ValueError, match="negative"):
        Term(-1, Unit.DAYS, STATUTE)


# --- month arithmetic ------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "months", "expected"), [
    ("2024-01-31", 1, "2024-02-29"),
    ("2023-01-31", 1, "2023-02-28"),
    ("2023-12-31", 2, "2024-02-29"),
    ("2024-08-31", 1, "2024-09-30"),
    ("2024-04-30", 2, "2024-06-30"),
])
def test_last_day_policy_clamps_to_the_end_of_a_shorter_month(
        start: str, months: int, expected: str) -> None:
    """LAST_DAY (the default): the same day number, else the target month's last day."""
    term = Term(months, Unit.MONTHS, ORGANISATION)
    assert term.end_of_month is EndOfMonth.LAST_DAY
    assert term.deadline(D(start)) == D(expected)


@pytest.mark.parametrize(("start", "months", "expected"), [
    ("2023-01-31", 1, "2023-03-01"),
    ("2024-01-31", 1, "2024-03-01"),
    ("2024-01-30", 1, "2024-03-01"),
    ("2024-01-15", 1, "2024-02-15"),
    ("2023-03-31", 1, "2023-05-01"),
])
def test_next_day_policy_rolls_to_the_first_of_the_next_month(
        start: str, months: int, expected: str) -> None:
    """NEXT_DAY: the same day number, else the day after the shorter month's last day."""
    term = Term(months, Unit.MONTHS, ORGANISATION, EndOfMonth.NEXT_DAY)
    assert term.deadline(D(start)) == D(expected)


def test_explanation_names_the_end_of_month_policy() -> None:
    """A month term's explanation says which end-of-month policy was used."""
    last = Term(1, Unit.MONTHS, ORGANISATION).compute(D("2023-01-31"))
    nxt = Term(1, Unit.MONTHS, ORGANISATION, EndOfMonth.NEXT_DAY).compute(D("2023-01-31"))
    assert "same day number, else the last day of the month" in last.explain("en")
    assert "anders de laatste dag van de maand" in last.explain("nl")
    assert "same day number, else the first day of the next month" in nxt.explain("en")
    assert "anders de eerste dag van de volgende maand" in nxt.explain("nl")
    assert "month arithmetic" not in Term(7, Unit.DAYS, STATUTE).compute(
        D("2026-01-05")).explain("en")


def test_weeks_count_seven_days_each() -> None:
    """2 weeks from Monday 2026-01-05 end on Monday 2026-01-19."""
    assert Term(2, Unit.WEEKS, STATUTE).deadline(D("2026-01-05")) == D("2026-01-19")


# --- incomplete calendars --------------------------------------------------------------------


def test_explanation_warns_when_royal_decree_days_may_be_missing() -> None:
    """A statutory deadline in 2021 (no decree in the data) says days may be missing."""
    result = Term(7, Unit.DAYS, STATUTE).compute(D("2021-03-01"))
    assert not result.calendar_complete
    assert "note: for 2021, days made equal by Royal Decree may be missing (art. 3(3); known " \
        "for 2017–2019 and 2023–2028)" in result.explain("en")
    assert "let op: voor 2021 zijn mogelijk niet alle" in result.explain("nl")


def test_calendar_complete_is_false_when_art_2_counts_days_of_an_incomplete_year() -> None:
    """3 days from 2022-12-29: art. 2 relies on Fri 30 Dec 2022 being a working day."""
    result = Term(3, Unit.DAYS, STATUTE).compute(D("2022-12-29"))
    # Art. 1: Sunday 1 Jan 2023 (Nieuwjaarsdag) -> Monday 2 Jan. Art. 2 finds two working days,
    # 30 Dec 2022 and 2 Jan 2023; were 30 Dec a decree day, the end would be 3 Jan.
    assert result.end == D("2023-01-02")
    assert not result.calendar_complete


# --- properties ------------------------------------------------------------------------------

STARTS = st.dates(min_value=date(2014, 1, 1), max_value=date(2030, 12, 31))
EOM = st.sampled_from(EndOfMonth)


def terms(origin: TermOrigin, days: tuple[int, int], weeks: tuple[int, int],
          months: tuple[int, int], backwards: bool = False) -> st.SearchStrategy[Term]:
    """Terms of one origin with amounts in the given ranges (inclusive)."""
    return st.one_of(
        st.builds(Term, st.integers(*days), st.just(Unit.DAYS), st.just(origin),
                  backwards=st.just(backwards)),
        st.builds(Term, st.integers(*weeks), st.just(Unit.WEEKS), st.just(origin),
                  backwards=st.just(backwards)),
        st.builds(Term, st.integers(*months), st.just(Unit.MONTHS), st.just(origin), EOM,
                  backwards=st.just(backwards)),
    )


ATW_TERMS = terms(STATUTE, (1, 90), (1, 12), (1, 3))
LONG_TERMS = terms(STATUTE, (91, 400), (13, 60), (4, 24))
ORGANISATION_TERMS = terms(ORGANISATION, (0, 400), (0, 60), (0, 24))
BACKWARD_TERMS = terms(STATUTE, (0, 90), (0, 12), (0, 3), backwards=True)


@given(ATW_TERMS, STARTS)
def test_extended_deadline_is_a_working_day_on_or_after_the_plain_end(
        term: Term, start: date) -> None:
    """A statutory term up to 3 months ends on a working day, not before, and at most 10 later."""
    result = term.compute(start)
    assert result.end >= result.unextended
    assert result.end - result.unextended <= timedelta(days=10)
    assert day_off(result.end) is None
    assert result.end.weekday() < 5
    assert result.end not in feestdagen(result.end.year)
    assert term.deadline(start) == result.end
    assert (result.end == result.unextended) == (result.extensions == ())


@given(ATW_TERMS, STARTS)
def test_term_of_three_days_or_more_contains_two_working_days(term: Term, start: date) -> None:
    """Art. 2: a statutory term of at least 3 days ends with at least 2 working days in it."""
    result = term.compute(start)
    if (result.unextended - start).days >= 3:
        span = (result.end - start).days
        working = [start + timedelta(days=i) for i in range(1, span + 1)
                   if day_off(start + timedelta(days=i)) is None]
        assert len(working) >= 2


@given(LONG_TERMS, STARTS)
def test_term_over_three_months_is_never_extended(term: Term, start: date) -> None:
    """Art. 4: over 3 months (4-24), 90 days (91-400) or 12 weeks (13-60): no extension."""
    result = term.compute(start)
    assert term.deadline(start) == result.end == result.unextended
    assert result.extensions == ()


@given(ORGANISATION_TERMS, STARTS)
def test_organisation_term_is_never_extended(term: Term, start: date) -> None:
    """Art. 1 and 5 cover only wet and AMvB terms: an employer's term keeps its plain end."""
    result = term.compute(start)
    assert term.deadline(start) == result.end == result.unextended
    assert result.extensions == ()
    assert result.calendar_complete


@given(BACKWARD_TERMS, STARTS)
def test_backwards_term_is_never_extended(term: Term, start: date) -> None:
    """Art. 1(2): a term counted backwards keeps its plain end, on or before the start."""
    result = term.compute(start)
    assert term.deadline(start) == result.end == result.unextended <= start
    assert result.extensions == ()


@given(ATW_TERMS, STARTS)
def test_a_deadline_has_the_calendar_caveat_iff_its_calendar_is_incomplete(
        term: Term, start: date) -> None:
    """Atw art. 3(3): ``atw.calendar_incomplete`` exactly when a year from the start to the
    deadline has no known Royal Decree; its message names those years."""
    result = term.compute(start)
    missing = [y for y in range(start.year, result.end.year + 1) if not is_complete(y)]
    assert result.incomplete_years == tuple(missing)
    assert [c.code for c in result.caveats] == ["atw.calendar_incomplete"] * bool(missing)
    assert result.calendar_complete == (not missing)
    for year in missing:
        assert str(year) in result.caveats[0].text("nl")
