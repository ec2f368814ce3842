"""Run ``integriteit`` command lines inside the doctest builder, as a terminal would show them.

The docs show console sessions; ``shell`` runs the same commands in-process, in a scratch directory
that holds ``example.json`` (the bundled demo document), ``mistakes.json`` (a document with
input errors) and ``policy.json`` (a document with policy values that change over time), the
last two from ``_data/``, and the HR export of ``examples/`` (``personeel.csv``,
``kolommen.toml``) with ``organisatie.json``, the organisation it belongs to. It prints each
command after ``$``, then its output (stdout and stderr), so a ``testoutput`` block checks what
the docs claim. ``echo $?`` prints the exit code.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shlex
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

from integriteit.cli import main

_SCRATCH = Path(tempfile.mkdtemp(prefix="integriteit-docs-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)
_DEMO = resources.files("integriteit").joinpath("data/demo.json").read_text("utf-8")
(_SCRATCH / "example.json").write_text(_DEMO, encoding="utf-8")
for _name in ("mistakes.json", "policy.json"):
    shutil.copy(Path(__file__).with_name("_data") / _name, _SCRATCH / _name)
# The HR export of examples/ with its mapping, and the organisation it belongs to.
for _name in ("personeel.csv", "kolommen.toml"):
    shutil.copy(Path(__file__).resolve().parent.parent / "examples" / _name, _SCRATCH / _name)
(_SCRATCH / "organisatie.json").write_text(
    '{"organisation": {"name": "Gemeente Voorbeeld", "kind": "gemeente", "headcount": 15}}\n',
    encoding="utf-8")


def _run(argv: list[str]) -> int:
    stdin = None
    if "<" in argv:
        i = argv.index("<")
        stdin, argv = argv[i + 1], argv[:i]
    saved_stdin = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = (_SCRATCH / stdin).open(encoding="utf-8")
        with contextlib.redirect_stderr(sys.stdout):
            try:
                return main(argv)
            except SystemExit as exc:  # argparse: usage errors and --help
                return exc.code if isinstance(exc.code, int) else 2
    finally:
        if sys.stdin is not saved_stdin:
            sys.stdin.close()
        sys.stdin = saved_stdin


def shell(*commands: str) -> None:
    """Print ``$ command`` and its output for each command, as a console session shows them."""
    cwd = Path.cwd()
    os.chdir(_SCRATCH)
    try:
        status = 0
        for command in commands:
            print(f"$ {command}")
            sys.stdout.flush()
            argv = shlex.split(command)
            if argv == ["echo", "$?"]:
                print(status)
                continue
            if argv[0] != "integriteit":
                raise ValueError(f"only integriteit commands can run here: {command}")
            status = _run(argv[1:])
    finally:
        os.chdir(cwd)
