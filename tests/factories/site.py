"""The page tree every test can rely on: locales, the French home page and the default site.

Migrations create them, but transactional tests (the browser ones) flush the database
between tests, so they are rebuilt here when missing.
"""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.models import HomePage


def site_ensure() -> HomePage:
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
        home = root.add_child(instance=HomePage(title="Kalan", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Kalan"}
    )
    return home
