"""Writes on certificates: issuing and revoking. Other apps call these functions, not the models.

Issuing is idempotent: the unique (user, module) constraint is the last word, so two lesson
completions racing in two tabs still give one certificate.
"""

import functools
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from courses.selectors import course_lessons_all_completed
from quizzes.selectors import quiz_passed_for_course

from .codes import certificate_code_new
from .models import Certificate, CertificateRevocation

_CODE_ATTEMPTS = 5  # a collision among 30^8 codes is rare; five in a row means a bug


def certificate_issuer_name(*, user) -> str:
    """Who the certificate says issued it: the school of the learner's class, else the platform."""
    from classrooms.selectors import pupil_school_name

    return pupil_school_name(user=user) or settings.WAGTAIL_SITE_NAME


def certificate_issue_if_complete(
    *, user, course_key: uuid.UUID, language: str | None = None
) -> tuple[Certificate | None, bool]:
    """Issue the module's certificate if the learner has completed every lesson (in any language)
    and passed its quiz. Returns (the learner's certificate or None, whether it was issued now).

    Calling it again, or concurrently, never issues a second certificate.
    """
    if not user.is_authenticated:
        return None, False
    existing = Certificate.objects.filter(user=user, course_key=course_key).first()
    if existing is not None:
        return existing, False
    if not course_lessons_all_completed(user=user, course_key=course_key):
        return None, False
    if not quiz_passed_for_course(user=user, course_key=course_key):
        return None, False
    languages = {code for code, _name in settings.LANGUAGES}
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language not in languages:
        language = user.preferred_language if user.preferred_language in languages else settings.LANGUAGE_CODE
    for _attempt in range(_CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    code=certificate_code_new(),
                    user=user,
                    course_key=course_key,
                    language=language,
                    issuer_name=certificate_issuer_name(user=user),
                )
        except IntegrityError:
            existing = Certificate.objects.filter(user=user, course_key=course_key).first()
            if existing is not None:  # issued meanwhile by a concurrent request
                return existing, False
            continue  # the code was taken: draw another
        transaction.on_commit(functools.partial(_pdf_generate_later, certificate.pk))
        return certificate, True
    raise RuntimeError("could not draw an unused certificate code")


def _pdf_generate_later(certificate_id: int) -> None:
    from .tasks import certificate_pdf_generate

    certificate_pdf_generate.enqueue(certificate_id=certificate_id)


def certificate_revoke_allowed(*, user, certificate: Certificate) -> bool:
    """Administrators may revoke any certificate; a teacher, the certificates of their pupils."""
    from classrooms.selectors import teacher_teaches_pupil

    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or teacher_teaches_pupil(teacher=user, pupil_id=certificate.user_id)


# What the person revoking is told, wherever they revoke (the admin, a teacher's pupil page).
REVOKE_DONE = _("Certificate %(code)s revoked.")
REVOKE_ALREADY = _("This certificate was already revoked.")


class CertificateAlreadyRevoked(Exception):
    pass


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke a certificate, and log who did it, when and why."""
    reason = reason.strip()
    if not reason:
        raise ValueError("a revocation needs a reason")
    if not certificate_revoke_allowed(user=by, certificate=certificate):
        raise PermissionDenied
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise CertificateAlreadyRevoked
        now = timezone.now()
        certificate.revoked_at, certificate.revoked_reason, certificate.revoked_by = now, reason, by
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        CertificateRevocation.objects.create(certificate=certificate, revoked_by=by, revoked_at=now, reason=reason)
    return certificate
