"""The ``html`` format: one self-contained page to read, print (A4) or mail.

No external files and no scripts: the styles are in the page. At the top the organisation,
the reference date and the counts per status (each a word and a number; the colour only
repeats it). Then one section per rule, the rules whose findings need action first: the law
it implements as links to wetten.overheid.nl, a table of the subjects that need action
(status, subject, deadline, finding, caveats), and the rest of the rule's findings (facts
missing, waived, in order, not applicable) in a closed ``<details>`` block that a click opens.
Every string from the document is escaped. Dates as people write them (``--iso-dates``: ISO).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, TextIO

from integriteit.engine import STATUS_WORDS, SUBJECT_WORDS, SubjectKind, caveats_of
from integriteit.errors import one_line
from integriteit.exporters import Exporter
from integriteit.exporters._common import NEEDS_ACTION, STATUS_ORDER, by_rule, statuses_in_words
from integriteit.i18n import Lang, Text, date_text, people_dates
from integriteit.model import ORGANISATION_KIND_LABELS

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding, Rule
    from integriteit.plugins import Registry

_TITLE = Text("Integriteitscheck", "Integrity check")
_AS_OF = Text("peildatum {at}", "as of {at}")
_HEADCOUNT = Text("{n} medewerkers", "{n} staff")
_TOTAL = Text("{total:bevinding|bevindingen} van {rules:regel|regels}",
              "{total:finding|findings} of {rules:rule|rules}")
_LISTED = Text("getoond: {listed} ({statuses})", "listed: {listed} ({statuses})")
_ACTION = Text("Vraagt actie", "Needs action")
_REST = Text("Overige bevindingen ({n})", "Other findings ({n})")
_NO_ACTION = Text("Niets dat actie vraagt.", "Nothing that needs action.")
_NONE = Text("Geen bevindingen.", "No findings.")
_COLUMNS = (Text("Status", "Status"), Text("Onderwerp", "Subject"),
            Text("Uiterlijk", "Due"), Text("Bevinding", "Finding"))
_CAVEAT = Text("Let op: {message}", "Note: {message}")
_MADE = Text("Gemaakt met integriteit {version}; de bevindingen volgen de wet op de "
             "peildatum en het beleid van de organisatie.",
             "Made with integriteit {version}; the findings follow the law on the reference "
             "date and the organisation's policy.")

_COLOURS = {
    "error": "#7b1fa2", "overdue": "#c62828", "invalid": "#ad1457", "late": "#ef6c00",
    "due": "#f9a825", "unknown": "#607d8b", "waived": "#5c6bc0", "ok": "#2e7d32",
    "not_applicable": "#9e9e9e",
}

_STYLE = """
@page { size: A4; margin: 15mm; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #212121;
       max-width: 190mm; margin: 0 auto; padding: 12px; line-height: 1.4; font-size: 10.5pt; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 22px 0 4px; border-bottom: 1px solid #ccc; padding-bottom: 2px;
     break-after: avoid; }
