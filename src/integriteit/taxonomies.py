"""Category taxonomies for the annual integrity report: what a contact or report was about.

An annual integrity report (Ambtenarenwet 2017 art. 4(4)) counts the contacts with the
vertrouwenspersoon and the reports of integrity violations by category. No statute prescribes
the categories. This module names the sets in use as :class:`Taxonomy` objects:

* :data:`VERTROUWENSPERSOON`: the categories of the annual reports' vertrouwenspersoon tables;
  the **canonical** set every other one maps to;
* :data:`ARBOWET_PSA`: the forms of psychosociale arbeidsbelasting of the Arbowet;
* :data:`SECTOR_RIJK`: the nine types of the sector Rijk's registration of integrity violations;
* :data:`BIOS_VU`: the nine types of the BIOS/VU typology of integrity violations.

The **key space is global**: a key (``"ongewenste_omgangsvormen"``) means the same category in
every taxonomy that has it, with the same label. A taxonomy's :attr:`Taxonomy.maps_to` gives,
for each of its keys that is not a :data:`VERTROUWENSPERSOON` key, the key it is counted under
there. An organisation's own wordings ("(Dreigend) arbeidsconflict") resolve to keys with
:func:`canonical_key` or, for many lookups, a :class:`LabelMap`.

>>> from integriteit.taxonomies import ARBOWET_PSA, canonical_key
>>> canonical_key("  Seksuele   intimidatie. ")
'seksuele_intimidatie'
>>> canonical_key("(Dreigend) arbeidsconflict")
'arbeidsconflict'
>>> ARBOWET_PSA.canonical("werkdruk")
'overig'
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from attrs import field, frozen

from integriteit.errors import shown
from integriteit.i18n import Text
from integriteit.sources import LegalSource, Statute

__all__ = [
    "ARBOWET_PSA",
    "BIOS_VU",
    "BUILTIN_TAXONOMIES",
    "SECTOR_RIJK",
    "VERTROUWENSPERSOON",
    "Category",
    "FrozenMapping",
    "LabelMap",
    "Taxonomy",
    "all_categories",
    "canonical_key",
    "get_taxonomy",
    "label_problem_texts",
    "label_problems",
    "normalise_label",
]

_KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
_TRAILING = re.compile(r"[\s.]+\Z")


def _check_key(what: str, key: str) -> None:
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValueError(f"{what} {key!r} is not a key in lower_snake_case ascii (e.g. 'pesten')")


def normalise_label(label: str) -> str:
    """The form in which wordings are compared: case, spacing and a final period do not count.

    Case is folded (``str.casefold``, Unicode NFC), whitespace at both ends is dropped, every
    run of whitespace inside becomes one space, and trailing periods go.

    >>> from integriteit.taxonomies import normalise_label
    >>> normalise_label("  (Dreigend)\\tArbeidsconflict. ")
    '(dreigend) arbeidsconflict'
    """
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", label).casefold())
    return _TRAILING.sub("", " ".join(text.split()))


class FrozenMapping(Mapping[str, str]):
    """An immutable, hashable ``str`` to ``str`` mapping (what :attr:`Taxonomy.maps_to` holds).

    Equal to any mapping with the same items; the order of the items does not count.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._items: Mapping[str, str] = MappingProxyType(dict(items))

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items.items()) == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMapping({dict(self._items)!r})"


def _freeze(items: Mapping[str, str] | Iterable[tuple[str, str]]) -> FrozenMapping:
    return items if isinstance(items, FrozenMapping) else FrozenMapping(items)


def _to_tuple(aliases: Iterable[str]) -> tuple[str, ...]:
    if isinstance(aliases, str):
        raise TypeError(f"aliases must be a sequence of strings, not the string {aliases!r}")
    return tuple(aliases)


def _categories(categories: Iterable[Category]) -> tuple[Category, ...]:
    return tuple(categories)


def _taxonomies(taxonomies: Iterable[Taxonomy]) -> tuple[Taxonomy, ...]:
    return taxonomies if isinstance(taxonomies, tuple) else tuple(taxonomies)


def _wording_index(taxonomies: Iterable[Taxonomy]) -> dict[str, str]:
    """Normalised key, Dutch label and alias -> key; ``ValueError`` if one wording has two keys."""
    index: dict[str, str] = {}
    for taxonomy in taxonomies:
        for category in taxonomy.categories:
            for wording in (category.key, *category.wordings()):
                norm = normalise_label(wording)
                other = index.setdefault(norm, category.key)
                if other != category.key:
                    raise ValueError(
                        f"the wording {wording!r} (taxonomy {taxonomy.name!r}) names two "
                        f"categories: {other!r} and {category.key!r}"
                    )
    return index


