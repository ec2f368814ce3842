"""The published JSON Schema of the input document: valid, in step with the model and the loader.

The schema (``src/integriteit/data/document.schema.json``) is shown in the docs and given to users
for their editors and HR systems, so it must accept exactly what :func:`integriteit.loads` accepts.
These tests tie it to the attrs model (field names, required fields, enum values) and to the
loader (the same documents accepted, the same mistakes rejected).
"""

from __future__ import annotations

import copy
import enum
import json
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import integriteit
from integriteit import (
    Channel,
    Document,
    Employee,
    EmploymentKind,
    EntryKind,
    Facts,
    Meldprocedure,
    Nevenwerk,
    Oath,
    OathForm,
    Organisation,
    OrganisationKind,
    PolicySettings,
    RegisterEntry,
)
from integriteit.model import (
    DatedValue,
    Outcome,
    ReportSettings,
    TrainingSession,
    Verantwoording,
    Vertrouwenspersoon,
    Waiver,
)

ROOT = Path(__file__).resolve().parent.parent
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

# The JSON key of a model field, where it differs from the attribute name.
RENAMES: dict[type, dict[str, str]] = {Document: {"schema": "$schema"}}

# Where each model class sits in the schema: "" is the top level, other names are under $defs.
OBJECTS: list[tuple[str, type]] = [
    ("", Document),
    ("Organisation", Organisation),
    ("Employee", Employee),
    ("Oath", Oath),
    ("PolicySettings", PolicySettings),
    ("RegisterEntry", RegisterEntry),
    ("Facts", Facts),
    ("Meldprocedure", Meldprocedure),
    ("TrainingSession", TrainingSession),
    ("Verantwoording", Verantwoording),
    ("Nevenwerk", Nevenwerk),
    ("Waiver", Waiver),
    ("Vertrouwenspersoon", Vertrouwenspersoon),
    ("Outcome", Outcome),
    ("ReportSettings", ReportSettings),
]

# Where each model enum sits in the schema: ($defs name, property name).
ENUMS: list[tuple[str, str, type[enum.Enum]]] = [
    ("Organisation", "kind", OrganisationKind),
    ("Employee", "employment", EmploymentKind),
    ("Oath", "form", OathForm),
    ("RegisterEntry", "kind", EntryKind),
    ("RegisterEntry", "channel", Channel),
]


