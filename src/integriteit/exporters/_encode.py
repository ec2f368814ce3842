"""Findings as JSON objects, fast: what the ``json`` and ``jsonl`` formats share.

A large run writes millions of findings, most of them alike. The encoder does per run what can
be done per run: each rule's citation and each deadline's explanation and caveats are rendered
and encoded once (by identity, keeping the object so its id cannot be reused); findings whose
facts are :func:`~integriteit.engine.shared_facts` are encoded once per rule, facts and
template (and status, deadline, sources, explanation, compared on each use), and only the
subject is encoded per finding. The rest are encoded with msgspec, whose encoder writes dates
as ISO strings.
"""

from __future__ import annotations

import codecs
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO

import msgspec

from integriteit._output import write_encoded
from integriteit.engine import FindingStream, SharedFacts, caveats_of
from integriteit.exporters._common import (
    caveats_to_json,
    json_bytes_separators_escaped,
    json_value,
)
from integriteit.i18n import Lang, Phrase, Text, formatter, plain_template
from integriteit.sources import LegalSource, cite_all

if TYPE_CHECKING:
    from integriteit.engine import Explanation, Finding

_NATIVE = frozenset({str, int, float, bool, type(None), date})
"""Fact values written as they are: msgspec encodes them as the JSON exporter always has (a
date as ISO text), and a template renders them as the text it would render anyway (a date as
ISO text)."""


class _Other(Exception):
    """A fact value that is not plain, a date or a text."""


def _other(value: object) -> Any:
    raise _Other


def _general(values: Mapping[str, Any]) -> str:  # pragma: no cover - a marker, never called
    raise NotImplementedError


_GENERAL: Callable[[Mapping[str, Any]], str] = _general


class _Line(msgspec.Struct):
    """A finding as written: the keys of the ``findings`` of ``--format json``, in order."""

    rule: str
    subject: str
    status: str
    due: date | None
    message: str
    source: msgspec.Raw
    severity: str
    facts: dict[str, Any]
    explanation: msgspec.Raw
    caveats: msgspec.Raw

_NO_CAVEATS = b"[]"

_CACHE_LIMIT = 4096
"""Distinct shared findings kept encoded; past this the cache starts again (memory stays
bounded whatever a plugin rule does)."""

_DATES_KEPT = 65_536
"""Dates whose ISO text is kept (about 180 years of days; past this the cache starts again)."""


def _patched(facts: Mapping[str, Any]) -> tuple[str, ...]:
    """The facts that are written other than as they are: texts (phrases too) and dates."""
    return tuple(k for k, v in facts.items()
                 if type(v) is Text or type(v) is date or type(v) is Phrase)




