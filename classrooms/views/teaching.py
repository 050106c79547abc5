"""Becoming a teacher, creating a class, its join code and co-teachers."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..codes import join_code_display
from ..forms import ClassroomForm, CoteacherForm, TeacherRequestForm
from ..selectors import classroom_for_staff, classroom_for_teacher, teacher_requests_to_decide, teacher_schools
from ..services import (
    ClassroomError,
    classroom_coteacher_add,
    classroom_create,
    join_code_disable,
    join_code_regenerate,
    teacher_request_create,
    teacher_request_decide,
)


@login_required
@require_POST
def teacher_request(request):
    form = TeacherRequestForm(request.POST)
    if form.is_valid():
        try:
            teacher_request_create(user=request.user, school=form.cleaned_data["school"])
            messages.success(request, _("Your request has been sent. A coordinator of the school will answer it."))
        except ClassroomError as error:
            messages.error(request, error.message)
    return redirect("classrooms_home")


@login_required
@require_POST
def teacher_request_answer(request, pk: int):
    pending = get_object_or_404(teacher_requests_to_decide(user=request.user), pk=pk)
    approve = request.POST.get("decision") == "approve"
    teacher_request_decide(request=pending, approve=approve, decided_by=request.user)
    messages.success(request, _("Request approved.") if approve else _("Request declined."))
    return redirect("classrooms_home")


@login_required
def classroom_new(request):
    schools = teacher_schools(user=request.user)
    if not schools.exists():
        raise Http404  # approved teachers only; the "my classes" page explains how to ask
    form = ClassroomForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            classroom = classroom_create(
                teacher=request.user, school=data["school"], name=data["name"], level=data["level"], year=data["year"]
            )
        except ClassroomError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The class has been created. Give its code to your pupils."))
            return redirect("classrooms_code", pk=classroom.pk)
    return render(request, "classrooms/classroom_form.html", {"form": form})


@login_required
def join_code_page(request, pk: int):
    """The code shown big, to print or project, with a QR code to the join link."""
    classroom = classroom_for_staff(user=request.user, pk=pk)
    context = {"classroom": classroom, "can_manage": _can_manage(request.user, classroom)}
    if classroom.join_code:
        code = join_code_display(classroom.join_code)
        link = request.build_absolute_uri(reverse("classrooms_join_code", kwargs={"code": code}))
        context.update(code=code, link=link, qr_svg=segno.make(link, error="m").svg_inline(scale=6, omitsize=True))
    return render(request, "classrooms/join_code.html", context)


def _can_manage(user, classroom) -> bool:
    try:
        classroom_for_teacher(user=user, pk=classroom.pk)
    except Http404:
        return False
    return True


@login_required
@require_POST
def join_code_change(request, pk: int):
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    if request.POST.get("action") == "disable":
        join_code_disable(classroom=classroom)
        messages.success(request, _("The code is disabled: nobody can join the class with it any more."))
    else:
        join_code_regenerate(classroom=classroom)
        messages.success(request, _("The class has a new code. The old one no longer works."))
    return redirect("classrooms_code", pk=classroom.pk)


@login_required
@require_POST
def coteacher_add(request, pk: int):
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    form = CoteacherForm(request.POST)
    if form.is_valid():
        try:
            classroom_coteacher_add(classroom=classroom, username=form.cleaned_data["username"])
            messages.success(request, _("The co-teacher has been added."))
        except ClassroomError as error:
            messages.error(request, error.message)
    return redirect("classrooms_dashboard", pk=classroom.pk)
