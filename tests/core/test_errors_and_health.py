import pytest
from django.db import connection
from django.test import Client


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_unknown_url_gets_a_styled_translated_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "/static/css/site" in html

    english = client.get("/en/no-such-page/")
    assert english.status_code == 404
    assert "Page not found" in english.content.decode()


@pytest.mark.django_db
def test_server_error_is_styled_and_shows_no_traceback(client, settings):
    settings.ROOT_URLCONF = "tests.core.urls_boom"
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Une erreur" in html
    assert "Traceback" not in html
    assert "secret-detail" not in html


@pytest.mark.django_db
def test_wrong_host_header_gets_400(client):
    response = client.get("/", headers={"host": "evil.example.com"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_html_is_compressed_for_browsers_that_accept_it(client):
    response = client.get("/", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_site_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_admin_gets_its_own_looser_policy(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy
