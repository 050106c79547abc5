"""The privacy notice: loaded once, linked from every page, versioned, accepted at sign-up."""

import pytest
from django.core.management import call_command
from django.utils.html import escape

from accounts.forms import PRIVACY_NOTICE_REQUIRED
from accounts.models import ConsentRecord
from accounts.services import consent_record
from core.models import PrivacyNoticePage
from core.templatetags import shell
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

SIGN_UP = {"username": "moussa", "password1": "baobab-lune-42", "password2": "baobab-lune-42"}


@pytest.fixture
def notice():
    shell.help_link_cache_clear()
    call_command("load_privacy_notice", verbosity=0)
    yield PrivacyNoticePage.objects.get(locale__language_code="fr")
    shell.help_link_cache_clear()


def test_the_notice_is_loaded_in_french_english_and_bambara_and_a_rerun_keeps_an_administrators_edits(notice, capsys):
    english = PrivacyNoticePage.objects.get(locale__language_code="en")
    bambara = PrivacyNoticePage.objects.get(locale__language_code="bm")
    assert english.translation_key == bambara.translation_key == notice.translation_key
    assert bambara.live and bambara.title == "I ka kunnafoniw"
    assert bambara.search_description.startswith("bm-review")
    assert "no date of birth" in english.body
    assert "pas besoin d'adresse e-mail ni de date de naissance" in notice.body.lower()
    notice.body = "<p>Texte revu par l'administration.</p>"
    notice.save_revision().publish()
    bambara.body = "<p>Sɛbɛn sɛgɛsɛgɛlen.</p>"
    bambara.save_revision().publish()
    call_command("load_privacy_notice")
    out = capsys.readouterr().out
    assert "created" not in out
    assert out.count("skipped") == 3
    assert PrivacyNoticePage.objects.count() == 3
    assert PrivacyNoticePage.objects.get(pk=notice.pk).body == "<p>Texte revu par l'administration.</p>"
    assert PrivacyNoticePage.objects.get(pk=bambara.pk).body == "<p>Sɛbɛn sɛgɛsɛgɛlen.</p>"


def test_the_bambara_notice_summarises_in_bambara_says_it_awaits_review_and_gives_the_french_text(client, notice):
    bambara = PrivacyNoticePage.objects.get(locale__language_code="bm")
    response = client.get(bambara.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert bambara.url.startswith("/bm/")
    assert "<h1>I ka kunnafoniw</h1>" in html
    assert 'data-bm-review="true"' in html
    assert escape("ce résumé en bambara n’a pas encore été vérifié") in html
    assert "Bamanankan fɔbaga ka kan ka nin sɛbɛn sɛgɛsɛgɛ." in html
    assert "dònkan" in html and "jɔsi" in html
    # The full French text follows, labelled as French.
    french_part = html.split('<div lang="fr">', 1)[1]
    assert "Ce que nous gardons" in french_part
    assert "Pas besoin d'adresse e-mail ni de date de naissance" in french_part


def test_every_page_links_to_the_notice_in_its_language(client, notice):
    home = client.get("/").content.decode()
    assert f'href="{notice.url}"' in home
    english = client.get("/en/accounts/login/").content.decode()
    assert 'href="/en/privacy/"' in english
    bambara = PrivacyNoticePage.objects.get(locale__language_code="bm")
    assert bambara.url == "/bm/confidentialite/"
    assert f'href="{bambara.url}"' in client.get("/bm/accounts/login/").content.decode()


def test_without_a_bambara_notice_bambara_pages_link_to_the_french_one(client, notice):
    PrivacyNoticePage.objects.get(locale__language_code="bm").unpublish()
    shell.help_link_cache_clear()
    assert f'href="{notice.url}"' in client.get("/bm/accounts/login/").content.decode()


def test_the_notice_shows_its_version_which_changes_when_republished(client, notice):
    first = notice.version
    html = client.get("/en/privacy/").content.decode()
    english = PrivacyNoticePage.objects.get(locale__language_code="en")
    assert f"Version {english.version}, published on" in html
    notice.save_revision().publish()
    notice.refresh_from_db()
    assert notice.version != first


def test_the_notice_names_no_invented_contact_and_shows_the_retention_period(client, notice, settings):
    settings.KALAN_INACTIVE_ACCOUNT_DAYS = 400
    html = client.get("/en/privacy/").content.decode()
    assert "To verify: the administrators have not yet filled in and checked these contact details." in html
    assert "for 400 days is erased automatically" in html
    english = PrivacyNoticePage.objects.get(locale__language_code="en")
    english.data_controller = "Ecole X, Bamako"
    english.save_revision().publish()
    assert "Ecole X" not in client.get("/en/privacy/").content.decode()  # not verified: hidden


def test_sign_up_shows_the_notice_and_refuses_an_account_without_acceptance(client, notice):
    page = client.get("/accounts/signup/").content.decode()
    assert f'href="{notice.url}"' in page
    assert 'name="accept_privacy_notice"' in page
    response = client.post("/accounts/signup/", SIGN_UP)
    assert response.status_code == 200
    assert escape(str(PRIVACY_NOTICE_REQUIRED)) in response.content.decode()
    assert not ConsentRecord.objects.exists()
    assert not UserFactory._meta.model.objects.filter(username="moussa").exists()


def test_sign_up_records_consent_with_the_date_and_the_version_accepted(client, notice):
    response = client.post("/en/accounts/signup/", {**SIGN_UP, "accept_privacy_notice": "on"})
    assert response.status_code == 302
    record = ConsentRecord.objects.get(user__username="moussa")
    english = PrivacyNoticePage.objects.get(locale__language_code="en")
    assert record.notice_version == english.version
    assert record.notice_language == "en"
    assert record.given_by is None
    assert record.given_at is not None


def test_sign_up_in_bambara_links_to_the_bambara_notice_and_records_its_version(client, notice):
    bambara = PrivacyNoticePage.objects.get(locale__language_code="bm")
    page = client.get("/bm/accounts/signup/").content.decode()
    assert f'href="{bambara.url}"' in page
    assert client.post("/bm/accounts/signup/", {**SIGN_UP, "accept_privacy_notice": "on"}).status_code == 302
    record = ConsentRecord.objects.get(user__username="moussa")
    assert (record.notice_version, record.notice_language) == (bambara.version, "bm")
    assert record.notice_version != notice.version


def test_a_teacher_confirms_the_schools_consent_for_a_pupil_account():
    teacher, pupil = UserFactory(username="mme-diarra"), UserFactory(username="awa")
    record = consent_record(user=pupil, notice_version="12", given_by=teacher)
    assert (record.user, record.notice_version, record.given_by) == (pupil, "12", teacher)


def test_an_administrator_edits_the_notice_in_the_cms(client, notice, admin_user):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{notice.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="body"' in html and 'name="data_controller"' in html and 'name="verified_on"' in html
    home = notice.get_parent().specific
    assert not PrivacyNoticePage.can_create_at(home)  # one notice per language
    bambara = PrivacyNoticePage.objects.get(locale__language_code="bm")
    assert client.get(f"/admin/pages/{bambara.pk}/edit/").status_code == 200
