"""Reading and writing documents: the one cattrs converter, and input errors as readable lines.

Every way in (a path, a JSON string, plain dicts) ends in :func:`from_dict`, which structures the
data with :data:`converter` and turns every problem into a :class:`~integriteit.errors.Problem`
that names the record and field, e.g. ``employees[3].start: '2024-13-01' is not a date``.
"""

from __future__ import annotations

import difflib
import enum
import json
import operator
import os
import re
import types
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from integriteit import _fastload
from integriteit.errors import BadValue, InputError, Problem, shown
from integriteit.i18n import Text
from integriteit.model import (
    CaseFindings,
    Channel,
    ConsentRoute,
    Document,
    Employee,
    EmploymentKind,
    EntryKind,
    Facts,
    Measure,
    Oath,
    OathForm,
    OrganisationKind,
    Outcome,
    PolicySettings,
    RegisterEntry,
    ReportSettings,
    VertrouwenspersoonScope,
    dated_values,
)
from integriteit.policy import PARAMETERS, Parameter, ValueKind
from integriteit.taxonomies import BUILTIN_TAXONOMIES, LabelMap, Taxonomy, label_problem_texts

if TYPE_CHECKING:
    from integriteit.plugins import Registry

T = TypeVar("T")

__all__ = [
    "converter",
    "dump_document",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "register_enum",
    "structure",
]


# --- strict scalar hooks -------------------------------------------------------------------


