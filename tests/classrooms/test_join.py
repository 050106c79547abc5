import pytest
from django.urls import reverse
from django.utils.html import escape

from classrooms.codes import join_code_display
from classrooms.forms import ERROR_BAD_CODE, ERROR_TOO_MANY_TRIES, ERROR_UNKNOWN_CODE
from classrooms.services import join_code_disable
from classrooms.throttle import JOIN_FAILURES_PER_ACCOUNT, JOIN_FAILURES_PER_IP
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import classroom_build

pytestmark = pytest.mark.django_db


def _join(client, code):
    return client.post(reverse("classrooms_join"), {"code": code})


def test_a_pupil_types_the_code_loosely_sees_the_class_and_joins_once(client):
    classroom = classroom_build(name="6e <b>A</b>")
    pupil = UserFactory()
    client.force_login(pupil)
    typed = classroom.join_code[:3].lower() + " " + classroom.join_code[3:].lower()
    response = _join(client, typed)
    confirm_url = reverse("classrooms_join_code", kwargs={"code": join_code_display(classroom.join_code)})
    assert response.status_code == 302 and response["Location"] == confirm_url

    page = client.get(confirm_url)
    assert "6e &lt;b&gt;A&lt;/b&gt;" in page.content.decode()  # names are escaped
    assert classroom.memberships.filter(user=pupil).count() == 0  # nothing joined before confirming
    client.post(confirm_url)
    client.post(confirm_url)
    assert classroom.memberships.filter(user=pupil).count() == 1


@pytest.mark.parametrize(("code", "message"), [("ZZZ-ZZZ", ERROR_UNKNOWN_CODE), ("hello", ERROR_BAD_CODE)])
def test_an_unknown_or_malformed_code_says_so_and_joins_nothing(client, code, message):
    classroom_build()
    client.force_login(UserFactory())
    response = _join(client, code)
    assert response.status_code == 200
    assert escape(str(message)) in response.content.decode()


def test_a_disabled_code_no_longer_joins(client):
    classroom = classroom_build()
    code = join_code_display(classroom.join_code)
    join_code_disable(classroom=classroom)
    pupil = UserFactory()
    client.force_login(pupil)
    assert _join(client, code).status_code == 200
    assert client.post(reverse("classrooms_join_code", kwargs={"code": code})).status_code == 404
    assert not classroom.memberships.filter(user=pupil).exists()


def test_someone_without_an_account_is_offered_a_sign_up_that_comes_back_to_the_class(client):
    classroom = classroom_build()
    url = reverse("classrooms_join_code", kwargs={"code": classroom.join_code})
    page = client.get(url).content.decode()
    signup = reverse("account_signup")
    assert f"{signup}?next=" in page

    response = client.post(
        f"{signup}?next={url}",
        {
            "username": "moussa",
            "password1": "tigre-maison-lune-42",
            "password2": "tigre-maison-lune-42",
            "next": url,
            "accept_privacy_notice": "on",
        },
    )
    assert response.status_code == 302 and response["Location"] == url  # no e-mail asked
    client.post(url)
    assert classroom.memberships.filter(user__username="moussa").exists()


def test_wrong_codes_are_limited_per_account_even_with_the_right_one_afterwards(client):
    classroom = classroom_build()
    client.force_login(UserFactory())
    limit, _window = JOIN_FAILURES_PER_ACCOUNT
    for _ in range(limit):
        _join(client, "ZZZ-ZZZ")
    blocked = _join(client, classroom.join_code)
    assert blocked.status_code == 429
    assert str(ERROR_TOO_MANY_TRIES) in blocked.content.decode()


def test_forty_pupils_behind_one_ip_who_each_mistype_twice_can_still_join(client):
    classroom = classroom_build()
    for n in range(40):
        client.force_login(UserFactory(username=f"p{n}"))
        _join(client, "ZZZ-ZZZ")
        _join(client, "ZZZ-ZZY")
        assert _join(client, classroom.join_code).status_code == 302
    assert JOIN_FAILURES_PER_IP[0] > 40 * 2


def test_guessing_codes_from_one_ip_with_many_accounts_is_stopped(client):
    classroom = classroom_build()
    limit, _window = JOIN_FAILURES_PER_IP
    per_account, _ = JOIN_FAILURES_PER_ACCOUNT
    for n in range(limit // (per_account - 1) + 1):
        client.force_login(UserFactory(username=f"guesser{n}"))
        for _ in range(per_account - 1):
            _join(client, "ZZZ-ZZZ")
    assert _join(client, classroom.join_code).status_code == 429
    # Anonymous probing of join links counts against the same IP.
    client.logout()
    url = reverse("classrooms_join_code", kwargs={"code": classroom.join_code})
    assert client.get(url).status_code == 429


def test_the_teacher_regenerates_and_disables_the_code_from_the_code_page(client):
    teacher = UserFactory(username="teacher")
    classroom = classroom_build(teacher=teacher)
    old = classroom.join_code
    client.force_login(teacher)
    url = reverse("classrooms_code_change", kwargs={"pk": classroom.pk})
    client.post(url, {"action": "regenerate"})
    classroom.refresh_from_db()
    assert classroom.join_code not in (None, old)
    page = client.get(reverse("classrooms_code", kwargs={"pk": classroom.pk})).content.decode()
    assert join_code_display(classroom.join_code) in page and "<svg" in page
    client.post(url, {"action": "disable"})
    classroom.refresh_from_db()
    assert classroom.join_code is None
    assert "<svg" not in client.get(reverse("classrooms_code", kwargs={"pk": classroom.pk})).content.decode()
