"""The PDF: what it says, in which letters, how big, and when it is rendered again."""

import pypdfium2
import pytest
import zxingcpp
from django.urls import reverse

from certificates import pdf as certificate_pdf
from certificates.pdf import certificate_pdf_cached, certificate_pdf_render, certificate_pdf_write, pdf_storage
from certificates.services import certificate_issue_if_complete, certificate_revoke
from tests.factories.accounts import UserFactory
from tests.factories.certificates import module_finish

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def pdf_qr(data: bytes) -> str:
    page = pypdfium2.PdfDocument(data)[0]
    image = page.render(scale=3).to_pil()
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1, results
    return results[0].text


def test_the_pdf_names_the_learner_in_bambara_letters_the_module_and_points_at_verification(certificate):
    data = certificate_pdf_render(certificate=certificate, name="Ɲɛnɛba Kɔnatɛ Ŋ")
    text = pdf_text(data)
    assert "Ɲɛnɛba Kɔnatɛ Ŋ" in text
    assert "Deepfakes" in text and certificate.code in text and "Kalan" in text
    assert len(data) < 100_000
    width, height = pypdfium2.PdfDocument(data)[0].get_size()
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    assert pdf_qr(data) == f"https://kalan.example/verify/{certificate.code}/"


def test_a_name_with_markup_is_printed_as_text(certificate):
    name = '<b>Awa</b><script>alert("x")</script>'
    text = pdf_text(certificate_pdf_render(certificate=certificate, name=name))
    assert name in text


def test_the_pdf_is_in_the_learners_language(certificate):
    certificate.language = "en"
    english = pdf_text(certificate_pdf_render(certificate=certificate, name="A. T."))
    assert "Certificate of completion" in english


def test_download_serves_the_cached_pdf_and_renders_again_when_the_name_changes(certificate, client, monkeypatch):
    client.force_login(certificate.user)
    url = reverse("certificate_download", args=[certificate.code])
    renders = []
    real_render = certificate_pdf.certificate_pdf_render
    monkeypatch.setattr(certificate_pdf, "certificate_pdf_render", lambda **kw: renders.append(kw) or real_render(**kw))
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert "attachment" in first["Content-Disposition"]
    body = b"".join(first.streaming_content)
    assert "Ɲɛnɛba Kɔnatɛ Ŋ" in pdf_text(body)
    client.get(url)
    assert len(renders) == 1  # the second download came from the cache
    certificate.user.certificate_name = "Awa Kɔnɛ"
    certificate.user.save()
    third = client.get(url)
    assert "Awa Kɔnɛ" in pdf_text(b"".join(third.streaming_content))
    assert len(renders) == 2
    _dirs, files = pdf_storage().listdir(certificate.code)
    assert len(files) == 1  # the stale PDF is gone


def test_a_new_template_version_renders_again(certificate, monkeypatch):
    first = certificate_pdf_write(certificate)
    monkeypatch.setattr(certificate_pdf, "TEMPLATE_VERSION", "test-next")
    assert certificate_pdf_write(certificate) != first


def test_nobody_else_gets_the_pdf_and_a_revoked_one_is_not_served(certificate, client, admin_user):
    url = reverse("certificate_download", args=[certificate.code])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(username="someone-else"))
    assert client.get(url).status_code == 404
    client.force_login(certificate.user)
    assert client.get(reverse("certificate_download", args=["KLN-222-222-222"])).status_code == 404
    certificate_revoke(certificate=certificate, by=admin_user, reason="Tricherie")
    assert client.get(url).status_code == 404


def test_issuing_renders_the_pdf_in_the_background(module, django_capture_on_commit_callbacks):
    course, lessons, quiz = module
    learner = UserFactory(username="binta")
    module_finish(user=learner, lessons=lessons, quiz=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        certificate, issued = certificate_issue_if_complete(user=learner, course_key=course.translation_key)
    assert issued and certificate_pdf_cached(certificate) is not None