def _show(value: object) -> str:
    """A value as it appears in JSON, shortened, for messages."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # pragma: no cover - only JSON values reach here
        text = repr(value)
    return shown(text)


def _expected(what_nl: str, what_en: str, value: object) -> BadValue:
    shown = _show(value)
    return BadValue(Text(f"{shown} is geen {what_nl}", f"{shown} is not {what_en}"),
                    Text(f"de waarde is geen {what_nl}", f"the value is not {what_en}"))


def _structure_date(value: object, _: type) -> date:
    # Only the ISO calendar form YYYY-MM-DD: date.fromisoformat alone also accepts 20240115.
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _expected("geldige datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)", value)


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate such as "\ud800" from JSON escapes
                raise BadValue(Text("bevat een ongeldig teken (losse surrogaat)",
                                    "contains an invalid character (lone surrogate)")) from None
        return value
    raise _expected("tekst", "a string", value)


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _expected("geheel getal", "a whole number", value)


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _expected("true of false", "true or false", value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {m.value: m for m in cls}
    allowed = ", ".join(json.dumps(v) for v in by_value)

    def structure(value: object, _: type) -> enum.Enum:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            shown = _show(value)
            raise BadValue(
                Text(f"{shown} is niet toegestaan; kies uit {allowed}",
                     f"{shown} is not allowed; choose one of {allowed}"),
                Text(f"de waarde is niet toegestaan; kies uit {allowed}",
                     f"the value is not allowed; choose one of {allowed}"),
            ) from None

    return structure


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(t: Any) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = typing.get_args(t)[0]
    # Resolve once: the per-item hook for, e.g., Employee.
    item_hook = converter.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _expected("lijst", "a list", value)
        items: list[Any] = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:
                exc.__notes__ = [*getattr(exc, "__notes__", []),
                                 IterableValidationNote(f"@ index {i}", i, item_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("While structuring a list", errors, t)
        return tuple(items)

    return structure


class _DuplicateKeys(dict[str, Any]):
    """A JSON object that had a key twice; the structuring hook reports it at its path."""

    duplicates: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        dup = _DuplicateKeys(obj)
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                repeated[key] = None
            seen.add(key)
        dup.duplicates = tuple(repeated)
        return dup
    return obj


_KEY = Text("sleutel", "key")


def _json_object(value: object, key: Text = _KEY) -> dict[str, Any]:
    """``value`` as a JSON object; a key given twice (or not an object) is a :class:`BadValue`."""
    if type(value) is _DuplicateKeys:
        keys = ", ".join(repr(k) for k in value.duplicates)
        raise BadValue(Text(f"{key.nl} {keys} komt meer dan eens voor",
                            f"{key.en} {keys} occurs more than once"),
                       Text(f"een {key.nl} komt meer dan eens voor",
                            f"a {key.en} occurs more than once"))
    if not isinstance(value, dict):
        raise _expected("object", "an object", value)
    return value


_RENAMES: dict[type, dict[str, str]] = {Document: {"schema": "$schema"}}
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _attrs_hook(cls: type) -> Callable[[object, type], Any]:
    renames = _RENAMES.get(cls, {})
    overrides: dict[str, Any] = {name: override(rename=key) for name, key in renames.items()}
    inner: Callable[[Any, type], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, **overrides
    )
    _FIELD_NAMES[cls] = tuple(renames.get(a.name, a.name) for a in attrs.fields(cls) if a.init)

    def structure(value: object, _: type) -> Any:
        data = _json_object(value)
        result = inner(data, cls)
        if cls is Facts:  # remember which facts were stated, null ones included
            object.__setattr__(result, "stated", frozenset(data))
        return result

    return structure


def _unstructure_attrs_hook(cls: type) -> Callable[[Any], dict[str, Any]]:
    renames = _RENAMES.get(cls, {})
    overrides: dict[str, Any] = {name: override(rename=key) for name, key in renames.items()}
    if cls is Facts:
        overrides["stated"] = override(omit=True)
    plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **overrides)
    if cls is not Facts:
        return plain

    def unstructure(facts: Facts) -> dict[str, Any]:
        data = plain(facts)
        for key in sorted(facts.given - set(data)):  # stated as null: "not adopted"
            data[key] = None
        return data

    return unstructure


def _attribute_error(exc: Exception, name: str, cls: type) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []),
                     AttributeValidationNote(f"Structuring @ attribute {name}", name, cls)]
    return exc


def _policy_value(param: Parameter, value: object) -> Any:
    if param.kind is ValueKind.NAMES and isinstance(value, list):
        value = tuple(value)
    problem = param.problem(value)
    if problem is not None:
        shown = _show(value if not isinstance(value, tuple) else list(value))
        raise BadValue(Text(f"{shown} {problem.nl}", f"{shown} {problem.en}"),
                       Text(f"de waarde {problem.nl}", f"the value {problem.en}"))
    return value


def _structure_setting(param: Parameter, value: object) -> Any:
    """One value for every date, or ``{"YYYY-MM-DD": value, ...}`` by the date it takes effect."""
    if not isinstance(value, dict):
        return _policy_value(param, value)
    _json_object(value, Text("datum", "date"))
    if not value:
        raise BadValue(Text("geef een waarde of datums met een waarde, niet {}",
                            "give a value, or dates with a value, not {}"))
    dated: dict[date, Any] = {}
    errors: list[Exception] = []
    for key, item in value.items():
        try:
            since = _structure_date(key, date)
            dated[since] = _policy_value(param, item)
        except BadValue as exc:
            errors.append(_attribute_error(exc, key, PolicySettings))
    if errors:
        raise ClassValidationError("While structuring dated values", errors, PolicySettings)
    return dated


def _structure_policy(raw: object, _: type) -> PolicySettings:
    value = _json_object(raw)
    errors: list[Exception] = []
    extra = set(value) - set(PARAMETERS)
    if extra:
        errors.append(ForbiddenExtraKeysError("", PolicySettings, extra))
    settings: dict[str, Any] = {}
    for name, param in PARAMETERS.items():
        if value.get(name) is None:
            continue
        try:
            settings[name] = _structure_setting(param, value[name])
        except Exception as exc:
            errors.append(_attribute_error(exc, name, PolicySettings))
    if errors:
        raise ClassValidationError("While structuring PolicySettings", errors, PolicySettings)
    return PolicySettings(**settings)


def _structure_labels(raw: object, _: type) -> dict[str, str]:
    """An object of texts (``category_labels``): every key and value a string, no key twice."""
    value = _json_object(raw)
    errors: list[Exception] = []
    for key, item in value.items():
        try:
            _structure_str(item, str)
        except BadValue as exc:
            errors.append(_attribute_error(exc, key, Document))
    if errors:
        raise ClassValidationError("While structuring labels", errors, Document)
    return dict(value)


def _structure_always(raw: object, _: type) -> dict[EntryKind, tuple[str, ...]]:
    """``report.always``: an object of kinds, each with a list of category texts."""
    value = _json_object(raw)
    errors: list[Exception] = []
    always: dict[EntryKind, tuple[str, ...]] = {}
    for key, item in value.items():
        try:
            always[converter.structure(key, EntryKind)] = converter.structure(
                item, tuple[str, ...])
        except Exception as exc:
            errors.append(_attribute_error(exc, key, ReportSettings))
    if errors:
        raise ClassValidationError("While structuring report.always", errors, ReportSettings)
    return always


def _unstructure_policy(settings: PolicySettings) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in PARAMETERS:
        value = getattr(settings, name)
        if value is None:
            continue
        dated = dated_values(value)
        if dated:
            data[name] = {d.since.isoformat(): (list(d.value) if isinstance(d.value, tuple)
                                                else d.value) for d in dated}
        else:
            data[name] = list(value) if isinstance(value, tuple) else value
    return data


converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
"""The one converter for all (de)serialisation. Strict: no coercion of ``"1"`` into ``1``."""

converter.register_structure_hook(date, _structure_date)
converter.register_unstructure_hook(date, date.isoformat)
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
converter.register_structure_hook_factory(attrs.has, _attrs_hook)
converter.register_unstructure_hook_factory(attrs.has, _unstructure_attrs_hook)
converter.register_structure_hook(PolicySettings, _structure_policy)
converter.register_structure_hook_func(lambda t: t == Mapping[str, str], _structure_labels)
converter.register_structure_hook_func(lambda t: t == Mapping[EntryKind, tuple[str, ...]],
                                       _structure_always)
converter.register_unstructure_hook(types.MappingProxyType, dict)
converter.register_unstructure_hook(PolicySettings, _unstructure_policy)
_FIELD_NAMES[PolicySettings] = tuple(PARAMETERS)




def register_enum(cls: type[enum.Enum]) -> None:
    """Make the converter accept exactly the values of ``cls`` (plugins call this for theirs)."""
    # Registered per class: dispatch on the class beats the ``str`` hooks a StrEnum inherits.
    converter.register_structure_hook(cls, _enum_hook(cls))
    converter.register_unstructure_hook(cls, _enum_value)


for _enum in (OrganisationKind, EmploymentKind, OathForm, EntryKind, Channel,
              VertrouwenspersoonScope, CaseFindings, Measure, ConsentRoute):
    register_enum(_enum)


# --- errors as readable lines --------------------------------------------------------------


_Steps = tuple[str | int, ...]


def _leaves(exc: BaseException, path: _Steps) -> Iterator[tuple[_Steps, BaseException]]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        # Attribute names as they appear in JSON (``schema`` is read from ``$schema``).
        renames = _RENAMES.get(exc.cl, {}) if isinstance(exc, ClassValidationError) else {}
        for sub in exc.exceptions:
            step: _Steps = ()
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, IterableValidationNote):
                    step = (note.index,)
                elif hasattr(note, "name"):
                    step = (renames.get(str(note.name), str(note.name)),)
            yield from _leaves(sub, path + step)
    else:
        yield path, exc


def _format_path(path: _Steps) -> str:
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        elif (step.replace("_", "a").replace("$", "a").isalnum() and step.isascii()
              and len(step) <= 60):
            out += f".{step}" if out else step
        else:  # a key that is no plain name (a typo with a space or newline): quoted, one line
            out += f"[{json.dumps(shown(step), ensure_ascii=False)}]"
    return out


def _key_number(data: object, path: _Steps, key: object) -> str:
    """Which key of the object at ``path`` ``key`` is, counted from 1 (``"?"`` if unknown)."""
    node = data
    for step in path:
        try:
            node = node[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return "?"
    if isinstance(node, dict):
        keys = list(node)
        if key in keys:
            return str(keys.index(key) + 1)
    return "?"


REGISTER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./:-]{0,39}")
"""What a register entry's id may be: a short token that can name nobody (no ``@``, no space,
at most 40 characters); findings and error lines print it."""


def _record_id(data: object, path: _Steps) -> str | None:
    """The ``id`` of the innermost list item on ``path`` in the raw data, when it has one (for
    the register: only an id that is a token, see :data:`REGISTER_ID`)."""
    found: str | None = None
    node = data
    for step in path:
        try:
            node = node[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(step, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    if path[:1] == ("register",) and found is not None and not REGISTER_ID.fullmatch(found):
        return None
    return found


# Keys that would carry a person's identity. The register has no such field on purpose; these
# get a message that says why, instead of "unknown field" with a spelling hint.
_IDENTITY_WORDS = ("naam", "name", "melder", "reporter", "klokkenluider", "whistleblower",
                   "mail", "telefoon", "phone", "bsn", "adres", "address", "geboort", "birth",
                   "personeelsnummer", "employee", "medewerker", "beschuldigde", "accused",
                   "betrokkene", "persoon", "person", "identit")


def _is_identity_key(cls: type, key: str) -> bool:
    return cls in (RegisterEntry, Outcome) and any(w in key.lower() for w in _IDENTITY_WORDS)


def _problems(exc: BaseException, data: object, cls: type, source: str) -> list[Problem]:
    problems: list[Problem] = []
    for path, leaf in _leaves(exc, ()):
        record = _record_id(data, path)
        # Nothing read from the register, value or key, is echoed: a melder's name typed into
        # the wrong place must not reach an error log (Wbk art. 1a). Positions and what was
        # wrong are named; ids of entries are (they are checked to be tokens elsewhere).
        secret = path[:1] == ("register",)
        if isinstance(leaf, ForbiddenExtraKeysError):
            allowed = _FIELD_NAMES.get(leaf.cl) or tuple(a.name for a in attrs.fields(leaf.cl))
            shown_allowed = ", ".join(allowed)
            secret = secret or leaf.cl in (RegisterEntry, Outcome)
            for key in sorted(leaf.extra_fields, key=str):
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint_nl = f"; bedoelt u {close[0]!r}?" if close else ""
                hint_en = f"; did you mean {close[0]!r}?" if close else ""
                if secret:  # the key is named by its place in the object, not by its name
                    n = _key_number(data, path, key)
                    where = _format_path(path)
                    if _is_identity_key(leaf.cl, str(key)):
                        problems.append(Problem(source, where, Text(
                            f"sleutel {n} is een gegeven over iemands identiteit, en het "
                            "register bevat geen gegevens over de identiteit van een melder of "
                            "betrokkene; verwijder dit veld (vertrouwelijkheid, Wbk art. 1a)",
                            f"key {n} is about someone's identity, and the register holds "
                            "nothing that identifies a melder or anyone else; remove this "
                            "field (confidentiality, Wbk art. 1a)"), record))
                        continue
                    problems.append(Problem(source, where, Text(
                        f"sleutel {n} is een onbekend veld (de naam wordt niet herhaald; "
                        f"toegestaan: {shown_allowed}){hint_nl}",
                        f"key {n} is an unknown field (its name is not repeated; allowed: "
                        f"{shown_allowed}){hint_en}"), record))
                    continue
                problems.append(Problem(source, _format_path((*path, str(key))), Text(
                    f"onbekend veld (toegestaan: {shown_allowed}){hint_nl}",
                    f"unknown field (allowed: {shown_allowed}){hint_en}"), record))
        elif isinstance(leaf, KeyError):
            problems.append(Problem(source, _format_path(path), Text(
                "verplicht veld ontbreekt", "required field is missing"), record))
        elif isinstance(leaf, BadValue):
            message = leaf.redacted if secret else leaf.message
            problems.append(Problem(source, _format_path(path), message, record))
        elif secret:  # pragma: no cover - a hook we did not write raised
            problems.append(Problem(source, _format_path(path), Text(
                "ongeldige waarde", "invalid value"), record))
        else:  # pragma: no cover - a hook we did not write raised; still no traceback
            problems.append(Problem(source, _format_path(path), Text(
                f"ongeldige waarde ({leaf})", f"invalid value ({leaf})"), record))
    return problems


def employee_problems(emp: Employee, where: str, source: str) -> list[Problem]:
    """Checks across one employee's values: a non-empty id, the end not before the start, an
    oath of an earlier employment before this one."""
    problems: list[Problem] = []
    if not emp.id.strip():
        problems.append(Problem(source, f"{where}.id", Text(
            "id mag niet leeg zijn", "id must not be empty")))
    if emp.end is not None and emp.end < emp.start:
        problems.append(Problem(source, f"{where}.end", Text(
            f"einddatum {emp.end} ligt vóór de begindatum {emp.start}",
            f"end {emp.end} is before start {emp.start}"), emp.id or None))
    oath = emp.oath
    if oath is not None and oath.from_earlier_employment:
        problems.extend(_earlier_oath_problems(emp, oath, where, source))
    return problems


def _earlier_oath_problems(emp: Employee, oath: Oath, where: str, source: str
                           ) -> list[Problem]:
    """An oath said to be of an earlier employment must be dated before this one began, and
    that employment must have begun before this one."""
    problems: list[Problem] = []
    record = emp.id or None
    if oath.date >= emp.start:
        problems.append(Problem(source, f"{where}.oath.date", Text(
            f"de eed of belofte van {oath.date} hoort volgens oath.earlier_employment bij een "
            f"eerder dienstverband, maar ligt niet vóór de begindatum {emp.start}",
            f"the eed or belofte of {oath.date} belongs to an earlier employment by "
            f"oath.earlier_employment, but is not before start {emp.start}"), record))
    if oath.earlier_start is not None and oath.earlier_start >= emp.start:
        problems.append(Problem(source, f"{where}.oath.earlier_start", Text(
            f"het eerdere dienstverband (begonnen {oath.earlier_start}) begint niet vóór de "
            f"begindatum {emp.start}",
            f"the earlier employment (begun {oath.earlier_start}) does not begin before start "
            f"{emp.start}"), record))
    return problems


def employee_reference_problems(document: Document, employee_ids: Collection[str],
                                source: str) -> list[Problem]:
    """Facts that name an employee the employees do not have (``facts.nevenwerkzaamheden``);
    ``employee_ids``: the document's, or those of an HR export once it is read."""
    return [Problem(source, f"facts.nevenwerkzaamheden[{i}].employee", Text(
                f"geen medewerker met id '{shown(item.employee)}' in employees",
                f"no employee with id '{shown(item.employee)}' in employees"))
            for i, item in enumerate(document.facts.nevenwerkzaamheden or ())
            if item.employee not in employee_ids]


