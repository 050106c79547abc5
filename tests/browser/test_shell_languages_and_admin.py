import pytest

from core.models import HomePage
from tests.browser.harness import NEUTRAL_PAGE
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser]


def test_switching_language_keeps_the_page_and_sets_no_cookie(browser_page):
    page = browser_page
    page.goto("/accounts/login/")
    assert page.locator("h1").inner_text().strip() == "Connexion"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/accounts/login/")
    assert page.locator("h1").inner_text().strip() == "Sign In"
    assert page.get_by_role("link", name="Quick exit").count() == 1
    page.get_by_role("link", name="Bamanankan").click()
    page.wait_for_url("**/bm/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "bm"
    cookie_names = {cookie["name"] for cookie in page.context.cookies()}
    assert "django_language" not in cookie_names


def test_student_logs_in_on_a_shared_phone_and_edits_their_profile(browser_page):
    UserFactory(username="awa")
    page = browser_page
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill("awa")
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_label("Ce n'est pas mon téléphone").check()
    page.get_by_role("button", name="Connexion").click()
    page.get_by_role("link", name="Mon compte").click()
    page.get_by_label("Nom sur les certificats").fill("A. T.")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_role("status").inner_text().strip() == "Vos modifications ont été enregistrées."
    session = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    assert session["expires"] == -1  # a browser-session cookie: gone when the browser closes


def test_quick_exit_works_without_javascript(chromium, live_server, browser_page):
    context = chromium.new_context(java_script_enabled=False, base_url=live_server.url)
    context.route("http://neutral.invalid/**", lambda route: route.fulfill(status=200, body=NEUTRAL_PAGE))
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Sortie rapide").click()
    page.wait_for_url("http://neutral.invalid/")
    context.close()


def test_wagtail_page_editor_runs_without_csp_violations(browser_page):
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    page = browser_page
    page.goto("/admin/login/")
    page.locator("#id_username").fill("boss")
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    home = HomePage.objects.first()
    page.goto(f"/admin/pages/{home.pk}/edit/")
    page.wait_for_selector("form#page-edit-form")
    page.wait_for_load_state("networkidle")
    # The harness fails the test on any CSP violation or console error on these pages.