def _schema() -> dict[str, Any]:
    text = resources.files("integriteit").joinpath("data/document.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


SCHEMA = _schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _object(name: str) -> dict[str, Any]:
    obj: dict[str, Any] = SCHEMA if not name else SCHEMA["$defs"][name]
    return obj


def _input_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields a document can give: not the ones the loader sets (``Facts.stated``)."""
    return [a for a in attrs.fields(cls) if a.init]


def _json_keys(cls: type) -> list[str]:
    renames = RENAMES.get(cls, {})
    return sorted(renames.get(a.name, a.name) for a in _input_fields(cls))


def _documents() -> list[Path]:
    return [
        ROOT / "src" / "integriteit" / "data" / "demo.json",
        *sorted((ROOT / "examples").glob("*.json")),
    ]


def _minimal(**changes: Any) -> dict[str, Any]:
    """A small valid document with ``changes`` applied at the top level."""
    doc: dict[str, Any] = {
        "organisation": {"name": "Gemeente Voorbeeld", "kind": "gemeente", "headcount": 120},
        "employees": [
            {"id": "E1", "start": "2024-01-15", "employment": "ambtenaar",
             "oath": {"date": "2024-02-01", "form": "eed"}},
            {"id": "E2", "start": "2024-03-01", "employment": "inhuur", "end": "2024-06-30"},
        ],
        "policy": {"oath_term_months": 3},
        "register": [
            {"id": "R-1", "kind": "misstand", "received": "2024-03-04", "channel": "werkgever",
             "acknowledged": "2024-03-08", "feedback": "2024-05-20"},
            {"id": "R-2", "kind": "gesprek", "received": "2024-04-02",
             "channel": "vertrouwenspersoon_intern", "anonymous": True},
        ],
        "facts": {"meldprocedure": {"adopted": "2023-06-01", "works_council_consent": "2023-05-15",
                                    "functionaris": True, "adviseur_in_vertrouwen": True,
                                    "register_kept": False}},
    }
    doc.update(changes)
    return doc


def _with(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """The minimal document with the value at ``path`` replaced (or added)."""
    doc = copy.deepcopy(_minimal())
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


def _without(path: tuple[str | int, ...]) -> dict[str, Any]:
    """The minimal document with the key at ``path`` removed."""
    doc = copy.deepcopy(_minimal())
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return doc


# Every Ambtenarenwet 2017 fact, as the demo states them (art. 4, 5(1)(b) and (d)).
DUTY_FACTS: dict[str, Any] = {
    "integriteitsbeleid": "2019-11-12",
    "gedragscode": "2021-03-09",
    "integriteit_in_gesprekken": True,
    "training": [{"date": "2025-10-07", "attendees": 38}, {"date": "2026-03-17"}],
    "verantwoording": [{"year": 2020, "published": "2021-05-18"},
                       {"year": 2021, "published": "2022-06-01"}],
    "financiele_belangen": "2022-01-10",
    "nevenwerkzaamheden": [
        {"employee": "E1", "activity": "penningmeester", "reported": "2024-02-01",
         "registered": True, "published": False},
        {"employee": "E1", "activity": "docent", "reported": "2024-03-01"},
    ],
}


def _duties(path: tuple[str | int, ...] = (), value: Any = None, *,
            drop: bool = False) -> dict[str, Any]:
    """The minimal document with :data:`DUTY_FACTS` added to its facts, then the value at
    ``path`` (under ``facts``) replaced, added or (``drop``) removed."""
    doc = copy.deepcopy(_minimal())
    doc["facts"].update(copy.deepcopy(DUTY_FACTS))
    if path:
        node: Any = doc["facts"]
        for step in path[:-1]:
            node = node[step]
        if drop:
            del node[path[-1]]
        else:
            node[path[-1]] = value
    return doc


def _problem_paths(doc: object) -> list[str]:
    with pytest.raises(integriteit.InputError) as info:
        integriteit.loads(json.dumps(doc))
    return [p.path for p in info.value.problems]


# --- the schema itself ---------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema declares draft 2020-12 and is itself valid under that draft."""
    assert SCHEMA["$schema"] == DRAFT_2020_12
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_is_shipped_in_the_package_next_to_the_demo() -> None:
    """The packaged schema is the file the docs include."""
    on_disk = ROOT / "src" / "integriteit" / "data" / "document.schema.json"
    assert json.loads(on_disk.read_text("utf-8")) == SCHEMA


def test_every_object_forbids_unknown_keys() -> None:
    """Like the loader, the schema rejects unknown keys at every level."""
    for name, _ in OBJECTS:
        assert _object(name)["additionalProperties"] is False, name or "top level"


def test_every_property_has_a_description() -> None:
    """Every property is explained, so the schema is documentation as well."""
    for name, _ in OBJECTS:
        for key, prop in _object(name)["properties"].items():
            assert prop.get("description", "").strip(), f"{name or 'top level'}.{key}"


# --- schema and model cannot drift ---------------------------------------------------------


@pytest.mark.parametrize(("name", "cls"), OBJECTS, ids=[c.__name__ for _, c in OBJECTS])
def test_schema_properties_are_the_model_fields(name: str, cls: type) -> None:
    """Each object's properties are the attrs fields of its model class, by their JSON key."""
    assert sorted(_object(name)["properties"]) == _json_keys(cls)


@pytest.mark.parametrize(("name", "cls"), OBJECTS, ids=[c.__name__ for _, c in OBJECTS])
def test_schema_required_keys_are_the_fields_without_default(name: str, cls: type) -> None:
    """A property is required exactly when its model field has no default."""
    renames = RENAMES.get(cls, {})
    without_default = sorted(
        renames.get(a.name, a.name) for a in _input_fields(cls) if a.default is attrs.NOTHING
    )
    assert sorted(_object(name).get("required", [])) == without_default


@pytest.mark.parametrize(("name", "key", "cls"), ENUMS, ids=[c.__name__ for *_, c in ENUMS])
def test_schema_enums_are_the_model_enums(name: str, key: str, cls: type[enum.Enum]) -> None:
    """The allowed values are the model enum's values, in the same order."""
    assert _object(name)["properties"][key]["enum"] == [m.value for m in cls]


@pytest.mark.parametrize(("name", "cls"), OBJECTS, ids=[c.__name__ for _, c in OBJECTS])
def test_schema_defaults_are_the_model_defaults(name: str, cls: type) -> None:
    """A ``default`` in the schema is the model field's default (e.g. ``anonymous``: false)."""
    renames = RENAMES.get(cls, {})
    fields = {renames.get(a.name, a.name): a for a in _input_fields(cls)}
    for key, prop in _object(name)["properties"].items():
        if "default" in prop:
            assert prop["default"] == fields[key].default, f"{name}.{key}"
    assert _object("RegisterEntry")["properties"]["anonymous"]["default"] is False


def _attrs_classes(cls: type, found: dict[type, None]) -> dict[type, None]:
    """``cls`` and every attrs class its fields hold, however nested (tuples, ``| None``)."""
    found[cls] = None
    stack: list[Any] = list(typing.get_type_hints(cls).values())
    while stack:
        hint = stack.pop()
        if attrs.has(hint) and hint not in found:
            _attrs_classes(hint, found)
        stack.extend(typing.get_args(hint))
    return found


def test_every_model_class_of_a_document_has_its_schema_object() -> None:
    """Each attrs class a document can hold (Facts' TrainingSession, Verantwoording, Nevenwerk
    included) is checked above; each object of the schema belongs to one of them."""
    # Dated policy values are written as {"YYYY-MM-DD": value}, not as objects of their own.
    assert set(_attrs_classes(Document, {})) - {DatedValue} == {cls for _, cls in OBJECTS}
    objects = {name for name, d in SCHEMA["$defs"].items() if d.get("type") == "object"}
    assert objects == {name for name, _ in OBJECTS if name}


def test_facts_description_says_null_is_not_the_same_as_left_out() -> None:
    """The schema tells an HR system that ``null`` ("not adopted") differs from leaving a fact
    out ("unknown")."""
    text = _object("Facts")["description"]
    assert "left out means: not known" in text
    assert "null means: not adopted" in text
    for key in ("integriteitsbeleid", "gedragscode", "financiele_belangen"):
        description = _object("Facts")["properties"][key]["description"]
        assert "; null: " in description and "; left out: unknown" in description, key


def test_register_entry_description_says_it_holds_no_identity_and_why() -> None:
    """The schema tells an HR system that the register has no identity field, and why."""
    text = _object("RegisterEntry")["description"]
    assert "no field for the identity" in text
    assert "art. 1a" in text
    assert "rejected" in text
    assert not set(_object("RegisterEntry")["properties"]) & {
        "melder", "naam", "name", "email", "reporter", "employee"}


# --- schema and loader accept the same documents -------------------------------------------


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_bundled_and_example_documents_are_valid(path: Path) -> None:
    """The demo and every example validate against the schema, and load."""
    data = json.loads(path.read_text("utf-8"))
    VALIDATOR.validate(data)
    integriteit.load(path)


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(_minimal(), id="minimal"),
        pytest.param({"organisation": {"name": "Rijk", "kind": "rijk"}}, id="organisation-only"),
        pytest.param(_minimal(employees=[]), id="no-employees"),
        pytest.param(_minimal(policy={}), id="empty-policy"),
        pytest.param(_minimal(**{"$schema": "./document.schema.json"}), id="dollar-schema"),
        pytest.param(_with(("$schema",), None), id="dollar-schema-null"),
        pytest.param(_with(("organisation", "headcount"), None), id="headcount-null"),
        pytest.param(_with(("organisation", "headcount"), 0), id="headcount-zero"),
        pytest.param(_with(("employees", 0, "oath"), None), id="oath-null"),
        pytest.param(_with(("employees", 0, "end"), None), id="end-null"),
        pytest.param(_with(("employees", 0, "end"), "2024-01-15"), id="end-on-start"),
        pytest.param(_with(("employees", 0, "start"), "2024-02-29"), id="leap-day"),
        pytest.param(_with(("policy", "oath_term_months"), None), id="term-null"),
        pytest.param(_with(("policy", "oath_term_months"), 0), id="term-0"),
        pytest.param(_with(("policy", "oath_term_months"), 120), id="term-120"),
        pytest.param(_minimal(register=[]), id="register-empty"),
        pytest.param(_with(("register", 0, "anonymous"), False), id="anonymous-false"),
        pytest.param(_with(("register", 0, "acknowledged"), None), id="acknowledged-null"),
        pytest.param(_with(("register", 0, "feedback"), None), id="feedback-null"),
        pytest.param(_with(("register", 0, "closed"), "2024-06-01"), id="closed"),
        pytest.param(_with(("register", 0, "closed"), None), id="closed-null"),
        pytest.param(_with(("register", 0, "channel"), "extern"), id="channel-extern"),
        pytest.param(_with(("register", 1, "kind"), "klacht"), id="kind-klacht"),
        pytest.param(_with(("register", 0, "acknowledged"), "2024-03-01"),
                     id="acknowledged-before-receipt"),
        pytest.param(_minimal(facts={}), id="facts-empty"),
        pytest.param(_minimal(facts={"meldprocedure": None}), id="meldprocedure-null"),
        pytest.param(_minimal(facts={"meldprocedure": {}}), id="meldprocedure-empty"),
        pytest.param(_with(("facts", "meldprocedure", "adopted"), None), id="adopted-null"),
        pytest.param(_with(("facts", "meldprocedure", "functionaris"), None),
                     id="functionaris-null"),
        pytest.param(_with(("facts", "meldprocedure", "works_council_consent"), None),
                     id="consent-null"),
        pytest.param(_minimal(waivers=[]), id="waivers-empty"),
        pytest.param(_minimal(waivers=[{"rule": "ambtenarenwet.eed", "subject": "E1",
                                        "reason": "besluit 2024-17", "until": "2024-12-31",
                                        "since": None}]), id="waiver"),
        pytest.param(_duties(), id="duty-facts"),
        pytest.param(_minimal(facts=dict.fromkeys(DUTY_FACTS)), id="duty-facts-null"),
        pytest.param(_minimal(facts={"training": [], "verantwoording": [],
                                     "nevenwerkzaamheden": []}), id="duty-lists-empty"),
        pytest.param(_duties(("training", 0, "attendees"), 0), id="attendees-zero"),
        pytest.param(_duties(("training", 0, "attendees"), None), id="attendees-null"),
        pytest.param(_duties(("verantwoording",), [{"year": 2000, "published": "2000-01-01"},
                                                   {"year": 2999, "published": "2999-12-31"}]),
                     id="verantwoording-year-bounds"),
        pytest.param(_duties(("verantwoording", 0, "published"), "2020-01-01"),
                     id="published-in-its-own-year"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "registered"), None),
                     id="registered-null"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "published"), None),
                     id="nevenwerk-published-null"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "employee"), "E2"),
                     id="nevenwerk-of-an-external"),
        pytest.param(_with(("employees", 0, "function"), "inkoper"), id="function"),
        pytest.param(_with(("employees", 0, "function"), None), id="function-null"),
    ],
)
def test_valid_documents_are_accepted_by_schema_and_loader(doc: dict[str, Any]) -> None:
    """Documents at the edges of what is allowed pass both the schema and the loader."""
    VALIDATOR.validate(doc)
    integriteit.loads(json.dumps(doc))


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        pytest.param(_minimal(registers=[]), "registers", id="unknown-top-level-key"),
        pytest.param(_with(("organisation", "headcont"), 5), "organisation.headcont",
                     id="misspelt-organisation-key"),
        pytest.param(_with(("employees", 1, "oath_date"), "2024-03-01"),
                     "employees[1].oath_date", id="unknown-employee-key"),
        pytest.param(_with(("employees", 0, "oath", "place"), "Den Haag"),
                     "employees[0].oath.place", id="unknown-oath-key"),
        pytest.param(_with(("policy", "term"), 2), "policy.term", id="unknown-policy-key"),
        pytest.param(_without(("organisation",)), "organisation", id="no-organisation"),
        pytest.param(_without(("organisation", "kind")), "organisation.kind", id="no-kind"),
        pytest.param(_without(("employees", 0, "id")), "employees[0].id", id="no-id"),
        pytest.param(_without(("employees", 1, "start")), "employees[1].start", id="no-start"),
        pytest.param(_without(("employees", 0, "oath", "form")), "employees[0].oath.form",
                     id="no-oath-form"),
        pytest.param(_with(("organisation", "kind"), "Gemeente"), "organisation.kind",
                     id="kind-wrong-case"),
        pytest.param(_with(("employees", 1, "employment"), "zzp"), "employees[1].employment",
                     id="unknown-employment"),
        pytest.param(_with(("employees", 0, "oath", "form"), "gelofte"),
                     "employees[0].oath.form", id="unknown-oath-form"),
        pytest.param(_with(("employees", 0, "start"), "2024-13-01"), "employees[0].start",
                     id="month-13"),
        pytest.param(_with(("employees", 0, "start"), "2023-02-29"), "employees[0].start",
                     id="no-leap-day"),
        pytest.param(_with(("employees", 0, "start"), "20240115"), "employees[0].start",
                     id="compact-date"),
        pytest.param(_with(("employees", 0, "start"), "2024-1-15"), "employees[0].start",
                     id="unpadded-date"),
        pytest.param(_with(("employees", 0, "start"), "15-01-2024"), "employees[0].start",
                     id="dutch-date-order"),
        pytest.param(_with(("employees", 1, "end"), "2024-06-30T17:00:00"), "employees[1].end",
                     id="date-time"),
        pytest.param(_with(("employees", 0, "oath", "date"), 20240201),
                     "employees[0].oath.date", id="date-as-number"),
        pytest.param(_with(("employees", 0, "id"), 1), "employees[0].id", id="id-number"),
        pytest.param(_with(("employees", 0, "id"), ""), "employees[0].id", id="id-empty"),
        pytest.param(_with(("employees", 0, "id"), "   "), "employees[0].id", id="id-blank"),
        pytest.param(_with(("organisation", "name"), ""), "organisation.name", id="name-empty"),
        pytest.param(_with(("organisation", "headcount"), -1), "organisation.headcount",
                     id="headcount-negative"),
        pytest.param(_with(("organisation", "headcount"), "640"), "organisation.headcount",
                     id="headcount-string"),
        pytest.param(_with(("organisation", "headcount"), True), "organisation.headcount",
                     id="headcount-bool"),
        pytest.param(_with(("policy", "oath_term_months"), 121), "policy.oath_term_months",
                     id="term-above-120"),
        pytest.param(_with(("policy", "oath_term_months"), -1), "policy.oath_term_months",
                     id="term-negative"),
        pytest.param(_with(("policy", "oath_term_months"), "3"), "policy.oath_term_months",
                     id="term-string"),
        pytest.param(_minimal(employees=None), "employees", id="employees-null"),
        pytest.param(_minimal(employees={"E1": {}}), "employees", id="employees-object"),
        pytest.param(_minimal(policy=None), "policy", id="policy-null"),
        pytest.param(_with(("employees", 0), "E1"), "employees[0]", id="employee-not-object"),
        pytest.param(_with(("employees", 0, "oath"), "eed"), "employees[0].oath",
                     id="oath-not-object"),
        pytest.param(_minimal(**{"$schema": 1}), "$schema", id="dollar-schema-number"),
        pytest.param(_minimal(register=None), "register", id="register-null"),
        pytest.param(_minimal(register={"R-1": {}}), "register", id="register-object"),
        pytest.param(_with(("register", 0), "R-1"), "register[0]", id="entry-not-object"),
        pytest.param(_without(("register", 0, "id")), "register[0].id", id="entry-no-id"),
        pytest.param(_without(("register", 0, "kind")), "register[0].kind", id="entry-no-kind"),
        pytest.param(_without(("register", 0, "received")), "register[0].received",
                     id="entry-no-received"),
        pytest.param(_without(("register", 1, "channel")), "register[1].channel",
                     id="entry-no-channel"),
        pytest.param(_with(("register", 0, "id"), ""), "register[0].id", id="entry-id-empty"),
        pytest.param(_with(("register", 0, "id"), " "), "register[0].id", id="entry-id-blank"),
        pytest.param(_with(("register", 0, "id"), 7), "register[0].id", id="entry-id-number"),
        pytest.param(_with(("register", 0, "kind"), "Misstand"), "register[0].kind",
                     id="kind-wrong-case"),
        pytest.param(_with(("register", 0, "kind"), "integriteitsmelding"), "register[0].kind",
                     id="unknown-entry-kind"),
        pytest.param(_with(("register", 0, "channel"), "huis_voor_klokkenluiders"),
                     "register[0].channel", id="unknown-channel"),
        pytest.param(_with(("register", 0, "received"), "2024-3-4"), "register[0].received",
                     id="received-unpadded"),
        pytest.param(_with(("register", 0, "acknowledged"), "2024-02-30"),
                     "register[0].acknowledged", id="acknowledged-impossible"),
        pytest.param(_with(("register", 0, "feedback"), 20240520), "register[0].feedback",
                     id="feedback-number"),
        pytest.param(_with(("register", 0, "anonymous"), "ja"), "register[0].anonymous",
                     id="anonymous-string"),
        pytest.param(_with(("register", 0, "anonymous"), None), "register[0].anonymous",
                     id="anonymous-null"),
        pytest.param(_with(("register", 0, "melder"), "J. Jansen"), "register[0]",
                     id="identity-melder"),
        pytest.param(_with(("register", 0, "email"), "j@example.nl"), "register[0]",
                     id="identity-email"),
        pytest.param(_with(("register", 0, "recieved"), "2024-03-04"), "register[0]",
                     id="misspelt-entry-key"),
        pytest.param(_minimal(facts=None), "facts", id="facts-null"),
        pytest.param(_minimal(facts=[]), "facts", id="facts-list"),
        pytest.param(_with(("facts", "procedure"), {}), "facts.procedure", id="unknown-facts-key"),
        pytest.param(_with(("facts", "meldprocedure"), True), "facts.meldprocedure",
                     id="meldprocedure-bool"),
        pytest.param(_with(("facts", "meldprocedure", "adopted"), "1-5-2023"),
                     "facts.meldprocedure.adopted", id="adopted-bad-date"),
        pytest.param(_with(("facts", "meldprocedure", "adopted"), True),
                     "facts.meldprocedure.adopted", id="adopted-bool"),
        pytest.param(_with(("facts", "meldprocedure", "functionaris"), "ja"),
                     "facts.meldprocedure.functionaris", id="functionaris-string"),
        pytest.param(_with(("facts", "meldprocedure", "register_kept"), 1),
                     "facts.meldprocedure.register_kept", id="register-kept-number"),
        pytest.param(_with(("facts", "meldprocedure", "consent"), "2023-05-15"),
                     "facts.meldprocedure.consent", id="unknown-meldprocedure-key"),
        pytest.param(_minimal(waivers=None), "waivers", id="waivers-null"),
        pytest.param(_minimal(waivers=[{"rule": "ambtenarenwet.eed", "subject": "E1",
                                        "reason": "besluit", "until": "31-12-2024"}]),
                     "waivers[0].until", id="waiver-bad-date"),
        pytest.param(_minimal(waivers=[{"rule": "ambtenarenwet.eed", "subject": "E1",
                                        "reason": " ", "until": "2024-12-31"}]),
                     "waivers[0].reason", id="waiver-blank-reason"),
        pytest.param(_minimal(waivers=[{"rule": "ambtenarenwet.eed", "subject": "E1",
                                        "until": "2024-12-31"}]),
                     "waivers[0].reason", id="waiver-no-reason"),
        pytest.param(_with(("employees", 0, "function"), 7), "employees[0].function",
                     id="function-number"),
        pytest.param(_with(("facts", "stated"), ["gedragscode"]), "facts.stated",
                     id="facts-stated-is-no-input"),
        pytest.param(_duties(("integriteitsbeleid",), "12-11-2019"), "facts.integriteitsbeleid",
                     id="integriteitsbeleid-bad-date"),
        pytest.param(_duties(("gedragscode",), True), "facts.gedragscode",
                     id="gedragscode-bool"),
        pytest.param(_duties(("financiele_belangen",), 2022), "facts.financiele_belangen",
                     id="financiele-belangen-number"),
        pytest.param(_duties(("integriteit_in_gesprekken",), "ja"),
                     "facts.integriteit_in_gesprekken", id="gesprekken-string"),
        pytest.param(_duties(("training",), {"date": "2025-10-07"}), "facts.training",
                     id="training-object"),
        pytest.param(_duties(("training", 0, "date"), drop=True), "facts.training[0].date",
                     id="training-no-date"),
        pytest.param(_duties(("training", 1, "date"), "2026-3-17"), "facts.training[1].date",
                     id="training-bad-date"),
        pytest.param(_duties(("training", 0, "attendees"), -1), "facts.training[0].attendees",
                     id="attendees-negative"),
        pytest.param(_duties(("training", 0, "attendees"), "38"), "facts.training[0].attendees",
                     id="attendees-string"),
        pytest.param(_duties(("training", 0, "topic"), "gifts"), "facts.training[0].topic",
                     id="unknown-training-key"),
        pytest.param(_duties(("verantwoording",), "2021-05-18"), "facts.verantwoording",
                     id="verantwoording-string"),
        pytest.param(_duties(("verantwoording", 0, "year"), 1999), "facts.verantwoording[0].year",
                     id="year-1999"),
        pytest.param(_duties(("verantwoording", 1, "year"), 3000), "facts.verantwoording[1].year",
                     id="year-3000"),
        pytest.param(_duties(("verantwoording", 0, "year"), "2020"),
                     "facts.verantwoording[0].year", id="year-string"),
        pytest.param(_duties(("verantwoording", 0, "published"), drop=True),
                     "facts.verantwoording[0].published", id="verantwoording-no-published"),
        pytest.param(_duties(("verantwoording", 1, "published"), None),
                     "facts.verantwoording[1].published", id="verantwoording-published-null"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "employee"), drop=True),
                     "facts.nevenwerkzaamheden[0].employee", id="nevenwerk-no-employee"),
        pytest.param(_duties(("nevenwerkzaamheden", 1, "employee"), 1),
                     "facts.nevenwerkzaamheden[1].employee", id="nevenwerk-employee-number"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "activity"), drop=True),
                     "facts.nevenwerkzaamheden[0].activity", id="nevenwerk-no-activity"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "reported"), "2024"),
                     "facts.nevenwerkzaamheden[0].reported", id="nevenwerk-bad-date"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "registered"), "ja"),
                     "facts.nevenwerkzaamheden[0].registered", id="registered-string"),
        pytest.param(_duties(("nevenwerkzaamheden", 0, "naam"), "J. Jansen"),
                     "facts.nevenwerkzaamheden[0].naam", id="unknown-nevenwerk-key"),
    ],
)
def test_invalid_documents_are_rejected_by_schema_and_loader(
    doc: dict[str, Any], path: str
) -> None:
    """A mistake the schema catches is also an input error of the loader, at the same path."""
    assert not VALIDATOR.is_valid(doc)
    assert path in _problem_paths(doc)


