import django.db.models.deletion
from django.db import migrations, models


def locale_from_question(apps, schema_editor):
    Choice = apps.get_model("quizzes", "Choice")
    Question = apps.get_model("quizzes", "Question")
    for question_id, locale_id in Question.objects.values_list("pk", "locale_id"):
        Choice.objects.filter(question_id=question_id).update(locale_id=locale_id)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0003_question_audio"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="choice",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(locale_from_question, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="choice",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(name="choice", unique_together={("translation_key", "locale")}),
    ]
