"""'Real or fake?' on an image or an audio clip: shown lightly, always with words for who cannot see or hear."""

import pytest
import wagtail_factories

from quizzes.forms import MSG_AUDIO_NEEDS_TRANSCRIPT, MSG_IMAGE_NEEDS_DESCRIPTION, question_problems
from quizzes.models import Attempt
from tests.factories.accounts import UserFactory
from tests.factories.courses import catalogue_build, course_build
from tests.factories.quizzes import question, quiz_build


def test_an_audio_clip_needs_a_transcript_and_an_image_a_description():
    base = {"kind": "real_or_fake", "real_or_fake": "fake"}
    assert question_problems({**base, "audio": object(), "audio_transcript": " "}, []) == {
        "audio_transcript": MSG_AUDIO_NEEDS_TRANSCRIPT
    }
    assert question_problems({**base, "image": object()}, []) == {"image_alt": MSG_IMAGE_NEEDS_DESCRIPTION}
    assert (
        question_problems({**base, "audio": object(), "audio_transcript": "Une voix dit : « Envoie 50 000 F »."}, [])
        == {}
    )


@pytest.mark.django_db
def test_real_or_fake_on_an_image_and_on_an_audio_clip_render_lightly_and_leak_nothing(
    client, django_assert_max_num_queries
):
    image = wagtail_factories.ImageFactory(title="capture")
    clip = wagtail_factories.DocumentFactory(title="message vocal")
    quiz = quiz_build(
        course=course_build(index=catalogue_build()),
        questions=[
            question(
                "real_or_fake",
                "Cette photo est-elle vraie ?",
                image=image,
                image_alt="Un ministre en boubou",
                real_or_fake="fake",
            ),
            question(
                "real_or_fake",
                "Ce message vocal est-il vrai ?",
                audio=clip,
                audio_transcript="Une voix qui imite ton père demande de l'argent.",
                real_or_fake="fake",
            ),
        ],
    )
    client.force_login(UserFactory(username="aminata"))
    client.post(f"/learn/quizzes/{quiz.pk}/start/")
    attempt = Attempt.objects.get()
    client.get(f"/learn/attempts/{attempt.pk}/")  # renditions are made once
    with django_assert_max_num_queries(10):
        html = client.get(f"/learn/attempts/{attempt.pk}/").content.decode()
    assert 'alt="Un ministre en boubou"' in html and 'loading="lazy"' in html
    assert f'<audio controls preload="none" src="{clip.url}">' in html
    assert "Une voix qui imite ton père demande de l&#x27;argent." in html
    assert "fake" not in html.replace('value="fake"', "")  # the answer is nowhere but in the learner's choice
