"""The ``integriteit`` command's entry point: the top-level help and version answer at once,
without loading the rules; every command goes to :mod:`integriteit.cli`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from integriteit import __version__

DESCRIPTION = "Integrity obligations of Dutch public employers, checked as of a date."
EPILOG = ("Exit codes: 0 nothing overdue or invalid; 1 something is; 2 usage or input error; "
          "3 a rule, exporter or plugin failed.")

COMMANDS: dict[str, str] = {
    "check": "check a document (or an HR export) as of a date",
    "demo": "run the check on the bundled example",
    "rules": "list the rules with their legal sources",
    "coverage": "check that every rule has exactly one version or an explicit 'not in force' "
                "on every date",
    "checklist": "every obligation that applies to the organisation on a date",
    "policy": "print the effective policy values and their origin",
    "report": "the tables of the annual integrity report (jaarverslag)",
    "explain": "explain one rule: sources, versions, how it decides",
}
"""The commands and their one-line help, in the order ``--help`` lists them."""


def top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[
        argparse.ArgumentParser]]:
    """The parser without the commands' own options, and its subcommand table."""
    parser = argparse.ArgumentParser(prog="integriteit", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"integriteit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    return parser, sub


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "--version"):
        parser, sub = top_parser()
        for name, text in COMMANDS.items():
            sub.add_parser(name, help=text)
        try:
            parser.parse_args(args)
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else 2
    from integriteit.cli import main as run

    return run(args)
