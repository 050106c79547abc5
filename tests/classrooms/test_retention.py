"""The daily retention command also deletes requests to teach nobody approved in time."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from classrooms.models import TeacherRequest
from tests.factories.accounts import UserFactory
from tests.factories.classrooms import school_build

pytestmark = pytest.mark.django_db


def _request(status: str, *, days: int) -> TeacherRequest:
    request = TeacherRequest.objects.create(user=UserFactory(), school=school_build(), status=status)
    TeacherRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timezone.timedelta(days=days))
    return request


def test_old_pending_and_declined_requests_go_approved_and_recent_ones_stay(settings, capsys):
    settings.KALAN_TEACHER_REQUEST_DAYS = 90
    Status = TeacherRequest.Status
    old_pending, old_declined = _request(Status.PENDING, days=100), _request(Status.DECLINED, days=100)
    kept = {_request(Status.APPROVED, days=400).pk, _request(Status.PENDING, days=10).pk}

    call_command("purge_inactive_accounts", "--dry-run")
    assert TeacherRequest.objects.count() == 4  # a dry run deletes nothing

    call_command("purge_inactive_accounts")
    assert "more than 90 days deleted: 2" in capsys.readouterr().out
    assert set(TeacherRequest.objects.values_list("pk", flat=True)) == kept
    assert not TeacherRequest.objects.filter(pk__in=[old_pending.pk, old_declined.pk]).exists()
