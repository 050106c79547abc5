import csv
import io

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from classrooms.exports import cell_safe
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import assignment_build, attempt_submitted, classroom_build, lesson_done, pupil_join
from tests.factories.courses import catalogue_build, course_build, lesson_build
from tests.factories.quizzes import quiz_build

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_formula_cells_are_neutralised(value):
    assert cell_safe(value).startswith("'")


def test_plain_cells_are_left_alone():
    assert cell_safe("Aïssata Traoré") == "Aïssata Traoré" and cell_safe(85) == "85" and cell_safe(None) == ""


def _read(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())  # Excel opens accents correctly
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_class_and_quiz_csv_contain_the_pupils_escaped_and_their_results(client):
    course = course_build(index=catalogue_build())
    lesson = lesson_build(course=course, title="Leçon", slug="lecon")
    quiz = quiz_build(course=course)
    teacher = UserFactory(username="teacher")
    classroom = classroom_build(teacher=teacher)
    assignment_build(classroom=classroom, course=course)
    pupil = pupil_join(classroom=classroom, user=UserFactory(username="awa", display_name="=cmd|' /C calc'!A0")).user
    lesson_done(user=pupil, lesson=lesson)
    attempt_submitted(user=pupil, quiz=quiz, percent=90)

    client.force_login(teacher)
    rows = _read(client.get(reverse("classrooms_csv", kwargs={"pk": classroom.pk})))
    assert len(rows[0]) == 2 + 4  # pupil, username, then four columns per module
    assert rows[1][0] == "'=cmd|' /C calc'!A0" and rows[1][1] == "awa"
    assert rows[1][3] == "100" and rows[1][4] == "90"

    results = _read(client.get(reverse("classrooms_quiz_csv", kwargs={"pk": classroom.pk})))
    assert results[1][1] == "awa" and results[1][4] == "1" and results[1][5] == "90"


def test_a_coordinator_exports_the_whole_school_and_nobody_else_can(client):
    coordinator = UserFactory(username="coord")
    classroom = classroom_build(name="6e A")
    classroom.school.coordinators.add(coordinator)
    other = classroom_build(school=classroom.school, name="6e B")
    pupil_join(classroom=classroom, user=UserFactory(username="awa"))
    pupil_join(classroom=other, user=UserFactory(username="binta"))
    url = reverse("classrooms_school_csv", kwargs={"school_pk": classroom.school.pk})
    client.force_login(coordinator)
    rows = _read(client.get(url))
    assert [row[0] for row in rows if row and row[0].startswith("6e")] == ["6e A", "6e B"]
    client.force_login(classroom.memberships.get(role="teacher").user)
    assert client.get(url).status_code == 404
