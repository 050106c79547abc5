from django.contrib.auth.management import create_permissions
from django.db import migrations

UPLOADERS_GROUP = "H5P uploaders"
UPLOADER_CODENAMES = ("add_h5pactivity", "change_h5pactivity", "view_h5pactivity")


def create_uploaders_group(apps, schema_editor):
    """Uploaders reach the Wagtail admin, upload packages and rename their activities."""
    # Model permissions are created after all migrations; this one needs them now.
    app_config = apps.get_app_config("h5p")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=UPLOADERS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label="h5p", codename__in=UPLOADER_CODENAMES
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*permissions)


def remove_uploaders_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=UPLOADERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_uploaders_group, remove_uploaders_group)]
