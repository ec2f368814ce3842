"""Conveniences over the engine for embedding: one employee at a time, the rule list, and a
result in any format (:func:`export`)."""

from __future__ import annotations

import io
import os
import tempfile
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from importlib import resources
from pathlib import Path
from typing import IO, Any, BinaryIO

from integriteit.engine import (
    CheckResult,
    Finding,
    FindingStream,
    Rule,
    Status,
    SubjectKind,
    check,
)
from integriteit.errors import InputError
from integriteit.exporters import Exporter
from integriteit.i18n import Lang
from integriteit.io import employee_problems, loads, structure
from integriteit.model import Document, Employee, Organisation, OrganisationKind, PolicySettings
from integriteit.plugins import Registry, default_registry


def check_employee(
    employee: Employee | Mapping[str, Any],
    at: date | None = None,
    *,
    term_months: int | None = None,
    organisation: Organisation | None = None,
    policy: PolicySettings | None = None,
    registry: Registry | None = None,
    only: Iterable[Status | str] | None = None,
) -> tuple[Finding, ...]:
    """Check one employee with every employee rule, without building a whole document.

    ``employee`` may be plain data as typed into a form; problems raise
    :class:`~integriteit.InputError` with paths like ``employee.start``. ``organisation``
    defaults to one of kind ``overig``: give the real one for an employee who started before
    2020, since the old Ambtenarenwet (art. 125quinquies) bound only the Rijk, provincies,
    gemeenten and waterschappen, and its rules are ``not_applicable`` to any other employer.
    ``only`` gives only the findings with those statuses, e.g. what needs action on an HR
    form (``["due", "overdue", "late", "invalid"]``).

    >>> from datetime import date
    >>> for f in check_employee({"id": "N1", "start": "2025-12-31", "employment": "ambtenaar"},
    ...                         at=date(2026, 2, 28)):
    ...     print(f.rule, f.status.value)
    ambtenarenwet.eed due
    ambtenarenwet.nevenwerkzaamheden unknown
    ambtenarenwet.openbaarmaking not_applicable
    >>> [f.rule for f in check_employee({"id": "N1", "start": "2025-12-31",
    ...                                  "employment": "ambtenaar"}, at=date(2026, 2, 28),
    ...                                 only=["due", "overdue", "late", "invalid"])]
    ['ambtenarenwet.eed']
    """
    if not isinstance(employee, Employee):
        employee = structure(employee, Employee, source="<dict>", path="employee")
    problems = employee_problems(employee, "employee", "<dict>")
    if problems:
        raise InputError(problems)
    org = organisation or Organisation("-", OrganisationKind.OVERIG)
    doc = Document(org, (employee,), policy or PolicySettings())
    reg = registry if registry is not None else default_registry()
    return check(doc, at, term_months=term_months, registry=reg,
                 subject=SubjectKind.EMPLOYEE, only=only).findings


def rules(registry: Registry | None = None) -> tuple[Rule, ...]:
    """Every registered rule (built-in and from plugins), in registration order."""
    reg = registry if registry is not None else default_registry()
    return tuple(reg.rules.values())


def example_text() -> str:
    """The bundled example document (what ``integriteit demo`` checks), as JSON text."""
    return resources.files("integriteit").joinpath("data/demo.json").read_text("utf-8")


def example() -> Document:
    """The bundled example document: a province's HR export of 15 employees.

    >>> example().organisation.name
    'Provincie Voorbeeld'
    """
    return loads(example_text(), source="demo.json")


def export(result: CheckResult | FindingStream, format: str = "text", *, lang: Lang = "nl",
           to: str | os.PathLike[str] | IO[bytes] | IO[str] | None = None,
           explain: bool = False, registry: Registry | None = None) -> str | None:
    """``result`` in any registered format (``text``, ``json``, ``jsonl``, ``csv``, a
    plugin's): as a string, or written to ``to`` (a path, written atomically; or an open
    binary or text file), and then None. A :class:`~integriteit.FindingStream` is written as
    it is read where the format streams (``json``, ``jsonl``, ``csv``); read it once.
    ``explain`` uses the format's explained variant where it has one (``text``).

    >>> from integriteit import check, example, date
    >>> text = export(check(example(), date(2026, 6, 1)), "json", lang="en")
    >>> import json; json.loads(text)["summary"]["overdue"]
    5
    """
    reg = registry if registry is not None else default_registry()
    exporter = reg.exporter(format)
    if to is None:
        buffer = io.BytesIO()
        _export(result, exporter, buffer, lang, explain)
        return buffer.getvalue().decode("utf-8")
    if isinstance(to, str | os.PathLike):
        path = Path(to)
        handle, name = tempfile.mkstemp(prefix=".integriteit-", suffix=".part",
                                        dir=path.absolute().parent)
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as into:
                _export(result, exporter, into, lang, explain)
            temporary.replace(path)
        finally:
            temporary.unlink(missing_ok=True)
        return None
    if isinstance(to, io.TextIOBase) or hasattr(to, "encoding"):  # a text file
        buffer = io.BytesIO()
        _export(result, exporter, buffer, lang, explain)
        typing.cast(IO[str], to).write(buffer.getvalue().decode("utf-8"))
        return None
    _export(result, exporter, typing.cast(BinaryIO, to), lang, explain)
    return None


def _export(result: CheckResult | FindingStream, exporter: Exporter, out: BinaryIO,
            lang: Lang, explain: bool) -> None:
    """Write ``result`` with ``exporter`` as UTF-8 bytes to ``out``."""
    if isinstance(result, FindingStream):
        if exporter.stream is not None and not explain:
            exporter.stream(result, out, lang)
            return
        result = result.collect()
    write = (exporter.write_explained if explain and exporter.write_explained is not None
             else exporter.write)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        write(result, text, lang)
        text.flush()
    finally:
        text.detach()
