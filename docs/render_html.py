"""Render the HTML pages the docs show as pictures: the demo's ``check --format html`` and
the annual reports of the two seed registers (``report --format html``).

Run from the root of a clone, with the package installed and Debian's ``chromium`` (or
Google Chrome) on the PATH::

    .venv/bin/python docs/render_html.py

It writes to ``docs/_static/``: ``demo-html-nl.png`` and ``demo-html-en.png`` (the first
screen of the page, 1000 pixels wide), ``report-zuid-holland-2019-nl.png`` and
``report-groningen-2021-en.png`` (the first 1800 pixels). The docs build does not run it: the
pictures are committed, and made again when a page changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "_static"
SEEDS = Path(__file__).resolve().parent.parent / "tests" / "data" / "seeds"
REPORTS = [("zuid-holland-2019", "2019", "nl"), ("groningen-2021", "2021", "en")]
"""The seed registers whose reports are shown: (name, year, language)."""


def _shoot(browser: str, page: Path, target: Path, size: str) -> None:
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", f"--screenshot={target}", f"--window-size={size}",
                    page.as_uri()], check=True, capture_output=True)
    print(f"{target} ({target.stat().st_size / 1000:.0f} kB)")


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("google-chrome")
    if browser is None:
        print("render_html: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        for lang in ("nl", "en"):
            page = Path(work) / f"demo-{lang}.html"
            subprocess.run([sys.executable, "-m", "integriteit", "demo", "--format", "html",
                            "--lang", lang, "--output", str(page)], check=True)
            _shoot(browser, page, STATIC / f"demo-html-{lang}.png", "1000,1400")
        for name, year, lang in REPORTS:
            page = Path(work) / f"{name}-{lang}.html"
            subprocess.run([sys.executable, "-m", "integriteit", "report",
                            str(SEEDS / f"{name}.json"), "--year", year, "--format", "html",
                            "--lang", lang, "--output", str(page)], check=True)
            _shoot(browser, page, STATIC / f"report-{name}-{lang}.png", "1000,1800")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
