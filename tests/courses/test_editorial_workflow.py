"""Editors write, reviewers publish: Wagtail's own "Editors" and "Moderators" groups and its
default moderation workflow, checked through the admin's real views."""

import pytest
import wagtail_factories
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.roles import Role
from accounts.services import user_role_grant
from courses.blocks import (
    MSG_ALT_REQUIRED,
    MSG_EXPLANATION_REQUIRED,
    MSG_TRANSCRIPT_REQUIRED,
    AudioBlock,
    ImageBlock,
    RealOrFakeBlock,
)
from courses.models import LessonPage
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_build(index=catalogue_build())


def _user(username, role):
    user = UserFactory(username=username)
    user_role_grant(user=user, role=role)
    return user


def _lesson_form(**extra):
    return nested_form_data(
        {
            "title": "Reconnaître un faux compte",
            "slug": "faux-compte",
            "summary": "Les signes d'un faux compte.",
            "estimated_minutes": 5,
            "body": streamfield([("paragraph", rich_text("<p>Un faux compte a peu d'historique.</p>"))]),
            **extra,
        }
    )


def test_editor_drafts_and_submits_but_cannot_publish_even_by_direct_post(client, course):
    client.force_login(_user("redac", Role.EDITOR))
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk))
    client.post(add_url, {**_lesson_form(), "action-publish": "action-publish"})
    lesson = LessonPage.objects.get(slug="faux-compte")
    assert not lesson.live  # the publish button is not theirs, whatever they post

    edit_url = reverse("wagtailadmin_pages:edit", args=(lesson.pk,))
    client.post(edit_url, {**_lesson_form(), "action-publish": "action-publish"})
    lesson.refresh_from_db()
    assert not lesson.live

    client.post(edit_url, {**_lesson_form(), "action-submit": "action-submit"})
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(lesson.url).status_code == 404  # learners do not see it yet


def test_reviewer_approves_and_the_lesson_appears_to_learners(client, course):
    editor = _user("redac", Role.EDITOR)
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk))
    client.post(add_url, {**_lesson_form(), "action-submit": "action-submit"})
    lesson = LessonPage.objects.get(slug="faux-compte")
    state = WorkflowState.objects.get(object_id=str(lesson.pk))

    client.force_login(_user("relecture", Role.REVIEWER))
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(lesson.pk, "approve", state.current_task_state.pk)
    )
    client.post(approve_url, {"comment": ""})
    lesson.refresh_from_db()
    assert lesson.live
    client.logout()
    response = client.get(Page.objects.get(pk=lesson.pk).url)
    assert response.status_code == 200
    assert "Un faux compte a peu d" in response.content.decode()


def test_image_without_alt_text_is_refused_in_the_admin_with_a_message(client, course):
    image = wagtail_factories.ImageFactory(title="schema")
    client.force_login(_user("redac", Role.EDITOR))
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk))
    body = streamfield([("image", {"image": image.pk, "alt": "", "caption": ""})])
    response = client.post(add_url, _lesson_form(body=body))
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="faux-compte").exists()
    # The editor's StreamField widget receives the block error, in French, on the alt field.
    assert "D\\u00e9crivez l&#x27;image pour les personnes qui ne peuvent pas la voir" in response.content.decode()


def _struct(block, raw):
    return block.clean(block.to_python(raw))


@pytest.mark.parametrize(
    ("block", "raw", "field", "message"),
    [
        (AudioBlock(), {"audio": "document", "title": "", "transcript": ""}, "transcript", MSG_TRANSCRIPT_REQUIRED),
        (
            RealOrFakeBlock(),
            {"question": "Vrai ?", "items": [{"caption": "une publication"}], "answer": "fake", "explanation": ""},
            "explanation",
            MSG_EXPLANATION_REQUIRED,
        ),
        (ImageBlock(), {"image": "image", "alt": " ", "caption": ""}, "alt", MSG_ALT_REQUIRED),
    ],
)
def test_blocks_refuse_missing_accessibility_and_explanations(block, raw, field, message):
    media = {"document": wagtail_factories.DocumentFactory().pk, "image": wagtail_factories.ImageFactory().pk}
    raw = {key: media.get(value, value) if isinstance(value, str) else value for key, value in raw.items()}
    with pytest.raises(StructBlockValidationError) as error:
        _struct(block, raw)
    assert list(error.value.block_errors) == [field]
    assert error.value.block_errors[field].messages == [str(message)]


def test_accessibility_checker_is_on_in_the_lesson_editor(client, course):
    client.force_login(_user("redac", Role.EDITOR))
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk))
    html = client.get(add_url).content.decode()
    assert "w-content-checker" in html  # Wagtail's built-in accessibility checks panel


def test_translator_creates_the_english_version_through_a_po_file(client, course):
    """wagtail-localize: submit the page for translation, export the PO file, translate it
    offline, import it, publish."""
    import polib
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Locale
    from wagtail_localize.models import Translation

    lesson = LessonPage(
        title="Vérifier la source",
        slug="verifier",
        summary="Qui a publié ?",
        body=[{"type": "paragraph", "value": "<p>Cherche qui a publié en premier.</p>"}],
    )
    course.add_child(instance=lesson)
    lesson.save_revision().publish()
    translator = _user("traduction", Role.EDITOR)
    client.force_login(translator)
    english = Locale.objects.get(language_code="en")

    submit_url = reverse("wagtail_localize:submit_page_translation", args=(lesson.pk,))
    response = client.post(submit_url, {"locales": [english.pk], "include_subtree": ""})
    assert response.status_code == 302
    translation = Translation.objects.get(target_locale=english, source__object_id=lesson.translation_key)

    po_text = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,))).content.decode()
    po = polib.pofile(po_text)
    english_text = {
        "Vérifier la source": "Check the source",
        "verifier": "check-the-source",
        "Qui a publié ?": "Who published it?",
        "Cherche qui a publié en premier.": "Find out who published it first.",
    }
    for entry in po:
        entry.msgstr = english_text.get(entry.msgid, entry.msgid)
    upload = SimpleUploadedFile("lesson.po", str(po).encode(), content_type="text/x-gettext-translation")
    client.post(reverse("wagtail_localize:upload_pofile", args=(translation.pk,)), {"file": upload})

    translation.refresh_from_db()
    translation.save_target(user=translator, publish=True)
    english_lesson = LessonPage.objects.get(locale=english, translation_key=lesson.translation_key)
    assert english_lesson.alias_of_id is None
    assert not english_lesson.live  # a translator is an editor: the translation waits for review

    reviewer = _user("relecture", Role.REVIEWER)
    english_lesson.get_latest_revision().publish(user=reviewer)
    client.logout()
    html = client.get(english_lesson.url).content.decode()
    assert "Find out who published it first." in html
    assert "Cherche qui a publié" not in html
    assert "Cherche qui a publié" not in html
