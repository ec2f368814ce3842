"""Taxonomies from plugins (issue 14, item 5): a plugin registers a sector's own categories
(keys, Dutch and English labels, aliases, how they map onto the vertrouwenspersoon keys) the
way it registers rules and exporters; documents then use them and reports name them; one
that does not fit is refused, naming the plugin."""

from __future__ import annotations

import pytest

import integriteit
from integriteit import InputError, PluginError
from integriteit.i18n import Text
from integriteit.plugins import Registry, build_registry
from integriteit.report import annual_report, to_data
from integriteit.taxonomies import Category, Taxonomy

WATER = Taxonomy(
    name="waterschap", version="1", title=Text("Waterschapsmodel", "Water board model"),
    source=Text("Voorbeeld", "Example"),
    categories=(Category("dijkbewaking_misbruik", Text("Misbruik bij dijkbewaking",
                                                          "Misuse in dyke patrols")),
                Category("pesten", Text("Pesten", "Bullying"))),
    maps_to={"dijkbewaking_misbruik": "integriteit"})


def _sector(registry: Registry) -> None:
    registry.add_taxonomy(WATER)


def test_a_plugins_taxonomy_names_the_register_and_the_report() -> None:
    registry = build_registry(entry_point_plugins=False, extra=[("sector", _sector)])
    assert registry.all_taxonomies()[-1] is WATER
    assert registry.taxonomies_added_by("sector") == ["waterschap"]
    data = {"organisation": {"name": "Waterschap X", "kind": "waterschap"},
            "register": [{"id": "M1", "kind": "melding", "received": "2025-02-03",
                          "channel": "leidinggevende",
                          "categories": ["Misbruik bij dijkbewaking"]}]}
    doc = integriteit.from_dict(data, registry=registry)
    assert doc.register[0].categories == ("dijkbewaking_misbruik",)
    report = annual_report(doc, 2025, years=1, registry=registry)
    out = to_data(report, "en")
    assert out["categories"] == {"dijkbewaking_misbruik": "Misuse in dyke patrols"}
    assert WATER.canonical("dijkbewaking_misbruik") == "integriteit"
    # Without that registry (and without the plugin installed) the wording is unknown.
    with pytest.raises(InputError) as caught:
        integriteit.from_dict(data)
    assert caught.value.problems[0].path == "register[0].categories[0]"


@pytest.mark.parametrize(("taxonomy", "says"), [
    (Taxonomy(name="bios_vu", version="1", title=Text("x", "x"), source=Text("x", "x"),
               categories=(Category("pesten", Text("Pesten", "Bullying")),)),
     "taxonomy 'bios_vu' is already registered by integriteit"),
    (Taxonomy(name="los", version="1", title=Text("x", "x"), source=Text("x", "x"),
               categories=(Category("zwerfkey", Text("Zwerf", "Stray")),)),
     "zwerfkey is no key of the vertrouwenspersoon categories"),
    (Taxonomy(name="anders", version="1", title=Text("x", "x"), source=Text("x", "x"),
               categories=(Category("pesten", Text("Treiteren", "Teasing")),)),
     "the key 'pesten' is called 'Pesten' / 'Bullying' in taxonomy 'vertrouwenspersoon'"),
    (Taxonomy(name="dubbel", version="1", title=Text("x", "x"), source=Text("x", "x"),
               categories=(Category("treiteren", Text("Pestgedrag", "Teasing")),),
               maps_to={"treiteren": "pesten"}),
     "the wording 'Pestgedrag' already names the category 'pesten'"),
])
def test_a_taxonomy_that_does_not_fit_is_refused_naming_the_plugin(taxonomy: Taxonomy,
                                                                   says: str) -> None:
    def plugin(registry: Registry) -> None:
        registry.add_taxonomy(taxonomy)

    with pytest.raises(PluginError) as caught:
        build_registry(entry_point_plugins=False, extra=[("sector", plugin)])
    assert caught.value.message("en").startswith("sector: taxonomy")
    assert says in caught.value.message("en")
    assert caught.value.message("nl").startswith("sector: taxonomie")  # Dutch, all of it
    assert " is called " not in caught.value.message("nl")


def test_a_taxonomy_twice_and_no_taxonomy_are_refused() -> None:
    def twice(registry: Registry) -> None:
        registry.add_taxonomy(WATER)
        registry.add_taxonomy(WATER)

    with pytest.raises(PluginError, match="already registered by sector"):
        build_registry(entry_point_plugins=False, extra=[("sector", twice)])

    def wrong(registry: Registry) -> None:
        registry.add_taxonomy("waterschap")  # type: ignore[arg-type]

    with pytest.raises(PluginError, match="add_taxonomy\\(\\) takes a Taxonomy"):
        build_registry(entry_point_plugins=False, extra=[("sector", wrong)])