@frozen
class Category:
    """One category: a stable key, the label in Dutch and English, and other Dutch wordings.

    ``key`` is lower_snake_case ascii and never changes; it means the same category in every
    taxonomy (see the module documentation). ``aliases`` are other Dutch wordings of the same
    category seen in annual reports, listed only where they cannot mean another category;
    :func:`canonical_key` recognises them as well as the Dutch label.

    >>> from integriteit.taxonomies import VERTROUWENSPERSOON
    >>> c = VERTROUWENSPERSOON.category("arbeidsconflict")
    >>> c.label.get("en"), c.aliases[0]
    ('Labour conflict', '(dreigend) arbeidsconflict')
    """

    key: str
    label: Text
    aliases: tuple[str, ...] = field(default=(), converter=_to_tuple)
    note: Text | None = None

    def __attrs_post_init__(self) -> None:
        _check_key("category key", self.key)
        if not normalise_label(self.label.nl) or not self.label.en.strip():
            raise ValueError(f"category {self.key!r}: the label needs a Dutch and English text")
        seen = {normalise_label(self.label.nl)}
        for alias in self.aliases:
            norm = normalise_label(alias)
            if not norm:
                raise ValueError(f"category {self.key!r}: an empty alias")
            if norm in seen:
                raise ValueError(f"category {self.key!r}: alias {alias!r} repeats a wording")
            seen.add(norm)

    def wordings(self) -> tuple[str, ...]:
        """The Dutch label and the aliases, as written."""
        return (self.label.nl, *self.aliases)


@frozen(cache_hash=True)
class Taxonomy:
    """A named, versioned set of categories, with its source and its mapping to the canonical set.

    ``version`` changes whenever a category is added, removed or renamed. ``source`` says in
    words where the set comes from, and how sure that is. ``maps_to`` maps each key of this
    taxonomy that is not a key of :data:`VERTROUWENSPERSOON` to the key it is counted under
    there (keys shared with that set map to themselves and are not listed). ``key in
    taxonomy`` says whether the taxonomy has a category with that key.

    >>> from integriteit.taxonomies import SECTOR_RIJK
    >>> "pesten" in SECTOR_RIJK
    False
    >>> SECTOR_RIJK.category("misbruik_van_bevoegdheden").label.nl
    'Misbruik van bevoegdheden'
    >>> [SECTOR_RIJK.canonical(k) for k in ("ongewenste_omgangsvormen", "financiele_schendingen")]
    ['ongewenste_omgangsvormen', 'integriteit']
    """

    name: str
    version: str
    title: Text
    source: Text
    categories: tuple[Category, ...] = field(converter=_categories)
    maps_to: Mapping[str, str] = field(factory=FrozenMapping, converter=_freeze)

    def __attrs_post_init__(self) -> None:
        _check_key("taxonomy name", self.name)
        if not self.categories:
            raise ValueError(f"taxonomy {self.name!r} has no categories")
        keys: set[str] = set()
        for category in self.categories:
            if category.key in keys:
                raise ValueError(f"taxonomy {self.name!r}: key {category.key!r} appears twice")
            keys.add(category.key)
        for key, target in self.maps_to.items():
            if key not in keys:
                raise ValueError(
                    f"taxonomy {self.name!r}: maps_to names {key!r}, not one of its keys"
                )
            _check_key(f"taxonomy {self.name!r}: maps_to[{key!r}] target", target)
            if target == key:
                raise ValueError(f"taxonomy {self.name!r}: maps_to maps {key!r} to itself")
        _wording_index((self,))  # two categories with one wording: ValueError

    def keys(self) -> frozenset[str]:
        """The keys of the categories (their order: :attr:`categories`)."""
        return frozenset(c.key for c in self.categories)

    def __contains__(self, key: object) -> bool:
        """``key in taxonomy``: whether one of its categories has ``key``."""
        return any(c.key == key for c in self.categories)

    def category(self, key: str) -> Category:
        """The category with ``key``; ``KeyError`` naming the taxonomy and its keys if none."""
        for c in self.categories:
            if c.key == key:
                return c
        known = ", ".join(c.key for c in self.categories)
        raise KeyError(f"no category {key!r} in taxonomy {self.name!r} (its keys: {known})")

    def canonical(self, key: str) -> str:
        """The :data:`VERTROUWENSPERSOON` key that ``key`` of this taxonomy is counted under."""
        self.category(key)
        return self.maps_to.get(key, key)


