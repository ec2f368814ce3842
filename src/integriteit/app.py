"""The application layer: what each command of ``integriteit`` does, as functions.

Each function takes what the command takes (a document or its path, dates, options) and gives
what it shows: a :class:`~integriteit.FindingStream` for ``check`` and ``demo``, else an
:class:`Output` that writes itself in the command's formats. Problems raise the library's
errors (:class:`~integriteit.InputError` naming the file, record and field, or the option as
the command line calls it), with the messages the command prints. The command line only reads
its arguments, calls these and prints; another front end (a web service, a scheduled job) can
be as thin. (``check_employee`` is :func:`integriteit.check_employee`, here too.)

>>> import integriteit
>>> from integriteit import app
>>> from datetime import date
>>> items = app.checklist(integriteit.example(), date(2026, 6, 1))
>>> [(i.rule.id, i.state.value) for i in items.items][:2]
[('ambtenarenwet.eed', 'not_met'), ('ambtenarenwet.financiele_belangen', 'not_met')]
>>> print(app.render(items, "markdown", "en").splitlines()[0])
# Integrity checklist: Provincie Voorbeeld (province, 640 staff), as of 1 June 2026
>>> app.coverage(date(2020, 1, 1), date(2026, 1, 1)).covered
True
"""

from __future__ import annotations

import io
import os
import sys
import textwrap
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, BinaryIO, ClassVar, TextIO

from attrs import evolve, field, frozen

from integriteit import checklist as _checklist
from integriteit._fastload import EmployeeRecords
from integriteit.api import check_employee, example, export
from integriteit.engine import (
    STATUS_WORDS,
    SUBJECT_WORDS,
    Binding,
    CheckResult,
    FindingStream,
    Rule,
    Severity,
    Status,
    check_stream,
    status_words_in,
)
from integriteit.engine import check as check_document
from integriteit.errors import InputError, Problem
from integriteit.exporters._common import (
    STATUS_ORDER,
    caveats_to_json,
    json_text,
    markdown_inline,
)
from integriteit.exporters.json import atw_calendar_to_json, policy_to_json, rule_to_json
from integriteit.hr_export import EmployeeFile, read_employees
from integriteit.i18n import Lang, Text, date_text, for_people, people_dates
from integriteit.io import load, loads, loads_deferred, read_bytes
from integriteit.law import termijnenwet as atw
from integriteit.model import ORGANISATION_KIND_LABELS, Document, Organisation, OrganisationKind
from integriteit.plugins import PLUGIN_API, Registry, UnknownNameError, default_registry
from integriteit.policy import PARAMETERS, Policy, ValueSource
from integriteit.report import (
    BINARY_FORMATS,
    AnnualReport,
    annual_report,
    write_report,
    write_report_bytes,
)
from integriteit.report import FORMATS as _REPORT_FORMATS
from integriteit.sources import cite_all
from integriteit.temporal import COVERAGE_START, Period, periods

__all__ = [
    "DEMO_AT",
    "Checklist",
    "Coverage",
    "Demo",
    "Explanation",
    "Output",
    "PluginList",
    "PolicyOverview",
    "Report",
    "RuleList",
    "check",
    "check_employee",
    "checklist",
    "coverage",
    "demo",
    "employee_file",
    "explain",
    "plugins",
    "policy",
    "read_document",
    "render",
    "report",
    "rules",
]

DocumentArg = Document | str | os.PathLike[str]
"""A document, or the path of its JSON file."""
EmployeesArg = EmployeeFile | str | os.PathLike[str]
"""An HR export (:func:`~integriteit.read_employees`), or its path (then ``mapping`` applies)."""

DEMO_AT = date(2026, 6, 1)
"""The demo's reference date: fixed, so the demo shows the same statuses every day."""


def _usage(option: str, message: Text) -> InputError:
    """A value that cannot be used, named as the command line calls it."""
    return InputError([Problem(option, "", message)])


# --- reading ------------------------------------------------------------------------------

def read_document(document: DocumentArg, *, separate_employees: bool = False,
                  source: str | None = None) -> tuple[Document, str]:
    """``document`` and the name problems give it: a :class:`~integriteit.Document` as it is
    (named ``source``, default ``<document>``), or the JSON file at a path (``-``: standard
    input). ``separate_employees``: the employees come from an HR export, so the file must
    list none."""
    if isinstance(document, Document):
        return document, source or "<document>"
    path = os.fspath(document)
    if path == "-":
        return loads(sys.stdin.buffer.read(), source="<stdin>",
                     separate_employees=separate_employees), "<stdin>"
    return load(path, separate_employees=separate_employees), path


