"""Create the privacy notice in French, English and Bambara.

The Bambara page, like the starter curriculum's Bambara lessons, is a translation of the French
one (same translation_key) with a Bambara title and a short Bambara summary of the key points,
marked for review by a Bambara speaker (a visible note, and search_description "bm-review"),
followed by the full French text of the French page under lang="fr".

Idempotent and respectful of administrators: a notice that already exists, in any language, is
left exactly as it is and reported as skipped. The default text lives in core/privacy_content.py.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from core.models import HomePage, PrivacyNoticePage
from core.privacy_content import BM_REVIEW_NOTE, PRIVACY_NOTICE, PRIVACY_NOTICE_BM

TRANSLATION_LANGUAGES = ("en", "bm")


class Command(BaseCommand):
    help = "Create the privacy notice (French, English, Bambara); never overwrites."

    def handle(self, *args, **options):
        self.created: list[str] = []
        self.skipped: list[str] = []
        with transaction.atomic():
            source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            home = HomePage.objects.filter(depth=2, locale=source_locale).first()
            if home is None:
                raise CommandError("No French home page: run the migrations first.")
            notice = self._source_page(home, source_locale.language_code)
            for locale in Locale.objects.filter(language_code__in=TRANSLATION_LANGUAGES):
                self._translated_page(notice, locale)
        for line in self.created:
            self.stdout.write(f"created: {line}")
        for line in self.skipped:
            self.stdout.write(f"skipped (exists, left as the administrators made it): {line}")

    def _source_page(self, home: HomePage, language: str) -> PrivacyNoticePage:
        existing = PrivacyNoticePage.objects.child_of(home).first()
        if existing is not None:
            self.skipped.append(f"privacy notice [{language}] /{existing.slug}/")
            return existing
        content = PRIVACY_NOTICE[language]
        page = PrivacyNoticePage(title=content["title"], slug=content["slug"], body=content["body"], locale=home.locale)
        home.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(f"privacy notice [{language}] /{page.slug}/")
        return page

    def _translated_page(self, source: PrivacyNoticePage, locale: Locale) -> None:
        language = locale.language_code
        existing = source.get_translation_or_none(locale)
        if existing is not None:
            self.skipped.append(f"privacy notice [{language}] /{existing.slug}/")
            return
        content = _bambara(source) if language == "bm" else PRIVACY_NOTICE[language]
        page = source.copy_for_translation(locale, copy_parents=True)
        if page.get_siblings(inclusive=False).filter(slug=content["slug"]).exists():
            self.stdout.write(self.style.WARNING(f"slug {content['slug']!r} is taken; kept {page.slug!r}"))
        else:
            page.slug = content["slug"]
        page.title = page.draft_title = content["title"]
        page.body = content["body"]
        if "search_description" in content:
            page.search_description = content["search_description"]
        page.save_revision().publish()
        self.created.append(f"privacy notice [{language}] /{page.slug}/")


def _bambara(french: PrivacyNoticePage) -> dict[str, str]:
    """The Bambara page: review note, Bambara summary, then the French page's text (as it is now)."""
    bm = PRIVACY_NOTICE_BM
    return {
        "title": bm["title"],
        "slug": bm["slug"],
        "body": f'{bm["review_note"]}{bm["summary"]}{bm["french_heading"]}<div lang="fr">{french.body}</div>',
        "search_description": BM_REVIEW_NOTE,
    }
