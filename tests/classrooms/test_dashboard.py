import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from classrooms.selectors import class_matrix
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import (
    assignment_build,
    attempt_submitted,
    classroom_build,
    lesson_done,
    pupil_join,
    pupils_add,
)
from tests.factories.courses import catalogue_build, course_build, lesson_build, translate
from tests.factories.quizzes import quiz_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    course = course_build(index=catalogue_build())
    lessons = [lesson_build(course=course, title=f"Leçon {n}", slug=f"lecon-{n}") for n in range(4)]
    quiz = quiz_build(course=course)
    return course, lessons, quiz


@pytest.fixture
def setup(module):
    course, lessons, quiz = module
    teacher = UserFactory(username="teacher")
    classroom = classroom_build(teacher=teacher)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assignment = assignment_build(classroom=classroom, course=course, due_date=yesterday)
    names = ["awa", "binta", "chaka", "djeneba"]
    pupils = {
        name: pupil_join(classroom=classroom, user=UserFactory(username=name, display_name=name)).user for name in names
    }
    # awa: nothing; binta: half the lessons; chaka: failed then passed at 85 %; djeneba: failed at 40 %
    lesson_done(user=pupils["binta"], lesson=lessons[0])
    lesson_done(user=pupils["binta"], lesson=lessons[1])
    lesson_done(user=pupils["binta"], lesson=lessons[2], completed=False)
    attempt_submitted(user=pupils["chaka"], quiz=quiz, percent=50, number=1)
    attempt_submitted(user=pupils["chaka"], quiz=quiz, percent=85, number=2)
    attempt_submitted(user=pupils["djeneba"], quiz=quiz, percent=40)
    return classroom, assignment, pupils


def test_the_matrix_shows_each_pupils_state_and_overdue(setup):
    classroom, _assignment, _pupils = setup
    cells = {row.user.username: row.cells[0] for row in class_matrix(classroom=classroom).rows}
    assert cells["awa"].status == "not_started" and cells["awa"].overdue
    assert (cells["binta"].status, cells["binta"].percent, cells["binta"].overdue) == ("in_progress", 50, True)
    assert (cells["chaka"].status, cells["chaka"].best, cells["chaka"].attempts) == ("passed", 85, 2)
    assert not cells["chaka"].overdue  # done in time or late, it is done
    assert (cells["djeneba"].status, cells["djeneba"].best) == ("in_progress", 40)


def test_progress_in_another_language_counts_for_the_same_assignment(module):
    course, lessons, _quiz = module
    translate(catalogue_build(), "en", title="Modules", slug="modules")
    translate(course, "en", title="Deepfakes", slug="deepfakes")
    english = translate(lessons[0], "en", title="Lesson 0", slug="lesson-0")
    classroom = classroom_build()
    assignment_build(classroom=classroom, course=course)
    pupil = pupil_join(classroom=classroom, user=UserFactory()).user
    lesson_done(user=pupil, lesson=english)
    assert class_matrix(classroom=classroom).rows[0].cells[0].done == 1


def test_filters_and_sorting(client, setup):
    classroom, assignment, _pupils = setup
    client.force_login(classroom.memberships.get(role="teacher").user)
    url = reverse("classrooms_dashboard", kwargs={"pk": classroom.pk})
    page = client.get(url, {"module": assignment.pk, "status": "passed"}).content.decode()
    assert "chaka" in page and "binta" not in page
    overdue = client.get(url, {"status": "overdue"}).content.decode()
    assert "awa" in overdue and "binta" in overdue and "chaka" not in overdue
    ranked = [row.user.username for row in class_matrix(classroom=classroom, sort=f"-{assignment.pk}").rows]
    assert ranked[0] == "chaka" and ranked[-1] == "awa"


def _dashboard_queries(client, classroom) -> int:
    url = reverse("classrooms_dashboard", kwargs={"pk": classroom.pk})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_dashboard_runs_as_many_queries_for_500_pupils_as_for_10(client, module):
    course, lessons, quiz = module
    teacher = UserFactory(username="teacher")
    small = classroom_build(teacher=teacher, name="small")
    big = classroom_build(teacher=teacher, school=small.school, name="big")
    for classroom, size in ((small, 10), (big, 500)):
        assignment_build(classroom=classroom, course=course)
        for pupil in pupils_add(classroom=classroom, count=size)[::5]:
            lesson_done(user=pupil, lesson=lessons[0])
            attempt_submitted(user=pupil, quiz=quiz, percent=90)
    client.force_login(teacher)
    _dashboard_queries(client, small)  # warm the caches (site root, locales)
    counts = (_dashboard_queries(client, small), _dashboard_queries(client, big))
    print("dashboard queries", counts)
    assert counts[0] == counts[1] <= 10


def test_a_student_sees_their_assignments_on_the_home_page(client, setup):
    _classroom, _assignment, pupils = setup
    client.force_login(pupils["binta"])
    page = client.get("/").content.decode()
    assert "My assignments" in page or "Mes devoirs" in page
    assert "Deepfakes" in page and 'value="50"' in page


def test_a_certificate_shows_as_issued_and_a_revoked_one_does_not(setup):
    classroom, assignment, pupils = setup
    from certificates.models import Certificate

    certificate = Certificate.objects.create(
        code="KLN-222-222-222", user=pupils["chaka"], course_key=assignment.course_key, language="fr", issuer_name="X"
    )
    cells = {row.user.username: row.cells[0] for row in class_matrix(classroom=classroom).rows}
    assert cells["chaka"].status == "certified" and cells["binta"].status == "in_progress"
    certificate.revoked_at = timezone.now()
    certificate.save()
    cells = {row.user.username: row.cells[0] for row in class_matrix(classroom=classroom).rows}
    assert cells["chaka"].status != "certified"


def test_the_module_filter_shows_only_that_modules_column(client, setup):
    classroom, assignment, _pupils = setup
    other = course_build(index=catalogue_build(), title="Sextorsion", slug="sextorsion")
    second = assignment_build(classroom=classroom, course=other)
    matrix = class_matrix(classroom=classroom, module=second.pk)
    assert [a.pk for a in matrix.assignments] == [second.pk]
    assert [a.pk for a in matrix.all_assignments] == [assignment.pk, second.pk]
    assert all(len(row.cells) == 1 for row in matrix.rows)


def test_the_assignment_form_refuses_a_past_due_date_and_accepts_today(client, module):
    from classrooms.forms import ERROR_DUE_DATE_PAST

    course, _lessons, _quiz = module
    teacher = UserFactory(username="teacher")
    classroom = classroom_build(teacher=teacher)
    client.force_login(teacher)
    url = reverse("classrooms_assignment_new", kwargs={"pk": classroom.pk})
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    refused = client.post(url, {"course": str(course.translation_key), "due_date": yesterday.isoformat()})
    assert str(ERROR_DUE_DATE_PAST) in refused.content.decode()
    assert 'aria-describedby="id_due_date_error"' in refused.content.decode()
    assert not classroom.assignments.exists()
    client.post(url, {"course": str(course.translation_key), "due_date": timezone.localdate().isoformat()})
    assert classroom.assignments.get().course_key == course.translation_key


def test_the_sorted_column_says_so_to_screen_readers(client, setup):
    classroom, assignment, _pupils = setup
    client.force_login(classroom.memberships.get(role="teacher").user)
    url = reverse("classrooms_dashboard", kwargs={"pk": classroom.pk})
    page = client.get(url, {"sort": f"-{assignment.pk}"}).content.decode()
    assert page.count('aria-sort="descending"') == 1 and 'aria-sort="ascending"' not in page
    assert page.index("chaka") < page.index("awa")
