"""The fast path for the employees of a large JSON document.

The strict loader (:mod:`integriteit.io`: the standard library's parser with a hook that
catches a key given twice, then the cattrs converter) spends most of a large document's time on
its employees. Here msgspec decodes them straight into typed values, with a mirror of
:class:`~integriteit.model.Employee` made from the attrs class itself (so a field added there is
read here too). Only a plainly valid employee list is taken:

* msgspec accepts exactly what the converter accepts for these fields (strings without lone
  surrogates, ``YYYY-MM-DD`` dates, whole numbers but not booleans, enum values), and refuses
  unknown keys;
* a key given twice is caught by counting: every key has one ``:`` after it; re-encoding the
  decoded employees gives each key once and every string as it was, so the input has as many
  colons as the re-encoding exactly when no key was given twice (escaped characters in the
  input could hide one, so an input with a backslash in its employees is not taken).

Whatever is not taken returns ``None``, and the strict path reads the whole document and names
every problem. The rest of the document (organisation, register, facts, ...) always goes the
strict way, with the employee list cut out of it.
"""

from __future__ import annotations

import gc
import operator
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
import msgspec

from integriteit.model import Employee

FAST_FROM = 1 << 20
"""Documents from this size (bytes) try the fast path; smaller ones are read strictly only."""

_UNSET: Any = msgspec.UNSET


def _mirror(cls: type) -> tuple[type, Callable[[Any], Any]]:
    """A msgspec Struct with the fields of the attrs class ``cls`` (absent keys are UNSET, so a
    ``null`` given is told apart from a key left out: re-encoded, a mirror gives the keys given,
    for the count of colons), and the function that turns one into ``cls``. A class with
    validators or converters is not mirrored: building its records could then fail, and
    :class:`EmployeeRecords` builds them while they are checked."""
    hints = typing.get_type_hints(cls)
    fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
    convert: list[tuple[int, Callable[[Any], Any]]] = []
    defaults: list[Any] = []
    for i, a in enumerate(attrs.fields(cls)):
        if not a.init or a.validator is not None or a.converter is not None:
            raise TypeError(f"{cls.__name__}.{a.name}: fields outside __init__, with a "
                            f"validator or with a converter are not mirrored")
        hint = hints[a.name]
        options = typing.get_args(hint)
        inner = [t for t in options if t is not type(None)] if options else [hint]
        records = [t for t in inner if attrs.has(t)]
        if records:
            mirror, make = _mirror(records[0])
            hint = typing.Union[mirror, None] if type(None) in options else mirror  # noqa: UP007
            convert.append((i, make))
        if a.default is attrs.NOTHING:
            fields.append((a.name, hint))
            defaults.append(attrs.NOTHING)
        else:
            fields.append((a.name, hint | msgspec.UnsetType, _UNSET))
            defaults.append(a.default)
    if any(isinstance(d, attrs.Factory) for d in defaults):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: factory defaults are not mirrored")
    struct = msgspec.defstruct(f"_{cls.__name__}Mirror", fields, forbid_unknown_fields=True)
    # One line of generated code per field, as cattrs and attrs generate theirs: a call per
    # value would cost more than the decoding itself.
    names: dict[str, Any] = {"cls": cls, "U": _UNSET}
    args: list[str] = []
    converters = dict(convert)
    for i, a in enumerate(attrs.fields(cls)):
        value = f"m.{a.name}"
        if i in converters:
            names[f"c{i}"] = converters[i]
            value = f"(None if (v{i} := {value}) is None else c{i}(v{i}))"
            if defaults[i] is not attrs.NOTHING:
                value = f"(d{i} if (v{i} := m.{a.name}) is U else " \
                        f"None if v{i} is None else c{i}(v{i}))"
        elif defaults[i] is not attrs.NOTHING:
            value = f"(d{i} if (v{i} := {value}) is U else v{i})"
        if defaults[i] is not attrs.NOTHING:
            names[f"d{i}"] = defaults[i]
        args.append(value)
    source = "def to_cls(m):\n    return cls(" + ", ".join(args) + ")\n"
    exec(compile(source, f"<mirror of {cls.__name__}>", "exec"), names)
    made: Callable[[Any], Any] = names["to_cls"]
    return struct, made