.meta { color: #555; margin: 0 0 12px; }
.counts { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 4px; padding: 0;
          list-style: none; }
.counts li { border: 1px solid #bbb; border-left: 6px solid var(--c); border-radius: 3px;
             padding: 3px 8px; background: #fafafa; }
.counts b { font-size: 12pt; margin-right: 4px; }
.law { margin: 0 0 6px; color: #444; font-size: 9.5pt; }
.law a { color: #1a4f8b; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 6px; font-size: 9.5pt;
        table-layout: fixed; }
th:nth-child(1) { width: 17%; } th:nth-child(2) { width: 13%; }
th:nth-child(3) { width: 15%; }
td { overflow-wrap: anywhere; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px;
         border-bottom: 1px solid #e0e0e0; }
th { background: #f0f0f0; }
tr { break-inside: avoid; }
.status { white-space: nowrap; font-weight: 600; }
.status::before { content: ""; display: inline-block; width: 8px; height: 8px;
                  border-radius: 50%; background: var(--c); margin-right: 5px; }
.due { white-space: nowrap; }
.caveat { display: block; font-style: italic; color: #6d4c41; margin-top: 2px; }
details { margin: 4px 0 8px; }
summary { cursor: pointer; color: #444; }
.none { color: #555; font-style: italic; }
footer { margin-top: 24px; color: #777; font-size: 8.5pt; }
@media print { body { padding: 0; } a { color: inherit; } }
"""


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write ``result`` as one self-contained HTML page."""
    from integriteit import __version__

    dates = people_dates()
    org = result.document.organisation

    def e(text: str) -> str:  # a string for the page: one line, HTML's own characters escaped
        return escape(one_line(text), quote=True)

    title = f"{_TITLE.get(lang)}: {org.name}"
    meta = [ORGANISATION_KIND_LABELS[org.kind].get(lang)]
    if org.headcount is not None:
        meta.append(_HEADCOUNT.format(lang, n=org.headcount))
    meta.append(_AS_OF.format(lang, at=date_text(result.at, lang, dates)))
    out.write(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
              f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
              f"<h1>{e(title)}</h1>\n<p class=\"meta\">{e(', '.join(meta))}</p>\n")
    counts = result.counts()
    total = _TOTAL.format(lang, total=sum(counts.values()), rules=len(result.rules))
    if result.only is not None:
        total += "; " + _LISTED.format(lang, listed=len(result.findings),
                                       statuses=statuses_in_words(result.only, lang))
    out.write(f"<p>{e(total)}</p>\n<ul class=\"counts\">\n")
    for status in STATUS_ORDER:
        if counts[status]:
            out.write(f'<li style="--c: {_COLOURS[status.value]}"><b>{counts[status]}</b> '
                      f"{e(STATUS_WORDS[status].get(lang))}</li>\n")
    out.write("</ul>\n")
    if not result.findings:
        out.write(f'<p class="none">{e(_NONE.get(lang))}</p>\n')
    for rule, findings in by_rule(result.rules, result.findings):
        _section(rule, findings, lang, out, e)
    out.write(f"<footer>{e(_MADE.format(lang, version=__version__))}</footer>\n"
              "</body>\n</html>\n")


def _section(rule: Rule | None, findings: list[Finding], lang: Lang, out: TextIO,
             esc: Callable[[str], str]) -> None:
    """One rule: its law, the findings that need action, the rest folded away."""
    dates = people_dates()
    rule_id = findings[0].rule
    title = rule.title.get(lang) if rule is not None else rule_id
    out.write(f'<section>\n<h2>{esc(title)} <small><code>{esc(rule_id)}</code></small></h2>\n')
    for sources in dict.fromkeys(f.sources for f in findings):
        if sources:
            links = ", ".join(f'<a href="{esc(s.link())}">{esc(s.cite(lang))}</a>'
                              for s in sources)
            out.write(f'<p class="law">{links}</p>\n')
    organisation = SUBJECT_WORDS[SubjectKind.ORGANISATION].get(lang)
    by_org = rule is not None and rule.subject is SubjectKind.ORGANISATION

    def table(rows: list[Finding]) -> str:
        head = "".join(f"<th>{esc(c.get(lang))}</th>" for c in _COLUMNS)
        lines = [f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>"]
        for f in rows:
            subject = organisation if by_org else f.subject
            due = date_text(f.due, lang, dates) if f.due else ""
            notes = "".join(
                f'<span class="caveat">{esc(_CAVEAT.format(lang, message=c.text(lang)))}'
                f"</span>" for c in caveats_of(f.explanation))
            lines.append(
                f'<tr><td class="status" style="--c: {_COLOURS[f.status.value]}">'
                f"{esc(STATUS_WORDS[f.status].get(lang))}</td><td>{esc(subject)}</td>"
                f'<td class="due">{esc(due)}</td>'
                f"<td>{esc(f.message(lang, dates))}{notes}</td></tr>")
        lines.append("</tbody>\n</table>\n")
        return "\n".join(lines)

    action = [f for f in findings if f.status in NEEDS_ACTION]
    rest = [f for f in findings if f.status not in NEEDS_ACTION]
    if action:
        out.write(table(action))
    else:
        out.write(f'<p class="none">{esc(_NO_ACTION.get(lang))}</p>\n')
    if rest:
        out.write(f"<details>\n<summary>{esc(_REST.format(lang, n=len(rest)))}</summary>\n"
                  f"{table(rest)}</details>\n")
    out.write("</section>\n")


def register(registry: Registry) -> None:
    """Plugin hook: the ``html`` exporter."""
    registry.add_exporter(Exporter(
        "html", Text("HTML: één pagina om te lezen, af te drukken of te mailen",
                     "HTML: one page to read, print or mail"), write))
