"""Browser harness: Playwright driving Debian's Chromium against pytest-django's live server.

Every page a test opens is watched: a console error, an uncaught exception or a
Content-Security-Policy violation fails the test, even if its own assertions passed.
In CI a missing browser is a failure; elsewhere the browser tests are skipped with a reason.
"""

import os
import shutil

import pytest

from tests.baseline import baseline_restore

CHROMIUM = os.environ.get("KALAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE_VIEWPORT = {"width": 360, "height": 740}
NEUTRAL_PAGE = "<!doctype html><title>Neutral</title><h1>Neutral page</h1>"

_CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def _browser_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def chromium():
    if not _browser_available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: in CI the browser tests must run.")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatcher:
    """Collects everything on a page that a user would call broken."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))

    def _on_console(self, message):
        if message.type == "error":
            where = (message.location or {}).get("url", "")
            self.problems.append(f"console error: {message.text} {where}".strip())

    def csp_violations(self) -> list[str]:
        try:
            return list(self.page.evaluate("window.__cspViolations || []"))
        except Exception:  # the page may have navigated to a neutral site or closed
            return []


@pytest.fixture
def browser_page(chromium, live_server, settings, transactional_db):
    """A phone-sized page; the neutral quick-exit site is served locally (CI has no internet)."""
    baseline_restore()
    settings.KALAN_QUICK_EXIT_URL = "http://neutral.invalid/"
    context = chromium.new_context(viewport=PHONE_VIEWPORT, locale="fr-FR", base_url=live_server.url)
    context.route(
        "http://neutral.invalid/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )
    context.add_init_script(_CSP_WATCH)
    page = context.new_page()
    watcher = PageWatcher(page)
    page.watcher = watcher
    yield page
    violations = watcher.csp_violations()
    context.close()
    problems = watcher.problems + [f"CSP violation: {v}" for v in violations]
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)
