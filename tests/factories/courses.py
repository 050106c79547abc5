"""Builders for the course page tree: catalogue > module > lessons, in French by default."""

import wagtail_factories
from wagtail.models import Locale

from core.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage


def french_home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="fr")


def catalogue_build(*, slug: str = "modules") -> CourseIndexPage:
    home = french_home()
    existing = CourseIndexPage.objects.child_of(home).filter(slug=slug).first()
    if existing:
        return existing
    index = CourseIndexPage(title="Modules", slug=slug)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def course_build(*, index: CourseIndexPage, title: str = "Deepfakes", slug: str = "deepfakes") -> CoursePage:
    course = CoursePage(title=title, slug=slug, summary="Comprendre, reconnaître, réagir.", estimated_minutes=40)
    index.add_child(instance=course)
    course.save_revision().publish()
    return course


def lesson_build(*, course: CoursePage, title: str, slug: str, body=None, live: bool = True) -> LessonPage:
    body = body if body is not None else [{"type": "paragraph", "value": f"<p>{title} : le texte.</p>"}]
    lesson = LessonPage(title=title, slug=slug, summary=f"À propos de {title}", body=body)
    course.add_child(instance=lesson)
    revision = lesson.save_revision()
    if live:
        revision.publish()
    else:
        lesson.live = False
        lesson.save(update_fields=["live"])
    return lesson


def translate(page, language_code: str, **fields):
    """A real translation: same translation_key, its own locale and text, published."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific_class.objects.get(pk=translated.pk)


__all__ = ["wagtail_factories", "catalogue_build", "course_build", "lesson_build", "translate", "french_home"]
