"""Filling a quiz in the browser the way a learner who read the lessons would."""

from quizzes.models import Attempt, Question, QuizPage


def answer_right(page, quiz: QuizPage, attempt: Attempt) -> None:
    """Fill the form the way a learner who read the lessons would (the test reads the key)."""
    questions = {str(q.translation_key): q for q in Question.objects.filter(page=quiz).prefetch_related("choices")}
    for entry in attempt.drawn:
        question, key = questions[entry["key"]], entry["key"]
        choices = sorted(question.choices.all(), key=lambda choice: choice.sort_order)
        if question.kind in ("single", "multiple"):
            for choice in choices:
                if choice.correct:
                    page.locator(f"#c-{choice.translation_key}").check()
        elif question.kind == "true_false":
            page.locator(f"#{'t' if question.answer_true else 'f'}-{key}").check()
        elif question.kind == "real_or_fake":
            page.locator(f"#{'r' if question.real_or_fake == 'real' else 'k'}-{key}").check()
        elif question.kind == "ordering":
            for position, choice in enumerate([c for c in choices if c.text], start=1):
                page.locator(f"#o-{choice.translation_key}").fill(str(position))
        elif question.kind == "matching":
            for choice in choices:
                if choice.text and choice.match:
                    page.locator(f"#m-{choice.translation_key}").select_option(str(choice.translation_key))
        else:
            page.locator(f"#x-{key}").fill("Ma grande sœur")
