"""Shared test setup: a hypothesis profile that keeps the suite fast and free of timing flakes."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# deadline=None: the first example of a test pays for imports and registry loading.
settings.register_profile(
    "integriteit",
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("integriteit")
