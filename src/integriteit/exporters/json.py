"""The ``json`` format: one object with every finding, for systems.

Keys of each finding: ``rule``, ``subject``, ``status``, ``due`` (ISO date or null), ``message``
(in the chosen language), ``source`` (the citation), ``severity`` and ``facts``. The top level
adds the reference date, the organisation, the effective policy, a summary per status, and the
rules with their dated versions and sources.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from integriteit import __version__
from integriteit.exporters import Exporter
from integriteit.exporters._common import json_value
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Rule
    from integriteit.plugins import Registry


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


def result_to_json(result: CheckResult, lang: Lang) -> dict[str, Any]:
    """The whole result as plain data (what ``--format json`` prints)."""
    org = result.document.organisation
    cite_cache: dict[int, str] = {}
    findings = []
    for f in result.findings:
        key = id(f.sources)
        source = cite_cache.get(key)
        if source is None:
            source = cite_cache[key] = f.source(lang)
        findings.append({
            "rule": f.rule,
            "subject": f.subject,
            "status": f.status.value,
            "due": f.due.isoformat() if f.due is not None else None,
            "message": f.message(lang),
            "source": source,
            "severity": f.severity.value,
            "facts": {k: json_value(v, lang) for k, v in f.facts.items()},
        })
    return {
        "integriteit": __version__,
        "at": result.at.isoformat(),
        "lang": lang,
        "organisation": {"name": org.name, "kind": org.kind.value, "headcount": org.headcount},
        "policy": {
            name: {
                "value": ev.value,
                "set_by": ev.set_by.value,
                "origin": ev.parameter.origin.value,
                "note": ev.parameter.origin_note.get(lang),
            }
            for name, ev in result.policy.values.items()
        },
        "summary": {s.value: n for s, n in result.counts().items()},
        "rules": [rule_to_json(r, lang) for r in result.rules],
        "findings": findings,
    }


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as one JSON object."""
    json.dump(result_to_json(result, lang), out, ensure_ascii=False, indent=1)
    out.write("\n")


def register(registry: Registry) -> None:
    """Plugin hook: the ``json`` exporter."""
    registry.add_exporter(Exporter(
        "json", Text("JSON voor systemen", "JSON for systems"), write))
