"""Plugins: rules and exporters from ``register(registry)`` functions and entry points."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any, TextIO

import pytest

import integriteit
from integriteit import (
    Binding,
    CheckResult,
    Exporter,
    Finding,
    Lang,
    PluginError,
    Registry,
    Rule,
    RuleContext,
    RuleVersion,
    Severity,
    Status,
    SubjectKind,
    Text,
)
from integriteit.cli import main
from integriteit.plugins import (
    ENTRY_POINT_GROUP,
    PLUGIN_API,
    UnknownNameError,
    build_registry,
    default_registry,
)

AT = date(2024, 6, 1)
BUILTIN_RULES = ["ambtenarenwet.eed", "ambtenarenwet.integriteitsbeleid",
                 "ambtenarenwet.personeelsbeleid", "ambtenarenwet.gedragscode",
                 "ambtenarenwet.verantwoording", "ambtenarenwet.nevenwerkzaamheden",
                 "ambtenarenwet.openbaarmaking", "ambtenarenwet.financiele_belangen",
                 "wbk.ontvangstbevestiging", "wbk.terugkoppeling",
                 "wbk.meldprocedure", "wbk.meldprocedure.functionaris",
                 "wbk.meldprocedure.adviseur_in_vertrouwen", "wbk.meldprocedure.instemming",
                 "wbk.register", "beleid.integriteitsverklaring", "beleid.workshop"]

_VOG_NEEDED = Text("Integriteitsverklaring nodig voor {kind}.",
                   "Integrity statement needed for {kind}.")
_VOG_NA = Text("Geen integriteitsverklaring nodig.", "No integrity statement needed.")


def _prepare_vog(ctx: RuleContext) -> Callable[[Any], Finding]:
    def evaluate(e: Any) -> Finding:
        if e.employment.value in ("inhuur", "uitzendkracht"):
            return ctx.finding(e.id, Status.DUE, e.start, _VOG_NEEDED,
                               {"kind": e.employment.value})
        return ctx.finding(e.id, Status.NOT_APPLICABLE, None, _VOG_NA, {})
    return evaluate


VOG = Rule(
    id="mijn_gemeente.integriteitsverklaring",
    title=Text("Integriteitsverklaring voor externen", "Integrity statement for externals"),
    severity=Severity.WARNING,
    subject=SubjectKind.EMPLOYEE,
    versions=(RuleVersion(date(2024, 1, 1), None, (), _prepare_vog,
                          Text("Beleid van de gemeente.", "Municipal policy.")),),
    binding=Binding.POLICY,
)


def _write_csv(result: CheckResult, out: TextIO, lang: Lang) -> None:
    out.write("rule;subject;status\n")
    for f in result.findings:
        out.write(f"{f.rule};{f.subject};{f.status.value}\n")


CSV = Exporter("puntkomma", Text("Puntkomma-gescheiden", "Semicolon-separated"), _write_csv)


def register_mine(registry: Registry) -> None:
    registry.add_rule(VOG)
    registry.add_exporter(CSV)


def doc() -> integriteit.Document:
    return integriteit.from_dict({
        "organisation": {"name": "Gemeente Plug", "kind": "gemeente"},
        "employees": [
            {"id": "A", "start": "2024-01-15", "employment": "ambtenaar",
             "oath": {"date": "2024-02-01", "form": "eed"}},
            {"id": "B", "start": "2024-02-01", "employment": "inhuur"},
        ],
    })


# --- extra plugins ---------------------------------------------------------------------------


def test_extra_plugin_adds_a_policy_rule_and_an_exporter() -> None:
    """``build_registry(extra=...)`` adds a plugin's rule and exporter after the built-ins."""
    reg = build_registry(entry_point_plugins=False, extra=[("mine", register_mine)])
    assert list(reg.rules) == [*BUILTIN_RULES, VOG.id]
    assert set(reg.exporters) == {"text", "json", "jsonl", "csv", "markdown", "html",
                                  "junit", "ical", "puntkomma"}
    assert reg.origins[f"rule:{VOG.id}"] == "mine"
    assert reg.origins["exporter:puntkomma"] == "mine"
    assert reg.origins["exporter:csv"] == "integriteit.exporters.csv:register"
    assert reg.origins["rule:ambtenarenwet.eed"] == "integriteit.law.ambtenarenwet:register"
    assert reg.origins["rule:wbk.terugkoppeling"] == "integriteit.law.klokkenluiders:register"
    result = integriteit.check(doc(), AT, registry=reg, rules=["ambtenarenwet.eed", VOG.id])
    assert [(f.rule, f.subject, f.status) for f in result.findings] == [
        ("ambtenarenwet.eed", "A", Status.OK),
        (VOG.id, "A", Status.NOT_APPLICABLE),
        ("ambtenarenwet.eed", "B", Status.NOT_APPLICABLE),
        (VOG.id, "B", Status.DUE),
    ]
    assert result.findings[3].message("en") == "Integrity statement needed for inhuur."
    out = io.StringIO()
    reg.exporter("puntkomma").write(result, out, "en")
    assert out.getvalue().splitlines()[-1] == f"{VOG.id};B;due"