# --- the built-in taxonomies -----------------------------------------------------------------

_ARBOWET = Statute("Arbeidsomstandighedenwet", "BWBR0010346")
_ARBOWET_PSA_2025 = LegalSource(_ARBOWET, "1", lid="1")

# Categories that appear in more than one taxonomy are defined once, so that their label (and
# everything else) is the same wherever the key is used.
_INTEGRITEIT = Category(
    "integriteit",
    Text("Integriteit", "Integrity"),
    aliases=("zakelijke integriteit",),
    note=Text(
        "Zakelijke integriteit: fraude, corruptie, belangenverstrengeling, omgang met "
        "informatie, geschenken; tegenover ongewenste omgangsvormen (sociale integriteit).",
        "Business integrity: fraud, corruption, conflicts of interest, handling of "
        "information, gifts; as opposed to undesirable behaviour (social integrity).",
    ),
)
_ONGEWENSTE_OMGANGSVORMEN = Category(
    "ongewenste_omgangsvormen",
    Text("Ongewenste omgangsvormen", "Undesirable behaviour"),
    aliases=(
        "ongewenst gedrag",
        "ongewenste omgangsvormen onderling",
        "onderlinge omgangsvormen",
        "sociale integriteit",
    ),
    note=Text(
        "Hoe mensen met elkaar omgaan (sociale integriteit), voor zover niet in een van de "
        "specifieke categorieën (pesten, intimidatie, discriminatie, ...) geteld.",
        "How people treat each other (social integrity), where not counted in one of the "
        "specific categories (bullying, intimidation, discrimination, ...).",
    ),
)
_PESTEN = Category("pesten", Text("Pesten", "Bullying"), aliases=("pestgedrag",))
_SEKSUELE_INTIMIDATIE = Category(
    "seksuele_intimidatie",
    Text("Seksuele intimidatie", "Sexual harassment"),
    aliases=("seksueel grensoverschrijdend gedrag",),
)
_AGRESSIE_EN_GEWELD = Category(
    "agressie_en_geweld",
    Text("Agressie en geweld", "Aggression and violence"),
    aliases=("agressie of geweld",),
)
_DISCRIMINATIE = Category(
    "discriminatie",
    Text("Discriminatie", "Discrimination"),
    aliases=("discriminerend gedrag", "direct of indirect onderscheid"),
)
_OVERIG = Category("overig", Text("Overig", "Other"), aliases=("overige", "anders"))
_MISBRUIK_VAN_BEVOEGDHEDEN = Category(
    "misbruik_van_bevoegdheden", Text("Misbruik van bevoegdheden", "Abuse of powers")
)

VERTROUWENSPERSOON = Taxonomy(
    name="vertrouwenspersoon",
    version="1",
    title=Text(
        "Onderwerpen van gesprekken en meldingen bij de vertrouwenspersoon",
        "Subjects of consultations and reports with the vertrouwenspersoon",
    ),
    source=Text(
        "Praktijk van de jaarverslagen integriteit, geen wet: de categorieën en formuleringen "
        "van Provincie Groningen (jaarverslag 2021), Provincie Zuid-Holland (rapportage 2019) "
        "en Provincie Drenthe (jaarverslag 2021), aangevuld met de vormen van ongewenst gedrag "
        "die die verslagen noemen. Geen wet schrijft een indeling voor.",
        "Practice of annual integrity reports, not law: the categories and wordings of the "
        "Provincie Groningen (annual report 2021), Provincie Zuid-Holland (report 2019) and "
        "Provincie Drenthe (annual report 2021), completed with the forms of undesirable "
        "behaviour those reports name. No statute prescribes categories.",
    ),
    categories=(
        _INTEGRITEIT,
        _ONGEWENSTE_OMGANGSVORMEN,
        _PESTEN,
        _SEKSUELE_INTIMIDATIE,
        Category(
            "intimidatie", Text("Intimidatie", "Intimidation"), aliases=("intimiderend gedrag",)
        ),
        Category(
            "verbale_agressie",
            Text("Verbale agressie", "Verbal aggression"),
            aliases=("verbaal agressief gedrag",),
        ),
        _AGRESSIE_EN_GEWELD,
        _DISCRIMINATIE,
        Category(
            "arbeidsconflict",
            Text("Arbeidsconflict", "Labour conflict"),
            aliases=("(dreigend) arbeidsconflict", "dreigend arbeidsconflict"),
            note=Text(
                "Een (dreigend) conflict tussen medewerker en leidinggevende of werkgever.",
                "An (impending) conflict between an employee and the manager or employer.",
            ),
        ),
        Category(
            "onveiligheid",
            Text("Onveiligheid", "Lack of (social) safety"),
            aliases=("sociale onveiligheid", "sociale veiligheid"),
        ),
        Category(
            "advies_algemeen",
            Text("Advies algemeen", "General advice"),
            aliases=("algemeen advies",),
        ),
        _OVERIG,
    ),
)
"""The canonical set: the categories of the vertrouwenspersoon tables in annual reports."""

