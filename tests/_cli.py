"""The command run in this process, for tests: exit code, standard output, standard error."""

from __future__ import annotations

import io

from integriteit.cli import _run


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``integriteit ARGV...`` in this process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = _run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()
