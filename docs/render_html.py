"""Render the demo's ``--format html`` page to the PNG that the docs show.

Run from the root of a clone, with the package installed and Debian's ``chromium`` (or
Google Chrome) on the PATH::

    .venv/bin/python docs/render_html.py

It writes ``docs/_static/demo-html-nl.png`` and ``docs/_static/demo-html-en.png`` (the first
screen of the page, 1000 pixels wide). The docs build does not run it: the pictures are
committed, and made again when the page changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "_static"


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
            target = STATIC / f"demo-html-{lang}.png"
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                            "--hide-scrollbars", f"--screenshot={target}",
                            "--window-size=1000,1400", page.as_uri()],
                           check=True, capture_output=True)
            print(f"{target} ({target.stat().st_size / 1000:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
