"""The ``json`` format: one object with every finding, for systems.

Keys of each finding: ``rule``, ``subject``, ``status``, ``due`` (ISO date or null), ``message``
(in the chosen language), ``source`` (the citation), ``severity``, ``facts`` and
``explanation`` (how the deadline was computed, or null). The top level
adds the reference date, the organisation, the effective policy, a summary per status, and the
rules with their dated versions and sources.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from integriteit import __version__
from integriteit.exporters import Exporter
from integriteit.exporters._common import json_value
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding, Rule
    from integriteit.plugins import Registry
    from integriteit.policy import Policy


def rule_to_json(rule: Rule, lang: Lang) -> dict[str, Any]:
    """A rule with its versions and sources, as plain data."""
    return {
        "id": rule.id,
        "title": rule.title.get(lang),
        "severity": rule.severity.value,
        "binding": rule.binding.value,
        "subject": rule.subject.value,
        "versions": [
            {
                "valid_from": v.valid_from.isoformat() if v.valid_from else None,
                "valid_until": v.valid_until.isoformat() if v.valid_until else None,
                "summary": v.summary.get(lang),
                "sources": [
                    {
                        "statute": s.statute.name,
                        "bwb_id": s.statute.bwb_id,
                        "article": s.article,
                        "lid": s.lid,
                        "letter": s.letter,
                        "url": s.link(),
                        "citation": s.cite(lang),
                    }
                    for s in v.sources
                ],
            }
            for v in rule.versions
        ],
    }


def _finding_dict(f: Finding, lang: Lang, source: str,
                  explanation: str | None) -> dict[str, Any]:
    """A finding's JSON fields; ``facts`` still holds model values (dates, texts)."""
    return {
        "rule": f.rule,
        "subject": f.subject,
        "status": f.status.value,
        "due": f.due.isoformat() if f.due is not None else None,
        "message": f.message(lang),
        "source": source,
        "severity": f.severity.value,
        "facts": f.facts,
        "explanation": explanation,
    }


def finding_to_json(f: Finding, lang: Lang) -> dict[str, Any]:
    """One finding as plain data, as in the ``findings`` list of ``--format json``."""
    explanation = f.explanation.explain(lang) if f.explanation is not None else None
    data = _finding_dict(f, lang, f.source(lang), explanation)
    data["facts"] = {k: json_value(v, lang) for k, v in f.facts.items()}
    return data


def _json_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def policy_to_json(policy: Policy, name: str, lang: Lang) -> dict[str, Any]:
    """One parameter as JSON: its value on the reference date, where it came from, and (when
    it changes over time) every period as ``history``."""
    ev = policy.values[name]
    data: dict[str, Any] = {
        "value": _json_value(ev.value),
        "set_by": ev.set_by.value,
        "origin": ev.parameter.origin.value,
        "note": ev.parameter.origin_note.get(lang),
    }
    if policy.is_dated(name):
        data["history"] = [
            {"since": p.since.isoformat() if p.since else None,
             "until": p.until.isoformat() if p.until else None,
             "value": _json_value(p.value), "set_by": p.set_by.value}
            for p in policy.timelines[name]]
    return data


def _header(result: CheckResult, lang: Lang) -> dict[str, Any]:
    org = result.document.organisation
    return {
        "integriteit": __version__,
        "at": result.at.isoformat(),
        "lang": lang,
        "organisation": {"name": org.name, "kind": org.kind.value, "headcount": org.headcount},
        "policy": {name: policy_to_json(result.policy, name, lang)
                   for name in result.policy.timelines},
        "summary": {s.value: n for s, n in result.counts().items()},
        "rules": [rule_to_json(r, lang) for r in result.rules],
    }


def _findings(result: CheckResult, lang: Lang) -> Iterator[dict[str, Any]]:
    # Rule versions and deadlines are shared between findings: render each once.
    citations: dict[int, str] = {}
    explanations: dict[int, str | None] = {id(None): None}
    for f in result.findings:
        source = citations.get(id(f.sources))
        if source is None:
            source = citations[id(f.sources)] = f.source(lang)
        key = id(f.explanation)
        if key in explanations:
            explanation = explanations[key]
        else:
            explanation = explanations[key] = f.explanation.explain(lang)  # type: ignore[union-attr]
        yield _finding_dict(f, lang, source, explanation)


def result_to_json(result: CheckResult, lang: Lang) -> dict[str, Any]:
    """The whole result as plain data: what ``--format json`` prints."""
    findings = []
    for item in _findings(result, lang):
        item["facts"] = {k: json_value(v, lang) for k, v in item["facts"].items()}
        findings.append(item)
    return {**_header(result, lang), "findings": findings}


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as one JSON object, each finding on a line of its own.

    The same data as :func:`result_to_json`, streamed: fact values are converted by the
    encoder's ``default`` hook, so a large result is not built twice in memory.
    """
    encode = json.JSONEncoder(ensure_ascii=False,
                              default=lambda v: json_value(v, lang)).encode
    header = json.dumps(_header(result, lang), ensure_ascii=False, indent=1)
    out.write(header[:-2] + ',\n "findings": [')
    sep = "\n  "
    for item in _findings(result, lang):
        out.write(sep)
        out.write(encode(item))
        sep = ",\n  "
    out.write("\n ]\n}\n")


def register(registry: Registry) -> None:
    """Plugin hook: the ``json`` exporter."""
    registry.add_exporter(Exporter(
        "json", Text("JSON voor systemen", "JSON for systems"), write))
