"""Create the privacy notice in French, English and Bambara.

The Bambara page, like the starter curriculum's Bambara lessons, is a translation of the French
one (same translation_key) with a Bambara title and a short Bambara summary of the key points,
marked for review by a Bambara speaker (a visible note, and search_description "bm-review"),
followed by the full French text of the French page under lang="fr".

Idempotent and respectful of administrators: a notice that already exists, in any language, is
left exactly as it is and reported as skipped. The default text lives in core/privacy_content.py.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from core.models import PrivacyNoticePage
from core.privacy_content import BM_REVIEW_NOTE, PRIVACY_NOTICE, PRIVACY_NOTICE_BM
from core.starter_pages import StarterPagesCommandMixin

TRANSLATION_LANGUAGES = ("en", "bm")
LABEL = "privacy notice"


class Command(StarterPagesCommandMixin, BaseCommand):
    help = "Create the privacy notice (French, English, Bambara); never overwrites."

    def handle(self, *args, **options):
        self.report_start()
        with transaction.atomic():
            home = self.french_home()
            notice = self.page_ensure(
                home=home, model=PrivacyNoticePage, label=LABEL, fields=_fields(home.locale.language_code)
            )
            for locale in Locale.objects.filter(language_code__in=TRANSLATION_LANGUAGES):
                content = _bambara(notice) if locale.language_code == "bm" else _fields(locale.language_code)
                self.translation_ensure(source=notice, locale=locale, label=LABEL, fields=content)
        self.report_write(owners="the administrators")


def _fields(language: str) -> dict[str, str]:
    content = PRIVACY_NOTICE[language]
    return {"title": content["title"], "slug": content["slug"], "body": content["body"]}


def _bambara(french: PrivacyNoticePage) -> dict[str, str]:
    """The Bambara page: review note, Bambara summary, then the French page's text (as it is now)."""
    bm = PRIVACY_NOTICE_BM
    return {
        "title": bm["title"],
        "slug": bm["slug"],
        "body": f'{bm["review_note"]}{bm["summary"]}{bm["french_heading"]}<div lang="fr">{french.body}</div>',
        "search_description": BM_REVIEW_NOTE,
    }
