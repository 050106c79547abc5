"""Public verification (no login, no cookie) and the learner's own certificates."""

from allauth.core.internal import ratelimit
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from .codes import CodeFormatError, CodeTypoError, certificate_code_parse
from .models import Certificate
from .pdf import certificate_pdf_cached, certificate_verify_url, pdf_storage
from .selectors import certificate_by_code, certificate_title, certificates_of_user, user_certificate_name
from .tasks import certificate_pdf_generate

VERIFY_INVALID = _("This is not a valid code. A certificate code looks like KLN-7F3-K92-QXM.")
VERIFY_TYPO = _("This looks like a typo: one character of the code is wrong. Please check the code.")
VERIFY_UNKNOWN = _("No certificate with this code.")
VERIFY_TOO_MANY = _("Too many codes checked from this connection. Please wait a minute and try again.")
MAX_CODE_INPUT = 64
PDF_RETRY_SECONDS = 5


def _verify_page(request, *, code: str = "", error=None, certificate=None, status: int = 200):
    context = {"code": code, "error": error, "certificate": certificate}
    if certificate is not None:
        context["title"] = certificate_title(certificate=certificate, language=get_language())
        context["name"] = user_certificate_name(certificate.user)
    response = render(request, "certificates/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # A revocation must show at once: nobody may keep an old answer.
    patch_cache_control(response, no_cache=True, no_store=True)
    return response


def _verify(request, raw: str):
    raw = raw[:MAX_CODE_INPUT]
    try:
        parsed = certificate_code_parse(raw)
    except CodeTypoError:
        return _verify_page(request, code=raw, error=VERIFY_TYPO, status=404)
    except CodeFormatError:
        return _verify_page(request, code=raw, error=VERIFY_INVALID, status=404)
    # Only codes that parse count: a guesser always sends valid check characters, while someone
    # who mistypes is never locked out for it (see certificates/codes.py).
    # allauth's limiter (the shared cache, ACCOUNT_RATE_LIMITS); its public wrapper skips GETs.
    if not ratelimit.consume(request, app="allauth.account", action="certificate_verify", limit_get=True):
        return _verify_page(request, code=raw, error=VERIFY_TOO_MANY, status=429)
    certificate = certificate_by_code(canonical=parsed.canonical)
    if certificate is None:
        return _verify_page(request, code=parsed.canonical, error=VERIFY_UNKNOWN, status=404)
    return _verify_page(request, code=parsed.canonical, certificate=certificate)


@require_GET
def verify(request):
    """The form to type a code; with ?code=, the answer for that code."""
    if "code" not in request.GET:
        return _verify_page(request)
    return _verify(request, request.GET["code"])


@require_GET
def verify_code(request, code: str):
    """The QR code's target."""
    return _verify(request, code)


@login_required
def my_certificates(request):
    entries = certificates_of_user(user=request.user, language=get_language())
    rows = [{"entry": entry, "verify_url": certificate_verify_url(entry.certificate)} for entry in entries]
    context = {"rows": rows, "name": user_certificate_name(request.user)}
    return render(request, "certificates/my_certificates.html", context)


@login_required
def certificate_download(request, code: str):
    """The learner's own PDF; anyone else's, a revoked one or an unknown code: 404."""
    certificate = (
        Certificate.objects.select_related("user").filter(code=code, user=request.user, revoked_at=None).first()
    )
    if certificate is None:
        raise Http404
    name = certificate_pdf_cached(certificate)
    if name is None:
        certificate_pdf_generate.enqueue(certificate_id=certificate.pk)
        name = certificate_pdf_cached(certificate)  # ready at once unless a worker does it
    if name is None:
        response = render(request, "certificates/pdf_pending.html", {"seconds": PDF_RETRY_SECONDS}, status=202)
        response["Refresh"] = str(PDF_RETRY_SECONDS)
        return response
    return FileResponse(
        pdf_storage().open(name),
        as_attachment=True,
        filename=f"certificate-{certificate.code}.pdf",
        content_type="application/pdf",
    )
