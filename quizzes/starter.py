"""Load the starter quizzes (quizzes/starter_content/*.json) under the starter modules.

Idempotent: a module that already has a quiz is skipped (an editor may have changed it). The
English quiz is a real translation of the French one (same translation keys for the page, its
questions and choices), so attempts and statistics are shared across languages.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from courses.models import CoursePage
from quizzes.models import Choice, Question, QuizPage

STARTER_DIR = Path(__file__).resolve().parent / "starter_content"


@dataclass
class QuizLoadReport:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _choices(data: dict, language: str) -> list[dict]:
    kind = data["kind"]
    if kind in ("single", "multiple"):
        return [
            {
                "text": c["text"][language],
                "correct": bool(c.get("correct")),
                "feedback": (c.get("feedback") or {}).get(language, ""),
            }
            for c in data["choices"]
        ]
    if kind == "ordering":
        return [{"text": item["text"][language]} for item in data["items"]]
    if kind == "matching":
        pairs = [{"text": p["left"]["text"][language], "match": p["right"]["text"][language]} for p in data["pairs"]]
        return pairs + [{"text": "", "match": d["text"][language]} for d in data.get("distractors", [])]
    return []


def _question_fields(data: dict, language: str) -> dict:
    fields = {
        "kind": data["kind"],
        "text": data["text"][language],
        "points": Decimal(str(data.get("points", 1))),
        "mode": data.get("mode") or "all_or_nothing",
        "explanation": (data.get("explanation") or {}).get(language, ""),
        "sensitive": bool(data.get("sensitive")),
    }
    if data["kind"] == "true_false":
        fields["answer_true"] = bool(data["answer"])
    elif data["kind"] == "real_or_fake":
        fields["real_or_fake"] = data["answer"]
        fields["image_alt"] = data["item"]["description"][language]
    elif data["kind"] == "reflection":
        fields["reflection_format"] = (data.get("reflection") or {}).get("format", "free_text")
    return fields


def _quiz_fields(data: dict, language: str) -> dict:
    return {
        "title": data["title"][language],
        "intro": f"<p>{escape(data['intro'][language])}</p>",
        "pass_mark": data.get("pass_mark", 70),
        "questions_per_attempt": data.get("questions_per_attempt", 0),
        "attempts_allowed": data.get("attempts_allowed", 0),
        "show_feedback": data.get("show_feedback", "after_submit"),
    }


def _build_french(course: CoursePage, data: dict) -> QuizPage:
    quiz = QuizPage(slug="quiz", **_quiz_fields(data, "fr"))
    # sort_order is explicit: rows built in code get none, and PostgreSQL returns ties in any
    # order (the order of an ordering question's items is its solution).
    for position, question_data in enumerate(data["questions"]):
        question = Question(**_question_fields(question_data, "fr"), sort_order=position)
        for index, choice in enumerate(_choices(question_data, "fr")):
            question.choices.add(Choice(**choice, sort_order=index))
        quiz.questions.add(question)
    course.add_child(instance=quiz)
    quiz.full_clean()
    quiz.save_revision().publish()
    return quiz


def _english_stand_in(quiz: QuizPage, data: dict, language: str) -> QuizPage:
    """An unsaved copy of the French quiz carrying the texts of `language`, questions and choices
    included (in memory, never saved): its segments are the translations of the French ones."""
    stand_in = QuizPage.objects.get(pk=quiz.pk)
    for name, value in _quiz_fields(data, language).items():
        setattr(stand_in, name, value)
    questions = list(Question.objects.filter(page=quiz).order_by("sort_order", "pk").prefetch_related("choices"))
    for question, question_data in zip(questions, data["questions"], strict=True):
        for name, value in _question_fields(question_data, language).items():
            setattr(question, name, value)
        choices = list(question.choices.all())
        for choice, choice_data in zip(choices, _choices(question_data, language), strict=True):
            for name, value in choice_data.items():
                setattr(choice, name, value)
        question.choices = choices
    stand_in.questions = questions
    return stand_in


def _translate(quiz: QuizPage, data: dict, language: str) -> QuizPage | None:
    """The quiz in `language` through wagtail-localize, like the starter lessons: the French quiz
    is the translation source and every string (questions and choices included) gets its
    translation, so translators can edit it in the translation editor and sync it after a
    French change."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or QuizPage.objects.filter(translation_key=quiz.translation_key, locale=locale).exists():
        return None
    source, _ = TranslationSource.update_or_create_from_instance(QuizPage.objects.get(pk=quiz.pk))
    translated_strings: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(_english_stand_in(quiz, data, language)):
        if isinstance(segment, StringSegmentValue):
            translated_strings[segment.path].append(segment.string.data)
    for path, segments in _source_strings(source).items():
        texts = translated_strings.get(path, [])
        if len(texts) != len(segments):
            raise ValueError(f"starter quiz {data['module']} ({language}): {path} differs from the French quiz")
        for segment, text in zip(segments, texts, strict=True):
            StringTranslation.objects.get_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    # publish=False then an explicit publish: wagtail-localize publishes on commit, which would
    # leave the page a draft inside the enclosing transaction.
    translation.save_target(user=None, publish=False)
    translated = translation.get_target_instance().specific
    translated.get_latest_revision().publish()
    return QuizPage.objects.get(pk=translated.pk)


def _source_strings(source: TranslationSource) -> dict[str, list]:
    strings: dict[str, list] = defaultdict(list)
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
        strings[segment.context.path].append(segment)
    return strings


def starter_quizzes_load(*, stdout=None) -> QuizLoadReport:
    report = QuizLoadReport()
    for path in sorted(STARTER_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        course = CoursePage.objects.filter(slug=data["module"], locale__language_code=settings.LANGUAGE_CODE).first()
        if course is None:
            report.skipped.append(f"{data['module']}: no such module")
            continue
        created: list[str] = []
        try:
            with transaction.atomic():  # a module's quiz loads whole or not at all
                quiz = QuizPage.objects.child_of(course).first()
                if quiz is not None:
                    report.skipped.append(f"{data['module']}: quiz exists")
                else:
                    quiz = _build_french(course, data)
                    created.append(f"{data['module']} (fr)")
                if _translate(quiz, data, "en"):
                    created.append(f"{data['module']} (en)")
        except (ValueError, ValidationError) as error:  # e.g. an edited French quiz the English file no longer fits
            report.failed.append(f"{data['module']}: {error}")
        else:
            report.created.extend(created)
    if stdout is not None:
        stdout.write(f"Starter quizzes: created {', '.join(report.created) or 'nothing'}.")
        for line in report.skipped:
            stdout.write(f"  skipped {line}")
        for line in report.failed:
            stdout.write(f"  FAILED {line}")
    return report
