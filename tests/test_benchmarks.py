"""The benchmark script runs to its end on small sizes and prints every target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH_HR = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_hr.py"
TARGETS = ("time per employee flat", "CSV export peak memory", "check peak / json.load peak",
           "--help wall time", "rule-engine baseline")


def test_bench_hr_quick_prints_every_target() -> None:
    """bench_hr.py --quick exits 0 and prints a line for each target, rule-engine or not."""
    proc = subprocess.run([sys.executable, str(BENCH_HR), "--quick"], capture_output=True,
                          text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    for label in TARGETS:
        assert any(line.strip().startswith(label) for line in lines), label
