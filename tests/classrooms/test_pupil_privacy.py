"""A teacher exports or erases a pupil account they manage (made by a teacher of the class).
Any other account, or anyone else asking, gets a 404 and nothing is erased."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from accounts.models import ErasureLog
from accounts.roles import Role
from accounts.services import user_role_grant
from certificates.models import Certificate
from certificates.services import certificate_issue_if_complete
from classrooms.forms import ERROR_ERASE_CONFIRMATION
from classrooms.models import Classroom, ClassroomMembership
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.certificates import module_build, module_finish
from tests.factories.classrooms import classroom_build, pupil_join, school_build

pytestmark = pytest.mark.django_db
User = get_user_model()


def _managed(classroom, user) -> ClassroomMembership:
    membership = pupil_join(classroom=classroom, user=user)
    membership.created_by_teacher = True
    membership.save(update_fields=["created_by_teacher"])
    return membership


@pytest.fixture
def world():
    school = school_build(name="Lycée A", coordinator=UserFactory(username="coordinator"))
    classroom = classroom_build(school=school, teacher=UserFactory(username="owner"))
    other_class = classroom_build(school=school, teacher=UserFactory(username="other-teacher"), name="6e B")
    pupil = UserFactory(username="awa.diarra", display_name="Awa Diarra")
    managed = _managed(classroom, pupil)
    course, lessons, quiz = module_build()
    module_finish(user=pupil, lessons=lessons, quiz=quiz)
    certificate, issued = certificate_issue_if_complete(user=pupil, course_key=course.translation_key)
    assert issued
    return {
        "classroom": classroom,
        "managed": managed,
        "self_registered": pupil_join(classroom=classroom, user=UserFactory(username="moussa.k")),
        "other_managed": _managed(other_class, UserFactory(username="ina.t")),
        "other_class": other_class,
        "certificate": certificate,
    }


def _urls(classroom_pk: int, membership_pk: int) -> tuple[str, str]:
    ids = {"pk": classroom_pk, "membership_pk": membership_pk}
    return reverse("classrooms_pupil_data_export", kwargs=ids), reverse("classrooms_pupil_erase", kwargs=ids)


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _answers_404_and_erases_nothing(client, classroom, membership):
    export_url, erase_url = _urls(classroom.pk, membership.pk)
    username = membership.user.username
    assert client.get(export_url).status_code == 404
    assert client.get(erase_url).status_code == 404
    assert client.post(erase_url, {"username": username, "keep_certificates": "on"}).status_code == 404
    assert User.objects.filter(username=username).exists()
    assert not ErasureLog.objects.exists()


def test_a_self_registered_pupil_stays_in_their_own_hands(world):
    _answers_404_and_erases_nothing(_client("owner"), world["classroom"], world["self_registered"])


@pytest.mark.parametrize("username", ["other-teacher", "coordinator", "awa.diarra", "moussa.k"])
def test_nobody_but_the_class_teachers_reaches_a_managed_pupil(world, username):
    _answers_404_and_erases_nothing(_client(username), world["classroom"], world["managed"])


def test_a_pupil_of_another_teachers_class_is_a_404_whatever_the_class_in_the_url(world):
    client = _client("owner")
    _answers_404_and_erases_nothing(client, world["classroom"], world["other_managed"])
    _answers_404_and_erases_nothing(client, world["other_class"], world["other_managed"])


def test_an_account_that_became_staff_is_no_longer_a_pupil_account(world):
    user_role_grant(user=world["managed"].user, role=Role.TEACHER)
    _answers_404_and_erases_nothing(_client("owner"), world["classroom"], world["managed"])


def test_anonymous_visitors_are_sent_to_sign_in(world, client):
    for url in _urls(world["classroom"].pk, world["managed"].pk):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert (
        client.post(_urls(world["classroom"].pk, world["managed"].pk)[1], {"username": "awa.diarra"}).status_code == 302
    )
    assert User.objects.filter(username="awa.diarra").exists()


def test_the_teacher_downloads_everything_held_about_the_pupil(world):
    export_url, _erase = _urls(world["classroom"].pk, world["managed"].pk)
    response = _client("owner").get(export_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kalan-awa.diarra-')
    assert "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["username"] == "awa.diarra"
    sections = {section["key"]: section["rows"] for section in data["sections"]}
    assert len(sections["quizzes.attempt.user"]) == 1
    assert [row["code"] for row in sections["certificates.certificate.user"]] == [world["certificate"].code]


def test_the_pupil_page_offers_export_and_erasure_only_for_managed_accounts_to_their_teachers(world):
    classroom = world["classroom"]
    owner = _client("owner")
    managed_page = owner.get(reverse("classrooms_pupil", args=[classroom.pk, world["managed"].pk])).content.decode()
    export_url, erase_url = _urls(classroom.pk, world["managed"].pk)
    assert export_url in managed_page and erase_url in managed_page
    self_page = owner.get(reverse("classrooms_pupil", args=[classroom.pk, world["self_registered"].pk])).content
    assert b"data-pupil-export" not in self_page and b"data-pupil-erase-link" not in self_page
    coordinator_page = _client("coordinator").get(reverse("classrooms_pupil", args=[classroom.pk, world["managed"].pk]))
    assert coordinator_page.status_code == 200
    assert b"data-pupil-export" not in coordinator_page.content
    assert b"data-pupil-erase-link" not in coordinator_page.content


def test_the_confirmation_page_says_what_goes_and_erases_nothing(world):
    _export, erase_url = _urls(world["classroom"].pk, world["managed"].pk)
    response = _client("owner").get(erase_url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "data-pupil-erase" in page and "awa.diarra" in page
    assert 'name="keep_certificates"' in page and 'name="username"' in page
    assert User.objects.filter(username="awa.diarra").exists()
    assert not ErasureLog.objects.exists()


def test_erasing_without_csrf_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="owner"))
    _export, erase_url = _urls(world["classroom"].pk, world["managed"].pk)
    assert client.post(erase_url, {"username": "awa.diarra"}).status_code == 403
    assert User.objects.filter(username="awa.diarra").exists()


@pytest.mark.parametrize("typed", ["", "moussa.k", "awa"])
def test_without_the_pupils_username_nothing_is_erased(world, typed):
    _export, erase_url = _urls(world["classroom"].pk, world["managed"].pk)
    response = _client("owner").post(erase_url, {"username": typed, "keep_certificates": "on"})
    assert response.status_code == 200
    if typed:
        with translation.override("fr"):
            assert escape(str(ERROR_ERASE_CONFIRMATION)) in response.content.decode()
    assert b'aria-invalid="true"' in response.content
    assert User.objects.filter(username="awa.diarra").exists()
    assert Certificate.objects.get().user is not None
    assert not ErasureLog.objects.exists()


def test_the_teacher_erases_a_managed_pupil_keeping_the_certificate_anonymous(world):
    classroom, certificate = world["classroom"], world["certificate"]
    pupil = world["managed"].user
    pupil_pk = pupil.pk
    _export, erase_url = _urls(classroom.pk, world["managed"].pk)
    owner = _client("owner")
    response = owner.post(erase_url, {"username": " Awa.Diarra ", "keep_certificates": "on"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("classrooms_dashboard", kwargs={"pk": classroom.pk})
    page = response.content.decode()
    assert "Awa Diarra" not in page and "awa.diarra" not in page
    assert 'data-erased-pupils="1"' in page
    assert Classroom.objects.get(pk=classroom.pk).erased_pupils == 1
    assert not User.objects.filter(pk=pupil_pk).exists()
    assert not ClassroomMembership.objects.filter(user_id=pupil_pk).exists()
    assert not Client().login(username="awa.diarra", password=DEFAULT_PASSWORD)

    log = ErasureLog.objects.get()
    assert log.actor_role == ErasureLog.ActorRole.TEACHER
    assert log.actor_id == User.objects.get(username="owner").pk
    stored = {field.attname: getattr(log, field.attname) for field in ErasureLog._meta.concrete_fields}
    assert set(stored) == {"id", "erased_at", "actor_role", "actor_id"}  # nothing about the pupil
    assert pupil_pk not in (stored["actor_id"],) and "awa" not in str(stored).lower()

    certificate.refresh_from_db()
    assert certificate.user_id is None and certificate.revoked_at is None
    verify = Client().get(reverse("certificate_verify_code", kwargs={"code": certificate.code}))
    assert b'data-status="valid"' in verify.content and b"Awa" not in verify.content
    assert User.objects.filter(username="moussa.k").exists()  # the class's other pupils stay


def test_without_keeping_them_the_certificates_go_too(world):
    _export, erase_url = _urls(world["classroom"].pk, world["managed"].pk)
    _client("owner").post(erase_url, {"username": "awa.diarra"})
    assert not User.objects.filter(username="awa.diarra").exists()
    assert not Certificate.objects.exists()


def test_the_confirmation_page_stays_within_the_query_budget(world, django_assert_max_num_queries):
    client = _client("owner")
    _export, erase_url = _urls(world["classroom"].pk, world["managed"].pk)
    with django_assert_max_num_queries(10):
        assert client.get(erase_url).status_code == 200
