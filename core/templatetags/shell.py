"""Template tags for the site shell: the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

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
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}