_EMPLOYEE_STRUCT, _to_employee = _mirror(Employee)
_decode_employees = msgspec.json.Decoder(list[_EMPLOYEE_STRUCT]).decode  # type: ignore[valid-type]
_encode = msgspec.json.Encoder().encode


class _Top(msgspec.Struct):
    """The top level of a document, only to find its employee list."""

    employees: msgspec.Raw | msgspec.UnsetType = msgspec.UNSET


_decode_top = msgspec.json.Decoder(_Top).decode


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while many long-lived objects are made (they hold no
    cycles; collecting would only walk them again and again)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class EmployeeRecords(Sequence[Employee]):
    """A document's employees as decoded, each built into an :class:`Employee` when it is
    read (by index or by iterating): a check of a large document builds each employee in the
    process that checks it, and only while it does. A slice is records too. Made only from
    an employee list the fast path took (plainly valid: building one cannot fail)."""

    __slots__ = ("_earlier", "_ids", "_mirrors")

    def __init__(self, mirrors: Sequence[Any], earlier: bool = True) -> None:
        self._mirrors = mirrors
        self._ids: frozenset[str] | None = None
        self._earlier = earlier  # False: no oath is marked as one of an earlier employment

    def __len__(self) -> int:
        return len(self._mirrors)

    @typing.overload
    def __getitem__(self, index: int) -> Employee: ...

    @typing.overload
    def __getitem__(self, index: slice) -> EmployeeRecords: ...

    def __getitem__(self, index: int | slice) -> Employee | EmployeeRecords:
        if isinstance(index, slice):
            return EmployeeRecords(self._mirrors[index])
        employee: Employee = _to_employee(self._mirrors[index])
        return employee

    def __iter__(self) -> Iterator[Employee]:
        return map(_to_employee, self._mirrors)

    def ids(self) -> frozenset[str]:
        """The employees' ids (read without building them)."""
        if self._ids is None:
            self._ids = frozenset(map(_ID, self._mirrors))
        return self._ids

    def suspect(self) -> bool:
        """What :func:`integriteit.io.employees_suspect` says of the employees (the mirrors
        hold the same values under the same names)."""
        from integriteit.io import employees_suspect

        return employees_suspect(self._mirrors, unique_ids=self.ids(),
                                 earlier_oaths=self._earlier)

    def build(self) -> tuple[Employee, ...]:
        """Every employee, built."""
        with gc_paused():
            return tuple(map(_to_employee, self._mirrors))


_ID = operator.attrgetter("id")


def split_records(raw: bytes) -> tuple[bytes, EmployeeRecords] | None:
    """The document without its employees (``"employees": []``) and the employees as
    records, not built yet; None when the fast path does not take this input."""
    try:
        top = _decode_top(raw)
    except (msgspec.MsgspecError, RecursionError):
        return None
    if top.employees is msgspec.UNSET:
        return None
    listed = memoryview(top.employees)  # a view into ``raw``: no copy
    size = len(listed)
    if size < FAST_FROM // 2:
        return None
    # Where the list is: found by its first bytes (a long needle costs a pass of its own
    # length before the search begins), then compared whole; given twice, not taken.
    at = raw.find(listed[:256])
    if at < 0 or not raw.startswith(bytes(listed), at):
        at = raw.find(listed)
    if at < 0 or (len(raw) - at > size and raw.find(listed, at + 1) >= 0) or raw.find(
            b"\\", at, at + size) >= 0:
        return None
    before = raw[:at].rstrip()
    if not (before.endswith(b":") and before[:-1].rstrip().endswith(b'"employees"')):
        return None
    with gc_paused():
        try:
            mirrors = _decode_employees(listed)
        except (msgspec.MsgspecError, RecursionError):
            return None
        if _encode(mirrors).count(b":") != raw.count(b":", at, at + size):
            return None  # a key given twice (or, in theory, a colon hidden by an escape)
    # No key "earlier_employment" or "earlier_start" in the list (escapes are not taken):
    # no oath of an earlier employment to look at.
    earlier = raw.find(b'"earlier_', at, at + size) >= 0
    return raw[:at] + b"[]" + raw[at + size:], EmployeeRecords(mirrors, earlier)


def split_employees(raw: bytes) -> tuple[bytes, tuple[Employee, ...]] | None:
    """The document without its employees (``"employees": []``) and the employees, or None
    when the fast path does not take this input."""
    split = split_records(raw)
    if split is None:
        return None
    rest, records = split
    return rest, records.build()
