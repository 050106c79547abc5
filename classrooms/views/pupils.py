"""Pupil accounts made by the teacher: list or CSV, preview, background creation, login slips."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_tasks.backends.immediate import ImmediateBackend

from accounts.forms import NO_NOTICE_VERSION
from core.models.privacy import privacy_notice_for_language

from ..forms import PupilListForm
from ..models import PupilBatch
from ..pupil_lists import pupil_list_from_csv, pupil_list_from_lines, pupil_list_from_text
from ..selectors import classroom_for_teacher, membership_for_staff
from ..services import (
    membership_remove,
    pupil_batch_create,
    pupil_batch_slips_clear,
    pupil_batch_slips_expire,
    pupil_password_reset,
)
from ..tasks import pupil_batch_run, pupil_batch_work

SCHOOL_CONSENT_REQUIRED = gettext_lazy(
    "Please confirm that the school has the consent needed to create these accounts. Nothing has been created."
)


@login_required
def pupils_new(request, pk: int):
    """Step 1: names or a CSV. Step 2: the preview. Step 3 (confirm): the accounts are queued."""
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    notice = privacy_notice_for_language(get_language())
    if request.method == "POST" and request.POST.get("step") == "confirm":
        pupils = pupil_list_from_lines(request.POST.getlist("name"))
        consent = bool(request.POST.get("school_consent"))
        if pupils.ok and consent:
            batch = pupil_batch_create(
                classroom=classroom,
                requested_by=request.user,
                names=pupils.names,
                notice_version=notice.version if notice is not None else NO_NOTICE_VERSION,
                notice_language=notice.locale.language_code if notice is not None else "",
            )
            return redirect("classrooms_batch", pk=classroom.pk, batch_pk=batch.pk)
        context = {"classroom": classroom, "pupils": pupils, "notice": notice}
        if pupils.ok:
            context["consent_error"] = SCHOOL_CONSENT_REQUIRED
        return render(request, "classrooms/pupils_preview.html", context)
    form = PupilListForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pupils = pupil_list_from_csv(data["file_bytes"]) if data.get("file") else pupil_list_from_text(data["names"])
        return render(
            request,
            "classrooms/pupils_preview.html",
            {"classroom": classroom, "pupils": pupils, "notice": notice},
        )
    return render(request, "classrooms/pupils_new.html", {"classroom": classroom, "form": form})


def _batch(request, pk, batch_pk) -> PupilBatch:
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    batch = get_object_or_404(PupilBatch.objects.select_related("classroom"), classroom=classroom, pk=batch_pk)
    pupil_batch_slips_expire(batch=batch)
    return batch


def _without_worker() -> bool:
    return isinstance(pupil_batch_run.get_backend(), ImmediateBackend)


@never_cache
@login_required
def batch_status(request, pk: int, batch_pk: int):
    """Progress of the accounts being created; refreshes itself (no JavaScript needed) until done."""
    batch = _batch(request, pk, batch_pk)
    if batch.status in (PupilBatch.Status.QUEUED, PupilBatch.Status.RUNNING) and _without_worker():
        # No task worker (immediate backend): each refresh of this page runs the next slice.
        # Only the batch's own class teacher gets here, and it only continues confirmed work.
        pupil_batch_work(batch_id=batch.pk)
        batch.refresh_from_db()
    running = batch.status in (PupilBatch.Status.QUEUED, PupilBatch.Status.RUNNING)
    return render(
        request, "classrooms/batch_status.html", {"batch": batch, "classroom": batch.classroom, "running": running}
    )


@never_cache
@login_required
def batch_slips(request, pk: int, batch_pk: int):
    batch = _batch(request, pk, batch_pk)
    return render(
        request, "classrooms/slips.html", {"classroom": batch.classroom, "slips": batch.slips, "batch": batch}
    )


@never_cache
@login_required
def batch_slips_pdf(request, pk: int, batch_pk: int):
    from weasyprint import HTML

    batch = _batch(request, pk, batch_pk)
    html = render_to_string("classrooms/slips_pdf.html", {"classroom": batch.classroom, "slips": batch.slips})
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="slips.pdf"'
    return response


@login_required
@require_POST
def batch_slips_clear(request, pk: int, batch_pk: int):
    batch = _batch(request, pk, batch_pk)
    pupil_batch_slips_clear(batch=batch)
    messages.success(request, _("The passwords have been erased from Kalan. Keep the printed slips safe."))
    return redirect("classrooms_dashboard", pk=batch.classroom.pk)


@never_cache
@login_required
@require_POST
def pupil_reset(request, pk: int, membership_pk: int):
    """A new password, shown once on a slip to print."""
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    membership = membership_for_staff(classroom=classroom, pk=membership_pk)
    if not membership.created_by_teacher:
        raise Http404  # a pupil who signed up alone keeps sole control of their password
    slip = pupil_password_reset(membership=membership)
    return render(request, "classrooms/slips.html", {"classroom": classroom, "slips": [slip]})


@login_required
@require_POST
def pupil_remove(request, pk: int, membership_pk: int):
    classroom = classroom_for_teacher(user=request.user, pk=pk)
    membership = membership_for_staff(classroom=classroom, pk=membership_pk)
    name = str(membership.user)
    membership_remove(membership=membership)
    messages.success(request, _("%(name)s has been removed from the class.") % {"name": name})
    return redirect(reverse("classrooms_dashboard", kwargs={"pk": classroom.pk}))


REVOKE_REASON_REQUIRED = gettext_lazy("Please give the reason for revoking: the learner will read it.")


@login_required
@require_POST
def certificate_revoke_view(request, pk: int, membership_pk: int, certificate_pk: int):
    """A teacher revokes a pupil's certificate, with a reason (logged by the certificates app)."""
    from certificates.selectors import certificate_of_user
    from certificates.services import REVOKE_ALREADY, REVOKE_DONE, CertificateAlreadyRevoked, certificate_revoke

    classroom = classroom_for_teacher(user=request.user, pk=pk)
    membership = membership_for_staff(classroom=classroom, pk=membership_pk)
    certificate = certificate_of_user(user_id=membership.user_id, pk=certificate_pk)
    if certificate is None:
        raise Http404
    reason = request.POST.get("reason", "")[:1000].strip()
    back = reverse("classrooms_pupil", kwargs={"pk": classroom.pk, "membership_pk": membership.pk})
    if not reason:
        messages.error(request, REVOKE_REASON_REQUIRED)
        return redirect(back)
    try:
        certificate_revoke(certificate=certificate, by=request.user, reason=reason)
    except CertificateAlreadyRevoked:
        messages.info(request, REVOKE_ALREADY)
    else:
        messages.success(request, REVOKE_DONE % {"code": certificate.code})
    return redirect(back)
