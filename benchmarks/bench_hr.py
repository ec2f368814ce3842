"""Measure the targets of issue 9 with the installed ``integriteit`` command, run by run.

Usage: python benchmarks/bench_hr.py [--sizes 10000,200000,1000000] [--quick]

Every figure comes from a child process of its own: wall time (``time.perf_counter`` around the
child) and the child's peak resident memory (``ru_maxrss`` from ``os.wait4``). On Linux a child's
``ru_maxrss`` also counts the memory of the process that started it (the high-water mark of the
address space it replaced), so this process stays small: a separate child generates the inputs,
and the outputs are never read back. Prints figures and, for each target, whether it is met;
asserts nothing. Exit code 0, also when a target is not met; 2 when a run fails.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import importlib.util
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

HERE = Path(__file__).resolve().parent
AT = "2026-06-01"
"""The reference date of every check (the input's dates run from 2016 to 2025)."""
DEFAULT_SIZES = (10_000, 200_000, 1_000_000)
QUICK_SIZES = (1_000, 2_000)
EXPORT_COLUMNS = ("id", "naam", "bsn", "start", "employment", "end", "oath_date", "oath_form")
"""The CSV export's header: the field names, plus ``naam`` and ``bsn``, which the reader ignores."""

FLAT_WITHIN = 0.20
"""Time per employee at the largest size within this fraction of that at the smallest."""
EXPORT_PEAK_MB = 500.0
"""Peak memory of the check from the CSV export, at 1,000,000 employees."""
PEAK_VS_LOAD = 1.5
"""Peak memory of the check at most this multiple of that of ``json.load`` of the document."""
HELP_MS = 150.0
"""``integriteit --help``, best of :data:`HELP_REPEAT` wall times."""
HELP_REPEAT = 5
SPEEDUP = 3.0
"""``check --format json`` with every rule at least this many times faster than the oath rule
alone in rule-engine (the aim is 5)."""

TARGET_LABELS = ("time per employee flat", "CSV export peak memory", "check peak / json.load peak",
                 "--help wall time", "rule-engine baseline")
"""The target lines, in the order printed (the test looks for each)."""

FIRST_NAMES = ("Anouk", "Bram", "Daan", "Emma", "Fatima", "Gijs", "Hanna", "Ilse", "Jeroen",
               "Lotte", "Mohammed", "Noor", "Özlem", "Pieter", "Sanne", "Thijs", "Yara", "Zoë")
LAST_NAMES = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "El Idrissi", "Yılmaz", "Çelik")

JSON_LOAD = "import json, sys\nwith open(sys.argv[1], encoding='utf-8') as f:\n    json.load(f)\n"
"""The child that only loads the largest document."""

BASELINE = '''\
"""The oath rule alone, evaluated with rule-engine: the baseline of bench_hr.py."""
import datetime
import json
import sys

import rule_engine
from dateutil.relativedelta import relativedelta

source, target, at = sys.argv[1:4]
AT = f'd"{at}"'
# One rule, one ternary expression; the deadline (start + 2 months) comes with the thing.
rule = rule_engine.Rule(
    f'(employment != "ambtenaar" or start > {AT}) ? "not_applicable" '
    f': ((oath != null and oath <= {AT}) '
    '? ((oath < start or (end != null and oath > end)) ? "invalid" '
    ': (oath <= deadline ? "ok" : "late")) '
    f': ({AT} <= deadline ? "due" : "overdue"))',
    context=rule_engine.Context(default_timezone="utc"),
)
parse = datetime.datetime.fromisoformat
term = relativedelta(months=2)
deadlines = {}
with open(source, encoding="utf-8") as f:
    employees = json.load(f)["employees"]
with open(target, "w", encoding="utf-8") as out:
    for e in employees:
        start = parse(e["start"])
        deadline = deadlines.get(start)
        if deadline is None:
            deadline = deadlines[start] = start + term
        oath = e.get("oath")
        end = e.get("end")
        thing = {"employment": e["employment"], "start": start, "deadline": deadline,
                 "oath": parse(oath["date"]) if oath is not None else None,
                 "end": parse(end) if end is not None else None}
        status = rule.evaluate(thing)
        due = None if status == "not_applicable" else deadline.date().isoformat()
        out.write(json.dumps({"rule": "ambtenarenwet.eed", "subject": e["id"],
                              "status": status, "due": due}, separators=(",", ":")))
        out.write("\\n")
'''
"""The baseline, written to the temporary directory and run as a child like the others."""


# --- inputs (made in a child process of their own) --------------------------------------------


def doc_path(work: Path, n: int) -> Path:
    return work / f"doc-{n}.json"


