"""The ``json`` format: one object with every finding, for systems.

Keys of each finding: ``rule``, ``subject``, ``status``, ``due`` (ISO date or null), ``message``
(in the chosen language), ``source`` (the citation), ``severity``, ``facts``, ``explanation``
(how the deadline was computed, or null) and ``caveats`` (a list of ``{"code", "message"}``,
e.g. ``atw.calendar_incomplete``; empty for most findings). The top level
adds the reference date, the organisation, the effective policy, a summary per status, and the
rules with their dated versions and sources.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from integriteit import __version__
from integriteit._output import copy_rest as copy_file
from integriteit._output import patchable
from integriteit.engine import FindingStream, Status
from integriteit.exporters import Exporter
from integriteit.exporters._common import caveats_to_json, json_text, json_value
from integriteit.exporters._encode import FindingEncoder, text_writer
from integriteit.i18n import Lang, Text
from integriteit.law import termijnenwet as atw

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding, FindingStream, Rule
    from integriteit.plugins import Registry
    from integriteit.policy import Policy


SCHEMA_VERSION = 1
"""The version of the output's structure (``integriteit/data/output.schema.json``): raised when
a key is removed or changes meaning; within a version keys are only added."""


def atw_calendar_to_json(rule: Rule, lang: Lang) -> dict[str, Any] | None:
    """For a rule with a term the Algemene termijnenwet extends: the years whose days made
    equal to a feestdag by Royal Decree (art. 3(3)) are known, the last of them, the first
    year modelled at all, and that in words; else None."""
    if not any(t.atw_applies for t in rule.terms):
        return None
    return {"complete_years": sorted(atw.COMPLETE_YEARS),
            "last_complete_year": atw.LAST_COMPLETE_YEAR,
            "first_modelled_year": atw.FIRST_MODELLED_YEAR,
            "message": atw.calendar_known().get(lang)}


def rule_to_json(rule: Rule, lang: Lang) -> dict[str, Any]:
    """A rule with its versions and sources, and (``atw_calendar``) how far the calendar of
    its Atw-extended terms is known, as plain data."""
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
        "atw_calendar": atw_calendar_to_json(rule, lang),
    }


def finding_to_json(f: Finding, lang: Lang) -> dict[str, Any]:
    """One finding as plain data, as in the ``findings`` list of ``--format json``."""
    return {
        "rule": f.rule,
        "subject": f.subject,
        "status": f.status.value,
        "due": f.due.isoformat() if f.due is not None else None,
        "message": f.message(lang),
        "source": f.source(lang),
        "severity": f.severity.value,
        "facts": {k: json_value(v, lang) for k, v in f.facts.items()},
        "explanation": f.explanation.explain(lang) if f.explanation is not None else None,
        "caveats": caveats_to_json(f.caveats, lang),
    }


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


def _header(result: CheckResult | FindingStream, lang: Lang,
            summary: object = None) -> dict[str, Any]:
    org = result.organisation
    return {
        "integriteit": __version__,
        "schema_version": SCHEMA_VERSION,
        "at": result.at.isoformat(),
        "lang": lang,
        "organisation": {"name": org.name, "kind": org.kind.value, "headcount": org.headcount},
        "policy": {name: policy_to_json(result.policy, name, lang)
                   for name in result.policy.timelines},
        "summary": ({s.value: n for s, n in result.counts().items()} if summary is None
                    else summary),
        # The statuses "findings" lists (--only); null: all. The summary counts every one.
        "only": (None if result.only is None
                 else [s.value for s in Status if s in result.only]),
        "rules": [rule_to_json(r, lang) for r in result.rules],
    }


_COUNT_WIDTH = 12
"""The summary's counts are right-aligned in a column at least this wide, so that they can be
filled in once the findings are written (``"ok":      69030``; JSON allows the spaces)."""

_MARK = "\u0000summary\u0000"


def _summary(counts: dict[Status, int] | None) -> bytes:
    """The ``summary`` object as the header writes it (indent 1, counts in a fixed width)."""
    longest = max(len(s.value) for s in Status)
    lines = [f'  "{s.value}": {(counts or {}).get(s, 0):>{_COUNT_WIDTH + longest - len(s.value)}}'
             for s in Status]
    return ("{\n" + ",\n".join(lines) + "\n }").encode("utf-8")


def _head(result: CheckResult | FindingStream, lang: Lang,
          counts: dict[Status, int] | None) -> tuple[bytes, int]:
    """The output up to the first finding, and where its summary starts."""
    text = json_text(_header(result, lang, _MARK))
    before, after = text.split(json.dumps(_MARK), 1)
    start = before.encode("utf-8")
    return (start + _summary(counts) + after[:-2].encode("utf-8")
            + b',\n "findings": ['), len(start)


def result_to_json(result: CheckResult, lang: Lang) -> dict[str, Any]:
    """The whole result as plain data: what ``--format json`` prints."""
    return {**_header(result, lang),
            "findings": [finding_to_json(f, lang) for f in result.findings]}


_FIRST = b"\n  "
_BETWEEN = b",\n  "


def _write(result: CheckResult | FindingStream, findings: Iterable[Finding], out: BinaryIO,
           lang: Lang) -> None:
    """The header, whose summary is known only at the end, then the findings, as they are
    made. Into a file, the summary is filled in afterwards; into a pipe, the findings go to a
    temporary file first. Either way a large run is never held in memory, and the bytes
    written are the same."""
    if patchable(out):
        begin = out.tell()
        head, at = _head(result, lang, None)
        out.write(head)
        FindingEncoder(lang).lines(findings, out, _BETWEEN, _FIRST)
        out.write(b"\n ]\n}\n")
        end = out.tell()
        out.seek(begin + at)
        out.write(_summary(result.counts()))
        out.seek(end)
        return
    with tempfile.TemporaryFile() as spool:
        FindingEncoder(lang).lines(findings, spool, _BETWEEN, _FIRST)
        out.write(_head(result, lang, result.counts())[0])
        spool.seek(0)
        copy_file(spool, out)
    out.write(b"\n ]\n}\n")


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as one JSON object, each finding on a line of its own.

    The same data as :func:`result_to_json`.
    """
    sink, done = text_writer(out)
    _write(result, result.findings, sink, lang)
    done()


def stream(run: FindingStream, out: BinaryIO, lang: Lang) -> None:
    """Write a streamed check as one JSON object (the same as :func:`write`)."""
    _write(run, run, out, lang)


def register(registry: Registry) -> None:
    """Plugin hook: the ``json`` exporter."""
    registry.add_exporter(Exporter(
        "json", Text("JSON voor systemen", "JSON for systems"), write, stream=stream))
