"""Conveniences over the engine for embedding: one employee at a time, and the rule list."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from importlib import resources
from typing import Any

from integriteit.engine import Finding, Rule, Status, SubjectKind, check
from integriteit.errors import InputError
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
