"""The published JSON Schema of the output (``src/integriteit/data/output.schema.json``, issue
13 item 6): what ``--format json`` writes validates against it, in both languages and with
and without ``--only``; and it names exactly the keys the output has (a key added to the
output without the schema, or the other way round, fails here)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest

import integriteit
from _cli import run_cli
from integriteit import check
from integriteit.exporters.json import SCHEMA_VERSION

SCHEMA: dict[str, Any] = json.loads(
    resources.files("integriteit").joinpath("data/output.schema.json").read_text("utf-8"))


def _validate(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("only", [None, "due,overdue"])
def test_the_demo_output_validates(lang: str, only: str | None) -> None:
    argv = ["demo", "--format", "json", "--lang", lang, *(["--only", only] if only else [])]
    code, out, err = run_cli(*argv)
    assert code == 0 and err == ""
    data = json.loads(out)
    _validate(data)
    assert data["schema_version"] == SCHEMA_VERSION == SCHEMA["properties"]["schema_version"][
        "const"]


def test_the_schema_names_exactly_the_keys_of_the_output() -> None:
    """Every key the output has is in the schema and every key of the schema is in the output
    (the schema forbids others: ``additionalProperties`` false)."""
    doc = integriteit.from_dict({
        "organisation": {"name": "G", "kind": "gemeente", "headcount": 60},
        "policy": {"oath_term_months": {"2020-01-01": 2, "2024-01-01": 3}},
        "employees": [{"id": "E1", "start": "2026-01-05", "employment": "ambtenaar"}],
        "register": [{"id": "R-2029-1", "kind": "misstand", "received": "2029-05-03",
                      "channel": "werkgever"}]})
    data = check(doc, integriteit.date(2029, 5, 4)).to_dict("nl")
    _validate(data)
    props = SCHEMA["properties"]
    assert set(data) == set(props) == set(SCHEMA["required"])
    assert set(data["findings"][0]) == set(props["findings"]["items"]["properties"])
    rule = props["rules"]["items"]
    assert set(data["rules"][0]) == set(rule["properties"])
    assert set(data["rules"][0]["versions"][0]) == set(
        rule["properties"]["versions"]["items"]["properties"])
    assert any(r["atw_calendar"] for r in data["rules"])
    dated = data["policy"]["oath_term_months"]
    assert set(dated) == set(props["policy"]["additionalProperties"]["properties"])
    assert any(f["caveats"] for f in data["findings"])


def test_the_schema_refuses_what_the_output_never_has() -> None:
    data = check(integriteit.example(), integriteit.date(2026, 6, 1)).to_dict("en")
    data["findings"][0]["status"] = "done"
    with pytest.raises(jsonschema.ValidationError):
        _validate(data)
    data = check(integriteit.example(), integriteit.date(2026, 6, 1)).to_dict("en")
    data["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        _validate(data)
