"""The ``integriteit`` command line: argparse over the public API only.

Exit codes: 0 nothing ``overdue`` or ``invalid``; 1 something is; 2 a usage or input error (one
line per problem, no traceback); 3 a rule, exporter or plugin failed: a bug in that code, not in
your input (the message names it).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from integriteit import app
from integriteit._fastload import gc_paused
from integriteit._launch import COMMANDS, LANG_ENV, argparse_in, choose_lang, top_parser
from integriteit._output import copy_rest, patchable
from integriteit.api import example_text
from integriteit.app import DEMO_AT
from integriteit.engine import (
    DEFAULT_FAIL_ON,
    SUBJECT_WORDS,
    FindingStream,
    RuleFailure,
    RunInterrupted,
    Severity,
    Status,
    check_stream,
)
from integriteit.errors import (
    MORE_PROBLEMS,
    ONE_MORE_PROBLEM,
    CalendarError,
    InputError,
    Problem,
    shown,
)
from integriteit.exporters import Exporter
from integriteit.exporters._encode import text_writer, utf8_buffer
from integriteit.exporters.csv import DIALECTS as CSV_DIALECTS
from integriteit.exporters.csv import csv_dialect_as
from integriteit.exporters.junit import fail_on_as
from integriteit.i18n import (
    LANGS,
    Lang,
    Text,
    people_dates_as,
    plural,
)
from integriteit.model import (
    Document,
    OrganisationKind,
)
from integriteit.plugins import PluginError, Registry, UnknownNameError, default_registry
from integriteit.policy import (
    OATH_TERM_MONTHS,
    PolicyError,
)
from integriteit.report import BINARY_FORMATS
from integriteit.report import FORMATS as REPORT_FORMATS
from integriteit.temporal import COVERAGE_START

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3

_ARG_LANG: list[Lang] = ["nl"]
"""The language of the run being parsed (the option types below say why a value is wrong)."""


def _bad_value(nl: str, en: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(nl if _ARG_LANG[0] == "nl" else en)


def _iso_date(text: str) -> date:
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise _bad_value(f"{shown(text)!r} is geen datum (JJJJ-MM-DD)",
                     f"{shown(text)!r} is not a date (YYYY-MM-DD)")


def _fail_on(text: str) -> tuple[frozenset[Status], frozenset[Severity] | None]:
    statuses: set[Status] = set()
    severities: set[Severity] = set()
    for word in (w.strip() for w in text.split(",")):
        # ``error`` is the severity: the status ``error`` (a rule failed) is always exit 3.
        if word in Severity.__members__.values():
            severities.add(Severity(word))
        elif word in Status.__members__.values() and word != Status.ERROR:
            statuses.add(Status(word))
        else:
            allowed = ", ".join([*(s.value for s in Status if s is not Status.ERROR),
                                 *(s.value for s in Severity)])
            raise _bad_value(f"{shown(word)!r} is geen status of ernst ({allowed})",
                             f"{shown(word)!r} is not a status or severity ({allowed})")
    return (frozenset(statuses) or DEFAULT_FAIL_ON, frozenset(severities) or None)


def _only(text: str) -> frozenset[Status]:
    """``--only``: statuses, comma-separated (``due,overdue,late,invalid``)."""
    chosen: set[Status] = set()
    for word in (w.strip() for w in text.split(",")):
        if word in Status.__members__.values():
            chosen.add(Status(word))
        else:
            allowed = ", ".join(s.value for s in Status)
            raise _bad_value(f"{shown(word)!r} is geen status ({allowed})",
                             f"{shown(word)!r} is not a status ({allowed})")
    return frozenset(chosen)


def _year(text: str) -> int:
    if text.isascii() and text.isdigit() and len(text) == 4:
        return int(text)
    raise _bad_value(f"{shown(text)!r} is geen jaartal (JJJJ)",
                     f"{shown(text)!r} is not a year (YYYY)")


def _whole(low: int, high: int) -> Callable[[str], int]:
    """An option's value: a whole number of ASCII digits from ``low`` to ``high``, else one
    usage error saying so (every numeric option is checked the same way)."""

    def parse(text: str) -> int:
        if text.isascii() and text.isdigit() and low <= int(text) <= high:
            return int(text)
        raise _bad_value(f"{shown(text)!r} is geen geheel getal van {low} tot en met {high}",
                         f"{shown(text)!r} is not a whole number from {low} to {high}")

    parse.__name__ = "number"
    return parse


_positive = _whole(1, 1000)
_years = _whole(1, 50)
"""The years of a report's comparison (as :func:`integriteit.report.annual_report` allows)."""
_headcount = _whole(0, 10_000_000)


