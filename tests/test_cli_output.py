"""``--output PATH`` (issue 13, part): the result written to a file, atomically, for every
command that writes one; a failed run leaves no half file and no changed one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from _cli import run_cli as _run

AT = "2026-06-01"


@pytest.mark.parametrize("argv", [
    ("check", "{doc}", "--at", AT, "--format", "text"),
    ("check", "{doc}", "--at", AT, "--format", "json"),
    ("check", "{doc}", "--at", AT, "--format", "jsonl"),
    ("check", "{doc}", "--at", AT, "--format", "csv"),
    ("check", "{doc}", "--at", AT, "--explain"),
    ("demo", "--format", "csv"),
    ("checklist", "{doc}", "--at", AT),
    ("policy", "{doc}", "--at", AT, "--format", "json"),
    ("rules", "--format", "json"),
    ("coverage", "--to", AT),
    ("explain", "ambtenarenwet.eed", "--at", AT),
])
def test_the_file_holds_what_standard_output_would(argv: tuple[str, ...], demo: Path,
                                                   tmp_path: Path) -> None:
    args = [a.replace("{doc}", str(demo)) for a in argv]
    code, out, err = _run(*args)
    target = tmp_path / "uit" / "result.txt"
    target.parent.mkdir()
    code_file, out_file, err_file = _run(*args, "--output", str(target))
    assert (code_file, out_file, err_file) == (code, "", err)
    assert target.read_bytes().decode("utf-8") == out  # byte for byte (CSV ends in CRLF)
    assert [p.name for p in target.parent.iterdir()] == ["result.txt"]  # no temporary left
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_the_report_is_written_to_a_file(tmp_path: Path) -> None:
    seeds = Path(__file__).parent / "data" / "seeds" / "groningen-2021.json"
    target = tmp_path / "verslag.html"
    code, out, _ = _run("report", str(seeds), "--year", "2021", "--format", "html",
                        "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bad_input_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    target = tmp_path / "result.json"
    target.write_text("previous run\n", encoding="utf-8")
    code, out, err = _run("check", str(bad), "--format", "json", "--output", str(target))
    assert code == 2 and out == ""
    assert "geen geldige JSON" in err
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "result.json"]


def test_a_failing_rule_writes_nothing(tmp_path: Path, demo: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit 3 (a rule failed after some output was written): no file, not even a part."""
    from typing import TextIO

    from integriteit.engine import RuleFailure

    def fail(stream: object, exporter: object, out: TextIO, lang: str, *,
             explain: bool) -> None:
        out.write('{"rule": "half a line')
        raise RuleFailure("rule test.x changed the document")

    monkeypatch.setattr("integriteit.cli._write_findings", fail)
    target = tmp_path / "result.jsonl"
    code, _, err = _run("check", str(demo), "--format", "jsonl", "--at", AT, "-o", str(target))
    assert code == 3 and "test.x" in err
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.json"]


def test_a_folder_or_an_unwritable_place_is_a_usage_error(tmp_path: Path, demo: Path) -> None:
    code, out, err = _run("check", str(demo), "--output", str(tmp_path), "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"integriteit: error: --output {tmp_path}: is a directory\n"
    missing = tmp_path / "nowhere" / "x.json"
    code, _, err = _run("check", str(demo), "--output", str(missing), "--lang", "en")
    assert code == 2
    assert err.startswith(f"integriteit: error: --output {missing}: cannot write in ")
