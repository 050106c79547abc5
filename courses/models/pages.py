from collections import OrderedDict

from django.core.cache import cache
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.routing import KnownAncestorsMixin
from courses.blocks import RICH_TEXT_FEATURES, LessonStreamBlock

BODY_CACHE_SECONDS = 24 * 3600


class _Memo:
    """A small per-process memo for HTML that can never go stale: its key names the published
    revision and the language, so a new revision simply gets a new key."""

    def __init__(self, size: int = 256):
        self.size = size
        self.items: OrderedDict[str, str] = OrderedDict()

    def get(self, key: str) -> str | None:
        value = self.items.get(key)
        if value is not None:
            self.items.move_to_end(key)
        return value

    def put(self, key: str, value: str) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)


_BODY_MEMO = _Memo()


class CourseIndexPage(KnownAncestorsMixin, Page):
    """The catalogue of modules."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("module catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalogue_courses(index=self)
        return context


class CoursePage(KnownAncestorsMixin, Page):
    """A module: a few lessons and, later, its quiz."""

    summary = models.TextField(_("summary"), max_length=600)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(_("audience"), max_length=150, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=30)
    objectives = models.TextField(_("learning objectives"), blank=True, help_text=_("One objective per line."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("audience"),
        FieldPanel("estimated_minutes"),
        FieldPanel("objectives"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "quizzes.QuizPage"]

    class Meta:
        verbose_name = _("module")

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from certificates.selectors import certificate_for_course
        from courses.selectors import course_progress, course_quiz

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = course_progress(user=request.user, course=self)
        context["quiz"] = course_quiz(course=self)
        progress = context["progress"]
        # Only a learner who has completed every lesson can hold the certificate: skip the query otherwise.
        finished = progress.total and progress.done == progress.total
        context["certificate"] = (
            certificate_for_course(user=request.user, course_key=self.translation_key) if finished else None
        )
        return context


class LessonPage(KnownAncestorsMixin, Page):
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=10)
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("estimated_minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    def _render_body(self) -> str:
        # Blocks see the page (an H5P activity's player URL names its lesson), never the
        # request: the HTML is shared by every learner.
        return str(self.body.render_as_block(context={"page": self}))

    def body_html(self, request) -> str:
        """The body's HTML, cached per published revision and UI language.

        Rendering a StreamField costs queries for every image and document it holds; the
        cached HTML costs one cache read, whatever the number of blocks. Previews of drafts
        are never cached.
        """
        if getattr(request, "is_preview", False) or not self.live_revision_id:
            return self._render_body()
        published = self.last_published_at.timestamp() if self.last_published_at else 0
        # v2: blocks render with the page in their context (H5P start links); bodies cached
        # before that must not be served again.
        key = f"lesson-body:v2:{self.pk}:{self.live_revision_id}:{published}:{translation.get_language()}"
        html = _BODY_MEMO.get(key)
        if html is None:
            html = cache.get(key)
            if html is None:
                html = self._render_body()
                cache.set(key, html, BODY_CACHE_SECONDS)
            _BODY_MEMO.put(key, html)
        return html

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(user=request.user, lesson=self))
        context["body_html"] = self.body_html(request)
        return context
