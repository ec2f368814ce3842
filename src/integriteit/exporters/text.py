"""The ``text`` format: for people. Grouped by status, what needs action first.

A finding with caveats (e.g. a deadline computed over a year without a known Royal Decree,
``atw.calendar_incomplete``) is followed by one indented ``Let op:`` / ``Note:`` line each,
with the caveat's code, and is never folded into a line of many subjects.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from integriteit.engine import SUBJECT_WORDS, SubjectKind, caveats_of
from integriteit.errors import one_line
from integriteit.exporters import Exporter
from integriteit.exporters._common import (
    STATUS_LABELS,
    STATUS_ORDER,
    counts_in_words,
    statuses_in_words,
)
from integriteit.i18n import Lang, Text, date_text, for_people, people_dates
from integriteit.model import ORGANISATION_KIND_LABELS

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding
    from integriteit.plugins import Registry

_HEAD = Text("{name} ({kind}{headcount}), peildatum {at}",
             "{name} ({kind}{headcount}), as of {at}")
_HEADCOUNT = Text(", {n} medewerkers", ", {n} staff")
_POLICY = Text("Beleid: {title} = {value}; {why}.", "Policy: {title} = {value}; {why}.")
_DUE = Text("uiterlijk {due}", "due {due}")
_SUMMARY = Text("Samenvatting: {total:bevinding|bevindingen} van {rules:regel|regels} over "
                "{subjects:onderwerp|onderwerpen}: {counts}.",
                "Summary: {total:finding|findings} of {rules:rule|rules} over "
                "{subjects:subject|subjects}: {counts}.")
_NONE = Text("Geen bevindingen.", "No findings.")
_NONE_LISTED = Text("Geen bevindingen met de gevraagde statussen ({statuses}).",
                    "No findings with the statuses asked for ({statuses}).")
_SUMMARY_ONLY = Text("Samenvatting: {total:bevinding|bevindingen} van {rules:regel|regels}: "
                     "{counts}; getoond: {listed} ({statuses}).",
                     "Summary: {total:finding|findings} of {rules:rule|rules}: {counts}; "
                     "listed: {listed} ({statuses}).")
_MANY = Text("{n} onderwerpen ({ids}):", "{n} subjects ({ids}):")
_CAVEAT = Text("Let op: {message} [{code}]", "Note: {message} [{code}]")

COLLAPSE_AT = 10
"""From this many findings of one rule and status with the same message, text shows one line."""


def _sort_key(f: Finding) -> tuple[str, str, str]:
    return (f.rule, f.due.isoformat() if f.due else "", f.subject)


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` for people to read."""
    _write(result, out, lang, explain=False)


