"""integriteit: the integrity obligations of Dutch public employers as typed, dated rules.

The public API is what this module exports; everything else is internal and may change.

>>> import integriteit
>>> doc = integriteit.from_dict({
...     "organisation": {"name": "Provincie Voorbeeld", "kind": "provincie", "headcount": 640},
...     "employees": [{"id": "E1", "start": "2024-01-15", "employment": "ambtenaar",
...                    "oath": {"date": "2024-03-01", "form": "belofte"}}]})
>>> result = integriteit.check(doc, at=integriteit.date(2024, 6, 1))
>>> finding = result.findings[0]
>>> finding.rule, finding.status, finding.due
('ambtenarenwet.eed', <Status.OK: 'ok'>, datetime.date(2024, 3, 15))
>>> print(finding.message("en"))  # doctest: +NORMALIZE_WHITESPACE
Taken (belofte) on 2024-03-01, within the term: by 2024-03-15
(2 months after the start of employment on 2024-01-15).
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0.dev0"

if TYPE_CHECKING:
    from integriteit.api import (
        check_employee,
        example,
        export,
        rules,
    )
    from integriteit.caveats import (
        Caveat,
    )
    from integriteit.engine import (
        Binding,
        CheckResult,
        Finding,
        FindingStream,
        LawDateOf,
        Rule,
        RuleContext,
        RuleFailure,
        RuleVersion,
        RunInterrupted,
        Severity,
        Status,
        SubjectKind,
        check,
        check_stream,
        shared_facts,
    )
    from integriteit.errors import (
        CalendarError,
        InputError,
        IntegriteitError,
        Problem,
    )
    from integriteit.exporters import (
        Exporter,
    )
    from integriteit.hr_export import (
        ColumnMapping,
        EmployeeFile,
        load_mapping,
        read_employees,
    )
    from integriteit.i18n import (
        Lang,
        Text,
    )
    from integriteit.io import (
        dump_document,
        dumps,
        from_dict,
        load,
        loads,
    )
    from integriteit.model import (
        Channel,
        Document,
        Employee,
        EmploymentKind,
        EntryKind,
        Facts,
        Meldprocedure,
        Nevenwerk,
        Oath,
        OathForm,
        Organisation,
        OrganisationKind,
        PolicySettings,
        RegisterEntry,
    )
    from integriteit.plugins import (
        PluginError,
        Registry,
    )
    from integriteit.policy import (
        Parameter,
        Policy,
        PolicyError,
    )
    from integriteit.sources import (
        LegalSource,
        Statute,
    )

_MODULES: dict[str, str] = {
    "check_employee": "integriteit.api",
    "example": "integriteit.api",
    "export": "integriteit.api",
    "rules": "integriteit.api",
    "Caveat": "integriteit.caveats",
    "Binding": "integriteit.engine",
    "CheckResult": "integriteit.engine",
    "Finding": "integriteit.engine",
    "FindingStream": "integriteit.engine",
    "LawDateOf": "integriteit.engine",
    "Rule": "integriteit.engine",
    "RuleContext": "integriteit.engine",
    "RuleFailure": "integriteit.engine",
    "RunInterrupted": "integriteit.engine",
    "RuleVersion": "integriteit.engine",
    "Severity": "integriteit.engine",
    "Status": "integriteit.engine",
    "SubjectKind": "integriteit.engine",
    "check": "integriteit.engine",
    "check_stream": "integriteit.engine",
    "shared_facts": "integriteit.engine",
    "CalendarError": "integriteit.errors",
    "InputError": "integriteit.errors",
    "IntegriteitError": "integriteit.errors",
    "Problem": "integriteit.errors",
    "Exporter": "integriteit.exporters",
    "ColumnMapping": "integriteit.hr_export",
    "EmployeeFile": "integriteit.hr_export",
    "load_mapping": "integriteit.hr_export",
    "read_employees": "integriteit.hr_export",
    "Lang": "integriteit.i18n",
    "Text": "integriteit.i18n",
    "dump_document": "integriteit.io",
    "dumps": "integriteit.io",
    "from_dict": "integriteit.io",
    "load": "integriteit.io",
    "loads": "integriteit.io",
    "Channel": "integriteit.model",
    "Document": "integriteit.model",
    "Employee": "integriteit.model",
    "EmploymentKind": "integriteit.model",
    "EntryKind": "integriteit.model",
    "Facts": "integriteit.model",
    "Meldprocedure": "integriteit.model",
    "Nevenwerk": "integriteit.model",
    "Oath": "integriteit.model",
    "OathForm": "integriteit.model",
    "Organisation": "integriteit.model",
    "OrganisationKind": "integriteit.model",
    "PolicySettings": "integriteit.model",
    "RegisterEntry": "integriteit.model",
    "PluginError": "integriteit.plugins",
    "Registry": "integriteit.plugins",
    "Parameter": "integriteit.policy",
    "Policy": "integriteit.policy",
    "PolicyError": "integriteit.policy",
    "LegalSource": "integriteit.sources",
    "Statute": "integriteit.sources",
}
"""Where each public name lives: imported on first use, so that ``import integriteit`` and
``integriteit --help`` stay quick (the rules load only when a check needs them)."""


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:  # a submodule, as ``integriteit.io`` after ``import integriteit``
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

__all__ = [
    "Binding",
    "CalendarError",
    "Caveat",
    "Channel",
    "CheckResult",
    "ColumnMapping",
    "Document",
    "Employee",
    "EmployeeFile",
    "EmploymentKind",
    "EntryKind",
    "Exporter",
    "Facts",
    "Finding",
    "FindingStream",
    "InputError",
    "IntegriteitError",
    "Lang",
    "LawDateOf",
    "LegalSource",
    "Meldprocedure",
    "Nevenwerk",
    "Oath",
    "OathForm",
    "Organisation",
    "OrganisationKind",
    "Parameter",
    "PluginError",
    "Policy",
    "PolicyError",
    "PolicySettings",
    "Problem",
    "RegisterEntry",
    "Registry",
    "Rule",
    "RuleContext",
    "RuleFailure",
    "RuleVersion",
    "RunInterrupted",
    "Severity",
    "Status",
    "Statute",
    "SubjectKind",
    "Text",
    "__version__",
    "check",
    "check_employee",
    "check_stream",
    "date",
    "dump_document",
    "dumps",
    "example",
    "export",
    "from_dict",
    "load",
    "load_mapping",
    "loads",
    "read_employees",
    "rules",
    "shared_facts",
]
