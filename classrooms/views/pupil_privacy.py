"""A teacher takes or erases the data of a pupil account they manage (made by a teacher of the
class, see ClassroomMembership.created_by_teacher). Anyone else, or any other pupil: 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.data_export import user_data_export_json
from accounts.erasure import user_erase
from accounts.models import ErasureLog
from accounts.privacy_registry import ErasureOptions
from accounts.selectors import pupil_accounts

from ..forms import PupilEraseForm
from ..models import ClassroomMembership
from ..selectors import classroom_for_teacher, membership_for_staff


def _managed_pupil(request, pk: int, membership_pk: int) -> tuple:
    """The class (one the user teaches) and a pupil account a teacher of it made, else 404.
    An account that has since become staff (teacher, editor...) is not a pupil account any more."""
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    membership: ClassroomMembership = membership_for_staff(classroom=classroom, pk=membership_pk)
    if not membership.created_by_teacher or membership.user_id == request.user.pk:
        raise Http404
    if not pupil_accounts().filter(pk=membership.user_id).exists():
        raise Http404
    return classroom, membership


@never_cache
@require_GET
@login_required
def pupil_data_export(request, pk: int, membership_pk: int):
    """Everything held about the pupil, as the JSON file the pupil would download themself
    (labels in the pupil's language), to hand over to the pupil or their family."""
    _classroom, membership = _managed_pupil(request, pk, membership_pk)
    pupil = membership.user
    response = HttpResponse(user_data_export_json(user=pupil), content_type="application/json; charset=utf-8")
    filename = f"kalan-{pupil.username}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def pupil_erase(request, pk: int, membership_pk: int):
    """GET: what erasing deletes, and the form. POST (CSRF, the pupil's username typed): erase."""
    classroom, membership = _managed_pupil(request, pk, membership_pk)
    pupil = membership.user
    form = PupilEraseForm(request.POST or None, pupil=pupil)
    if request.method == "POST" and form.is_valid():
        teaches = classroom.memberships.filter(user_id=request.user.pk, role=ClassroomMembership.Role.TEACHER).exists()
        role = ErasureLog.ActorRole.TEACHER if teaches else ErasureLog.ActorRole.ADMINISTRATOR
        options = ErasureOptions(keep_certificates=form.cleaned_data["keep_certificates"])
        user_erase(user=pupil, actor=request.user, actor_role=role, options=options)
        # No name in the message: the class page no longer shows who left.
        messages.success(request, _("The pupil's account and data have been erased."))
        return redirect("classrooms_dashboard", pk=classroom.pk)
    return render(
        request, "classrooms/pupil_erase.html", {"classroom": classroom, "membership": membership, "form": form}
    )
