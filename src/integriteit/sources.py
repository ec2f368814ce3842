"""Legal sources: the statutes this library cites, and citations of one article (lid, onderdeel).

A :class:`LegalSource` is what every rule carries so that a finding can say which article it
applies. URLs point at the consolidated text on wetten.overheid.nl as valid on the given date.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from integriteit.i18n import Lang


@frozen
class Statute:
    """A statute or regulation as registered in the BWB (basiswettenbestand)."""

    name: str
    bwb_id: str

    def url(self, on: date | None = None) -> str:
        """The consolidated text on wetten.overheid.nl, as valid on ``on`` when given."""
        base = f"https://wetten.overheid.nl/{self.bwb_id}"
        return f"{base}/{on.isoformat()}" if on is not None else base


@frozen
class LegalSource:
    """One citation: statute, article, and optionally lid and onderdeel (letter).

    >>> from integriteit.sources import AMBTENARENWET_2017
    >>> src = LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="a")
    >>> src.cite("nl")
    'Ambtenarenwet 2017 (BWBR0001947) art. 5 lid 1 onder a'
    >>> src.cite("en")
    'Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(a)'
    """

    statute: Statute
    article: str
    lid: str | None = None
    letter: str | None = None
    url: str | None = None

    def cite(self, lang: Lang = "nl") -> str:
        """A short citation in the style of the language."""
        s = f"{self.statute.name} ({self.statute.bwb_id}) art. {self.article}"
        if lang == "en":
            if self.lid:
                s += f"({self.lid})"
            if self.letter:
                s += f"({self.letter})"
        else:
            if self.lid:
                s += f" lid {self.lid}"
            if self.letter:
                s += f" onder {self.letter}"
        return s

    def link(self) -> str:
        """The URL of the text (the statute's page when no specific URL was given)."""
        return self.url or self.statute.url()


def cite_all(sources: tuple[LegalSource, ...], lang: Lang = "nl") -> str:
    """Several citations; consecutive articles of one statute share its name.

    >>> from integriteit.sources import AMBTENARENWET_2017
    >>> cite_all((LegalSource(AMBTENARENWET_2017, "5", lid="1", letter="a"),
    ...           LegalSource(AMBTENARENWET_2017, "7")), "en")
    'Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(a) and art. 7'
    """
    parts: list[str] = []
    previous: Statute | None = None
    joiner = " and " if lang == "en" else " en "
    for src in sources:
        text = src.cite(lang)
        if src.statute == previous:
            parts[-1] += joiner + text.split(") ", 1)[1]
        else:
            parts.append(text)
        previous = src.statute
    return "; ".join(parts)


# The statutes cited by the built-in rules. BWB ids from wetten.overheid.nl (see docs/law.rst).
AMBTENARENWET_2017 = Statute("Ambtenarenwet 2017", "BWBR0001947")
"""The old Ambtenarenwet, renamed and rewritten by the Wnra, in force from 2020-01-01."""

AMBTENARENWET = Statute("Ambtenarenwet", "BWBR0001947")
"""The Ambtenarenwet as it read before 2020-01-01 (same BWB id)."""

WBK = Statute("Wet bescherming klokkenluiders", "BWBR0037852")
"""Wet bescherming klokkenluiders, in force 2023-02-18 (Stb. 2023, 29 and 52)."""

WET_HUIS_VOOR_KLOKKENLUIDERS = Statute("Wet Huis voor klokkenluiders", "BWBR0037852")
"""The same act under its earlier name, in force 2016-07-01 to 2023-02-17."""

WOR = Statute("Wet op de ondernemingsraden", "BWBR0002747")
"""Wet op de ondernemingsraden; art. 27(1)(m): consent to the reporting procedure."""

REGELING_EED_EN_BELOFTE_SZW_1999 = Statute("Regeling eed en belofte SZW 1999", "BWBR0010676")
"""Legacy ministerial regulation; its art. 4 set the two-month oath term. Lapsed by 2020."""
