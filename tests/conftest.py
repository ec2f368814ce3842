"""Shared test setup: a hypothesis profile that keeps the suite fast and free of timing flakes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# deadline=None: the first example of a test pays for imports and registry loading.
settings.register_profile(
    "integriteit",
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("integriteit")


@pytest.fixture(autouse=True)
def _dutch_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as on a machine without a language setting (the command's default,
    Dutch, applies), whatever the developer's locale; a test that wants one sets it."""
    for name in ("INTEGRITEIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run's language English through the environment (``INTEGRITEIT_LANG``), for tests
    of help and usage errors written in English."""
    monkeypatch.setenv("INTEGRITEIT_LANG", "en")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The bundled example document written to a file, as ``integriteit demo --print-input``
    gives it."""
    from integriteit.api import example_text

    path = tmp_path / "demo.json"
    path.write_text(example_text(), encoding="utf-8")
    return path