_ids = operator.attrgetter("id")
_ends = operator.attrgetter("end")
_oaths = operator.attrgetter("oath")
_earlier_flags = operator.attrgetter("earlier_employment")
_earlier_starts = operator.attrgetter("earlier_start")


def employees_suspect(employees: Sequence[Employee], *,
                      unique_ids: Collection[str] | None = None,
                      earlier_oaths: bool = True) -> bool:
    """Whether a closer look at each employee is needed: an id given twice, empty or blank, an
    end before a start, or an oath marked as one of an earlier employment (rare; then
    :func:`employee_problems` looks closer). The common case in passes that run at C speed
    (``map`` and ``attrgetter``, no Python code per employee): a ministry's export has
    hundreds of thousands of employees and this runs before any of them is checked. (Absent
    values are told by being false, so that records as decoded, where an absent value is
    ``msgspec.UNSET``, are judged as the employees built from them.)

    ``unique_ids``: the set of their ids, when it is made anyway; ``earlier_oaths=False``:
    the caller knows that no oath is marked as one of an earlier employment.
    """
    ids = list(map(_ids, employees))
    if len(set(ids) if unique_ids is None else unique_ids) != len(ids) or not all(
            map(str.strip, ids)):
        return True
    ends = list(map(_ends, employees))
    if any(ends):
        left = [i for i, end in enumerate(ends) if end]
        if any(ends[i] < employees[i].start for i in left):
            return True
    if not earlier_oaths:
        return False
    oaths = [o for o in map(_oaths, employees) if o]
    return any(map(_earlier_flags, oaths)) or any(map(_earlier_starts, oaths))


