"""Employees from HR exports as they are: delimited text, JSON Lines and Excel, with a mapping.

An HR system exports a table: one row per person, its own column headers, its own words
("Vast", "Inhuur") and its own date format, often in the dialect of Dutch Excel (``;`` between
cells, cp1252, ``31-12-2025``). :func:`read_employees` reads such a file as it is, guided by an
optional column mapping (a TOML file, :func:`load_mapping`) that says which header holds which
of our fields (:data:`FIELDS`) and which words stand for which of our values.

Only the mapped columns are read. Other columns (names, BSN, addresses) are never kept: each row
is split, the mapped cells are picked out, and the rest is dropped with the row. No problem,
message or exception ever shows an unmapped cell; a problem may show the (shortened) value of
the mapped cell it is about. Reading streams: memory stays bounded by one row, plus the set of
ids read so far (for duplicates).

Every problem is one line that names the file and the position (``line 7`` or
``sheet Personeel, row 7``), the header and field, and the row's id where it was read::

    personeel.csv: line 7: "Datum in dienst" (start): "31-02-2024" is not a date (formats
    tried: %d-%m-%Y, %Y-%m-%d) [id 'E4']
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import enum
import itertools
import json
import operator
import os
import re
import tomllib
import types
import typing
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import attrs
from attrs import field, frozen

from integriteit.errors import InputError, Problem
from integriteit.i18n import Text
from integriteit.io import employee_problems
from integriteit.model import Employee

__all__ = [
    "FIELDS",
    "ColumnMapping",
    "EmployeeFile",
    "load_mapping",
    "read_employees",
]


# --- our fields, flattened from Employee -----------------------------------------------------


class _Kind(enum.Enum):
    TEXT = "text"
    ENUM = "enum"
    DATE = "date"
    INT = "int"
    BOOL = "bool"


@frozen
class _Spec:
    """One flat field: ``oath_date`` is attribute ``date`` of the group ``oath`` (an Oath)."""

    name: str
    kind: _Kind
    enum_cls: type[enum.Enum] | None
    attr: str
    """The attribute's name: on Employee, or on the group's class."""
    group: str | None
    required: bool
    """Required on Employee, or (in a group) required once the group is given."""


def _without_none(tp: Any) -> Any:
    args = typing.get_args(tp)
    if type(tp) is types.UnionType or typing.get_origin(tp) is typing.Union:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else tp
    return tp


def _kind_of(tp: Any) -> tuple[_Kind, type[enum.Enum] | None] | None:
    tp = _without_none(tp)
    if tp is date:
        return _Kind.DATE, None
    if tp is bool:
        return _Kind.BOOL, None
    if tp is int:
        return _Kind.INT, None
    if tp is str:
        return _Kind.TEXT, None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _Kind.ENUM, tp
    return None


def _derive_specs() -> tuple[_Spec, ...]:
    """Employee's fields in order; an attrs-class field (``oath``) flattened to ``oath_date``...

    Fields of a type a table cell cannot hold (none today) are left out; a required one of
    those would make Employee unreadable from a table, which is a programming error.
    """
    specs: list[_Spec] = []
    hints = typing.get_type_hints(Employee)
    for a in attrs.fields(Employee):
        if not a.init:
            continue
        required = a.default is attrs.NOTHING
        tp = _without_none(hints[a.name])
        if attrs.has(tp):
            sub_hints = typing.get_type_hints(tp)
            members: list[_Spec] = []
            usable = True
            for b in attrs.fields(tp):
                if not b.init:
                    continue
                kind = _kind_of(sub_hints[b.name])
                if kind is None:
                    usable = usable and b.default is not attrs.NOTHING
                    continue
                members.append(_Spec(f"{a.name}_{b.name}", kind[0], kind[1], b.name, a.name,
                                     b.default is attrs.NOTHING))
            if usable:
                specs.extend(members)
            elif required:  # pragma: no cover - a model change that needs this module changed
                raise TypeError(f"Employee.{a.name} cannot be read from a table")
            continue
        kind = _kind_of(tp)
        if kind is None:
            if required:  # pragma: no cover - as above
                raise TypeError(f"Employee.{a.name} cannot be read from a table")
            continue
        specs.append(_Spec(a.name, kind[0], kind[1], a.name, None, required))
    return tuple(specs)


_SPECS: Final = _derive_specs()
_BY_NAME: Final = {s.name: s for s in _SPECS}
_GROUP_CLASSES: Final[dict[str, type[Any]]] = {
    a.name: _without_none(typing.get_type_hints(Employee)[a.name])
    for a in attrs.fields(Employee) if any(s.group == a.name for s in _SPECS)}

FIELDS: Final[tuple[str, ...]] = tuple(s.name for s in _SPECS)
"""Our employee fields, flattened: ``oath_date`` and ``oath_form`` for the oath, in the order of
:class:`~integriteit.model.Employee` (a field added there joins here the same way)."""

_REQUIRED: Final = tuple(s.name for s in _SPECS if s.required and s.group is None)
_FIELD_LIST: Final = ", ".join(FIELDS)
_TEXTUAL: Final = (_Kind.TEXT, _Kind.ENUM)


def _group_members(group: str) -> tuple[_Spec, ...]:
    return tuple(s for s in _SPECS if s.group == group)


# --- showing values: short, one line ----------------------------------------------------------

_LIMIT: Final = 60


def _show(text: str) -> str:
    """``text`` cut to 60 characters (with "…") and with control characters and line
    separators escaped, so that a message stays one short line."""
    if len(text) > _LIMIT:
        text = text[:_LIMIT - 1] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _cut(text: str) -> str:
    """``text`` cut to 60 characters, for a record id (Problem.render shows it with repr)."""
    return text if len(text) <= _LIMIT else text[:_LIMIT - 1] + "…"


def _quoted(text: str) -> str:
    return f'"{_show(text)}"'


def _listing(items: Iterable[str], limit: int = 30) -> str:
    """Items quoted and shortened, at most ``limit`` of them, for a message."""
    items = list(items)
    shown = ", ".join(_quoted(i) for i in items[:limit])
    return shown + (f", … (+{len(items) - limit})" if len(items) > limit else "")


def _echo(value: object) -> str:
    """A cell's value for a message (only ever a mapped cell's)."""
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _show(repr(value))
    if isinstance(value, date):
        return value.isoformat()
    return f"<{type(value).__name__}>"


def _normalise(word: str) -> str:
    """A word as matched in ``[values]``: case-folded, runs of white space made one space."""
    return " ".join(word.casefold().split())


def _hint(word: str, choices: Iterable[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(word, list(choices), n=1)
    if not close:
        return "", ""
    return f"; bedoelt u {close[0]!r}?", f"; did you mean {close[0]!r}?"


# --- the mapping ---------------------------------------------------------------------------------

DEFAULT_DATE_FORMATS: Final = ("%Y-%m-%d", "%d-%m-%Y")


def _ro_columns(value: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(value))


def _ro_values(value: Mapping[str, Mapping[str, str]]) -> Mapping[str, Mapping[str, str]]:
    return types.MappingProxyType({k: types.MappingProxyType(dict(v)) for k, v in value.items()})


def _ro_lines(value: Mapping[str, int]) -> Mapping[str, int]:
    return types.MappingProxyType(dict(value))


def _formats(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class ColumnMapping:
    """How an HR export's columns and words map to our fields and values.

    ``columns`` maps our field (:data:`FIELDS`) to the header in the file; empty: the headers
    are our field names. ``values`` maps a field to a table of the file's words (normalised:
    case-folded, white space collapsed) and our values. ``lines`` gives, for messages, the line
    in the mapping file of each key (``"columns.start"``, ``"values.employment.Vast"``,
    ``"file.delimiter"``), as :func:`load_mapping` read it.
    """

    source: str
    """The mapping file's name, for messages."""
    columns: Mapping[str, str] = field(converter=_ro_columns, hash=False)
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    date_formats: tuple[str, ...] = field(default=DEFAULT_DATE_FORMATS, converter=_formats)
    values: Mapping[str, Mapping[str, str]] = field(factory=dict, converter=_ro_values,
                                                    hash=False)
    lines: Mapping[str, int] = field(factory=dict, converter=_ro_lines, hash=False, eq=False)


def _line(lines: Mapping[str, int], key: str) -> int | None:
    """The line of ``key``, else of the nearest table around it."""
    while True:
        if key in lines:
            return lines[key]
        if "." not in key:
            return None
        key = key.rsplit(".", 1)[0]


