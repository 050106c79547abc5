import pytest

from accounts.demo import demo_accounts_ensure
from classrooms.demo import demo_classroom_ensure
from classrooms.models import Classroom, ClassroomMembership, School
from classrooms.selectors import schools_for_coordinator, teacher_schools

pytestmark = pytest.mark.django_db


def test_the_demo_teacher_has_an_approved_school_and_a_class_with_the_demo_student_once():
    demo_accounts_ensure()
    first = demo_classroom_ensure()
    second = demo_classroom_ensure()
    assert first.pk == second.pk
    assert School.objects.count() == Classroom.objects.count() == 1
    roles = dict(first.memberships.values_list("user__username", "role"))
    assert roles == {
        "demo-enseignant": ClassroomMembership.Role.TEACHER,
        "demo-eleve": ClassroomMembership.Role.STUDENT,
    }
    teacher = first.memberships.get(role="teacher").user
    assert list(teacher_schools(user=teacher)) == [first.school]
    coordinator = first.school.coordinators.get()
    assert coordinator.username == "demo-coordination"
    assert list(schools_for_coordinator(user=coordinator)) == [first.school]


def test_the_demo_class_has_the_deepfakes_module_assigned_once_when_it_exists():
    from tests.factories.courses import catalogue_build, course_build

    demo_accounts_ensure()
    course = course_build(index=catalogue_build())
    classroom = demo_classroom_ensure()
    demo_classroom_ensure()
    assignment = classroom.assignments.get()
    assert assignment.course_key == course.translation_key and assignment.due_date is not None