def test_check_employee_runs_plugin_employee_rules() -> None:
    """``check_employee`` runs every employee rule of the registry given."""
    reg = build_registry(entry_point_plugins=False, extra=[("mine", register_mine)])
    found = integriteit.check_employee(
        {"id": "X", "start": "2024-03-01", "employment": "uitzendkracht"}, AT, registry=reg)
    assert [(f.rule, f.status) for f in found] == [
        ("ambtenarenwet.eed", Status.NOT_APPLICABLE),
        ("ambtenarenwet.nevenwerkzaamheden", Status.NOT_APPLICABLE),
        ("ambtenarenwet.openbaarmaking", Status.NOT_APPLICABLE), (VOG.id, Status.DUE)]
    assert [r.id for r in integriteit.rules(reg)] == [*BUILTIN_RULES, VOG.id]


def test_plugin_rule_and_exporter_in_the_cli(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str],
                                             tmp_path: Any) -> None:
    """A plugin's exporter is a ``--format`` choice; its policy rule is listed as policy."""
    reg = build_registry(entry_point_plugins=False, extra=[("mine", register_mine)])
    monkeypatch.setattr("integriteit.cli.default_registry", lambda: reg)
    path = tmp_path / "doc.json"
    path.write_text(integriteit.dumps(doc()), encoding="utf-8")
    assert main(["check", str(path), "--at", AT.isoformat(), "--format", "puntkomma"]) == 0
    out = capsys.readouterr().out
    assert f"{VOG.id};B;due" in out
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert f"{VOG.id}  [waarschuwing, beleid van de organisatie]" in out
    assert main(["rules", "--lang", "en"]) == 0
    assert "[warning, organisation policy]" in capsys.readouterr().out


# --- conflicts and failures ------------------------------------------------------------------


def test_duplicate_rule_id_names_the_first_origin() -> None:
    """A second rule with the same id is refused, naming the plugin that registered it first."""
    with pytest.raises(PluginError) as info:
        build_registry(entry_point_plugins=False,
                       extra=[("first", register_mine), ("second", lambda r: r.add_rule(VOG))])
    assert str(info.value) == f"second: rule id {VOG.id!r} is already registered by first"
    assert info.value.message("nl") == (
        f"second: regel-id {VOG.id!r} is al geregistreerd door first")


def test_duplicate_of_a_builtin_rule_names_the_builtin() -> None:
    """Re-registering the oath rule names the built-in plugin that has it."""
    eed = default_registry().rules["ambtenarenwet.eed"]
    with pytest.raises(PluginError) as info:
        build_registry(entry_point_plugins=False, extra=[("copycat", lambda r: r.add_rule(eed))])
    assert str(info.value) == ("copycat: rule id 'ambtenarenwet.eed' is already registered by "
                               "integriteit.law.ambtenarenwet:register")


def test_duplicate_exporter_name_names_the_first_origin() -> None:
    """A second exporter with a taken name is refused, naming the first."""
    other_json = Exporter("json", Text("ander", "other"), _write_csv)
    with pytest.raises(PluginError) as info:
        build_registry(entry_point_plugins=False,
                       extra=[("mine", lambda r: r.add_exporter(other_json))])
    assert str(info.value) == (
        "mine: exporter 'json' is already registered by integriteit.exporters.json:register")
    assert info.value.message("nl") == (
        "mine: formaat 'json' is al geregistreerd door integriteit.exporters.json:register")