def _at(mapping: ColumnMapping, key: str) -> str | Text:
    """A problem path in the mapping file: ``line 7: columns.start``."""
    shown = _show(key)
    line = _line(mapping.lines, key)
    if line is None:
        return shown
    return Text(f"regel {line}: {shown}", f"line {line}: {shown}")


def _where_in_mapping(mapping: ColumnMapping, key: str) -> tuple[str, str]:
    """``kolommen.toml, line 12`` for a message about a data file (nl, en)."""
    line = _line(mapping.lines, key)
    if line is None:
        return f"{mapping.source}, [{key}]", f"{mapping.source}, [{key}]"
    return f"{mapping.source}, regel {line}", f"{mapping.source}, line {line}"


_DIRECTIVE = re.compile(r"%(.)", re.DOTALL)
_PROBE = date(2024, 3, 31)


def _format_problem(fmt: str) -> Text | None:
    """Why ``fmt`` cannot read dates, or None: it needs a day, a month and a year."""
    found = set(_DIRECTIVE.findall(fmt))
    missing_nl: list[str] = []
    missing_en: list[str] = []
    if "d" not in found:
        missing_nl.append("dag (%d)")
        missing_en.append("day (%d)")
    if not found & {"m", "b", "B"}:
        missing_nl.append("maand (%m, %b of %B)")
        missing_en.append("month (%m, %b or %B)")
    if not found & {"Y", "y"}:
        missing_nl.append("jaar (%Y of %y)")
        missing_en.append("year (%Y or %y)")
    shown = _quoted(fmt)
    if missing_nl:
        return Text(f"{shown} mist een {' en een '.join(missing_nl)}",
                    f"{shown} lacks a {' and a '.join(missing_en)}")
    try:
        ok = datetime.strptime(datetime(2024, 3, 31).strftime(fmt), fmt).date() == _PROBE
    except (ValueError, TypeError):
        ok = False
    if not ok:
        return Text(f"{shown} is geen bruikbaar datumformaat (zie de directieven van strptime)",
                    f"{shown} is not a usable date format (see the strptime directives)")
    return None


def _encoding_problem(encoding: str) -> Text | None:
    try:
        codecs.lookup(encoding)
        b"a".decode(encoding)  # LookupError also for codecs that are no text encodings (hex)
    except LookupError:
        return Text(f"onbekende tekstcodering {_quoted(encoding)} (bijv. utf-8, cp1252)",
                    f"unknown text encoding {_quoted(encoding)} (e.g. utf-8, cp1252)")
    except ValueError:  # a text encoding that cannot decode b"a" alone (utf-16): fine
        pass
    return None


def _unknown_field(name: str) -> Text:
    nl, en = _hint(name, FIELDS)
    return Text(f"onbekend veld {_quoted(name)}{nl} (velden: {_FIELD_LIST})",
                f"unknown field {_quoted(name)}{en} (fields: {_FIELD_LIST})")


def _mapping_problems(mapping: ColumnMapping) -> list[Problem]:
    """What is wrong with a mapping's contents (also one built in Python)."""
    src = mapping.source
    problems: list[Problem] = []

    def add(key: str, message: Text) -> None:
        problems.append(Problem(src, _at(mapping, key), message))

    if mapping.delimiter is not None and (
            len(mapping.delimiter) != 1 or mapping.delimiter in '"\r\n'):
        add("file.delimiter", Text(
            f"{_quoted(mapping.delimiter)} is geen scheidingsteken: geef één teken, "
            'bijv. ";" of "\\t" (geen aanhalingsteken of regeleinde)',
            f"{_quoted(mapping.delimiter)} is not a delimiter: give one character, "
            'e.g. ";" or "\\t" (not a quote or line break)'))
    if mapping.encoding is not None:
        message = _encoding_problem(mapping.encoding)
        if message is not None:
            add("file.encoding", message)
    if mapping.sheet is not None and not mapping.sheet.strip():
        add("file.sheet", Text("de bladnaam is leeg", "the sheet name is empty"))
    if not mapping.date_formats:
        add("dates.formats", Text("geef minstens één datumformaat",
                                  "give at least one date format"))
    for fmt in mapping.date_formats:
        message = _format_problem(fmt)
        if message is not None:
            add("dates.formats", message)

    first_field: dict[str, str] = {}  # each header, and the first field it is given for
    for name, header in mapping.columns.items():
        key = f"columns.{name}"
        if name not in _BY_NAME:
            add(key, _unknown_field(name))
        elif not header.strip():
            add(key, Text("het kopje is leeg", "the header is empty"))
        else:
            first = first_field.setdefault(header.strip(), name)
            if first != name:
                line = _line(mapping.lines, f"columns.{first}")
                at_nl = f"columns.{first}" + (f", regel {line}" if line is not None else "")
                at_en = f"columns.{first}" + (f", line {line}" if line is not None else "")
                shown = _quoted(header.strip())
                add(key, Text(
                    f"kopje {shown} is al gegeven voor {first} ({at_nl}); één kolom kan "
                    "niet twee velden zijn",
                    f"header {shown} is already given for {first} ({at_en}); one column "
                    "cannot be two fields"))
    if mapping.columns:
        missing = [n for n in _REQUIRED if n not in mapping.columns]
        if missing:
            one = len(missing) == 1
            add("columns", Text(
                f"geen kolom voor {'het verplichte veld' if one else 'de verplichte velden'} "
                f"{', '.join(missing)} (verplicht: {', '.join(_REQUIRED)})",
                f"no column for the required {'field' if one else 'fields'} "
                f"{', '.join(missing)} (required: {', '.join(_REQUIRED)})"))
        for group in _GROUP_CLASSES:
            names = [s.name for s in _group_members(group) if s.required]
            given = [n for n in names if n in mapping.columns]
            if given and len(given) < len(names):
                lacking = [n for n in names if n not in mapping.columns]
                add(f"columns.{given[0]}", Text(
                    f"{', '.join(given)} zonder {', '.join(lacking)}: die horen bij elkaar; "
                    "geef beide kolommen",
                    f"{', '.join(given)} without {', '.join(lacking)}: they go together; "
                    "give both columns"))

    for name, table in mapping.values.items():
        key = f"values.{name}"
        spec = _BY_NAME.get(name)
        if spec is None:
            add(key, _unknown_field(name))
            continue
        if spec.kind not in _TEXTUAL:
            textual = ", ".join(s.name for s in _SPECS if s.kind in _TEXTUAL)
            add(key, Text(f"[values] alleen voor tekstvelden ({textual}), niet voor {name}",
                          f"[values] only for text fields ({textual}), not for {name}"))
            continue
        allowed = [m.value for m in spec.enum_cls] if spec.enum_cls is not None else None
        seen: dict[str, tuple[str, str]] = {}
        for word, target in table.items():
            wkey = f"{key}.{word}"
            norm = _normalise(word)
            if not norm:
                add(wkey, Text("een leeg woord kan niet vertaald worden",
                               "an empty word cannot be mapped"))
                continue
            if allowed is not None and target not in allowed:
                nl, en = _hint(target, allowed)
                add(wkey, Text(
                    f"{_quoted(target)} is geen waarde van {name}{nl} "
                    f"(waarden: {', '.join(allowed)})",
                    f"{_quoted(target)} is not a value of {name}{en} "
                    f"(values: {', '.join(allowed)})"))
                continue
            earlier = seen.setdefault(norm, (word, target))
            if earlier[1] != target:
                add(wkey, Text(
                    f"{_quoted(word)} is hetzelfde woord als {_quoted(earlier[0])} "
                    f"(hoofdletters en spaties tellen niet), maar met een andere waarde",
                    f"{_quoted(word)} is the same word as {_quoted(earlier[0])} "
                    f"(case and spaces do not count), but with another value"))
    return problems


# --- reading the mapping file --------------------------------------------------------------------

_SECTIONS: Final = ("file", "columns", "dates", "values")
_FILE_KEYS: Final = ("delimiter", "encoding", "sheet")
_DATES_KEYS: Final = ("formats",)


def _key_end(text: str, start: int, stop: str) -> int | None:
    """The index of ``stop`` after a (dotted, maybe quoted) TOML key from ``start``."""
    i = start
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "'":
            j = text.find("'", i + 1)
            i = len(text) if j < 0 else j
        elif c == stop:
            return i
        i += 1
    return None


