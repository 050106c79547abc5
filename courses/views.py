from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from certificates.announce import certificate_award

from .models import LessonPage
from .selectors import lesson_context
from .services import lesson_complete

SEARCH_MAX_RESULTS = 20


def _visible_lesson(request, page_id: int) -> LessonPage:
    """A live lesson the requester may read, or 404 (never a hint that it exists)."""
    lesson = LessonPage.objects.live().filter(pk=page_id).first()
    if lesson is None:
        raise Http404
    for restriction in lesson.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return lesson


@require_POST
@login_required
def lesson_complete_view(request, page_id: int):
    lesson = _visible_lesson(request, page_id)
    lesson_complete(user=request.user, lesson=lesson)
    messages.success(request, _("Lesson completed. Well done!"))
    course = lesson.get_parent()
    certificate_award(request, course_key=course.translation_key)
    next_entry = lesson_context(user=request.user, lesson=lesson)["next_entry"]
    target = next_entry.lesson if next_entry else course
    return redirect(target.get_url(request))


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:100]
    results = []
    if query:
        locale = Locale.get_active()
        results = list(LessonPage.objects.live().filter(locale=locale).search(query)[:SEARCH_MAX_RESULTS])
    return render(request, "courses/search.html", {"query": query, "results": results})
