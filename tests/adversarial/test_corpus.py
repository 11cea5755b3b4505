"""Run the adversarial corpus (``corpus.py``): every false derivation is refused or fails, every
true one is accepted at ``symbolic`` grade."""

from __future__ import annotations

import re

import pytest

from derivations import AuthoringError, DerivationError, Evidence, check_all
from tests.adversarial import (  # noqa: F401  (each registers its cases)
    cases_bounds,
    cases_conventions,
    cases_declarations,
    cases_definitions,
    cases_extra_algebra,
    cases_extra_citations,
    cases_extra_conventions,
    cases_extra_definitions,
    cases_extra_family,
    cases_extra_numeric,
    cases_extra_optimisers,
    cases_extra_printing,
    cases_extra_undisplayed,
    cases_family,
    cases_numeric,
    cases_printing,
    cases_redteam,
    cases_singular_points,
    cases_undisplayed,
    cases_zero_log_zero,
)
from tests.adversarial.corpus import CASES, Case


def _outcome(case: Case) -> tuple[str, str]:
    """("refused", message), ("fails", reasons) or ("accepted", grades) for one case."""
    try:
        built = case.build()
    except (DerivationError, TypeError, ValueError) as exc:  # misuse of the API refuses too
        return "refused", str(exc)
    given = list(built) if isinstance(built, (list, tuple)) else [built]
    try:
        result = check_all(given)[-1]  # a file's last derivation is its claim
    except AuthoringError as exc:
        return "refused", str(exc)
    reasons = [*result.problems, *(f"step {s.index}: {s.reason}" for s in result.steps
                                   if not s.ok)]
    reasons += [c.reason for c in result.implementations if not c.ok]
    if result.ok and all(s.evidence is Evidence.SYMBOLIC for s in result.steps):
        return "accepted", "all symbolic"
    if result.ok:
        return "weak", ", ".join(str(s.evidence) for s in result.steps)
    return "fails", "; ".join(reasons)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.route}-{c.name}" for c in CASES])
def test_case(case: Case) -> None:
    got, detail = _outcome(case)
    if case.expect == "accepted":
        assert got == "accepted", detail
        return
    assert got in ({"refused"} if case.expect == "refused" else {"refused", "fails"}), \
        f"a false derivation was {got}: {detail}"
    if case.why:
        assert re.search(case.why, detail), detail
