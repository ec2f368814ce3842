"""``integriteit.export`` and ``CheckResult.to_dict`` (issue 13, part): a result in any
registered format from Python, the same bytes as the command writes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import integriteit
from integriteit import check, check_stream, export
from integriteit.cli import _run

AT = integriteit.date(2026, 6, 1)


def _cli(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert _run(list(argv), out, err) in (0, 1), err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_is_what_the_command_writes(fmt: str, lang: str, demo: Path) -> None:
    expected = _cli("check", str(demo), "--at", "2026-06-01", "--format", fmt, "--lang", lang)
    doc = integriteit.load(demo)
    assert export(check(doc, AT), fmt, lang=lang) == expected  # type: ignore[arg-type]
    streamed = export(check_stream(doc, AT), fmt, lang=lang)  # type: ignore[arg-type]
    assert streamed == expected


def test_export_explained_text(demo: Path) -> None:
    expected = _cli("check", str(demo), "--at", "2026-06-01", "--explain", "--lang", "en")
    assert export(check(integriteit.load(demo), AT), lang="en", explain=True) == expected


def test_export_to_a_path_a_binary_and_a_text_file(tmp_path: Path) -> None:
    result = check(integriteit.example(), AT)
    text = export(result, "csv")
    assert text is not None and text.startswith("rule,subject,status")
    target = tmp_path / "bevindingen.csv"
    assert export(result, "csv", to=target) is None
    assert target.read_bytes().decode("utf-8") == text
    assert [p.name for p in tmp_path.iterdir()] == ["bevindingen.csv"]
    binary = io.BytesIO()
    export(result, "csv", to=binary)
    assert binary.getvalue().decode("utf-8") == text
    textual = io.StringIO()
    export(result, "csv", to=textual)
    assert textual.getvalue() == text


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(integriteit.IntegriteitError, match="unknown format 'pdf'"):
        export(check(integriteit.example(), AT), "pdf")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_to_dict_is_the_json_output(lang: str, demo: Path) -> None:
    result = check(integriteit.load(demo), AT)
    expected = json.loads(_cli("check", str(demo), "--at", "2026-06-01", "--format", "json",
                               "--lang", lang))
    assert result.to_dict(lang) == expected  # type: ignore[arg-type]
    json.dumps(result.to_dict(lang))  # type: ignore[arg-type]  # plain data only
    only = check(integriteit.load(demo), AT, only=["overdue"]).to_dict(lang)  # type: ignore[arg-type]
    assert only["summary"] == expected["summary"] and only["only"] == ["overdue"]
    assert {f["status"] for f in only["findings"]} == {"overdue"}
