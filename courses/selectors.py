"""Reads on courses that span relations. Each function runs a fixed number of queries."""

import copy as copy_module
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import cached_property
from wagtail.models import Page

from core.content_cache import content_memo

from .models import CourseIndexPage, CoursePage, LessonPage, LessonProgress


@dataclass(frozen=True)
class LessonEntry:
    lesson: LessonPage
    status: str  # "", "started" or "completed"
    fallback: bool = False  # shown in French because the learner's language has no translation yet

    @property
    def completed(self) -> bool:
        return self.status == LessonProgress.Status.COMPLETED


@dataclass(frozen=True)
class CourseProgress:
    course: CoursePage
    entries: list[LessonEntry] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def done(self) -> int:
        return sum(1 for entry in self.entries if entry.completed)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @cached_property
    def next_entry(self) -> LessonEntry | None:
        """Continue where you left off: the first lesson not completed."""
        return next((entry for entry in self.entries if not entry.completed), None)

    @property
    def started(self) -> bool:
        return any(entry.status for entry in self.entries)


def course_lessons(*, course: Page, user=None) -> list[tuple[LessonPage, bool]]:
    """The module's live lessons in its language, plus French ones not yet translated.

    Returns (lesson, is_fallback) pairs in the French module's order; for a signed-in learner
    each lesson carries `progress_status`. The list itself is remembered until content changes
    (core/content_cache.py) when called while serving a request; the learner's statuses cost
    one query.
    """
    user = user or AnonymousUser()
    pairs = content_memo(("course-lessons", course.pk), lambda: _course_lessons(course))
    if not user.is_authenticated:
        return pairs
    keys = [lesson.translation_key for lesson, _fallback in pairs]
    statuses = dict(LessonProgress.objects.filter(user=user, lesson_key__in=keys).values_list("lesson_key", "status"))
    # Copies: the remembered lesson objects are shared by every request of this process.
    return [(_with_status(lesson, statuses.get(lesson.translation_key)), fallback) for lesson, fallback in pairs]


def _with_status(lesson: LessonPage, status: str | None) -> LessonPage:
    copy = copy_module.copy(lesson)
    copy.progress_status = status
    return copy


