from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class H5PActivityBlock(blocks.StructBlock):
    activity = SnippetChooserBlock("h5p.H5PActivity", label=_("H5P activity"))
    intro = blocks.RichTextBlock(
        label=_("Introduction"), required=False, features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "media"
        label = _("H5P activity")
        template = "h5p/blocks/h5p_activity.html"
