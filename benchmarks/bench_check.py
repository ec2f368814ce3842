"""Measure load, check and export time and peak memory on a synthetic HR export.

Usage: python benchmarks/bench_check.py [N] (default 200000 employees). Prints figures; asserts
nothing. The document mixes employment kinds, start dates over ten years, and oath outcomes.
"""

from __future__ import annotations

import io
import json
import random
import sys
import time
import tracemalloc
from datetime import date, timedelta

import integriteit
from integriteit.plugins import default_registry


def synthetic(n: int, seed: int = 2017) -> dict[str, object]:
    """A document of ``n`` employees, deterministic for a seed."""
    rnd = random.Random(seed)
    first = date(2016, 1, 1)
    kinds = ["ambtenaar"] * 17 + ["inhuur", "uitzendkracht", "gedetacheerd"]
    employees = []
    for i in range(n):
        start = first + timedelta(days=rnd.randrange(3650))
        emp: dict[str, object] = {"id": f"E{i:07d}", "start": start.isoformat(),
                                  "employment": rnd.choice(kinds)}
        r = rnd.random()
        if r < 0.8:
            oath = start + timedelta(days=rnd.randrange(-2, 120))
            emp["oath"] = {"date": oath.isoformat(), "form": rnd.choice(["eed", "belofte"])}
        if rnd.random() < 0.1:
            emp["end"] = (start + timedelta(days=rnd.randrange(30, 2000))).isoformat()
        employees.append(emp)
    return {"organisation": {"name": "Ministerie van Voorbeelden", "kind": "rijk",
                             "headcount": n}, "employees": employees}


def timed(label: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    value = fn(*args, **kwargs)
    print(f"{label:<32} {time.perf_counter() - t0:8.3f} s")
    return value


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    text = json.dumps(synthetic(n))
    print(f"integriteit {integriteit.__version__}, {n} employees, {len(text) / 1e6:.1f} MB JSON")
    default_registry()  # plugin discovery is one-off start-up, not per document
    doc = timed("load (parse + validate)", integriteit.loads, text)
    at = date(2026, 6, 1)
    result = timed("check (all rules)", integriteit.check, doc, at)
    registry = default_registry()
    for fmt in ("json", "text"):
        out = io.StringIO()
        timed(f"export {fmt}", registry.exporter(fmt).write, result, out, "nl")
        print(f"{'':<32} {len(out.getvalue()) / 1e6:8.1f} MB")
    tracemalloc.start()
    doc = integriteit.loads(text)
    result = integriteit.check(doc, at)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'peak memory load + check':<32} {peak / 2**20:8.1f} MiB (tracemalloc)")
    print("counts:", {s.value: c for s, c in result.counts().items()})


if __name__ == "__main__":
    main()
