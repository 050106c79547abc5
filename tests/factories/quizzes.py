"""Builders for quizzes: a published quiz with one question of each graded type."""

from decimal import Decimal

from quizzes.models import Choice, Question, QuizPage


def quiz_build(*, course, questions=None, **settings) -> QuizPage:
    quiz = QuizPage(**{"title": "Quiz", "slug": "quiz", "pass_mark": 70, "shuffle_choices": True, **settings})
    for position, question in enumerate(questions if questions is not None else sample_questions()):
        question.sort_order = position  # as the admin sets it; None would leave the order to the database
        quiz.questions.add(question)
    course.add_child(instance=quiz)
    quiz.save_revision().publish()
    return QuizPage.objects.get(pk=quiz.pk)


def question(kind: str, text: str, choices=(), **fields) -> Question:
    q = Question(kind=kind, text=text, points=Decimal(1), **fields)
    for position, item in enumerate(choices):
        q.choices.add(Choice(**item, sort_order=position))
    return q


def sample_questions() -> list[Question]:
    return [
        question(
            "single",
            "Un inconnu menace de publier une vidéo truquée. Que fais-tu d'abord ?",
            [
                {"text": "Je paie pour qu'il arrête", "correct": False},
                {"text": "Je garde les preuves et je ne paie pas", "correct": True},
                {"text": "Je supprime tout", "correct": False},
            ],
        ),
        question(
            "multiple",
            "Quelles preuves garder ?",
            [
                {"text": "Captures d'écran", "correct": True},
                {"text": "Nom du compte", "correct": True},
                {"text": "Rien", "correct": False},
            ],
            mode="partial",
        ),
        question("true_false", "Partager un deepfake pour le dénoncer aide la victime.", answer_true=False),
        question(
            "ordering",
            "Dans quel ordre ?",
            [{"text": "Garder les preuves"}, {"text": "Bloquer"}, {"text": "Signaler"}],
        ),
        question(
            "matching",
            "Relie chaque situation à la bonne réaction.",
            [
                {"text": "Menace de publier", "match": "Ne pas payer"},
                {"text": "Vidéo reçue", "match": "Ne pas partager"},
            ],
        ),
        question("reflection", "À qui pourrais-tu en parler ?", sensitive=True, reflection_format="free_text"),
    ]


def questions_many(count: int) -> list[Question]:
    """`count` questions cycling through every type of sample_questions()."""
    questions = []
    while len(questions) < count:
        for q in sample_questions():
            if len(questions) < count:
                q.text = f"{len(questions) + 1}. {q.text}"
                questions.append(q)
    return questions


def perfect_post(quiz: QuizPage) -> dict:
    """The quiz form filled with every right answer (reflections answered too)."""
    data: dict = {}
    for q in Question.objects.filter(page=quiz).prefetch_related("choices"):
        name, choices = f"q-{q.translation_key}", list(q.choices.all())
        if q.kind == "single":
            data[name] = next(str(c.translation_key) for c in choices if c.correct)
        elif q.kind == "multiple":
            data[name] = [str(c.translation_key) for c in choices if c.correct]
        elif q.kind == "true_false":
            data[name] = "true" if q.answer_true else "false"
        elif q.kind == "real_or_fake":
            data[name] = q.real_or_fake
        elif q.kind == "ordering":
            for position, c in enumerate([c for c in choices if c.text], start=1):
                data[f"{name}-{c.translation_key}"] = str(position)
        elif q.kind == "matching":
            for c in choices:
                if c.text and c.match:
                    data[f"{name}-{c.translation_key}"] = str(c.translation_key)
        else:
            data[name] = "Ma tante"
    return data