@pytest.mark.parametrize("top", [[], None, "document", 1], ids=repr)
def test_a_document_that_is_not_an_object_is_rejected(top: object) -> None:
    """The top level must be a JSON object."""
    assert not VALIDATOR.is_valid(top)
    assert _problem_paths(top) == [""]


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        pytest.param(_with(("employees", 1, "id"), "E1"), "employees[1].id", id="duplicate-id"),
        pytest.param(_with(("employees", 1, "end"), "2024-02-29"), "employees[1].end",
                     id="end-before-start"),
        pytest.param(_with(("register", 1, "id"), "R-1"), "register[1].id",
                     id="duplicate-register-id"),
        pytest.param(_duties(("nevenwerkzaamheden", 1, "employee"), "E9"),
                     "facts.nevenwerkzaamheden[1].employee", id="nevenwerk-unknown-employee"),
        pytest.param(_duties(("verantwoording", 1, "year"), 2020),
                     "facts.verantwoording[1].year", id="duplicate-year"),
        pytest.param(_duties(("verantwoording", 1, "published"), "2020-12-31"),
                     "facts.verantwoording[1].published", id="published-before-its-year"),
    ],
)
def test_checks_across_values_are_made_by_the_loader_only(
    doc: dict[str, Any], path: str
) -> None:
    """JSON Schema cannot compare values; the docs say these checks are the loader's alone."""
    assert VALIDATOR.is_valid(doc)
    assert path in _problem_paths(doc)


def test_duplicate_keys_are_rejected_by_the_loader() -> None:
    """A key given twice is an error; a parsed JSON object cannot show it to the schema."""
    text = '{"organisation": {"name": "X", "kind": "rijk", "kind": "gemeente"}}'
    with pytest.raises(integriteit.InputError) as info:
        integriteit.loads(text)
    assert [p.path for p in info.value.problems] == ["organisation"]
    assert "occurs more than once" in info.value.render("en")


def test_an_empty_vertrouwenspersoon_scope_is_refused_by_both() -> None:
    """The schema and the loader agree: a vertrouwenspersoon's scope names at least one."""
    doc = {"organisation": {"name": "X", "kind": "gemeente"},
           "facts": {"vertrouwenspersonen": [{"id": "V1", "external": True, "scope": []}]}}
    assert not VALIDATOR.is_valid(doc)
    assert _problem_paths(doc) == ["facts.vertrouwenspersonen[0].scope"]
    doc["facts"]["vertrouwenspersonen"][0]["scope"] = ["integriteit"]  # type: ignore[index]
    assert VALIDATOR.is_valid(doc)
    integriteit.loads(json.dumps(doc))
