"""Sphinx configuration for the integriteit documentation.

Only Sphinx's built-in extensions, one local extension (``_ext/integriteit_rules.py``: the
rule and parameter tables, rendered from the registry) and the default theme, and nothing that
needs the network.
Build (warnings are errors) and run every example in the docs and in the docstrings::

    sphinx-build -W --keep-going -b html docs docs/_build/html
    sphinx-build -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
# The checkout's own source first, so the docs describe this tree even when another version of
# the package is installed; this folder, for the doctest helper ``console``; and ``_ext``, for
# the extension that renders the rules and policy parameters from the registry.
sys.path[:0] = [str(DOCS.parent / "src"), str(DOCS), str(DOCS / "_ext")]

import integriteit  # noqa: E402

project = "integriteit"
author = "The integriteit developers"
copyright = "The integriteit developers"
release = integriteit.__version__
version = ".".join(release.split(".")[:2])

extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest", "integriteit_rules"]

exclude_patterns = ["_build"]
language = "en"
html_theme = "alabaster"
html_theme_options = {
    "description": "Integrity obligations of Dutch public employers as typed, dated rules",
    "fixed_sidebar": True,
}
html_static_path: list[str] = []

# --- autodoc ---------------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": False}
autodoc_class_signature = "mixed"

# --- doctest ---------------------------------------------------------------------------------
# Every ``>>>`` block runs: in these pages and in the docstrings that autodoc pulls in. The
# docstrings are written to run in their module, so the public names are in scope, as there.
doctest_global_setup = """
import integriteit
from integriteit import *
from console import shell
"""

# --- a guard: every public name is documented on the API page ----------------------------------

_NOT_ON_API_PAGE = {"__version__"}


def _check_public_api_documented(app: Any, env: Any) -> None:
    """Warn (an error under -W) when a name in ``integriteit.__all__`` is not documented."""
    from sphinx.util import logging

    documented = set(env.get_domain("py").objects)
    missing = [
        name for name in integriteit.__all__
        if name not in _NOT_ON_API_PAGE and f"integriteit.{name}" not in documented
    ]
    if missing:
        logging.getLogger(__name__).warning(
            "public names not documented in api.rst: %s", ", ".join(missing)
        )


def setup(app: Any) -> dict[str, Any]:
    app.connect("env-check-consistency", _check_public_api_documented)
    return {"parallel_read_safe": True}
