import pytest

from certificates.services import certificate_issue_if_complete
from tests.factories.accounts import UserFactory
from tests.factories.certificates import module_build, module_finish


@pytest.fixture(autouse=True)
def _private_pdf_root(settings, tmp_path):
    settings.KALAN_CERTIFICATE_PDF_ROOT = tmp_path / "certificates"
    settings.KALAN_PUBLIC_BASE_URL = "https://kalan.example"


@pytest.fixture
def module(db):
    return module_build()


@pytest.fixture
def certificate(module):
    course, lessons, quiz = module
    learner = UserFactory(username="awa", certificate_name="Ɲɛnɛba Kɔnatɛ Ŋ")
    module_finish(user=learner, lessons=lessons, quiz=quiz)
    certificate, _issued = certificate_issue_if_complete(user=learner, course_key=course.translation_key)
    return certificate
