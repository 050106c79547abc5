"""Create the help page ("Besoin d'aide ?") in French and English, and its support organisations.

Idempotent and respectful of editors: anything that already exists (the page, its English
translation, an organisation in a language) is left exactly as it is and reported as skipped.
The default text lives in core/help_content.py.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from core.help_content import HELP_PAGE, SUPPORT_ORGANISATIONS, organisation_key
from core.models import HelpPage, SupportOrganisation
from core.starter_pages import StarterPagesCommandMixin

TRANSLATION_LANGUAGES = ("en",)
LABEL = "help page"


class Command(StarterPagesCommandMixin, BaseCommand):
    help = "Create the help page (French, English) and its support organisations; never overwrites."

    def handle(self, *args, **options):
        self.report_start()
        with transaction.atomic():
            home = self.french_home()
            source_locale = home.locale
            help_page = self.page_ensure(
                home=home, model=HelpPage, label=LABEL, fields=_fields(source_locale.language_code)
            )
            locales = list(Locale.objects.filter(language_code__in=TRANSLATION_LANGUAGES))
            for locale in locales:
                self.translation_ensure(
                    source=help_page, locale=locale, label=LABEL, fields=_fields(locale.language_code)
                )
            for spec in SUPPORT_ORGANISATIONS:
                source = self._source_organisation(spec, source_locale)
                for locale in locales:
                    self._translated_organisation(spec, source, locale)
        self.report_write(owners="the editors")

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


def _fields(language: str) -> dict[str, str]:
    content = HELP_PAGE[language]
    return {key: content[key] for key in ("title", "slug", "intro", "body")}
