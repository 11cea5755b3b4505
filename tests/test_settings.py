"""CheckSettings: one frozen object of every knob, unknown names refused, every field keyed."""

from __future__ import annotations

import dataclasses

import pytest

from derivations import CheckSettings
from derivations.settings import DEFAULT


def test_the_defaults_are_those_of_the_command_line():
    assert DEFAULT == CheckSettings()
    assert (DEFAULT.step_budget, DEFAULT.hunt_points, DEFAULT.min_agreement, DEFAULT.digits,
            DEFAULT.sized_sizes) == (60.0, 24, 8, 60, (1, 2, 3))


def test_an_unknown_setting_is_a_type_error():
    with pytest.raises(TypeError, match="unexpected keyword argument 'points'"):
        CheckSettings(points=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"unknown check setting\(s\) 'points', 'tolerance'; "
                                        r"the settings are code_magnitudes, "):
        DEFAULT.replace(points=3, tolerance=1e-3)


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.hunt_points = 1  # type: ignore[misc]


@pytest.mark.parametrize("changes, message", [
    ({"hunt_points": -1}, "hunt_points is an integer >= 0, not -1"),
    ({"digits": 60.5}, "digits is an integer >= 0, not 60.5"),
    ({"min_agreement": True}, "min_agreement is an integer >= 0, not True"),
    ({"step_budget": -1.0}, "step_budget is seconds >= 0 or None, not -1.0"),
    ({"sized_sizes": ()}, r"sized_sizes is a non-empty tuple of sizes >= 1, not \(\)"),
    ({"code_sizes": (0, 1)}, r"code_sizes is a non-empty tuple of sizes >= 1, not \(0, 1\)"),
    ({"code_tolerance": 0.0}, r"code_tolerance is a float in \(0, 1\), not 0.0"),
    ({"tolerance_digits": 60}, "tolerance_digits must be below digits"),
])
def test_an_impossible_value_is_a_value_error(changes, message):
    with pytest.raises(ValueError, match=message):
        DEFAULT.replace(**changes)


def test_replace_leaves_the_original_alone():
    thorough = DEFAULT.replace(hunt_points=100)
    assert thorough.hunt_points == 100 and DEFAULT.hunt_points == 24


def test_the_fingerprint_names_every_field_and_tells_settings_apart():
    text = DEFAULT.fingerprint()
    assert [f"{f.name}=" in text for f in dataclasses.fields(CheckSettings)] == [True] * len(
        dataclasses.fields(CheckSettings))
    assert DEFAULT.replace(hunt_points=25).fingerprint() != text
    assert CheckSettings().fingerprint() == text


def test_no_module_of_the_package_keeps_an_upper_case_knob_that_checking_reads():
    """Settings live in CheckSettings only: no verdict module offers a public module-level
    number for a caller to rebind at run time (the old design keyed such globals by naming
    convention). Private constants (``_ROUNDS``) are the code's own, fixed, and in the cache key
    through the code digest."""
    import ast
    from pathlib import Path

    import derivations

    package = Path(derivations.__file__).parent
    knobs = []
    for layer in ("kernel", "rules", "evidence", "checking"):
        for path in sorted((package / layer).rglob("*.py")):
            for node in ast.parse(path.read_text()).body:
                if isinstance(node, (ast.Assign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        name = getattr(target, "id", "")
                        value = node.value
                        if (name.isupper() and not name.startswith("_")
                                and isinstance(value, ast.Constant)
                                and isinstance(value.value, (int, float))
                                and not isinstance(value.value, bool)):
                            knobs.append(f"{path.relative_to(package)}: {name}")
    # the cache's storage constants decide no verdict: the layout of the file, how long a
    # writer waits, how often opening is retried, how many checked derivations a long-running
    # process (derivations watch) keeps in memory
    assert knobs == ["checking/key.py: LAYOUT", "checking/store.py: BUSY_TIMEOUT_MS",
                     "checking/store.py: OPEN_ATTEMPTS", "checking/store.py: PARTS_KEPT"]
