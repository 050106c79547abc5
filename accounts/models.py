from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A Kalan account. Pupils need no e-mail address and never give a birth date."""

    email = models.EmailField(_("e-mail address"), blank=True)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=120,
        blank=True,
        help_text=_("Left empty, certificates show your initials."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.display_name or self.username


class ConsentRecord(models.Model):
    """That a person accepted the privacy notice: when, which version, and who confirmed it.

    A learner who signs up accepts it themselves (`given_by` empty); for a pupil account a
    teacher creates, `given_by` is the teacher confirming the school's consent.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    notice_version = models.CharField(_("privacy notice version"), max_length=40)
    notice_language = models.CharField(_("language of the notice"), max_length=8, blank=True)
    given_at = models.DateTimeField(_("given on"), auto_now_add=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.notice_version}"


class ErasureLog(models.Model):
    """One erased account: when, and by whom. Nothing about the person erased (not even their id)."""

    class ActorRole(models.TextChoices):
        SELF = "self", _("the account holder")
        TEACHER = "teacher", _("a teacher")
        ADMINISTRATOR = "administrator", _("an administrator")
        RETENTION = "retention", _("automatic deletion of inactive accounts")

    erased_at = models.DateTimeField(_("erased on"), auto_now_add=True, db_index=True)
    actor_role = models.CharField(_("erased by"), max_length=16, choices=ActorRole.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account that erased it"),
        help_text=_("Empty when the holder erased their own account, or for automatic deletion."),
    )

    class Meta:
        verbose_name = _("account erasure")
        verbose_name_plural = _("account erasures")
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return f"{self.erased_at:%Y-%m-%d %H:%M} {self.actor_role}"
