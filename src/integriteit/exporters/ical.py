"""The ``ical`` format: the deadlines that need action, as an iCalendar file (RFC 5545) for the
agenda of an HR advisor or integrity officer.

Each finding that is ``due`` or ``overdue`` and has a deadline becomes an all-day event on its
deadline: the rule's title and the subject's id (an employee's personnel number or a register
entry's id; never a name) as the summary, the status, the message and the legal source as the
description, the law's first link as the URL. The ``UID`` is made from the rule, the subject
and the deadline, so a calendar that imports the file again updates its events instead of
adding them twice (one run ``--at`` a later date turns a ``due`` event into an ``overdue`` one
of the same UID). Lines end in CRLF and are folded at 75 octets; text is escaped as RFC 5545
asks (backslash, semicolon, comma, line breaks) and written on one line.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, TextIO

from integriteit import __version__
from integriteit.engine import STATUS_WORDS, SUBJECT_WORDS, Status, SubjectKind
from integriteit.errors import one_line
from integriteit.exporters import Exporter
from integriteit.i18n import Lang, Text

if TYPE_CHECKING:
    from integriteit.engine import CheckResult, Finding
    from integriteit.plugins import Registry

EVENTS = frozenset({Status.DUE, Status.OVERDUE})
"""The statuses whose deadlines become events."""

_CALENDAR = Text("Integriteit: termijnen van {name}", "Integrity: deadlines of {name}")
_DESCRIPTION = Text("{status}: {message}\nBron: {source}", "{status}: {message}\nSource: {source}")


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): on one line, backslash, semicolon and comma escaped,
    line breaks as ``\\n``."""
    lines = [one_line(line) for line in text.split("\n")]
    escaped = [line.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
               for line in lines]
    return "\\n".join(escaped)


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    size = 0
    part = ""
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):  # a continuation begins with a space
            out.append(part)
            part, size = "", 0
        part += char
        size += width
    out.append(part)
    return "\r\n ".join(out) + "\r\n"


def uid(f: Finding) -> str:
    """The event's stable UID: from the rule, the subject and the deadline."""
    key = f"{f.rule}\n{f.subject}\n{f.due.isoformat() if f.due else ''}".encode()
    return hashlib.sha256(key).hexdigest()[:32] + "@integriteit"


def write(result: CheckResult, out: TextIO, lang: Lang) -> None:
    """Write the deadlines of ``result`` that need action as an iCalendar file."""
    rules = {r.id: r for r in result.rules}
    name = result.document.organisation.name
    stamp = result.at.strftime("%Y%m%dT000000Z")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//integriteit//integriteit {__version__}//{lang.upper()}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape(_CALENDAR.format(lang, name=name))}"]
    organisation = SUBJECT_WORDS[SubjectKind.ORGANISATION].get(lang)
    for f in result.findings:
        if f.status not in EVENTS or f.due is None:
            continue
        rule = rules.get(f.rule)
        title = rule.title.get(lang) if rule is not None else f.rule
        subject = (organisation if rule is not None and rule.subject is SubjectKind.ORGANISATION
                   else f.subject)
        day = f.due
        description = _DESCRIPTION.format(lang, status=STATUS_WORDS[f.status].get(lang),
                                          message=f.message(lang), source=f.source(lang))
        lines += ["BEGIN:VEVENT", f"UID:{uid(f)}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{day.fromordinal(day.toordinal() + 1).strftime('%Y%m%d')}",
                  f"SUMMARY:{_escape(f'{title}: {subject}')}",
                  f"DESCRIPTION:{_escape(description)}",
                  f"CATEGORIES:{_escape(f.rule)}",
                  "TRANSP:TRANSPARENT"]
        if f.sources:
            lines.append(f"URL:{f.sources[0].link()}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    out.write("".join(_fold(line) for line in lines))


def register(registry: Registry) -> None:
    """Plugin hook: the ``ical`` exporter."""
    registry.add_exporter(Exporter(
        "ical", Text("iCalendar: de termijnen die actie vragen, voor de agenda",
                     "iCalendar: the deadlines that need action, for the agenda"), write))
