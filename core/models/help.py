from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .support import support_organisations_for_page

HELP_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HelpSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=HELP_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")


class PlatformReportingBlock(blocks.StructBlock):
    platform = blocks.CharBlock(label=_("platform"), max_length=60, help_text=_("For example: Facebook"))
    how_to_report = blocks.RichTextBlock(
        label=_("how to report"),
        features=HELP_TEXT_FEATURES,
        help_text=_("Menu names change: describe what to look for rather than an exact path."),
    )

    class Meta:
        icon = "warning"
        label = _("Reporting on a platform")


class HelpPage(Page):
    """The help page ("Besoin d'aide ?"): what to do now, how to report, where to get help.

    Public, light and cookie-free; the local organisations come from SupportOrganisation snippets.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        [("section", HelpSectionBlock()), ("platform", PlatformReportingBlock())],
        blank=True,
        verbose_name=_("body"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1  # one per home page, so one per language

    class Meta:
        verbose_name = _("help page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = support_organisations_for_page(self)
        return context
