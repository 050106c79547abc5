import datetime

import pytest
from django.utils import timezone

from accounts.roles import Role, user_roles
from classrooms.models import ClassroomMembership, TeacherRequest
from classrooms.services import (
    ERROR_ALREADY_ASKED,
    ERROR_DUE_DATE_PAST,
    ERROR_NOT_A_TEACHER_ACCOUNT,
    ERROR_NOT_APPROVED,
    ClassroomError,
    assignment_create,
    classroom_coteacher_add,
    classroom_create,
    classroom_join,
    join_code_disable,
    join_code_regenerate,
    teacher_request_create,
    teacher_request_decide,
)
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import classroom_build, school_build, teacher_approve

pytestmark = pytest.mark.django_db


def test_no_class_before_the_request_to_teach_is_approved():
    school = school_build()
    teacher = UserFactory()
    request = teacher_request_create(user=teacher, school=school)
    with pytest.raises(ClassroomError) as refused:
        classroom_create(teacher=teacher, school=school, name="6e A")
    assert refused.value.message == ERROR_NOT_APPROVED
    with pytest.raises(ClassroomError) as again:
        teacher_request_create(user=teacher, school=school)
    assert again.value.message == ERROR_ALREADY_ASKED

    teacher_request_decide(request=request, approve=True, decided_by=None)
    assert Role.TEACHER in user_roles(teacher)
    classroom = classroom_create(teacher=teacher, school=school, name="6e A")
    assert classroom.join_code and len(classroom.join_code) == 6
    assert classroom.memberships.get().role == ClassroomMembership.Role.TEACHER


def test_a_declined_teacher_still_cannot_create_a_class():
    school = school_build()
    teacher = UserFactory()
    request = teacher_request_create(user=teacher, school=school)
    teacher_request_decide(request=request, approve=False, decided_by=None)
    assert TeacherRequest.objects.get().status == TeacherRequest.Status.DECLINED
    with pytest.raises(ClassroomError):
        classroom_create(teacher=teacher, school=school, name="6e A")


def test_approval_at_one_school_does_not_open_another():
    teacher = teacher_approve(user=UserFactory(), school=school_build(name="A"))
    with pytest.raises(ClassroomError):
        classroom_create(teacher=teacher, school=school_build(name="B"), name="6e A")


def test_joining_twice_makes_one_membership():
    classroom = classroom_build()
    pupil = UserFactory()
    _, first = classroom_join(classroom=classroom, user=pupil)
    _, second = classroom_join(classroom=classroom, user=pupil)
    assert (first, second) == (True, False)
    assert classroom.memberships.filter(user=pupil).count() == 1


def test_regenerated_code_replaces_the_old_one_and_disabled_means_none():
    classroom = classroom_build()
    old = classroom.join_code
    join_code_regenerate(classroom=classroom)
    assert classroom.join_code != old
    join_code_disable(classroom=classroom)
    classroom.refresh_from_db()
    assert classroom.join_code is None and not classroom.code_active


def test_only_an_approved_teacher_of_the_school_can_be_a_coteacher():
    classroom = classroom_build()
    stranger = UserFactory(username="not-a-teacher")
    with pytest.raises(ClassroomError) as refused:
        classroom_coteacher_add(classroom=classroom, username="not-a-teacher")
    assert refused.value.message == ERROR_NOT_A_TEACHER_ACCOUNT
    teacher_approve(user=stranger, school=classroom.school)
    classroom_coteacher_add(classroom=classroom, username="not-a-teacher")
    assert classroom.memberships.get(user=stranger).role == ClassroomMembership.Role.TEACHER


def test_a_due_date_in_the_past_is_refused(settings):
    classroom = classroom_build()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ClassroomError) as refused:
        assignment_create(
            classroom=classroom, course_key="00000000-0000-0000-0000-000000000001", assigned_by=None, due_date=yesterday
        )
    assert refused.value.message == ERROR_DUE_DATE_PAST
    assert not classroom.assignments.exists()