def _jobs(asked: int | None) -> int:
    """``--jobs``, or the processors available (on systems that ``fork``)."""
    if asked is not None:
        return asked
    from integriteit._parallel import available_jobs, can_fork

    return available_jobs() if can_fork() else 1


def _term(text: str) -> int:
    p = OATH_TERM_MONTHS
    value = int(text) if text.isascii() and text.isdigit() else -1
    if not p.minimum <= value <= p.maximum:
        raise _bad_value(
            f"{shown(text)!r} is geen geheel aantal maanden van {p.minimum} tot en met "
            f"{p.maximum}",
            f"{shown(text)!r} is not a whole number of months from {p.minimum} to {p.maximum}")
    return value


def _parser(registry: Registry, lang: Lang = "nl") -> argparse.ArgumentParser:
    parser, sub = top_parser(lang)

    def h(nl: str, en: str) -> str:
        return nl if lang == "nl" else en

    # Placeholders in usage lines are words too.
    file, day, seconds, items = h("BESTAND", "FILE"), h("DATUM", "DATE"), h(
        "SECONDEN", "SECONDS"), h("LIJST", "LIST")

    def employee_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--employees", metavar="EXPORT", default=None,
                       help=h("lees de medewerkers uit deze HR-export (.csv, .tsv, .txt, "
                              f".jsonl, .ndjson, .xlsx) in plaats van uit {file}, dat er dan "
                              "geen mag noemen",
                              "read the employees from this HR export (.csv, .tsv, .txt, "
                              f".jsonl, .ndjson, .xlsx) instead of {file}, which must then list "
                              "none"))
        p.add_argument("--mapping", metavar="TOML", default=None,
                       help=h("de kolomindeling van de export: kopjes, datumnotaties, woorden "
                              "(zonder: kopjes gelijk aan de veldnamen)",
                              "the export's column mapping: headers, date formats, words "
                              "(without it, headers equal to the field names are read)"))
        p.add_argument("--quiet", action="store_true",
                       help=h("geen voortgang op standaardfout", "no progress on standard error"))

    def output_options(p: argparse.ArgumentParser, formats: list[str],
                       default: str = "text") -> None:
        p.add_argument("--format", choices=formats, default=default,
                       help=h(f"uitvoerformaat (standaard: {default})",
                              f"output format (default: {default})"))
        p.add_argument("--output", "-o", metavar=file, default=None,
                       help=h(f"schrijf naar {file} in plaats van standaarduitvoer; pas als de "
                              "opdracht slaagt (een mislukte run laat geen half bestand achter)",
                              f"write to {file} instead of standard output; only once the "
                              "command succeeds (a failed run leaves no half file)"))
        p.add_argument("--lang", choices=LANGS, default=lang,
                       help=h(f"taal van de uitvoer (standaard: {LANG_ENV}, anders de locale, "
                              "anders nl)",
                              f"language of the output (default: {LANG_ENV}, else the locale, "
                              "else nl)"))
        if "csv" in formats and p.prog.split()[-1] in ("check", "demo", "report"):
            p.add_argument("--csv-dialect", choices=list(CSV_DIALECTS), default=None,
                           help=h("met --format csv: rfc4180 (komma; standaard) of excel-nl "
                                  "(puntkomma en een BOM, zoals Excel met Nederlandse "
                                  "instellingen het opent)",
                                  "with --format csv: rfc4180 (comma; the default) or excel-nl "
                                  "(semicolon and a BOM, as Excel with Dutch settings opens "
                                  "it)"))
        if any(f not in ("json", "jsonl", "csv") for f in formats):
            p.add_argument("--iso-dates", action="store_true",
                           help=h("datums in de uitvoer voor mensen als 2026-05-02 in plaats "
                                  "van 2 mei 2026 (JSON, JSONL en CSV schrijven altijd zo)",
                                  "dates in output for people as 2026-05-02 instead of 2 May "
                                  "2026 (JSON, JSONL and CSV always write them so)"))

    def only_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--only", type=_only, default=None, metavar=items,
                       help=h("alleen bevindingen met deze statussen in de uitvoer, met "
                              "komma's (bijv. due,overdue,late,invalid: wat actie vraagt); de "
                              "samenvatting en de afsluitcode tellen ze alle",
                              "list only findings with these statuses, comma-separated (e.g. "
                              "due,overdue,late,invalid: what needs action); the summary and "
                              "the exit code count them all"))

    at_help = h("peildatum JJJJ-MM-DD (standaard: vandaag)",
                "reference date YYYY-MM-DD (default: today)")
    c = sub.add_parser("check", help=COMMANDS["check"].get(lang),
                       description=h(
                           f"Controleer de organisatie en medewerkers in {file} (JSON; '-' leest "
                           "standaardinvoer) op een peildatum; met --employees komen de "
                           "medewerkers uit een HR-export (CSV, JSON Lines of Excel) en worden "
                           "ze gecontroleerd terwijl ze worden gelezen.",
                           f"Check the organisation and employees in {file} (JSON; '-' reads "
                           "standard input) as of a date; with --employees, the employees come "
                           "from an HR export instead (CSV, JSON Lines or Excel), checked as "
                           "they are read."))
    c.add_argument("file", metavar=file,
                   help=h("het document (JSON); '-' leest standaardinvoer",
                          "the document (JSON); '-' reads standard input"))
    employee_options(c)
    c.add_argument("--at", metavar=day, type=_iso_date, default=None, help=at_help)
    c.add_argument("--term-months", type=_term, default=None, metavar="N",
                   help=h("termijn voor de eed in maanden voor deze run; gaat vóór het beleid "
                          "in het document en de standaard van 2 (beleid van de organisatie, "
                          "geen wet)",
                          "oath term in months for this run; overrides the document's policy "
                          "and the default of 2 (organisation policy, not statute)"))
    c.add_argument("--rule", action="append", default=None, metavar="ID",
                   help=h("alleen deze regel (herhaalbaar)", "run only this rule (repeatable)"))
    c.add_argument("--explain", action="store_true",
                   help=h("zet bij elke bevinding hoe die tot stand kwam: artikel, feiten, "
                          "beleidswaarden en hun herkomst, termijnberekening (JSON heeft dat "
                          "altijd)",
                          "add to each finding how it came about: article, facts, policy "
                          "values and their origin, deadline computation (JSON always has "
                          "it)"))
    c.add_argument("--timeout", type=_whole(1, 7 * 24 * 3600), default=None, metavar=seconds,
                   help=h("stop de run (afsluitcode 3, met de regel die liep) als die langer "
                          "duurt dan dit; voor een regel uit een plugin die blijft hangen",
                          "end the run (exit 3, naming the rule that was running) when it "
                          "takes longer than this; for a rule from a plugin that hangs"))
    c.add_argument("--jobs", type=_whole(1, 256), default=None, metavar="N",
                   help=h("processen voor de medewerkers van een groot document met --format "
                          "json of jsonl (standaard: de beschikbare processoren; 1 voor één "
                          "proces); de uitvoer is dezelfde",
                          "processes for a large document's employees with --format json or "
                          "jsonl (default: the processors available; 1 for one process); the "
                          "output is the same"))
    only_option(c)
    c.add_argument("--fail-on", type=_fail_on, default=(DEFAULT_FAIL_ON, None),
                   metavar=items,
                   help=h("statussen en/of ernst die afsluitcode 1 geven, met komma's "
                          "(standaard: overdue,invalid); met alleen ernst: de bevindingen van "
                          "die ernst die overdue of invalid zijn",
                          "statuses and/or severities that make the exit code 1, "
                          "comma-separated (default: overdue,invalid); with only severities, "
                          "findings of those severities that are overdue or invalid"))
    output_options(c, list(registry.exporters))

    d = sub.add_parser("demo", help=COMMANDS["demo"].get(lang),
                       description=h("Controleer de meegeleverde voorbeeldorganisatie en leg "
                                     "uit wat er te zien is.",
                                     "Check the bundled example organisation and explain what "
                                     "is shown."))
    d.add_argument("--at", metavar=day, type=_iso_date, default=DEMO_AT,
                   help=h(f"peildatum (standaard: {DEMO_AT})",
                          f"reference date (default: {DEMO_AT})"))
    only_option(d)
    d.add_argument("--print-input", action="store_true",
                   help=h("druk in plaats daarvan het voorbeelddocument af, om uw eigen mee "
                          "te beginnen",
                          "print the example document instead, to start your own from"))
    output_options(d, list(registry.exporters))

    r = sub.add_parser("rules", help=COMMANDS["rules"].get(lang))
    output_options(r, ["text", "json"])

    pl = sub.add_parser("plugins", help=COMMANDS["plugins"].get(lang))
    output_options(pl, ["text", "json"])

    cov = sub.add_parser(
        "coverage", help=COMMANDS["coverage"].get(lang),
        description=h("Voor elke regel en elke dag in de periode: precies één versie geldt, of "
                      "de regel zegt uitdrukkelijk dat hij niet van kracht is. Afsluitcode 1 "
                      "bij een gat.",
                      "For every rule and every date in the period: exactly one version "
                      "applies, or the rule says explicitly it is not in force. Exit 1 on a "
                      "gap."))
    cov.add_argument("--from", metavar=day, dest="start", type=_iso_date,
                     default=COVERAGE_START,
                     help=h(f"eerste dag (standaard: {COVERAGE_START})",
                            f"first date (default: {COVERAGE_START})"))
    cov.add_argument("--to", metavar=day, dest="end", type=_iso_date, default=None,
                     help=h("laatste dag (standaard: vandaag)", "last date (default: today)"))
    output_options(cov, ["text", "json"])

    cl = sub.add_parser(
        "checklist", help=COMMANDS["checklist"].get(lang),
        description=h("Noemt elke verplichting (eerst de wet, dan het beleid) die op de datum "
                      f"geldt, elk met haar bron; met {file} ook de stand (voldaan / niet voldaan "
                      "/ onbekend) en de bevindingen erachter.",
                      "Lists every obligation (statute first, then policy) that applies on the "
                      f"date, each with its source; with {file} also its state (met / not met / "
                      "unknown) and the findings behind it."))
    cl.add_argument("file", metavar=file, nargs="?", default=None,
                    help=h("een document: de organisatie en feiten (optioneel)",
                           "a document: its organisation and facts (optional)"))
    employee_options(cl)
    cl.add_argument("--at", metavar=day, type=_iso_date, default=None, help=at_help)
    cl.add_argument("--kind", choices=[k.value for k in OrganisationKind], default=None,
                    help=h(f"soort organisatie (zonder {file}; standaard gemeente)",
                           f"kind of organisation (without {file}; default gemeente)"))
    cl.add_argument("--headcount", type=_headcount, default=None, metavar="N",
                    help=h(f"aantal werkenden (zonder {file}: onbekend als niet gegeven)",
                           f"number of workers (without {file}: unknown if not given)"))
    output_options(cl, ["markdown", "json"], "markdown")

    pol = sub.add_parser("policy", help=COMMANDS["policy"].get(lang),
                         description=h("De organisatieparameters die een controle gebruikt: "
                                       "waarde, herkomst (default, document, call) en de "
                                       "bron van de standaardwaarde. Beleid is geen wet.",
                                       "The organisation parameters a check uses: value, where "
                                       "it came from (default, document, call), and the origin "
                                       "of the default. Policy is not law."))
    pol.add_argument("file", metavar=file, nargs="?", default=None,
                     help=h("een document waarvan het 'policy'-deel geldt (optioneel)",
                            "a document whose 'policy' settings apply (optional)"))
    pol.add_argument("--at", metavar=day, type=_iso_date, default=None,
                     help=h("de dag waarvan de waarden worden getoond (standaard: vandaag); "
                            "waarden die in de tijd wijzigen staan er met hun perioden",
                            "the date whose values are shown (default: today); values that "
                            "change over time are listed with their periods"))
    pol.add_argument("--term-months", type=_term, default=None, metavar="N",
                     help=h("termijn voor de eed, als bij 'check'",
                            "oath term override, as for 'check'"))
    output_options(pol, ["text", "json"])

    rep = sub.add_parser(
        "report", help=COMMANDS["report"].get(lang),
        description=h(f"Telt het register van {file} per jaar van ontvangst, soort en categorie "
                      "voor JAAR en de jaren ervoor, en voegt de cijfers van JAAR toe: eden, "
                      "externen, nevenwerkzaamheden, Wbk-termijnen. Een melding telt één keer "
                      "in elk van haar categorieën en één keer in het totaal van haar soort. "
                      "Toont nooit wie.",
                      f"Counts the register of {file} per year of receipt, kind and category for "
                      "YEAR and the years before it, and adds the figures of YEAR: oaths, "
                      "externals, nevenwerkzaamheden, Wbk terms. An entry counts once in each "
                      "of its categories and once in its kind's total. Never shows who."))
    rep.add_argument("file", metavar=file,
                     help=h("het document met het register (JSON)",
                            "the document with the register (JSON)"))
    employee_options(rep)
    rep.add_argument("--year", metavar=h("JAAR", "YEAR"), type=_year, required=True,
                     help=h("het verslagjaar", "the report year"))
    rep.add_argument("--years", type=_years, default=5, metavar="N",
                     help=h("jaren in de vergelijking, het verslagjaar inbegrepen, 1 tot en "
                            "met 50 (standaard: 5)",
                            "years in the comparison, the report year included, 1 to 50 "
                            "(default: 5)"))
    rep.add_argument("--at", metavar=day, type=_iso_date, default=None,
                     help=h("peildatum van de cijfers van het jaar (standaard: 31 december "
                            "van JAAR)",
                            "reference date of the year's figures (default: 31 December of "
                            "YEAR)"))
    rep.add_argument("--register-since", metavar=day, type=_iso_date, default=None,
                     help=h("de dag vanaf wanneer het register compleet is (in plaats van "
                            "report.register_since van het document); jaren ervoor tonen "
                            "'geen gegevens', niet 0 (standaard: 1 januari van het jaar van "
                            "het eerste item)",
                            "the day from which the register is complete (instead of the "
                            "document's report.register_since); years before it show 'no "
                            "data', not 0 (default: 1 January of the year of the first "
                            "entry)"))
    rep.add_argument("--suppress-below", type=_positive, default=0, metavar="K",
                     help=h("verberg aantallen van 1 tot en met K-1, en zoveel andere dat geen "
                            "verborgen aantal uit de getoonde en hun totalen is af te leiden; "
                            "alle getoond als 'x' (de documentatie zegt wat dit niet verbergt)",
                            "hide counts from 1 to K-1, and enough others that no hidden "
                            "count can be worked out from the published ones and their "
                            "totals; all shown as 'x' (the docs say what this does not hide)"))
    output_options(rep, [*REPORT_FORMATS, *BINARY_FORMATS], "markdown")

    e = sub.add_parser("explain", help=COMMANDS["explain"].get(lang))
    e.add_argument("rule", metavar=h("REGEL", "RULE"),
                   help=h("id van de regel, bijv. ambtenarenwet.eed",
                          "rule id, e.g. ambtenarenwet.eed"))
    e.add_argument("--at", metavar=day, type=_iso_date, default=None,
                   help=h("dag van de gebeurtenis voor het rekenvoorbeeld van elke termijn "
                          "(standaard: vandaag)",
                          "event date for the worked example of each term (default: today)"))
    output_options(e, ["text", "json"])
    return parser


