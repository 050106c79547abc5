from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SupportOrganisation(TranslatableMixin, models.Model):
    """A local organisation the help page lists. Editors manage these as snippets.

    Contact details are shown only once an editor has checked them and recorded the date:
    a wrong number given to someone who is being blackmailed does real harm.
    """

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what they do"), blank=True)
    contact = models.TextField(
        _("contact details"),
        blank=True,
        help_text=_("Phone, e-mail, address, opening hours: free text, shown as written."),
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: Français, Bamanankan")
    )
    verified_on = models.DateField(
        _("contact details verified on"),
        null=True,
        blank=True,
        help_text=_(
            "Fill in only after checking the contact details yourself. "
            "Without a date, the entry is shown as “to be verified” and its contact details are hidden."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100, help_text=_("Lower numbers come first."))

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("contact"),
        FieldPanel("languages"),
        FieldPanel("verified_on"),
        FieldPanel("sort_order"),
    ]
    # The contact details and the verification are the same in every language.
    translatable_fields = [
        SynchronizedField("name", overridable=True),
        TranslatableField("description"),
        SynchronizedField("contact", overridable=False),
        TranslatableField("languages"),
        SynchronizedField("verified_on", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("support organisation")
        verbose_name_plural = _("support organisations")

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_on is not None and bool(self.contact.strip())


def support_organisations_for_page(page: Page) -> list[SupportOrganisation]:
    """The organisations in the page's language, each missing translation replaced by the
    French row (marked `is_fallback`). One query."""
    rows = (
        SupportOrganisation.objects.filter(
            Q(locale_id=page.locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
        )
        .select_related("locale")
        .order_by("sort_order", "name")
    )
    chosen: dict = {}
    for row in rows:
        row.is_fallback = row.locale_id != page.locale_id
        current = chosen.get(row.translation_key)
        if current is None or (current.is_fallback and not row.is_fallback):
            chosen[row.translation_key] = row
    return sorted(chosen.values(), key=lambda row: (row.sort_order, row.name.casefold()))
