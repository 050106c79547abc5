"""Revocation in the Wagtail admin: find a certificate by its code, give a reason, revoke."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .codes import CodeError, certificate_code_parse
from .models import Certificate
from .selectors import certificate_by_code, certificate_title
from .services import (
    REVOKE_ALREADY,
    REVOKE_DONE,
    CertificateAlreadyRevoked,
    certificate_revoke,
    certificate_revoke_allowed,
)

REVOKE_NOT_FOUND = _("No certificate with this code.")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("The learner sees this reason; the public verification page does not."),
    )


def _find(raw: str) -> Certificate | None:
    try:
        return certificate_by_code(canonical=certificate_code_parse(raw).canonical)
    except CodeError:
        return None


def revoke(request):
    if not request.user.is_superuser:  # only administrators get to look certificates up here
        raise PermissionDenied
    raw = (request.POST.get("code") or request.GET.get("code") or "")[:64]
    certificate = _find(raw) if raw else None
    if certificate is not None and not certificate_revoke_allowed(user=request.user, certificate=certificate):
        raise PermissionDenied
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and certificate is not None and form.is_valid():
        try:
            certificate_revoke(certificate=certificate, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, REVOKE_DONE % {"code": certificate.code})
        except CertificateAlreadyRevoked:
            messages.error(request, REVOKE_ALREADY)
        return redirect(f"{reverse('certificates_revoke')}?code={certificate.code}")
    context = {
        "code": raw,
        "certificate": certificate,
        "not_found": bool(raw) and certificate is None,
        "not_found_message": REVOKE_NOT_FOUND,
        "title": certificate_title(certificate=certificate, language=get_language()) if certificate else "",
        "revocations": list(certificate.revocations.select_related("revoked_by")) if certificate else [],
        "form": form,
    }
    return render(request, "certificates/admin/revoke.html", context)
