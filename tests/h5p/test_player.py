"""The H5P player: who may open it, what its files carry, and the scores it reports."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from h5p.models import H5PResult, H5PUserState
from h5p.selectors import h5p_results_for
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build, lesson_build, translate
from tests.factories.h5p import activity_build, h5p_body

pytestmark = pytest.mark.django_db

TRUE_FALSE = "h5p-test.h5p"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


@pytest.fixture(autouse=True)
def h5p_roots(settings, tmp_path):
    settings.H5P_PRIVATE_ROOT = tmp_path / "private"
    settings.H5P_CONTENT_ROOT = tmp_path / "content"
    settings.H5P_LIBRARY_ROOT = tmp_path / "libraries"


@pytest.fixture
def activity(db):
    return activity_build(TRUE_FALSE, title="Vrai ou faux ?")


@pytest.fixture
def course(db):
    return course_build(index=catalogue_build())


@pytest.fixture
def lesson(course, activity):
    return lesson_build(course=course, title="Exercice", slug="exercice", body=h5p_body(activity))


def statement(raw=1, maximum=1, verb=ANSWERED, **extra) -> dict:
    data = {
        "actor": {"name": "someone"},
        "verb": {"id": verb, "display": {"en-US": "answered"}},
        "object": {"id": "http://testserver/exercice#h5p", "objectType": "Activity"},
        "result": {"score": {"min": 0, "raw": raw, "max": maximum, "scaled": 1}, "completion": True},
    }
    data.update(extra)
    return data


def post_statement(client, lesson, activity, body=None, **kwargs):
    payload = {"lesson": lesson.pk, "activity": activity.pk, "statement": statement(**kwargs) if body is None else body}
    return client.post(reverse("h5p_xapi"), json.dumps(payload), content_type="application/json")


# --- The lesson block -----------------------------------------------------------------------


def test_lesson_shows_title_and_start_link_to_player_without_loading_it(client, lesson, activity):
    html = client.get(lesson.url).content.decode()
    player_url = reverse("h5p_player", args=[lesson.pk, activity.pk])
    assert "Vrai ou faux ?" in html
    assert f'href="{player_url}"' in html
    assert "<iframe" not in html
    assert "h5p-standalone" not in html and "main.bundle.js" not in html


def test_english_lesson_links_to_its_english_player_and_shares_the_score_key(client, course, lesson, activity):
    translate(catalogue_build(), "en", title="Modules", slug="modules")
    translate(course, "en", title="Deepfakes", slug="deepfakes")
    english = translate(lesson, "en", title="Exercise", slug="exercise")
    with translation.override("en"):
        player_url = reverse("h5p_player", args=[english.pk, activity.pk])
    assert player_url.startswith("/en/")
    assert f'href="{player_url}"' in client.get(english.url).content.decode()
    assert client.get(player_url).status_code == 200
    client.force_login(UserFactory(username="pupil-awa"))
    post_statement(client, english, activity, raw=1, maximum=2)
    assert H5PResult.objects.get().lesson_key == lesson.translation_key


# --- Who reaches the player -----------------------------------------------------------------


def test_player_serves_an_approved_activity_embedded_in_a_visible_lesson(client, lesson, activity):
    response = client.get(reverse("h5p_player", args=[lesson.pk, activity.pk]))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "sandbox allow-scripts" in csp and "allow-same-origin" not in csp
    assert "script-src http://testserver 'unsafe-eval';" in csp  # no inline script, no other host
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Access-Control-Allow-Origin" not in response
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_player_refuses_a_package_whose_libraries_are_not_approved(client, course):
    waiting = activity_build(TRUE_FALSE, approve=False)
    lesson = lesson_build(course=course, title="En attente", slug="attente", body=h5p_body(waiting))
    assert client.get(reverse("h5p_player", args=[lesson.pk, waiting.pk])).status_code == 404
    assert client.get(reverse("h5p_json", args=[waiting.sha256])).status_code == 404
    content = reverse("h5p_content_file", args=[waiting.sha256, "content.json"])
    assert client.get(content).status_code == 404
    assert client.get(reverse("h5p_library_file", args=["H5P.TrueFalse-1.6", "library.json"])).status_code == 404


def test_player_refuses_an_activity_in_no_lesson_or_another_lesson(client, course, lesson, activity):
    other = lesson_build(course=course, title="Autre", slug="autre")
    assert client.get(reverse("h5p_player", args=[other.pk, activity.pk])).status_code == 404
    assert client.get(reverse("h5p_player", args=[999_999, activity.pk])).status_code == 404


def test_player_refuses_a_lesson_the_visitor_may_not_see(client, lesson, activity):
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    url = reverse("h5p_player", args=[lesson.pk, activity.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(username="pupil-awa"))
    assert client.get(url).status_code == 200


def test_unpublished_lesson_never_reaches_a_learner(client, course, activity):
    draft = lesson_build(course=course, title="Brouillon", slug="brouillon", body=h5p_body(activity), live=False)
    assert client.get(reverse("h5p_player", args=[draft.pk, activity.pk])).status_code == 404


# --- The files the player fetches -----------------------------------------------------------


def test_player_files_are_sandboxed_nosniff_and_public_to_the_opaque_origin(client, lesson, activity):
    urls = [
        reverse("h5p_json", args=[activity.sha256]),
        reverse("h5p_content_file", args=[activity.sha256, "content.json"]),
        reverse("h5p_library_file", args=["H5P.TrueFalse-1.6", "library.json"]),
        reverse("h5p_library_file", args=["H5P.TrueFalse-1.6", "scripts/h5p-true-false.js"]),
        reverse("h5p_player_file", args=["vendor/h5p-standalone/main.bundle.js"]),
        reverse("h5p_player_file", args=["js/h5p-player.js"]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert (
            "sandbox" in response["Content-Security-Policy"]
            and "default-src 'none'" in response["Content-Security-Policy"]
        )
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
    assert client.get(urls[3])["Content-Type"].startswith("text/javascript")
    h5p_json = json.loads(client.get(urls[0]).content)
    assert h5p_json["mainLibrary"] == "H5P.TrueFalse"


def test_player_file_views_serve_nothing_else(client, activity):
    for url in [
        reverse("h5p_player_file", args=["js/quick-exit.js"]),
        reverse("h5p_player_file", args=["vendor/h5p-standalone/../../js/exercises.js"]),
        reverse("h5p_content_file", args=[activity.sha256, "../../libraries/x"]),
        reverse("h5p_library_file", args=["H5P.TrueFalse-1.6", "../H5P.Question-1.5/library.json"]),
        reverse("h5p_library_file", args=["nonsense", "library.json"]),
    ]:
        assert client.get(url).status_code == 404, url


def test_authenticated_pages_never_allow_other_origins(client, lesson):
    client.force_login(UserFactory(username="pupil-awa"))
    for url in [reverse("accounts_profile"), lesson.url]:
        response = client.get(url, HTTP_ORIGIN="null")
        assert "Access-Control-Allow-Origin" not in response


def test_uploads_folder_does_not_serve_h5p_files(client, settings, activity, tmp_path):
    settings.H5P_CONTENT_ROOT = settings.MEDIA_ROOT / "h5p" / "content"
    (settings.MEDIA_ROOT / "h5p").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "h5p" / "probe.txt").write_text("probe")
    assert client.get(f"{settings.MEDIA_URL}h5p/probe.txt").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}x/../h5p/probe.txt").status_code == 404


# --- Scores -----------------------------------------------------------------------------------


@pytest.fixture
def pupil(client, db):
    user = UserFactory(username="pupil-awa")
    client.force_login(user)
    return user


def test_answered_statement_records_last_and_best_practice_score(client, pupil, lesson, activity):
    assert post_statement(client, lesson, activity, raw=1, maximum=1).status_code == 200
    assert post_statement(client, lesson, activity, raw=0, maximum=1).status_code == 200
    result = H5PResult.objects.get()
    assert (result.user, result.activity, result.lesson_key) == (pupil, activity, lesson.translation_key)
    assert (result.raw, result.max, result.scaled, result.best_scaled, result.completed) == (0, 1, 0, 1, True)
    assert result.statement["result"]["score"]["raw"] == 0


def test_forged_score_is_clamped_on_the_server(client, pupil, lesson, activity):
    response = post_statement(client, lesson, activity, raw=99, maximum=1)
    assert response.status_code == 200
    assert H5PResult.objects.get().scaled == 1.0 and H5PResult.objects.get().best_scaled == 1.0
    post_statement(client, lesson, activity, raw=-5, maximum=1)
    assert H5PResult.objects.get().scaled == 0.0


@pytest.mark.parametrize(
    "body",
    [
        statement(verb="http://adlnet.gov/expapi/verbs/attempted"),
        statement(verb="http://adlnet.gov/expapi/verbs/interacted"),
        statement(context={"contextActivities": {"parent": [{"id": "http://testserver/x"}]}}),
        statement(result={"completion": True}),
        statement(raw=1, maximum=0),
        statement(raw="1", maximum=1),
        statement(raw=True, maximum=1),
        ["not", "an", "object"],
    ],
    ids=["attempted", "interacted", "sub-content", "no-score", "zero-max", "string-score", "bool-score", "list"],
)
def test_statements_that_are_not_a_top_level_score_are_refused(client, pupil, lesson, activity, body):
    assert post_statement(client, lesson, activity, body=body).status_code == 400
    assert not H5PResult.objects.exists()


def test_score_goes_to_the_signed_in_learner_whatever_the_statement_says(client, pupil, lesson, activity):
    other = UserFactory(username="pupil-binta")
    payload = statement(actor={"name": "pupil-binta", "account": {"name": str(other.pk)}})
    payload_body = {"lesson": lesson.pk, "activity": activity.pk, "statement": payload, "user": other.pk}
    client.post(reverse("h5p_xapi"), json.dumps(payload_body), content_type="application/json")
    assert list(H5PResult.objects.values_list("user__username", flat=True)) == ["pupil-awa"]


def test_score_for_an_activity_in_no_lesson_or_a_hidden_lesson_is_refused(client, pupil, course, lesson, activity):
    other = lesson_build(course=course, title="Autre", slug="autre")
    assert post_statement(client, other, activity).status_code == 404
    hidden = lesson_build(course=course, title="Caché", slug="cache", body=h5p_body(activity))
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert post_statement(client, hidden, activity).status_code == 404
    assert not H5PResult.objects.exists()


def test_score_without_login_is_refused(client, lesson, activity):
    assert post_statement(client, lesson, activity).status_code == 403
    assert not H5PResult.objects.exists()


def test_score_without_csrf_token_is_refused(lesson, activity):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(username="pupil-awa"))
    assert post_statement(client, lesson, activity).status_code == 403
    assert not H5PResult.objects.exists()


def test_a_flood_of_posts_is_throttled(client, settings, pupil, lesson, activity):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "h5p_post": "2/m/user"}
    assert [post_statement(client, lesson, activity).status_code for _ in range(3)] == [200, 200, 429]


def test_huge_statement_is_refused_and_nothing_stored(client, pupil, lesson, activity):
    huge = statement(padding="x" * (5 * 1024 * 1024))
    response = post_statement(client, lesson, activity, body=huge)
    assert response.status_code == 413
    assert not H5PResult.objects.exists()


def test_malformed_posts_are_refused(client, pupil, lesson, activity):
    url = reverse("h5p_xapi")
    for body in ["{not json", json.dumps({"lesson": str(lesson.pk), "activity": activity.pk, "statement": {}}), "[]"]:
        assert client.post(url, body, content_type="application/json").status_code == 400
    assert client.get(url).status_code == 405
    assert not H5PResult.objects.exists()


# --- Resume ---------------------------------------------------------------------------------


def test_saved_state_is_given_back_to_the_player_of_that_learner_only(client, pupil, lesson, activity):
    url = reverse("h5p_state")
    payload = {"lesson": lesson.pk, "activity": activity.pk, "state": '{"answer":true}'}
    assert client.post(url, json.dumps(payload), content_type="application/json").status_code == 204
    player = reverse("h5p_player", args=[lesson.pk, activity.pk])
    assert "{&quot;answer&quot;:true}" in client.get(player).content.decode()
    client.force_login(UserFactory(username="pupil-binta"))
    assert "answer" not in client.get(player).content.decode()
    big = {**payload, "state": "x" * (70 * 1024)}
    assert client.post(url, json.dumps(big), content_type="application/json").status_code == 413
    assert H5PUserState.objects.get().state == '{"answer":true}'


# --- For the teacher dashboard --------------------------------------------------------------


def test_results_for_learners_in_one_query(client, pupil, lesson, activity, django_assert_num_queries):
    post_statement(client, lesson, activity, raw=1, maximum=2)
    other = UserFactory(username="pupil-binta")
    with django_assert_num_queries(1):
        results = h5p_results_for(user_ids=[pupil.pk, other.pk])
    assert list(results) == [pupil.pk]
    (score,) = results[pupil.pk]
    assert (score.activity_title, score.scaled, score.best_scaled, score.lesson_key) == (
        "Vrai ou faux ?",
        0.5,
        0.5,
        lesson.translation_key,
    )
