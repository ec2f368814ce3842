"""The scripts in examples/ run and show what they say they show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def run_example(name: str) -> str:
    proc = subprocess.run([sys.executable, str(EXAMPLES / name)], capture_output=True,
                          text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


def test_every_example_script_is_covered() -> None:
    """Each example script has a test below, so a new one cannot go untested (the plugin
    package ``examples/noordkust`` is installed and run by ``test_plugin_package.py``)."""
    assert [p.name for p in SCRIPTS] == ["embed_check.py", "hr_form.py"]


def test_embed_check_lists_the_open_and_late_oaths() -> None:
    """The embedding example prints the overdue, due and late employees with their sources."""
    out = run_example("embed_check.py")
    assert "G-0002: overdue (due 2026-02-28)" in out
    assert "G-0003: due (due 2026-11-30)" in out
    assert "G-0005: late (due 2026-08-04)" in out
    assert "Ambtenarenwet 2017 (BWBR0001947) art. 5(1)(a) and art. 7" in out
    assert "with a 2-month term:" in out


def test_hr_form_shows_findings_and_field_errors() -> None:
    """The HR-form example validates one record at a time, errors naming the field."""
    out = run_example("hr_form.py")
    assert "overdue: Geen eed of belofte afgelegd" in out
    assert "employee.start: \"2026-02-30\" is geen geldige datum" in out
    assert "ok: Afgelegd (belofte) op 2026-01-05" in out