class FindingEncoder:
    """Encodes findings in one language as JSON objects (bytes, UTF-8, one line each), with
    the keys of the ``findings`` of ``--format json``: ``rule``, ``subject``, ``status``,
    ``due``, ``message``, ``source``, ``severity``, ``facts``, ``explanation``, ``caveats``."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self._en = lang == "en"
        encoder = msgspec.json.Encoder()
        self._encode = encoder.encode
        self._encode_lines = encoder.encode_lines
        self._cited: dict[int, tuple[Any, msgspec.Raw]] = {}
        self._told: dict[int, tuple[Any, msgspec.Raw, msgspec.Raw]] = {}
        self._templates: dict[str, tuple[Callable[[Mapping[str, Any]], str], tuple[str, ...]]] = {}
        self._shared: dict[tuple[int, int, str], tuple[Any, ...]] = {}
        self._iso: dict[date, str] = {}

    def encode(self, f: Finding) -> bytes:
        """One finding as a JSON object."""
        return self.encode_all([f])[0]

    def encode_all(self, findings: Iterable[Finding]) -> list[bytes]:
        """Each finding as a JSON object."""
        encode = self._encode
        return [json_bytes_separators_escaped(encode(item)) for item in self._items(findings)]

    def encode_chunk(self, findings: Iterable[Finding], separator: bytes) -> bytes:
        """The findings as JSON objects, ``separator`` between them, encoded in one call (a
        JSON text has no raw line break inside it: each line break msgspec writes between
        the objects becomes ``separator``)."""
        data = json_bytes_separators_escaped(self._encode_lines(self._items(findings))[:-1])
        return data if separator == b"\n" else data.replace(b"\n", separator)

    def _items(self, findings: Iterable[Finding]) -> list[_Line | msgspec.Raw]:
        """Each finding ready for msgspec (one loop over many findings: what it looks up once
        per run is looked up once per call here, not per finding)."""
        encode, shared, cited_cache, told_cache = (self._encode, self._shared, self._cited,
                                                   self._told)
        templates, en, lang, iso = self._templates, self._en, self.lang, self._iso
        out: list[_Line | msgspec.Raw] = []
        append = out.append
        raw = msgspec.Raw
        for f in findings:
            facts: Any = f.facts
            if type(facts) is SharedFacts:
                # Shared facts: the line but its subject was encoded the first time. ``f[2:]``
                # is everything but rule and subject; comparing it compares identities.
                hit = shared.get((id(facts), id(f.template), f.rule))
                if hit is not None and hit[0] == f[2:]:
                    append(raw(hit[2] + encode(f.subject) + hit[3]))
                else:
                    append(raw(self._shared_line(f)))
                continue
            # The rule's citation, the deadline's explanation and its caveats: once per
            # object (kept, so that its id is not reused while it is cached).
            sources, explanation = f.sources, f.explanation
            cited = cited_cache.get(id(sources))
            if cited is None or cited[0] is not sources:
                cited = self._cite(sources)
            told = told_cache.get(id(explanation))
            if told is None or told[0] is not explanation:
                told = self._tell(explanation)
            template = f.template.en if en else f.template.nl
            known = templates.get(template)
            if known is None:
                known = self._learn(template, facts)
            render, patched = known
            # The facts, with their texts in the language and their dates as ISO text (a
            # date's own isoformat costs more than the rest of the message: the text of each
            # date is kept). Which facts are texts and dates is learnt per template; a date
            # elsewhere is written and rendered as it is, anything else takes the general way.
            values: dict[str, Any] = dict(facts)
            for key in patched:
                v: Any = values.get(key)
                t = type(v)
                if t is date:
                    text = iso.get(v)
                    if text is None:
                        if len(iso) >= _DATES_KEPT:
                            iso.clear()
                        text = iso[v] = v.isoformat()
                    values[key] = text
                elif t is Text:
                    values[key] = v.en if en else v.nl
                elif t is Phrase:
                    values[key] = v.get(lang)
            if _NATIVE.issuperset(map(type, values.values())):
                message = render(values) if render is not _GENERAL else f.message(lang)
            else:
                values, message = self._general(f, template, render)
            append(_Line(f.rule, f.subject, f.status, f.due, message, cited[1], f.severity,
                         values, told[1], told[2]))
        return out

    def _learn(self, template: str, facts: Mapping[str, Any]
               ) -> tuple[Callable[[Mapping[str, Any]], str], tuple[str, ...]]:
        """The compiled template (templates with format specs or conversions, which may
        depend on a value's own type, render from the facts as they are), and the facts that
        are texts or dates in ``facts``, its first."""
        known = self._templates[template] = (formatter(template) if plain_template(template)
                                             else _GENERAL,
                                             _patched(facts))
        return known

    def _general(self, f: Finding, template: str, render: Callable[[Mapping[str, Any]], str]
                 ) -> tuple[dict[str, Any], str]:
        """The facts and message of a finding whose facts are not as learnt for its template;
        which of them are texts is learnt (again)."""
        facts: Mapping[str, Any] = f.facts
        self._templates[template] = (render, _patched(facts))
        try:
            # Texts in the language, dates as they are; any other kind of value takes the
            # general way.
            if self._en:
                values = {k: v if (t := type(v)) in _NATIVE else v.en if t is Text
                          else _other(v) for k, v in facts.items()}
            else:
                values = {k: v if (t := type(v)) in _NATIVE else v.nl if t is Text
                          else _other(v) for k, v in facts.items()}
        except _Other:
            return ({k: json_value(v, self.lang) for k, v in facts.items()},
                    f.message(self.lang))
        return values, (render(values) if render is not _GENERAL else f.message(self.lang))

    def _cite(self, sources: tuple[LegalSource, ...]) -> tuple[Any, msgspec.Raw]:
        """A rule version's citation, encoded once (the sources kept with it)."""
        if len(self._cited) >= _CACHE_LIMIT:
            self._cited.clear()
        hit = self._cited[id(sources)] = (
            sources, msgspec.Raw(self._encode(cite_all(sources, self.lang))))
        return hit

    def _tell(self, explanation: Explanation | None
              ) -> tuple[Any, msgspec.Raw, msgspec.Raw]:
        """A deadline's explanation and its caveats, encoded once (the deadline kept with
        them)."""
        text = explanation.explain(self.lang) if explanation is not None else None
        caveats = caveats_of(explanation)
        listed = msgspec.Raw(self._encode(caveats_to_json(caveats, self.lang))
                             if caveats else _NO_CAVEATS)
        if len(self._told) >= _CACHE_LIMIT:
            self._told.clear()
        hit = self._told[id(explanation)] = (explanation, msgspec.Raw(self._encode(text)),
                                             listed)
        return hit

    def _shared_line(self, f: Finding) -> bytes:
        """A finding with shared facts, encoded whole; what surrounds the subject is kept
        (with the facts object, so that its id is not reused while it is cached)."""
        whole = self.encode(f._replace(facts=dict(f.facts), subject=""))
        tail = whole[whole.index(b',"status":'):]
        prefix = whole[:whole.index(b'"subject":') + len(b'"subject":')]
        if len(self._shared) >= _CACHE_LIMIT:
            self._shared.clear()
        self._shared[(id(f.facts), id(f.template), f.rule)] = (f[2:], f.rule, prefix, tail)
        return prefix + self._encode(f.subject) + tail

    def lines(self, findings: Iterable[Finding], out: BinaryIO, separator: bytes,
              first: bytes = b"") -> int:
        """Write every finding to ``out``: ``first`` before the first, ``separator`` between
        them; return how many there were. A :class:`~integriteit.FindingStream` made with
        ``jobs`` above 1 is checked over that many processes where it can be."""
        if type(findings) is FindingStream and findings.jobs > 1:
            from integriteit._parallel import write_lines

            n = write_lines(findings, self.encode_chunk, out, separator, first)
            if n is not None:
                return n
        return write_encoded(findings, self.encode_chunk, out, separator, first)


def utf8_buffer(out: Any) -> BinaryIO | None:
    """The binary stream under the text stream ``out`` when bytes written there read as UTF-8
    text (``sys.stdout`` on most systems); else None."""
    buffer = getattr(out, "buffer", None)
    encoding = str(getattr(out, "encoding", "")).lower().replace("-", "")
    return buffer if buffer is not None and encoding == "utf8" else None


def text_writer(out: Any) -> tuple[BinaryIO, Callable[[], None]]:
    """A binary stream over the text stream ``out`` (its ``buffer`` when it has one), and
    what to call when done."""
    buffer = utf8_buffer(out)
    if buffer is not None:
        out.flush()
        return buffer, buffer.flush
    return typing.cast(BinaryIO, _TextSink(out)), lambda: None


class _TextSink:
    """Bytes written to a text stream (e.g. :class:`io.StringIO`), decoded as UTF-8."""

    def __init__(self, out: Any) -> None:
        self._out = out
        # Chunks may end inside a character: decode across them.
        self._decode = codecs.getincrementaldecoder("utf-8")().decode

    def write(self, data: bytes) -> int:
        self._out.write(self._decode(data))
        return len(data)
