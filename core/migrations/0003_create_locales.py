from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    """Every content language exists from the start, so editors can translate at once."""
    Locale = apps.get_model("wagtailcore.Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_create_homepage")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