def _read_for_check(document: DocumentArg, staff: EmployeeFile | None,
                    source: str | None = None
                    ) -> tuple[Document, str, EmployeeFile | EmployeeRecords | None]:
    """The document to check, its name, and where its employees come from: the HR export
    ``staff`` where given; else, for a large document read here, its own employees as
    records, built as they are checked (the document then comes without them: see
    :func:`integriteit.io.loads_deferred`); else None, the document's own."""
    if staff is not None or isinstance(document, Document):
        doc, name = read_document(document, separate_employees=staff is not None,
                                  source=source)
        return doc, name, staff
    path = os.fspath(document)
    name = "<stdin>" if path == "-" else path
    raw = sys.stdin.buffer.read() if path == "-" else read_bytes(path)
    doc, records = loads_deferred(raw, source=name)
    return doc, name, records


def employee_file(employees: EmployeesArg | None, mapping: str | os.PathLike[str] | None = None
                  ) -> EmployeeFile | None:
    """The HR export ``employees`` (with its column ``mapping``), not read yet."""
    if employees is None:
        if mapping is not None:
            raise _usage("--mapping", Text("--mapping hoort bij --employees",
                                           "--mapping goes with --employees"))
        return None
    if isinstance(employees, EmployeeFile):
        return employees
    return read_employees(employees, mapping)


# --- outputs ------------------------------------------------------------------------------

@frozen
class Output:
    """What a command shows, ready to be written in one of its :attr:`formats`."""

    formats: ClassVar[tuple[str, ...]] = ("text", "json")
    """The formats it writes, the first the default."""
    binary_formats: ClassVar[tuple[str, ...]] = ()
    """Those of :attr:`formats` that are files of bytes, not text (e.g. ``docx``)."""

    def _chosen(self, format: str | None) -> str:
        chosen = format if format is not None else self.formats[0]
        if chosen not in self.formats:
            known = ", ".join(self.formats)
            raise UnknownNameError(Text(f"onbekend formaat {chosen!r} (bekend: {known})",
                                        f"unknown format {chosen!r} (known: {known})"))
        return chosen

    def write(self, out: TextIO, format: str | None = None, lang: Lang = "nl") -> None:
        """Write it to ``out`` in ``format`` (default: the first of :attr:`formats`). A
        binary format goes to the bytes under ``out`` (``out.buffer``, as a file or
        standard output has); a text stream without them cannot take it (:func:`render`
        gives the bytes)."""
        chosen = self._chosen(format)
        if chosen not in self.binary_formats:
            self._write(out, chosen, lang)
            return
        buffer = getattr(out, "buffer", None)
        if buffer is None or out.isatty():
            raise _usage("--output", Text(
                f"--format {chosen} maakt een bestand, geen tekst: geef --output BESTAND",
                f"--format {chosen} makes a file, not text: give --output FILE"))
        out.flush()
        self._write_bytes(buffer, chosen, lang)
        buffer.flush()

    def write_bytes(self, out: BinaryIO, format: str | None = None, lang: Lang = "nl"
                    ) -> None:
        """Write it to the binary stream ``out`` in ``format``: a text format as UTF-8."""
        chosen = self._chosen(format)
        if chosen in self.binary_formats:
            self._write_bytes(out, chosen, lang)
            return
        text = io.StringIO()
        self._write(text, chosen, lang)
        out.write(text.getvalue().encode("utf-8"))

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        raise NotImplementedError

    def _write_bytes(self, out: BinaryIO, format: str, lang: Lang) -> None:
        raise NotImplementedError

    @property
    def rule_errors(self) -> dict[str, int]:
        """The rules that failed for some subject (the command then exits 3), with how many:
        none unless the output ran rules."""
        return {}