def document_problems(doc: Document, source: str, *,
                      separate_employees: bool = False,
                      employee_ids: Collection[str] | None = None) -> list[Problem]:
    """Checks across values: each employee's, unique ids, sane organisation and policy values.

    ``separate_employees``: the employees come from another file (an HR export), so facts
    that name an employee are checked against that file, later. ``employee_ids``: the ids of
    the document's own employees when they are held apart from it (records built as they are
    checked, see :func:`loads_deferred`); facts that name an employee are checked against
    them.
    """
    problems: list[Problem] = []
    employees = doc.employees
    if employees_suspect(employees):
        first_index: dict[str, int] = {}
        for i, emp in enumerate(employees):
            where = f"employees[{i}]"
            problems.extend(employee_problems(emp, where, source))
            j = first_index.setdefault(emp.id, i)
            if j != i and emp.id.strip():
                problems.append(Problem(source, f"{where}.id", Text(
                    f"dubbel id '{shown(emp.id)}' (ook in employees[{j}])",
                    f"duplicate id '{shown(emp.id)}' (also in employees[{j}])"), emp.id))
    first_entry: dict[str, int] = {}
    for i, entry in enumerate(doc.register):
        where = f"register[{i}]"
        if not entry.id.strip():
            problems.append(Problem(source, f"{where}.id", Text(
                "id mag niet leeg zijn", "id must not be empty")))
            continue
        if not REGISTER_ID.fullmatch(entry.id):  # the id is printed on every finding
            problems.append(Problem(source, f"{where}.id", Text(
                "een id in het register is een kort kenmerk: hooguit 40 letters, cijfers en "
                "- _ . / :, zonder @ of spatie (bijv. R-2025-01), zodat het niemand noemt; "
                "het id wordt hier niet herhaald",
                "an id in the register is a short token: at most 40 letters, digits and "
                "- _ . / :, no @ or space (e.g. R-2025-01), so that it names nobody; the id "
                "is not repeated here")))
            continue
        j = first_entry.setdefault(entry.id, i)
        if j != i:
            problems.append(Problem(source, f"{where}.id", Text(
                f"dubbel id '{shown(entry.id)}' (ook in register[{j}])",
                f"duplicate id '{shown(entry.id)}' (also in register[{j}])"), entry.id))
    facts = doc.facts
    if not separate_employees and facts.nevenwerkzaamheden:
        problems += employee_reference_problems(
            doc, set(map(_ids, employees)) if employee_ids is None else employee_ids, source)
    seen_years: dict[int, int] = {}
    for i, account in enumerate(facts.verantwoording or ()):
        where = f"facts.verantwoording[{i}]"
        if not 2000 <= account.year <= 2999:
            problems.append(Problem(source, f"{where}.year", Text(
                f"{account.year} is geen jaar tussen 2000 en 2999",
                f"{account.year} is not a year from 2000 to 2999")))
        j = seen_years.setdefault(account.year, i)
        if j != i:
            problems.append(Problem(source, f"{where}.year", Text(
                f"jaar {account.year} staat er al (facts.verantwoording[{j}])",
                f"year {account.year} is already given (facts.verantwoording[{j}])")))
        elif account.published.year < account.year:
            problems.append(Problem(source, f"{where}.published", Text(
                f"{account.published} ligt vóór het jaar {account.year} zelf",
                f"{account.published} is before the year {account.year} itself")))
    for i, session in enumerate(facts.training or ()):
        if session.attendees is not None and session.attendees < 0:
            problems.append(Problem(source, f"facts.training[{i}].attendees", Text(
                f"{session.attendees} is negatief", f"{session.attendees} is negative")))
    seen_advisers: dict[str, int] = {}
    for i, adviser in enumerate(facts.vertrouwenspersonen or ()):
        where = f"facts.vertrouwenspersonen[{i}]"
        if not adviser.id.strip():
            problems.append(Problem(source, f"{where}.id", Text(
                "id mag niet leeg zijn", "id must not be empty")))
        elif seen_advisers.setdefault(adviser.id, i) != i:
            j = seen_advisers[adviser.id]
            problems.append(Problem(source, f"{where}.id", Text(
                f"dubbel id {adviser.id!r} (ook in facts.vertrouwenspersonen[{j}])",
                f"duplicate id {adviser.id!r} (also in facts.vertrouwenspersonen[{j}])")))
        if not adviser.scope:
            problems.append(Problem(source, f"{where}.scope", Text(
                "noem integriteit en/of ongewenst_gedrag",
                "name integriteit and/or ongewenst_gedrag")))
        if adviser.since is not None and adviser.until is not None and (
                adviser.until < adviser.since):
            problems.append(Problem(source, f"{where}.until", Text(
                f"einde {adviser.until} ligt vóór het begin {adviser.since}",
                f"until {adviser.until} is before since {adviser.since}")))
    for i, waiver in enumerate(doc.waivers):
        where = f"waivers[{i}]"
        if not waiver.reason.strip():
            problems.append(Problem(source, f"{where}.reason", Text(
                "een ontheffing heeft een reden nodig", "a waiver needs a reason")))
        if waiver.since is not None and waiver.since > waiver.until:
            problems.append(Problem(source, f"{where}.since", Text(
                f"begin {waiver.since} ligt na het einde {waiver.until}",
                f"since {waiver.since} is after until {waiver.until}")))
    if not doc.organisation.name.strip():
        problems.append(Problem(source, "organisation.name", Text(
            "naam mag niet leeg zijn", "name must not be empty")))
    hc = doc.organisation.headcount
    if hc is not None and hc < 0:
        problems.append(Problem(source, "organisation.headcount", Text(
            f"{hc} is negatief", f"{hc} is negative")))
    return problems


