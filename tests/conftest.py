"""Shared test settings: the verdict cache of every test lives in that test's own directory, so
no test reads a verdict another one stored, and nothing is written to ``~/.cache``."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_verdict_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path_factory.mktemp("verdict-cache")))
