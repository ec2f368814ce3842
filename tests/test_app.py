"""The application layer (:mod:`integriteit.app`): each command's work as a function, whose
output is exactly what the command prints, so that the command line and any other front end
say the same."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from tests._cli import run_cli

from integriteit import InputError, app, example
from integriteit.plugins import UnknownNameError
from integriteit.report import FORMATS as REPORT_FORMATS

AT = date(2026, 6, 1)
EXAMPLES = Path(__file__).parent.parent / "examples"


def _org_only(tmp_path: Path) -> Path:
    """The example municipality without its employees (they come from the HR export)."""
    data = json.loads((EXAMPLES / "gemeente.json").read_text("utf-8"))
    data.pop("employees", None)
    path = tmp_path / "organisatie.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_command_prints_what_its_function_gives(demo: Path, tmp_path: Path,
                                                     lang: str) -> None:
    org = _org_only(tmp_path)
    csv, mapping = EXAMPLES / "personeel.csv", EXAMPLES / "kolommen.toml"
    cases: list[tuple[list[str], app.Output]] = [
        (["rules"], app.rules()),
        (["plugins"], app.plugins()),
        (["coverage", "--from", "2015-01-01", "--to", "2026-01-01"],
         app.coverage(date(2015, 1, 1), date(2026, 1, 1))),
        (["policy", str(demo), "--at", "2026-06-01", "--term-months", "3"],
         app.policy(demo, AT, term_months=3)),
        (["policy", "--at", "2026-06-01"], app.policy(at=AT)),
        (["explain", "wbk.terugkoppeling", "--at", "2026-06-01"],
         app.explain("wbk.terugkoppeling", AT)),
        (["checklist", "--at", "2026-06-01", "--kind", "waterschap", "--headcount", "9"],
         app.checklist(at=AT, kind="waterschap", headcount=9)),
        (["checklist", str(demo), "--at", "2026-06-01"], app.checklist(demo, AT)),
        (["checklist", str(org), "--employees", str(csv), "--mapping", str(mapping), "--at",
          "2026-06-01"], app.checklist(org, AT, employees=csv, mapping=mapping)),
        (["report", str(demo), "--year", "2026", "--at", "2026-06-01", "--suppress-below",
          "2"], app.report(demo, 2026, at=AT, suppress_below=2)),
    ]
    for argv, output in cases:
        for fmt in output.formats:
            if fmt in output.binary_formats:  # a file of bytes: written with --output
                target = tmp_path / f"out.{fmt}"
                code, _, err = run_cli(*argv, "--lang", lang, "--format", fmt, "-o",
                                       str(target))
                assert code in (0, 1), (argv, err)
                assert target.read_bytes() == app.render(output, fmt, lang), (argv, fmt)
                continue
            code, out, err = run_cli(*argv, "--lang", lang, "--format", fmt)
            assert code in (0, 1), (argv, err)
            assert out == app.render(output, fmt, lang), (argv, fmt)


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "junit"])
def test_check_and_demo_print_what_their_functions_give(demo: Path, tmp_path: Path,
                                                        fmt: str) -> None:
    org = _org_only(tmp_path)
    csv, mapping = EXAMPLES / "personeel.csv", EXAMPLES / "kolommen.toml"
    code, out, _ = run_cli("check", str(org), "--employees", str(csv), "--mapping",
                           str(mapping), "--at", "2026-06-01", "--format", fmt, "--lang", "en",
                           "--only", "due,overdue")
    stream = app.check(org, AT, employees=csv, mapping=mapping, only=["due", "overdue"])
    assert out == app.render(stream, fmt, "en")
    assert code == (1 if stream.failed() else 0)

    code, out, _ = run_cli("demo", "--format", fmt)
    shown = app.demo()
    expected = app.render(shown.findings(), fmt, "nl")
    if fmt == "text":
        expected = shown.intro("nl") + "\n" + expected
    assert (code, out) == (0, expected)


def test_a_document_object_is_taken_as_it_is() -> None:
    by_path = app.checklist(example(), AT)
    assert [i.state for i in by_path.items] == [
        i.state for i in app.checklist(example(), AT, source="x.json").items]
    assert by_path.judged and by_path.organisation.name == "Provincie Voorbeeld"
    assert app.read_document(example(), source="mine.json")[1] == "mine.json"
    stream = app.check(example(), AT, rules=["ambtenarenwet.eed"])
    assert {f.rule for f in stream} == {"ambtenarenwet.eed"}


def test_outcomes_the_command_turns_into_exit_codes() -> None:
    assert app.coverage(date(2020, 1, 1), date(2026, 1, 1)).covered
    assert app.coverage(date(2020, 1, 1), date(2026, 1, 1)).gaps == {}
    listed = app.checklist(example(), AT)
    assert listed.rule_errors == {}
    assert app.rules().rule_errors == {}


def test_problems_name_the_option_as_the_command_line_does(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        app.coverage(date(2020, 1, 1), date(2019, 1, 1))
    assert caught.value.problems[0].source == "--to"
    with pytest.raises(InputError) as caught:
        app.check(example(), AT, mapping=EXAMPLES / "kolommen.toml")
    assert caught.value.problems[0].source == "--mapping"
    with pytest.raises(InputError) as caught:
        app.checklist(employees=EXAMPLES / "personeel.csv")
    assert caught.value.problems[0].source == "--employees"
    with pytest.raises(InputError) as caught:
        app.report(example(), 2026, years=99)
    assert caught.value.problems[0].source == "--years"
    with pytest.raises(UnknownNameError):
        app.explain("nope")
    bad = tmp_path / "bad.json"
    bad.write_text('{"organisation": {"name": "x", "kind": "gemeente"}, "employees": [{}]}')
    with pytest.raises(InputError) as caught:
        app.checklist(bad, AT)
    assert str(bad) in caught.value.problems[0].render("en")


def test_render_to_a_file_or_a_stream(tmp_path: Path) -> None:
    output = app.policy(at=AT)
    text = app.render(output, "json", "en")
    assert text is not None and "oath_term_months" in json.loads(text)
    target = tmp_path / "policy.json"
    assert app.render(output, "json", "en", to=target) is None
    assert target.read_text("utf-8") == text
    binary = io.BytesIO()
    app.render(output, "json", "en", to=binary)
    assert binary.getvalue().decode("utf-8") == text
    textual = io.StringIO()
    app.render(output, "json", "en", to=textual)
    assert textual.getvalue() == text
    assert app.render(output) == app.render(output, "text", "nl")  # the first format
    with pytest.raises(UnknownNameError) as caught:
        app.render(output, "markdown", "en")
    assert "known: text, json" in caught.value.message("en")
    assert not list(tmp_path.glob(".integriteit-*"))


def test_report_formats_are_the_commands() -> None:
    assert app.Report.formats == (*REPORT_FORMATS, "docx")
    assert app.Report.binary_formats == ("docx",)
    assert app.Checklist.formats == ("markdown", "json")
