"""Exporters: a check result written in one format. One module per format, one signature.

An :class:`Exporter` wraps a plain function ``write(result, out, lang)`` that writes the result to
the text stream ``out``. Built-in formats: ``text`` (for people), ``json`` and ``jsonl`` (for
systems; both can stream). Plugins
add more with :meth:`integriteit.plugins.Registry.add_exporter`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, TextIO

from attrs import frozen

from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, FindingStream

WriteFn = Callable[["CheckResult", TextIO, Lang], None]
StreamFn = Callable[["FindingStream", BinaryIO, Lang], None]


@frozen
class Exporter:
    """A named output format."""

    name: str
    description: Text
    write: WriteFn
    write_explained: WriteFn | None = None
    """The variant used with ``--explain``, when the format has one; JSON always explains."""
    stream: StreamFn | None = None
    """For formats that can write findings as they are made: ``stream(run, out, lang)`` reads
    the :class:`~integriteit.engine.FindingStream` once and writes UTF-8 bytes to ``out``.
    With it, a check of a large HR export needs no memory for its findings."""