def _key_parts(key_text: str) -> tuple[str, ...] | None:
    """The parts of a dotted TOML key as written, decoded exactly (by tomllib itself)."""
    try:
        node: Any = tomllib.loads(f"{key_text} = 0")
    except tomllib.TOMLDecodeError:
        return None
    parts: list[str] = []
    while isinstance(node, dict) and len(node) == 1:
        name, node = next(iter(node.items()))
        parts.append(name)
    return tuple(parts)


def _scan_value(text: str, i: int, state: str | None, depth: int) -> tuple[str | None, int]:
    """Follow a TOML value to the end of the line: is a multi-line string or array still open?"""
    n = len(text)
    while i < n:
        if state == '"""':
            if text[i] == "\\":
                i += 2
                continue
            if text.startswith('"""', i):
                state = None
                i += 3
                continue
            i += 1
        elif state == "'''":
            j = text.find("'''", i)
            if j < 0:
                return state, depth
            state = None
            i = j + 3
        else:
            c = text[i]
            if c == "#":
                break
            if text.startswith('"""', i) or text.startswith("'''", i):
                state = text[i:i + 3]
                i += 3
                continue
            if c == '"':
                i += 1
                while i < n and text[i] != '"':
                    i += 2 if text[i] == "\\" else 1
            elif c == "'":
                j = text.find("'", i + 1)
                i = n if j < 0 else j
            elif c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
            i += 1
    return state, depth


def _toml_lines(text: str) -> dict[str, int]:
    """The line of each table and key in a (valid) TOML text: ``{"columns.start": 9, ...}``."""
    lines: dict[str, int] = {}
    table: tuple[str, ...] = ()
    state: str | None = None
    depth = 0
    for n, raw in enumerate(text.split("\n"), 1):
        if state is not None or depth > 0:
            state, depth = _scan_value(raw, 0, state, depth)
            continue
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            start = 2 if line.startswith("[[") else 1
            end = _key_end(line, start, "]")
            parts = _key_parts(line[start:end]) if end is not None else None
            if parts:
                table = parts
                lines.setdefault(".".join(table), n)
            continue
        end = _key_end(line, 0, "=")
        if end is None:
            continue
        parts = _key_parts(line[:end])
        if parts:
            lines.setdefault(".".join((*table, *parts)), n)
        state, depth = _scan_value(line, end + 1, None, 0)
    return lines


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$|\s*\(at end of document\)\s*$")


