"""The published JSON Schema of the report's JSON (``integriteit/data/report.schema.json``):
what ``report --format json`` writes validates against it, and it names exactly the keys the
output has, so a key added to one and not the other fails here."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import integriteit
from integriteit import Document
from integriteit.report import REPORT_SCHEMA_VERSION, annual_report, to_data
from integriteit.testing import documents

SEEDS = Path(__file__).parent / "data" / "seeds"
SCHEMA: dict[str, Any] = json.loads(
    resources.files("integriteit").joinpath("data/report.schema.json").read_text("utf-8"))


def _validate(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@pytest.mark.parametrize(("name", "year"), [("zuid-holland-2019.json", 2019),
                                            ("groningen-2021.json", 2021)])
@pytest.mark.parametrize(("lang", "k"), [("nl", 0), ("en", 5)])
def test_the_seed_reports_validate(name: str, year: int, lang: str, k: int) -> None:
    data = to_data(annual_report(integriteit.load(SEEDS / name), year), lang, k)  # type: ignore[arg-type]
    _validate(data)
    assert data["schema_version"] == REPORT_SCHEMA_VERSION == SCHEMA["properties"][
        "schema_version"]["const"]


def test_the_schema_names_exactly_the_keys_of_the_output() -> None:
    report = annual_report(integriteit.example(), 2026, years=5, at=date(2026, 6, 1))
    data = to_data(report, "nl")
    _validate(data)
    props = SCHEMA["properties"]
    assert set(data) == set(props) == set(SCHEMA["required"])
    for part in ("counts", "totals", "uncategorised", "multi_category", "outcomes", "figures"):
        assert data[part], part  # the example has rows of each, so their keys are checked
        assert set(data[part][0]) == set(props[part]["items"]["properties"]), part
        assert set(data[part][0]) == set(props[part]["items"]["required"]), part
    assert set(data["organisation"]) == set(props["organisation"]["properties"])


@settings(max_examples=30, deadline=None)
@given(documents(max_employees=4, max_entries=8), st.integers(2019, 2026),
       st.sampled_from([0, 3]))
def test_any_report_validates(doc: Document, year: int, k: int) -> None:
    _validate(to_data(annual_report(doc, year, years=3, at=date(year, 12, 31)), "en", k))