ARBOWET_PSA = Taxonomy(
    name="arbowet_psa",
    version="1",
    title=Text(
        "Psychosociale arbeidsbelasting (Arbowet)",
        "Psychosocial workload (Working Conditions Act)",
    ),
    source=Text(
        f"{_ARBOWET_PSA_2025.cite('nl')}, begripsomschrijving 'psychosociale "
        "arbeidsbelasting', onder a tot en met e (tekst vanaf 2025-01-01); daarvoor "
        f"art. 1 lid 3 onder e, met dezelfde factoren. Gelezen in de geconsolideerde teksten.",
        f"{_ARBOWET_PSA_2025.cite('en')}, definition of 'psychosociale arbeidsbelasting', "
        "items a to e (text from 2025-01-01); before that art. 1(3)(e), with the same "
        "factors. Read in the consolidated texts.",
    ),
    categories=(
        _AGRESSIE_EN_GEWELD,
        _DISCRIMINATIE,
        _PESTEN,
        _SEKSUELE_INTIMIDATIE,
        Category(
            "werkdruk",
            Text("Werkdruk", "Work pressure"),
            note=Text(
                "De indeling van de vertrouwenspersoon kent geen categorie werkdruk; werkdruk "
                "telt daar als 'overig'.",
                "The vertrouwenspersoon set has no work pressure category; work pressure is "
                "counted there as 'other'.",
            ),
        ),
    ),
    maps_to={"werkdruk": "overig"},
)
"""The forms of psychosociale arbeidsbelasting in the Arbowet's definition (art. 1)."""

# The sector Rijk and BIOS/VU types other than ongewenste omgangsvormen are all business
# integrity ("zakelijke integriteit"), which the vertrouwenspersoon set counts as integriteit.
_SECTOR_RIJK_CATEGORIES = (
    Category(
        "financiele_schendingen", Text("Financiële schendingen", "Financial violations")
    ),
    Category(
        "misbruik_positie_en_belangenverstrengeling",
        Text(
            "Misbruik positie en belangenverstrengeling",
            "Abuse of position and conflict of interest",
        ),
    ),
    Category(
        "lekken_en_misbruik_van_informatie",
        Text("Lekken en misbruik van informatie", "Leaking and misuse of information"),
    ),
    _MISBRUIK_VAN_BEVOEGDHEDEN,
    Category(
        "misbruik_van_geweldsbevoegdheid",
        Text("Misbruik van geweldsbevoegdheid", "Abuse of the power to use force"),
    ),
    _ONGEWENSTE_OMGANGSVORMEN,
    Category(
        "misdragingen_in_de_prive_sfeer",
        Text("Misdragingen in de privé-sfeer", "Misconduct in private life"),
    ),
    Category(
        "oneigenlijk_gebruik_van_dienstmiddelen",
        Text(
            "Oneigenlijk gebruik van dienstmiddelen/overschrijding interne regels",
            "Improper use of official resources/breach of internal rules",
        ),
        aliases=("oneigenlijk gebruik van dienstmiddelen",),
    ),
    Category(
        "misstand_klokkenluidersregeling",
        Text(
            "Misstand volgens de klokkenluidersregeling",
            "Wrongdoing under the whistleblower procedure",
        ),
    ),
)

