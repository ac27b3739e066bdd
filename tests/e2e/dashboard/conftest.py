"""The dashboard's fixtures: the demo data of `make run DEMO=1` (seeded once for the module, through
the API, on the test stack) and a headless chromium whose downloads land in a folder of its own."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from libs.testing.api import Api
from tools.devstack.demo import DemoData, seed
from tools.devstack.stack import Stack

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"  # git-ignored: for a person to look at


@pytest.fixture(scope="module")
def demo(api: Api, stack: Stack) -> DemoData:
    return seed(stack.gateway_url, api.admin_key)


@pytest.fixture
def downloads() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="dashboard-downloads-") as tmp:
        yield Path(tmp)


@pytest.fixture
def browser(downloads: Path) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2400"):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # CSP violations are logged there
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def screenshot(browser: webdriver.Chrome) -> Callable[[str], Path]:
    SCREENSHOTS.mkdir(exist_ok=True)

    def save(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
        return path

    return save