def resolve_categories(doc: Document, source: str,
                       taxonomies: Iterable[Taxonomy] | None = None
                       ) -> tuple[Document, list[Problem]]:
    """``doc`` with every register category as a canonical key, and the problems: a
    ``category_labels`` entry that maps to no key, a category that is no key, no label of a
    taxonomy and not mapped, a gesprek linked to an entry that does not exist. The
    categories are those of ``taxonomies`` (default: the built-in ones; a registry's,
    plugins' included: :meth:`~integriteit.Registry.all_taxonomies`).

    Messages about an entry never repeat the wording given: the register holds no one's
    identity, and a name typed into a category must not leak into an error log. (Messages about
    ``category_labels``, the organisation's own configuration, do name the label.)
    """
    sets = tuple(taxonomies) if taxonomies is not None else BUILTIN_TAXONOMIES
    problems: list[Problem] = []
    labels = dict(doc.category_labels)
    for message in label_problem_texts(labels, sets):
        problems.append(Problem(source, "category_labels", message))
    if problems:
        return doc, problems
    lookup = LabelMap(labels, sets)
    ids = {e.id: e for e in doc.register}
    entries: list[RegisterEntry] = []
    changed = False
    for i, entry in enumerate(doc.register):
        keys: list[str] = []
        for j, raw in enumerate(entry.categories):
            key = lookup.resolve(raw)
            if key is None:
                problems.append(Problem(source, f"register[{i}].categories[{j}]", Text(
                    "onbekende categorie: geen sleutel van een taxonomie, geen bekende "
                    "omschrijving en niet vertaald in category_labels",
                    "unknown category: not a key of a taxonomy, not a known wording and not "
                    "mapped in category_labels"), entry.id))
            elif key not in keys:
                keys.append(key)
        if tuple(keys) != entry.categories:
            entry = attrs.evolve(entry, categories=tuple(keys))
            changed = True
        if entry.related_to is not None:
            target = ids.get(entry.related_to)
            if target is None or target.id == entry.id:
                problems.append(Problem(source, f"register[{i}].related_to", Text(
                    "verwijst niet naar een ander item van het register",
                    "does not name another entry of the register"), entry.id))
            elif target.kind is EntryKind.GESPREK:
                problems.append(Problem(source, f"register[{i}].related_to", Text(
                    "een gesprek hoort bij een melding, klacht of misstand, niet bij een "
                    "ander gesprek",
                    "a gesprek belongs to a melding, klacht or misstand, not to another "
                    "gesprek"), entry.id))
        entries.append(entry)
    always: dict[EntryKind, tuple[str, ...]] = {}
    for kind, raw_keys in doc.report.always.items():
        keys = []
        for j, raw in enumerate(raw_keys):
            key = lookup.resolve(raw)
            if key is None:
                problems.append(Problem(source, f"report.always.{kind.value}[{j}]", Text(
                    f"onbekende categorie {shown(raw)!r}: geen sleutel van een taxonomie, "
                    "geen bekende omschrijving en niet vertaald in category_labels",
                    f"unknown category {shown(raw)!r}: not a key of a taxonomy, not a known "
                    "wording and not mapped in category_labels")))
            elif key not in keys:
                keys.append(key)
        always[kind] = tuple(keys)
    if problems:
        return doc, problems
    if changed:
        doc = attrs.evolve(doc, register=tuple(entries))
    if always != dict(doc.report.always):
        doc = attrs.evolve(doc, report=attrs.evolve(doc.report, always=always))
    return doc, problems