SECTOR_RIJK = Taxonomy(
    name="sector_rijk",
    version="1",
    title=Text(
        "Registratie integriteitsschendingen sector Rijk (negen typen)",
        "Registration of integrity violations, sector Rijk (nine types)",
    ),
    source=Text(
        "De negen typen van de registratie van de sector Rijk zoals gepubliceerd in het "
        "jaarverslag 2015 van Defensie (hoofdstuk X, rijksfinancien.nl) (zeker, zoals "
        "gepubliceerd); de Jaarrapportage Bedrijfsvoering Rijk 2015 gebruikt dezelfde negen "
        "typen (waarschijnlijk: uit een secundaire bron). Geen wet.",
        "The nine types of the sector Rijk registration as published in the Defensie annual "
        "report 2015 (chapter X, rijksfinancien.nl) (verified, as published); the "
        "Jaarrapportage Bedrijfsvoering Rijk 2015 uses the same nine types (probable: from a "
        "secondary source). Not law.",
    ),
    categories=_SECTOR_RIJK_CATEGORIES,
    maps_to={
        c.key: "integriteit"
        for c in _SECTOR_RIJK_CATEGORIES
        if c.key != "ongewenste_omgangsvormen"
    },
)
"""The nine types of the sector Rijk's registration of integrity violations."""

_BIOS_VU_CATEGORIES = (
    Category("corruptie", Text("Corruptie", "Corruption")),
    Category(
        "fraude_diefstal_verduistering",
        Text("Fraude, diefstal of verduistering", "Fraud, theft or embezzlement"),
    ),
    Category(
        "wanprestatie_en_verspilling",
        Text("Wanprestatie en verspilling", "Poor performance and waste"),
    ),
    _MISBRUIK_VAN_BEVOEGDHEDEN,
    _ONGEWENSTE_OMGANGSVORMEN,
    Category(
        "onverenigbare_functies_en_bindingen",
        Text("Onverenigbare functies en bindingen", "Incompatible positions and ties"),
    ),
    Category("misbruik_van_informatie", Text("Misbruik van informatie", "Misuse of information")),
    Category(
        "wangedrag_in_de_vrije_tijd",
        Text("Wangedrag in de vrije tijd", "Misconduct in private time"),
    ),
    Category("giften", Text("Giften", "Gifts")),
)

BIOS_VU = Taxonomy(
    name="bios_vu",
    version="1",
    title=Text(
        "Typologie van integriteitsschendingen (BIOS/VU)",
        "Typology of integrity violations (BIOS/VU)",
    ),
    source=Text(
        "De typologie van integriteitsschendingen van BIOS en de Vrije Universiteit "
        "Amsterdam (De Graaf en Strüwer), negen typen (zeker, zoals gepubliceerd). Een "
        "wetenschappelijke indeling, geen wet.",
        "The typology of integrity violations of BIOS and the Vrije Universiteit Amsterdam "
        "(De Graaf and Strüwer), nine types (verified, as published). A research "
        "classification, not law.",
    ),
    categories=_BIOS_VU_CATEGORIES,
    maps_to={
        c.key: "integriteit"
        for c in _BIOS_VU_CATEGORIES
        if c.key != "ongewenste_omgangsvormen"
    },
)
"""The nine types of the BIOS/VU typology of integrity violations."""

BUILTIN_TAXONOMIES: tuple[Taxonomy, ...] = (VERTROUWENSPERSOON, ARBOWET_PSA, SECTOR_RIJK, BIOS_VU)
"""The built-in taxonomies, the canonical :data:`VERTROUWENSPERSOON` first."""


def get_taxonomy(name: str, taxonomies: Iterable[Taxonomy] = BUILTIN_TAXONOMIES) -> Taxonomy:
    """The taxonomy called ``name``; ``KeyError`` naming the known ones if there is none.

    >>> from integriteit.taxonomies import get_taxonomy
    >>> get_taxonomy("bios_vu").title.get("en")
    'Typology of integrity violations (BIOS/VU)'
    """
    taxonomies = tuple(taxonomies)
    for taxonomy in taxonomies:
        if taxonomy.name == name:
            return taxonomy
    known = ", ".join(t.name for t in taxonomies)
    raise KeyError(f"no taxonomy {name!r} (known: {known})")


