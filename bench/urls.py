from django.http import HttpResponse
from django.urls import path

from elearn.urls import handler400, handler403, handler404, handler500  # noqa: F401
from elearn.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The reference line: the cheapest answer Django can give through the same middleware."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
