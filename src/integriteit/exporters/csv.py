"""The ``csv`` format: one row per finding, for spreadsheets and systems, streamed.

Columns (the header is the same in both languages; systems read it): ``rule``, ``subject``,
``status``, ``due`` (ISO date, empty without a deadline), ``severity``, ``message`` (in the
chosen language, its dates ISO as in JSON), ``source`` (the citation), ``waiver_until``,
``waived_status`` (for a finding a waiver suspends: until when, and the status it would have
had) and ``caveats`` (the codes of what limits the deadline, e.g. ``atw.calendar_incomplete``,
space-separated). Findings come in the order of ``--format jsonl``.

Two dialects (:data:`DIALECTS`): ``rfc4180`` (the default: comma, CRLF line ends, UTF-8) and
``excel-nl`` (semicolon, CRLF, UTF-8 with a byte order mark, as Excel with Dutch regional
settings opens by a double click). A cell that a spreadsheet would take for a formula (it
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe:
ids and messages come from the document; and every cell is on one line (control characters
and line separators escaped), so a row is a line. The dialect is chosen with
``--csv-dialect`` or, in Python, :func:`write` / :func:`stream` with ``dialect``; a run
without either uses :func:`csv_dialect` (``rfc4180`` unless set with :func:`csv_dialect_as`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, BinaryIO, Literal, TextIO

from integriteit.engine import caveats_of
from integriteit.errors import one_line
from integriteit.exporters import Exporter
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding, FindingStream
    from integriteit.plugins import Registry

Dialect = Literal["rfc4180", "excel-nl"]

DIALECTS: dict[str, tuple[str, bool]] = {"rfc4180": (",", False), "excel-nl": (";", True)}
"""Per dialect: the delimiter, and whether the file starts with a UTF-8 byte order mark."""

HEADER = ("rule", "subject", "status", "due", "severity", "message", "source", "waiver_until",
          "waived_status", "caveats")

_FORMULA = ("=", "+", "-", "@", "\t", "\r")

_DIALECT: ContextVar[Dialect] = ContextVar("integriteit_csv_dialect", default="rfc4180")


def csv_dialect() -> Dialect:
    """The dialect of a run that does not name one (``rfc4180`` unless :func:`csv_dialect_as`
    says otherwise)."""
    return _DIALECT.get()


@contextmanager
def csv_dialect_as(dialect: Dialect) -> Iterator[None]:
    """Within the block, the ``csv`` format writes ``dialect`` (the CLI's ``--csv-dialect``)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r} (known: {', '.join(DIALECTS)})")
    token = _DIALECT.set(dialect)
    try:
        yield
    finally:
        _DIALECT.reset(token)


def cell(value: object) -> str:
    r"""A cell on one line that no spreadsheet runs as a formula: control characters and line
    separators escaped (:func:`~integriteit.errors.one_line`: a row is a line), and text
    starting with ``= + - @``, a tab or a carriage return given a leading apostrophe.

    >>> cell("=HYPERLINK(1)"), cell("P001"), cell(None), cell("a\nb")
    ("'=HYPERLINK(1)", 'P001', '', 'a\\nb')
    """
    text = "" if value is None else one_line(str(value))
    return "'" + text if text.startswith(_FORMULA) else text


def row(f: Finding, lang: Lang) -> list[str]:
    """One finding as the cells of its row (see :data:`HEADER`)."""
    facts = f.facts
    until = facts.get("waiver_until")
    waived = facts.get("waived_status")
    caveats = " ".join(c.code for c in caveats_of(f.explanation))
    return [cell(v) for v in (
        f.rule, f.subject, f.status.value, f.due.isoformat() if f.due else "",
        f.severity.value, f.message(lang), f.source(lang),
        until.isoformat() if hasattr(until, "isoformat") else until, waived, caveats)]


def _rows(findings: Iterable[Finding], out: TextIO, lang: Lang, dialect: Dialect) -> None:
    delimiter, bom = DIALECTS[dialect]
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    batch: list[list[str]] = []
    for f in findings:
        batch.append(row(f, lang))
        if len(batch) >= 2048:
            writer.writerows(batch)
            batch.clear()
    writer.writerows(batch)


def write(result: CheckResult, out: TextIO, lang: Lang, dialect: Dialect | None = None
          ) -> None:
    """Write the findings of ``result`` as CSV in ``dialect`` (default: :func:`csv_dialect`)."""
    _rows(result.findings, out, lang, dialect or csv_dialect())


def stream(run: FindingStream, out: BinaryIO, lang: Lang, dialect: Dialect | None = None
           ) -> None:
    """Write the findings of a streamed check as CSV (UTF-8) as they are made: with employees
    streamed from an HR export, memory stays bounded whatever their number."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        _rows(run, text, lang, dialect or csv_dialect())
        text.flush()
    finally:
        text.detach()


def register(registry: Registry) -> None:
    """Plugin hook: the ``csv`` exporter."""
    registry.add_exporter(Exporter(
        "csv", Text("CSV: één rij per bevinding, voor spreadsheets en systemen, gestreamd",
                    "CSV: one row per finding, for spreadsheets and systems, streamed"),
        write, stream=stream))
