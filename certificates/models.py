from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    """A learner's certificate for one module, in every language at once.

    Keyed by the module page's `translation_key` (like lesson progress), so it survives a change of
    language and the re-creation of translated pages. The PDF is derived from this row and cached;
    this row is the truth.
    """

    code = models.CharField(_("code"), max_length=20, unique=True)  # canonical "KLN-7F3-K92-QXM"
    # Empty once the learner erased their account but chose to keep the certificate verifiable.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="certificates"
    )
    course_key = models.UUIDField(_("module"), db_index=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # What the certificate says issued it, as it was on the day: a school may be renamed later.
    issuer_name = models.CharField(_("issued by"), max_length=200)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["user", "course_key"], name="one_certificate_per_module")]

    def __str__(self) -> str:
        return self.code

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class CertificateRevocation(models.Model):
    """The log of revocations: who revoked which certificate, when and why. Never edited."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="revocations")
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("revoked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), default=timezone.now)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("certificate revocation")
        verbose_name_plural = _("certificate revocations")
        ordering = ["-revoked_at"]

    def __str__(self) -> str:
        return f"{self.certificate_id}:{self.revoked_at:%Y-%m-%d}"
