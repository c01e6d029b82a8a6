"""What the browser tests share: `casefile serve` on the demo case, Debian's headless Chromium driven
by Playwright, and a tab that fails its test on any script error or CSP violation. A module that
imports these is skipped (naming what is missing) without playwright or chromium."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.web_cases import CHROMIUM, CHROMIUM_ARGS, Server, demo_case

playwright = pytest.importorskip("playwright.sync_api")
if not os.path.exists(CHROMIUM):
    pytest.skip("needs Debian's chromium (.ci/run installs it: apt-get install chromium)", allow_module_level=True)
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with Server(demo_case()) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextmanager
def tab(browser: Any, **options: Any) -> Iterator[Any]:
    """A page in a fresh context; after the test, no script errors and no CSP violations."""
    context = browser.new_context(**options)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        yield pg
    finally:
        context.close()
    assert not errors, errors


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    with tab(browser, viewport={"width": 1360, "height": 1000}, accept_downloads=True) as pg:
        yield pg