def _course_lessons(course: Page) -> list[tuple[LessonPage, bool]]:
    """One query for a French module, three for a translation."""
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path").select_related("locale"))
    if lessons and lessons[0].locale.language_code == settings.LANGUAGE_CODE:
        return [(lesson, False) for lesson in lessons]
    source = (
        Page.objects.filter(translation_key=course.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .exclude(pk=course.pk)
        .first()
    )
    if source is None:
        return [(lesson, False) for lesson in lessons]
    by_key = {lesson.translation_key: lesson for lesson in lessons}
    merged = []
    for original in LessonPage.objects.child_of(source).live().order_by("path"):
        translated = by_key.pop(original.translation_key, None)
        merged.append((translated, False) if translated else (original, True))
    merged.extend((lesson, False) for lesson in by_key.values())
    return merged


def course_progress(*, user, course: Page) -> CourseProgress:
    """The module's lessons with the learner's status."""
    pairs = course_lessons(course=course, user=user)
    entries = [
        LessonEntry(lesson=lesson, status=getattr(lesson, "progress_status", None) or "", fallback=fallback)
        for lesson, fallback in pairs
    ]
    return CourseProgress(course=course, entries=entries)


def lesson_context(*, user, lesson: LessonPage) -> dict:
    """What a lesson page shows around its body: position in the module, status, next lesson."""
    course = lesson.get_parent()  # already known when the page was routed (core.models.HomePage.route)
    progress = course_progress(user=user, course=course) if course else None
    position = next_entry = None
    status = ""
    if progress:
        keys = [entry.lesson.translation_key for entry in progress.entries]
        if lesson.translation_key in keys:
            index = keys.index(lesson.translation_key)
            position = index + 1
            status = progress.entries[index].status
            next_entry = progress.entries[index + 1] if index + 1 < len(keys) else None
    return {"course": course, "progress": progress, "position": position, "status": status, "next_entry": next_entry}


def catalogue_courses(*, index: CourseIndexPage) -> list[CoursePage]:
    """The catalogue's live modules. One query, none while serving once remembered."""
    return content_memo(
        ("catalogue-courses", index.pk),
        lambda: list(CoursePage.objects.child_of(index).live().order_by("path").select_related("cover_image")),
    )


def home_catalogue(*, home: Page) -> tuple[CourseIndexPage | None, list[CoursePage]]:
    """The catalogue under a home page and its modules, for the home page. Two queries, none
    while serving once remembered."""
    catalogue = content_memo(("home-catalogue", home.pk), lambda: CourseIndexPage.objects.child_of(home).live().first())
    return catalogue, (catalogue_courses(index=catalogue) if catalogue else [])


def course_quiz(*, course: Page):
    """The module's live quiz, if any. One query, none while serving once remembered."""
    from quizzes.models import QuizPage

    return content_memo(("course-quiz", course.pk), lambda: QuizPage.objects.child_of(course).live().first())


# --- For certificates: a module by its translation_key, whatever the language ----------------


def course_lesson_keys(*, course_key) -> set:
    """The translation keys of a module's live lessons, as the French module lists them (the
    module's own list in another language when it has no French version). Two queries."""
    courses = list(CoursePage.objects.live().filter(translation_key=course_key).select_related("locale"))
    if not courses:
        return set()
    french = [course for course in courses if course.locale.language_code == settings.LANGUAGE_CODE]
    reference = french[0] if french else courses[0]
    return set(LessonPage.objects.child_of(reference).live().values_list("translation_key", flat=True))


def course_lessons_all_completed(*, user, course_key) -> bool:
    """Has the learner completed every lesson of the module, in any language? A module without
    lessons is never complete. Three queries."""
    required = course_lesson_keys(course_key=course_key)
    if not required:
        return False
    done = LessonProgress.objects.filter(
        user=user, lesson_key__in=required, status=LessonProgress.Status.COMPLETED
    ).count()
    return done == len(required)


def course_titles(*, course_keys, language: str) -> dict:
    """{course_key: title} in `language`, else in French, else in any language. One query."""
    found: dict = {}
    pages = CoursePage.objects.filter(translation_key__in=list(course_keys)).select_related("locale")
    for page in pages.only("title", "translation_key", "locale__language_code"):
        rank = (
            0
            if page.locale.language_code == language
            else 1
            if page.locale.language_code == settings.LANGUAGE_CODE
            else 2
        )
        current = found.get(page.translation_key)
        if current is None or rank < current[0]:
            found[page.translation_key] = (rank, page.title)
    return {key: title for key, (_rank, title) in found.items()}


def lesson_visible(*, request, page_id: int) -> LessonPage | None:
    """The live lesson with this id if the requester may read it (view restrictions included),
    else None. Other apps (H5P) check a lesson through this, never through the page models."""
    lesson = LessonPage.objects.live().filter(pk=page_id).first()
    if lesson is None or any(not r.accept_request(request) for r in lesson.get_view_restrictions()):
        return None
    return lesson


def lesson_embeds(*, lesson: LessonPage, block_type: str, value_key: str, value) -> bool:
    """Whether the lesson's body holds a block of this type whose `value_key` is `value`
    (read from the raw stream data: no query)."""
    return any(
        isinstance(block, dict)
        and block.get("type") == block_type
        and isinstance(block.get("value"), dict)
        and block["value"].get(value_key) == value
        for block in lesson.body.raw_data
    )


# --- For the quiz result page: where a module quiz leads ----------------------------------------


def course_and_next(*, page: Page) -> tuple[CoursePage | None, CoursePage | None]:
    """The live module a page sits directly under (the module of a module quiz; None for a
    practice quiz inside a lesson), and the module after it in the catalogue, in the same
    language and live (None after the last). Remembered until content changes; one query."""
    return content_memo(("course-and-next", page.pk), lambda: _course_and_next(page))


def _course_and_next(page: Page) -> tuple[CoursePage | None, CoursePage | None]:
    if page.depth <= 2:
        return None, None
    course_path = page.path[: -page.steplen]
    index_path = course_path[: -page.steplen]
    # The module itself sorts before its later siblings: at most the module and the next one.
    rows = list(
        CoursePage.objects.live()
        .filter(path__startswith=index_path, depth=page.depth - 1, path__gte=course_path)
        .order_by("path")[:2]
    )
    if not rows or rows[0].path != course_path:
        return None, None
    return rows[0], (rows[1] if len(rows) > 1 else None)
