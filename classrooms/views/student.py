"""A pupil's side: my classes and assignments, joining a class by code or by the join link."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..codes import join_code_display, join_code_normalise
from ..forms import ERROR_BAD_CODE, ERROR_TOO_MANY_TRIES, ERROR_UNKNOWN_CODE, JoinForm, TeacherRequestForm
from ..models import Classroom, School, TeacherRequest
from ..selectors import staff_classrooms, student_assignments, teacher_requests_to_decide, teacher_schools
from ..services import classroom_join
from ..throttle import join_blocked, join_failure_record


@login_required
def classes_home(request):
    """My classes: what my classes ask of me, and, for teachers and coordinators, the classes I follow."""
    user = request.user
    context = {
        "student_classes": student_assignments(user=user),
        "staff_classes": list(staff_classrooms(user=user)),
        "teacher_schools": list(teacher_schools(user=user)),
        "coordinated_schools": list(School.objects.filter(coordinators=user)),
        "my_requests": list(TeacherRequest.objects.filter(user=user).select_related("school")),
        "requests_to_decide": list(teacher_requests_to_decide(user=user)),
        "request_form": TeacherRequestForm(),
        "join_form": JoinForm(),
    }
    return render(request, "classrooms/classes_home.html", context)


def _lookup(request, raw: str) -> tuple[Classroom | None, str | None]:
    """The class with this code, or an error message. Wrong codes count against the limits."""
    if join_blocked(request):
        return None, ERROR_TOO_MANY_TRIES
    code = join_code_normalise(raw)
    classroom = Classroom.objects.select_related("school").filter(join_code=code).first() if code is not None else None
    if classroom is None:
        join_failure_record(request)
        return None, ERROR_BAD_CODE if code is None else ERROR_UNKNOWN_CODE
    return classroom, None


@login_required
@require_http_methods(["GET", "POST"])
def join(request):
    """Type the code: then confirm on the class's join page, which names the class and school."""
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        classroom, error = _lookup(request, form.cleaned_data["code"])
        if classroom is not None:
            return redirect("classrooms_join_code", code=join_code_display(classroom.join_code))
        form.add_error("code", error)
    status = 429 if form.errors and join_blocked(request) else 200
    return render(request, "classrooms/join.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def join_code(request, code: str):
    """The join link (from the QR code or typed): name the class, then join in one tap.

    Someone without an account signs up here (no e-mail needed) and comes back.
    """
    classroom, error = _lookup(request, code)
    if classroom is None:
        status = 429 if error == ERROR_TOO_MANY_TRIES else 404
        return render(request, "classrooms/join.html", {"form": JoinForm(), "error": error}, status=status)
    if request.method == "POST" and request.user.is_authenticated:
        _membership, created = classroom_join(classroom=classroom, user=request.user)
        if created:
            messages.success(request, _("You have joined the class %(name)s.") % {"name": classroom.name})
        else:
            messages.info(request, _("You are already in the class %(name)s.") % {"name": classroom.name})
        return redirect("classrooms_home")
    here = request.get_full_path()
    context = {
        "classroom": classroom,
        "code": join_code_display(classroom.join_code),
        "signup_url": f"{reverse('account_signup')}?{urlencode({'next': here})}",
        "login_url": f"{reverse('account_login')}?{urlencode({'next': here})}",
    }
    return render(request, "classrooms/join_confirm.html", context)