# --- the ways in and out -------------------------------------------------------------------


def structure(data: object, cls: type[T], *, source: str = "<dict>", path: str = "") -> T:
    """Structure plain data into ``cls`` with the library's converter, or raise InputError.

    ``path`` prefixes every problem's path (e.g. ``"employee"``).
    """
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, BadValue) as exc:
        problems = _problems(exc, data, cls, source)
        if path:
            problems = [attrs.evolve(p, path=f"{path}.{p.path}" if p.path else path)
                        for p in problems]
        raise InputError(problems) from None


def from_dict(data: Mapping[str, Any] | object, *, source: str = "<dict>",
              separate_employees: bool = False, registry: Registry | None = None) -> Document:
    """A :class:`~integriteit.model.Document` from plain data (as parsed from JSON).

    ``separate_employees``: the employees come from another file (an HR export, see
    :func:`integriteit.read_employees`); the document must then list none itself.
    ``registry``: whose taxonomies the register's categories may come from (default: the
    built-in ones, and those of installed plugins).

    >>> doc = from_dict({"organisation": {"name": "Gemeente X", "kind": "gemeente"},
    ...                  "employees": [{"id": "E1", "start": "2024-01-15",
    ...                                 "employment": "ambtenaar"}]})
    >>> doc.employees[0].start
    datetime.date(2024, 1, 15)
    """
    return _validated(structure(data, Document, source=source), source, separate_employees,
                      registry)


