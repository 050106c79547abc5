from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

NOTICE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class PrivacyNoticePage(Page):
    """The privacy notice: what Kalan collects, why, who sees it, how long, how to export or erase.

    Administrators edit it in the CMS, in every language. Its version is the live revision:
    each publication makes a new one, and consent records name the version that was accepted
    (the exact text stays in the page's revision history).
    """

    body = RichTextField(_("text"), features=NOTICE_FEATURES)
    data_controller = models.TextField(
        _("who is responsible for the data"),
        blank=True,
        help_text=_(
            "The organisation running this site and how to reach it. Never guess: "
            "until it is filled in and verified, the page says “to be verified”."
        ),
    )
    verified_on = models.DateField(
        _("verified on"),
        null=True,
        blank=True,
        help_text=_("Fill in only after checking these details yourself."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("data_controller"), FieldPanel("verified_on")], heading=_("Contact")),
    ]
    override_translatable_fields = [
        TranslatableField("body"),
        SynchronizedField("data_controller", overridable=False),
        SynchronizedField("verified_on", overridable=False),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1  # one per home page, so one per language

    class Meta:
        verbose_name = _("privacy notice")

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings

        context = super().get_context(request, *args, **kwargs)
        context["inactive_days"] = settings.KALAN_INACTIVE_ACCOUNT_DAYS
        return context

    @property
    def version(self) -> str:
        """Changes with every publication: the id of the live revision."""
        return str(self.live_revision_id or "")

    @property
    def version_date(self):
        return self.last_published_at

    @property
    def controller_verified(self) -> bool:
        return self.verified_on is not None and bool(self.data_controller.strip())


def privacy_notice_for_language(language: str) -> PrivacyNoticePage | None:
    """The live notice in `language`, else the French one; None when none is published."""
    from django.conf import settings

    fallback = settings.LANGUAGE_CODE
    pages = {
        page.locale.language_code: page
        for page in PrivacyNoticePage.objects.live()
        .filter(locale__language_code__in={language, fallback})
        .select_related("locale")
    }
    return pages.get(language) or pages.get(fallback)
