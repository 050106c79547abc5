"""A learner takes their data with them, or erases their account; the retention command erases
accounts nobody uses. Nobody can reach another person's data: no URL carries a user id."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from accounts import privacy_registry
from accounts.data_export import user_data_export
from accounts.erasure import user_erase
from accounts.forms import ADMINISTRATOR_NOT_ERASABLE, WRONG_PASSWORD
from accounts.models import ConsentRecord, ErasureLog
from accounts.privacy_registry import ErasureOptions, register
from accounts.roles import Role
from accounts.services import consent_record, user_role_grant
from courses.models import LessonProgress
from courses.services import lesson_complete
from quizzes.models import Attempt, Response
from quizzes.services import attempt_start, attempt_submit
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.courses import catalogue_build, course_build, lesson_build
from tests.factories.quizzes import quiz_build

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def course():
    return course_build(index=catalogue_build())


@pytest.fixture
def learner(course):
    """Aminata, with a completed lesson, a submitted quiz attempt and a reflection answer."""
    user = UserFactory(username="aminata", display_name="Aminata D.")
    lesson = lesson_build(course=course, title="Une photo suffit", slug="une-photo")
    lesson_complete(user=user, lesson=lesson)
    quiz = quiz_build(course=course)
    attempt = attempt_start(user=user, quiz=quiz)
    reflection = next(q for q in quiz.questions.all() if q.kind == "reflection")
    Response.objects.create(attempt=attempt, question_key=reflection.translation_key, answer="Ma grande sœur")
    attempt_submit(attempt_id=attempt.pk, user=user, quiz=quiz)
    consent_record(user=user, notice_version="7", notice_language="fr")
    return user


@pytest.fixture
def other(course):
    user = UserFactory(username="moussa", display_name="Moussa K.")
    lesson_complete(user=user, lesson=lesson_build(course=course, title="Autre", slug="autre"))
    return user


def _section(data: dict, key: str) -> dict:
    return next(section for section in data["sections"] if section["key"] == key)


# --- Export ------------------------------------------------------------------------------------


def test_the_json_export_holds_the_profile_progress_attempts_and_answers(client, learner, other):
    client.force_login(learner)
    response = client.get("/accounts/profile/my-data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kalan-aminata-')
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)
    profile = _section(data, "accounts.user")["rows"]
    assert profile == [
        {
            "username": "aminata",
            "display_name": "Aminata D.",
            "certificate_name": "",
            "email": "",
            "preferred_language": "fr",
            "date_joined": profile[0]["date_joined"],
            "last_login": profile[0]["last_login"],
        }
    ]
    progress = _section(data, "courses.lessonprogress.user")["rows"]
    assert [row["lesson"] for row in progress] == ["Une photo suffit"]
    attempts = _section(data, "quizzes.attempt.user")["rows"]
    assert len(attempts) == 1 and attempts[0]["quiz"] == "Quiz" and attempts[0]["submitted_at"]
    answers = {row["question"]: row["answer"] for row in attempts[0]["responses"]}
    assert answers["À qui pourrais-tu en parler ?"] == "Ma grande sœur"
    assert _section(data, "accounts.consentrecord.user")["rows"][0]["notice_version"] == "7"
    text = response.content.decode()
    assert "Moussa" not in text and "moussa" not in text
    assert "password" not in text and learner.password not in text


def test_the_export_ignores_any_user_id_in_the_address(client, learner, other):
    client.force_login(learner)
    for url in ("/accounts/profile/my-data.json", "/accounts/profile/my-data/"):
        response = client.get(url, {"user": other.pk, "user_id": other.pk, "id": other.pk})
        assert "Aminata D." in response.content.decode()
        assert "Moussa K." not in response.content.decode()
    assert client.get(f"/accounts/profile/my-data/{other.pk}/").status_code == 404
    assert client.get(f"/accounts/profile/erase/{other.pk}/").status_code == 404


def test_the_readable_summary_is_in_the_learners_language(client, learner):
    client.force_login(learner)
    response = client.get("/en/accounts/profile/my-data/")
    html = response.content.decode()
    assert "<h1>My data</h1>" in html
    assert html.index("<h2>Your account</h2>") < html.index("<h2>Quiz attempts and answers</h2>")
    assert "Quiz attempts and answers" in html and "Lesson progress" in html
    assert escape("Ma grande sœur") in html and "Une photo suffit" in html
    assert 'href="/en/accounts/profile/my-data.json"' in html


def test_the_export_costs_the_same_queries_however_much_data_there_is(
    client, learner, course, django_assert_num_queries
):
    """One query per part of the registry (and a few for the page), never one per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    client.get("/en/accounts/profile/my-data/")  # warms the footer links' per-process cache
    with CaptureQueriesContext(connection) as first:
        client.get("/en/accounts/profile/my-data/")
    quiz = quiz_build(course=course_build(index=catalogue_build(slug="autres"), slug="autre"))
    for _ in range(3):
        attempt_submit(attempt_id=attempt_start(user=learner, quiz=quiz).pk, user=learner, quiz=quiz)
    for n in range(5):
        lesson_complete(user=learner, lesson=lesson_build(course=course, title=f"L{n}", slug=f"l{n}"))
    with django_assert_num_queries(len(first)):
        response = client.get("/en/accounts/profile/my-data/")
    assert response.content.decode().count("<dt>attempt number</dt>") == 4
    print(f"export page: {len(first)} queries")