def export_path(work: Path, n: int) -> Path:
    return work / f"export-{n}.csv"


def org_path(work: Path) -> Path:
    return work / "org.json"


def fictitious_bsn(rnd: random.Random) -> str:
    """Nine digits that fail the elfproef, so they are no one's burgerservicenummer."""
    digits = [rnd.randrange(10) for _ in range(8)]
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True))
    last = rnd.randrange(10)
    if (total - last) % 11 == 0:
        last = (last + 1) % 10
    return "".join(map(str, digits)) + str(last)


def write_export(path: Path, employees: Sequence[dict[str, Any]], seed: int = 2031) -> None:
    """The employees as an HR export: one CSV row each, with a fictitious name and BSN."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(EXPORT_COLUMNS)
        for e in employees:
            oath = e.get("oath") or {}
            out.writerow((e["id"], f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}",
                          fictitious_bsn(rnd), e["start"], e["employment"], e.get("end", ""),
                          oath.get("date", ""), oath.get("form", "")))


def generate(work: Path, sizes: Sequence[int]) -> None:
    """A JSON document per size; for the largest also the CSV export and the document without
    employees that goes with it."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    from bench_check import synthetic

    largest = max(sizes)
    for n in sizes:
        doc = synthetic(n)
        with doc_path(work, n).open("w", encoding="utf-8") as f:
            json.dump(doc, f)
        if n == largest:
            write_export(export_path(work, n), cast("list[dict[str, Any]]", doc["employees"]))
            org_path(work).write_text(json.dumps({"organisation": doc["organisation"]}),
                                      encoding="utf-8")
        del doc


# --- runs ------------------------------------------------------------------------------------


class RunFailed(Exception):
    """A child exited with something other than 0 or 1, or could not start."""


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mb: float
    output_mb: float


def megabytes(maxrss: int) -> float:
    """``ru_maxrss`` in MB (10^6 bytes): kibibytes on Linux, bytes on macOS."""
    return maxrss * (1 if sys.platform == "darwin" else 1024) / 1e6


def stderr_head(path: Path, lines: int = 3) -> str:
    """The first lines of a child's standard error, and its last (where argparse and a
    traceback say what went wrong), on one line."""
    with path.open("rb") as f:
        text = f.read(1_000_000).decode("utf-8", "replace")
    shown = [line.strip() for line in text.splitlines() if line.strip()]
    if len(shown) > lines:
        shown = [*shown[:lines], "...", shown[-1]]
    return " | ".join(shown) if shown else "nothing on stderr"


def measure(argv: Sequence[str], shown: str, work: Path) -> Measured:
    """Run one child to its end: wall time, its peak memory and the size of its output."""
    out, err = work / "run.out", work / "run.err"
    try:
        with out.open("wb") as fout, err.open("wb") as ferr:
            t0 = time.perf_counter()
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=fout, stderr=ferr)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - t0
    except OSError as exc:
        raise RunFailed(f"{shown}: could not start: {exc}") from exc
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1 is the check's "something is overdue", a normal outcome here
        raise RunFailed(f"{shown}: exit code {code}: {stderr_head(err)}")
    measured = Measured(seconds, megabytes(usage.ru_maxrss), out.stat().st_size / 1e6)
    out.unlink()
    err.unlink()
    return measured


# --- report ----------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gb() -> str:
    try:
        return f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 1e9:.0f} GB RAM"
    except (ValueError, OSError, AttributeError):
        return "RAM unknown"


def row(key: str, what: str, n: int | None, m: Measured) -> None:
    count = f"{n:>10,}" if n is not None else f"{'':>10}"
    per = f"{m.seconds / n * 1e6:>8.1f}" if n else f"{'':>8}"
    print(f"{key:<3}{what:<43}{count}{m.seconds:>9.3f}{per}{m.peak_mb:>9.0f}{m.output_mb:>10.1f}",
          flush=True)


def target(label: str, measured: str, goal: str, met: bool | None) -> None:
    verdict = {True: "met", False: "NOT met", None: "-"}[met]
    print(f"  {label:<30}{measured:<50} {goal:<23} {verdict}", flush=True)


def parse_sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of whole numbers: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"sizes must be 1 or more: {text!r}")
    return tuple(sizes)


SPEED_REPEAT = 3
"""Runs a (with and without --jobs) and b, taken turn about, the best of each kept."""

SHORT_REPEAT = 5
SHORT_UP_TO = 20_000
"""Runs of up to this many employees (and the run without employees) are measured
SHORT_REPEAT times, the best kept."""