def render(output: Output | CheckResult | FindingStream, format: str | None = None,
           lang: Lang = "nl", *, to: str | os.PathLike[str] | IO[bytes] | IO[str] | None = None,
           explain: bool = False, registry: Registry | None = None) -> str | bytes | None:
    """``output`` in ``format``: as a string (bytes for a binary format such as ``docx``),
    or written to ``to`` (a path, written atomically, or an open file), and then None. A
    check's result goes through :func:`integriteit.export` (any registered format; default
    ``text``)."""
    if not isinstance(output, Output):
        return export(output, format or "text", lang=lang, to=to, explain=explain,
                      registry=registry)
    chosen = output._chosen(format)
    binary = chosen in output.binary_formats
    buffer = io.BytesIO()
    output.write_bytes(buffer, chosen, lang)
    data = buffer.getvalue()
    if to is None:
        return data if binary else data.decode("utf-8")
    if isinstance(to, str | os.PathLike):
        _write_atomically(Path(to), data)
    elif hasattr(to, "encoding"):  # a text file
        if binary:
            typing.cast(IO[str], to).flush()
            under = getattr(to, "buffer", None)
            if under is None:
                raise _usage("to", Text(
                    f"{chosen} is een binair bestand: geef een pad of een binair bestand",
                    f"{chosen} is a binary file: give a path or a binary file"))
            typing.cast(IO[bytes], under).write(data)
        else:
            typing.cast(IO[str], to).write(data.decode("utf-8"))
    else:
        typing.cast(IO[bytes], to).write(data)
    return None


