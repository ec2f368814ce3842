"""Embed a check in your own code: load a document, check it as of a date, act on findings.

Run: python examples/embed_check.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import integriteit
from integriteit import Status


def main() -> None:
    doc = integriteit.load(Path(__file__).with_name("gemeente.json"))
    result = integriteit.check(doc, at=date(2026, 10, 1))
    # The document sets a 3-month term (organisation policy); it shows in every finding.
    print(f"{doc.organisation.name}: {len(result.findings)} findings as of {result.at}")
    for finding in result.findings:
        if finding.status in (Status.OVERDUE, Status.DUE, Status.LATE):
            print(f"  {finding.subject}: {finding.status} (due {finding.due})")
            print(f"    {finding.message('en')}")
            print(f"    source: {finding.source('en')}")
    # The same check with the term the call asks for, e.g. to compare with the default.
    strict = integriteit.check(doc, at=date(2026, 10, 1), term_months=2)
    print("with a 2-month term:", {s.value: n for s, n in strict.counts().items() if n})


if __name__ == "__main__":
    main()