def test_export_and_erasure_ask_an_anonymous_visitor_to_sign_in(client):
    for url in ("/accounts/profile/my-data/", "/accounts/profile/my-data.json", "/accounts/profile/erase/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post("/accounts/profile/erase/", {"password": "x"}).status_code == 302


def test_a_teacher_can_later_export_a_pupil_through_the_service(learner):
    data = user_data_export(user=learner, language="en")
    assert data["language"] == "en" and data["username"] == "aminata"
    assert _section(data, "quizzes.attempt.user")["label"] == "Quiz attempts and answers"


# --- Erasure -----------------------------------------------------------------------------------


def _erase_counts(user_pk) -> tuple:
    return (
        User.objects.filter(pk=user_pk).count(),
        LessonProgress.objects.filter(user_id=user_pk).count(),
        Attempt.objects.filter(user_id=user_pk).count(),
        Response.objects.filter(attempt__user_id=user_pk).count(),
        ConsentRecord.objects.filter(user_id=user_pk).count(),
    )


def test_get_only_shows_the_confirmation_form(client, learner):
    client.force_login(learner)
    response = client.get("/en/accounts/profile/erase/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="password"' in html and 'name="keep_certificates"' in html
    assert 'aria-describedby="id_keep_certificates_helptext"' in html and 'id="id_keep_certificates_helptext"' in html
    assert _erase_counts(learner.pk) == (1, 1, 1, 1, 1)


def test_erasure_without_csrf_token_erases_nothing(learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post("/accounts/profile/erase/", {"password": DEFAULT_PASSWORD})
    assert response.status_code == 403
    assert _erase_counts(learner.pk)[0] == 1


def test_erasure_with_a_wrong_password_erases_nothing(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/profile/erase/", {"password": "not-my-password"})
    assert response.status_code == 200
    assert escape(str(WRONG_PASSWORD)) in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert _erase_counts(learner.pk) == (1, 1, 1, 1, 1)
    assert not ErasureLog.objects.exists()


def test_an_administrator_cannot_erase_their_own_account_from_the_site(client, admin_user):
    client.force_login(admin_user)
    response = client.post("/accounts/profile/erase/", {"password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert escape(str(ADMINISTRATOR_NOT_ERASABLE)) in response.content.decode()
    assert User.objects.filter(pk=admin_user.pk).exists()


def test_password_guesses_at_the_erasure_form_are_limited(client, learner):
    client.force_login(learner)
    statuses = [client.post("/accounts/profile/erase/", {"password": f"guess-{n}"}).status_code for n in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    assert User.objects.filter(pk=learner.pk).exists()


def test_erasure_deletes_everything_ends_every_session_and_leaves_an_anonymous_audit_line(client, learner, other):
    phone = Client()
    phone.force_login(learner)  # the same learner, signed in on another phone
    client.force_login(learner)
    learner_pk = learner.pk
    response = client.post("/accounts/profile/erase/", {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert _erase_counts(learner_pk) == (0, 0, 0, 0, 0)
    assert LessonProgress.objects.filter(user=other).count() == 1  # nobody else's data
    assert "_auth_user_id" not in client.session
    assert phone.get("/accounts/profile/").status_code == 302
    from django.contrib.sessions.models import Session

    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(learner_pk)]
    log = ErasureLog.objects.get()
    assert (log.actor_role, log.actor_id) == ("self", None)
    assert "aminata" not in str(log.__dict__).lower()
    assert not Client().login(username="aminata", password=DEFAULT_PASSWORD)


def test_the_keep_certificates_choice_reaches_every_erase_function(client, learner):
    seen = []
    saved = dict(privacy_registry._declarations)
    try:
        # Stands in for the certificates app's declaration, which arrives with it.
        register(
            ConsentRecord,
            label="stand-in",
            export=("notice_version",),
            erase=lambda user, options: seen.append((user.username, options)),
            order=1,
        )
        client.force_login(learner)
        client.post("/accounts/profile/erase/", {"password": DEFAULT_PASSWORD, "keep_certificates": "on"})
    finally:
        privacy_registry._declarations.clear()
        privacy_registry._declarations.update(saved)
    assert seen == [("aminata", ErasureOptions(keep_certificates=True))]


def test_erasing_an_editor_keeps_their_pages_and_revisions_without_them(course):
    editor = UserFactory(username="redaction")
    user_role_grant(user=editor, role=Role.EDITOR)
    lesson = lesson_build(course=course, title="Leçon", slug="lecon")
    lesson.owner = editor
    lesson.save()
    revision = lesson.save_revision(user=editor)
    admin = UserFactory(username="admin-x", is_staff=True, is_superuser=True)
    user_erase(user=editor, actor=admin, actor_role=ErasureLog.ActorRole.ADMINISTRATOR)
    lesson.refresh_from_db()
    revision.refresh_from_db()
    assert lesson.owner_id is None and revision.user_id is None
    log = ErasureLog.objects.get()
    assert (log.actor, log.actor_role) == (admin, "administrator")


# --- Retention ---------------------------------------------------------------------------------


def _aged(username: str, *, days: int, role: Role | None = None, **fields):
    user = UserFactory(username=username, **fields)
    moment = timezone.now() - timezone.timedelta(days=days)
    User.objects.filter(pk=user.pk).update(last_login=moment, date_joined=moment)
    if role:
        user_role_grant(user=user, role=role)
    return user


def test_purge_erases_inactive_pupil_accounts_only_and_reports_it(settings, capsys):
    settings.KALAN_INACTIVE_ACCOUNT_DAYS = 365
    _aged("old-pupil", days=400)
    _aged("old-pupil-2", days=366)
    _aged("recent-pupil", days=30)
    _aged("old-teacher", days=400, role=Role.TEACHER)
    _aged("old-admin", days=400, is_staff=True, is_superuser=True)
    never = UserFactory(username="never-signed-in")
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=timezone.now() - timezone.timedelta(days=500))

    call_command("purge_inactive_accounts", "--dry-run")
    assert "3; none erased (dry run)" in capsys.readouterr().out
    assert User.objects.count() == 6

    call_command("purge_inactive_accounts")
    assert "(more than 365 days without sign-in): 3" in capsys.readouterr().out
    assert set(User.objects.values_list("username", flat=True)) == {"recent-pupil", "old-teacher", "old-admin"}
    assert list(ErasureLog.objects.values_list("actor_role", flat=True)) == ["retention"] * 3


def test_purge_refuses_a_dangerously_short_period(settings):
    from django.core.management.base import CommandError

    settings.KALAN_INACTIVE_ACCOUNT_DAYS = 3
    with pytest.raises(CommandError):
        call_command("purge_inactive_accounts")


def test_administrators_see_the_audit_line_and_nobody_can_edit_it(client, learner, admin_user):
    user_erase(user=learner, actor=learner, actor_role=ErasureLog.ActorRole.SELF)
    client.force_login(admin_user)
    response = client.get("/django-admin/accounts/erasurelog/")
    html = response.content.decode()
    assert response.status_code == 200
    assert escape(str(ErasureLog.ActorRole.SELF.label)) in html and "aminata" not in html.lower()
    log = ErasureLog.objects.get()
    assert client.post(f"/django-admin/accounts/erasurelog/{log.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ErasureLog.objects.count() == 1
