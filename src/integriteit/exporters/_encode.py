"""Findings as JSON objects, fast: what the ``json`` and ``jsonl`` formats share.

A large run writes millions of findings, most of them alike. The encoder does per run what can
be done per run: each rule's citation and each deadline's explanation are rendered and encoded
once (by identity, keeping the object so its id cannot be reused); findings whose facts are
:func:`~integriteit.engine.shared_facts` are encoded once per rule, status, deadline and
template, and only the subject is encoded per finding. The rest are encoded with msgspec,
whose encoder writes dates as ISO strings.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, BinaryIO

import msgspec

from integriteit._output import write_encoded
from integriteit.exporters._common import json_value
from integriteit.i18n import Lang, Text, formatter
from integriteit.sources import LegalSource, cite_all

if TYPE_CHECKING:
    from integriteit.engine import Explanation, Finding

_NATIVE = frozenset({str, int, float, bool, type(None), date})
"""Fact values written as they are: msgspec encodes them as the JSON exporter always has."""

_CACHE_LIMIT = 4096
"""Distinct shared findings kept encoded; past this the cache starts again (memory stays
bounded whatever a plugin rule does)."""

BATCH = 2048
"""Findings encoded per write."""


class FindingEncoder:
    """Encodes findings in one language as JSON objects (bytes, UTF-8, one line each), with
    the keys of the ``findings`` of ``--format json``: ``rule``, ``subject``, ``status``,
    ``due``, ``message``, ``source``, ``severity``, ``facts``, ``explanation``."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self._en = lang == "en"
        self._encode = msgspec.json.Encoder().encode
        self._rendered: dict[tuple[int, int], tuple[Any, ...]] = {}
        self._formatters: dict[str, Callable[[Mapping[str, Any]], str]] = {}
        self._shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def encode(self, f: Finding) -> bytes:
        """One finding as a JSON object."""
        facts = f.facts
        if type(facts) is MappingProxyType:
            return self._shared_line(f)
        # The rule's citation and the deadline's explanation: once per object (kept, so that
        # its id is not reused while it is cached).
        sources, explanation = f.sources, f.explanation
        hit = self._rendered.get((id(sources), id(explanation)))
        if hit is None or hit[0] is not sources or hit[1] is not explanation:
            hit = self._render(sources, explanation)
        if self._en:
            values = {k: v.en if type(v) is Text else v for k, v in facts.items()}
            template = f.template.en
        else:
            values = {k: v.nl if type(v) is Text else v for k, v in facts.items()}
            template = f.template.nl
        if _NATIVE.issuperset(map(type, values.values())):
            render = self._formatters.get(template)
            if render is None:
                render = self._formatters[template] = formatter(template)
            message = render(values)
        else:  # a value of another kind: converted as the converter does
            message = f.message(self.lang)
            values = {k: json_value(v, self.lang) for k, v in facts.items()}
        return self._encode({"rule": f.rule, "subject": f.subject, "status": f.status,
                             "due": f.due, "message": message, "source": hit[2],
                             "severity": f.severity, "facts": values,
                             "explanation": hit[3]})

    def _render(self, sources: tuple[LegalSource, ...], explanation: Explanation | None
                ) -> tuple[Any, ...]:
        cite = cite_all(sources, self.lang)
        text = explanation.explain(self.lang) if explanation is not None else None
        if len(self._rendered) >= _CACHE_LIMIT:
            self._rendered.clear()
        hit = self._rendered[(id(sources), id(explanation))] = (
            sources, explanation, msgspec.Raw(self._encode(cite)),
            msgspec.Raw(self._encode(text)))
        return hit

    def _shared_line(self, f: Finding) -> bytes:
        """A finding with shared facts: all but the subject encoded once."""
        facts, template, sources, explanation = f.facts, f.template, f.sources, f.explanation
        key = (id(facts), id(template), f.status, f.due, id(sources), id(explanation),
               f.severity, f.rule)
        hit: tuple[Any, ...] | None = self._shared.get(key)
        if hit is None or hit[0] is not facts or hit[1] is not template or (
                hit[2] is not sources) or hit[3] is not explanation:
            whole = self.encode(f._replace(facts=dict(facts), subject=""))
            tail = whole[whole.index(b',"status":'):]
            prefix = whole[:whole.index(b'"subject":') + len(b'"subject":')]
            if len(self._shared) >= _CACHE_LIMIT:
                self._shared.clear()
            hit = self._shared[key] = (facts, template, sources, explanation, prefix, tail)
        line: bytes = hit[4] + self._encode(f.subject) + hit[5]
        return line

    def lines(self, findings: Iterable[Finding], out: BinaryIO, separator: bytes,
              first: bytes = b"") -> int:
        """Write every finding to ``out``: ``first`` before the first, ``separator`` between
        them; return how many there were."""
        return write_encoded(findings, self.encode, out, separator, first)


def text_writer(out: Any) -> tuple[BinaryIO, Callable[[], None]]:
    """A binary stream over the text stream ``out`` (its ``buffer`` when it has one), and
    what to call when done."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None and getattr(out, "encoding", "").lower().replace("-", "") == "utf8":
        out.flush()
        return buffer, buffer.flush
    return typing.cast(BinaryIO, _TextSink(out)), lambda: None


class _TextSink:
    """Bytes written to a text stream (e.g. :class:`io.StringIO`), decoded as UTF-8."""

    def __init__(self, out: Any) -> None:
        self._out = out

    def write(self, data: bytes) -> int:
        self._out.write(data.decode("utf-8"))
        return len(data)


def iter_lines(findings: Iterable[Finding], lang: Lang) -> Iterator[bytes]:
    """Each finding as one JSON line (bytes)."""
    encode = FindingEncoder(lang).encode
    for f in findings:
        yield encode(f)
