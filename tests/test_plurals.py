"""Counts in words (issue 12): "1 dag", "3 dagen", "vandaag is de laatste dag"; no "dag(en)"."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

import integriteit
from integriteit.i18n import formatter, plural
from integriteit.plugins import default_registry


@given(st.integers(0, 10**6))
def test_plural_picks_the_form_by_the_number(n: int) -> None:
    assert plural(n, "dag|dagen") == (f"{n} dag" if n == 1 else f"{n} dagen")
    three = plural(n, "vandaag|nog # dag|nog # dagen")
    assert three == ("vandaag" if n == 0 else "nog 1 dag" if n == 1 else f"nog {n} dagen")
    assert formatter("{n:day|days} left")({"n": n}) == plural(n, "day|days") + " left"


def _oath(start: date, at: date, lang: str) -> str:
    doc = integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente"},
                                 "employees": [{"id": "E1", "start": start.isoformat(),
                                                "employment": "ambtenaar"}]})
    [f] = integriteit.check(doc, at, rules=["ambtenarenwet.eed"]).findings
    return f.message(lang)  # type: ignore[arg-type]


def test_the_edges_of_the_term_say_today_tomorrow_and_yesterday() -> None:
    """On the deadline itself: not "nog 0 dag(en)" but that today is the last day; the day
    before, that tomorrow is; the day after, that it ended yesterday."""
    start, deadline = date(2026, 3, 2), date(2026, 5, 2)
    assert _oath(start, deadline, "nl").endswith("; vandaag is de laatste dag).")
    assert _oath(start, deadline, "en").endswith("; today is the last day).")
    assert _oath(start, deadline - timedelta(days=1), "nl").endswith(
        "; morgen is de laatste dag).")
    assert _oath(start, deadline - timedelta(days=1), "en").endswith(
        "; tomorrow is the last day).")
    assert _oath(start, deadline - timedelta(days=2), "en").endswith("; 2 days left).")
    assert _oath(start, deadline - timedelta(days=2), "nl").endswith("; nog 2 dagen).")
    assert _oath(start, deadline + timedelta(days=1), "nl").endswith("; gisteren).")
    assert _oath(start, deadline + timedelta(days=1), "en").endswith("; yesterday).")
    assert _oath(start, deadline + timedelta(days=2), "en").endswith("; 2 days ago).")


def test_json_messages_have_the_same_words_as_the_api() -> None:
    """The fast JSON encoder renders plural fields as Finding.message does."""
    doc = integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente"},
                                 "employees": [{"id": f"E{i}", "start": "2026-03-02",
                                                "employment": "ambtenaar"} for i in range(3)]})
    for at in (date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3), date(2026, 6, 1)):
        result = integriteit.check(doc, at, rules=["ambtenarenwet.eed"])
        for lang in ("nl", "en"):
            out = io.StringIO()
            default_registry().exporter("json").write(result, out, lang)
            messages = [f["message"] for f in json.loads(out.getvalue())["findings"]]
            assert messages == [f.message(lang) for f in result.findings]


def test_text_summary_and_subjects_in_dutch() -> None:
    """The text summary counts with Dutch words, the organisation is "organisatie"."""
    doc = integriteit.from_dict({"organisation": {"name": "G", "kind": "gemeente"},
                                 "employees": [{"id": "E1", "start": "2026-03-02",
                                                "employment": "ambtenaar"}]})
    result = integriteit.check(doc, date(2026, 6, 1),
                               rules=["ambtenarenwet.eed", "ambtenarenwet.gedragscode"])
    out = io.StringIO()
    default_registry().exporter("text").write(result, out, "nl")
    text = out.getvalue()
    assert text.rstrip().endswith(
        "Samenvatting: 2 bevindingen van 2 regels over 2 onderwerpen: 1 verstreken, "
        "1 onbekend.")
    assert "    organisatie " in text and "organisation" not in text
    for english in ("overdue,", "unknown.", "(s)", "(en)"):
        assert english not in text.splitlines()[-1]


def test_a_plural_field_next_to_a_format_spec() -> None:
    """A template with a plural field and a field with another spec (a plugin's) renders
    both, by the slower general way."""
    assert formatter("{n:dag|dagen}, {x:>4}, {y!r}")({"n": 2, "x": "a", "y": "b"}) == (
        "2 dagen,    a, 'b'")
    assert formatter("{a[0]}: {n:vandaag|nog # dag|nog # dagen}")({"a": [7], "n": 0}) == (
        "7: vandaag")
