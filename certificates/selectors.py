"""Reads on certificates. Other apps (the teacher dashboard, the module page) call these."""

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings

from courses.selectors import course_titles

from .models import Certificate


def certificate_index(
    *, user_ids: Collection[int], course_keys: Collection[uuid.UUID]
) -> dict[tuple[int, uuid.UUID], Certificate]:
    """Every certificate of these learners for these modules, revoked ones included, keyed by
    (user id, module key). One query, whatever the number of learners and modules."""
    if not user_ids or not course_keys:
        return {}
    certificates = Certificate.objects.filter(user_id__in=list(user_ids), course_key__in=list(course_keys))
    return {(certificate.user_id, certificate.course_key): certificate for certificate in certificates}


def certificate_for_course(*, user, course_key: uuid.UUID) -> Certificate | None:
    """The learner's certificate for a module, if any (revoked or not). One query."""
    if not user.is_authenticated:
        return None
    return Certificate.objects.filter(user=user, course_key=course_key).first()


def certificate_by_code(*, canonical: str) -> Certificate | None:
    """The certificate with this canonical code, with its learner. One query."""
    return Certificate.objects.select_related("user").filter(code=canonical).first()


def user_certificate_name(user) -> str:
    """The name a certificate shows: the one the learner chose, else their initials ("A. T.");
    none for a certificate kept anonymously after its learner erased their account."""
    if user is None:
        return ""
    chosen = (user.certificate_name or "").strip()
    if chosen:
        return chosen
    source = " ".join(part for part in (user.first_name, user.last_name) if part) or user.display_name or ""
    initials = [word[0].upper() + "." for word in source.split() if word[:1].isalpha()]
    return " ".join(initials) or user.username[:1].upper() + "."


@dataclass(frozen=True)
class CertificateEntry:
    certificate: Certificate
    title: str


def certificates_of_user(*, user, language: str) -> list[CertificateEntry]:
    """The learner's certificates, newest first, with module titles in `language`. Two queries."""
    certificates = list(Certificate.objects.filter(user=user).order_by("-issued_at"))
    titles = course_titles(course_keys={c.course_key for c in certificates}, language=language) if certificates else {}
    return [CertificateEntry(certificate=c, title=titles.get(c.course_key, "")) for c in certificates]


def certificate_title(*, certificate: Certificate, language: str | None = None) -> str:
    """The module title of a certificate in `language` (default: the certificate's). One query."""
    titles = course_titles(course_keys=[certificate.course_key], language=language or certificate.language)
    return titles.get(certificate.course_key, "")


def certificate_public_base_url() -> str:
    """Where the verification URL printed on certificates points (no trailing slash)."""
    return getattr(settings, "KALAN_PUBLIC_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def certificate_of_user(*, user_id: int, pk: int) -> Certificate | None:
    """One certificate of this learner by id, else None (someone else's is None too)."""
    return Certificate.objects.filter(user_id=user_id, pk=pk).first()
