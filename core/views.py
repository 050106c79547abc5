from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from core.content_cache import content_memo, content_site_remember


def page_serve(request, path):
    """Wagtail's page serving, with the site, the site root paths and the page for this
    path, language and host remembered until content changes (core/content_cache.py).

    Wagtail keeps each of these on the request once found; filling them in first saves the
    four or five queries it would run for them on every page view.
    """
    host = request.get_host()
    language = translation.get_language()
    content_site_remember(request)
    request._wagtail_route_for_request = content_memo(
        ("route", host, language, path), lambda: _route(request, path), keep=lambda found: found is not None
    )
    return wagtail_serve(request, path)


def _route(request, path: str):
    found = Page.route_for_request(request, path)
    if found is not None:
        found[0].served_from_memo = True
    return found


@require_GET
@never_cache
def healthz(request):
    """For load balancers and `make run`: answers only once the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors beyond the basics may fail here: keep the template simple.
    return render(request, "500.html", status=500)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def too_many_requests(request, exception=None):
    return render(request, "429.html", status=429)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
