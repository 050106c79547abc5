"""The one call the lesson and quiz views make after a learner's progress: issue the module's
certificate if it is now earned, and tell the learner."""

import uuid

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from .services import certificate_issue_if_complete

CERTIFICATE_EARNED = _("Congratulations! You have earned the certificate for this module. Find it in My certificates.")


def certificate_award(request, *, course_key: uuid.UUID) -> None:
    _certificate, issued = certificate_issue_if_complete(user=request.user, course_key=course_key)
    if issued:
        messages.success(request, CERTIFICATE_EARNED)
