"""Shared test settings: the verdict cache of every test lives in that test's own directory, so
no test reads a verdict another one stored, and nothing is written to ``~/.cache``; and the
checking code's constants are recorded before any test patches one (as the loader does before
an author's file runs), so that a patch restored by one test does not distrust the others."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_verdict_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path_factory.mktemp("verdict-cache")))


@pytest.fixture(autouse=True, scope="session")
def _checking_code_baseline():
    from derivations.checking import integrity

    integrity.baseline()


def pytest_collection_modifyitems(config, items):
    """The mutation harness first: it runs for minutes in one worker (and its own two
    processes), so started last it alone decides when the suite ends; started first, the other
    worker runs the rest beside it."""
    items.sort(key=lambda item: not item.nodeid.startswith("tests/test_mutation.py"))
