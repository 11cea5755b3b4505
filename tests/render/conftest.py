"""A headless Chromium with the network off, for the HTML outputs (Debian's ``chromium``,
driven by Playwright; ``scripts/install-tex.sh`` installs it)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

#: Flags that keep Chromium from calling home on a machine without a network.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass(frozen=True)
class Shown:
    """What a reader sees of a page: its visible text, the formulas MathJax typeset (each an
    SVG), every request that left the page's folder (all refused), and a screenshot."""

    text: str
    formulas: int
    svg_formulas: int
    errors: int
    outside: list[str]
    screenshot: Path


@pytest.fixture(scope="session")
def offline_browser(tmp_path_factory) -> Iterator[Callable[[Path], Shown]]:
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (scripts/install-tex.sh installs Debian's)")
    shots = tmp_path_factory.mktemp("screenshots")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        context = browser.new_context(offline=True, viewport={"width": 1100, "height": 1400})

        def show(page_path: Path) -> Shown:
            folder = page_path.parent.resolve().as_uri()
            outside: list[str] = []

            def route(r):  # the page's own folder only: anything else is refused and noted
                if r.request.url.startswith(folder + "/"):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            page = context.new_page()
            page.route("**/*", route)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_function("() => window.MathJax && MathJax.startup && "
                                   "MathJax.startup.promise", timeout=30_000)
            page.evaluate("() => MathJax.startup.promise")
            shot = shots / f"{page_path.stem}.png"
            page.screenshot(path=str(shot), full_page=False)
            shown = Shown(text=page.inner_text("body"),
                          formulas=page.locator("mjx-container").count(),
                          svg_formulas=page.locator("mjx-container:has(svg)").count(),
                          errors=page.locator("mjx-merror").count(),
                          outside=outside, screenshot=shot)
            page.close()
            return shown

        yield show
        browser.close()