def test_plugin_that_raises_gives_plugin_error() -> None:
    """A plugin that raises while registering is a PluginError naming it, with the cause."""
    boom = RuntimeError("kapot")

    def broken(registry: Registry) -> None:
        raise boom

    with pytest.raises(PluginError) as info:
        build_registry(entry_point_plugins=False, extra=[("broken", broken)])
    assert str(info.value) == "plugin broken failed while registering: RuntimeError('kapot')"
    assert info.value.message("nl") == (
        "plugin broken faalde bij het registreren: RuntimeError('kapot')")
    assert info.value.__cause__ is boom


@pytest.mark.parametrize(
    ("register", "message"),
    [
        (lambda r: r.add_rule("ambtenarenwet.eed"), "add_rule() takes a Rule"),
        (lambda r: r.add_exporter(_write_csv), "add_exporter() takes an Exporter"),
    ],
)
def test_plugin_adding_the_wrong_thing_gives_plugin_error(
        register: Callable[[Registry], None], message: str) -> None:
    """Adding something that is not a Rule or Exporter is refused, naming the plugin."""
    with pytest.raises(PluginError) as info:
        build_registry(builtins=False, entry_point_plugins=False, extra=[("wrong", register)])
    assert str(info.value).startswith(f"wrong: {message}, not ")


def test_unknown_format_names_the_known_ones() -> None:
    """Asking for an exporter that does not exist lists the known formats."""
    with pytest.raises(UnknownNameError,
                       match=r"unknown format 'xml' \(known: text, json, jsonl, csv, "
                             r"markdown, html, junit, ical\)"):
        build_registry(entry_point_plugins=False).exporter("xml")


def test_registry_without_builtins_is_empty() -> None:
    """``builtins=False`` without entry points gives an empty registry."""
    reg = build_registry(builtins=False, entry_point_plugins=False)
    assert reg.rules == {}
    assert reg.exporters == {}


def test_default_registry_is_built_once() -> None:
    """The default registry is loaded once and reused."""
    assert default_registry() is default_registry()
    assert "ambtenarenwet.eed" in default_registry().rules


# --- entry points ----------------------------------------------------------------------------


