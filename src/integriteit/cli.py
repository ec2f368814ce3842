"""The ``integriteit`` command line: argparse over the public API only.

Exit codes: 0 nothing ``overdue`` or ``invalid``; 1 something is; 2 a usage or input error (one
line per problem, no traceback); 3 a rule or plugin failed (a bug to report, not your input).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import TextIO

from integriteit import __version__
from integriteit.api import example_text
from integriteit.engine import CheckResult, RuleFailure, check
from integriteit.errors import InputError
from integriteit.exporters.json import rule_to_json
from integriteit.i18n import LANGS, Lang, Text
from integriteit.io import load, loads
from integriteit.model import Document
from integriteit.plugins import PluginError, Registry, default_registry
from integriteit.policy import OATH_TERM_MONTHS, PolicyError
from integriteit.sources import cite_all

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3

DEMO_AT = date(2026, 6, 1)
"""The demo's reference date: fixed, so the demo shows the same statuses every day."""

_DEMO_INTRO = Text(
    "Demo: integriteit controleert het meegeleverde voorbeeld, {n} medewerkers uit de "
    "HR-export van een provincie, per peildatum {at}. Elke medewerker krijgt een bevinding "
    "van elke regel, ook 'ok' en 'not_applicable'.\n"
    "Zelf proberen: integriteit demo --print-input > voorbeeld.json && "
    "integriteit check voorbeeld.json --at {at}\n",
    "Demo: integriteit checks the bundled example, {n} employees from the HR export of a "
    "province, as of {at}. Every employee gets a finding from every rule, 'ok' and "
    "'not_applicable' included.\n"
    "Try it yourself: integriteit demo --print-input > example.json && "
    "integriteit check example.json --at {at}\n",
)


def _iso_date(text: str) -> date:
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")


def _term(text: str) -> int:
    p = OATH_TERM_MONTHS
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not p.minimum <= value <= p.maximum:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number of months from {p.minimum} to {p.maximum}")
    return value


def _parser(registry: Registry) -> argparse.ArgumentParser:
    formats = list(registry.exporters)
    parser = argparse.ArgumentParser(
        prog="integriteit",
        description="Integrity obligations of Dutch public employers, checked as of a date.",
        epilog="Exit codes: 0 nothing overdue or invalid; 1 something is; 2 usage or input "
               "error; 3 a rule or plugin failed.",
    )
    parser.add_argument("--version", action="version", version=f"integriteit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=formats, default="text",
                       help="output format (default: text)")
        p.add_argument("--lang", choices=LANGS, default="nl",
                       help="language of messages (default: nl)")

    c = sub.add_parser("check", help="check a document as of a date",
                       description="Check the organisation and employees in FILE (JSON; '-' "
                                   "reads standard input) as of a date.")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--at", type=_iso_date, default=None,
                   help="reference date YYYY-MM-DD (default: today)")
    c.add_argument("--term-months", type=_term, default=None, metavar="N",
                   help="oath term in months for this run; overrides the document's policy "
                        "and the default of 2 (organisation policy, not statute)")
    c.add_argument("--rule", action="append", default=None, metavar="ID",
                   help="run only this rule (repeatable)")
    output_options(c)

    d = sub.add_parser("demo", help="run the check on the bundled example",
                       description="Check the bundled example organisation and explain what "
                                   "is shown.")
    d.add_argument("--at", type=_iso_date, default=DEMO_AT,
                   help=f"reference date (default: {DEMO_AT})")
    d.add_argument("--print-input", action="store_true",
                   help="print the example document instead, to start your own from")
    output_options(d)

    r = sub.add_parser("rules", help="list the rules with their legal sources")
    output_options(r)
    return parser


def _write_result(registry: Registry, result: CheckResult, fmt: str, lang: Lang,
                  out: TextIO) -> None:
    registry.exporter(fmt).write(result, out, lang)


def _write_rules(registry: Registry, fmt: str, lang: Lang, out: TextIO) -> None:
    if fmt == "json":
        json.dump([rule_to_json(r, lang) for r in registry.rules.values()], out,
                  ensure_ascii=False, indent=1)
        out.write("\n")
        return
    for rule in registry.rules.values():
        kind = "wet" if lang == "nl" else "statute"
        if rule.binding.value == "policy":
            kind = "beleid" if lang == "nl" else "policy"
        out.write(f"{rule.id}  [{rule.severity.value}, {kind}]  {rule.title.get(lang)}\n")
        for v in rule.versions:
            out.write(f"    {v.period(lang):<25} {cite_all(v.sources, lang)}\n")
            for link in dict.fromkeys(s.link() for s in v.sources):
                out.write(f"    {'':<25} {link}\n")


def _run(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    try:
        registry = default_registry()
    except PluginError as exc:
        err.write(f"integriteit: error: {exc}\n")
        return EXIT_USAGE
    args = _parser(registry).parse_args(argv)
    lang: Lang = args.lang
    try:
        if args.command == "rules":
            _write_rules(registry, args.format, lang, out)
            return EXIT_OK
        if args.command == "demo":
            text = example_text()
            if args.print_input:
                out.write(text)
                return EXIT_OK
            doc: Document = loads(text, source="demo.json")
            if args.format == "text":
                out.write(_DEMO_INTRO.format(lang, n=len(doc.employees), at=args.at) + "\n")
            result = check(doc, args.at, registry=registry)
            _write_result(registry, result, args.format, lang, out)
            return EXIT_OK
        # check
        if args.file == "-":
            doc = loads(sys.stdin.buffer.read(), source="<stdin>")
        else:
            doc = load(args.file)
        result = check(doc, args.at, term_months=args.term_months, rules=args.rule,
                       registry=registry)
        _write_result(registry, result, args.format, lang, out)
        return EXIT_FINDINGS if result.failed() else EXIT_OK
    except InputError as exc:
        for problem in exc.problems:
            err.write(f"integriteit: error: {problem.render(lang)}\n")
        return EXIT_USAGE
    except (PluginError, PolicyError) as exc:
        err.write(f"integriteit: error: {exc}\n")
        return EXIT_USAGE
    except RuleFailure as exc:
        err.write(f"integriteit: internal error: {exc}\n")
        return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        return _run(argv, sys.stdout, sys.stderr)
    except BrokenPipeError:  # e.g. `integriteit check big.json | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
