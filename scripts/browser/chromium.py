"""Headless Chromium through WebDriver, as Debian installs them.

Always Debian's /usr/bin/chromium and /usr/bin/chromedriver: Selenium Manager is never asked to
find or download a browser or a driver (the CI machine reaches no host but the package
registries). Runs as root, so Chromium's sandbox is off.

  driver = start_driver()          # desktop size
  set_size(driver, "phone")        # 360 x 740 CSS pixels, a phone's viewport and touch
  ...
  driver.quit()
"""

import os

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium sends no usage statistics
os.environ.setdefault("SE_OFFLINE", "true")  # and, were Selenium Manager ever started, it downloads nothing

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

CHROMIUM = os.environ.get("PRAXIS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PRAXIS_CHROMEDRIVER", "/usr/bin/chromedriver")

# The window sizes every check knows by name: (width, height) of the viewport in CSS pixels.
SIZES = {
    "phone": (360, 740),
    "desktop": (1280, 900),
}


def start_driver(size="desktop"):
    """A new headless Chromium, German interface, browser console log kept, at SIZES[size]."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            raise SystemExit(f"{path} is missing: install Debian's chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # as root there is no sandbox to be had
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-extensions",
        "--no-first-run",
        "--lang=de-DE",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={SIZES['desktop'][0]},{SIZES['desktop'][1]}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=CHROMEDRIVER, log_output=os.devnull)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    set_size(driver, size)
    return driver


def set_size(driver, size):
    """Emulate a viewport of SIZES[size] (or a (width, height) pair); 'phone' is also a touch screen.

    Takes effect at once and stays for the next pages loaded.
    """
    width, height = SIZES[size] if isinstance(size, str) else size
    mobile = size == "phone"
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
    })
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": mobile})


def viewport(driver):
    """The viewport's (width, height) as the page sees it."""
    return tuple(driver.execute_script("return [window.innerWidth, window.innerHeight]"))


def browser_errors(driver, ignore=()):
    """The browser console's errors since the last call, less those containing any of ignore."""
    errors = []
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        if entry.get("level") == "SEVERE" and not any(part in message for part in ignore):
            errors.append(message)
    return errors