def employees_twice(source: str) -> InputError:
    """A document that lists employees while they come from a separate file (an HR export):
    one source of truth."""
    return InputError([Problem(source, "employees", Text(
        "het document noemt zelf medewerkers terwijl ze uit een apart bestand komen; geef ze "
        "op één plek",
        "the document lists employees while they come from a separate file; give them in one "
        "place"))])


def _validated(doc: Document, source: str, separate_employees: bool,
               registry: Registry | None = None,
               employee_ids: Collection[str] | None = None) -> Document:
    if separate_employees and doc.employees:
        raise employees_twice(source)
    problems = document_problems(doc, source, separate_employees=separate_employees,
                                 employee_ids=employee_ids)
    if registry is not None:
        doc, more = resolve_categories(doc, source, registry.all_taxonomies())
    else:
        resolved, more = resolve_categories(doc, source)
        if more:  # perhaps categories of an installed plugin's taxonomy
            from integriteit.plugins import default_registry

            installed = default_registry().all_taxonomies()
            if len(installed) > len(BUILTIN_TAXONOMIES):
                resolved, more = resolve_categories(doc, source, installed)
        doc = resolved
    problems.extend(more)
    if problems:
        raise InputError(problems)
    return doc


def _parse(text: str | bytes, source: str) -> object:
    """JSON text as plain data, strictly (a key twice is kept for the structuring hooks).

    Bytes are UTF-8 (a byte order mark is allowed); UTF-16 or UTF-32, which JSON's own
    detection would read, are refused with one line, as the docs promise UTF-8.
    """
    if isinstance(text, bytes | bytearray):
        encoding = json.detect_encoding(text)
        if not encoding.startswith("utf-8"):
            name = "UTF-" + encoding.split("-")[1]
            raise InputError([Problem(source, "", Text(
                f"de tekst is {name}; integriteit leest UTF-8: sla het bestand op als UTF-8",
                f"the text is {name}; integriteit reads UTF-8: save the file as UTF-8"))])
    try:
        return json.loads(text, object_pairs_hook=_object_pairs)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(source, Text(f"regel {exc.lineno} kolom {exc.colno}",
                                               f"line {exc.lineno} column {exc.colno}"), Text(
            f"geen geldige JSON: {_JSON_MESSAGES_NL.get(exc.msg, exc.msg)}",
            f"not valid JSON: {exc.msg}"))]) from None
    except UnicodeDecodeError as exc:
        raise InputError([Problem(source, "", Text(
            f"geen UTF-8-tekst ({exc.reason})", f"not UTF-8 text ({exc.reason})"))]) from None
    except RecursionError:
        raise InputError([Problem(source, "", Text(
            "te diep geneste JSON", "JSON nested too deeply"))]) from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise InputError([Problem(source, "", Text(
            f"geen bruikbare JSON ({exc})", f"unusable JSON ({exc})"))]) from None


