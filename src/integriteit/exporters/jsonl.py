"""The ``jsonl`` format: JSON Lines, one finding a line, written as the findings are made.

Each line is one object with the keys of the ``findings`` of ``--format json``: ``rule``,
``subject``, ``status``, ``due``, ``message``, ``source``, ``severity``, ``facts``,
``explanation`` and ``caveats``. There is no header: the organisation's and the register's
findings come first, then each employee's (every employee rule for one employee together).
With employees streamed from an HR export, memory stays bounded whatever their number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO, TextIO

from integriteit.exporters import Exporter
from integriteit.exporters._encode import FindingEncoder, text_writer
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, FindingStream
    from integriteit.plugins import Registry


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write the findings of ``result``, one JSON object a line."""
    sink, done = text_writer(out)
    if FindingEncoder(lang).lines(result.findings, sink, b"\n"):
        sink.write(b"\n")
    done()


def stream(run: FindingStream, out: BinaryIO, lang: Lang) -> None:
    """Write the findings of a streamed check as they are made, one JSON object a line."""
    if FindingEncoder(lang).lines(run, out, b"\n"):
        out.write(b"\n")


def register(registry: Registry) -> None:
    """Plugin hook: the ``jsonl`` exporter."""
    registry.add_exporter(Exporter(
        "jsonl", Text("JSON Lines voor systemen: één bevinding per regel, gestreamd",
                      "JSON Lines for systems: one finding a line, streamed"),
        write, stream=stream))
