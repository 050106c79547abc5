"""Reads on classrooms. Each function runs a fixed number of queries, whatever the class size."""

from .access import (
    classroom_for_staff,
    classroom_for_teacher,
    membership_for_staff,
    pupil_school_name,
    schools_for_coordinator,
    staff_classrooms,
    teacher_requests_to_decide,
    teacher_schools,
    teacher_teaches_pupil,
)
from .progress import (
    STATUSES,
    Cell,
    ClassMatrix,
    CourseOutline,
    assignable_courses,
    class_matrix,
    course_outlines,
    pupil_detail,
    student_assignments,
)

__all__ = [
    "STATUSES",
    "Cell",
    "ClassMatrix",
    "CourseOutline",
    "assignable_courses",
    "class_matrix",
    "classroom_for_staff",
    "classroom_for_teacher",
    "course_outlines",
    "membership_for_staff",
    "pupil_detail",
    "pupil_school_name",
    "schools_for_coordinator",
    "staff_classrooms",
    "student_assignments",
    "teacher_requests_to_decide",
    "teacher_schools",
    "teacher_teaches_pupil",
]