def all_categories(taxonomies: Iterable[Taxonomy] = BUILTIN_TAXONOMIES) -> dict[str, Category]:
    """Every category of ``taxonomies`` by key, in order of first appearance.

    One key must have one label everywhere: ``ValueError`` names the key and both taxonomies
    otherwise. When taxonomies define the same key (with the same label) differently, the first
    definition is kept, with the aliases of all of them.

    >>> from integriteit.taxonomies import all_categories
    >>> cats = all_categories()
    >>> len(cats), cats["werkdruk"].label.nl
    (28, 'Werkdruk')
    """
    found: dict[str, Category] = {}
    where: dict[str, str] = {}
    for taxonomy in taxonomies:
        for category in taxonomy.categories:
            first = found.get(category.key)
            if first is None:
                found[category.key] = category
                where[category.key] = taxonomy.name
            elif first.label != category.label:
                raise ValueError(
                    f"category key {category.key!r} has two labels: "
                    f"{first.label.nl!r}/{first.label.en!r} in taxonomy {where[category.key]!r} "
                    f"and {category.label.nl!r}/{category.label.en!r} in taxonomy "
                    f"{taxonomy.name!r}; one key means one category"
                )
            elif first != category:
                more = tuple(a for a in category.aliases if a not in first.aliases)
                found[category.key] = Category(
                    first.key, first.label, first.aliases + more, first.note
                )
    return found


@functools.lru_cache(maxsize=32)
def _build_index(taxonomies: tuple[Taxonomy, ...]) -> Mapping[str, str]:
    all_categories(taxonomies)  # one key, one label
    return MappingProxyType(_wording_index(taxonomies))


_BUILTIN_INDEX = _build_index(BUILTIN_TAXONOMIES)


def _cached_index(taxonomies: tuple[Taxonomy, ...]) -> Mapping[str, str]:
    """The wording index of ``taxonomies``, built once per set of taxonomies."""
    return _BUILTIN_INDEX if taxonomies is BUILTIN_TAXONOMIES else _build_index(taxonomies)


def _suggest(target: str, taxonomies: tuple[Taxonomy, ...]) -> str | None:
    """The key ``target`` was probably meant to be: a category's wording, or a close key."""
    index = _cached_index(taxonomies)
    by_wording = index.get(normalise_label(target))
    if by_wording is not None:
        return by_wording
    keys = sorted(set(index.values()))
    guess = normalise_label(target).replace(" ", "_").replace("-", "_")
    close = difflib.get_close_matches(guess, keys, n=1, cutoff=0.6)
    return close[0] if close else None


def label_problems(
    labels: Mapping[str, str], taxonomies: Iterable[Taxonomy] = BUILTIN_TAXONOMIES
) -> list[str]:
    """What is wrong with an organisation's label -> key mapping; empty when nothing is.

    Every target must be a key of one of ``taxonomies`` (a key, not a label); a label must not
    be empty, must not spell another category's key (a key always means its own category), and
    two labels that compare equal (see :func:`normalise_label`) must not map to different keys.
    Each message names the label, the bad value and, when one is close, the key probably meant.
    :func:`label_problem_texts` gives them in Dutch and English.

    >>> from integriteit.taxonomies import label_problems
    >>> for problem in label_problems({"Ruzie": "arbeidsconflikt",
    ...                                "Onveilig": "Onveiligheid", "Pesterijen": "pesten"}):
    ...     print(problem)
    label 'Ruzie': 'arbeidsconflikt' is not a category key (did you mean 'arbeidsconflict'?)
    label 'Onveilig': 'Onveiligheid' is not a category key (did you mean 'onveiligheid'?)
    """
    return [t.en for t in label_problem_texts(labels, taxonomies)]


def _q(value: object) -> str:
    """A label or key as a problem line quotes it: short, one line."""
    return repr(shown(value)) if isinstance(value, str) else repr(value)


