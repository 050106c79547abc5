"""Questions and choices created in code (the starter quizzes) had no sort_order: PostgreSQL
returns such ties in any order, and an ordering question's solution is its items' order.
Number them in the order they were created, as they were meant to be read."""

from django.db import migrations


def sort_order_fill(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    Choice = apps.get_model("quizzes", "Choice")
    for model, parent in ((Question, "page_id"), (Choice, "question_id")):
        parents = model.objects.filter(sort_order__isnull=True).values_list(parent, flat=True).distinct()
        for parent_id in list(parents):
            rows = list(model.objects.filter(**{parent: parent_id}).order_by("sort_order", "pk"))
            if any(row.sort_order is not None for row in rows):
                continue  # partly ordered by an editor: leave it to them
            for position, row in enumerate(rows):
                row.sort_order = position
            model.objects.bulk_update(rows, ["sort_order"])


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0004_choice_translatable")]

    operations = [migrations.RunPython(sort_order_fill, migrations.RunPython.noop)]