def compiled_line() -> str:
    """Compile the package's modules to bytecode, as ``pip install`` does (an editable
    install, or ``PYTHONDONTWRITEBYTECODE``, would otherwise have every child compile them
    again: start-up as a user never sees it; rule-engine's are compiled by its install)."""
    spec = importlib.util.find_spec("integriteit")
    if spec is None or spec.origin is None:
        return "bytecode: integriteit not found"
    package = Path(spec.origin).parent
    ok = compileall.compile_dir(package, quiet=1)
    return f"bytecode: {package} compiled{'' if ok else ' (with errors)'}"


def default_jobs() -> int:
    """The processes ``check`` uses without ``--jobs`` (see integriteit._parallel)."""
    from integriteit._parallel import available_jobs, can_fork

    return available_jobs() if can_fork() else 1


def benchmark(sizes: tuple[int, ...], work: Path) -> None:
    exe = Path(sys.executable)
    cli = exe.parent / "integriteit"
    if not cli.exists():
        raise RunFailed(f"{cli}: not found; install the package in this environment "
                        "(pip install -e .)")
    smallest, largest = sizes[0], sizes[-1]
    middle = 200_000 if 200_000 in sizes else sizes[len(sizes) // 2]
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True,
                             check=False).stdout.strip()

    def check(*args: str) -> Measured:
        shown = " ".join(["integriteit", "check", *(Path(a).name if a.startswith(str(work))
                                                     else a for a in args), "--at", AT])
        return measure([str(cli), "check", *args, "--at", AT], shown, work)

    print(f"{version or 'integriteit'} ({cli}), reference date {AT}")
    print(f"machine: {os.cpu_count()} CPUs ({cpu_model()}), {memory_gb()}, {platform.platform()}, "
          f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"sizes: {', '.join(f'{n:,}' for n in sizes)} employees; generating the inputs ...",
          flush=True)
    t0 = time.perf_counter()
    gen = subprocess.run([str(exe), str(Path(__file__).resolve()), "--generate", str(work),
                          "--sizes", ",".join(map(str, sizes))],
                         capture_output=True, text=True, check=False)
    if gen.returncode != 0:
        head = " | ".join(gen.stderr.strip().splitlines()[-3:]) or "nothing on stderr"
        raise RunFailed(f"generating the inputs: exit code {gen.returncode}: {head}")
    inputs = [*(doc_path(work, n) for n in sizes), export_path(work, largest)]
    print(f"inputs in {time.perf_counter() - t0:.1f} s: "
          + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in inputs))
    print()
    print(compiled_line())
    print()
    print(f"{'run':<46}{'employees':>10}{'wall s':>9}{'µs/emp':>8}{'peak MB':>9}{'output MB':>10}")

    # The comparison is taken turn about, SPEED_REPEAT times, the best of each kept: noise
    # from the machine then falls on both sides alike.
    script = work / "baseline_rule_engine.py"
    script.write_text(BASELINE, encoding="utf-8")
    have_baseline = importlib.util.find_spec("rule_engine") is not None
    runs: dict[str, list[Measured]] = {"a": [], "one": [], "b": []}
    for _ in range(SPEED_REPEAT):
        runs["a"].append(check(str(doc_path(work, middle)), "--format", "json"))
        runs["one"].append(check(str(doc_path(work, middle)), "--format", "json",
                                 "--jobs", "1"))
        if have_baseline:
            runs["b"].append(measure([str(exe), str(script), str(doc_path(work, middle)),
                                      str(work / "run.out"), AT],
                                     f"python {script.name} {doc_path(work, middle).name}",
                                     work))
    a = min(runs["a"], key=lambda m: m.seconds)
    one = min(runs["one"], key=lambda m: m.seconds)
    each = f"best of {SPEED_REPEAT}"
    row("a", f"check --format json ({default_jobs()} jobs, {each})", middle, a)
    row("a", f"check --format json --jobs 1 ({each})", middle, one)
    baseline: Measured | None = None
    if have_baseline:
        baseline = min(runs["b"], key=lambda m: m.seconds)
        row("b", f"rule-engine, oath rule only ({each})", middle, baseline)
    else:
        print("b  rule-engine baseline skipped: rule_engine is not importable; the baseline "
              "needs `pip install rule-engine` (see benchmarks/README.md)", flush=True)

    # Short runs (the one without employees, and the sizes up to SHORT_UP_TO) are taken turn
    # about, SHORT_REPEAT times, the best of each kept: at 10,000 employees a tenth of a
    # second of noise on this machine would be half the figure net of start-up.
    short = [n for n in sizes if n <= SHORT_UP_TO]
    tries: dict[int | None, list[Measured]] = {None: [], **{n: [] for n in short}}
    for _ in range(SHORT_REPEAT):
        tries[None].append(check(str(org_path(work)), "--format", "json"))
        for n in short:
            tries[n].append(check(str(doc_path(work, n)), "--format", "json"))
    fixed = min(tries[None], key=lambda m: m.seconds)
    row("c", f"check --format json, no employees (best of {SHORT_REPEAT})", None, fixed)
    per_size: dict[int, Measured] = {}
    for n in sizes:
        if n in tries:
            per_size[n] = min(tries[n], key=lambda m: m.seconds)
            row("c", f"check --format json (all rules, best of {SHORT_REPEAT})", n,
                per_size[n])
        else:
            per_size[n] = check(str(doc_path(work, n)), "--format", "json")
            row("c", "check --format json (all rules)", n, per_size[n])

    export = check(str(org_path(work)), "--employees", str(export_path(work, largest)),
                   "--format", "jsonl")
    row("d", "check ORG --employees CSV --format jsonl", largest, export)

    load = measure([str(exe), "-c", JSON_LOAD, str(doc_path(work, largest))],
                   f"python -c json.load {doc_path(work, largest).name}", work)
    row("e", "json.load of the document only", largest, load)
    checked = check(str(doc_path(work, largest)), "--format", "json")
    row("e", "check --format json (all rules)", largest, checked)

    helps = [measure([str(cli), "--help"], "integriteit --help", work)
             for _ in range(HELP_REPEAT)]
    best = min(helps, key=lambda m: m.seconds)
    row("f", f"integriteit --help (best of {HELP_REPEAT})", None, best)

    own = megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print(f"(peak MB of a child includes this process's own peak, {own:.0f} MB; 1 MB = 10^6 bytes)")
    print()
    print("targets")
    # Per employee, net of what a run costs without employees (start-up, rules, header): the
    # cost that grows with the export. Gross figures are in the table above.
    net = {n: (per_size[n].seconds - fixed.seconds) / n * 1e6 for n in per_size}
    deviation = net[largest] / net[smallest] - 1
    target(TARGET_LABELS[0], f"{deviation:+.1%} ({net[largest]:.1f} µs at {largest:,} vs "
           f"{net[smallest]:.1f} at {smallest:,}, net of the {fixed.seconds:.2f} s run "
           f"without employees)", f"within ±{FLAT_WITHIN:.0%}", abs(deviation) <= FLAT_WITHIN)
    print(f"  {'':<30}(net µs per employee: " + ", ".join(
        f"{net[n]:.1f} at {n:,}" for n in sorted(net)) + ")")
    target(TARGET_LABELS[1], f"{export.peak_mb:.0f} MB at {largest:,}",
           f"< {EXPORT_PEAK_MB:.0f} MB at 1,000,000", export.peak_mb < EXPORT_PEAK_MB)
    ratio = checked.peak_mb / load.peak_mb
    target(TARGET_LABELS[2], f"{ratio:.2f} ({checked.peak_mb:.0f} MB / {load.peak_mb:.0f} MB)",
           f"<= {PEAK_VS_LOAD}", ratio <= PEAK_VS_LOAD)
    target(TARGET_LABELS[3], f"{best.seconds * 1000:.0f} ms (best of {HELP_REPEAT})",
           f"< {HELP_MS:.0f} ms", best.seconds * 1000 < HELP_MS)
    if baseline is None:
        target(TARGET_LABELS[4], "skipped (pip install rule-engine)",
               f">= {SPEEDUP:.0f}x faster", None)
    else:
        speedup = baseline.seconds / a.seconds
        target(TARGET_LABELS[4], f"{speedup:.2f}x faster ({a.seconds:.2f} s all rules vs "
               f"{baseline.seconds:.2f} s oath rule in rule-engine)",
               f">= {SPEEDUP:.0f}x faster (aim 5x)", speedup >= SPEEDUP)
        print(f"  {'':<30}(one process, --jobs 1: {baseline.seconds / one.seconds:.2f}x, "
              f"{one.seconds:.2f} s)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--sizes", type=parse_sizes, default=DEFAULT_SIZES,
                       help="employee counts, comma-separated (default: 10000,200000,1000000)")
    which.add_argument("--quick", action="store_true",
                       help=f"sizes {QUICK_SIZES[0]} and {QUICK_SIZES[1]} only (for the tests)")
    parser.add_argument("--generate", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes: tuple[int, ...] = QUICK_SIZES if args.quick else args.sizes
    if args.generate:
        generate(Path(args.generate), sizes)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_hr-") as tmp:
        try:
            benchmark(sizes, Path(tmp))
        except RunFailed as exc:
            print(f"bench_hr: run failed: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