def label_problem_texts(
    labels: Mapping[str, str], taxonomies: Iterable[Taxonomy] = BUILTIN_TAXONOMIES
) -> list[Text]:
    """:func:`label_problems` in Dutch and English; every label and key echoed is cut short
    and on one line (:func:`integriteit.errors.shown`)."""
    taxonomies = _taxonomies(taxonomies)
    index = _cached_index(taxonomies)
    keys = set(index.values())
    problems: list[Text] = []
    first_label: dict[str, str] = {}
    for label, target in labels.items():
        norm = normalise_label(label) if isinstance(label, str) else ""
        if not norm:
            problems.append(Text(f"label {_q(label)}: een label mag niet leeg zijn",
                                 f"label {_q(label)}: a label must not be empty"))
            continue
        other = first_label.setdefault(norm, label)
        if other != label and labels[other] != target:
            problems.append(Text(
                f"label {_q(label)}: hetzelfde label als {_q(other)} (hoofdletters, spaties en een "
                f"punt aan het eind tellen niet), maar vertaald in {_q(target)}, niet "
                f"{_q(labels[other])}",
                f"label {_q(label)}: the same label as {_q(other)} (case, spaces and a final "
                f"period do not count), but mapped to {_q(target)}, not {_q(labels[other])}"))
        elif not isinstance(target, str) or target not in keys:
            hint = _suggest(target, taxonomies) if isinstance(target, str) else None
            more_nl = f" (bedoelt u {_q(hint)}?)" if hint is not None else ""
            more_en = f" (did you mean {_q(hint)}?)" if hint is not None else ""
            problems.append(Text(
                f"label {_q(label)}: {_q(target)} is geen categoriesleutel{more_nl}",
                f"label {_q(label)}: {_q(target)} is not a category key{more_en}"))
        elif norm in keys and norm != target:
            problems.append(Text(
                f"label {_q(label)}: is zelf de sleutel {_q(norm)} en kan dus niet {_q(target)} "
                "betekenen; een sleutel betekent altijd zijn eigen categorie",
                f"label {_q(label)}: is itself the key {_q(norm)}, so it cannot mean {_q(target)}; "
                "a key always means its own category"))
    return problems


@frozen
class LabelMap:
    """Resolves an organisation's wordings to category keys; build it once for many lookups.

    ``labels`` is the organisation's own mapping, label -> key (the document's
    ``category_labels``). :meth:`resolve` tries, in this order: the organisation's labels,
    a key, then the Dutch label and the aliases of every category of ``taxonomies``. Case,
    surrounding and repeated whitespace and a final period do not count
    (:func:`normalise_label`). ``ValueError`` if :func:`label_problems` finds a problem.

    >>> from integriteit.taxonomies import LabelMap
    >>> m = LabelMap({"Conflict met leidinggevende": "arbeidsconflict"})
    >>> m.resolve("conflict met leidinggevende"), m.resolve("PESTEN"), m.resolve("Ruzie")
    ('arbeidsconflict', 'pesten', None)
    """

    labels: Mapping[str, str] = field(factory=FrozenMapping, converter=_freeze)
    taxonomies: tuple[Taxonomy, ...] = field(default=BUILTIN_TAXONOMIES, converter=_taxonomies)
    _index: Mapping[str, str] = field(init=False, repr=False, eq=False)
    _keys: frozenset[str] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = label_problems(self.labels, self.taxonomies)
        if problems:
            raise ValueError("; ".join(problems))
        own = {normalise_label(label): key for label, key in self.labels.items()}
        index = {**_cached_index(self.taxonomies), **own}
        object.__setattr__(self, "_index", MappingProxyType(index))
        object.__setattr__(self, "_keys", frozenset(_cached_index(self.taxonomies).values()))

    def resolve(self, label: str) -> str | None:
        """The key ``label`` names, or ``None`` when it names none. A key always names itself,
        so resolving a resolved key changes nothing."""
        norm = normalise_label(label)
        if norm in self._keys:
            return norm
        return self._index.get(norm)


def canonical_key(
    label: str,
    *,
    labels: Mapping[str, str] | None = None,
    taxonomies: Iterable[Taxonomy] = BUILTIN_TAXONOMIES,
) -> str | None:
    """The category key an organisation's wording names, or ``None`` when it names none.

    First the organisation's own ``labels`` (label -> key), then a key, then the Dutch label
    and aliases of every category of ``taxonomies``; case, surrounding and repeated whitespace
    and a final period do not count. The key is returned as it is in its taxonomy: use
    :meth:`Taxonomy.canonical` for the :data:`VERTROUWENSPERSOON` key it counts under.
    ``ValueError`` if ``labels`` has a problem (see :func:`label_problems`). For many lookups
    with the same ``labels``, build a :class:`LabelMap` once.

    >>> from integriteit.taxonomies import canonical_key
    >>> canonical_key("Ongewenste omgangsvormen onderling")
    'ongewenste_omgangsvormen'
    >>> canonical_key("Ruzie", labels={"ruzie": "arbeidsconflict"})
    'arbeidsconflict'
    >>> canonical_key("Ruzie") is None
    True
    """
    if not labels:
        return _cached_index(_taxonomies(taxonomies)).get(normalise_label(label))
    return LabelMap(labels, _taxonomies(taxonomies)).resolve(label)
