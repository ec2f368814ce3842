"""Organisation policy: named parameters with a default, its origin, and overrides.

Policy is not law. The Ambtenarenwet 2017 says only that the oath is taken "bij indiensttreding"
(art. 5(1)(a)); the number of months is the organisation's choice. Each :class:`Parameter` says
where its default comes from, and every effective value says whether it is that default, the
document's own setting, or an override given with the call.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from attrs import frozen

from integriteit.errors import IntegriteitError
from integriteit.i18n import Text
from integriteit.model import PolicySettings
from integriteit.sources import REGELING_EED_EN_BELOFTE_SZW_1999, LegalSource


class OriginKind(enum.StrEnum):
    """Where a parameter's default comes from."""

    STATUTE = "statute"
    LEGACY = "legacy"
    """A regulation no longer in force, kept as a sensible default."""
    ORGANISATION = "organisation"


class ValueSource(enum.StrEnum):
    """Where an effective value was set."""

    DEFAULT = "default"
    DOCUMENT = "document"
    CALL = "call"


@frozen
class Parameter:
    """A named organisation parameter."""

    name: str
    title: Text
    default: int
    unit: Text
    origin: OriginKind
    origin_note: Text
    source: LegalSource | None = None
    minimum: int = 0
    maximum: int = 120


@frozen
class EffectiveValue:
    """The value a run uses, and where it came from."""

    parameter: Parameter
    value: int
    set_by: ValueSource

    @property
    def explanation(self) -> Text:
        """Where the value came from, e.g. ``"standaard: 2 maanden, naar ..."``, for messages."""
        p = self.parameter
        if self.set_by is ValueSource.DEFAULT:
            return Text(f"standaard: {p.origin_note.nl}", f"default: {p.origin_note.en}")
        if self.set_by is ValueSource.DOCUMENT:
            return Text("ingesteld in het document (beleid van de organisatie, geen wet)",
                        "set in the document (organisation policy, not law)")
        return Text("opgegeven bij de aanroep (beleid van de organisatie, geen wet)",
                    "given with the call (organisation policy, not law)")


OATH_TERM_MONTHS = Parameter(
    name="oath_term_months",
    title=Text("Termijn voor de eed of belofte", "Term for the eed or belofte"),
    default=2,
    unit=Text("maanden na indiensttreding", "months after the start of employment"),
    origin=OriginKind.LEGACY,
    origin_note=Text(
        "2 maanden, naar de vervallen Regeling eed en belofte SZW 1999 art. 4; geen wettelijke "
        "termijn (de Rijksoverheid hanteert nu 3 maanden)",
        "2 months, after the lapsed Regeling eed en belofte SZW 1999 art. 4; not a statutory "
        "term (the Rijk now uses 3 months)",
    ),
    source=LegalSource(REGELING_EED_EN_BELOFTE_SZW_1999, "4"),
)

PARAMETERS: Mapping[str, Parameter] = {p.name: p for p in (OATH_TERM_MONTHS,)}


class PolicyError(IntegriteitError):
    """An override names an unknown parameter or gives a value out of range."""


@frozen
class Policy:
    """The effective parameter values of one run."""

    values: Mapping[str, EffectiveValue]

    def __getitem__(self, name: str) -> EffectiveValue:
        return self.values[name]

    @classmethod
    def resolve(
        cls, settings: PolicySettings | None = None, overrides: Mapping[str, int] | None = None
    ) -> Policy:
        """Defaults, then the document's settings, then the call's overrides (highest)."""
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(PARAMETERS))
        if unknown:
            raise PolicyError(f"unknown policy parameter(s): {', '.join(unknown)}")
        values: dict[str, EffectiveValue] = {}
        for name, param in PARAMETERS.items():
            value, set_by = param.default, ValueSource.DEFAULT
            from_doc = getattr(settings, name, None) if settings is not None else None
            if from_doc is not None:
                value, set_by = from_doc, ValueSource.DOCUMENT
            if overrides.get(name) is not None:
                value, set_by = overrides[name], ValueSource.CALL
            if not param.minimum <= value <= param.maximum:
                raise PolicyError(
                    f"{name} = {value} is outside {param.minimum}..{param.maximum}"
                )
            values[name] = EffectiveValue(param, value, set_by)
        return cls(values)
