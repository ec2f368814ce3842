"""Recompute the published figures from the seed documents and compare with expected.json.

Standalone, stdlib only:  python3 tests/data/seeds/count.py   (exit status 1 on any mismatch)

Rules: an entry counts once for each of its categories (a report wording is first mapped
through the document's ``category_labels``) and once in the total of its kind; ``[]`` counts
only in the total. Outcomes are counted per (findings, measure) pair.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

KINDS = {"gesprek", "melding", "klacht", "misstand"}
CHANNELS = {
    "werkgever", "leidinggevende", "vertrouwenspersoon", "vertrouwenspersoon_intern",
    "vertrouwenspersoon_extern", "integriteitscoordinator", "klachtencommissie", "extern",
}
CATEGORIES = {
    # vertrouwenspersoon-style
    "integriteit", "ongewenste_omgangsvormen", "pesten", "seksuele_intimidatie", "intimidatie",
    "verbale_agressie", "agressie_en_geweld", "discriminatie", "arbeidsconflict", "onveiligheid",
    "advies_algemeen", "overig",
    # sector Rijk
    "financiele_schendingen", "misbruik_positie_en_belangenverstrengeling",
    "lekken_en_misbruik_van_informatie", "misbruik_van_bevoegdheden",
    "misbruik_van_geweldsbevoegdheid", "misdragingen_in_de_prive_sfeer",
    "oneigenlijk_gebruik_van_dienstmiddelen", "misstand_klokkenluidersregeling",
    # BIOS / VU
    "corruptie", "fraude_diefstal_verduistering", "wanprestatie_en_verspilling",
    "onverenigbare_functies_en_bindingen", "misbruik_van_informatie", "wangedrag_in_de_vrije_tijd",
    "giften",
}


def recount(doc: dict) -> tuple[Counter, Counter, Counter, list[str]]:
    labels = {k.lower(): v for k, v in doc.get("category_labels", {}).items()}
    problems = [f"label {k!r} maps to unknown key {v!r}" for k, v in labels.items()
                if v not in CATEGORIES]
    counts: Counter = Counter()
    totals: Counter = Counter()
    outcomes: Counter = Counter()
    ids = {e["id"] for e in doc["register"]}
    if len(ids) != len(doc["register"]):
        problems.append("duplicate ids")
    for e in doc["register"]:
        year = int(e["received"][:4])
        if e["kind"] not in KINDS:
            problems.append(f"{e['id']}: unknown kind {e['kind']!r}")
        if e["channel"] not in CHANNELS:
            problems.append(f"{e['id']}: unknown channel {e['channel']!r}")
        if "related_to" in e and e["related_to"] not in ids:
            problems.append(f"{e['id']}: related_to {e['related_to']!r} not in register")
        keys = []
        for c in e["categories"]:
            key = c if c in CATEGORIES else labels.get(c.lower())
            if key is None:
                problems.append(f"{e['id']}: category {c!r} is neither a key nor a mapped label")
            elif key not in keys:
                keys.append(key)
        for key in keys:
            counts[(year, e["kind"], key)] += 1
        totals[(year, e["kind"])] += 1
        if "outcome" in e:
            outcomes[(e["outcome"]["findings"], e["outcome"]["measure"])] += 1
    return counts, totals, outcomes, problems


def compare(name: str, what: str, got: Counter, want: Counter) -> list[str]:
    out = []
    for key in sorted(set(got) | set(want), key=str):
        if got.get(key, 0) != want.get(key, 0):
            out.append(f"{name}: {what} {key}: document gives {got.get(key, 0)}, "
                       f"report gives {want.get(key, 0)}")
    return out


def main() -> int:
    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    mismatches: list[str] = []
    for name, exp in expected.items():
        doc = json.loads((HERE / name).read_text(encoding="utf-8"))
        counts, totals, outcomes, problems = recount(doc)
        mismatches += [f"{name}: {p}" for p in problems]
        want_counts = Counter({(r["year"], r["kind"], r["category"]): r["count"]
                               for r in exp["counts"]})
        want_totals = Counter({(r["year"], r["kind"]): r["count"] for r in exp["totals"]})
        want_outcomes = Counter({(r["findings"], r["measure"]): r["count"]
                                 for r in exp.get("outcomes", [])})
        mismatches += compare(name, "count", counts, want_counts)
        mismatches += compare(name, "total", totals, want_totals)
        mismatches += compare(name, "outcome", outcomes, want_outcomes)
        # a category that is counted must come from a row the report shows
        for (y, k, c), n in want_counts.items():
            if n <= 0:
                mismatches.append(f"{name}: expected count row with count {n}: {(y, k, c)}")
        print(f"{name}: {sum(totals.values())} entries, "
              f"{sum(counts.values())} category counts, {sum(outcomes.values())} outcomes")
    for m in mismatches:
        print("MISMATCH", m)
    print("OK" if not mismatches else f"{len(mismatches)} mismatch(es)")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
