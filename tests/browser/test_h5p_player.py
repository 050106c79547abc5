"""A learner plays H5P activities inside a lesson; the player cannot reach the platform."""

import pytest

from accounts.demo import DEMO_ACCOUNTS, demo_accounts_ensure
from classrooms.demo import demo_classroom_ensure
from classrooms.models import ClassroomMembership
from h5p.models import H5PResult, H5PUserState
from tests.factories.courses import catalogue_build, course_build, lesson_build
from tests.factories.h5p import activity_build, h5p_body

pytestmark = [pytest.mark.browser]
STUDENT = next(account for account in DEMO_ACCOUNTS if account.username == "demo-eleve")
TEACHER = next(account for account in DEMO_ACCOUNTS if account.username == "demo-enseignant")
FRAME = "iframe.h5p-activity__frame"


@pytest.fixture
def h5p_roots(settings, tmp_path):
    settings.H5P_PRIVATE_ROOT = tmp_path / "private"
    settings.H5P_CONTENT_ROOT = tmp_path / "content"
    settings.H5P_LIBRARY_ROOT = tmp_path / "libraries"


def _lesson_with(package: str, title: str):
    activity = activity_build(package, title=title)
    course = course_build(index=catalogue_build())
    lesson = lesson_build(course=course, title="Exercice", slug="exercice", body=h5p_body(activity, "<p>À toi.</p>"))
    return lesson, activity