_JSON_MESSAGES_NL = {
    "Expecting value": "hier hoort een waarde",
    "Expecting property name enclosed in double quotes":
        "hier hoort een sleutel tussen dubbele aanhalingstekens",
    "Expecting ',' delimiter": "hier hoort een komma",
    "Expecting ':' delimiter": "hier hoort een dubbele punt",
    "Extra data": "tekst na het einde van de JSON",
    "Unterminated string starting at": "tekst zonder afsluitend aanhalingsteken, beginnend op",
    "Invalid control character at": "ongeldig stuurteken op",
    "Invalid \\escape": "ongeldige escape met \\",
    "Invalid \\uXXXX escape": "ongeldige escape \\uXXXX",
    "Illegal trailing comma before end of object": "komma vóór het einde van het object",
    "Illegal trailing comma before end of array": "komma vóór het einde van de lijst",
}
"""The standard library's JSON errors in Dutch (the English ones are its own)."""


def loads(text: str | bytes, *, source: str = "<string>",
          separate_employees: bool = False, registry: Registry | None = None) -> Document:
    """A document from JSON text; malformed JSON is an :class:`InputError` with line and column.

    A large document is read on a fast path (see :mod:`integriteit._fastload`) that gives the
    very same document; whenever its input is not plainly valid, the strict path reads it and
    says what is wrong.
    """
    if len(text) >= _fastload.FAST_FROM:
        raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        split = _fastload.split_employees(raw)
        if split is not None:
            rest, employees = split
            doc = structure(_parse(rest, source), Document, source=source)
            return _validated(attrs.evolve(doc, employees=employees), source,
                              separate_employees, registry)
    return from_dict(_parse(text, source), source=source, separate_employees=separate_employees,
                     registry=registry)


def loads_deferred(raw: bytes, *, source: str = "<string>",
                   registry: Registry | None = None
                   ) -> tuple[Document, _fastload.EmployeeRecords | None]:
    """As :func:`loads`, for a check: a large document whose employees are plainly valid
    comes without them, and they come as records (a sequence that builds each employee when
    it is read, so that a check over several processes builds each in the process that checks
    it); else the document as :func:`loads` reads it, and None. Problems are the same, and
    named the same, either way."""
    if len(raw) >= _fastload.FAST_FROM:
        split = _fastload.split_records(raw)
        if split is not None:
            rest, records = split
            doc = structure(_parse(rest, source), Document, source=source)
            if records.suspect():  # a closer look at each employee: build them
                return _validated(attrs.evolve(doc, employees=records.build()), source, False,
                                  registry), None
            return _validated(doc, source, False, registry, employee_ids=records.ids()), records
    return loads(raw, source=source, registry=registry), None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``; a file that cannot be read is an
    :class:`InputError` naming it."""
    p = Path(path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError([Problem(str(p), "", Text(
            f"kan het bestand niet lezen ({exc.strerror})",
            f"cannot read the file ({exc.strerror})"))]) from None


def load(path: str | os.PathLike[str], *, separate_employees: bool = False,
         registry: Registry | None = None) -> Document:
    """A document from a JSON file (``separate_employees``, ``registry``: as for
    :func:`from_dict`)."""
    return loads(read_bytes(path), source=str(Path(path)),
                 separate_employees=separate_employees, registry=registry)


def dump_document(doc: Document) -> dict[str, Any]:
    """JSON-ready data for ``doc`` (strings, numbers, lists, dicts); defaults are left out."""
    data: dict[str, Any] = converter.unstructure(doc)
    return data


def dumps(doc: Document, *, indent: int | None = 2) -> str:
    """``doc`` as JSON text that :func:`loads` reads back to an equal document."""
    return json.dumps(dump_document(doc), indent=indent, ensure_ascii=False)

