"""A learner who erases their account decides what happens to their certificates."""

import pytest

from accounts.erasure import user_erase
from accounts.models import ErasureLog
from accounts.privacy_registry import ErasureOptions
from certificates.models import Certificate
from certificates.pdf import certificate_pdf_write, pdf_storage

pytestmark = pytest.mark.django_db


def _erase(user, *, keep: bool) -> None:
    user_erase(user=user, actor_role=ErasureLog.ActorRole.SELF, options=ErasureOptions(keep_certificates=keep))


def test_a_kept_certificate_still_verifies_as_valid_without_the_name(client, certificate):
    certificate_pdf_write(certificate)
    _erase(certificate.user, keep=True)
    page = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert 'data-status="valid"' in page
    assert "Ɲɛnɛba" not in page
    assert Certificate.objects.get(pk=certificate.pk).user is None
    # The cached PDF printed the name: it is gone.
    assert not pdf_storage().exists(certificate.code) or pdf_storage().listdir(certificate.code)[1] == []


def test_without_keeping_the_certificate_is_unknown_afterwards(client, certificate):
    _erase(certificate.user, keep=False)
    response = client.get(f"/en/verify/{certificate.code}/")
    assert response.status_code == 404
    assert not Certificate.objects.filter(pk=certificate.pk).exists()
