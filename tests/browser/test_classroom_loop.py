"""The classroom loop of issue 7, in a real browser, on the local demo's data (`make run`):
a teacher sets up a class, a pupil joins and works, the teacher sees it and exports it."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.demo import demo_accounts_ensure
from classrooms.demo import demo_classroom_ensure
from classrooms.models import Classroom
from courses.models import CoursePage, LessonPage
from quizzes.models import Attempt, QuizPage
from tests.browser.quiz_answers import answer_right

pytestmark = [pytest.mark.browser]

PUPILS = ["Aïssata Traoré", "Moussa Keïta", "Awa <b>Diarra</b>", "Oumar Sidibé", "Fatoumata Coulibaly"]


def _login(page, username, password):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Nom d'utilisateur ou e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_teacher_sets_up_a_class_a_pupil_joins_and_works_the_dashboard_and_csv_show_it(browser_page):
    call_command("load_starter_content", verbosity=0)  # the modules and their quizzes
    demo_accounts_ensure()
    demo_classroom_ensure()
    deepfakes = CoursePage.objects.get(slug="deepfakes", locale__language_code="fr")
    quiz = QuizPage.objects.child_of(deepfakes).get()
    page = browser_page

    # The teacher creates a class and reads its code.
    _login(page, "demo-enseignant", "kalan-demo-enseignant")
    page.goto("/classes/new/")
    page.locator("#id_name").fill("5e B")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/classes/\d+/code/$"))
    classroom_id = int(re.search(r"/classes/(\d+)/code/", page.url).group(1))
    code = page.locator(".join-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-Z]{3}-[2-9A-Z]{3}", code)
    assert page.locator(".join-qr svg").count() == 1

    # Five pupil accounts from a list, after a preview; then the slips, in HTML and PDF.
    page.goto(f"/classes/{classroom_id}/pupils/new/")
    page.locator("#id_names").fill("\n".join(PUPILS))
    page.locator("main form button[type=submit]").click()
    assert page.locator(".preview-names li").count() == 5
    page.locator("#school-consent").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/pupils/batches/\d+/$"))
    assert page.locator("progress").get_attribute("value") == "5"
    page.locator("main a[href$='/slips/']").click()
    assert page.locator(".slip").count() == 5
    assert "Awa <b>Diarra</b>" in page.locator(".slips").inner_text()  # shown as text, not markup
    pdf = page.request.get(page.url.replace("/slips/", "/slips.pdf"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    # The deepfakes module, due in a week.
    page.goto(f"/classes/{classroom_id}/assignments/new/")
    page.locator("#id_course").select_option(label=deepfakes.title)
    due = timezone.localdate() + datetime.timedelta(days=7)
    page.locator("#id_due_date").fill(due.isoformat())
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/classes/{classroom_id}/$"))
    assert page.locator("table.matrix tbody tr").count() == 5

    # The demo student joins with the code, reads a lesson and takes the quiz.
    _login(page, "demo-eleve", "kalan-demo-eleve")
    page.goto("/classes/")
    page.locator("#id_code").fill(code.lower())
    page.locator("form[action$='/classes/join/'] button").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/classes/")
    page.get_by_role("link", name=deepfakes.title).first.click()
    page.locator("main a[href*='/deepfakes/']").first.click()
    page.locator("#lesson-end button[type=submit]").click()
    page.goto(quiz.url)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/attempts/**")
    attempt = Attempt.objects.get(user__username="demo-eleve", quiz_key=quiz.translation_key)
    answer_right(page, quiz, attempt)
    page.locator("button[name=submit]").click()
    if page.locator("button[name=confirm]").count():
        page.locator("button[name=confirm]").click()
    page.wait_for_url("**/result/**")
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.passed

    # The teacher's dashboard shows it, and so does the CSV.
    _login(page, "demo-enseignant", "kalan-demo-enseignant")
    page.goto(f"/classes/{classroom_id}/")
    row = page.locator("table.matrix tbody tr", has_text="demo-eleve")
    assert row.count() == 1
    assert row.locator("td.cell-passed").count() == 1  # quiz passed, with its best score
    assert f"{attempt.percent:.0f} %" in row.inner_text()
    csv = page.request.get(f"/classes/{classroom_id}/progress.csv").text()
    line = next(line for line in csv.splitlines() if "demo-eleve" in line)
    lessons = deepfakes.get_children().live().type(LessonPage).count()
    assert f",{round(100 / lessons)}," in line  # one lesson done
    assert f",{attempt.percent:.0f}," in line
    assert Classroom.objects.get(pk=classroom_id).memberships.count() == 1 + 5 + 1
