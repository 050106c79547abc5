"""The H5P player, its files, and the endpoints its scores and saved states reach.

A learner reaches an activity only through a lesson: every player URL names the lesson and the
activity, and answers 404 unless the lesson is live and visible to the requester, embeds the
activity, and every library the activity needs is approved. See headers.py for the isolation.
"""

import json
import mimetypes
import re
from pathlib import Path

from allauth.core import ratelimit
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST
from django.views.static import serve as serve_file

from courses.selectors import lesson_embeds, lesson_visible

from . import storage
from .headers import file_headers, player_csp
from .models import H5PActivity, H5PLibrary
from .selectors import user_state_for
from .services import result_record, user_state_save
from .xapi import StatementRefused, statement_score

BLOCK_TYPE = "h5p_activity"  # the lesson block that embeds an activity (courses.blocks)
CONTENT_MAX_AGE = 24 * 3600  # content folders are named by their package's hash
LIBRARY_MAX_AGE = 3600  # a library folder may move to a newly approved patch
LIBRARY_FOLDER = re.compile(r"(?P<name>[A-Za-z0-9._-]+)-(?P<major>\d{1,5})\.(?P<minor>\d{1,5})")
PLAYER_DIST = "vendor/h5p-standalone/"  # h5p-standalone's dist/, copied there by the Makefile
PLAYER_OWN_FILES = frozenset({"js/h5p-player.js", "css/h5p-player.css"})
_TYPES = {".js": "text/javascript", ".json": "application/json", ".woff2": "font/woff2", ".woff": "font/woff"}

BODY_TOO_LARGE = _("The statement is too large.")
BAD_REQUEST = _("The request is not valid JSON with a lesson, an activity and a statement.")
SIGN_IN = _("Sign in to save your score.")
TOO_MANY = _("Too many scores sent at once. Please wait a minute.")


def _max_post_bytes() -> int:
    return getattr(settings, "H5P_MAX_POST_BYTES", 64 * 1024)


def playable(request, lesson_id: int, activity_id: int) -> tuple[object, H5PActivity]:
    """The lesson and the activity, if the requester may play it there; else 404."""
    lesson = lesson_visible(request=request, page_id=lesson_id)
    if lesson is None or not lesson_embeds(
        lesson=lesson, block_type=BLOCK_TYPE, value_key="activity", value=activity_id
    ):
        raise Http404
    activity = H5PActivity.objects.filter(pk=activity_id).first()
    if activity is None or not activity.is_ready:
        raise Http404
    return lesson, activity


