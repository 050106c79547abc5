import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from accounts.demo import DEMO_ACCOUNTS
from accounts.roles import Role, user_roles
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db


def test_setup_demo_creates_one_account_per_role_once(settings, capsys):
    settings.KALAN_DEMO = True
    call_command("setup_demo")
    pages = Page.objects.count()
    call_command("setup_demo")
    assert Page.objects.count() == pages  # idempotent
    # The starter modules come with their quizzes, in French and English.
    assert QuizPage.objects.filter(locale__language_code="fr").count() == 3
    assert QuizPage.objects.filter(locale__language_code="en").count() == 3
    users = get_user_model().objects.filter(username__in=[a.username for a in DEMO_ACCOUNTS])
    assert users.count() == len(Role)
    for account in DEMO_ACCOUNTS:
        user = users.get(username=account.username)
        assert account.role in user_roles(user)
        assert user.check_password(account.password)
    out = capsys.readouterr().out
    assert "LOCAL DEMO ACCOUNTS" in out and "kalan-demo-eleve" in out


def test_setup_demo_refuses_outside_the_local_demo(settings):
    settings.KALAN_DEMO = False
    with pytest.raises(CommandError):
        call_command("setup_demo")
    assert not get_user_model().objects.filter(username="demo-admin").exists()