def _emit(write: Callable[[], object]) -> None:
    """Run an output step; a closed pipe (``| head``) ends output but not the exit code."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = choose_lang(arguments)
    _ARG_LANG[0] = chosen
    try:
        registry = default_registry()
    except PluginError as exc:
        err.write("integriteit: " + Text(f"fout in een plugin: {exc.message('nl')}",
                                         f"plugin error: {exc.message('en')}").get(chosen)
                  + "\n")
        return EXIT_FAILURE
    with argparse_in(chosen):
        args = _parser(registry, chosen).parse_args(arguments)
    with people_dates_as("iso" if getattr(args, "iso_dates", False) else "long"), \
            csv_dialect_as(getattr(args, "csv_dialect", None) or "rfc4180"), \
            fail_on_as(*getattr(args, "fail_on", (DEFAULT_FAIL_ON, None))):
        target = getattr(args, "output", None)
        if target is None:
            return _command(args, registry, out, err)
        return _to_file(target, lambda into: _command(args, registry, into, err), err,
                        args.lang)


def _to_file(target: str, command: Callable[[TextIO], int], err: TextIO, lang: Lang) -> int:
    """Run ``command`` writing into ``target`` atomically: into a temporary file next to it,
    renamed over it when the command succeeds (exit 0 or 1); on any other exit (bad input, a
    failure) the temporary file is removed and ``target`` is left as it was."""
    path = Path(target).absolute()
    folder = path.parent
    if path.is_dir():
        err.write(_ERROR.get(lang) + Text(f"--output {target}: is een map",
                                          f"--output {target}: is a directory").get(lang)
                  + "\n")
        return EXIT_USAGE
    try:
        handle, name = tempfile.mkstemp(prefix=".integriteit-", suffix=".part", dir=folder)
    except OSError as exc:
        err.write(_ERROR.get(lang) + Text(
            f"--output {target}: kan niet schrijven in {folder} ({exc.strerror})",
            f"--output {target}: cannot write in {folder} ({exc.strerror})").get(lang) + "\n")
        return EXIT_USAGE
    temporary = Path(name)
    code = EXIT_FAILURE
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as into:
            code = command(into)
        if code in (EXIT_OK, EXIT_FINDINGS):
            temporary.chmod(0o666 & ~_umask())  # as a file the shell would make
            temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return code


def _umask() -> int:
    """The process's umask (read by setting it, then set back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _rules_failed(errors: dict[str, int], lang: Lang, err: TextIO) -> bool:
    """One line on standard error per rule that failed for some subject (``errors``: the
    ``error`` findings per rule id); whether any did (the exit code is then 3)."""
    failed = {rule: n for rule, n in errors.items() if n}
    for rule, n in sorted(failed.items()):
        err.write("integriteit: " + Text(
            f"interne fout: regel {rule} is mislukt voor {plural(n, 'onderwerp|onderwerpen')}, "
            f"niet beoordeeld (status error in de uitvoer)",
            f"internal error: rule {rule} failed for {plural(n, 'subject|subjects')}, not "
            f"assessed (status error in the output)").get(lang) + "\n")
    return bool(failed)


