"""Template tags for the site shell: the language switcher, the help link and the privacy link."""

import time

from django import template
from django.conf import settings
from django.db.models.signals import post_delete
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.signals import page_published, page_unpublished

from core.content_cache import content_memo
from core.models import HelpPage, PrivacyNoticePage

register = template.Library()


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_links(context):
    """Plain links to the current page in every language: no POST, no cookie needed.

    On a Wagtail page, each link goes to that page's own translation (slugs differ between
    languages), or to the translated home page when the page has no translation yet.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        host = request.get_host() if request is not None else ""
        translations = content_memo(("translation-urls", page.pk, host), lambda: _translation_urls(page, request))
    default = settings.LANGUAGE_CODE
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif default in translations:
            # Not translated yet: the French page, with a notice in the chosen language.
            url = f"{translations[default]}?from={code}"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def _translation_urls(page, request) -> dict[str, str]:
    return {
        other.locale.language_code: other.get_url(request)
        for other in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.inclusion_tag("includes/fallback_notice.html", takes_context=True)
def fallback_notice(context):
    """On a page shown in French because it has no translation in the learner's language."""
    request = context.get("request")
    page = context.get("page")
    requested = request.GET.get("from", "") if request is not None else ""
    languages = {code for code, _name in settings.LANGUAGES}
    if page is None or requested not in languages or requested == getattr(page.locale, "language_code", requested):
        return {"language": None}
    return {"language": requested}


# The help link is on every page, and a lesson page has no query to spare (budget: 10): each
# process remembers the help page URL for a minute. Publishing, unpublishing or deleting a help
# page clears this process's copy at once; other workers follow within HELP_LINK_TTL.
HELP_LINK_TTL = 60.0
_help_page_urls: dict[tuple[str, str], tuple[float, str | None]] = {}


def help_link_cache_clear(**kwargs) -> None:
    _help_page_urls.clear()


for _signal in (page_published, page_unpublished, post_delete):
    _signal.connect(help_link_cache_clear, sender=HelpPage, dispatch_uid="kalan_help_link_cache_clear")
    _signal.connect(help_link_cache_clear, sender=PrivacyNoticePage, dispatch_uid="kalan_privacy_link_cache_clear")


@register.simple_tag(takes_context=True)
def help_page_link(context):
    """The "Need help?" link of every page: the help page in the active language, else the
    French one; nothing if there is none. At most one query, once a minute per process."""
    request = context.get("request")
    page = context.get("page")
    # On the help page itself, routing already picked the one of this language (or French).
    url = page.get_url(request) if isinstance(page, HelpPage) else _page_url(HelpPage, translation.get_language())
    if not url:
        return ""
    current = request is not None and request.path == url
    return format_html(
        '<a class="help-link" href="{}"{}>{}</a>',
        url,
        mark_safe(' aria-current="page"') if current else "",  # noqa: S308 - a constant
        gettext("Need help?"),
    )


@register.simple_tag(takes_context=True)
def privacy_notice_link(context):
    """The footer's link to the privacy notice, cached like the help link."""
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, PrivacyNoticePage):
        url = page.get_url(request)
    else:
        url = _page_url(PrivacyNoticePage, translation.get_language())
    if not url:
        return ""
    current = request is not None and request.path == url
    return format_html(
        '<p><a href="{}"{}>{}</a></p>',
        url,
        mark_safe(' aria-current="page"') if current else "",  # noqa: S308 - a constant
        gettext("Privacy"),
    )


def privacy_notice_url(language: str) -> str | None:
    """The URL of the privacy notice in `language` (else French), for links outside templates."""
    return _page_url(PrivacyNoticePage, language)


def _page_url(model, language: str) -> str | None:
    """The URL of the one live `model` page (right under a home page) in `language`, else the
    French one. At most one query per model and language, once a minute per process."""
    now = time.monotonic()
    cached = _help_page_urls.get((model._meta.label, language))
    if cached is not None and cached[0] > now:
        return cached[1]
    fallback = settings.LANGUAGE_CODE
    found = dict(
        model.objects.live()
        .filter(locale__language_code__in={language, fallback})
        .values_list("locale__language_code", "url_path")
    )
    page_language = language if language in found else fallback
    url = _home_child_url(found[page_language], page_language) if page_language in found else None
    _help_page_urls[(model._meta.label, language)] = (now + HELP_LINK_TTL, url)
    return url


def _home_child_url(url_path: str, language: str) -> str:
    """The URL of a page right under a home page (a site root or its translation), built the
    way Wagtail builds it, without its site lookups (two more queries on every page)."""
    slug = url_path.rstrip("/").rsplit("/", 1)[-1]
    with translation.override(language):
        return reverse("wagtail_serve", args=[f"{slug}/"])
