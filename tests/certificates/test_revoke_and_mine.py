"""Revocation by an administrator (logged, with a reason) and the learner's own certificates."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from certificates.admin_views import REVOKE_DONE
from certificates.models import CertificateRevocation
from certificates.services import certificate_revoke, certificate_revoke_allowed
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db
REVOKE_URL = "/admin/certificates/revoke/"


def test_only_administrators_may_revoke(certificate, admin_user):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    teacher = UserFactory(username="teacher")
    assert certificate_revoke_allowed(user=admin_user, certificate=certificate)
    for user in (certificate.user, editor, teacher):
        assert not certificate_revoke_allowed(user=user, certificate=certificate)


def test_an_administrator_revokes_with_a_reason_and_it_is_logged(client, certificate, admin_user):
    client.force_login(admin_user)
    page = client.get(REVOKE_URL, {"code": certificate.code.lower()})
    assert page.status_code == 200 and certificate.user.username in page.content.decode()
    response = client.post(REVOKE_URL, {"code": certificate.code, "reason": "Quiz passé par un autre"}, follow=True)
    assert str(REVOKE_DONE % {"code": certificate.code}) in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == admin_user
    assert certificate.revoked_reason == "Quiz passé par un autre"
    log = CertificateRevocation.objects.get(certificate=certificate)
    assert (log.revoked_by, log.reason, log.revoked_at) == (
        admin_user,
        "Quiz passé par un autre",
        certificate.revoked_at,
    )
    assert 'data-status="revoked"' in client.get(f"/verify/{certificate.code}/").content.decode()


def test_a_revocation_without_a_reason_changes_nothing(client, certificate, admin_user):
    client.force_login(admin_user)
    response = client.post(REVOKE_URL, {"code": certificate.code, "reason": "  "})
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert not certificate.is_revoked and not CertificateRevocation.objects.exists()


def test_editors_cannot_reach_revocation(client, certificate):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.post(REVOKE_URL, {"code": certificate.code, "reason": "x"}).status_code in (302, 403)
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_my_certificates_lists_mine_only_with_download_link_and_code(client, certificate):
    other = UserFactory(username="other")
    client.force_login(other)
    assert certificate.code not in client.get(reverse("my_certificates")).content.decode()
    client.force_login(certificate.user)
    page = client.get("/en" + reverse("my_certificates")).content.decode()
    assert "Deepfakes" in page and certificate.code in page
    assert reverse("certificate_download", args=[certificate.code]) in page
    assert f"https://kalan.example/verify/{certificate.code}/" in page
    assert reverse("my_certificates") in client.get(reverse("accounts_profile")).content.decode()


def test_the_learner_sees_a_revocation_and_its_reason(client, module, certificate, admin_user):
    certificate_revoke(certificate=certificate, by=admin_user, reason="Erreur de saisie")
    client.force_login(certificate.user)
    page = client.get(reverse("my_certificates")).content.decode()
    assert 'data-status="revoked"' in page and "Erreur de saisie" in page
    assert reverse("certificate_download", args=[certificate.code]) not in page
    course_page = client.get(module[0].url).content.decode()
    assert 'data-status="revoked"' in course_page and 'data-status="valid"' not in course_page


def test_a_certificate_name_with_markup_is_escaped_on_my_pages(client, certificate):
    certificate.user.certificate_name = "<img src=x onerror=alert(1)>"
    certificate.user.save()
    client.force_login(certificate.user)
    page = client.get(reverse("my_certificates")).content.decode()
    assert "<img src=x" not in page
    assert '<strong class="certificate-name">&lt;img src=x onerror=alert(1)&gt;</strong>' in page


def test_with_a_worker_the_download_asks_to_come_back_in_a_moment(client, certificate, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(certificate.user)
    response = client.get(reverse("certificate_download", args=[certificate.code]))
    assert response.status_code == 202 and response["Refresh"] == "5"
