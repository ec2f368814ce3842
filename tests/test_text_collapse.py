"""Text output stays readable for a whole ministry: identical messages become one line."""

from __future__ import annotations

import io
from datetime import date

import integriteit
from integriteit.exporters.text import COLLAPSE_AT, write


def _doc(n: int) -> integriteit.Document:
    return integriteit.from_dict({
        "organisation": {"name": "M", "kind": "rijk"},
        "employees": [{"id": f"E{i:03d}", "start": "2024-01-01", "employment": "inhuur"}
                      for i in range(n)]})


def _text(n: int) -> str:
    result = integriteit.check(_doc(n), date(2026, 6, 1), rules=["ambtenarenwet.eed"])
    out = io.StringIO()
    write(result, out, "en")
    return out.getvalue()


def test_many_identical_messages_become_one_line_with_the_count() -> None:
    """Twelve externals with the same reason: one line naming 12 subjects and the first ids."""
    text = _text(12)
    assert "    12 subjects (E000, E001, E002, ...):  Hired external" in text
    assert "\n    E005 " not in text
    assert "Summary: 12 findings of 1 rule over 12 subjects: 12 not applicable." in text


def test_fewer_identical_messages_stay_one_line_each() -> None:
    """Below the threshold every subject keeps its own line."""
    text = _text(COLLAPSE_AT - 1)
    assert text.count("Hired external") == COLLAPSE_AT - 1
    assert "subjects (" not in text