def _origin(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


@require_GET
@never_cache
@xframe_options_sameorigin
def player(request, lesson_id: int, activity_id: int):
    """The player document, loaded by the lesson page in a sandboxed iframe (or opened
    directly by the no-JavaScript link: its CSP sandboxes it then too)."""
    lesson, activity = playable(request, lesson_id, activity_id)
    context = {
        "activity": activity,
        "lesson": lesson,
        "h5p_json_path": reverse("h5p_json", args=[activity.content_path]).removesuffix("/h5p.json"),
        "libraries_path": reverse("h5p_library_file", args=["x-1.0", "x"]).removesuffix("/x-1.0/x"),
        "frame_js": reverse("h5p_player_file", args=[f"{PLAYER_DIST}frame.bundle.js"]),
        "frame_css": reverse("h5p_player_file", args=[f"{PLAYER_DIST}styles/h5p.css"]),
        "parent_origin": _origin(request),
        "state": user_state_for(user=request.user, activity=activity),
        "object_iri": request.build_absolute_uri(lesson.url or "/") + f"#h5p-{activity.pk}",
    }
    response = HttpResponse(render_to_string("h5p/player.html", context))
    response["Content-Security-Policy"] = player_csp(_origin(request))
    return response


@require_GET
def player_file(request, path: str):
    """The player's own static files (h5p-standalone, h5p-player.js/.css), served here rather
    than by the static files app so that they carry the player's headers wherever the site
    runs (fonts, for one, are fetched with CORS from the sandbox's opaque origin)."""
    if not (path in PLAYER_OWN_FILES or path.startswith(PLAYER_DIST)) or ".." in path.split("/"):
        raise Http404
    found = finders.find(path)
    if not found:
        root = settings.STATIC_ROOT
        if not root or not (Path(root) / path).is_file():
            raise Http404
        found = str(Path(root) / path)
    found = Path(found)
    response = serve_file(request, found.name, document_root=found.parent)
    if path.endswith(".js"):
        response["Content-Type"] = "text/javascript"
    file_headers(response)
    response["Cache-Control"] = f"public, max-age={LIBRARY_MAX_AGE}"
    return response


def _file_response(path, max_age: int) -> FileResponse:
    if not path.is_file():
        raise Http404
    content_type = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    response = FileResponse(path.open("rb"), content_type=content_type)
    file_headers(response)
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def _ready_activity(sha256: str) -> H5PActivity:
    activity = H5PActivity.objects.filter(sha256=sha256).first()
    if activity is None or not activity.is_ready:
        raise Http404
    return activity


@require_GET
def h5p_json(request, sha256: str):
    """The package's h5p.json, rebuilt from what was validated at upload (only content/ and
    the libraries are extracted)."""
    activity = _ready_activity(sha256)
    data = {
        "title": activity.title,
        "language": "und",
        "mainLibrary": activity.main_library,
        "embedTypes": ["div"],
        "preloadedDependencies": [
            {"machineName": name, "majorVersion": int(major), "minorVersion": int(minor)}
            for name, major, minor in activity.dependencies
        ],
    }
    response = JsonResponse(data)
    file_headers(response)
    response["Cache-Control"] = f"public, max-age={LIBRARY_MAX_AGE}"
    return response


@require_GET
def content_file(request, sha256: str, path: str):
    activity = _ready_activity(sha256)
    try:
        target = storage.safe_target(storage.content_root() / activity.content_path / "content", path)
    except storage.ExtractionError:
        raise Http404 from None
    return _file_response(target, CONTENT_MAX_AGE)


@require_GET
def library_file(request, folder: str, path: str):
    """A file of an approved library, by the folder name H5P asks for (Machine-major.minor):
    the approved patch is served, never one still waiting for approval."""
    match = LIBRARY_FOLDER.fullmatch(folder)
    if match is None:
        raise Http404
    library = H5PLibrary.objects.filter(
        machine_name=match["name"], major=int(match["major"]), minor=int(match["minor"]), approved=True
    ).first()
    if library is None:
        raise Http404
    try:
        target = storage.safe_target(storage.library_root() / library.storage_path, path)
    except storage.ExtractionError:
        raise Http404 from None
    return _file_response(target, LIBRARY_MAX_AGE)


def _json_post(request) -> tuple[dict | None, HttpResponse | None]:
    """The posted JSON object, or the response refusing it (413 when too large, 400 when
    malformed). The body is never read past the limit."""
    limit = _max_post_bytes()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return None, JsonResponse({"error": str(BODY_TOO_LARGE)}, status=413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return None, JsonResponse({"error": str(BODY_TOO_LARGE)}, status=413)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        data = None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("lesson"), int)
        or not isinstance(data.get("activity"), int)
        or isinstance(data.get("lesson"), bool)
        or isinstance(data.get("activity"), bool)
    ):
        return None, JsonResponse({"error": str(BAD_REQUEST)}, status=400)
    return data, None


def _signed_in(request) -> HttpResponse | None:
    """403 for a visitor; 429 past the learner's budget of posts (settings ACCOUNT_RATE_LIMITS
    "h5p_post", counted in the shared cache)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": str(SIGN_IN)}, status=403)
    if not ratelimit.consume(request, action="h5p_post", user=request.user):
        return JsonResponse({"error": str(TOO_MANY)}, status=429)
    return None


@require_POST
def xapi_statement(request):
    """Record a practice score from a top-level answered/completed statement of an activity
    embedded in a lesson the learner may see. Always for the signed-in learner: whatever the
    statement says about its actor is ignored."""
    if refused := _signed_in(request):
        return refused
    data, refused = _json_post(request)
    if refused:
        return refused
    lesson, activity = playable(request, data["lesson"], data["activity"])
    try:
        score = statement_score(data.get("statement"))
    except StatementRefused as error:
        return JsonResponse({"error": str(error.message)}, status=400)
    result = result_record(
        user=request.user,
        activity=activity,
        lesson_key=lesson.translation_key,
        score=score,
        statement=data["statement"],
    )
    return JsonResponse({"scaled": result.scaled, "best_scaled": result.best_scaled, "completed": result.completed})


@require_POST
def user_state(request):
    """Save where the learner left the activity (H5P's state, a JSON string), to resume it."""
    if refused := _signed_in(request):
        return refused
    data, refused = _json_post(request)
    if refused:
        return refused
    _lesson, activity = playable(request, data["lesson"], data["activity"])
    state = data.get("state")
    if not isinstance(state, str):
        return JsonResponse({"error": str(BAD_REQUEST)}, status=400)
    user_state_save(user=request.user, activity=activity, state=state)
    return HttpResponse(status=204)
