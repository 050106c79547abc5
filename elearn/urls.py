import posixpath

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LoginView as WagtailLoginView
from wagtail.documents import urls as wagtaildocs_urls

from accounts.throttle import admin_login_throttled
from certificates.urls import verify_urlpatterns
from core import views as core_views
from h5p import urls as h5p_urls

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
handler429 = core_views.too_many_requests  # allauth's rate limits look it up here

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # Both admin logins bypass allauth: throttle them as strictly as the site login.
    path("django-admin/login/", admin_login_throttled(admin.site.login)),
    path("django-admin/", admin.site.urls),
    path("admin/login/", admin_login_throttled(WagtailLoginView.as_view()), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("h5p.urls")),
]


def serve_media(request, path, document_root):
    """Uploads, except H5P files: those are served only by the player's views (approved
    libraries only, sandboxed; see h5p/headers.py)."""
    if posixpath.normpath(path.lstrip("/")).split("/")[0] == "h5p":
        raise Http404
    return serve_static_file(request, path, document_root=document_root)


if settings.SERVE_MEDIA:
    # The local demo runs with DEBUG off; nothing else would serve uploads there.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}, name="media")
    )

# Pages are served in the language of their URL prefix (none for French), so a language switch
# is a plain link and needs no cookie.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("learn/", include("courses.urls")),
    path("learn/", include("quizzes.urls")),
    path("classes/", include("classrooms.urls")),
    path("learn/", include("certificates.urls")),
    path("verify/", include(verify_urlpatterns)),
    path("", include(h5p_urls.player_urlpatterns)),
    # Wagtail's page serving, with lookups remembered until content changes: the same
    # pattern and name as Wagtail's own, which stays below for its other URLs.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", core_views.page_serve, name="wagtail_serve"),
    # Wagtail's front-end login would be a second, unthrottled password form: send it to ours.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
