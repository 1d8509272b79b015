"""Headless Chromium opens the web UI, runs the stored query `acts`, and sees the founding
document's acts in YASGUI's results table. Needs Debian's chromium + chromium-driver and the
YASGUI bundle (`npm ci && npm run vendor`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

VENDOR = Path(__file__).resolve().parents[2] / "src" / "diplograph" / "server" / "static" / "vendor" / "yasgui.min.js"
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"  # git-ignored


def _binaries() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("chromium / chromedriver not installed (apt-get install -y chromium chromium-driver)")
    if not VENDOR.is_file():
        if not shutil.which("node"):
            pytest.skip("node is not installed, so the YASGUI bundle cannot be built")
        pytest.fail(f"{VENDOR} is missing: run 'npm ci && npm run vendor' in the repository root")
    return chromium, driver


@pytest.fixture
def browser(tmp_path):
    chromium, driver = _binaries()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        opts.add_argument(flag)
    b = webdriver.Chrome(service=Service(driver), options=opts)
    yield b
    b.quit()


def test_ui_runs_a_stored_query_and_shows_the_acts(live, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live.url + "/")
    wait = WebDriverWait(browser, 30)
    wait.until(lambda b: b.execute_script("return !!window.diplographYasgui"))
    browser.find_element(By.CSS_SELECTOR, 'button.example[data-name="acts"]').click()
    table = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".yasr table.dataTable tbody")))
    wait.until(lambda b: "2025-05-19" in table.text)
    rows = table.find_elements(By.CSS_SELECTOR, "tr")
    text = table.text
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / "ui-acts.png"
    browser.save_screenshot(str(shot))
    print(f"\nscreenshot: {shot}")
    assert len(rows) >= 5
    assert "2025-05-19" in text and "2025-05-03" in text and "2025-04-28" in text
    assert "Aras 2025" in text  # the evidence quote of the exercise
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert not logs, logs
