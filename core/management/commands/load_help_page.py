"""Create the help page ("Besoin d'aide ?") in French and English, and its support organisations.

Idempotent and respectful of editors: anything that already exists (the page, its English
translation, an organisation in a language) is left exactly as it is and reported as skipped.
The default text lives in core/help_content.py.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from core.help_content import HELP_PAGE, SUPPORT_ORGANISATIONS, organisation_key
from core.models import HelpPage, HomePage, SupportOrganisation

TRANSLATION_LANGUAGES = ("en",)


class Command(BaseCommand):
    help = "Create the help page (French, English) and its support organisations; never overwrites."

    def handle(self, *args, **options):
        self.created: list[str] = []
        self.skipped: list[str] = []
        with transaction.atomic():
            source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            home = HomePage.objects.filter(depth=2, locale=source_locale).first()
            if home is None:
                raise CommandError("No French home page: run the migrations first.")
            help_page = self._source_page(home, source_locale.language_code)
            locales = list(Locale.objects.filter(language_code__in=TRANSLATION_LANGUAGES))
            for locale in locales:
                self._translated_page(help_page, locale)
            for spec in SUPPORT_ORGANISATIONS:
                source = self._source_organisation(spec, source_locale)
                for locale in locales:
                    self._translated_organisation(spec, source, locale)
        for line in self.created:
            self.stdout.write(f"created: {line}")
        for line in self.skipped:
            self.stdout.write(f"skipped (exists, left as the editors made it): {line}")

    def _source_page(self, home: HomePage, language: str) -> HelpPage:
        existing = HelpPage.objects.child_of(home).first()
        if existing is not None:
            self.skipped.append(f"help page [{language}] /{existing.slug}/")
            return existing
        content = HELP_PAGE[language]
        page = HelpPage(
            title=content["title"],
            slug=content["slug"],
            intro=content["intro"],
            body=content["body"],
            locale=home.locale,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(f"help page [{language}] /{page.slug}/")
        return page

    def _translated_page(self, source: HelpPage, locale: Locale) -> None:
        language = locale.language_code
        existing = source.get_translation_or_none(locale)
        if existing is not None:
            self.skipped.append(f"help page [{language}] /{existing.slug}/")
            return
        content = HELP_PAGE[language]
        # A real translation: same translation_key, created under the translated home page
        # (Wagtail makes that one, as an alias of the French home page, if it is missing).
        page = source.copy_for_translation(locale, copy_parents=True)
        if page.get_siblings(inclusive=False).filter(slug=content["slug"]).exists():
            self.stdout.write(self.style.WARNING(f"slug {content['slug']!r} is taken; kept {page.slug!r}"))
        else:
            page.slug = content["slug"]
        page.title = page.draft_title = content["title"]
        page.intro = content["intro"]
        page.body = content["body"]
        page.save_revision().publish()
        self.created.append(f"help page [{language}] /{page.slug}/")

    def _source_organisation(self, spec: dict, locale: Locale) -> SupportOrganisation:
        key = organisation_key(spec["slug"])
        existing = SupportOrganisation.objects.filter(translation_key=key, locale=locale).first()
        if existing is not None:
            self.skipped.append(f"support organisation [{locale.language_code}] {existing.name}")
            return existing
        organisation = SupportOrganisation.objects.create(
            translation_key=key,
            locale=locale,
            name=spec[locale.language_code]["name"],
            description=spec[locale.language_code]["description"],
            contact="",  # never invented: an editor fills it in once checked
            verified_on=None,
            sort_order=spec["sort_order"],
        )
        self.created.append(f"support organisation [{locale.language_code}] {organisation.name}")
        return organisation

    def _translated_organisation(self, spec: dict, source: SupportOrganisation, locale: Locale) -> None:
        language = locale.language_code
        if SupportOrganisation.objects.filter(translation_key=source.translation_key, locale=locale).exists():
            self.skipped.append(f"support organisation [{language}] {source.name}")
            return
        translation = source.copy_for_translation(locale)
        translation.description = spec[language]["description"]
        translation.save()
        self.created.append(f"support organisation [{language}] {translation.name}")