def load_mapping(path: str | os.PathLike[str]) -> ColumnMapping:
    """Read a column mapping from a TOML file (see the docs: "Checking your HR export").

    Raises :class:`~integriteit.InputError` listing every problem; each names the mapping file
    and line.
    """
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError([Problem(source, "", Text(
            f"kan het bestand niet lezen ({exc.strerror})",
            f"cannot read the file ({exc.strerror})"))]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise InputError([Problem(source, Text(f"regel {line}", f"line {line}"), Text(
            "geen UTF-8-tekst (TOML is altijd UTF-8)",
            "not UTF-8 text (TOML is always UTF-8)"))]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_AT.search(message)
        where: str | Text = ""
        if found is not None:
            message = message[:found.start()]
            if found.group(1):
                where = Text(f"regel {found.group(1)}", f"line {found.group(1)}")
        raise InputError([Problem(source, where, Text(
            f"geen geldige TOML: {message}", f"not valid TOML: {message}"))]) from None
    lines = _toml_lines(text)
    problems: list[Problem] = []
    stub = ColumnMapping(source, {}, lines=lines)

    def add(key: str, message: Text) -> None:
        problems.append(Problem(source, _at(stub, key), message))

    def unknown(key: str, name: str, allowed: Sequence[str], what: Text) -> None:
        nl, en = _hint(name, allowed)
        add(key, Text(f"onbekende {what.nl} {_quoted(name)}{nl} ({what.nl}s: {', '.join(allowed)})",
                      f"unknown {what.en} {_quoted(name)}{en} ({what.en}s: {', '.join(allowed)})"))

    def text_value(key: str, value: object) -> str | None:
        if isinstance(value, str):
            return value
        add(key, Text("moet tekst tussen aanhalingstekens zijn", "must be a quoted string"))
        return None

    def table(key: str, value: object) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        add(key, Text(f"moet een tabel zijn: [{key}]", f"must be a table: [{key}]"))
        return {}

    settings: dict[str, Any] = {}
    for name in data:
        if name not in _SECTIONS:
            unknown(name, name, _SECTIONS, Text("sectie", "section"))

    for name, value in table("file", data.get("file", {})).items():
        if name not in _FILE_KEYS:
            unknown(f"file.{name}", name, _FILE_KEYS, Text("sleutel", "key"))
            continue
        settings[name] = text_value(f"file.{name}", value)

    columns: dict[str, str] = {}
    for name, value in table("columns", data.get("columns", {})).items():
        header = text_value(f"columns.{name}", value)
        if header is not None:
            columns[name] = header

    for name, value in table("dates", data.get("dates", {})).items():
        if name not in _DATES_KEYS:
            unknown(f"dates.{name}", name, _DATES_KEYS, Text("sleutel", "key"))
        elif not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            add("dates.formats", Text(
                'moet een lijst van tekst zijn, bijv. ["%d-%m-%Y", "%Y-%m-%d"]',
                'must be a list of strings, e.g. ["%d-%m-%Y", "%Y-%m-%d"]'))
        else:
            settings["date_formats"] = tuple(value)

    values: dict[str, dict[str, str]] = {}
    for name, value in table("values", data.get("values", {})).items():
        words: dict[str, str] = {}
        for word, target in table(f"values.{name}", value).items():
            checked = text_value(f"values.{name}.{word}", target)
            if checked is not None:
                words[word] = checked
        values[name] = words

    mapping = ColumnMapping(source, columns, values=values, lines=lines,
                            **{k: v for k, v in settings.items() if v is not None})
    problems.extend(_mapping_problems(mapping))
    if problems:
        raise InputError(problems)
    normalised: dict[str, dict[str, str]] = {}
    more_lines = dict(lines)
    for name, words in values.items():
        normalised[name] = {}
        for word, target in words.items():
            norm = _normalise(word)
            normalised[name][norm] = target
            word_line = _line(lines, f"values.{name}.{word}")
            if word_line is not None:
                more_lines.setdefault(f"values.{name}.{norm}", word_line)
    return attrs.evolve(mapping, values=normalised, lines=more_lines)


# --- converting cells ----------------------------------------------------------------------------


class _Bad(Exception):
    """A cell's value does not fit its field; ``text`` says why (and shows the value)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


_Converter = Callable[[Any], Any]
_MISSING: Final = object()
_CACHE_LIMIT: Final = 20_000
_FAST_FORMATS: Final = ("%Y-%m-%d", "%d-%m-%Y")


def _strptime(text: str, formats: Sequence[str]) -> date | None:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _date_converter(formats: tuple[str, ...]) -> tuple[_Converter, dict[str, Any]]:
    """Text to date by ``formats`` in order: a bounded cache (exports repeat dates), exact
    ``YYYY-MM-DD`` and ``DD-MM-YYYY`` without strptime where the order allows it."""
    prefix = 0
    while prefix < len(formats) and formats[prefix] in _FAST_FORMATS:
        prefix += 1
    fast = formats[:prefix]
    iso = "%Y-%m-%d" in fast
    dmy = "%d-%m-%Y" in fast
    rest = formats[prefix:]
    tried = ", ".join(formats)
    cache: dict[str, Any] = {}

    def parse(s: str) -> date | None:
        # The two fast shapes exclude each other, so order among them does not matter; a
        # valid shape with an impossible date (31-02) goes on to the formats after them.
        if len(s) == 10 and s.isascii():
            if iso and s[4] == "-" and s[7] == "-":
                y, m, d = s[:4], s[5:7], s[8:]
            elif dmy and s[2] == "-" and s[5] == "-":
                y, m, d = s[6:], s[3:5], s[:2]
            else:
                return _strptime(s, formats)
            if y.isdigit() and m.isdigit() and d.isdigit():
                try:
                    return date(int(y), int(m), int(d))
                except ValueError:
                    return _strptime(s, rest)
        return _strptime(s, formats)

    def convert(value: Any) -> date:
        if value.__class__ is str:
            found = cache.get(value, _MISSING)
            if found is _MISSING:
                found = parse(value)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[value] = found
            if found is None:
                shown = _quoted(value)
                raise _Bad(Text(f"{shown} is geen datum (geprobeerde formaten: {tried})",
                                f"{shown} is not a date (formats tried: {tried})"))
            return found  # type: ignore[no-any-return]
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        shown = _echo(value)
        raise _Bad(Text(f"{shown} is geen datum (geef een datum of tekst als {formats[0]})",
                        f"{shown} is not a date (give a date, or text like {formats[0]})"))

    return convert, cache


_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")


def _int_converter() -> _Converter:
    def convert(value: Any) -> int:
        if value.__class__ is str:
            if _WHOLE.fullmatch(value):
                return int(value)
        elif value.__class__ is int:
            return value
        elif value.__class__ is float and value.is_integer():
            return int(value)
        shown = _echo(value)
        raise _Bad(Text(f"{shown} is geen geheel getal", f"{shown} is not a whole number"))

    return convert


_TRUE: Final = frozenset({"true", "ja", "j", "yes", "y", "waar", "1"})
_FALSE: Final = frozenset({"false", "nee", "n", "no", "onwaar", "0"})


def _bool_converter() -> _Converter:
    def convert(value: Any) -> bool:
        if value.__class__ is bool:
            return value
        if value.__class__ is int and value in (0, 1):
            return bool(value)
        if value.__class__ is str:
            word = _normalise(value)
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
        shown = _echo(value)
        raise _Bad(Text(f"{shown} is geen ja of nee", f"{shown} is not yes or no"))

    return convert


def _as_text(value: Any) -> str:
    if value.__class__ is str:
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise _Bad(Text("bevat een ongeldig teken (losse surrogaat)",
                                "contains an invalid character (lone surrogate)")) from None
        return value
    if value.__class__ is int:
        return str(value)
    if value.__class__ is float and value.is_integer():
        return str(int(value))
    shown = _echo(value)
    raise _Bad(Text(f"{shown} is geen tekst", f"{shown} is not text"))


def _text_converter(table: Mapping[str, str]) -> _Converter:
    if not table:
        return _as_text
    lookup = {_normalise(k): v for k, v in table.items()}

    def convert(value: Any) -> str:
        text = _as_text(value)
        return lookup.get(_normalise(text), text)

    return convert


def _enum_converter(spec: _Spec, table: Mapping[str, str],
                    mapping: ColumnMapping | None) -> tuple[_Converter, dict[str, Any]]:
    assert spec.enum_cls is not None
    cls = spec.enum_cls
    ours = [m.value for m in cls]
    lookup: dict[str, Any] = {_normalise(str(m.value)): m for m in cls}
    for word, target in table.items():
        lookup[_normalise(word)] = cls(target)
    exact: dict[str, Any] = dict(lookup)  # raw spellings seen, so most cells skip _normalise
    ours_list = ", ".join(str(v) for v in ours)
    if table and mapping is not None:
        where_nl, where_en = _where_in_mapping(mapping, f"values.{spec.name}")
        words = _listing(table)
        unknown_nl = (f"staat niet in [values.{spec.name}] ({where_nl}); bekend: {words}; "
                      f"of een van onze waarden: {ours_list}")
        unknown_en = (f"is not in [values.{spec.name}] ({where_en}); known: {words}; "
                      f"or one of our values: {ours_list}")
    else:
        unknown_nl = (f"is niet toegestaan; kies uit {ours_list} (of vertaal de woorden van het "
                      f"bestand in [values.{spec.name}] van een kolomindeling)")
        unknown_en = (f"is not allowed; choose one of {ours_list} (or map the file's words in "
                      f"[values.{spec.name}] of a mapping)")

    def convert(value: Any) -> Any:
        found = exact.get(value) if value.__class__ is str else None
        if found is not None:
            return found
        text = _as_text(value)
        found = lookup.get(_normalise(text))
        if found is None:
            shown = _quoted(text)
            raise _Bad(Text(f"{shown} {unknown_nl}", f"{shown} {unknown_en}"))
        if len(exact) < 1000:
            exact[text] = found
        return found

    return convert, exact


def _converter(spec: _Spec,
               mapping: ColumnMapping | None) -> tuple[_Converter, dict[str, Any] | None]:
    """The field's converter, and the dict of texts it already knows (a cache the reader
    looks in first: a hit saves a call), if it keeps one."""
    table = mapping.values.get(spec.name, {}) if mapping is not None else {}
    formats = mapping.date_formats if mapping is not None else DEFAULT_DATE_FORMATS
    if spec.kind is _Kind.DATE:
        return _date_converter(formats)
    if spec.kind is _Kind.INT:
        return _int_converter(), None
    if spec.kind is _Kind.BOOL:
        return _bool_converter(), None
    if spec.kind is _Kind.ENUM:
        return _enum_converter(spec, table, mapping)
    return _text_converter(table), None


# --- a plan: the fields a file gives, where, and how to convert them -----------------------------


@frozen
class _Group:
    name: str
    cls: type[Any]
    members: tuple[tuple[str, str], ...]
    """(flat field, attribute) pairs of the members the file gives."""
    needed: frozenset[str]
    """The flat fields the group needs once any member is given."""
    given: frozenset[str]


@frozen
class _Plan:
    names: tuple[str, ...]
    converters: tuple[_Converter, ...]
    known: tuple[dict[str, Any] | None, ...]
    """Per field, the texts its converter already knows and their values (None: unknown)."""
    labels: Mapping[str, str]
    """Per field, the part of a problem path after the position: ``: "Datum in dienst" (start)``."""
    required: frozenset[str]
    groups: tuple[_Group, ...]
    headers: Mapping[str, str]
    defaults: tuple[tuple[str, Any], ...] = ()
    """Optional group members and their defaults: such a value alone does not give the group
    (``oath_earlier_employment`` = "nee" on a row without an oath)."""


def _label(name: str, header: str) -> str:
    return f": {name}" if header == name else f": {_quoted(header)} ({name})"


def _plan(used: Sequence[tuple[str, str]], mapping: ColumnMapping | None) -> _Plan:
    """A plan for the fields ``used`` (field, header), in that order."""
    names = tuple(n for n, _ in used)
    headers = dict(used)
    converters = [_converter(_BY_NAME[n], mapping) for n, _ in used]
    groups = []
    defaults: list[tuple[str, Any]] = []
    for group, cls in _GROUP_CLASSES.items():
        members = _group_members(group)
        given = tuple((s.name, s.attr) for s in members if s.name in headers)
        if given:
            groups.append(_Group(group, cls, given,
                                 frozenset(s.name for s in members if s.required),
                                 frozenset(n for n, _ in given)))
            attributes = {a.name: a for a in attrs.fields(cls)}
            defaults.extend(
                (s.name, attributes[s.attr].default) for s in members
                if s.name in headers and not s.required
                and attributes[s.attr].default not in (None, attrs.NOTHING))
    return _Plan(
        names=names,
        converters=tuple(c for c, _ in converters),
        known=tuple(k for _, k in converters),
        labels={n: _label(n, h) for n, h in used},
        required=frozenset(_REQUIRED),
        groups=tuple(groups),
        headers=headers,
        defaults=tuple(defaults),
    )


def _column_fields(mapping: ColumnMapping | None) -> list[tuple[str, str]]:
    """(field, header) for every field the mapping names, or all fields by their own name."""
    if mapping is not None and mapping.columns:
        return [(n, mapping.columns[n].strip()) for n in FIELDS if n in mapping.columns]
    return [(n, n) for n in FIELDS]


# --- the file ------------------------------------------------------------------------------------

_FORMATS: Final = {".csv": "text", ".tsv": "text", ".txt": "text",
                   ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}
_ACCEPTED: Final = ".csv, .tsv, .txt, .jsonl, .ndjson, .xlsx"
_DELIMITERS: Final = (",", ";", "\t", "|")
_UNDECODABLE: Final = "integriteit.hr_export.undecodable"
_SURROGATE: Final = re.compile("[\udc00-\udcff]")
_BLANK_LINE: Final = re.compile("[\\s,;|\ufeff]*")
"""A line of white space and delimiters only: no header line yet."""
_LINE_BREAK: Final = re.compile("\r\n|\r|\n")
_EMPTY_FILE: Final = Text("het bestand is leeg: er is geen kopregel",
                          "the file is empty: there is no header line")
_EXCEL_EXTRA: Final = Text(
    "om Excel te lezen is de extra 'excel' nodig: pip install 'integriteit[excel]'",
    "reading Excel needs the extra 'excel': pip install 'integriteit[excel]'")


def _mark_undecodable(exc: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: each byte that does not decode becomes a lone surrogate
    (U+DC00 + the byte), which no strict decoder ever yields; the reader finds it in the line
    and reports the line, never the byte. Unlike ``surrogateescape`` it also takes bytes below
    128, as UTF-16 has them."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_UNDECODABLE, _mark_undecodable)


def _exc_name(exc: BaseException) -> str:
    """An exception's type for a message; never its text, which may quote the file."""
    return "csv.Error" if isinstance(exc, csv.Error) else type(exc).__name__


def _csv_problem(exc: csv.Error) -> Text:
    """A csv error in our words: its own message is not shown (it may quote the file)."""
    if str(exc).startswith("field larger than field limit"):
        limit = csv.field_size_limit()
        return Text(f"onleesbare regel: een cel is langer dan {limit} tekens (een "
                    "aanhalingsteken dat nooit gesloten wordt?)",
                    f"unreadable line: a cell is longer than {limit} characters (a quote that "
                    "is never closed?)")
    return Text("onleesbare regel (csv.Error)", "unreadable line (csv.Error)")


def _openpyxl() -> Any:
    """The openpyxl module (the optional extra ``excel``), or None."""
    try:
        import openpyxl
    except ImportError:
        return None
    return openpyxl


def _detect_delimiter(line: str) -> str:
    """The most frequent of ``,`` ``;`` tab ``|`` outside quotes (``,`` when none occurs)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in counts:
            counts[c] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _text_encoding(encoding: str | None) -> str:
    """The codec to open text with: UTF-8 (with or without BOM) unless the mapping says."""
    if encoding is None:
        return "utf-8-sig"
    name = codecs.lookup(encoding).name
    return "utf-8-sig" if name == "utf-8" else encoding


def _kind_of_json(value: object) -> Text:
    if isinstance(value, list):
        return Text("een lijst", "a list")
    if isinstance(value, str):
        return Text("tekst", "a string")
    if isinstance(value, bool):
        return Text("true/false", "true/false")
    if value is None:
        return Text("null", "null")
    return Text("een getal", "a number")


class _DuplicateKeys(dict[str, Any]):
    duplicates: frozenset[str] = frozenset()


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    dup = _DuplicateKeys(obj)
    seen: set[str] = set()
    repeated: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            repeated.add(key)
        seen.add(key)
    dup.duplicates = frozenset(repeated)
    return dup


class EmployeeFile:
    """The employees of one HR export file; iterating reads the file again from the start.

    Iterating yields the :class:`~integriteit.model.Employee` of each good row as it is read;
    bad rows and rows repeating an earlier id are recorded as problems, never raised, and the
    whole file is read so the count is complete. An error while reading (a damaged workbook, a
    disk error) is a problem as well, naming the exception's type but never its text: iterating
    raises no :class:`Exception`. An export without a single row is a problem too. After (or
    during) an iteration: :attr:`rows`, :attr:`rejected`, :attr:`problems` (the first
    ``keep_problems``), :attr:`problem_count` and :attr:`ids`. One iteration at a time per
    object.
    """

    source: str
    """``str(path)``, the source of every problem about the file."""
    rows: int
    """Data rows read in the last iteration (blank lines not counted)."""
    rejected: int
    """Rows of the last iteration that were not yielded: ``rows == yielded + rejected``."""
    problems: list[Problem]
    """The first ``keep_problems`` problems of the last iteration."""
    problem_count: int
    """All problems of the last iteration."""
    ids: dict[str, str]
    """Each id read, and where (``"line 7"``, ``"Personeel row 7"``): for duplicates, and for
    later checks that name an employee."""

    def __init__(self, path: str | os.PathLike[str], mapping: ColumnMapping | None = None, *,
                 keep_problems: int = 1000) -> None:
        self.path = Path(path)
        self.source = str(path)
        self.mapping = mapping
        self.keep_problems = max(0, keep_problems)
        self.rows = 0
        self.rejected = 0
        self.problems = []
        self.problem_count = 0
        self.ids = {}
        # Where row n is, in Dutch and English (templates), and for ids (a prefix to n).
        self._at_nl, self._at_en, self._at_id = "regel {n}", "line {n}", "line "
        kind = _FORMATS.get(self.path.suffix.lower())
        if kind is None:
            shown = _quoted(self.path.suffix) if self.path.suffix else "(geen)"
            shown_en = _quoted(self.path.suffix) if self.path.suffix else "(none)"
            raise InputError([Problem(self.source, "", Text(
                f"onbekend bestandstype {shown}; gelezen worden {_ACCEPTED}",
                f"unknown file type {shown_en}; accepted are {_ACCEPTED}"))])
        self._kind = kind
        if mapping is not None:
            problems = _mapping_problems(mapping)
            if problems:
                raise InputError(problems)
        if kind == "xlsx" and _openpyxl() is None:
            raise InputError([Problem(self.source, "", _EXCEL_EXTRA)])

    def __repr__(self) -> str:
        return f"EmployeeFile({self.source!r})"

    # --- results -----------------------------------------------------------------------------

    def load(self) -> tuple[Employee, ...]:
        """All employees; :class:`~integriteit.InputError` if the file has any problem."""
        employees = tuple(self)
        if self.problem_count:
            raise InputError(self.problems, total=self.problem_count)
        return employees

    def _problem(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < self.keep_problems:
            self.problems.append(problem)

    def __iter__(self) -> Iterator[Employee]:
        self._at_nl, self._at_en, self._at_id = "regel {n}", "line {n}", "line "
        self.rows = 0
        self.rejected = 0
        self.problems = []
        self.problem_count = 0
        self.ids = {}
        if self._kind == "text":
            return self._guarded(self._read_text())
        if self._kind == "jsonl":
            return self._guarded(self._read_jsonl())
        return self._guarded(self._read_xlsx())

    # --- shared --------------------------------------------------------------------------------

    def _header_plan(self, headers: list[str], at: Text, extra_nl: str = "",
                     extra_en: str = "") -> tuple[_Plan, tuple[int, ...]] | None:
        """Match the header cells to the fields: the plan and each field's column index, or
        None (after recording the problems)."""
        mapping = self.mapping
        where: dict[str, list[int]] = {}
        for i, h in enumerate(headers):
            where.setdefault(h, []).append(i)
        ok = True
        used: list[tuple[str, str, int]] = []
        wanted = _column_fields(mapping)
        mapped = mapping is not None and bool(mapping.columns)
        found_any = any(h in where for _, h in wanted)
        for name, header in wanted:
            places = where.get(header, [])
            if len(places) > 1:
                ok = False
                cols = ", ".join(str(i + 1) for i in places)
                self._problem(Problem(self.source, at, Text(
                    f"kopje {_quoted(header)} staat meer dan eens in de kopregel (kolommen "
                    f"{cols}); welke {name} bedoeld is, is niet te zeggen",
                    f"header {_quoted(header)} occurs more than once in the header line "
                    f"(columns {cols}); which one is {name} cannot be told")))
            elif places:
                used.append((name, header, places[0]))
            elif mapped:
                assert mapping is not None
                ok = False
                if found_any:
                    has = [h for h in headers if h]
                    nl, en = _hint(header, has)
                    listed = _listing(has)
                    self._problem(Problem(mapping.source, _at(mapping, f"columns.{name}"), Text(
                        f"kopje {_quoted(header)} ({name}) staat niet in {self.source}{nl} "
                        f"(kopjes daar: {listed}){extra_nl}",
                        f"header {_quoted(header)} ({name}) is not in {self.source}{en} "
                        f"(headers there: {listed}){extra_en}")))
                else:
                    # Not one mapped header: perhaps the first line is data, not headers; so
                    # the line is not shown.
                    self._problem(Problem(mapping.source, _at(mapping, f"columns.{name}"), Text(
                        f"kopje {_quoted(header)} ({name}) staat niet in {self.source}; geen "
                        f"van de kopjes uit de kolomindeling staat daar ({at.nl}: "
                        f"{len(headers)} cellen){extra_nl}; is dat de kopregel?",
                        f"header {_quoted(header)} ({name}) is not in {self.source}; none of "
                        f"the mapping's headers is there ({at.en}: {len(headers)} cells)"
                        f"{extra_en}; is that the header line?")))
        if not mapped:
            present = {n for n, h in wanted if h in where}
            missing = [n for n in _REQUIRED if n not in present]
            if missing:
                ok = False
                self._problem(Problem(self.source, at, Text(
                    f"geen kolom voor {', '.join(missing)}; nodig: {', '.join(_REQUIRED)} "
                    f"(zonder kolomindeling zijn de kopjes onze veldnamen: {_FIELD_LIST})"
                    f"{extra_nl}",
                    f"no column for {', '.join(missing)}; needed: {', '.join(_REQUIRED)} "
                    f"(without a mapping the headers are our field names: {_FIELD_LIST})"
                    f"{extra_en}")))
            for group in _GROUP_CLASSES:
                names = [s.name for s in _group_members(group) if s.required]
                given = [n for n in names if n in present]
                if given and len(given) < len(names):
                    ok = False
                    lacking = [n for n in names if n not in present]
                    self._problem(Problem(self.source, at, Text(
                        f"kolom {', '.join(given)} zonder {', '.join(lacking)}: die horen bij "
                        "elkaar; geef beide kolommen",
                        f"column {', '.join(given)} without {', '.join(lacking)}: they go "
                        "together; give both columns")))
        if not ok:
            return None
        return _plan([(n, h) for n, h, _ in used], mapping), tuple(i for _, _, i in used)

    def _position(self, n: int) -> Text:
        """Row ``n``'s position: ``line 7``, ``sheet Personeel, row 7``."""
        return Text(self._at_nl.format(n=n), self._at_en.format(n=n))

    def _build(self, plan: _Plan, cells: Sequence[Any], n: int,
               problems: list[Problem] | None = None) -> Employee | list[Problem]:
        """Row ``n``'s Employee, or its problems (added to ``problems``, the problems found
        before converting); the caller records them. The hot path of reading."""
        values: dict[str, Any] = {}
        bad: list[tuple[str, Text]] | None = None
        for name, convert, known, raw in zip(plan.names, plan.converters, plan.known, cells,
                                             strict=False):
            if raw.__class__ is str:
                raw = raw.strip()
                if not raw:
                    continue
                if known is not None:
                    value = known.get(raw)
                    if value is not None:
                        values[name] = value
                        continue
            elif raw is None:
                continue
            try:
                values[name] = convert(raw)
            except _Bad as exc:
                if bad is None:
                    bad = []
                bad.append((name, exc.text))
        for name, default in plan.defaults:
            if name in values and values[name] == default:
                del values[name]
        keys = values.keys()
        fine = bad is None and not problems and plan.required <= keys
        if fine:
            for group in plan.groups:
                if not group.needed <= keys and not group.given.isdisjoint(keys):
                    fine = False
        ident = values.get("id")
        if ident is not None:
            if ident in self.ids:
                fine = False
            elif fine:
                self.ids[ident] = self._at_id + str(n)
        if not fine:
            return self._row_problems(plan, values, bad, n, problems or [])
        for group in plan.groups:
            if not group.given.isdisjoint(keys):
                values[group.name] = group.cls(
                    **{attr: values.pop(flat) for flat, attr in group.members if flat in values})
        employee = Employee(**values)
        crossed = employee_problems(employee, "employee", self.source)
        if crossed:
            record = _cut(employee.id)
            return [Problem(self.source, self._field_path(plan, n, p.path), p.message, record)
                    for p in crossed]
        return employee

    def _field_path(self, plan: _Plan, n: int, name: str | Text) -> Text:
        """``line 7: "Datum in dienst" (start)``; a path ``employee.end`` names field end,
        ``employee.oath.date`` field oath_date."""
        if isinstance(name, str) and name.startswith("employee."):
            name = name.removeprefix("employee.").replace(".", "_")
        label = plan.labels.get(name) if isinstance(name, str) else None
        if label is None:
            return self._position(n)
        return Text(self._at_nl.format(n=n) + label, self._at_en.format(n=n) + label)

    def _row_problems(self, plan: _Plan, values: dict[str, Any],
                      bad: list[tuple[str, Text]] | None, n: int,
                      problems: list[Problem]) -> list[Problem]:
        """The problems of a row that is not yielded: bad cells, required fields without a
        value, half an oath, a repeated id."""
        ident = values.get("id")
        record = _cut(ident) if ident is not None else None
        if record is not None:  # problems found before converting (JSON Lines) get the id too
            problems = [attrs.evolve(p, record=record) if p.record is None else p
                        for p in problems]
        source = self.source
        failed = {name for name, _ in bad or ()}
        for name, message in bad or ():
            problems.append(Problem(source, self._field_path(plan, n, name), message, record))
        keys = values.keys()
        for name in _REQUIRED:
            if name not in keys and name not in failed:
                problems.append(Problem(source, self._field_path(plan, n, name), Text(
                    "heeft geen waarde, maar is verplicht",
                    "has no value, but is required"), record))
        for group in plan.groups:
            given = group.given & keys
            if given and not group.needed <= keys:
                present = next((n for n in plan.names if n in given), group.members[0][0])
                for name in sorted(group.needed - keys - failed, key=FIELDS.index):
                    header = plan.headers.get(name, name)
                    other = name if header == name else f"{name} ({_quoted(header)})"
                    problems.append(Problem(source, self._field_path(plan, n, present), Text(
                        f"hoort bij {other}, dat leeg is; geef beide of geen van beide",
                        f"goes with {other}, which is empty; give both or neither"), record))
        if ident is not None:
            first = self.ids.get(ident)
            if first is None:  # the first row with this id, though bad: later ones repeat it
                self.ids[ident] = self._at_id + str(n)
            else:
                number = int(first.rpartition(" ")[2])
                first_at = self._position(number)
                problems.append(Problem(source, self._field_path(plan, n, "id"), Text(
                    f"id {record!r} staat ook op {first_at.nl}",
                    f"id {record!r} also on {first_at.en}"), record))
        return problems

    def _reject(self, problems: list[Problem]) -> None:
        """Record a row that is not yielded, and its problems."""
        self.rejected += 1
        for p in problems:
            self._problem(p)

    def _row_problem(self, n: int, message: Text) -> None:
        """Record row ``n`` as not yielded, for ``message``."""
        self.rejected += 1
        self._problem(Problem(self.source, self._position(n), message))

    def _cannot_read(self, exc: OSError) -> None:
        self._problem(Problem(self.source, "", Text(
            f"kan het bestand niet lezen ({exc.strerror or type(exc).__name__})",
            f"cannot read the file ({exc.strerror or type(exc).__name__})")))

    def _stopped(self, line: int, exc: BaseException) -> None:
        name = _exc_name(exc)
        self._problem(Problem(self.source, Text(f"regel {line}", f"line {line}"), Text(
            f"kan niet verder lezen ({name}); de rest van het bestand is niet gelezen",
            f"cannot read on ({name}); the rest of the file was not read")))

    def _broken_row(self, n: int, exc: BaseException) -> None:
        """Record row ``n`` as not yielded: reading it raised ``exc`` (named by its type)."""
        name = _exc_name(exc)
        self._row_problem(n, Text(
            f"onverwachte fout bij het lezen van deze rij ({name}); de rij is niet gelezen",
            f"unexpected error while reading this row ({name}); the row is not read"))

    def _guarded(self, rows: Generator[Employee, None, None]) -> Iterator[Employee]:
        """``rows``, except that an exception from reading ends them as one problem (naming
        its type, never its text): iterating never raises, and every row read is counted."""
        yielded = 0
        try:
            while True:
                try:
                    employee = next(rows)
                except StopIteration:
                    break
                except Exception as exc:
                    name = _exc_name(exc)
                    self._problem(Problem(self.source, "", Text(
                        f"onverwachte fout bij het lezen ({name}); de rest van het bestand is "
                        "niet gelezen",
                        f"unexpected error while reading ({name}); the rest of the file was "
                        "not read")))
                    break
                yielded += 1
                yield employee
        finally:
            with contextlib.suppress(Exception):
                rows.close()
        # A row counted but neither yielded nor rejected when reading stopped is rejected:
        # the problem that stopped it stands for it.
        self.rejected = max(self.rejected, self.rows - yielded)

    def _no_rows(self, at: str | Text, header: bool) -> None:
        """The export has no rows at all (blank lines and empty rows are none)."""
        self._problem(Problem(self.source, at, Text(
            "er staan geen rijen onder de kopregel" if header else
            "het bestand is leeg: er staat geen JSON-object in",
            "there are no rows below the header line" if header else
            "the file is empty: there is no JSON object in it")))

    # --- delimited text ------------------------------------------------------------------------

    def _spanning(self, row: list[str], first: int, last: int, labels: Mapping[int, str],
                  headers: Sequence[str], delimiter: str) -> list[Problem]:
        """The problems of a record over lines ``first`` to ``last`` (a quoted cell holds a
        line break, which is legal CSV): a mapped cell with a line break (an id, a date or a
        word never has one), and an unmapped cell with the delimiter after a line break (the
        tell-tale of a stray quote that swallowed the next record). Nothing of a cell is
        shown."""
        problems: list[Problem] = []
        at_nl, at_en = f"regels {first}–{last}", f"lines {first}–{last}"
        shown = repr(delimiter)
        for i, cell in enumerate(row):
            if "\n" not in cell and "\r" not in cell:
                continue
            label = labels.get(i)
            if label is not None:
                problems.append(Problem(self.source, Text(at_nl + label, at_en + label), Text(
                    "de cel bevat een regeleinde (een los aanhalingsteken?); de rij is niet "
                    "gelezen",
                    "the cell holds a line break (a stray quote?); the row is not read")))
            elif any(delimiter in part for part in _LINE_BREAK.split(cell)[1:]):
                header = headers[i] if i < len(headers) else ""
                label_nl = f": {_quoted(header)}" if header else f": kolom {i + 1}"
                label_en = f": {_quoted(header)}" if header else f": column {i + 1}"
                problems.append(Problem(self.source, Text(at_nl + label_nl, at_en + label_en),
                                        Text(
                    f"de cel loopt over meer regels en bevat na een regeleinde het "
                    f"scheidingsteken {shown}: waarschijnlijk heeft een los aanhalingsteken de "
                    "volgende rij opgeslokt; de rij is niet gelezen",
                    f"the cell runs over more lines and holds the delimiter {shown} after a "
                    "line break: a stray quote has probably swallowed the next row; the row "
                    "is not read")))
        return problems

    def _read_text(self) -> Generator[Employee, None, None]:
        mapping = self.mapping
        given = mapping.encoding if mapping is not None else None
        encoding = _text_encoding(given)
        shown_encoding = given or "UTF-8"
        try:
            f = self.path.open(encoding=encoding, errors=_UNDECODABLE, newline="")
        except OSError as exc:
            self._cannot_read(exc)
            return
        undecodable = [False]

        def lines() -> Iterator[str]:
            # An undecodable byte arrives as a lone surrogate (_mark_undecodable); the flag
            # belongs to the record the csv reader is reading, as it reads no further ahead.
            for line in f:
                if not line.isascii() and _SURROGATE.search(line):
                    undecodable[0] = True
                yield line

        decode_nl = (f"bevat een byte die geen {shown_encoding} is; geef de codering in de "
                     'kolomindeling ([file] encoding, bijv. "cp1252")')
        decode_en = (f"contains a byte that is not valid {shown_encoding}; give the encoding in "
                     'the mapping ([file] encoding, e.g. "cp1252")')
        with f:
            source = lines()
            # Blank lines, and lines of delimiters only, before the header line: counted (as
            # line numbers must be right) but not kept, and not used to detect the delimiter.
            skipped = 0
            first: str | None = None
            try:
                for line in source:
                    if not _BLANK_LINE.fullmatch(line):
                        first = line
                        break
                    skipped += 1
            except Exception as exc:
                self._stopped(skipped + 1, exc)
                return
            if first is None:
                self._problem(Problem(self.source, "", _EMPTY_FILE))
                return
            delimiter = mapping.delimiter if mapping is not None else None
            if delimiter is None and self.path.suffix.lower() == ".tsv":
                delimiter = "\t"
            detected = delimiter is None
            if delimiter is None:
                delimiter = _detect_delimiter(first)
            reader = csv.reader(
                itertools.chain(itertools.repeat("\n", skipped), (first,), source),
                delimiter=delimiter)
            previous = 0
            header_row: list[str] = []
            try:
                for header_row in reader:  # the first record with a cell that is not blank
                    if any(c.strip() for c in header_row):
                        break
                    previous = reader.line_num
                else:
                    header_row = []
            except Exception as exc:
                self._stopped(previous + 1, exc)
                return
            if not header_row:
                self._problem(Problem(self.source, "", _EMPTY_FILE))
                return
            header_line = reader.line_num
            at = Text(f"regel {header_line}", f"line {header_line}")
            if undecodable[0]:
                undecodable[0] = False
                self._problem(Problem(self.source, at, Text(decode_nl, decode_en)))
            headers = [c.strip() for c in header_row]
            headers[0] = headers[0].lstrip("\ufeff").strip()
            shown = repr(delimiter)
            extra = ((f"; scheidingsteken {shown} (herkend)", f"; delimiter {shown} (detected)")
                     if detected else
                     (f"; scheidingsteken {shown}", f"; delimiter {shown}"))
            planned = self._header_plan(headers, at, *extra)
            if planned is None:
                return
            plan, indices = planned
            width = len(headers)
            picked = operator.itemgetter(*indices)
            single = len(indices) == 1
            build = self._build
            labels = {i: plan.labels[name] for i, name in zip(indices, plan.names, strict=True)}
            previous = reader.line_num
            while True:
                try:
                    for row in reader:
                        start = previous + 1
                        previous = reader.line_num
                        if not any(row):  # a blank line, or only empty cells
                            continue
                        self.rows += 1
                        try:
                            if undecodable[0]:
                                undecodable[0] = False
                                self._row_problem(start, Text(decode_nl, decode_en))
                                continue
                            if len(row) != width:
                                if not any(c.strip() for c in row):
                                    self.rows -= 1
                                    continue
                                # No id shown: in a row of the wrong length, a cell may not be
                                # what its header says (a name with an unquoted delimiter).
                                count = len(row)
                                at_nl = (f"regel {start}" if start == previous else
                                         f"regels {start}–{previous}")
                                at_en = (f"line {start}" if start == previous else
                                         f"lines {start}–{previous}")
                                self.rejected += 1
                                self._problem(Problem(self.source, Text(at_nl, at_en), Text(
                                    f"heeft {count} {'cel' if count == 1 else 'cellen'}, de "
                                    f"kopregel heeft er {width}",
                                    f"has {count} {'cell' if count == 1 else 'cells'}, the "
                                    f"header has {width}")))
                                continue
                            if start != previous:  # a quoted cell holds a line break
                                odd = self._spanning(row, start, previous, labels, headers,
                                                     delimiter)
                                if odd:
                                    self._reject(odd)
                                    continue
                            cells = (picked(row),) if single else picked(row)
                            result = build(plan, cells, start)
                            if not isinstance(result, Employee):
                                if any(c.strip() for c in row):
                                    self._reject(result)
                                else:  # only white space: a blank line
                                    self.rows -= 1
                                continue
                        except Exception as exc:
                            self._broken_row(start, exc)
                            continue
                        yield result
                    break
                except csv.Error as exc:
                    start = previous + 1
                    previous = reader.line_num
                    undecodable[0] = False
                    self.rows += 1
                    self._row_problem(start, _csv_problem(exc))
                except Exception as exc:
                    self._stopped(previous + 1, exc)
                    return
            if not self.rows:
                self._no_rows(at, header=True)

    # --- JSON Lines ----------------------------------------------------------------------------

    def _read_jsonl(self) -> Generator[Employee, None, None]:
        mapping = self.mapping
        given = mapping.encoding if mapping is not None else None
        encoding = _text_encoding(given)
        shown_encoding = given or "UTF-8"
        used = _column_fields(mapping)
        plan = _plan(used, mapping)
        keys = tuple(h for _, h in used)
        wanted = frozenset(keys)
        nested = [] if mapping is not None and mapping.columns else [
            (group, [(i, s.attr) for i, (n, _) in enumerate(used)
                     for s in (_BY_NAME[n],) if s.group == group])
            for group in _GROUP_CLASSES]

        def read(text: str, n: int) -> Employee | None:
            """Line ``n``'s Employee, or None after recording its problems."""
            if not text.isascii() and _SURROGATE.search(text):
                self._row_problem(n, Text(
                    f"bevat een byte die geen {shown_encoding} is",
                    f"contains a byte that is not valid {shown_encoding}"))
                return None
            try:
                obj = json.loads(text, object_pairs_hook=_pairs)
            except json.JSONDecodeError as exc:
                self._row_problem(n, Text(
                    f"geen geldige JSON: {exc.msg} (kolom {exc.colno})",
                    f"not valid JSON: {exc.msg} (column {exc.colno})"))
                return None
            except (ValueError, RecursionError) as exc:
                self._row_problem(n, Text(
                    f"geen bruikbare JSON ({type(exc).__name__})",
                    f"unusable JSON ({type(exc).__name__})"))
                return None
            if not isinstance(obj, dict):
                kind = _kind_of_json(obj)
                self._row_problem(n, Text(f"geen JSON-object, maar {kind.nl}",
                                            f"not a JSON object but {kind.en}"))
                return None
            problems: list[Problem] = []
            if type(obj) is _DuplicateKeys and obj.duplicates & wanted:
                for key in sorted(obj.duplicates & wanted):
                    problems.append(Problem(self.source, self._position(n), Text(
                        f"sleutel {_quoted(key)} komt meer dan eens voor",
                        f"key {_quoted(key)} occurs more than once")))
            cells = [obj.get(k) for k in keys]
            for group, members in nested:
                inner = obj.get(group)
                if inner is None or any(cells[i] is not None for i, _ in members):
                    continue
                if isinstance(inner, dict):
                    for i, attr in members:
                        cells[i] = inner.get(attr)
                else:
                    required = [a for _, a in members if _BY_NAME[f"{group}_{a}"].required]
                    parts = " en ".join(required)
                    parts_en = " and ".join(required)
                    problems.append(Problem(self.source, Text(
                        f"regel {n}: {group}", f"line {n}: {group}"), Text(
                        f"moet een object zijn met {parts}",
                        f"must be an object with {parts_en}")))
            result = self._build(plan, cells, n, problems)
            if isinstance(result, Employee):
                return result
            self._reject(result)
            return None

        # Decoded first (any encoding the mapping names, UTF-16 too), then split at "\n"
        # only: "\r\n" ends a line as well (the "\r" is JSON white space), and a "\r" or
        # U+2028 inside a line does not end it.
        try:
            f = self.path.open(encoding=encoding, errors=_UNDECODABLE, newline="\n")
        except OSError as exc:
            self._cannot_read(exc)
            return
        with f:
            n = 0
            try:
                for text in f:
                    n += 1
                    if not text.strip(" \t\r\n"):
                        continue
                    self.rows += 1
                    try:
                        employee = read(text, n)
                    except Exception as exc:
                        self._broken_row(n, exc)
                        continue
                    if employee is not None:
                        yield employee
            except Exception as exc:
                self._stopped(n + 1, exc)
                return
            if not self.rows:
                self._no_rows("", header=False)

    # --- Excel ---------------------------------------------------------------------------------

    def _read_xlsx(self) -> Generator[Employee, None, None]:
        openpyxl = _openpyxl()
        if openpyxl is None:
            self._problem(Problem(self.source, "", _EXCEL_EXTRA))
            return
        mapping = self.mapping
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. "Data Validation extension not supported"
                book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except OSError as exc:
            self._cannot_read(exc)
            return
        except Exception as exc:  # a zip or XML error: not a workbook; never a traceback
            self._problem(Problem(self.source, "", Text(
                f"geen leesbaar Excel-bestand (.xlsx) ({_exc_name(exc)})",
                f"not a readable Excel workbook (.xlsx) ({_exc_name(exc)})")))
            return
        try:
            yield from self._read_sheet(book, mapping)
        finally:
            with contextlib.suppress(Exception):  # nothing to report: the file was read
                book.close()

    def _pick_sheet(self, book: Any, mapping: ColumnMapping | None) -> str | None:
        """The name of the worksheet to read: the mapping's, else the first worksheet (a
        chart sheet has no rows); or None after recording why there is none."""
        names: list[str] = list(book.sheetnames)
        worksheets = [n for n in names if hasattr(book[n], "iter_rows")]
        wanted = mapping.sheet if mapping is not None else None
        if not names:  # openpyxl drops a sheet whose part is missing from the zip
            self._problem(Problem(self.source, "", Text(
                "de werkmap heeft geen enkel blad (is het bestand beschadigd?)",
                "the workbook has no sheet at all (is the file damaged?)")))
            return None
        if wanted is None:
            if worksheets:
                return worksheets[0]
            self._problem(Problem(self.source, "", Text(
                f"de werkmap heeft geen werkblad, alleen grafiekbladen (bladen: "
                f"{_listing(names)})",
                f"the workbook has no worksheet, only chart sheets (sheets: "
                f"{_listing(names)})")))
            return None
        assert mapping is not None
        if wanted not in names:
            nl, en = _hint(wanted, names)
            self._problem(Problem(mapping.source, _at(mapping, "file.sheet"), Text(
                f"blad {_quoted(wanted)} staat niet in {self.source}{nl} (bladen: "
                f"{_listing(names)})",
                f"sheet {_quoted(wanted)} is not in {self.source}{en} (sheets: "
                f"{_listing(names)})")))
            return None
        if wanted not in worksheets:
            listed_nl = (f"werkbladen: {_listing(worksheets)}" if worksheets else
                         "er is geen werkblad")
            listed_en = (f"worksheets: {_listing(worksheets)}" if worksheets else
                         "there is no worksheet")
            self._problem(Problem(mapping.source, _at(mapping, "file.sheet"), Text(
                f"blad {_quoted(wanted)} van {self.source} is een grafiekblad, geen werkblad "
                f"met rijen ({listed_nl})",
                f"sheet {_quoted(wanted)} of {self.source} is a chart sheet, not a worksheet "
                f"with rows ({listed_en})")))
            return None
        return wanted

    def _read_sheet(self, book: Any,
                    mapping: ColumnMapping | None) -> Generator[Employee, None, None]:
        sheet_name = self._pick_sheet(book, mapping)
        if sheet_name is None:
            return
        sheet = book[sheet_name]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # read every row, whatever the file claims its size is
        shown_sheet = _show(sheet_name)
        rows = sheet.iter_rows(values_only=True)
        n = 0
        header: tuple[Any, ...] = ()
        try:
            for header in rows:
                n += 1
                if not _blank(header):
                    break
            else:
                header = ()
        except Exception as exc:  # XML error in the sheet
            self._stopped_sheet(shown_sheet, n + 1, exc)
            return
        if not header:
            self._problem(Problem(self.source, Text(f"blad {shown_sheet}",
                                                    f"sheet {shown_sheet}"), Text(
                "het blad is leeg: er is geen kopregel",
                "the sheet is empty: there is no header line")))
            return
        headers = [_cell_text(c) for c in header]
        at = Text(f"blad {shown_sheet}, rij {n}", f"sheet {shown_sheet}, row {n}")
        braced = shown_sheet.replace("{", "{{").replace("}", "}}")
        self._at_nl = f"blad {braced}, rij {{n}}"
        self._at_en = f"sheet {braced}, row {{n}}"
        self._at_id = f"{sheet_name} row "
        planned = self._header_plan(headers, at)
        if planned is None:
            return
        plan, indices = planned
        width = max(indices) + 1
        picked = operator.itemgetter(*indices)
        single = len(indices) == 1
        try:
            for row in rows:
                n += 1
                if _blank(row):
                    continue
                self.rows += 1
                try:
                    if len(row) < width:
                        row = tuple(row) + (None,) * (width - len(row))
                    cells = (picked(row),) if single else picked(row)
                    result = self._build(plan, cells, n)
                    if not isinstance(result, Employee):
                        self._reject(result)
                        continue
                except Exception as exc:
                    self._broken_row(n, exc)
                    continue
                yield result
        except Exception as exc:  # XML error in the sheet, a cell openpyxl cannot read
            self._stopped_sheet(shown_sheet, n + 1, exc)
            return
        if not self.rows:
            self._no_rows(at, header=True)

    def _stopped_sheet(self, sheet: str, row: int, exc: BaseException) -> None:
        name = _exc_name(exc)
        self._problem(Problem(self.source, Text(f"blad {sheet}, rij {row}",
                                                f"sheet {sheet}, row {row}"), Text(
            f"kan niet verder lezen ({name}); de rest van het blad is niet gelezen",
            f"cannot read on ({name}); the rest of the sheet was not read")))


def _blank(row: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


def _cell_text(value: Any) -> str:
    """A header cell as text: numbers without a trailing ``.0``, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def read_employees(path: str | os.PathLike[str],
                   mapping: str | os.PathLike[str] | ColumnMapping | None = None, *,
                   keep_problems: int = 1000) -> EmployeeFile:
    """The employees of an HR export (``.csv``, ``.tsv``, ``.txt``, ``.jsonl``, ``.ndjson``,
    ``.xlsx``), read through ``mapping`` (a TOML file or a :class:`ColumnMapping`) if given.

    Nothing is read yet: iterate the result (or call :meth:`EmployeeFile.load`). Raises
    :class:`~integriteit.InputError` for a bad mapping, an unknown file type, or an Excel file
    when the extra ``excel`` is not installed.
    """
    if mapping is not None and not isinstance(mapping, ColumnMapping):
        mapping = load_mapping(mapping)
    return EmployeeFile(path, mapping, keep_problems=keep_problems)
