import pytest

pytestmark = [pytest.mark.browser]


def test_home_page_renders_in_french_at_phone_size(browser_page, live_server):
    browser_page.goto("/")
    assert browser_page.locator("html").get_attribute("lang") == "fr"
    assert browser_page.locator("h1").count() == 1
    assert browser_page.get_by_role("link", name="Aller au contenu").count() == 1


def test_quick_exit_button_replaces_the_page_in_history(browser_page, live_server):
    browser_page.goto("/healthz")
    browser_page.goto("/")
    browser_page.get_by_role("link", name="Sortie rapide").click()
    browser_page.wait_for_url("http://neutral.invalid/")
    # location.replace: going back skips the exited page and lands on the one before it.
    browser_page.go_back()
    assert browser_page.url.endswith("/healthz")


def test_escape_key_leaves_the_site(browser_page, live_server):
    browser_page.goto("/")
    browser_page.keyboard.press("Escape")
    browser_page.wait_for_url("http://neutral.invalid/")
