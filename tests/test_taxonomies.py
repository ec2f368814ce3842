"""Category taxonomies (``integriteit.taxonomies``): the built-in sets, the global key space,
resolving an organisation's wordings to keys, and the docs page that lists every key.

The report wordings in ``SEED_WORDINGS`` are copied from the three annual reports in the
project's domain notes (Provincie Groningen 2021, Zuid-Holland 2019, Drenthe 2021).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from integriteit import taxonomies as tx
from integriteit.i18n import Text
from integriteit.taxonomies import (
    ARBOWET_PSA,
    BIOS_VU,
    BUILTIN_TAXONOMIES,
    SECTOR_RIJK,
    VERTROUWENSPERSOON,
    Category,
    FrozenMapping,
    LabelMap,
    Taxonomy,
    all_categories,
    canonical_key,
    get_taxonomy,
    label_problems,
    normalise_label,
)

DOCS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "taxonomies.rst"
KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")


def _taxonomy(name: str, *categories: Category, **kwargs: object) -> Taxonomy:
    return Taxonomy(name, "1", Text("t", "t"), Text("s", "s"), categories, **kwargs)  # type: ignore[arg-type]


# --- the built-in taxonomies -----------------------------------------------------------------


def test_vertrouwenspersoon_keys_in_order() -> None:
    assert [c.key for c in VERTROUWENSPERSOON.categories] == [
        "integriteit", "ongewenste_omgangsvormen", "pesten", "seksuele_intimidatie",
        "intimidatie", "verbale_agressie", "agressie_en_geweld", "discriminatie",
        "arbeidsconflict", "onveiligheid", "advies_algemeen", "overig",
    ]


def test_arbowet_psa_keys_and_mapping() -> None:
    assert [c.key for c in ARBOWET_PSA.categories] == [
        "agressie_en_geweld", "discriminatie", "pesten", "seksuele_intimidatie", "werkdruk",
    ]
    assert dict(ARBOWET_PSA.maps_to) == {"werkdruk": "overig"}
    note = ARBOWET_PSA.category("werkdruk").note
    assert note is not None and "werkdruk" in note.nl and "overig" in note.nl
    assert "BWBR0010346" in ARBOWET_PSA.source.nl and "BWBR0010346" in ARBOWET_PSA.source.en
    # The statute's own wordings resolve to the shared keys.
    assert canonical_key("direct of indirect onderscheid") == "discriminatie"
    assert canonical_key("agressie of geweld") == "agressie_en_geweld"


def test_sector_rijk_nine_types() -> None:
    assert [c.key for c in SECTOR_RIJK.categories] == [
        "financiele_schendingen", "misbruik_positie_en_belangenverstrengeling",
        "lekken_en_misbruik_van_informatie", "misbruik_van_bevoegdheden",
        "misbruik_van_geweldsbevoegdheid", "ongewenste_omgangsvormen",
        "misdragingen_in_de_prive_sfeer", "oneigenlijk_gebruik_van_dienstmiddelen",
        "misstand_klokkenluidersregeling",
    ]
    assert SECTOR_RIJK.category("misdragingen_in_de_prive_sfeer").label.nl == (
        "Misdragingen in de privé-sfeer"
    )


def test_bios_vu_nine_types() -> None:
    assert [c.key for c in BIOS_VU.categories] == [
        "corruptie", "fraude_diefstal_verduistering", "wanprestatie_en_verspilling",
        "misbruik_van_bevoegdheden", "ongewenste_omgangsvormen",
        "onverenigbare_functies_en_bindingen", "misbruik_van_informatie",
        "wangedrag_in_de_vrije_tijd", "giften",
    ]
    assert BIOS_VU.category("fraude_diefstal_verduistering").label.nl == (
        "Fraude, diefstal of verduistering"
    )


def test_builtins() -> None:
    assert BUILTIN_TAXONOMIES == (VERTROUWENSPERSOON, ARBOWET_PSA, SECTOR_RIJK, BIOS_VU)
    assert [t.name for t in BUILTIN_TAXONOMIES] == [
        "vertrouwenspersoon", "arbowet_psa", "sector_rijk", "bios_vu",
    ]
    for taxonomy in BUILTIN_TAXONOMIES:
        assert get_taxonomy(taxonomy.name) is taxonomy
        assert taxonomy.version
        assert taxonomy.title.nl and taxonomy.title.en
        assert taxonomy.source.nl and taxonomy.source.en
        keys = [c.key for c in taxonomy.categories]
        assert len(keys) == len(set(keys)) == len(taxonomy.keys())
        for category in taxonomy.categories:
            assert KEY.match(category.key), category.key
            assert category.key.isascii()
            assert category.label.nl.strip() and category.label.en.strip()


def test_vertrouwenspersoon_source_says_not_law() -> None:
    assert "geen wet" in VERTROUWENSPERSOON.source.nl.lower()
    assert "not law" in VERTROUWENSPERSOON.source.en
    for report in ("Groningen", "Zuid-Holland", "Drenthe"):
        assert report in VERTROUWENSPERSOON.source.nl


# --- the global key space --------------------------------------------------------------------


def test_one_key_one_label_across_builtin_taxonomies() -> None:
    labels: dict[str, tuple[Text, str]] = {}
    for taxonomy in BUILTIN_TAXONOMIES:
        for category in taxonomy.categories:
            first = labels.setdefault(category.key, (category.label, taxonomy.name))
            assert first[0] == category.label, (
                f"{category.key!r}: {first[0]} in {first[1]}, {category.label} in {taxonomy.name}"
            )
    # The keys named as shared really are shared.
    for key in ("ongewenste_omgangsvormen",):
        assert {t.name for t in BUILTIN_TAXONOMIES if key in t} == {
            "vertrouwenspersoon", "sector_rijk", "bios_vu",
        }
    assert {t.name for t in BUILTIN_TAXONOMIES if "misbruik_van_bevoegdheden" in t} == {
        "sector_rijk", "bios_vu",
    }
    assert ARBOWET_PSA.keys() - {"werkdruk"} <= VERTROUWENSPERSOON.keys()
    assert "pesten" in ARBOWET_PSA and "werkdruk" not in VERTROUWENSPERSOON
    assert 3 not in ARBOWET_PSA


def test_one_label_one_key_across_builtin_taxonomies() -> None:
    """Two keys never share a Dutch label or alias: a wording names one category."""
    owner: dict[str, str] = {}
    for category in all_categories().values():
        for wording in (category.key, *category.wordings()):
            key = owner.setdefault(normalise_label(wording), category.key)
            assert key == category.key, wording


def test_all_categories_union() -> None:
    cats = all_categories()
    expected = [c.key for t in BUILTIN_TAXONOMIES for c in t.categories]
    assert list(cats) == list(dict.fromkeys(expected))
    assert cats["ongewenste_omgangsvormen"] == VERTROUWENSPERSOON.category(
        "ongewenste_omgangsvormen"
    )
    assert all_categories([ARBOWET_PSA]).keys() == ARBOWET_PSA.keys()


def test_all_categories_rejects_two_labels_for_one_key() -> None:
    other = _taxonomy("eigen", Category("pesten", Text("Treiteren", "Bullying")))
    with pytest.raises(ValueError, match=r"'pesten' has two labels.*'Pesten'.*'Treiteren'"):
        all_categories((VERTROUWENSPERSOON, other))
    # The same label, other aliases: one category, the aliases of both.
    same = _taxonomy("eigen", Category("pesten", Text("Pesten", "Bullying"), ("treiteren",)))
    merged = all_categories((VERTROUWENSPERSOON, same))["pesten"]
    assert merged.aliases == ("pestgedrag", "treiteren")


def test_maps_to_targets_are_vertrouwenspersoon_keys() -> None:
    assert not VERTROUWENSPERSOON.maps_to
    for taxonomy in BUILTIN_TAXONOMIES:
        for key, target in taxonomy.maps_to.items():
            assert key in taxonomy
            assert key not in VERTROUWENSPERSOON
            assert target in VERTROUWENSPERSOON, (taxonomy.name, key, target)
        # Every key is counted somewhere in the canonical set.
        for category in taxonomy.categories:
            assert taxonomy.canonical(category.key) in VERTROUWENSPERSOON, category.key


def test_zakelijk_types_count_as_integriteit() -> None:
    for taxonomy in (SECTOR_RIJK, BIOS_VU):
        assert taxonomy.canonical("ongewenste_omgangsvormen") == "ongewenste_omgangsvormen"
        assert taxonomy.canonical("misbruik_van_bevoegdheden") == "integriteit"
    assert BIOS_VU.canonical("giften") == "integriteit"


# --- the classes -----------------------------------------------------------------------------


def test_taxonomy_is_frozen_and_hashable() -> None:
    assert hash(ARBOWET_PSA) == hash(ARBOWET_PSA)
    assert len(set(BUILTIN_TAXONOMIES)) == 4
    assert isinstance(ARBOWET_PSA.maps_to, FrozenMapping)
    with pytest.raises(TypeError):
        ARBOWET_PSA.maps_to["werkdruk"] = "pesten"  # type: ignore[index]
    with pytest.raises(AttributeError):
        ARBOWET_PSA.name = "x"  # type: ignore[misc]
    # The order of maps_to does not count; equality with a plain dict holds.
    a = _taxonomy("x", Category("a", Text("A", "A")), Category("b", Text("B", "B")),
                  maps_to={"a": "overig", "b": "integriteit"})
    b = _taxonomy("x", Category("a", Text("A", "A")), Category("b", Text("B", "B")),
                  maps_to=[("b", "integriteit"), ("a", "overig")])
    assert a == b and hash(a) == hash(b)
    assert a.maps_to == {"a": "overig", "b": "integriteit"}
    assert a != _taxonomy("x", Category("a", Text("A", "A")), Category("b", Text("B", "B")))


def test_category_lookup_errors() -> None:
    with pytest.raises(KeyError, match=r"'werkdrukte'.*'arbowet_psa'.*werkdruk"):
        ARBOWET_PSA.category("werkdrukte")
    with pytest.raises(KeyError, match=r"'pesten'.*'sector_rijk'"):
        SECTOR_RIJK.canonical("pesten")
    with pytest.raises(KeyError, match=r"no taxonomy 'rijk'.*sector_rijk"):
        get_taxonomy("rijk")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Category("Pesten", Text("Pesten", "Bullying")), "lower_snake_case"),
        (lambda: Category("prive_sfeer_é", Text("x", "x")), "lower_snake_case"),
        (lambda: Category("pesten", Text("", "Bullying")), "Dutch and English"),
        (lambda: Category("pesten", Text("Pesten", "B"), ("pesten.",)), "repeats"),
        (lambda: Category("pesten", Text("Pesten", "B"), (" ",)), "empty alias"),
        (lambda: _taxonomy("x"), "no categories"),
        (lambda: _taxonomy("Eigen", Category("a", Text("A", "A"))), "lower_snake_case"),
        (lambda: _taxonomy("x", Category("a", Text("A", "A")), Category("a", Text("B", "B"))),
         "'a' appears twice"),
        (lambda: _taxonomy("x", Category("a", Text("A", "A")), maps_to={"b": "overig"}),
         "maps_to names 'b'"),
        (lambda: _taxonomy("x", Category("a", Text("A", "A")), maps_to={"a": "a"}), "to itself"),
        (lambda: _taxonomy("x", Category("a", Text("A", "A")), maps_to={"a": "Overig"}),
         "lower_snake_case"),
        (lambda: _taxonomy("x", Category("a", Text("Ruzie", "A")),
                           Category("b", Text("B", "B"), ("ruzie",))), "names two categories"),
    ],
)
def test_invalid_definitions(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


def test_aliases_must_be_a_sequence_not_a_string() -> None:
    with pytest.raises(TypeError, match="not the string"):
        Category("pesten", Text("Pesten", "Bullying"), "pestgedrag")  # type: ignore[arg-type]


# --- resolving wordings ----------------------------------------------------------------------

# (report, wording as the report writes it, key)
SEED_WORDINGS = [
    ("groningen-2021", "INTEGRITEIT", "integriteit"),
    ("groningen-2021", "ONGEWENSTE OMGANGSVORMEN ONDERLING", "ongewenste_omgangsvormen"),
    ("groningen-2021", "(DREIGEND) ARBEIDSCONFLICT", "arbeidsconflict"),
    ("groningen-2021", "ongewenst gedrag", "ongewenste_omgangsvormen"),
    ("groningen-2021", "onderlinge omgangsvormen", "ongewenste_omgangsvormen"),
    ("groningen-2021", "seksueel grensoverschrijdend gedrag", "seksuele_intimidatie"),
    ("zuid-holland-2019", "Integriteit", "integriteit"),
    ("zuid-holland-2019", "Ongewenste omgangsvormen", "ongewenste_omgangsvormen"),
    ("zuid-holland-2019", "Discriminatie", "discriminatie"),
    ("zuid-holland-2019", "Arbeidsconflict", "arbeidsconflict"),
    ("zuid-holland-2019", "Onveiligheid", "onveiligheid"),
    ("zuid-holland-2019", "Advies algemeen", "advies_algemeen"),
    ("zuid-holland-2019", "verbale agressie", "verbale_agressie"),
    ("zuid-holland-2019", "verbaal agressief gedrag", "verbale_agressie"),
    ("zuid-holland-2019", "pesten", "pesten"),
    ("zuid-holland-2019", "intimidatie", "intimidatie"),
    ("zuid-holland-2019", "intimiderend gedrag", "intimidatie"),
    ("zuid-holland-2019", "agressie en geweld", "agressie_en_geweld"),
    ("zuid-holland-2019", "Zakelijke integriteit", "integriteit"),
    ("zuid-holland-2019", "Sociale integriteit", "ongewenste_omgangsvormen"),
    ("drenthe-2021", "integriteit", "integriteit"),
    ("drenthe-2021", "ongewenst gedrag", "ongewenste_omgangsvormen"),
]

# Wordings from the reports that name two categories, or could: left to the organisation.
AMBIGUOUS = [
    "(seksuele) intimidatie",  # ZH 2.1: intimidatie or seksuele intimidatie
    "intimidatie en agressie",  # ZH tabel 1: two categories
    "pesten en discriminatie",  # ZH tabel 1: two categories
    "Ongewenste omgangsvormen/dreigend arbeidsconflict",  # Groningen: a heading over two
    "agressie",  # verbal, or aggression and violence
    "onheuse bejegening",  # Groningen
    "integriteitsschending",  # Drenthe: zakelijk or sociaal
]


@pytest.mark.parametrize(("report", "wording", "key"), SEED_WORDINGS)
def test_report_wordings_resolve(report: str, wording: str, key: str) -> None:
    assert canonical_key(wording) == key, report


@pytest.mark.parametrize("wording", AMBIGUOUS)
def test_ambiguous_wordings_do_not_resolve(wording: str) -> None:
    assert canonical_key(wording) is None


def test_keys_and_labels_of_every_taxonomy_resolve() -> None:
    for category in all_categories().values():
        assert canonical_key(category.key) == category.key
        assert canonical_key(category.label.nl) == category.key
        for alias in category.aliases:
            assert canonical_key(alias) == category.key
    rijk_8 = "Oneigenlijk gebruik van dienstmiddelen/overschrijding interne regels"
    assert canonical_key(rijk_8) == "oneigenlijk_gebruik_van_dienstmiddelen"
    assert canonical_key("Misdragingen in de privé-sfeer") == "misdragingen_in_de_prive_sfeer"
    assert canonical_key("Werkdruk") == "werkdruk"
    assert canonical_key("Werkdruk", taxonomies=[VERTROUWENSPERSOON]) is None
    assert canonical_key("Giften", taxonomies=[SECTOR_RIJK]) is None


def test_organisation_labels_come_first() -> None:
    labels = {"Agressie": "agressie_en_geweld", "Ongewenst gedrag": "intimidatie",
              "Plichtsverzuim ": "overig"}
    assert canonical_key("agressie", labels=labels) == "agressie_en_geweld"
    # The organisation's meaning of a wording beats the built-in alias ...
    assert canonical_key("ONGEWENST GEDRAG.", labels=labels) == "intimidatie"
    assert canonical_key("ongewenst gedrag") == "ongewenste_omgangsvormen"
    # ... but not a key: a key always means its own category (so resolving is idempotent).
    with pytest.raises(ValueError, match="is itself the key 'pesten'"):
        canonical_key("pesten", labels={"Pesten": "ongewenste_omgangsvormen"})
    assert canonical_key("plichtsverzuim", labels=labels) == "overig"
    assert canonical_key("Discriminatie", labels=labels) == "discriminatie"
    assert canonical_key("Ruzie", labels=labels) is None
    assert canonical_key("agressie") is None
    # A label map is built once and answers the same.
    m = LabelMap(labels)
    for wording in ("agressie", "ONGEWENST GEDRAG.", "plichtsverzuim", "Discriminatie", "Ruzie",
                    "pesten"):
        assert m.resolve(wording) == canonical_key(wording, labels=labels)
    assert m == LabelMap(dict(labels)) and hash(m) == hash(LabelMap(labels))


def test_seed_document_labels() -> None:
    """The ``category_labels`` of the Groningen and Zuid-Holland example documents."""
    groningen = {"ongewenste omgangsvormen onderling": "ongewenste_omgangsvormen",
                 "(dreigend) arbeidsconflict": "arbeidsconflict"}
    zuid_holland = {"ongewenste omgangsvormen": "ongewenste_omgangsvormen",
                    "advies algemeen": "advies_algemeen", "agressie": "agressie_en_geweld",
                    "draaideurconstructie": "misbruik_positie_en_belangenverstrengeling",
                    "plichtsverzuim": "overig"}
    assert label_problems(groningen) == [] and label_problems(zuid_holland) == []
    assert canonical_key("(DREIGEND) ARBEIDSCONFLICT", labels=groningen) == "arbeidsconflict"
    assert canonical_key("Draaideurconstructie", labels=zuid_holland) == (
        "misbruik_positie_en_belangenverstrengeling"
    )
    assert canonical_key("lekken_en_misbruik_van_informatie", labels=zuid_holland) == (
        "lekken_en_misbruik_van_informatie"
    )


def test_invalid_organisation_labels_raise() -> None:
    with pytest.raises(ValueError, match="'Ruzie': 'ruzie' is not a category key"):
        canonical_key("Ruzie", labels={"Ruzie": "ruzie"})
    with pytest.raises(ValueError, match="not a category key"):
        LabelMap({"Ruzie": "ruzie"})


def test_label_problems() -> None:
    assert label_problems({}) == []
    assert label_problems({"Conflict": "arbeidsconflict", "conflict.": "arbeidsconflict"}) == []
    problems = label_problems({
        "Conflict": "arbeidsconflikt",  # a typo: the close key
        "Onveilig": "Onveiligheid",  # a label, not a key: the key of that label
        "Werkdruk hoog": "werkdruk",  # fine: a key of the Arbowet taxonomy
        "  ": "overig",
        "Pest": "zzz",  # nothing close
        "CONFLICT ": "pesten",  # the same label as "Conflict", another key
    })
    assert problems == [
        "label 'Conflict': 'arbeidsconflikt' is not a category key "
        "(did you mean 'arbeidsconflict'?)",
        "label 'Onveilig': 'Onveiligheid' is not a category key (did you mean 'onveiligheid'?)",
        "label '  ': a label must not be empty",
        "label 'Pest': 'zzz' is not a category key",
        "label 'CONFLICT ': the same label as 'Conflict' (case, spaces and a final period do "
        "not count), but mapped to 'pesten', not 'arbeidsconflikt'",
    ]
    # Only the taxonomies given count.
    assert label_problems({"Werkdruk": "werkdruk"}, [VERTROUWENSPERSOON]) == [
        "label 'Werkdruk': 'werkdruk' is not a category key"
    ]


def test_label_problems_rejects_non_strings() -> None:
    problems = label_problems({"Ruzie": 3})  # type: ignore[dict-item]
    assert problems == ["label 'Ruzie': 3 is not a category key"]


# --- normalising, as properties --------------------------------------------------------------

WORDINGS = sorted(
    {(w, c.key) for c in all_categories().values() for w in (c.key, *c.wordings())}
)
SPACES = st.text(alphabet=" \t\n\u00a0", min_size=1, max_size=3)


@st.composite
def variants(draw: st.DrawFn) -> tuple[str, str, str]:
    """A known wording, its key, and the wording with other case, spacing and a final period."""
    wording, key = draw(st.sampled_from(WORDINGS))
    flips = draw(st.lists(st.booleans(), min_size=len(wording), max_size=len(wording)))
    cased = "".join(ch.upper() if up else ch.lower() for ch, up in zip(wording, flips, strict=True))
    words = cased.split(" ")
    gaps = [draw(SPACES) for _ in words[1:]]
    spaced = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=True))
    before = draw(st.sampled_from(["", " ", "\t", "  \n"]))
    after = draw(st.sampled_from(["", " ", ".", ". ", " .", "\n"]))
    return wording, key, before + spaced + after


@given(variants())
def test_canonical_key_ignores_case_and_spacing(case: tuple[str, str, str]) -> None:
    wording, key, variant = case
    assert canonical_key(variant) == canonical_key(wording) == key
    assert normalise_label(variant) == normalise_label(wording)


@given(variants(), st.sampled_from(sorted(VERTROUWENSPERSOON.keys())))
def test_organisation_label_ignores_case_and_spacing(
    case: tuple[str, str, str], target: str
) -> None:
    wording, key, variant = case
    assume(normalise_label(wording) not in VERTROUWENSPERSOON.keys() | {key} or key == target)
    assert canonical_key(variant, labels={wording: target}) == target


@given(st.text())
def test_normalise_label_is_idempotent(text: str) -> None:
    once = normalise_label(text)
    assert normalise_label(once) == once
    assert once == once.strip() and "  " not in once and not once.endswith(".")


def test_normalise_label_examples() -> None:
    assert normalise_label("  Advies\u00a0 algemeen.. ") == "advies algemeen"
    assert normalise_label("MISDRAGINGEN IN DE PRIVÉ-SFEER") == "misdragingen in de privé-sfeer"
    # Composed and decomposed é compare equal.
    assert normalise_label("prive\u0301") == normalise_label("priv\u00e9")


# --- the module and its docs -----------------------------------------------------------------


def test_public_names() -> None:
    assert sorted(tx.__all__) == sorted(set(tx.__all__))
    for name in tx.__all__:
        assert hasattr(tx, name), name


def test_docs_page_lists_every_key_and_label() -> None:
    """docs/taxonomies.rst is written by hand: it must not drift from the code."""
    page = DOCS_PAGE.read_text(encoding="utf-8")
    for taxonomy in BUILTIN_TAXONOMIES:
        assert f"``{taxonomy.name}``" in page, taxonomy.name
        for category in taxonomy.categories:
            assert f"``{category.key}``" in page, category.key
            assert category.label.nl in page, category.label.nl
            assert category.label.en in page, category.label.en
        for key, target in taxonomy.maps_to.items():
            assert re.search(rf"``{key}``\s+.*``{target}``", page), (key, target)