def _write_atomically(path: Path, data: bytes) -> None:
    import tempfile

    handle, name = tempfile.mkstemp(prefix=".integriteit-", suffix=".part",
                                    dir=path.absolute().parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as into:
            into.write(data)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


SEVERITY_WORDS = {Severity.ERROR: Text("fout", "error"),
                  Severity.WARNING: Text("waarschuwing", "warning"),
                  Severity.INFO: Text("informatie", "info")}

_LABELS = {
    "statute": Text("wet", "statute"),
    "policy": Text("beleid van de organisatie", "organisation policy"),
    "kind": Text("Soort", "Kind"),
    "severity": Text("ernst", "severity"),
    "subject": Text("geldt per", "applies per"),
    "versions": Text("Versies", "Versions"),
    "how": Text("Hoe de regel beslist", "How the rule decides"),
    "parameters": Text("Beleidsparameters (geen wet)", "Policy parameters (not law)"),
    "default": Text("standaard", "default"),
    "terms": Text("Termijnen", "Terms"),
    "example": Text("Voorbeeld voor een gebeurtenis op", "Example for an event on"),
    "no_term": Text("Op {example} gold deze termijn nog niet (zie de versies hierboven).",
                    "On {example} this term did not apply yet (see the versions above)."),
}


def _write_atw_calendar(rule: Rule, lang: Lang, out: TextIO) -> None:
    """For a rule with an Atw-extended term, one line: up to when its calendar is known."""
    if any(t.atw_applies for t in rule.terms):
        out.write(f"    {atw.calendar_known().get(lang)}\n")


# --- rules --------------------------------------------------------------------------------

@frozen
class RuleList(Output):
    """``integriteit rules``: every rule with its versions and their sources."""

    rules: tuple[Rule, ...]

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        if format == "json":
            out.write(json_text([rule_to_json(r, lang) for r in self.rules]))
            out.write("\n")
            return
        for rule in self.rules:
            kind = _LABELS[rule.binding.value].get(lang)
            out.write(f"{rule.id}  [{SEVERITY_WORDS[rule.severity].get(lang)}, {kind}]  "
                      f"{rule.title.get(lang)}\n")
            width = max(len(v.period(lang, people_dates())) for v in rule.versions)
            for v in rule.versions:
                span = v.period(lang, people_dates())
                out.write(f"    {span:<{width}}  {cite_all(v.sources, lang)}".rstrip() + "\n")
                for link in dict.fromkeys(s.link() for s in v.sources):
                    out.write(f"    {'':<{width}}  {link}\n")
            _write_atw_calendar(rule, lang, out)


def rules(registry: Registry | None = None) -> RuleList:
    """Every registered rule (built in and from plugins), in registration order."""
    reg = registry if registry is not None else default_registry()
    return RuleList(tuple(reg.rules.values()))


# --- plugins ------------------------------------------------------------------------------

_PLUGIN_KINDS = {"built-in": Text("ingebouwd", "built in"),
                 "entry point": Text("geïnstalleerd (entry point)", "installed (entry point)"),
                 "given": Text("meegegeven", "given")}
_PLUGIN_WORDS = {"head": Text("Plugins (plugin-API {api}):", "Plugins (plugin API {api}):"),
                 "rules": Text("regels", "rules"),
                 "formats": Text("formaten", "formats"),
                 "taxonomies": Text("taxonomieën", "taxonomies"),
                 "api": Text("plugin-API {api}", "plugin API {api}"),
                 "no_api": Text("geen API-versie opgegeven", "no API version stated")}


@frozen
class PluginList(Output):
    """``integriteit plugins``: each plugin loaded, where it came from, what it added."""

    registry: Registry

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        from integriteit.errors import one_line

        registry = self.registry
        if format == "json":
            out.write(json_text({"plugin_api": PLUGIN_API, "plugins": [
                {"name": p.name, "kind": p.kind, "distribution": p.distribution,
                 "version": p.version, "api": p.api,
                 "rules": registry.added_by(p.name)[0],
                 "formats": registry.added_by(p.name)[1],
                 "taxonomies": registry.taxonomies_added_by(p.name)}
                for p in registry.plugins]}))
            out.write("\n")
            return
        words, kinds = _PLUGIN_WORDS, _PLUGIN_KINDS
        out.write(words["head"].format(lang, api=PLUGIN_API) + "\n")
        for p in registry.plugins:
            about = [kinds[p.kind].get(lang)]
            if p.distribution is not None:
                about.append(f"{p.distribution} {p.version or ''}".rstrip())
            about.append(words["api"].format(lang, api=p.api) if p.api is not None
                         else words["no_api"].get(lang))
            out.write(f"\n  {one_line(p.name)}  [{', '.join(about)}]\n")
            added_rules, formats = registry.added_by(p.name)
            if added_rules:
                out.write(f"    {words['rules'].get(lang)}: {', '.join(added_rules)}\n")
            if formats:
                out.write(f"    {words['formats'].get(lang)}: {', '.join(formats)}\n")
            taxonomies = registry.taxonomies_added_by(p.name)
            if taxonomies:
                out.write(f"    {words['taxonomies'].get(lang)}: {', '.join(taxonomies)}\n")


def plugins(registry: Registry | None = None) -> PluginList:
    """The plugins loaded (built in, by entry point, or given), and what each added."""
    return PluginList(registry if registry is not None else default_registry())


# --- coverage -----------------------------------------------------------------------------

_COVERAGE_WORDS = {"in": Text("versie", "version"),
                   "out": Text("niet van kracht (expliciet)", "not in force (explicit)"),
                   "gap": Text("GAT: geen versie en geen expliciete melding",
                               "GAP: no version and no explicit message")}


@frozen
class Coverage(Output):
    """``integriteit coverage``: for each rule, the version in force on every day of a
    period, or a gap."""

    start: date
    end: date
    rules: tuple[tuple[Rule, tuple[Period, ...]], ...]

    @property
    def gaps(self) -> dict[str, tuple[Period, ...]]:
        """Per rule id, the periods with no version and no explicit "not in force"."""
        found = {rule.id: tuple(p for p in spans if p.version is None and not p.explicit)
                 for rule, spans in self.rules}
        return {rule: spans for rule, spans in found.items() if spans}

    @property
    def covered(self) -> bool:
        """Whether every rule is covered on every day (else the command exits 1)."""
        return not self.gaps

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        gaps = self.gaps
        if format == "json":
            out.write(json_text([{"rule": r.id, "covered": r.id not in gaps, "periods": [
                {"from": p.start.isoformat(), "to": p.end.isoformat(),
                 "version_from": (p.version.valid_from.isoformat()
                                  if p.version and p.version.valid_from else None),
                 "in_force": p.version is not None,
                 "gap": p.version is None and not p.explicit} for p in spans],
                "atw_calendar": atw_calendar_to_json(r, lang)}
                for r, spans in self.rules]))
            out.write("\n")
            return
        words = _COVERAGE_WORDS
        for rule, spans in self.rules:
            out.write(f"{rule.id}\n")
            for p in spans:
                if p.version is not None:
                    what = f"{words['in'].get(lang)} {p.version.period(lang, people_dates())}"
                else:
                    what = words["out" if p.explicit else "gap"].get(lang)
                span = (f"{date_text(p.start, lang, people_dates())} – "
                        f"{date_text(p.end, lang, people_dates())}")
                out.write(f"    {span:<42}  {what}\n")
            _write_atw_calendar(rule, lang, out)


def coverage(start: date = COVERAGE_START, end: date | None = None,
             registry: Registry | None = None) -> Coverage:
    """For every rule and every day from ``start`` to ``end`` (default: today): exactly one
    version applies, or the rule says explicitly it is not in force; else a gap."""
    end = end if end is not None else date.today()
    if end < start:
        raise _usage("--to", Text(f"{end} ligt vóór --from {start}",
                                  f"{end} is before --from {start}"))
    reg = registry if registry is not None else default_registry()
    return Coverage(start, end, tuple((rule, tuple(periods(rule, start, end)))
                                      for rule in reg.rules.values()))


# --- checklist ----------------------------------------------------------------------------

_STATE_MARKS = {None: "[ ]", _checklist.State.MET: "[x]", _checklist.State.NOT_MET: "[ ]",
                _checklist.State.UNKNOWN: "[?]", _checklist.State.NOT_APPLICABLE: "[-]",
                _checklist.State.ERROR: "[!]"}
_STATE_WORDS = {_checklist.State.MET: Text("voldaan", "met"),
                _checklist.State.NOT_MET: Text("niet voldaan", "not met"),
                _checklist.State.UNKNOWN: Text("onbekend", "unknown"),
                _checklist.State.NOT_APPLICABLE: Text("niet van toepassing", "not applicable"),
                _checklist.State.ERROR: Text("fout in de regel", "rule failed")}
SET_BY_WORDS = {ValueSource.DEFAULT: Text("standaard", "default"),
                ValueSource.DOCUMENT: Text("document", "document"),
                ValueSource.CALL: Text("aanroep", "call")}
"""Where a value was set, as a word (JSON keeps the codes ``default``, ``document``, ``call``)."""


def _policy_values(rule: Rule, policy: Policy) -> list[str]:
    """``name = value [set_by]`` for the parameters a rule reads, on the policy's date."""
    return [f"{n} = {policy[n].parameter.show(policy[n].value)} [{policy[n].set_by.value}]"
            for n in rule.parameters if n in policy.timelines]


def _policy_values_for_people(rule: Rule, policy: Policy, lang: Lang) -> list[str]:
    """``title (name): value [set by]`` for the parameters a rule reads, on the policy's
    date, in words, as Markdown (a value from the document escaped)."""
    return [f"{policy[n].parameter.title.get(lang)} ({n}): "
            f"{markdown_inline(policy[n].parameter.describe(policy[n].value, lang))} "
            f"[{SET_BY_WORDS[policy[n].set_by].get(lang)}]"
            for n in rule.parameters if n in policy.timelines]


@frozen
class Checklist(Output):
    """``integriteit checklist``: the obligations of an organisation on a date, statute first,
    each with its source; with a document also its state and the findings behind it."""

    formats: ClassVar[tuple[str, ...]] = ("markdown", "json")
    organisation: Organisation
    at: date
    items: tuple[_checklist.Item, ...]
    policy: Policy
    judged: bool
    """Whether a document was checked (else no item has a state)."""

    @property
    def rule_errors(self) -> dict[str, int]:
        return {i.rule.id: n for i in self.items if (n := i.counts.get(Status.ERROR, 0))}

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        org, at, policy = self.organisation, self.at, self.policy
        if format == "json":
            out.write(json_text({
                "at": at.isoformat(),
                "organisation": {"name": org.name, "kind": org.kind.value,
                                 "headcount": org.headcount},
                "items": [{"rule": i.rule.id, "title": i.rule.title.get(lang),
                           "binding": i.rule.binding.value, "severity": i.rule.severity.value,
                           "valid_from": (i.version.valid_from.isoformat()
                                          if i.version.valid_from else None),
                           "sources": [s.cite(lang) for s in i.sources],
                           "urls": list(dict.fromkeys(s.link() for s in i.sources)),
                           "policy": _policy_values(i.rule, policy),
                           "state": i.state.value if i.state is not None else None,
                           "reason": i.reason.message(lang) if i.reason is not None else None,
                           "findings": {s.value: n for s, n in i.counts.items()}}
                          for i in self.items]}))
            out.write("\n")
            return
        nl = lang == "nl"
        kind = ORGANISATION_KIND_LABELS[org.kind].get(lang)
        size = (f", {org.headcount} {'medewerkers' if nl else 'staff'}"
                if org.headcount is not None else "")
        title = "Integriteitschecklist" if nl else "Integrity checklist"
        name = markdown_inline(org.name)  # the document's words cannot change the layout
        who = f"{name} ({kind}{size})" if org.name != "-" else f"{kind}{size}"
        day = date_text(at, lang, people_dates())
        out.write(f"# {title}: {who}, {'peildatum' if nl else 'as of'} {day}\n")
        for binding, heading in ((Binding.STATUTE, Text("Wet", "Statute")),
                                 (Binding.POLICY, Text("Beleid van de organisatie",
                                                       "Organisation policy"))):
            group = [i for i in self.items if i.rule.binding is binding]
            if not group:
                continue
            out.write(f"\n## {heading.get(lang)}\n\n")
            for i in group:
                basis = cite_all(i.sources, lang) or "; ".join(
                    _policy_values_for_people(i.rule, policy, lang))
                line = (f"- {_STATE_MARKS[i.state]} **{i.rule.title.get(lang)}** "
                        f"(`{i.rule.id}`): {basis}")
                if i.state is not None:
                    counts = ", ".join(f"{n} {STATUS_WORDS[s].get(lang)}"
                                       for s, n in i.counts.items())
                    line += f" — **{_STATE_WORDS[i.state].get(lang)}**" + (
                        f" ({counts})" if counts else "")
                    if i.reason is not None:
                        line += ": " + markdown_inline(i.reason.message(lang, people_dates()))
                out.write(line + "\n")
        if not self.judged:
            out.write("\n" + ("Geef een document mee voor de stand per verplichting."
                               if nl else "Give a document to see the state of each item.")
                      + "\n")


def checklist(document: DocumentArg | None = None, at: date | None = None, *,
              employees: EmployeesArg | None = None,
              mapping: str | os.PathLike[str] | None = None,
              kind: OrganisationKind | str | None = None, headcount: int | None = None,
              registry: Registry | None = None, source: str | None = None) -> Checklist:
    """The obligations on ``at`` (default: today) of the organisation of ``document``, with
    their state from checking it (employees from ``employees`` where given); without a
    document, of an organisation of ``kind`` (default ``gemeente``) and ``headcount``, which
    also override the document's."""
    at = at if at is not None else date.today()
    reg = registry if registry is not None else default_registry()
    result: CheckResult | FindingStream | None = None
    staff = employee_file(employees, mapping)
    if document is not None:
        doc, source = read_document(document, separate_employees=staff is not None,
                                    source=source)
        if staff is None:
            result = check_document(doc, at, registry=reg, source=source)
        else:
            stream = check_stream(doc, at, employees=staff, registry=reg, source=source)
            for _ in stream:
                pass
            result = stream
        org = doc.organisation
    elif staff is not None:
        raise _usage("--employees", Text("--employees hoort bij een document (BESTAND)",
                                         "--employees needs a document (FILE)"))
    else:
        org = Organisation("-", OrganisationKind.GEMEENTE)
    org = evolve(org, kind=OrganisationKind(kind) if kind else org.kind,
                 headcount=headcount if headcount is not None else org.headcount)
    policy_now = result.policy if result is not None else Policy.resolve(at=at)
    items = _checklist.checklist(org, at, reg.rules.values(), result, policy_now)
    return Checklist(org, at, tuple(items), policy_now, result is not None)


# --- policy -------------------------------------------------------------------------------

@frozen
class PolicyOverview(Output):
    """``integriteit policy``: the organisation parameters a check uses, each with its value,
    where it was set and the origin of its default. Policy, not law."""

    policy: Policy

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        policy = self.policy
        if format == "json":
            data: dict[str, Any] = {}
            for name, ev in policy.values.items():
                p = ev.parameter
                item = policy_to_json(policy, name, lang)
                item.update({"unit": p.unit.get(lang),
                             "default": list(p.default) if isinstance(p.default, tuple)
                             else p.default,
                             "kind": p.kind.value,
                             "source": p.source.cite(lang) if p.source else None,
                             "used_by": list(p.used_by)})
                data[name] = item
            out.write(json_text(data))
            out.write("\n")
            return
        nl = lang == "nl"
        note = "beleid van de organisatie, geen wet" if nl else "organisation policy, not law"
        day = date_text(policy.at, lang, people_dates()) if policy.at is not None else "-"
        out.write(f"{'Beleidsparameters op' if nl else 'Policy parameters on'} {day} ({note})\n")
        for name, ev in policy.values.items():
            p = ev.parameter
            out.write(f"\n{p.title.get(lang)} ({name}): {p.describe(ev.value, lang)}  "
                      f"[{SET_BY_WORDS[ev.set_by].get(lang)}]\n")
            out.write(f"    {for_people(ev.explanation, lang)}\n")
            if policy.is_dated(name):
                width = max(len(period.period(lang, people_dates()))
                            for period in policy.timelines[name])
                for period in policy.timelines[name]:
                    out.write(f"    {period.period(lang, people_dates()):<{width}}  "
                              f"{p.describe(period.value, lang)}  "
                              f"[{SET_BY_WORDS[period.set_by].get(lang)}]\n")
            if p.used_by:
                out.write(f"    {'gelezen door' if nl else 'read by'}: "
                          f"{', '.join(p.used_by)}\n")


def policy(document: DocumentArg | None = None, at: date | None = None, *,
           term_months: int | None = None,
           overrides: Mapping[str, Any] | None = None,
           source: str | None = None) -> PolicyOverview:
    """The policy parameters on ``at`` (default: today): the defaults, then the document's
    ``policy`` settings, then ``term_months`` and ``overrides`` (as a check's call sets
    them)."""
    settings = (read_document(document, source=source)[0].policy if document is not None
                else None)
    given = dict(overrides or {})
    if term_months is not None:
        given["oath_term_months"] = term_months
    return PolicyOverview(Policy.resolve(settings, given,
                                         at if at is not None else date.today()))


# --- explain ------------------------------------------------------------------------------

@frozen
class Explanation(Output):
    """``integriteit explain``: one rule's versions and sources, how it decides, its terms
    with a worked example, and the policy parameters it reads."""

    rule: Rule
    example: date
    """The day of the event of each term's worked example."""

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        rule, example = self.rule, self.example
        params = [PARAMETERS[name] for name in rule.parameters if name in PARAMETERS]
        # A worked example only where the version in force on that date has the term (the last).
        has_terms = rule.version_on(example) is rule.versions[-1]
        terms = [(t, t.compute(example) if has_terms else None) for t in rule.terms]
        if format == "json":
            data = rule_to_json(rule, lang)
            data["terms"] = [
                {"term": t.label.get(lang), "origin": t.origin.value, "atw": t.atw_applies,
                 "example": ({"event": example.isoformat(), "deadline": d.end.isoformat(),
                              "explanation": d.explain(lang),
                              "caveats": caveats_to_json(d.caveats, lang)}
                             if d is not None else None)}
                for t, d in terms]
            data["explanation"] = rule.explanation.get(lang) if rule.explanation else None
            data["parameters"] = [
                {"name": p.name,
                 "default": list(p.default) if isinstance(p.default, tuple) else p.default,
                 "unit": p.unit.get(lang),
                 "origin": p.origin.value, "note": p.origin_note.get(lang)} for p in params]
            data["statuses"] = [s.value for s in STATUS_ORDER]
            out.write(json_text(data))
            out.write("\n")
            return
        label = {k: v.get(lang) for k, v in _LABELS.items()}

        def para(text: str, indent: str = "    ") -> None:
            out.write(textwrap.fill(text, 92, initial_indent=indent, subsequent_indent=indent))
            out.write("\n")

        out.write(f"{rule.id}: {rule.title.get(lang)}\n")
        out.write(f"{label['kind']}: {label[rule.binding.value]}; {label['severity']}: "
                  f"{SEVERITY_WORDS[rule.severity].get(lang)}; {label['subject']}: "
                  f"{SUBJECT_WORDS[rule.subject].get(lang)}\n")
        out.write(f"\n{label['versions']}:\n")
        width = max(len(v.period(lang, people_dates())) for v in rule.versions)
        for v in rule.versions:
            out.write(f"  {v.period(lang, people_dates()):<{width}}  "
                      f"{cite_all(v.sources, lang)}\n")
            para(v.summary.get(lang))
            for link in dict.fromkeys(s.link() for s in v.sources):
                out.write(f"    {link}\n")
        if rule.explanation is not None:
            out.write(f"\n{label['how']}:\n")
            para(status_words_in(rule.explanation.get(lang), lang), "  ")
        if terms:
            out.write(f"\n{label['terms']}:\n")
            for t, d in terms:
                out.write(f"  {t.label.get(lang)}: {t.atw_reason.get(lang)}\n")
                day = date_text(example, lang, people_dates())
                if d is not None:
                    para(f"{label['example']} {day}: {d.explain(lang, people_dates())}")
                else:
                    para(label["no_term"].format(example=day))
            if any(t.atw_applies for t, _ in terms):
                para(atw.calendar_known().get(lang), "  ")
        if params:
            out.write(f"\n{label['parameters']}:\n")
            for p in params:
                out.write(f"  {p.title.get(lang)} ({p.name}), {label['default']}: "
                          f"{p.describe(p.default, lang)}\n")
                para(p.origin_note.get(lang))


def explain(rule: str, example: date | None = None, *,
            registry: Registry | None = None) -> Explanation:
    """The rule with id ``rule`` explained, each term worked out for an event on ``example``
    (default: today)."""
    reg = registry if registry is not None else default_registry()
    return Explanation(reg.rule(rule), example if example is not None else date.today())


# --- report -------------------------------------------------------------------------------

@frozen
class Report(Output):
    """``integriteit report``: the annual report's tables, with small counts suppressed as
    asked."""

    formats: ClassVar[tuple[str, ...]] = (*_REPORT_FORMATS, *BINARY_FORMATS)
    binary_formats: ClassVar[tuple[str, ...]] = tuple(BINARY_FORMATS)
    report: AnnualReport
    suppress_below: int = 0
    """Counts from 1 to K-1 (and those that would give them away) are hidden (K above 1)."""

    def _write(self, out: TextIO, format: str, lang: Lang) -> None:
        write_report(self.report, out, format, lang, self.suppress_below)

    def _write_bytes(self, out: BinaryIO, format: str, lang: Lang) -> None:
        write_report_bytes(self.report, out, format, lang, self.suppress_below)


def report(document: DocumentArg, year: int, *, years: int = 5, at: date | None = None,
           employees: EmployeesArg | None = None,
           mapping: str | os.PathLike[str] | None = None, suppress_below: int = 0,
           register_since: date | None = None, registry: Registry | None = None,
           source: str | None = None) -> Report:
    """The annual report of ``document``'s register over ``year`` and the ``years - 1``
    before it (:func:`integriteit.report.annual_report`), the starters from ``employees``
    where given; ``register_since`` overrides the document's ``report.register_since``."""
    staff = employee_file(employees, mapping)
    doc, source = read_document(document, separate_employees=staff is not None,
                                source=source)
    return Report(annual_report(doc, year, years=years, at=at, registry=registry,
                                employees=staff, source=source,
                                register_since=register_since), suppress_below)


# --- check --------------------------------------------------------------------------------

def check(document: DocumentArg, at: date | None = None, *,
          employees: EmployeesArg | None = None,
          mapping: str | os.PathLike[str] | None = None, term_months: int | None = None,
          rules: Sequence[str] | None = None, only: Iterable[Status | str] | None = None,
          jobs: int = 1, registry: Registry | None = None,
          progress: Callable[[int], None] | None = None,
          source: str | None = None) -> FindingStream:
    """``integriteit check``: the findings of every rule (or of ``rules``) for ``document``
    (a :class:`~integriteit.Document` or its path) on ``at`` (default: today), the employees
    from the HR export ``employees`` where given, made as they are read
    (:func:`~integriteit.check_stream`); ``render`` or :func:`~integriteit.export` writes
    them. A large document given by its path has its employees built as they are checked
    (with ``jobs``, in the process that checks them), not all before the first finding;
    the stream's :attr:`~integriteit.FindingStream.document` builds them all when asked."""
    staff = employee_file(employees, mapping)
    doc, source, given = _read_for_check(document, staff, source)
    return check_stream(doc, at, employees=given, term_months=term_months, rules=rules,
                        registry=registry, source=source, progress=progress, jobs=jobs,
                        only=only)


@frozen
class Demo:
    """``integriteit demo``: the bundled example checked on :data:`DEMO_AT`."""

    document: Document
    at: date
    only: frozenset[Status] | None = field(default=None)

    def intro(self, lang: Lang) -> str:
        """What the demo checks and how to try it yourself (before the text format)."""
        return _DEMO_INTRO.format(lang, n=len(self.document.employees),
                                  r=len(self.document.register),
                                  day=date_text(self.at, lang, people_dates()), at=self.at)

    def findings(self, registry: Registry | None = None) -> FindingStream:
        """The findings, made as they are read."""
        return check_stream(self.document, self.at, registry=registry, source="demo.json",
                            only=self.only)


_DEMO_INTRO = Text(
    "Demo: integriteit controleert het meegeleverde voorbeeld, een provincie met {n} "
    "medewerkers uit de HR-export en {r} items in het integriteitsregister, per peildatum {day}. "
    "Elke medewerker, elk registeritem en de organisatie krijgen een bevinding van elke regel "
    "die erover gaat, ook als die 'in orde' of 'niet van toepassing' is.\n"
    "Zelf proberen: integriteit demo --print-input > voorbeeld.json && "
    "integriteit check voorbeeld.json --at {at}\n",
    "Demo: integriteit checks the bundled example, a province with {n} employees from its HR "
    "export and {r} entries in its integrity register, as of {day}. Every employee, register "
    "entry and the organisation get a finding from every rule about them, also when it is "
    "'ok' or 'not applicable'.\n"
    "Try it yourself: integriteit demo --print-input > example.json && "
    "integriteit check example.json --at {at}\n",
)


def demo(at: date = DEMO_AT, *, only: Iterable[Status | str] | None = None) -> Demo:
    """The bundled example (:func:`integriteit.example`) to be checked on ``at``."""
    chosen = frozenset(Status(s) for s in only) if only is not None else None
    return Demo(example(), at, chosen)


