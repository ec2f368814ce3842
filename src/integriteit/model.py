"""The domain: an organisation, its employees and their oaths, as frozen attrs classes.

A :class:`Document` is everything one input file says about one organisation. Later rule packs add
sections (register, facts, waivers) as new optional fields, so existing documents stay valid.
Validation of single values happens while loading (:mod:`integriteit.io`); checks that need
several values (duplicate ids, an end before a start) run right after, in the same module.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from attrs import field, frozen

from integriteit.i18n import Text


class OrganisationKind(enum.StrEnum):
    """Kind of overheidswerkgever (Ambtenarenwet 2017 art. 2(1))."""

    RIJK = "rijk"
    PROVINCIE = "provincie"
    GEMEENTE = "gemeente"
    WATERSCHAP = "waterschap"
    OVERIG = "overig"
    """Any other overheidswerkgever of art. 2(1), e.g. a gemeenschappelijke regeling."""


class EmploymentKind(enum.StrEnum):
    """How a person works for the organisation; only ``ambtenaar`` is bound by the Ambtenarenwet.

    ``ambtenaar``: arbeidsovereenkomst with this overheidswerkgever (art. 1), also the unpaid
    functions of art. 1(2). ``inhuur`` (hired externals, zzp), ``uitzendkracht`` (agency staff),
    ``gedetacheerd`` (seconded here, employed elsewhere) and ``stagiair`` (intern) are not.
    """

    AMBTENAAR = "ambtenaar"
    INHUUR = "inhuur"
    UITZENDKRACHT = "uitzendkracht"
    GEDETACHEERD = "gedetacheerd"
    STAGIAIR = "stagiair"


class OathForm(enum.StrEnum):
    """The eed (religious formula) or the belofte (affirmation); legally equivalent."""

    EED = "eed"
    BELOFTE = "belofte"


ORGANISATION_KIND_LABELS: dict[OrganisationKind, Text] = {
    OrganisationKind.RIJK: Text("Rijk", "central government (Rijk)"),
    OrganisationKind.PROVINCIE: Text("provincie", "province"),
    OrganisationKind.GEMEENTE: Text("gemeente", "municipality"),
    OrganisationKind.WATERSCHAP: Text("waterschap", "water authority"),
    OrganisationKind.OVERIG: Text("overige overheidswerkgever", "other public employer"),
}


@frozen
class Organisation:
    """The employer: name, kind and (when known) headcount."""

    name: str
    kind: OrganisationKind
    headcount: int | None = None


@frozen
class Oath:
    """An eed or belofte taken on ``date``."""

    date: date
    form: OathForm


@frozen
class Employee:
    """One person working for the organisation, as an HR export knows them.

    ``id`` is the organisation's own personnel number; nothing else identifying is held.
    ``start`` is the day of indiensttreding, ``end`` the last day of employment (optional).
    """

    id: str
    start: date
    employment: EmploymentKind
    end: date | None = None
    oath: Oath | None = None


@frozen
class PolicySettings:
    """Organisation policy set in the document; ``None`` means "use the default"."""

    oath_term_months: int | None = None


def _employees(items: Iterable[Employee]) -> tuple[Employee, ...]:
    return tuple(items)


@frozen
class Document:
    """One organisation and what it records: the unit a check runs over."""

    organisation: Organisation
    employees: tuple[Employee, ...] = field(default=(), converter=_employees)
    policy: PolicySettings = PolicySettings()
    schema: str | None = None
    """The optional ``$schema`` key, so editors can validate the file; ignored otherwise."""
