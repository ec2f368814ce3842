"""The ``integriteit`` command's entry point: the language of the run, the top-level help and
version (answered at once, without loading the rules); every command goes to
:mod:`integriteit.cli`.

The language is ``--lang``, else the environment variable ``INTEGRITEIT_LANG``, else the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first one set decides, when it starts with ``nl`` or
``en``), else Dutch. Help and usage errors are in it too, argparse's own words included.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from integriteit import __version__
from integriteit.i18n import LANGS, Lang, Text

LANG_ENV = "INTEGRITEIT_LANG"
"""The environment variable that sets the language when ``--lang`` is not given."""

DESCRIPTION = Text("Integriteitsverplichtingen van Nederlandse overheidswerkgevers, gecontroleerd "
                   "op een peildatum.",
                   "Integrity obligations of Dutch public employers, checked as of a date.")
EPILOG = Text("Afsluitcodes: 0 niets verstreken of ongeldig; 1 wel; 2 fout in het gebruik of "
              "de invoer; 3 een regel, exporter of plugin is mislukt.",
              "Exit codes: 0 nothing overdue or invalid; 1 something is; 2 usage or input "
              "error; 3 a rule, exporter or plugin failed.")

COMMANDS: dict[str, Text] = {
    "check": Text("controleer een document (of een HR-export) op een peildatum",
                  "check a document (or an HR export) as of a date"),
    "demo": Text("voer de controle uit op het meegeleverde voorbeeld",
                 "run the check on the bundled example"),
    "rules": Text("de regels met hun wettelijke grondslag", "list the rules with their legal "
                  "sources"),
    "plugins": Text("de geladen plugins: herkomst, versie en wat ze toevoegen",
                    "the plugins loaded: where from, which version and what they add"),
    "coverage": Text("controleer dat elke regel op elke dag precies één versie heeft of "
                     "uitdrukkelijk niet van kracht is",
                     "check that every rule has exactly one version or an explicit 'not in "
                     "force' on every date"),
    "checklist": Text("elke verplichting die op een datum voor de organisatie geldt",
                      "every obligation that applies to the organisation on a date"),
    "policy": Text("de beleidswaarden die gelden en waar ze vandaan komen",
                   "print the effective policy values and their origin"),
    "report": Text("de tabellen van het jaarverslag integriteit",
                   "the tables of the annual integrity report (jaarverslag)"),
    "explain": Text("leg één regel uit: bronnen, versies, hoe hij beslist",
                    "explain one rule: sources, versions, how it decides"),
}
"""The commands and their one-line help, in the order ``--help`` lists them."""


def _locale_lang(environ: Mapping[str, str]) -> Lang | None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:  # the first one set decides, as the C library reads them
            prefix = value[:2].lower()
            return "nl" if prefix == "nl" else "en" if prefix == "en" else None
    return None


def choose_lang(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of a run of the command with arguments ``argv``.

    >>> choose_lang(["check", "x.json", "--lang", "en"], {})
    'en'
    >>> choose_lang(["check", "x.json"], {"INTEGRITEIT_LANG": "en", "LANG": "nl_NL.UTF-8"})
    'en'
    >>> choose_lang(["check", "x.json"], {"LANG": "en_GB.UTF-8"})
    'en'
    >>> choose_lang(["check", "x.json"], {"LANG": "C.UTF-8"})
    'nl'
    """
    env = os.environ if environ is None else environ
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in LANGS:
            return value
    chosen = env.get(LANG_ENV, "").strip().lower()
    if chosen in LANGS:
        return chosen
    return _locale_lang(env) or "nl"


_ARGPARSE_NL: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort ten minste één waarde bij",
    "ambiguous option: %(option)s could match %(matches)s":
        "optie %(option)s is niet eenduidig: %(matches)s",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "ignored explicit argument %r": "waarde %r genegeerd",
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekend commando %(parser_name)r (kies uit: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unexpected option string: %s": "onverwachte optie: %s",
}
"""argparse's own words (its ``gettext`` messages) in Dutch."""

_ARGPARSE_NL_PLURAL: dict[str, tuple[str, str]] = {
    "expected %s argument": ("hier hoort %s waarde bij", "hier horen %s waarden bij"),
}


@contextmanager
def argparse_in(lang: Lang) -> Iterator[None]:
    """argparse's own words (usage, headings, errors) in ``lang`` while parsing and printing
    help. argparse looks its words up through the names ``_`` and ``ngettext`` of its module;
    they are swapped for the run and put back after (an application that embeds the library
    keeps its own)."""
    if lang != "nl":
        yield
        return
    module: Any = argparse  # its private names `_` and `ngettext`
    old_gettext: Callable[[str], str] = module._
    old_ngettext: Callable[[str, str, int], str] = module.ngettext

    def gettext(message: str) -> str:
        return _ARGPARSE_NL.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        words = _ARGPARSE_NL_PLURAL.get(singular)
        if words is None:
            return old_ngettext(singular, plural, n)
        return words[0] if n == 1 else words[1]

    module._ = gettext
    module.ngettext = ngettext
    try:
        yield
    finally:
        module._ = old_gettext
        module.ngettext = old_ngettext


def top_parser(lang: Lang = "nl") -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[
        argparse.ArgumentParser]]:
    """The parser without the commands' own options, and its subcommand table, in ``lang``."""
    parser = argparse.ArgumentParser(prog="integriteit", description=DESCRIPTION.get(lang),
                                     epilog=EPILOG.get(lang))
    parser.add_argument("--version", action="version", version=f"integriteit {__version__}",
                        help=("toon het versienummer en stop" if lang == "nl"
                              else "show program's version number and exit"))
    sub = parser.add_subparsers(dest="command", required=True,
                                metavar="COMMANDO" if lang == "nl" else "COMMAND")
    return parser, sub


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "--version"):
        lang = choose_lang(args)
        with argparse_in(lang):
            parser, sub = top_parser(lang)
            for name, text in COMMANDS.items():
                sub.add_parser(name, help=text.get(lang))
            try:
                parser.parse_args(args)
            except SystemExit as exc:
                return exc.code if isinstance(exc.code, int) else 2
    from integriteit.cli import main as run

    return run(args)


def run() -> NoReturn:
    """The ``integriteit`` command (and ``python -m integriteit``): :func:`main`, then the
    process ends."""
    end(main())


def end(code: int) -> NoReturn:
    """End the process with ``code``. When nothing is left to do at exit (no exit handler
    registered, by a plugin or anything else, and no other thread), it ends at once, after
    flushing standard output and error: tearing the interpreter down, every module and object
    freed one by one, would cost any run about 50 ms, and a large one more (measured)."""
    threading = sys.modules.get("threading")
    handlers = getattr(atexit, "_ncallbacks", None)  # CPython's; elsewhere, the usual way
    if handlers is not None and handlers() == 0 and (
            threading is None or threading.active_count() == 1):
        try:
            for stream in (sys.stdout, sys.stderr):  # None when the descriptor is closed
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):  # e.g. a closed pipe: as Python itself ends then
            pass
        else:
            os._exit(code)
    sys.exit(code)
