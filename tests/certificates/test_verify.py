"""Public verification: anyone, no login, no cookie, no more than needed; bad codes say why."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from certificates.services import certificate_revoke
from certificates.views import VERIFY_INVALID, VERIFY_TOO_MANY, VERIFY_TYPO, VERIFY_UNKNOWN
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def verify_url(code: str, prefix: str = "") -> str:
    return f"{prefix}/verify/{code}/"


def test_a_valid_code_shows_status_module_date_and_chosen_name(client, certificate):
    response = client.get(verify_url(certificate.code))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-status="valid"' in page
    assert "Ɲɛnɛba Kɔnatɛ Ŋ" in page and "Deepfakes" in page and certificate.code in page
    assert certificate.user.username not in page  # nothing more than the chosen name
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize("transform", [str.lower, lambda c: c.replace("-", ""), lambda c: c[4:].replace("-", " ")])
def test_codes_are_accepted_in_any_case_with_or_without_dashes(client, certificate, transform):
    typed = transform(certificate.code)
    for url in (verify_url(typed), f"/verify/?code={typed}"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'data-status="valid"' in response.content.decode()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("hello", VERIFY_INVALID),
        ("KLN-0O0-1I1-LLL", VERIFY_INVALID),
        ("KLN-222-222-223", VERIFY_TYPO),
        ("KLN-222-222-222", VERIFY_UNKNOWN),
    ],
)
def test_bad_codes_are_404_and_say_why(client, certificate, code, message):
    for url in (verify_url(code, "/en"), f"/en/verify/?code={code}"):
        response = client.get(url)
        assert response.status_code == 404, url
        page = response.content.decode()
        assert str(message) in page
        assert 'data-status="valid"' not in page and "Deepfakes" not in page


def test_the_empty_form_is_a_tiny_page(client, db):
    response = client.get("/verify/")
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()
    assert len(response.content) < 4_000


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_verification_sets_no_cookie_for_anyone(client, certificate, prefix):
    for url in (f"{prefix}/verify/", verify_url(certificate.code, prefix), verify_url("KLN-222-222-223", prefix)):
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url
    client.force_login(UserFactory(username="curious"))
    response = client.get(verify_url(certificate.code, prefix))
    assert response.status_code == 200
    assert not response.cookies


def test_a_revoked_certificate_says_so_and_since_when(client, certificate, admin_user):
    revoked = certificate_revoke(certificate=certificate, by=admin_user, reason="Copié")
    page = client.get(verify_url(certificate.code, "/en")).content.decode()
    assert 'data-status="revoked"' in page and 'data-status="valid"' not in page
    with translation.override("en"):
        since = formats.date_format(timezone.localtime(revoked.revoked_at), "DATE_FORMAT")
    assert f"revoked on {since}" in page
    assert "Copié" not in page  # the reason is for the learner, not the public


def test_lookups_are_rate_limited_per_ip_but_typos_are_not_counted(client, certificate, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "certificate_verify": "3/m/ip"}
    for _ in range(5):
        assert client.get(verify_url("KLN-222-222-223")).status_code == 404  # typos: never counted
    for _ in range(3):
        assert client.get(verify_url(certificate.code)).status_code == 200
    response = client.get(verify_url("KLN-222-222-222"))
    assert response.status_code == 429
    assert str(VERIFY_TOO_MANY) in response.content.decode()
    other_ip = client.get(verify_url(certificate.code), REMOTE_ADDR="10.9.8.7")
    assert other_ip.status_code == 200


def test_a_name_with_markup_is_escaped(client, certificate):
    certificate.user.certificate_name = '<script>alert("x")</script>'
    certificate.user.save()
    page = client.get(verify_url(certificate.code)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_verification_reads_two_rows_besides_the_rate_limit(client, certificate):
    client.get(verify_url(certificate.code))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(verify_url(certificate.code)).status_code == 200
    # The rate limit's counter lives in the shared cache: SQL only with the database cache
    # (about ten statements), none with Redis. Everything else: the certificate, the title.
    own = [q["sql"] for q in queries.captured_queries if "kalan_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]]
    assert len(own) == 2, own


def test_the_url_names_resolve(db):
    assert reverse("certificate_verify") == "/verify/"
    assert reverse("certificate_verify_code", args=["KLN-222-222-222"]) == "/verify/KLN-222-222-222/"
