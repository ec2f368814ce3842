"""The ``markdown`` format: for issue trackers and e-mail.

A title (the organisation and the reference date), the summary, then one table per rule,
the rules whose findings need action first; each table lists its findings by status (what
needs action first), with the subject, the deadline, the status in words and the message, in
the run's language and with dates as people write them (``--iso-dates``: ISO). A finding's
caveats follow its message in italics. Every document string (a name, an id, a function in a
message) is escaped, so it cannot make a heading, a table cell, a link or a list. With
``--explain``, each rule's table is followed by how each finding came about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from integriteit.engine import STATUS_WORDS, SUBJECT_WORDS, SubjectKind, caveats_of
from integriteit.exporters import Exporter
from integriteit.exporters._common import (
    by_rule,
    counts_in_words,
    markdown_inline,
    statuses_in_words,
)
from integriteit.i18n import Lang, Text, date_text, people_dates
from integriteit.model import ORGANISATION_KIND_LABELS
from integriteit.sources import cite_all

if TYPE_CHECKING:
    from integriteit.engine import CheckResult
    from integriteit.plugins import Registry

_TITLE = Text("Integriteitscheck: {who}, peildatum {at}",
              "Integrity check: {who}, as of {at}")
_HEADCOUNT = Text(", {n} medewerkers", ", {n} staff")
_SUMMARY = Text("**Samenvatting:** {total:bevinding|bevindingen} van {rules:regel|regels}: "
                "{counts}.",
                "**Summary:** {total:finding|findings} of {rules:rule|rules}: {counts}.")
_LISTED = Text(" Getoond: {listed} ({statuses}).", " Listed: {listed} ({statuses}).")
_NONE = Text("Geen bevindingen.", "No findings.")
_COLUMNS = (Text("Status", "Status"), Text("Onderwerp", "Subject"),
            Text("Uiterlijk", "Due"), Text("Bevinding", "Finding"))
_CAVEAT = Text("Let op: {message}", "Note: {message}")
_EXPLAINED = Text("Hoe de bevindingen tot stand kwamen", "How the findings came about")


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as Markdown."""
    _write(result, out, lang, explain=False)


def write_explained(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as Markdown, with how each finding came about."""
    _write(result, out, lang, explain=True)


def _write(result: CheckResult, out: TextIO, lang: Lang, *, explain: bool) -> None:
    dates = people_dates()
    org = result.document.organisation
    size = _HEADCOUNT.format(lang, n=org.headcount) if org.headcount is not None else ""
    who = f"{markdown_inline(org.name)} ({ORGANISATION_KIND_LABELS[org.kind].get(lang)}{size})"
    out.write(f"# {_TITLE.format(lang, who=who, at=date_text(result.at, lang, dates))}\n\n")
    counts = result.counts()
    line = _SUMMARY.format(lang, total=sum(counts.values()), rules=len(result.rules),
                           counts=counts_in_words(counts, lang))
    if result.only is not None:
        line += _LISTED.format(lang, listed=len(result.findings),
                               statuses=statuses_in_words(result.only, lang))
    out.write(line + "\n")
    if not result.findings:
        out.write(f"\n{_NONE.get(lang)}\n")
        return
    organisation = SUBJECT_WORDS[SubjectKind.ORGANISATION].get(lang)
    header = " | ".join(c.get(lang) for c in _COLUMNS)
    for rule, findings in by_rule(result.rules, result.findings):
        title = rule.title.get(lang) if rule is not None else findings[0].rule
        out.write(f"\n## {markdown_inline(title)} (`{findings[0].rule}`)\n\n")
        # The law of each version the findings were judged under (an employee hired before
        # 2020 under the old Ambtenarenwet, for instance), each with its links.
        for sources in dict.fromkeys(f.sources for f in findings):
            source = cite_all(sources, lang)
            if source:
                links = dict.fromkeys(s.link() for s in sources)
                out.write(source + " — " + ", ".join(f"<{link}>" for link in links) + "\n\n")
        out.write(f"| {header} |\n|---|---|---|---|\n")
        for f in findings:
            subject = (organisation if rule is not None
                       and rule.subject is SubjectKind.ORGANISATION else f.subject)
            due = date_text(f.due, lang, dates) if f.due else ""
            message = markdown_inline(f.message(lang, dates))
            for caveat in caveats_of(f.explanation):
                message += " *" + markdown_inline(
                    _CAVEAT.format(lang, message=caveat.text(lang))) + "*"
            out.write(f"| {STATUS_WORDS[f.status].get(lang)} | {markdown_inline(subject)} | "
                      f"{due} | {message} |\n")
        if explain:
            out.write(f"\n{_EXPLAINED.get(lang)}:\n\n")
            for f in findings:
                out.write(f"- **{markdown_inline(f.subject)}**: "
                          f"{markdown_inline(result.explain(f, lang))}\n")


def register(registry: Registry) -> None:
    """Plugin hook: the ``markdown`` exporter."""
    registry.add_exporter(Exporter(
        "markdown", Text("Markdown voor issuetrackers en e-mail: een tabel per regel",
                         "Markdown for issue trackers and e-mail: a table per rule"),
        write, write_explained))
