from django.db import migrations


def grant_submit_translation(apps, schema_editor):
    """Editors translate lessons: wagtail-localize's "submit translation" is theirs too."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(grant_submit_translation, migrations.RunPython.noop)]
