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

from datetime import date

__version__ = "0.1.0.dev0"

# Imported after __version__: the exporters read it.
from integriteit.api import check_employee, example, rules
from integriteit.engine import (
    Binding,
    CheckResult,
    Finding,
    Rule,
    RuleContext,
    RuleFailure,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    check,
)
from integriteit.errors import InputError, IntegriteitError, Problem
from integriteit.exporters import Exporter
from integriteit.i18n import Lang, Text
from integriteit.io import dump_document, dumps, from_dict, load, loads
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
from integriteit.plugins import PluginError, Registry
from integriteit.policy import Parameter, Policy, PolicyError
from integriteit.sources import LegalSource, Statute

__all__ = [
    "Binding",
    "Channel",
    "CheckResult",
    "Document",
    "Employee",
    "EmploymentKind",
    "EntryKind",
    "Exporter",
    "Facts",
    "Finding",
    "InputError",
    "IntegriteitError",
    "Lang",
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
    "Severity",
    "Status",
    "Statute",
    "SubjectKind",
    "Text",
    "__version__",
    "check",
    "check_employee",
    "date",
    "dump_document",
    "dumps",
    "example",
    "from_dict",
    "load",
    "loads",
    "rules",
]