def _show(output: app.Output, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write what a command shows; 3 when a rule failed, else 0."""
    _emit(lambda: output.write(out, args.format, args.lang))
    return EXIT_FAILURE if _rules_failed(output.rule_errors, args.lang, err) else EXIT_OK


def _command(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    """Run the command ``args`` asks for through :mod:`integriteit.app`; returns the exit
    code."""
    lang: Lang = args.lang
    try:
        if args.command == "rules":
            return _show(app.rules(registry), args, out, err)
        if args.command == "plugins":
            return _show(app.plugins(registry), args, out, err)
        if args.command == "coverage":
            covered = app.coverage(args.start, args.end, registry)
            code = _show(covered, args, out, err)
            return code if covered.covered else EXIT_FINDINGS
        if args.command == "checklist":
            document, source = _stdin_document(args.file, args.employees)
            return _show(app.checklist(document, args.at, source=source,
                                       employees=args.employees,
                                       mapping=args.mapping, kind=args.kind,
                                       headcount=args.headcount, registry=registry),
                         args, out, err)
        if args.command == "report":
            document, source = _stdin_document(args.file, args.employees)
            assert document is not None  # a required argument
            return _show(app.report(document, args.year, years=args.years, at=args.at,
                                    source=source,
                                    employees=args.employees, mapping=args.mapping,
                                    suppress_below=args.suppress_below,
                                    register_since=args.register_since, registry=registry),
                         args, out, err)
        if args.command == "policy":
            document, source = _stdin_document(args.file, None)
            return _show(app.policy(document, args.at, term_months=args.term_months,
                                    source=source), args, out, err)
        if args.command == "explain":
            return _show(app.explain(args.rule, args.at, registry=registry), args, out, err)
        exporter = registry.exporter(args.format)
        if args.command == "demo":
            if args.print_input:
                _emit(lambda: out.write(example_text()))
                return EXIT_OK
            shown_demo = app.demo(args.at, only=args.only)
            if args.format == "text":
                out.write(shown_demo.intro(lang) + "\n")
            _write_findings(shown_demo.findings(registry), exporter, out, lang, explain=False)
            return EXIT_OK  # the demo shows problems on purpose; it is not a failure
        employees = app.employee_file(args.employees, args.mapping)
        # What is read lives to the end of the run: the collector need not walk it while it
        # is read (the many objects of a large document would set it off again and again),
        # nor again and again while the findings are made (measured: a fifth of the time of
        # a large run).
        with gc_paused():
            # A large document's own employees come as records, built as they are checked
            # (in the process that checks them, with --jobs).
            doc, source, given = app._read_for_check(args.file, employees)
            gc.freeze()
        # And the findings die young (freed as soon as they are written): the collector
        # looks for cycles after many more objects than by default (a batch of findings
        # outlives the default and would have it walk every batch).
        gc.set_threshold(_RUN_GC_THRESHOLD, *gc.get_threshold()[1:])
        progress = _Progress(err, lang) if _show_progress(args, err) else None
        stream = check_stream(doc, args.at, employees=given, source=source,
                              term_months=args.term_months, rules=args.rule,
                              registry=registry,
                              progress=progress.tick if progress is not None else None,
                              jobs=_jobs(args.jobs), only=args.only)
        # Problems of an HR export are known only once it is read, and a rule can fail on the
        # last employee: findings are written so that a failed run leaves none behind.
        try:
            with _time_limit(args.timeout):
                _write_findings(stream, exporter, out, lang, explain=args.explain)
        finally:
            if progress is not None:
                progress.done()
        if _rules_failed({r: c.get(Status.ERROR, 0) for r, c in stream.rule_counts().items()},
                         lang, err):
            return EXIT_FAILURE
        statuses, severities = args.fail_on
        return EXIT_FINDINGS if stream.failed(statuses, severities) else EXIT_OK
    except InputError as exc:
        _write_problems(exc, lang, err)
        return EXIT_USAGE
    except (UnknownNameError, PolicyError, CalendarError) as exc:
        err.write(f"{_ERROR.get(lang)}{exc.message(lang)}\n")
        return EXIT_USAGE
    except (RuleFailure, PluginError) as exc:
        err.write(f"{_INTERNAL.get(lang)}{exc.message(lang)}\n")
        return EXIT_FAILURE
    except RunTimeout as exc:
        err.write(_INTERNAL.get(lang) + Text(
            f"de run duurde langer dan --timeout {args.timeout} s",
            f"the run took longer than --timeout {args.timeout} s").get(lang)
            + f" ({_running(exc).get(lang)})\n")
        return EXIT_FAILURE
    except _ExporterFailure as exc:
        err.write(_INTERNAL.get(lang) + Text(
            f"exporter {exc.name!r} is mislukt: {exc.cause!r}",
            f"exporter {exc.name!r} failed: {exc.cause!r}").get(lang) + "\n")
        return EXIT_FAILURE
    except _OutputFailure as exc:
        err.write(_ERROR.get(lang) + Text(
            f"de uitvoer kan niet worden geschreven ({exc.cause})",
            f"the output cannot be written ({exc.cause})").get(lang) + "\n")
        return EXIT_USAGE


def _running(exc: RunInterrupted) -> Text:
    """What was running when a run was interrupted, in words."""
    if exc.running_rule is None:
        return Text("tijdens het schrijven van de uitvoer", "while writing the output")
    if exc.running_subject is None:
        return Text(f"regel {exc.running_rule} werd voorbereid",
                    f"rule {exc.running_rule} was preparing")
    kind, who = exc.running_subject
    word = SUBJECT_WORDS[kind]
    return Text(f"regel {exc.running_rule} liep, bij {word.nl} {shown(who)!r}",
                f"rule {exc.running_rule} on {word.en} {shown(who)!r} was running")


_ERROR = Text("integriteit: fout: ", "integriteit: error: ")
"""How an error line of the command begins (input and usage problems: exit 2)."""
_INTERNAL = Text("integriteit: interne fout: ", "integriteit: internal error: ")
"""How a line about a failing rule, plugin or exporter begins (exit 3)."""

MAX_PROBLEM_LINES = 50
"""Input problems printed; the rest are counted ("and N more problems")."""


def _write_problems(exc: InputError, lang: Lang, err: TextIO) -> None:
    for problem in exc.problems[:MAX_PROBLEM_LINES]:
        err.write(f"{_ERROR.get(lang)}{problem.render(lang)}\n")
    more = exc.total - min(len(exc.problems), MAX_PROBLEM_LINES)
    if more:
        text = MORE_PROBLEMS if more > 1 else ONE_MORE_PROBLEM
        err.write(f"{_ERROR.get(lang)}{text.format(lang, n=more)}\n")


def _usage(option: str, message: Text) -> InputError:
    return InputError([Problem(option, "", message)])


def _stdin_document(path: str | None, employees: object
                    ) -> tuple[Document | str | None, str | None]:
    """The document a command names and its name in messages: its path as given, or, for
    ``-``, read from standard input here (where the command line reads it)."""
    if path != "-":
        return path, None
    return app.read_document("-", separate_employees=employees is not None)


class _ExporterFailure(Exception):
    def __init__(self, name: str, cause: BaseException) -> None:
        super().__init__(name)
        self.name = name
        self.cause = cause


def _write_findings(stream: FindingStream, exporter: Exporter, out: TextIO, lang: Lang, *,
                    explain: bool) -> None:
    """Write the check in the exporter's format: streamed where the format can, else after
    collecting the findings.

    A failed run (a problem in the HR export found at its end, a rule or the exporter failing)
    writes no findings: into a file they are written in place, and the file is cut back to
    where it began; into a pipe or a terminal they go to a temporary file, copied out once the
    run succeeded.
    """

    def export(sink: BinaryIO, text: TextIO) -> None:
        try:
            if exporter.stream is not None and not explain:
                exporter.stream(stream, sink, lang)
                return
            result = stream.collect()
            write = exporter.write_explained if (
                explain and exporter.write_explained is not None) else exporter.write
            write(result, text, lang)
        except (InputError, RuleFailure, BrokenPipeError, KeyboardInterrupt, RunTimeout):
            raise
        except OSError as exc:  # the disk is full, the stream closed: not the exporter's fault
            raise _OutputFailure(exc) from exc
        except BaseException as exc:  # an exporter's exit() too: a failure, never exit 0
            raise _ExporterFailure(exporter.name, exc) from exc

    binary = utf8_buffer(out)
    if binary is not None and patchable(binary):
        out.flush()
        begin = binary.tell()
        try:
            export(binary, out)
            out.flush()
        except BaseException:
            with contextlib.suppress(OSError, ValueError):
                binary.seek(begin)
                binary.truncate(begin)
            raise
        return
    with tempfile.TemporaryFile() as held:
        text = io.TextIOWrapper(held, encoding="utf-8", write_through=True)
        export(held, text)
        text.flush()
        held.seek(0)

        def copy() -> None:
            try:
                target, finish = text_writer(out)
                copy_rest(held, target)
                finish()
            except BrokenPipeError:
                raise
            except (OSError, AttributeError, ValueError) as exc:
                raise _OutputFailure(exc) from exc

        _emit(copy)
        text.detach()


class RunTimeout(RunInterrupted):
    """The run took longer than ``--timeout``; raised in whatever code runs at that moment (a
    rule that hangs is named: :attr:`~integriteit.engine.RunInterrupted.running`)."""


@contextlib.contextmanager
def _time_limit(seconds: int | None) -> Iterator[None]:
    """Raise :class:`RunTimeout` after ``seconds`` of wall time (POSIX timers)."""
    if seconds is None:
        yield
        return
    if not hasattr(signal, "setitimer"):  # pragma: no cover - not on POSIX
        raise _usage("--timeout", Text("--timeout werkt niet op dit besturingssysteem",
                                       "--timeout does not work on this operating system"))

    def expire(signum: int, frame: object) -> None:
        raise RunTimeout(f"the run took longer than --timeout {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _OutputFailure(Exception):
    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _show_progress(args: argparse.Namespace, err: TextIO) -> bool:
    return not args.quiet and hasattr(err, "isatty") and err.isatty()


_PROGRESS = Text("\r{n} medewerkers gecontroleerd ({rate}/s)",
                 "\r{n} employees checked ({rate}/s)")


class _Progress:
    """Employees checked and the rate, on standard error (a terminal), once a run takes more
    than a few seconds."""

    AFTER = 2.0
    """Seconds before the first line."""

    def __init__(self, err: TextIO, lang: Lang) -> None:
        self._err = err
        self._lang: Lang = lang
        self._start = time.monotonic()
        self._next = self._start + self.AFTER
        self._shown = False
        self._n = 0

    def tick(self, n: int, *, final: bool = False) -> None:
        """``n`` employees checked so far."""
        self._n = n
        now = time.monotonic()
        if now < self._next and not final:
            return
        self._next = now + 0.5
        self._shown = True
        rate = int(n / max(now - self._start, 1e-9))
        self._err.write(_PROGRESS.format(self._lang, n=f"{n:,}".replace(",", "."),
                                         rate=f"{rate:,}".replace(",", ".")))
        self._err.flush()

    def done(self) -> None:
        """End the progress line, if one was shown."""
        if self._shown:
            self.tick(self._n, final=True)
            self._err.write("\n")


_GC_THRESHOLD = gc.get_threshold()
"""The collector's thresholds as the command found them (restored when it returns)."""

_RUN_GC_THRESHOLD = 100_000
"""Objects made (net of those freed) before the collector looks for cycles, during a check."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        return _run(argv, sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        return 130
    finally:
        gc.unfreeze()
        gc.set_threshold(*_GC_THRESHOLD)
