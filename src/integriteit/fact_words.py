"""The facts of a finding as people read them: a label per fact, values in words.

A finding's ``facts`` are keyed for systems (``term_set_by``, ``days_overdue``): JSON writes
them as they are. Output for people (``--explain``, ``integriteit explain``) writes them as
short phrases in the run's language instead, e.g. ``termijn: 2 maanden
(standaardwaarde)``, ``indiensttreding: 2 maart 2026``. Every fact of a built-in rule has a label
here (a test keeps it so); a plugin's fact without one is shown under its key.

>>> from datetime import date
>>> print(facts_for_people({"term": Text("2 maanden", "2 months"), "term_months": 2,
...                         "term_set_by": "default", "start": date(2026, 3, 2),
...                         "deadline": date(2026, 5, 2), "days_overdue": 30}, "nl"))
... # doctest: +NORMALIZE_WHITESPACE
termijn: 2 maanden (standaardwaarde); indiensttreding: 2 maart 2026; uiterste datum:
2 mei 2026; dagen na de uiterste datum: 30
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from integriteit.i18n import DateStyle, Lang, Phrase, Text, date_text
from integriteit.model import ORGANISATION_KIND_LABELS

FACT_LABELS: dict[str, Text] = {
    "acknowledged": Text("ontvangstbevestiging", "acknowledgement"),
    "adopted": Text("vastgesteld op", "adopted on"),
    "adviseur_in_vertrouwen": Text("adviseur in vertrouwen aanwezig",
                                   "adviser in confidence present"),
    "anonymous": Text("anoniem gemeld", "reported anonymously"),
    "at": Text("peildatum", "reference date"),
    "base": Text("termijn telt vanaf", "term counts from"),
    "basis": Text("grondslag", "basis"),
    "channel": Text("ontvangen via", "received through"),
    "consent": Text("instemming op", "consent on"),
    "count": Text("aantal", "number"),
    "days_before_start": Text("dagen vóór de indiensttreding", "days before the start"),
    "days_before_start_allowed": Text("dagen vooraf toegestaan (beleid)",
                                      "days before allowed (policy)"),
    "days_late": Text("dagen te laat", "days late"),
    "days_left": Text("dagen te gaan", "days left"),
    "days_overdue": Text("dagen na de uiterste datum", "days past the deadline"),
    "deadline": Text("uiterste datum", "deadline"),
    "definition": Text("definitie", "definition"),
    "designation": Text("aanwijzing", "designation"),
    "done": Text("gedaan op", "done on"),
    "due": Text("uiterste datum", "deadline"),
    "earlier_employment": Text("uit een eerder dienstverband", "from an earlier employment"),
    "earlier_form": Text("vorm bij het eerdere dienstverband", "form in the earlier employment"),
    "earlier_oath_date": Text("eed of belofte bij het eerdere dienstverband",
                              "eed or belofte in the earlier employment"),
    "earlier_start": Text("begin van het eerdere dienstverband",
                          "start of the earlier employment"),
    "element": Text("onderdeel", "element"),
    "employment": Text("soort dienstverband", "kind of employment"),
    "end": Text("uit dienst", "end of employment"),
    "error": Text("fout", "error"),
    "fact": Text("gegeven in het document", "fact in the document"),
    "feedback": Text("terugkoppeling", "feedback"),
    "first": Text("eerste verslagjaar", "first report year"),
    "form": Text("vorm", "form"),
    "function": Text("functie", "function"),
    "functionaris": Text("functionaris aanwezig", "officer present"),
    "group": Text("groep", "group"),
    "headcount": Text("aantal medewerkers", "staff"),
    "integriteitsverklaring_term_months": Text("termijn in maanden (beleid)",
                                               "term in months (policy)"),
    "kind": Text("soort", "kind"),
    "last_training": Text("laatste scholing", "last training"),
    "late_years": Text("te laat over", "late for"),
    "law_date": Text("datum voor de wet", "date for the law"),
    "missing": Text("ontbreekt", "missing"),
    "missing_years": Text("ontbreekt over", "missing for"),
    "oath_date": Text("eed of belofte op", "eed or belofte on"),
    "problems": Text("gebreken", "shortcomings"),
    "received": Text("ontvangen op", "received on"),
    "recorded_form": Text("geregistreerde vorm", "recorded form"),
    "recorded_oath_date": Text("eed of belofte geregistreerd op", "eed or belofte recorded on"),
    "register_kept": Text("register bijgehouden", "register kept"),
    "reported": Text("gemeld op", "reported on"),
    "required": Text("gevraagd van", "required of"),
    "route": Text("route naar instemming", "route to consent"),
    "sessions": Text("sessies", "sessions"),
    "source": Text("bron", "source"),
    "start": Text("indiensttreding", "start"),
    "term": Text("termijn", "term"),
    "term_months": Text("termijn in maanden", "term in months"),
    "term_set_by": Text("herkomst", "origin"),
    "term_since": Text("geldt sinds", "applies since"),
    "unknown": Text("onbekend", "unknown"),
    "waived_status": Text("zonder ontheffing", "without the waiver"),
    "waiver_reason": Text("reden van de ontheffing", "reason for the waiver"),
    "waiver_until": Text("ontheffing tot en met", "waived to and including"),
    "what": Text("wat", "what"),
    "when": Text("wanneer", "when"),
    "workshop_term_months": Text("termijn in maanden (beleid)", "term in months (policy)"),
    "year": Text("verslagjaar", "report year"),
    "years": Text("jaren", "years"),
}
"""A label per fact key of the built-in rules, in both languages."""

VALUE_WORDS: dict[str, dict[str, Text]] = {
    "term_set_by": {"default": Text("standaardwaarde", "default value"),
                    "document": Text("ingesteld in het document", "set in the document"),
                    "call": Text("opgegeven bij de aanroep, bijv. --term-months",
                                 "given with the call, e.g. --term-months")},
    "employment": {"ambtenaar": Text("ambtenaar", "ambtenaar (civil servant)"),
                   "inhuur": Text("inhuur", "hired in (inhuur)"),
                   "uitzendkracht": Text("uitzendkracht", "agency worker (uitzendkracht)"),
                   "gedetacheerd": Text("gedetacheerd", "seconded (gedetacheerd)"),
                   "stagiair": Text("stagiair", "intern (stagiair)")},
    "kind": {k.value: v for k, v in ORGANISATION_KIND_LABELS.items()},
    "channel": {"werkgever": Text("de werkgever", "the employer"),
                "leidinggevende": Text("een leidinggevende", "a manager (leidinggevende)"),
                "vertrouwenspersoon": Text("een vertrouwenspersoon",
                                           "a vertrouwenspersoon (confidential counsellor)"),
                "vertrouwenspersoon_intern": Text("een interne vertrouwenspersoon",
                                                  "an internal vertrouwenspersoon"),
                "vertrouwenspersoon_extern": Text("een externe vertrouwenspersoon",
                                                  "an external vertrouwenspersoon"),
                "integriteitscoordinator": Text("de integriteitscoördinator",
                                                "the integrity coordinator"),
                "klachtencommissie": Text("de klachtencommissie",
                                          "the complaints committee (klachtencommissie)"),
                "extern": Text("een externe instantie (bijv. het Huis voor klokkenluiders)",
                               "an external authority (e.g. the Huis voor klokkenluiders)")},
    "required": {"all": Text("iedereen", "everyone"), "none": Text("niemand", "no one"),
                 "externals": Text("externen", "externals")},
}
"""Words for the values of facts that hold a code (``term_set_by``: ``default``)."""

_YES_NO = {True: Text("ja", "yes"), False: Text("nee", "no")}
_NONE = Text("geen", "none")


def fact_value(key: str, value: object, lang: Lang, dates: DateStyle = "long") -> str:
    """One fact's value in words: a date as people write it (or ISO with ``dates="iso"``),
    yes or no, a text in ``lang``, a code in words where known, a list joined."""
    if type(value) is bool:
        return _YES_NO[value].get(lang)
    if value is None:
        return _NONE.get(lang)
    if isinstance(value, date):
        return date_text(value, lang, dates)
    if isinstance(value, Phrase):
        return value.said(lang, dates)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, str):
        if key == "waived_status":
            from integriteit.engine import STATUS_WORDS, Status  # the engine imports this

            status = Status._value2member_map_.get(value)
            return value if status is None else STATUS_WORDS[status].get(lang)  # type: ignore[index]
        word = VALUE_WORDS.get(key, {}).get(value)
        return word.get(lang) if word is not None else value
    if isinstance(value, list | tuple):
        return ", ".join(fact_value(key, v, lang, dates) for v in value) or _NONE.get(lang)
    return str(value)


def facts_for_people(facts: Mapping[str, object], lang: Lang,
                     dates: DateStyle = "long") -> str:
    """``facts`` as phrases joined by ``; ``: ``label: value``. A term is one phrase with where
    it came from (and since when); its number of months, which the term says, is not
    repeated."""
    phrases: list[str] = []
    for key, value in facts.items():
        if key in ("term_set_by", "term_since") and "term" in facts:
            continue
        if key == "term_months" and "term" in facts:
            continue
        label = FACT_LABELS.get(key)
        said = fact_value(key, value, lang, dates)
        if "; " in said:  # a value of several parts: kept apart from the next fact
            said = f"({said})"
        phrase = f"{label.get(lang) if label is not None else key}: {said}"
        if key == "term":
            about = []
            if "term_set_by" in facts:
                about.append(fact_value("term_set_by", facts["term_set_by"], lang, dates))
            if "term_since" in facts:
                about.append(FACT_LABELS["term_since"].get(lang) + " "
                             + fact_value("term_since", facts["term_since"], lang, dates))
            if about:
                phrase += f" ({', '.join(about)})"
        phrases.append(phrase)
    return "; ".join(phrases)
