"""Creating the site's one-of-a-kind pages (help page, privacy notice) under the French home
page, and their translations, without ever overwriting what editors or administrators made.

Used by the `load_help_page` and `load_privacy_notice` commands.
"""

from django.conf import settings
from django.core.management.base import CommandError
from wagtail.models import Locale, Page

from core.models import HomePage


class StarterPagesCommandMixin:
    """For a management command: what it created and what it left alone, reported at the end."""

    def report_start(self) -> None:
        self.created: list[str] = []
        self.skipped: list[str] = []

    def report_write(self, *, owners: str) -> None:
        for line in self.created:
            self.stdout.write(f"created: {line}")
        for line in self.skipped:
            self.stdout.write(f"skipped (exists, left as {owners} made it): {line}")

    def french_home(self) -> HomePage:
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        home = HomePage.objects.filter(depth=2, locale=source_locale).first()
        if home is None:
            raise CommandError("No French home page: run the migrations first.")
        return home

    def page_ensure(self, *, home: HomePage, model: type[Page], label: str, fields: dict) -> Page:
        """The `model` page under `home` (live or not); created from `fields` if there is none."""
        language = home.locale.language_code
        existing = model.objects.child_of(home).first()
        if existing is not None:
            self.skipped.append(f"{label} [{language}] /{existing.slug}/")
            return existing
        page = model(locale=home.locale, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(f"{label} [{language}] /{page.slug}/")
        return page

    def translation_ensure(self, *, source: Page, locale: Locale, label: str, fields: dict) -> None:
        """A real translation of `source` (same translation_key, under the translated home page,
        which Wagtail makes as an alias of the French one if missing), unless one exists."""
        language = locale.language_code
        existing = source.get_translation_or_none(locale)
        if existing is not None:
            self.skipped.append(f"{label} [{language}] /{existing.slug}/")
            return
        fields = dict(fields)
        slug = fields.pop("slug")
        page = source.copy_for_translation(locale, copy_parents=True)
        if page.get_siblings(inclusive=False).filter(slug=slug).exists():
            self.stdout.write(self.style.WARNING(f"slug {slug!r} is taken; kept {page.slug!r}"))
        else:
            page.slug = slug
        page.draft_title = fields["title"]
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        self.created.append(f"{label} [{language}] /{page.slug}/")