def _login(page, account):
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill(account.username)
    page.get_by_label("Mot de passe").fill(account.password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url("**/")


def _login_demo_student(page):
    demo_accounts_ensure()
    _login(page, STUDENT)


def _start(page, lesson):
    page.goto(lesson.url)
    assert page.locator(FRAME).count() == 0  # nothing loads before the learner asks
    page.locator("[data-h5p-start]").click()
    iframe = page.locator(FRAME)
    assert iframe.get_attribute("sandbox") == "allow-scripts"
    return page.frame_locator(FRAME)


def test_demo_student_plays_true_false_in_a_lesson_and_the_score_is_stored(browser_page, h5p_roots):
    lesson, activity = _lesson_with("h5p-test.h5p", "Vrai ou faux ?")
    page = browser_page
    _login_demo_student(page)
    player = _start(page, lesson)
    player.get_by_text("False", exact=True).click()
    player.get_by_role("button", name="Check").click()
    page.locator("[data-h5p-saved=true]").wait_for()
    assert "100 %" in page.locator(".h5p-activity__status").inner_text()
    result = H5PResult.objects.get()
    assert (result.user.username, result.activity, result.lesson_key) == (
        STUDENT.username,
        activity,
        lesson.translation_key,
    )
    assert (result.scaled, result.best_scaled, result.completed) == (1.0, 1.0, True)

    # Where the learner left the activity is saved, and given back when they come again.
    for _ in range(50):
        if H5PUserState.objects.filter(user=result.user, activity=activity).exists():
            break
        page.wait_for_timeout(100)
    assert H5PUserState.objects.get(user=result.user, activity=activity).state
    player = _start(page, lesson)
    player.locator(".h5p-true-false-answer[aria-checked=true]").wait_for()
    assert player.locator(".h5p-true-false-answer[aria-checked=true]").inner_text().strip() == "False"

    # The demo teacher sees it on the pupil's page of the demo class, as a practice score.
    classroom = demo_classroom_ensure()
    membership = ClassroomMembership.objects.get(classroom=classroom, user=result.user)
    page.locator(".account-nav form button").click()  # sign out
    _login(page, TEACHER)
    page.goto(f"/classes/{classroom.pk}/pupils/{membership.pk}/")
    scores = page.locator(".practice-scores").inner_text()
    assert "Vrai ou faux ?" in scores and "100 %" in scores


def _answer_visible_question(player):
    """Give some answer to the question on screen, whatever its type, and check it."""
    question = player.locator(".question-container:visible")
    if question.locator(".h5p-answer").count():  # multiple choice
        question.locator(".h5p-answer").first.click()
    elif question.locator(".h5p-true-false-answer").count():
        question.locator(".h5p-true-false-answer").first.click()
    elif question.locator("input.h5p-text-input").count():  # fill in the blanks
        for field in question.locator("input.h5p-text-input").all():
            field.fill("Norway")
    elif question.locator(".h5p-word-selectable-words [role=option]").count():  # mark the words
        question.locator(".h5p-word-selectable-words [role=option]").first.click()
    elif question.locator(".h5p-drag-draggables-container .ui-draggable").count():  # drag the words
        question.locator(".h5p-drag-draggables-container .ui-draggable").first.drag_to(
            question.locator(".h5p-drag-dropzone-container .ui-droppable").first
        )
    elif question.locator(".h5p-draggable").count():  # drag and drop
        question.locator(".h5p-draggable").first.drag_to(question.locator(".h5p-dropzone").first)
    question.locator(".h5p-question-check-answer:visible").click()


def test_question_set_plays_and_records_a_score(browser_page, h5p_roots):
    lesson, activity = _lesson_with("H5P.QuestionSet.h5p", "Quiz interactif")
    page = browser_page
    _login_demo_student(page)
    player = _start(page, lesson)
    for step in range(9):  # nine questions: answer each (the quiz ends once all are answered)
        _answer_visible_question(player)
        if step < 8:
            player.locator(".h5p-question-next:visible").click()
    player.locator(".h5p-question-finish:visible").click()
    page.locator("[data-h5p-saved=true]").wait_for()
    result = H5PResult.objects.get(activity=activity)
    assert result.user.username == STUDENT.username
    assert result.max > 1 and 0 <= result.scaled <= 1
    assert result.statement["verb"]["id"].endswith(("/completed", "/answered"))


PROBE = """async () => {
  const outcome = {};
  try { outcome.parentDocument = String(window.parent.document.title); } catch (e) { outcome.parentDocument = "blocked: " + e.name; }
  try { outcome.cookie = String(document.cookie); } catch (e) { outcome.cookie = "blocked: " + e.name; }
  try {
    const response = await fetch("/accounts/profile/", { credentials: "include" });
    outcome.profile = "read " + response.status + " " + (await response.text()).length;
  } catch (e) { outcome.profile = "blocked: " + e.name; }
  try {
    await fetch("/h5p/xapi/", {
      method: "POST", credentials: "include", mode: "no-cors", headers: { "Content-Type": "text/plain" },
      body: JSON.stringify({ lesson: LESSON, activity: ACTIVITY, statement: { verb: { id:
        "http://adlnet.gov/expapi/verbs/answered" }, result: { score: { raw: 1, max: 1 } } } })
    });
    outcome.forgedPost = "sent";
  } catch (e) { outcome.forgedPost = "blocked: " + e.name; }
  outcome.origin = String(window.origin);
  return outcome;
}"""


def _expected_cors_noise(page) -> None:
    """The refused fetch is reported by the browser on the console: that is the point."""
    page.watcher.problems = [
        problem
        for problem in page.watcher.problems
        if not any(noise in problem for noise in ("/accounts/profile/", "/h5p/xapi/", "CORS", "Failed to fetch"))
    ]


def test_player_cannot_reach_the_platform(browser_page, h5p_roots):
    lesson, activity = _lesson_with("h5p-test.h5p", "Vrai ou faux ?")
    page = browser_page
    _login_demo_student(page)
    assert {"sessionid", "csrftoken"} <= {cookie["name"] for cookie in page.context.cookies()}
    player = _start(page, lesson)
    player.get_by_text("False", exact=True).wait_for()  # the library code runs in there
    frame = page.locator(FRAME).element_handle().content_frame()

    probe = PROBE.replace("LESSON", str(lesson.pk)).replace("ACTIVITY", str(activity.pk))
    outcome = frame.evaluate(probe)
    _expected_cors_noise(page)
    assert outcome["origin"] == "null"
    assert outcome["parentDocument"].startswith("blocked")
    assert outcome["cookie"].startswith("blocked")
    assert outcome["profile"].startswith("blocked")
    assert not H5PResult.objects.exists()  # the player's own post carried no session or CSRF token

    # Opened directly (the no-JavaScript link), the player is sandboxed by its own header.
    page.goto(page.locator(FRAME).get_attribute("src"))
    outcome = page.evaluate(probe)
    _expected_cors_noise(page)
    assert outcome["origin"] == "null"
    assert outcome["cookie"].startswith("blocked")
    assert outcome["profile"].startswith("blocked")
    assert not H5PResult.objects.exists()
