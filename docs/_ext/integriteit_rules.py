"""Sphinx directives that render rules and policy parameters from the code, not by hand.

``.. integriteit-rule:: RULE_ID``
   The rule as :func:`integriteit.rules` has it: id, titles (nl/en), binding, severity,
   subject, a table of its dated versions (period, the sources cited with links to
   wetten.overheid.nl, summary), the policy parameters it reads and how it decides.
``.. integriteit-parameters::``
   Every parameter of :data:`integriteit.policy.PARAMETERS`: name, kind, default, unit,
   origin, note and the rules that read it.

Each rule and parameter becomes a target for the roles ``:rule:`ID``` and
``:parameter:`NAME```. With ``-W`` the build fails on an unknown rule id, a reference to a
rule or parameter that is not rendered anywhere, or a built-in rule that no page renders, so
the pages cannot drift from the registry.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import integriteit
from integriteit.engine import Binding, Rule, RuleVersion, SubjectKind
from integriteit.plugins import BUILTIN, default_registry
from integriteit.policy import PARAMETERS, Parameter, ValueKind
from integriteit.sources import LegalSource

RULE_TYPE, RULE_ROLE = "integriteit-rule-id", "rule"
PARAMETER_TYPE, PARAMETER_ROLE = "integriteit-parameter", "parameter"

Inline = str | nodes.Node
Cell = str | nodes.Node | Sequence[nodes.Node]
"""A table cell: text, one node, or block nodes (paragraphs)."""

_SUBJECTS = {SubjectKind.EMPLOYEE: "each employee (employee)",
             SubjectKind.REGISTER_ENTRY: "each register entry (register_entry)",
             SubjectKind.ORGANISATION: "the organisation (organisation)"}
_BINDINGS = {Binding.STATUTE: "statute: the rule applies the law",
             Binding.POLICY: "policy: the organisation's own rule, not law"}


def _std(env: BuildEnvironment) -> StandardDomain:
    return cast(StandardDomain, env.get_domain("std"))


def _target_id(objtype: str, name: str) -> str:
    return nodes.make_id(f"{objtype}-{name}")


def _xref(role: str, target: str) -> addnodes.pending_xref:
    """A link to a rule or parameter rendered on some page (a warning when there is none)."""
    ref = addnodes.pending_xref("", refdomain="std", reftype=role, reftarget=target,
                                refexplicit=False, refwarn=True)
    ref += nodes.literal(target, target)
    return ref


def _para(*children: Inline) -> nodes.paragraph:
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _table(header: Sequence[str], widths: Sequence[int], rows: Sequence[Sequence[Cell]],
           title: str | None = None) -> nodes.table:
    table = nodes.table(classes=["integriteit-table"])
    if title:
        table += nodes.title(text=title)
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head, body = nodes.thead(), nodes.tbody()
    head += _row(header)
    body.extend(_row(cells) for cells in rows)
    group += head
    group += body
    return table


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, str):
            entry += _para(cell)
        elif isinstance(cell, nodes.Node):
            entry += cell
        else:
            entry.extend(cell)
        row += entry
    return row


def _fields(items: Sequence[tuple[str, Inline | Sequence[Inline]]]) -> nodes.field_list:
    fields = nodes.field_list()
    for name, value in items:
        body = nodes.field_body()
        body += _para(value) if isinstance(value, str | nodes.Node) else _para(*value)
        fields += nodes.field("", nodes.field_name(text=name), body)
    return fields


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _period(v: RuleVersion) -> str:
    if v.valid_from is None and v.valid_until is None:
        return "always (not dated)"
    if v.valid_from is None:
        return f"until {_day(v.valid_until)} (began before the period the library models)"
    if v.valid_until is None:
        return f"from {_day(v.valid_from)}"
    return f"{_day(v.valid_from)} to {_day(v.valid_until)}"


def _citations(sources: Sequence[LegalSource]) -> list[nodes.Node]:
    if not sources:
        return [_para(nodes.emphasis(text="none: organisation policy, not law"))]
    return [_para(nodes.reference("", s.cite("en"), refuri=s.link())) for s in sources]


def _json(value: object) -> str:
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def _kind(p: Parameter) -> nodes.paragraph:
    """The kind and the values it takes, e.g. ``months``: 0 to 120; ``choice``: ``"none"``, ..."""
    parts: list[Inline] = [nodes.literal(text=p.kind.value), ": "]
    if p.kind in (ValueKind.MONTHS, ValueKind.DAYS, ValueKind.NUMBER_OR_NONE):
        parts.append(f"{p.minimum} to {p.maximum}")
        if p.kind is ValueKind.NUMBER_OR_NONE:
            parts += [", or ", nodes.literal(text="null")]
        return _para(*parts)
    values = {ValueKind.MONTH_DAY: ['"MM-DD"'], ValueKind.FLAG: ["true", "false"],
              ValueKind.CHOICE: [json.dumps(c) for c in p.choices],
              ValueKind.NAMES: ['["name", ...]']}[p.kind]
    for i, value in enumerate(values):
        parts += [", " if i else "", nodes.literal(text=value)]
    return _para(*parts)


def _note(p: Parameter) -> list[nodes.Node]:
    note = [_para(p.origin_note.en)]
    if p.source is not None:
        note.append(_para("Source: ", nodes.reference("", p.source.cite("en"),
                                                      refuri=p.source.link())))
    return note


class RuleDirective(SphinxDirective):
    """``.. integriteit-rule:: RULE_ID``: one rule, from the registry."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        rule_id = self.arguments[0]
        rules = {r.id: r for r in integriteit.rules()}
        if rule_id not in rules:
            raise self.error(f"unknown rule {rule_id!r} (known: {', '.join(rules)})")
        rule = rules[rule_id]
        node_id = _target_id(RULE_TYPE, rule_id)
        box = nodes.container(ids=[node_id], classes=["integriteit-rule"])
        _std(self.env).note_object(RULE_TYPE, rule_id, node_id, location=self.get_location())
        box += nodes.rubric("", "", nodes.literal(text=rule_id), nodes.Text(": " + rule.title.en))
        box += _fields(self._facts(rule))
        box += _table(["in force", "sources", "summary"], [22, 30, 48],
                      [[_period(v), _citations(v.sources), v.summary.en] for v in rule.versions],
                      title=f"Versions of {rule_id}")
        params = [PARAMETERS[n] for n in rule.parameters if n in PARAMETERS]
        if params:
            box += _table(["parameter", "default", "origin", "note"], [24, 12, 12, 52],
                          [[_para(_xref(PARAMETER_ROLE, p.name)), _para(nodes.literal(
                              text=_json(p.default))), p.origin.value, _note(p)]
                           for p in params],
                          title=f"Policy parameters {rule_id} reads (not law)")
        if rule.explanation is not None:
            box += _para(nodes.strong(text="How it decides: "), rule.explanation.en)
        return [box]

    @staticmethod
    def _facts(rule: Rule) -> list[tuple[str, Inline | Sequence[Inline]]]:
        facts: list[tuple[str, Inline | Sequence[Inline]]] = [
            ("Rule id", nodes.literal(text=rule.id)),
            ("Title", f"{rule.title.nl} (nl); {rule.title.en} (en)"),
            ("Binding", _BINDINGS[rule.binding]),
            ("Severity", nodes.literal(text=rule.severity.value)),
            ("Applies to", _SUBJECTS[rule.subject]),
        ]
        if rule.required_by is not None:
            facts.append(("Runs", ["only when the document's policy asks for it on some date, "
                                   "or when selected by id (", nodes.literal(text="--rule"),
                                   ", ", nodes.literal(text="rules="), ")"]))
        return facts