class FakeEntryPoint:
    """What ``importlib.metadata.entry_points`` returns, as far as the registry uses it."""

    def __init__(self, name: str, value: str, plugin: Any = None,
                 error: Exception | None = None) -> None:
        self.name, self.value, self._plugin, self._error = name, value, plugin, error

    def load(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._plugin


def fake_entry_points(monkeypatch: pytest.MonkeyPatch, *eps: FakeEntryPoint) -> list[str]:
    groups: list[str] = []

    def entry_points(*, group: str) -> list[FakeEntryPoint]:
        groups.append(group)
        return list(eps)

    monkeypatch.setattr("integriteit.plugins.entry_points", entry_points)
    return groups


def test_entry_point_plugins_are_discovered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed plugins announced as entry points are loaded, in name order, after built-ins."""
    order: list[str] = []

    def zeta(registry: Registry) -> None:
        order.append("zeta")

    def alpha(registry: Registry) -> None:
        order.append("alpha")
        register_mine(registry)

    groups = fake_entry_points(
        monkeypatch,
        FakeEntryPoint("zeta", "zeta_pkg:register", zeta),
        FakeEntryPoint("alpha", "mijn_gemeente.integriteit:register", alpha),
    )
    reg = build_registry()
    assert groups == [ENTRY_POINT_GROUP] == ["integriteit"]
    assert order == ["alpha", "zeta"]
    assert reg.origins[f"rule:{VOG.id}"] == "alpha (mijn_gemeente.integriteit:register)"
    assert list(reg.rules) == [*BUILTIN_RULES, VOG.id]


def test_entry_points_are_skipped_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """``entry_point_plugins=False`` does not look at installed plugins."""
    groups = fake_entry_points(monkeypatch, FakeEntryPoint("x", "x:y", register_mine))
    reg = build_registry(entry_point_plugins=False)
    assert groups == []
    assert VOG.id not in reg.rules


def test_entry_point_that_cannot_be_imported_gives_plugin_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry point that fails to import is a PluginError naming it and its target."""
    fake_entry_points(monkeypatch, FakeEntryPoint(
        "kapot", "kapot_pkg:register", error=ModuleNotFoundError("No module named 'kapot_pkg'")))
    with pytest.raises(PluginError) as info:
        build_registry()
    assert str(info.value) == (
        "plugin kapot (kapot_pkg:register) cannot be loaded: "
        "ModuleNotFoundError(\"No module named 'kapot_pkg'\")")


def test_entry_point_conflicting_with_builtin_names_both(monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry-point plugin that re-registers a built-in exporter names both plugins."""
    fake_entry_points(monkeypatch, FakeEntryPoint(
        "eigen", "eigen:register", lambda r: r.add_exporter(Exporter("text", _VOG_NA, _write_csv))))
    with pytest.raises(PluginError, match=r"^eigen \(eigen:register\): exporter 'text' is already "
                                          r"registered by integriteit\.exporters\.text:register$"):
        build_registry()


def test_entry_point_plugin_output_is_valid_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin rule's findings go through the JSON exporter like built-in ones."""
    fake_entry_points(monkeypatch, FakeEntryPoint("mine", "mine:register", register_mine))
    reg = build_registry()
    out = io.StringIO()
    reg.exporter("json").write(integriteit.check(doc(), AT, registry=reg), out, "en")
    data = json.loads(out.getvalue())
    [vog] = [r for r in data["rules"] if r["id"] == VOG.id]
    assert vog["binding"] == "policy"
    # No register entries: the two register-entry rules have no subjects; the built-in policy
    # rules are off (the document's policy does not ask for them).
    assert {f["rule"] for f in data["findings"]} == (
        set(BUILTIN_RULES) - {"wbk.ontvangstbevestiging", "wbk.terugkoppeling",
                              "beleid.integriteitsverklaring", "beleid.workshop"} | {VOG.id})


# --- integriteit plugins, and the plugin-API version (issue 13, item 7, part) ----------------


def test_plugins_lists_what_each_added(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    reg = build_registry(entry_point_plugins=False, extra=[("mine", register_mine)])
    monkeypatch.setattr("integriteit.cli.default_registry", lambda: reg)
    assert main(["plugins", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["plugin_api"] == PLUGIN_API
    by_name = {p["name"]: p for p in data["plugins"]}
    assert by_name["mine"] == {"name": "mine", "kind": "given", "distribution": None,
                               "version": None, "api": None, "rules": [VOG.id],
                               "formats": ["puntkomma"], "taxonomies": []}
    eed = by_name["integriteit.law.ambtenarenwet:register"]
    assert eed["kind"] == "built-in" and eed["api"] == PLUGIN_API
    assert eed["distribution"] == "integriteit" and eed["version"] == integriteit.__version__
    assert "ambtenarenwet.eed" in eed["rules"]
    assert main(["plugins"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"Plugins (plugin-API {PLUGIN_API}):\n")
    assert "\n  mine  [meegegeven, geen API-versie opgegeven]\n    regels: " in text
    assert "    formaten: puntkomma\n" in text


def test_a_plugin_for_another_api_is_refused() -> None:
    def later(registry: Registry) -> None:
        registry.add_rule(VOG)

    later.integriteit_api = PLUGIN_API + 1  # type: ignore[attr-defined]
    with pytest.raises(PluginError) as info:
        build_registry(entry_point_plugins=False, extra=[("later", later)])
    assert str(info.value) == (f"plugin later was written for plugin API {PLUGIN_API + 1}; this "
                               f"integriteit has version {PLUGIN_API}: use a version of the "
                               f"plugin for {PLUGIN_API}")
    assert "geschreven voor plugin-API" in info.value.message("nl")
    later.integriteit_api = PLUGIN_API  # type: ignore[attr-defined]
    reg = build_registry(entry_point_plugins=False, extra=[("later", later)])
    assert reg.plugins[-1].api == PLUGIN_API and VOG.id in reg.rules
