"""The example plugin package (``examples/noordkust``) installed with pip, as a province would
install its own, and used through the command line: discovery by entry point, ``integriteit
plugins``, its rule and its format; and a plugin for another plugin-API version refused."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from integriteit.plugins import PLUGIN_API, default_registry

PACKAGE = Path(__file__).resolve().parent.parent / "examples" / "noordkust"
MODULE = PACKAGE / "src" / "integriteit_noordkust" / "__init__.py"


def _install(source: Path, into: Path) -> Path:
    """``pip install`` of the package at ``source`` into the folder ``into`` (a copy is built,
    so the clone gets no build files); that folder then goes on ``PYTHONPATH``."""
    work = into.parent / f"{into.name}-src"
    shutil.copytree(source, work)
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--no-build-isolation", "--no-index", "--target", str(into), str(work)],
        capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return into


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _install(PACKAGE, tmp_path_factory.mktemp("site") / "noordkust")


def integriteit(site: Path, *argv: str, stdin: str | None = None
                ) -> subprocess.CompletedProcess[str]:
    """The ``integriteit`` command in a new process that has ``site`` on its path."""
    env = dict(os.environ, PYTHONPATH=str(site), INTEGRITEIT_LANG="en")
    return subprocess.run([sys.executable, "-m", "integriteit", *argv], input=stdin,
                          capture_output=True, text=True, check=False, env=env, timeout=120)


def test_the_installed_package_is_found_by_its_entry_point(installed: Path) -> None:
    proc = integriteit(installed, "plugins", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    plugins = {p["name"]: p for p in json.loads(proc.stdout)["plugins"]}
    assert plugins["noordkust (integriteit_noordkust:register)"] == {
        "name": "noordkust (integriteit_noordkust:register)", "kind": "entry point",
        "distribution": "integriteit-noordkust", "version": "1.0.0", "api": PLUGIN_API,
        "rules": ["noordkust.eed_voor_start"], "formats": ["hr-import"],
        "taxonomies": ["noordkust"]}
    text = integriteit(installed, "plugins").stdout
    assert ("noordkust (integriteit_noordkust:register)  [installed (entry point), "
            "integriteit-noordkust 1.0.0, plugin API 1]") in text


def test_without_it_nothing_of_it_is_loaded() -> None:
    """The tests' own process does not see the package: it is installed only for the
    processes above."""
    assert "noordkust.eed_voor_start" not in default_registry().rules


def test_its_format_writes_the_hr_systems_import(installed: Path) -> None:
    proc = integriteit(installed, "demo", "--format", "hr-import")
    assert proc.returncode == 0, proc.stderr
    rows = proc.stdout.splitlines()
    assert rows[0] == "Personeelsnummer;Actie;Datum;Toelichting"
    assert ("P003;EED-KWETSBAAR;02-03-2026;No eed or belofte taken, while Noordkust asks it "
            "in the function inkoper by the first working day, 2026-03-02.") in rows
    assert any(r.startswith("P003;EED;02-05-2026;") for r in rows)
    # Only what needs action, of employees: no organisation, register or "ok" rows.
    assert all(r.split(";")[0].startswith("P") for r in rows[1:] if r)


def _doc(*employees: dict[str, object]) -> str:
    return json.dumps({"organisation": {"name": "Provincie Noordkust", "kind": "provincie",
                                        "headcount": 900},
                       "employees": list(employees)})


def test_its_rule_runs_beside_the_built_in_ones(installed: Path) -> None:
    doc = _doc(
        {"id": "A", "start": "2026-03-02", "employment": "ambtenaar", "function": "Inkoper",
         "oath": {"date": "2026-03-02", "form": "eed"}},
        {"id": "B", "start": "2026-03-02", "employment": "ambtenaar", "function": "handhaver",
         "oath": {"date": "2026-03-20", "form": "belofte"}},
        {"id": "C", "start": "2026-07-01", "employment": "ambtenaar", "function": "inkoper"},
        {"id": "D", "start": "2026-03-02", "employment": "ambtenaar", "function": "jurist"},
        {"id": "E", "start": "2026-03-02", "employment": "inhuur", "function": "inkoper"},
        {"id": "F", "start": "2026-03-02", "employment": "ambtenaar"},
        {"id": "G", "start": "2024-03-02", "employment": "ambtenaar", "function": "inkoper"})
    proc = integriteit(installed, "check", "-", "--at", "2026-06-01", "--format", "json",
                       "--rule", "noordkust.eed_voor_start", "--rule", "ambtenarenwet.eed",
                       stdin=doc)
    assert proc.returncode == 1, proc.stderr  # G's oath is overdue under the statute
    found = {(f["rule"], f["subject"]): f["status"] for f in json.loads(proc.stdout)["findings"]}
    mine = {s: status for (rule, s), status in found.items()
            if rule == "noordkust.eed_voor_start"}
    assert mine == {"A": "ok", "B": "late", "C": "due", "D": "not_applicable",
                    "E": "not_applicable", "F": "unknown", "G": "not_applicable"}
    assert found[("ambtenarenwet.eed", "B")] == "ok"  # the general term is still met
    not_yet = json.loads(proc.stdout)["findings"]
    assert any(f["subject"] == "G" and "not in force on 2024-03-02" in f["message"] for f in not_yet
               if f["rule"] == "noordkust.eed_voor_start")  # started before the policy


def test_rules_explain_and_checklist_show_it_as_policy(installed: Path) -> None:
    listed = integriteit(installed, "rules").stdout
    assert ("noordkust.eed_voor_start  [warning, organisation policy]  Eed or belofte before "
            "the start in a vulnerable function (Noordkust)") in listed
    explained = integriteit(installed, "explain", "noordkust.eed_voor_start")
    assert explained.returncode == 0 and "How the rule decides:" in explained.stdout
    checklist = integriteit(installed, "checklist", "--at", "2026-06-01", "--kind",
                            "provincie").stdout
    policy_part = checklist.split("## Organisation policy")[1]
    assert "(`noordkust.eed_voor_start`)" in policy_part


def test_its_taxonomy_reports_the_register_in_its_own_categories(installed: Path) -> None:
    """A register in the province's own categories loads and is reported in them, once the
    package is installed."""
    doc = json.dumps({
        "organisation": {"name": "Provincie Noordkust", "kind": "provincie"},
        "register": [
            {"id": "M1", "kind": "melding", "received": "2025-03-03",
             "channel": "leidinggevende", "categories": ["Vergunningverlening"]},
            {"id": "M2", "kind": "melding", "received": "2025-04-01",
             "channel": "leidinggevende", "categories": ["vergunning_beinvloeding",
                                                          "nevenfunctie"]}]})
    proc = integriteit(installed, "report", "-", "--year", "2025", "--years", "1",
                       stdin=doc)
    assert proc.returncode == 0, proc.stderr
    assert "| Influencing a permit | 2 | 100% |" in proc.stdout
    assert "| Conflict of interest through a side job | 1 | 50% |" in proc.stdout
    # Without the package the same register does not load: the categories are unknown.
    plain = subprocess.run([sys.executable, "-m", "integriteit", "report", "-", "--year",
                            "2025"], input=doc, capture_output=True, text=True, check=False,
                           env=dict(os.environ, INTEGRITEIT_LANG="en"), timeout=120)
    assert plain.returncode == 2 and "register[0].categories[0]: unknown category" in (
        plain.stderr)


def test_a_plugin_for_another_plugin_api_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "future"
    shutil.copytree(PACKAGE, source)
    module = source / "src" / "integriteit_noordkust" / "__init__.py"
    module.write_text(module.read_text("utf-8").replace(
        "INTEGRITEIT_PLUGIN_API = 1", f"INTEGRITEIT_PLUGIN_API = {PLUGIN_API + 1}"), "utf-8")
    site = _install(source, tmp_path / "site")
    proc = integriteit(site, "rules")
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr
    assert "noordkust" in proc.stderr and f"plugin API {PLUGIN_API + 1}" in proc.stderr
    assert proc.stdout == ""


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("integriteit_noordkust_example", MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_its_cells_are_never_spreadsheet_formulas() -> None:
    """The example's exporter (copied by users) makes no cell a spreadsheet formula."""
    cell = _module().cell
    for payload in ("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert cell(payload) == "'" + payload
    assert cell("P001") == "P001"
    assert cell(None) == ""
