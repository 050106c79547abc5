"""The teacher's dashboard: the class matrix, one pupil, one quiz; assigning modules."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quizzes.statistics import quiz_statistics

from ..forms import AssignmentForm, CoteacherForm
from ..models import ClassroomMembership
from ..selectors import (
    STATUSES,
    assignable_courses,
    class_matrix,
    classroom_for_staff,
    classroom_for_teacher,
    course_outlines,
    membership_for_staff,
    pupil_detail,
)
from ..services import ClassroomError, assignment_create, assignment_delete
from .teaching import _can_manage


def _int_or_none(value):
    return int(value) if value and value.isdigit() else None


@login_required
def dashboard(request, pk: int):
    classroom = classroom_for_staff(user=request.user, pk=pk)
    module = _int_or_none(request.GET.get("module"))
    status = request.GET.get("status") or None
    sort = request.GET.get("sort", "name")
    matrix = class_matrix(classroom=classroom, module=module, status=status, sort=sort)
    columns = [
        {"assignment": a, "title": matrix.title(a), "outline": matrix.outlines.get(a.course_key)}
        for a in matrix.assignments
    ]
    modules = [{"pk": a.pk, "title": matrix.title(a), "assignment": a} for a in matrix.all_assignments]
    teachers = matrix.teachers
    can_manage = request.user.is_superuser or any(m.user_id == request.user.pk for m in teachers)
    context = {
        "classroom": classroom,
        "matrix": matrix,
        "columns": columns,
        "modules": modules,
        "statuses": STATUSES,
        "module": module,
        "status": status,
        "sort": sort,
        "teachers": teachers,
        "can_manage": can_manage,
        "coteacher_form": CoteacherForm(),
        # Per-row strings made once: a 500-pupil table would otherwise reverse 500 URLs.
        "pupils_url": reverse("classrooms_pupil", kwargs={"pk": classroom.pk, "membership_pk": 0})[:-2],
        "best_label": _("best score"),
        "overdue_label": STATUSES["overdue"],
    }
    return render(request, "classrooms/dashboard.html", context)


@login_required
def pupil_page(request, pk: int, membership_pk: int):
    classroom = classroom_for_staff(user=request.user, pk=pk)
    membership = membership_for_staff(classroom=classroom, pk=membership_pk)
    detail = pupil_detail(classroom=classroom, membership=membership)
    can_manage = _can_manage(request.user, classroom)
    context = {"classroom": classroom, "detail": detail, "can_manage": can_manage, "can_revoke": can_manage}
    return render(request, "classrooms/pupil.html", context)


@login_required
def quiz_page(request, pk: int, quiz_key: uuid.UUID):
    """Per-question statistics of an assigned module's quiz over the class, all languages together.
    Answers to sensitive questions appear only as totals (quizzes.statistics sees to that)."""
    classroom = classroom_for_staff(user=request.user, pk=pk)
    outlines = course_outlines(course_keys=classroom.assignments.values_list("course_key", flat=True))
    outline = next((o for o in outlines.values() if o.quiz_key == quiz_key), None)
    if outline is None:
        raise Http404
    learners = list(
        ClassroomMembership.objects.filter(classroom=classroom, role=ClassroomMembership.Role.STUDENT).values_list(
            "user_id", flat=True
        )
    )
    statistics = quiz_statistics(quiz_key=quiz_key, learner_ids=learners)
    context = {"classroom": classroom, "outline": outline, "statistics": statistics, "learners": len(learners)}
    return render(request, "classrooms/quiz_statistics.html", context)


@login_required
def assignment_new(request, pk: int):
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    form = AssignmentForm(request.POST or None, courses=assignable_courses())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment_create(
                classroom=classroom,
                course_key=uuid.UUID(data["course"]),
                assigned_by=request.user,
                due_date=data["due_date"],
                message=data["message"],
            )
        except ClassroomError as error:
            form.add_error("due_date", error.message)
        else:
            messages.success(request, _("The module has been assigned to the class."))
            return redirect("classrooms_dashboard", pk=classroom.pk)
    return render(request, "classrooms/assignment_form.html", {"classroom": classroom, "form": form})


@login_required
@require_POST
def assignment_remove(request, pk: int, assignment_pk: int):
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    assignment_delete(assignment=get_object_or_404(classroom.assignments, pk=assignment_pk))
    messages.success(request, _("The assignment has been removed. The pupils keep their progress."))
    return redirect("classrooms_dashboard", pk=classroom.pk)
