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
