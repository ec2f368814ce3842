"""What several exporters share: status labels and order, JSON-ready values."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from integriteit.caveats import Caveat
from integriteit.engine import STATUS_WORDS, Status
from integriteit.errors import one_line
from integriteit.i18n import Lang, Text
from integriteit.io import converter

STATUS_ORDER: tuple[Status, ...] = (
    Status.ERROR,
    Status.OVERDUE,
    Status.INVALID,
    Status.LATE,
    Status.DUE,
    Status.UNKNOWN,
    Status.WAIVED,
    Status.OK,
    Status.NOT_APPLICABLE,
)
"""The order findings are shown to people: what needs action first."""

STATUS_LABELS: dict[Status, Text] = {
    Status.ERROR: Text("Fout in de regel: niet beoordeeld", "Rule failed: not assessed"),
    Status.OVERDUE: Text("Termijn verstreken", "Overdue"),
    Status.INVALID: Text("Ongeldige gegevens", "Invalid data"),
    Status.LATE: Text("Te laat", "Late"),
    Status.DUE: Text("Nog te doen, binnen de termijn", "Due, within the term"),
    Status.UNKNOWN: Text("Onbekend: feiten ontbreken", "Unknown: facts missing"),
    Status.WAIVED: Text("Uitgesteld (ontheffing)", "Waived"),
    Status.OK: Text("In orde", "OK"),
    Status.NOT_APPLICABLE: Text("Niet van toepassing", "Not applicable"),
}


_PLAIN = (str, int, float, bool, type(None))


def json_value(value: object, lang: Lang) -> Any:
    """A fact value as JSON: dates in ISO form, texts in ``lang``, the rest via the converter."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Text):
        return value.get(lang)
    return converter.unstructure(value)


def caveats_to_json(caveats: Iterable[Caveat], lang: Lang) -> list[dict[str, str]]:
    """Caveats as in the ``caveats`` of a finding: ``{"code": ..., "message": ...}`` each,
    the message in ``lang``."""
    return [{"code": c.code, "message": c.message.get(lang)} for c in caveats]


_MARKDOWN = {ord(c): "\\" + c for c in "\\`*_[]<>#!|~"}
"""What Markdown reads inside a line (emphasis, code, links, HTML, table cells, a heading's
closing ``#``); ``-``, ``+`` and ``.`` matter only at the start of a line, where a document
string never stands."""


def markdown_inline(text: str) -> str:
    """A document string (an organisation's name, an id) as Markdown text that shows as it is
    written: one line, control characters escaped, Markdown's own characters backslashed, so
    that it cannot open a heading, a table cell, a link or a list.

    >>> print(markdown_inline("Zuid-Holland | # X [y](z)"))
    Zuid-Holland \\| \\# X \\[y\\](z)
    """
    return one_line(text).translate(_MARKDOWN)


_SEPARATORS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_SEPARATORS_UTF8 = [(k.encode()[-1:], k.encode(), v.encode()) for k, v in _SEPARATORS.items()]


def json_text(value: Any, indent: int | None = 1) -> str:
    """``value`` as JSON text for people and systems: non-ASCII as it is, but the characters
    a line-based reader takes for a line break (U+2028, U+2029, U+0085; JSON allows them raw
    in a string) escaped, so every line of the output is a line of the JSON."""
    return json_separators_escaped(json.dumps(value, ensure_ascii=False, indent=indent))


def json_separators_escaped(text: str) -> str:
    """JSON text with U+2028, U+2029 and U+0085 escaped (they occur only inside strings)."""
    for raw, escaped in _SEPARATORS.items():
        if raw in text:
            text = text.replace(raw, escaped)
    return text


def json_bytes_separators_escaped(data: bytes) -> bytes:
    """As :func:`json_separators_escaped`, for UTF-8 JSON (each of the three is a byte
    sequence that cannot occur inside another character's)."""
    for last, raw, escaped in _SEPARATORS_UTF8:
        # One byte is found with memchr, at memory speed; the three-byte search is slower
        # than that (a quote or a dash in the text defeats its skipping: 0.5 s on 300 MB),
        # so it runs only where the sequence's last byte occurs (rare: è, é, Å).
        if last in data and raw in data:
            data = data.replace(raw, escaped)
    return data


_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}

NEEDS_ACTION: frozenset[Status] = frozenset(
    {Status.ERROR, Status.OVERDUE, Status.INVALID, Status.LATE, Status.DUE})
"""The statuses that ask someone to act (the rest: facts missing, waived, in order, not
applicable)."""


def by_rule(rules: Iterable[Any], findings: Iterable[Any]) -> list[tuple[Any, list[Any]]]:
    """The findings per rule, for people: the rules whose findings need action most first
    (then in the run's order), and within a rule by status (:data:`STATUS_ORDER`), deadline
    and subject. Rules without findings are left out."""
    grouped: dict[str, list[Any]] = {}
    for f in findings:
        grouped.setdefault(f.rule, []).append(f)
    order = {r.id: i for i, r in enumerate(rules)}
    known = {r.id: r for r in rules}
    out = []
    for rule_id, items in grouped.items():
        items.sort(key=lambda f: (_RANK.get(f.status, len(_RANK)),
                                  f.due.isoformat() if f.due else "", f.subject))
        out.append((known.get(rule_id), items))
    out.sort(key=lambda pair: (_RANK.get(pair[1][0].status, len(_RANK)),
                               order.get(pair[1][0].rule, len(order))))
    return out


def counts_in_words(counts: dict[Status, int], lang: Lang) -> str:
    """The counts per status in running text, what needs action first: ``5 verstreken, 1
    ongeldig`` (statuses without findings left out; ``-`` when there are none)."""
    return ", ".join(f"{counts[s]} {STATUS_WORDS[s].get(lang)}" for s in STATUS_ORDER
                     if counts[s]) or "-"


def statuses_in_words(statuses: Iterable[Status], lang: Lang) -> str:
    """Statuses in running text, in :data:`STATUS_ORDER`: ``verstreken, binnen de termijn``."""
    chosen = frozenset(statuses)
    return ", ".join(STATUS_WORDS[s].get(lang) for s in STATUS_ORDER if s in chosen)
