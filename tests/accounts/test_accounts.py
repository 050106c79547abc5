import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts import middleware as shared_device
from accounts.roles import Role, user_roles
from accounts.services import user_role_grant
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory

User = get_user_model()
pytestmark = pytest.mark.django_db


def _login(client, login, password=DEFAULT_PASSWORD, **extra):
    return client.post("/accounts/login/", {"login": login, "password": password, **extra})


def test_pupil_logs_in_with_username_and_teacher_with_email(client):
    UserFactory(username="awa")
    UserFactory(username="mme-diarra", email="diarra@ecole.ml")
    assert _login(client, "awa").status_code == 302
    client.logout()
    assert _login(client, "diarra@ecole.ml").status_code == 302


def test_wrong_password_gets_a_translated_message_and_no_session(client):
    UserFactory(username="awa")
    response = _login(client, "awa", "nope")
    assert response.status_code == 200
    assert "le mot de passe sont incorrects" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_user_gets_the_same_message_as_a_wrong_password(client):
    response = _login(client, "nobody-here", "nope")
    assert "le mot de passe sont incorrects" in response.content.decode()


def test_pupil_signs_up_without_email(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "moussa",
            "password1": "baobab-lune-42",
            "password2": "baobab-lune-42",
            "accept_privacy_notice": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="moussa")
    assert user.email == ""
    assert user_roles(user) == {Role.STUDENT}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"username": "taken"}, "Un utilisateur avec cet identifiant existe déjà"),
        ({"email": "used@ecole.ml"}, "Un autre utilisateur utilise déjà cette adresse e-mail"),
        ({"password1": "12345678", "password2": "12345678"}, "Ce mot de passe est trop courant"),
        ({"username": "x" * 200}, "Assurez-vous que cette valeur comporte au plus"),
        ({"password2": "something-else-9"}, "Vous devez saisir deux fois le même mot de passe"),
    ],
)
def test_bad_sign_up_gets_a_clear_message_and_creates_nothing(client, fields, message):
    UserFactory(username="taken", email="used@ecole.ml")
    before = User.objects.count()
    data = {"username": "newbie", "password1": "baobab-lune-42", "password2": "baobab-lune-42", **fields}
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == before


def test_sign_up_without_csrf_token_is_refused_with_an_explanation():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/accounts/signup/",
        {
            "username": "newbie",
            "password1": "baobab-lune-42",
            "password2": "baobab-lune-42",
            "accept_privacy_notice": "on",
        },
    )
    assert response.status_code == 403
    assert "Votre formulaire a expiré" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_errors_are_tied_to_their_inputs(client):
    response = client.post("/accounts/signup/", {"username": "", "password1": "a", "password2": "a"})
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_username_error' in html


def test_this_is_not_my_phone_ends_the_session_with_the_browser_and_after_idle(client, monkeypatch):
    UserFactory(username="awa")
    _login(client, "awa", shared_device="on")
    assert client.session.get_expire_at_browser_close()
    assert client.get("/accounts/profile/").status_code == 200
    now = time.time()
    monkeypatch.setattr(shared_device.time, "time", lambda: now + 31 * 60)
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_own_phone_session_survives_the_browser(client):
    UserFactory(username="awa")
    _login(client, "awa")
    assert not client.session.get_expire_at_browser_close()


def test_profile_saves_names_and_language(client):
    user = UserFactory(username="awa")
    client.force_login(user)
    response = client.post(
        "/accounts/profile/",
        {"display_name": "Awa", "certificate_name": "Awa Ɲaarɛ Traoré", "preferred_language": "bm"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.certificate_name, user.preferred_language) == ("Awa", "Awa Ɲaarɛ Traoré", "bm")


def test_profile_refuses_an_over_long_name_and_changes_nothing(client):
    user = UserFactory(username="awa", display_name="Awa")
    client.force_login(user)
    response = client.post("/accounts/profile/", {"display_name": "x" * 81, "preferred_language": "fr"})
    assert response.status_code == 200
    assert "au plus 80 caractères" in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Awa"


def test_profile_escapes_names(client):
    user = UserFactory(username="awa", display_name="<script>alert(1)</script>")
    client.force_login(user)
    html = client.get("/accounts/profile/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_profile_requires_login(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_login_lands_on_the_home_page_in_the_preferred_language(client):
    UserFactory(username="john", preferred_language="en")
    response = _login(client, "john")
    assert response["Location"] == "/en/"


def test_roles_come_from_groups_and_superuser():
    user = UserFactory(username="t")
    user_role_grant(user=user, role=Role.TEACHER)
    user_role_grant(user=user, role=Role.EDITOR)
    assert user_roles(user) == {Role.STUDENT, Role.TEACHER, Role.EDITOR}
    admin = UserFactory(username="boss")
    user_role_grant(user=admin, role=Role.ADMINISTRATOR)
    assert Role.ADMINISTRATOR in user_roles(admin)


def test_logout_needs_a_post(client):
    user = UserFactory(username="awa")
    client.force_login(user)
    client.get("/accounts/logout/")
    assert "_auth_user_id" in client.session
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_teacher_signs_up_with_email_and_gets_a_verification_link(client, mailoutbox):
    from allauth.account.models import EmailAddress

    response = client.post(
        "/accounts/signup/",
        {
            "username": "mme-diarra",
            "email": "diarra@ecole.ml",
            "password1": "baobab-lune-42",
            "password2": "baobab-lune-42",
            "accept_privacy_notice": "on",
        },
    )
    assert response.status_code == 302
    address = EmailAddress.objects.get(email="diarra@ecole.ml")
    assert not address.verified
    assert len(mailoutbox) == 1
    link = next(word for word in mailoutbox[0].body.split() if "/accounts/confirm-email/" in word)
    path = link[link.index("/accounts/confirm-email/") :]
    client.post(path)
    address.refresh_from_db()
    assert address.verified
