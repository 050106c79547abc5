"""Every class URL with real objects, as every role that matters here: the permission walker
(tests/permissions) only meets objects that do not exist."""

import pytest
from django.test import Client
from django.urls import reverse

from classrooms.models import PupilBatch, School, TeacherRequest
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import assignment_build, classroom_build, pupil_join, school_build
from tests.factories.courses import catalogue_build, course_build, lesson_build
from tests.factories.quizzes import quiz_build

pytestmark = pytest.mark.django_db

READ, MANAGE = "read", "manage"
OK, NOT_FOUND, LOGIN = 200, 404, 302


@pytest.fixture
def world():
    course = course_build(index=catalogue_build())
    lesson_build(course=course, title="Leçon", slug="lecon")
    quiz = quiz_build(course=course)
    school = school_build(name="Lycée A")
    classroom = classroom_build(school=school, teacher=UserFactory(username="owner"))
    classroom_build(school=school, teacher=UserFactory(username="other-teacher"), name="6e B")
    school.coordinators.add(UserFactory(username="coordinator"))
    other_school = school_build(name="Lycée B", coordinator=UserFactory(username="other-coordinator"))
    classroom_build(school=other_school, teacher=UserFactory(username="far-teacher"))
    member = pupil_join(classroom=classroom, user=UserFactory(username="member"))
    member.created_by_teacher = True
    member.save()
    UserFactory(username="outsider")
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    assignment = assignment_build(classroom=classroom, course=course)
    batch = PupilBatch.objects.create(classroom=classroom, requested_by=classroom.memberships.first().user, names=["A"])
    return {"classroom": classroom, "member": member, "quiz": quiz, "batch": batch, "assignment": assignment}


def _gets(w):
    pk = w["classroom"].pk
    ids = {"pk": pk}
    return [
        (READ, reverse("classrooms_dashboard", kwargs=ids)),
        (READ, reverse("classrooms_code", kwargs=ids)),
        (READ, reverse("classrooms_pupil", kwargs={**ids, "membership_pk": w["member"].pk})),
        (READ, reverse("classrooms_quiz", kwargs={**ids, "quiz_key": w["quiz"].translation_key})),
        (READ, reverse("classrooms_csv", kwargs=ids)),
        (READ, reverse("classrooms_quiz_csv", kwargs=ids)),
        (MANAGE, reverse("classrooms_pupils_new", kwargs=ids)),
        (MANAGE, reverse("classrooms_pupil_data_export", kwargs={**ids, "membership_pk": w["member"].pk})),
        (MANAGE, reverse("classrooms_pupil_erase", kwargs={**ids, "membership_pk": w["member"].pk})),
        (MANAGE, reverse("classrooms_assignment_new", kwargs=ids)),
        (MANAGE, reverse("classrooms_batch", kwargs={**ids, "batch_pk": w["batch"].pk})),
        (MANAGE, reverse("classrooms_slips", kwargs={**ids, "batch_pk": w["batch"].pk})),
        (MANAGE, reverse("classrooms_slips_pdf", kwargs={**ids, "batch_pk": w["batch"].pk})),
    ]


def _posts(w):
    pk = w["classroom"].pk
    member = {"pk": pk, "membership_pk": w["member"].pk}
    return [
        reverse("classrooms_code_change", kwargs={"pk": pk}),
        reverse("classrooms_coteacher_add", kwargs={"pk": pk}),
        reverse("classrooms_pupil_reset", kwargs=member),
        reverse("classrooms_slips_clear", kwargs={"pk": pk, "batch_pk": w["batch"].pk}),
        reverse("classrooms_assignment_remove", kwargs={"pk": pk, "assignment_pk": w["assignment"].pk}),
        reverse("classrooms_pupil_erase", kwargs=member),  # "member" types their own username: still 404
        reverse("classrooms_pupil_remove", kwargs=member),  # last: it ends the membership
    ]


# role -> status for (read, manage)
EXPECTED = {
    "owner": (OK, OK),
    "admin": (OK, OK),
    "coordinator": (OK, NOT_FOUND),
    "other-teacher": (NOT_FOUND, NOT_FOUND),  # teacher of another class of the same school
    "far-teacher": (NOT_FOUND, NOT_FOUND),
    "other-coordinator": (NOT_FOUND, NOT_FOUND),
    "member": (NOT_FOUND, NOT_FOUND),
    "outsider": (NOT_FOUND, NOT_FOUND),
    None: (LOGIN, LOGIN),
}


@pytest.mark.parametrize("username", list(EXPECTED))
def test_class_pages_answer_each_role_as_expected(world, username):
    client = Client()
    if username:
        client.force_login(UserFactory(username=username))
    read, manage = EXPECTED[username]
    for kind, url in _gets(world):
        expected = read if kind == READ else manage
        assert client.get(url).status_code == expected, (username, url)


@pytest.mark.parametrize("username", [u for u, (_r, m) in EXPECTED.items() if m == NOT_FOUND])
def test_nobody_but_the_teachers_changes_a_class(world, username):
    client = Client()
    client.force_login(UserFactory(username=username))
    code = world["classroom"].join_code
    for url in _posts(world):
        assert client.post(url, {"username": username, "action": "disable"}).status_code == 404, (username, url)
    classroom = world["classroom"]
    classroom.refresh_from_db()
    assert classroom.join_code == code
    assert classroom.memberships.filter(pk=world["member"].pk).exists()
    assert classroom.assignments.exists()


def test_only_coordinators_of_the_school_answer_requests_to_teach():
    school = school_build(coordinator=UserFactory(username="coordinator"))
    school_build(name="B", coordinator=UserFactory(username="other-coordinator"))
    pending = TeacherRequest.objects.create(user=UserFactory(), school=school)
    url = reverse("classrooms_teacher_request_answer", kwargs={"pk": pending.pk})
    for username in ("other-coordinator", "outsider"):
        client = Client()
        client.force_login(UserFactory(username=username))
        assert client.post(url, {"decision": "approve"}).status_code == 404
    client = Client()
    client.force_login(UserFactory(username="coordinator"))
    client.post(url, {"decision": "approve"})
    pending.refresh_from_db()
    assert pending.status == TeacherRequest.Status.APPROVED


def test_a_student_sees_only_their_own_classes(client, world):
    client.force_login(UserFactory(username="outsider"))
    page = client.get(reverse("classrooms_home")).content.decode()
    assert world["classroom"].name not in page


def test_administrators_create_schools_and_name_coordinators_in_the_admin(client):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    coordinator = UserFactory(username="coordinator")
    client.force_login(admin)
    response = client.post(
        "/admin/snippets/classrooms/school/add/",
        {"name": "Lycée du Fleuve", "town": "Ségou", "country": "Mali", "coordinators": [coordinator.pk]},
    )
    assert response.status_code == 302
    school = School.objects.get(name="Lycée du Fleuve")
    assert list(school.coordinators.all()) == [coordinator]
    client.force_login(coordinator)
    page = client.get(reverse("classrooms_home")).content.decode()
    assert reverse("classrooms_school_csv", kwargs={"school_pk": school.pk}) in page


def test_editors_cannot_manage_schools(client):
    from accounts.roles import Role
    from accounts.services import user_role_grant

    editor = UserFactory(username="editor")
    user_role_grant(user=editor, role=Role.EDITOR)
    client.force_login(editor)
    assert client.get("/admin/snippets/classrooms/school/add/").status_code in (302, 403)
