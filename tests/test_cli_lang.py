"""One language per run of the command (issue 12): ``--lang``, else ``INTEGRITEIT_LANG``, else
the locale, else Dutch; help and usage errors in it, argparse's own words included."""

from __future__ import annotations

import argparse
import gettext
import json
import subprocess
import sys
from typing import Any

import pytest

from integriteit import _launch, cli
from integriteit._launch import argparse_in, choose_lang
from integriteit.plugins import default_registry


@pytest.mark.parametrize(("argv", "env", "expected"), [
    (["check", "x"], {}, "nl"),
    (["check", "x", "--lang", "en"], {"INTEGRITEIT_LANG": "nl"}, "en"),
    (["check", "x", "--lang=en"], {}, "en"),
    (["check", "x", "--lang", "de"], {"INTEGRITEIT_LANG": "en"}, "en"),  # argparse refuses de
    (["check", "x"], {"INTEGRITEIT_LANG": "EN "}, "en"),
    (["check", "x"], {"INTEGRITEIT_LANG": "nl", "LANG": "en_US.UTF-8"}, "nl"),
    (["check", "x"], {"LANG": "en_US.UTF-8"}, "en"),
    (["check", "x"], {"LC_ALL": "nl_BE.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
    (["check", "x"], {"LC_MESSAGES": "en_GB", "LANG": "nl_NL"}, "en"),
    (["check", "x"], {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),  # LC_ALL decides
    (["check", "x"], {"LANG": "fr_FR.UTF-8"}, "nl"),
    (["check", "--", "--lang", "en"], {}, "nl"),  # after "--" it is no option
])
def test_the_language_of_a_run(argv: list[str], env: dict[str, str], expected: str) -> None:
    assert choose_lang(argv, env) == expected


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "integriteit", *args], capture_output=True,
                          text=True, env={**base, **(env or {})}, check=False)


def test_top_level_help_is_dutch_by_default_and_english_when_asked() -> None:
    nl = run("--help")
    assert nl.returncode == 0
    assert nl.stdout.startswith("gebruik: integriteit")
    assert "opties:" in nl.stdout and "toon deze hulp en stop" in nl.stdout
    assert "Afsluitcodes" in nl.stdout
    en = run("--help", env={"LANG": "en_GB.UTF-8"})
    assert en.stdout.startswith("usage: integriteit")
    assert "show this help message and exit" in en.stdout and "Exit codes" in en.stdout


def test_usage_errors_in_dutch() -> None:
    missing = run("check")
    assert missing.returncode == 2
    assert missing.stderr.endswith(
        "integriteit check: fout: deze argumenten ontbreken: BESTAND\n")
    assert missing.stderr.startswith("gebruik: integriteit check")
    wrong = run("chek")
    assert "ongeldige keuze: 'chek' (kies uit 'check'" in wrong.stderr
    date = run("check", "x.json", "--at", "2025-13-01")
    assert date.stderr.endswith(
        "fout: argument --at: '2025-13-01' is geen datum (JJJJ-MM-DD)\n")
    english = run("check", "x.json", "--at", "2025-13-01", "--lang", "en")
    assert english.stderr.endswith(
        "error: argument --at: '2025-13-01' is not a date (YYYY-MM-DD)\n")


def _actions(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    """Every action of the parser and of its commands, named ``command option``."""
    found: list[tuple[str, argparse.Action]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(f"{name} {a.dest}", a) for a in sub._actions]
        else:
            found.append((action.dest, action))
    return found


def test_every_help_text_exists_in_both_languages() -> None:
    """Each option's help, each command's description and its one line differ between the two
    languages (a Dutch text missing, or left in English, fails)."""
    registry = default_registry()
    with argparse_in("nl"):
        nl = cli._parser(registry, "nl")
    en = cli._parser(registry, "en")
    pairs = list(zip(_actions(nl), _actions(en), strict=True))
    assert len(pairs) > 50
    for (name, a), (_, b) in pairs:
        assert a.help and b.help, name
        if a.help != argparse.SUPPRESS:
            assert a.help != b.help, f"{name}: {a.help!r}"
    for name, text in _launch.COMMANDS.items():
        assert text.nl != text.en, name
    subs = {a.dest: a for a in nl._actions if isinstance(a, argparse._SubParsersAction)}
    en_subs = {a.dest: a for a in en._actions if isinstance(a, argparse._SubParsersAction)}
    for name, sub in subs["command"].choices.items():
        other = en_subs["command"].choices[name]
        if sub.description is not None:
            assert sub.description != other.description, name


def test_argparse_gets_its_own_words_back() -> None:
    """The Dutch words are argparse's only while the command parses: an application that
    embeds the library keeps its own."""
    module: Any = argparse
    before = module._
    with argparse_in("nl"):
        assert module._("options") == "opties"
    assert module._ is before
    assert module._("options") == gettext.gettext("options")


def test_help_is_still_fast_in_dutch() -> None:
    """The top-level help does not load the rules (the 150 ms target of issue 9)."""
    code = ("import sys, integriteit._launch as l; "
            "rc = l.main(['--help']); "
            "print('integriteit.cli' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stderr.strip() == "False"
    assert done.stdout.startswith("gebruik:")


def test_explain_rules_and_policy_say_their_values_in_words(
        capsys: pytest.CaptureFixture[str]) -> None:
    """No raw codes where a person reads: severity, subject kind, where a value was set, a
    flag's value (the JSON outputs keep the codes)."""
    assert cli.main(["explain", "wbk.ontvangstbevestiging"]) == 0
    out = capsys.readouterr().out
    assert "ernst: fout; geldt per: registratie in het integriteitsregister\n" in out
    assert cli.main(["rules"]) == 0
    assert "ambtenarenwet.eed  [fout, wet]" in capsys.readouterr().out
    assert cli.main(["policy", "--at", "2025-01-01"]) == 0
    out = capsys.readouterr().out
    assert ("\nIntegriteitsverklaring gevraagd van externen (integriteitsverklaring_required): "
            "nee (false)  [standaard]\n") in out
    assert ("\nOpenbaarmaking van nevenwerkzaamheden vanaf salarisschaal "
            "(publication_scale_from): geen (null)  [standaard]\n") in out
    assert "[default]" not in out and "(true/false)" not in out
    assert cli.main(["policy", "--at", "2025-01-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["integriteitsverklaring_required"]["set_by"] == "default"


def test_a_plugin_rule_that_changes_the_document_is_told_in_dutch(tmp_path: Any) -> None:
    """The line about a failing plugin rule is in the run's language (exit 3)."""
    import io
    import sys
    from datetime import date

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from _plugin_rules import employee_rule_registry

    def change(e: Any) -> None:
        object.__setattr__(e, "start", date(2000, 1, 1))

    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps({"organisation": {"name": "G", "kind": "gemeente"}, "employees": [
        {"id": "E1", "start": "2025-01-01", "employment": "ambtenaar"}]}), encoding="utf-8")
    registry = employee_rule_registry("test.muteer", change)
    original = cli.default_registry
    cli.default_registry = lambda: registry  # type: ignore[assignment]
    try:
        out, err = io.StringIO(), io.StringIO()
        assert cli._run(["check", str(doc)], out, err) == 3
    finally:
        cli.default_registry = original  # type: ignore[assignment]
    assert err.getvalue() == (
        "integriteit: interne fout: regel test.muteer heeft het document veranderd dat zij "
        "kreeg (medewerker 'E1'); een regel mag haar invoer niet veranderen (haar bevindingen "
        "en die van de andere regels zouden dan niet over het gegeven document gaan)\n")
