"""Per-process memo of published-content lookups, valid until the content changes.

Serving a page asks the same questions on every request — which site, which page for this
path, which view restrictions, which lessons in this module, which translations — and the
answers only change when an editor publishes, moves or deletes something. Each answer is kept
in this process's memory under the current *content generation*: a token in the shared cache
that every such change replaces (see `content_generation_bump`). A request reads the token at
most once (one cache read), so every gunicorn worker sees an edit on its next request.

Only requests go through the memo (`ContentMemoMiddleware` opens it); code outside a request
— management commands, services, tests calling selectors directly — always reads the database.
Per-user data (progress, attempts) is never memoised.
"""

import contextvars
import uuid
from collections.abc import Callable, Hashable

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "kalan:content-generation"
MEMO_MAX_ENTRIES = 5000

_UNREAD = object()
_request_generation: contextvars.ContextVar = contextvars.ContextVar("kalan_content_generation", default=None)
_memo: dict[Hashable, object] = {}
_memo_generation: list[str | None] = [None]


def _generation_new() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def content_generation_bump(**kwargs) -> None:
    """Invalidate every process's memo: now, and again once the transaction commits (so no
    process can memoise rows an uncommitted edit is about to change under the new token)."""
    _generation_new()
    transaction.on_commit(_generation_new)


def _generation() -> str | None:
    """This request's content generation, read from the shared cache once per request."""
    current = _request_generation.get()
    if current is None:
        return None  # not inside a request: no memo
    if current is _UNREAD:
        current = cache.get(GENERATION_KEY)
        if current is None:
            fresh = uuid.uuid4().hex
            cache.add(GENERATION_KEY, fresh, None)
            current = cache.get(GENERATION_KEY) or fresh
        _request_generation.set(current)
    return current


def content_memo[T](key: Hashable, build: Callable[[], T], *, keep: Callable[[T], bool] | None = None) -> T:
    """`build()`'s answer, kept in this process until published content changes (unless
    `keep` says this answer is not worth keeping, e.g. a miss anyone can vary at will)."""
    generation = _generation()
    if generation is None:
        return build()
    if _memo_generation[0] != generation:
        _memo.clear()
        _memo_generation[0] = generation
    try:
        return _memo[key]  # type: ignore[return-value]
    except KeyError:
        pass
    value = build()
    if keep is not None and not keep(value):
        return value
    if len(_memo) >= MEMO_MAX_ENTRIES:  # bounded: random URLs cannot grow it without limit
        _memo.clear()
    _memo[key] = value
    return value


class ContentMemoMiddleware:
    """Opens the memo for the duration of a request (the generation is read lazily)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(_UNREAD)
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def content_signals_connect() -> None:
    """Every change that can alter what a published page shows or where it lives."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    def page_changed(sender, instance=None, **kwargs):
        if isinstance(instance, Page):
            content_generation_bump()

    for signal in (post_save, post_delete):
        signal.connect(page_changed, dispatch_uid=f"kalan_content_page_{signal}")
        for model in (PageViewRestriction, Site, Locale, get_image_model()):
            signal.connect(content_generation_bump, sender=model, dispatch_uid=f"kalan_content_{model.__name__}")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(content_generation_bump, dispatch_uid=f"kalan_content_{id(signal)}")


def content_site_remember(request) -> None:
    """Give Wagtail the request's site and the site root paths from the memo: building page
    URLs ({% pageurl %}) then costs no query. Wagtail keeps both on the request once found."""
    from wagtail.models import Site

    host = request.get_host()
    request._wagtail_site = content_memo(("site", host), lambda: Site.find_for_request(request))
    request._wagtail_cached_site_root_paths = content_memo(("site-root-paths",), Site.get_site_root_paths)