def write_explained(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` for people, each finding followed by how it came about."""
    _write(result, out, lang, explain=True)


def _write(result: CheckResult, out: TextIO, lang: Lang, *, explain: bool) -> None:
    org = result.document.organisation
    headcount = _HEADCOUNT.format(lang, n=org.headcount) if org.headcount is not None else ""
    # Words from the document (the name, ids, a function in a message) are written on one
    # line, with control characters escaped: they cannot fake a line or move the cursor.
    dates = people_dates()
    out.write(_HEAD.format(lang, name=one_line(org.name),
                           kind=ORGANISATION_KIND_LABELS[org.kind], headcount=headcount,
                           at=date_text(result.at, lang, dates)) + "\n")
    # The parameters the run's rules read, with their value on the reference date.
    read = dict.fromkeys(n for r in result.rules for n in r.parameters
                         if n in result.policy.timelines and result.policy.shown_to_people(n))
    for name in read:
        ev = result.policy[name]
        p = ev.parameter
        why = for_people(ev.explanation, lang)
        if result.policy.is_dated(name):
            why += "; " + ("wijzigt in de tijd, zie 'integriteit policy'" if lang == "nl"
                           else "changes over time, see 'integriteit policy'")
        out.write(_POLICY.format(lang, title=p.title, value=p.describe(ev.value, lang),
                                 why=why) + "\n")
    by_status = {s: [] for s in STATUS_ORDER}  # type: dict[object, list[Finding]]
    for f in result.findings:
        by_status.setdefault(f.status, []).append(f)
    width = min(max((len(f.subject) for f in result.findings), default=0), 24)
    due_width = max((len(_DUE.format(lang, due=date_text(f.due, lang, dates)))
                     for f in result.findings if f.due is not None), default=0)
    # An organisation's findings have the subject "organisation" (a key for systems): for
    # people, the word in their language.
    kind_of = {r.id: r.subject for r in result.rules}  # an employee and an entry may share an id
    organisation = SUBJECT_WORDS[SubjectKind.ORGANISATION].get(lang)
    for status in STATUS_ORDER:
        group = sorted(by_status[status], key=_sort_key)
        if not group:
            continue
        out.write(f"\n{STATUS_LABELS[status].get(lang)}: {len(group)}\n")
        for rule_id, items in groupby(group, key=lambda f: f.rule):
            out.write(f"  {rule_id}\n")
            rows = list(items)
            messages = [one_line(f.message(lang, dates)) for f in rows]
            caveats = [() if f.explanation is None else caveats_of(f.explanation)
                       for f in rows]
            # Many subjects with the very same message (e.g. facts not given for anyone): one
            # line with the count and the first ids, so the exceptions stay readable. A
            # finding with a caveat keeps its own line, the caveat under it.
            counted = (Counter(m for m, c in zip(messages, caveats, strict=True) if not c)
                       if any(caveats) else Counter(messages))
            repeated = {m for m, n in counted.items() if n >= COLLAPSE_AT}
            subjects_of: dict[str, list[str]] = {m: [] for m in repeated}
            for f, m, c in zip(rows, messages, caveats, strict=True):
                if m in subjects_of and not c:
                    subjects_of[m].append(f.subject)
            for m in sorted(repeated):
                ids = subjects_of[m]
                shown = ", ".join(map(one_line, ids[:3])) + (", ..." if len(ids) > 3 else "")
                out.write(f"    {_MANY.format(lang, n=len(ids), ids=shown)}  {m}\n")
            for f, message, notes in zip(rows, messages, caveats, strict=True):
                if message in repeated and not notes:
                    continue
                due = _DUE.format(lang, due=date_text(f.due, lang, dates)) if f.due else ""
                subject = (organisation if kind_of.get(f.rule) is SubjectKind.ORGANISATION
                           else one_line(f.subject))
                out.write(f"    {subject:<{width}}  {due:<{due_width}}  {message}\n")
                for caveat in notes:
                    out.write(textwrap.fill(
                        _CAVEAT.format(lang, message=one_line(caveat.text(lang)),
                                       code=caveat.code), 100,
                        initial_indent="        ", subsequent_indent="          ") + "\n")
                if explain:
                    out.write(textwrap.fill(result.explain(f, lang), 100,
                                            initial_indent="        ",
                                            subsequent_indent="        ") + "\n")
    counts = result.counts()
    summary = counts_in_words(counts, lang)
    if result.only is not None:  # --only: the listing is a part, the summary counts them all
        asked = statuses_in_words(result.only, lang)
        if not result.findings:
            out.write("\n" + _NONE_LISTED.format(lang, statuses=asked) + "\n")
        out.write("\n" + _SUMMARY_ONLY.format(
            lang, total=sum(counts.values()), rules=len(result.rules), counts=summary,
            listed=len(result.findings), statuses=asked) + "\n")
        return
    if not result.findings:
        out.write("\n" + _NONE.get(lang) + "\n")
    subjects = len({(kind_of.get(f.rule), f.subject) for f in result.findings})
    out.write("\n" + _SUMMARY.format(lang, total=len(result.findings), rules=len(result.rules),
                                     subjects=subjects, counts=summary) + "\n")


def register(registry: Registry) -> None:
    """Plugin hook: the ``text`` exporter."""
    registry.add_exporter(Exporter(
        "text", Text("Tekst voor mensen", "Text for people"), write, write_explained))
