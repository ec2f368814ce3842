"""Validate one record as it is typed into an HR form, without a whole document.

Run: python examples/hr_form.py
"""

from __future__ import annotations

from datetime import date

import integriteit


def validate(record: dict[str, object], today: date) -> list[str]:
    """Messages to show next to the form (Dutch), or an input problem per field."""
    try:
        findings = integriteit.check_employee(record, at=today, term_months=2)
    except integriteit.InputError as exc:
        return [p.render("nl") for p in exc.problems]
    return [f"{f.status}: {f.message('nl')}" for f in findings]


def main() -> None:
    today = date(2026, 3, 1)
    print(validate({"id": "N-17", "start": "2025-12-31", "employment": "ambtenaar"}, today))
    print(validate({"id": "N-18", "start": "2026-02-30", "employment": "ambtenaar"}, today))
    print(validate({"id": "N-19", "start": "2026-01-05", "employment": "ambtenaar",
                    "oath": {"date": "2026-01-05", "form": "belofte"}}, today))


if __name__ == "__main__":
    main()
