"""Measure the annual report on a large register and a large HR export.

Usage: python benchmarks/bench_report.py [ENTRIES] [EMPLOYEES] (default 100000 register entries
over ten years, 200000 employees). Prints figures; asserts nothing. Register entries mix kinds,
zero to three categories (keys, Dutch labels and the organisation's own wording) and outcomes.
"""

from __future__ import annotations

import io
import json
import random
import sys
import time
import tracemalloc
from datetime import date, timedelta
from typing import Any

from bench_check import synthetic

import integriteit
from integriteit.plugins import default_registry
from integriteit.report import FORMATS, annual_report, write_report

CATEGORIES = ["integriteit", "pesten", "Seksuele intimidatie", "(dreigend) arbeidsconflict",
              "ongewenste omgangsvormen onderling", "advies_algemeen", "onveiligheid",
              "financiele_schendingen", "corruptie"]


def register(n: int, seed: int = 2019) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    first = date(2016, 1, 1)
    entries: list[dict[str, Any]] = []
    for i in range(n):
        kind = rnd.choice(["gesprek"] * 5 + ["melding"] * 3 + ["klacht", "misstand"])
        received = first + timedelta(days=rnd.randrange(3650))
        entry: dict[str, Any] = {"id": f"R{i:07d}", "kind": kind,
                                 "received": received.isoformat(),
                                 "channel": rnd.choice(["vertrouwenspersoon_intern",
                                                        "leidinggevende", "werkgever"]),
                                 "categories": rnd.sample(CATEGORIES, rnd.randrange(4))}
        if kind == "misstand":
            entry["acknowledged"] = (received + timedelta(days=rnd.randrange(12))).isoformat()
        if kind != "gesprek" and rnd.random() < 0.3:
            entry["outcome"] = {"investigation": True,
                                "findings": rnd.choice(["gegrond", "ongegrond"]),
                                "measure": rnd.choice(["geen", "berisping"])}
        entries.append(entry)
    return entries


def timed(label: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    t0 = time.perf_counter()
    value = fn(*args, **kwargs)
    print(f"{label:<36} {time.perf_counter() - t0:8.3f} s")
    return value


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    staff = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    data = synthetic(staff)
    data["register"] = register(entries)
    data["category_labels"] = {"(dreigend) arbeidsconflict": "arbeidsconflict",
                               "ongewenste omgangsvormen onderling": "ongewenste_omgangsvormen"}
    text = json.dumps(data)
    print(f"integriteit {integriteit.__version__}, {entries} register entries, {staff} "
          f"employees, {len(text) / 1e6:.1f} MB JSON")
    default_registry()
    doc = timed("load (parse + validate + categories)", integriteit.loads, text)
    report = timed("annual report (5 years + figures)", annual_report, doc, 2025)
    for fmt in FORMATS:
        out = io.StringIO()
        timed(f"write {fmt}", write_report, report, out, fmt, "nl", 5)
    # Memory in a second pass: tracemalloc slows allocation-heavy code many times over.
    tracemalloc.start()
    annual_report(integriteit.loads(text), 2025)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'tracemalloc peak, load + report':<36} {peak / 2**20:8.0f} MiB")


if __name__ == "__main__":
    main()