class ParametersDirective(SphinxDirective):
    """``.. integriteit-parameters::``: every policy parameter, from the code."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        std = _std(self.env)
        rows: list[list[Cell]] = []
        for p in PARAMETERS.values():
            node_id = _target_id(PARAMETER_TYPE, p.name)
            std.note_object(PARAMETER_TYPE, p.name, node_id, location=self.get_location())
            name = nodes.paragraph(ids=[node_id])
            name += nodes.literal(text=p.name)
            used_by: list[Inline] = []
            for rule_id in p.used_by:
                if used_by:
                    used_by.append(", ")
                used_by.append(_xref(RULE_ROLE, rule_id))
            rows.append([name, _kind(p), _para(nodes.literal(text=_json(p.default))),
                         p.unit.en, p.origin.value, _note(p), _para(*used_by)])
        return [_table(["name", "kind", "default", "unit", "origin", "note", "read by"],
                       [16, 13, 8, 13, 9, 27, 14], rows)]


def _check_rules_rendered(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn (an error under -W) when a built-in rule has no ``integriteit-rule`` anywhere."""
    rendered = {name for kind, name in _std(env).objects if kind == RULE_TYPE}
    registry = default_registry()
    missing = [r.id for r in registry.rules.values()
               if registry.origins.get(f"rule:{r.id}") in BUILTIN and r.id not in rendered]
    if missing:
        logging.getLogger(__name__).warning(
            "built-in rules without an integriteit-rule directive: %s", ", ".join(missing))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_object_type(RULE_TYPE, RULE_ROLE, objname="rule")
    app.add_object_type(PARAMETER_TYPE, PARAMETER_ROLE, objname="policy parameter")
    # Unlike the default, a reference to a rule or parameter no page renders is a warning.
    app.add_role_to_domain("std", RULE_ROLE, XRefRole(warn_dangling=True), override=True)
    app.add_role_to_domain("std", PARAMETER_ROLE, XRefRole(warn_dangling=True), override=True)
    app.add_directive("integriteit-rule", RuleDirective)
    app.add_directive("integriteit-parameters", ParametersDirective)
    app.connect("env-check-consistency", _check_rules_rendered)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
