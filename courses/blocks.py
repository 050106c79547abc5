"""The blocks a lesson is made of. Every block works without JavaScript; interactive ones use
<details> so a tap reveals the answer, and small vanilla JS only improves them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from h5p.blocks import H5PActivityBlock

# Lesson text stays simple: no headings inside rich text (use the heading block), no embeds.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]

MSG_ALT_REQUIRED = _("Describe the image for people who cannot see it (alternative text).")
MSG_TRANSCRIPT_REQUIRED = _("A transcript is required, for learners who cannot listen.")
MSG_EXPLANATION_REQUIRED = _("Explain the tell-tale signs: learners see this after answering.")
MSG_ONE_RECOMMENDED = _("Mark at least one choice as recommended.")


class AltTextRequiredMixin:
    """An image without a description is refused: blind learners depend on it."""

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("alt") or "").strip():
            raise StructBlockValidationError(block_errors={"alt": ValidationError(MSG_ALT_REQUIRED)})
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"
        label = _("Heading")


class ImageBlock(AltTextRequiredMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(label=_("alternative text"), max_length=500, required=False, help_text=MSG_ALT_REQUIRED)
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        label = _("Image")


class TranscriptRequiredMixin:
    def clean(self, value):
        value = super().clean(value)
        if not value.get("transcript") or not value["transcript"].source.strip():
            raise StructBlockValidationError(block_errors={"transcript": ValidationError(MSG_TRANSCRIPT_REQUIRED)})
        return value


class AudioBlock(TranscriptRequiredMixin, blocks.StructBlock):
    """Narration recorded by the editors (an audio file uploaded as a document)."""

    audio = DocumentChooserBlock(label=_("audio file"))
    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    transcript = blocks.RichTextBlock(label=_("transcript"), features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/audio.html"
        label = _("Audio narration")


class VideoBlock(TranscriptRequiredMixin, blocks.StructBlock):
    video = DocumentChooserBlock(label=_("video file"))
    captions = DocumentChooserBlock(label=_("captions file (.vtt)"), required=False)
    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    transcript = blocks.RichTextBlock(label=_("transcript"), features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("key_point", _("Key point"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout.html"
        label = _("Callout")


class RealOrFakeItemBlock(AltTextRequiredMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"), required=False)
    audio = DocumentChooserBlock(label=_("audio clip"), required=False)
    alt = blocks.CharBlock(label=_("description"), max_length=500, required=False, help_text=MSG_ALT_REQUIRED)
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)


class RealOrFakeBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    items = blocks.ListBlock(RealOrFakeItemBlock(), min_num=1, max_num=2, label=_("images or audio clips"))
    answer = blocks.ChoiceBlock(label=_("answer"), choices=[("real", _("Real")), ("fake", _("Fake"))])
    explanation = blocks.RichTextBlock(label=_("explanation"), features=RICH_TEXT_FEATURES, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["choices"] = [("real", _("Real")), ("fake", _("Fake"))]
        return context

    def clean(self, value):
        value = super().clean(value)
        if not value.get("explanation") or not value["explanation"].source.strip():
            raise StructBlockValidationError(block_errors={"explanation": ValidationError(MSG_EXPLANATION_REQUIRED)})
        return value

    class Meta:
        icon = "help"
        template = "courses/blocks/real_or_fake.html"
        label = _("Real or fake?")


class ScenarioChoiceBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("choice"), max_length=250)
    consequence = blocks.RichTextBlock(label=_("what happens then"), features=RICH_TEXT_FEATURES)
    recommended = blocks.BooleanBlock(label=_("recommended"), required=False)


class ScenarioBlock(blocks.StructBlock):
    situation = blocks.RichTextBlock(label=_("situation"), features=RICH_TEXT_FEATURES)
    question = blocks.CharBlock(label=_("question"), max_length=250)
    choices = blocks.ListBlock(ScenarioChoiceBlock(), min_num=2, max_num=5, label=_("choices"))

    def clean(self, value):
        value = super().clean(value)
        if not any(choice.get("recommended") for choice in value.get("choices", [])):
            raise StructBlockValidationError(block_errors={"choices": ValidationError(MSG_ONE_RECOMMENDED)})
        return value

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/scenario.html"
        label = _("Scenario")


class StepBlock(AltTextRequiredMixin, blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("step"), features=RICH_TEXT_FEATURES)
    image = ImageChooserBlock(label=_("image"), required=False)
    alt = blocks.CharBlock(label=_("alternative text"), max_length=500, required=False, help_text=MSG_ALT_REQUIRED)


class StepGuideBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=150)
    platform = blocks.CharBlock(label=_("platform"), max_length=40, required=False)
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("steps"))

    class Meta:
        icon = "list-ol"
        template = "courses/blocks/step_guide.html"
        label = _("Step-by-step guide")


class KeyTakeawaysBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1, label=_("key takeaways"))

    class Meta:
        icon = "tick"
        template = "courses/blocks/key_takeaways.html"
        label = _("Key takeaways")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="courses/blocks/paragraph.html", label=_("Text")
    )
    image = ImageBlock()
    audio = AudioBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    real_or_fake = RealOrFakeBlock()
    scenario = ScenarioBlock()
    step_guide = StepGuideBlock()
    key_takeaways = KeyTakeawaysBlock()
    h5p_activity = H5PActivityBlock()


INTERACTIVE_BLOCK_TYPES = frozenset({"real_or_fake", "scenario", "step_guide", "h5p_activity"})
