"""Plugins: how rules and exporters get into a run.

A plugin is a function ``register(registry)`` that adds rules and exporters to a
:class:`Registry`. Third-party packages announce theirs as entry points:

.. code-block:: toml

    [project.entry-points."integriteit"]
    mijn_gemeente = "mijn_gemeente.integriteit:register"

The built-in rule packs and exporters are plugins too: their ``register`` functions are listed in
:data:`BUILTIN` and called exactly like a third party's (they are not entry points, so they also
work from a source checkout that was never installed).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from functools import cache
from importlib.metadata import entry_points

from attrs import define, field, frozen

from integriteit.engine import Rule
from integriteit.errors import IntegriteitError
from integriteit.exporters import Exporter
from integriteit.i18n import Text
from integriteit.taxonomies import (
    BUILTIN_TAXONOMIES,
    VERTROUWENSPERSOON,
    Taxonomy,
    normalise_label,
)

ENTRY_POINT_GROUP = "integriteit"

BUILTIN: tuple[str, ...] = (
    "integriteit.law.ambtenarenwet:register",
    "integriteit.law.klokkenluiders:register",
    "integriteit.policy_rules:register",
    "integriteit.exporters.text:register",
    "integriteit.exporters.json:register",
    "integriteit.exporters.jsonl:register",
    "integriteit.exporters.csv:register",
    "integriteit.exporters.markdown:register",
    "integriteit.exporters.html:register",
    "integriteit.exporters.junit:register",
    "integriteit.exporters.ical:register",
)
"""The built-in plugins, as ``module:function``."""

Plugin = Callable[["Registry"], None]

PLUGIN_API = 1
"""The version of the plugin interface (:class:`Registry`'s ``add_rule``/``add_exporter``, the
:class:`~integriteit.Rule` and :class:`~integriteit.Exporter` they take). A plugin states the
version it was written for as ``integriteit_api = 1`` on its ``register`` function (or as
``INTEGRITEIT_PLUGIN_API`` in its module); one written for another version is refused with a
:class:`PluginError` naming it. A plugin that states none is loaded (as written for version 1).
"""


@frozen
class PluginInfo:
    """One loaded plugin, for ``integriteit plugins``: where it came from and what it added."""

    name: str
    kind: str
    """``"built-in"``, ``"entry point"`` or ``"given"`` (``extra`` of :func:`build_registry`)."""
    distribution: str | None = None
    version: str | None = None
    api: int | None = None
    """The plugin-API version it states; None when it states none."""


class PluginError(IntegriteitError):
    """A plugin could not be loaded, or registered something invalid."""


class UnknownNameError(IntegriteitError, LookupError):
    """A rule id or format name that no plugin registered."""


@define
class Registry:
    """The rules and exporters available to a run, each with the plugin that added it."""

    rules: dict[str, Rule] = field(factory=dict)
    exporters: dict[str, Exporter] = field(factory=dict)
    origins: dict[str, str] = field(factory=dict)
    plugins: list[PluginInfo] = field(factory=list)
    """The plugins loaded, in order."""
    taxonomies: dict[str, Taxonomy] = field(factory=dict)
    """The category taxonomies plugins added, by name (the built-in ones, always there, are
    not listed: see :meth:`all_taxonomies`)."""
    _current: str = field(default="<direct>", init=False, repr=False)

    def add_rule(self, rule: Rule) -> None:
        """Add ``rule``; its id must be new."""
        if not isinstance(rule, Rule):
            raise PluginError(Text(
                f"{self._current}: add_rule() vraagt een Rule, niet {rule!r}",
                f"{self._current}: add_rule() takes a Rule, not {rule!r}"))
        key = f"rule:{rule.id}"
        if rule.id in self.rules:
            raise PluginError(Text(
                f"{self._current}: regel-id {rule.id!r} is al geregistreerd door "
                f"{self.origins[key]}",
                f"{self._current}: rule id {rule.id!r} is already registered by "
                f"{self.origins[key]}"))
        self.rules[rule.id] = rule
        self.origins[key] = self._current

    def add_exporter(self, exporter: Exporter) -> None:
        """Add ``exporter``; its name must be new."""
        if not isinstance(exporter, Exporter):
            raise PluginError(Text(
                f"{self._current}: add_exporter() vraagt een Exporter, niet {exporter!r}",
                f"{self._current}: add_exporter() takes an Exporter, not {exporter!r}"))
        key = f"exporter:{exporter.name}"
        if exporter.name in self.exporters:
            raise PluginError(Text(
                f"{self._current}: formaat {exporter.name!r} is al geregistreerd door "
                f"{self.origins[key]}",
                f"{self._current}: exporter {exporter.name!r} is already registered by "
                f"{self.origins[key]}"))
        self.exporters[exporter.name] = exporter
        self.origins[key] = self._current

    def add_taxonomy(self, taxonomy: Taxonomy) -> None:
        """Add ``taxonomy``, a sector's own categories for the annual report: its name must
        be new, every key must be a :data:`~integriteit.taxonomies.VERTROUWENSPERSOON` key or
        map onto one (``maps_to``), a key another taxonomy has must have the same labels
        there, and no wording may name two categories."""
        if not isinstance(taxonomy, Taxonomy):
            raise PluginError(Text(
                f"{self._current}: add_taxonomy() vraagt een Taxonomy, niet {taxonomy!r}",
                f"{self._current}: add_taxonomy() takes a Taxonomy, not {taxonomy!r}"))
        key = f"taxonomy:{taxonomy.name}"
        if taxonomy.name in self.taxonomies or any(
                t.name == taxonomy.name for t in BUILTIN_TAXONOMIES):
            by = self.origins.get(key, "integriteit")
            raise PluginError(Text(
                f"{self._current}: taxonomie {taxonomy.name!r} is al geregistreerd door {by}",
                f"{self._current}: taxonomy {taxonomy.name!r} is already registered by {by}"))
        canonical = VERTROUWENSPERSOON.keys()
        loose = sorted(c.key for c in taxonomy.categories
                       if c.key not in canonical and taxonomy.maps_to.get(c.key) not in canonical)
        if loose:
            keys = ", ".join(loose)
            raise PluginError(Text(
                f"{self._current}: taxonomie {taxonomy.name!r}: {keys} is geen sleutel van de "
                "vertrouwenspersoon-categorieën en maps_to beeldt het er niet op af",
                f"{self._current}: taxonomy {taxonomy.name!r}: {keys} is no key of the "
                "vertrouwenspersoon categories and maps_to does not map it onto one"))
        clash = _taxonomy_clash(self.all_taxonomies(), taxonomy)
        if clash is not None:
            raise PluginError(Text(f"{self._current}: taxonomie {taxonomy.name!r}: {clash.nl}",
                                   f"{self._current}: taxonomy {taxonomy.name!r}: {clash.en}"))
        self.taxonomies[taxonomy.name] = taxonomy
        self.origins[key] = self._current

    def all_taxonomies(self) -> tuple[Taxonomy, ...]:
        """The built-in taxonomies, then those plugins added."""
        return (*BUILTIN_TAXONOMIES, *self.taxonomies.values())

    def taxonomies_added_by(self, plugin: str) -> list[str]:
        """The names of the taxonomies the plugin called ``plugin`` added."""
        return [k[9:] for k, v in self.origins.items()
                if v == plugin and k.startswith("taxonomy:")]

    def load(self, plugin: Plugin, name: str, *, kind: str = "given",
             distribution: str | None = None, version: str | None = None) -> None:
        """Call ``plugin(self)``, recording ``name`` as the origin of what it adds; a plugin
        written for another plugin-API version than :data:`PLUGIN_API` is refused."""
        api = _stated_api(plugin)
        if api is not None and api != PLUGIN_API:
            raise PluginError(Text(
                f"plugin {name} is geschreven voor plugin-API {api!r}; deze integriteit heeft "
                f"versie {PLUGIN_API}: gebruik een versie van de plugin voor {PLUGIN_API}",
                f"plugin {name} was written for plugin API {api!r}; this integriteit has "
                f"version {PLUGIN_API}: use a version of the plugin for {PLUGIN_API}"))
        self.plugins.append(PluginInfo(name, kind, distribution, version,
                                       PLUGIN_API if api is None and kind == "built-in"
                                       else api if isinstance(api, int) else None))
        previous, self._current = self._current, name
        try:
            plugin(self)
        except PluginError:
            raise
        except Exception as exc:
            raise PluginError(Text(f"plugin {name} faalde bij het registreren: {exc!r}",
                                   f"plugin {name} failed while registering: {exc!r}")
                              ) from exc
        finally:
            self._current = previous

    def added_by(self, plugin: str) -> tuple[list[str], list[str]]:
        """The rule ids and exporter names the plugin called ``plugin`` added."""
        rules = [k[5:] for k, v in self.origins.items() if v == plugin and k.startswith("rule:")]
        formats = [k[9:] for k, v in self.origins.items()
                   if v == plugin and k.startswith("exporter:")]
        return rules, formats

    def select(self, rules: Iterable[Rule | str] | None = None) -> tuple[Rule, ...]:
        """All rules in registration order, or the ones named (unknown ids are an error)."""
        if rules is None:
            return tuple(self.rules.values())
        chosen: list[Rule] = []
        for r in rules:
            if isinstance(r, Rule):
                chosen.append(r)
            elif r in self.rules:
                chosen.append(self.rules[r])
            else:
                known = ", ".join(self.rules)
                raise UnknownNameError(Text(f"onbekende regel {r!r} (bekend: {known})",
                                            f"unknown rule {r!r} (known: {known})"))
        return tuple(chosen)

    def rule(self, rule_id: str) -> Rule:
        """The rule with id ``rule_id``."""
        return self.select([rule_id])[0]

    def exporter(self, name: str) -> Exporter:
        """The exporter called ``name``."""
        try:
            return self.exporters[name]
        except KeyError:
            known = ", ".join(self.exporters)
            raise UnknownNameError(Text(f"onbekend formaat {name!r} (bekend: {known})",
                                        f"unknown format {name!r} (known: {known})")) from None


def _taxonomy_clash(present: Iterable[Taxonomy], new: Taxonomy) -> Text | None:
    """What keeps ``new`` from being used with the ``present`` taxonomies: a key they have
    with other labels, or a wording that would name two categories; None when nothing."""
    labels: dict[str, tuple[Text, str]] = {}
    wordings: dict[str, tuple[str, str]] = {}
    for taxonomy in present:  # where each key and wording is first defined
        for c in taxonomy.categories:
            labels.setdefault(c.key, (c.label, taxonomy.name))
            for w in (c.key, *c.wordings()):
                wordings.setdefault(normalise_label(w), (c.key, taxonomy.name))
    for category in new.categories:
        known = labels.get(category.key)
        if known is not None and known[0] != category.label:
            label, where = known
            return Text(
                f"de sleutel {category.key!r} heet in taxonomie {where!r} {label.nl!r} / "
                f"{label.en!r}; één sleutel is één categorie, met één label",
                f"the key {category.key!r} is called {label.nl!r} / {label.en!r} in taxonomy "
                f"{where!r}; one key is one category, with one label")
        for wording in (category.key, *category.wordings()):
            other = wordings.get(normalise_label(wording))
            if other is not None and other[0] != category.key:
                return Text(
                    f"de omschrijving {wording!r} noemt al de categorie {other[0]!r} (taxonomie "
                    f"{other[1]!r}), dus niet ook {category.key!r}",
                    f"the wording {wording!r} already names the category {other[0]!r} "
                    f"(taxonomy {other[1]!r}), so it cannot also name {category.key!r}")
    return None


def _version() -> str:
    from integriteit import __version__  # the package imports this module lazily

    return __version__


def _stated_api(plugin: Plugin) -> object:
    """The plugin-API version a plugin states (on the function, else in its module); None."""
    stated = getattr(plugin, "integriteit_api", None)
    if stated is None:
        module = sys.modules.get(getattr(plugin, "__module__", "") or "")
        stated = getattr(module, "INTEGRITEIT_PLUGIN_API", None)
    return stated


def _resolve(spec: str) -> Plugin:
    module_name, _, attr = spec.partition(":")
    obj: Plugin = getattr(importlib.import_module(module_name), attr)
    return obj


def build_registry(*, builtins: bool = True, entry_point_plugins: bool = True,
                   extra: Iterable[tuple[str, Plugin]] = ()) -> Registry:
    """A new registry: the built-ins, the installed plugins, then ``extra`` (name, plugin)."""
    registry = Registry()
    if builtins:
        for spec in BUILTIN:
            registry.load(_resolve(spec), spec, kind="built-in", distribution="integriteit",
                          version=_version())
    if entry_point_plugins:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginError(Text(
                    f"plugin {ep.name} ({ep.value}) kan niet worden geladen: {exc!r}",
                    f"plugin {ep.name} ({ep.value}) cannot be loaded: {exc!r}")) from exc
            dist = getattr(ep, "dist", None)
            registry.load(plugin, f"{ep.name} ({ep.value})", kind="entry point",
                          distribution=getattr(dist, "name", None),
                          version=getattr(dist, "version", None))
    for name, plugin in extra:
        registry.load(plugin, name)
    return registry


@cache
def default_registry() -> Registry:
    """The registry used when none is given: built-ins and installed plugins, loaded once."""
    return build_registry()
