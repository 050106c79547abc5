"""The CMS's part of the privacy registry: Wagtail's and wagtail-localize's relations to users.

Only editors, reviewers and administrators have any of these rows; learners never do. What
they wrote (pages, revisions, images, translations) belongs to the site and stays, with the
author removed (SET_NULL); what is personal to them (profile, comments, subscriptions, locks,
tokens) is deleted. None of it is exported: it is the site's editorial record, not data about
a person as a learner.
"""

from wagtail.admin.models import EditingSession, FormState
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)
from wagtail.users.models import UserProfile
from wagtail_localize.models import SegmentOverride, StringTranslation

from accounts.privacy_registry import Erase, exclude, register

EDITORIAL = "editorial record of the site, kept without its author"

for model, field in [
    (Page, "owner"),
    (Page, "locked_by"),
    (Revision, "user"),
    (WorkflowState, "requested_by"),
    (TaskState, "finished_by"),
    (Comment, "resolved_by"),
    (Image, "uploaded_by_user"),
    (Document, "uploaded_by_user"),
    (UploadedFile, "uploaded_by_user"),
    (StringTranslation, "last_translated_by"),
    (SegmentOverride, "last_translated_by"),
]:
    register(model, field=field, erase=Erase.SET_NULL, reason=EDITORIAL)

# Wagtail's history keeps the user id with no database constraint (on_delete=DO_NOTHING): set
# it to NULL explicitly, or the id of an erased person would stay in the log.
for model in (PageLogEntry, ModelLogEntry):
    register(model, erase=Erase.SET_NULL, reason="the CMS history of an editor's actions; kept, anonymous")

register(Comment, erase=Erase.DELETE, reason="an editor's review comments on a draft, deleted with them")
register(CommentReply, erase=Erase.DELETE, reason="an editor's replies to review comments, deleted with them")
register(PageSubscription, erase=Erase.DELETE, reason="an editor's notification settings")
register(UserProfile, erase=Erase.DELETE, reason="Wagtail admin preferences (language, avatar, notifications)")

register(APIToken, erase=Erase.DELETE, reason="an API bearer token: a secret, never exported")
exclude(FormState, field="user", reason="a draft of an admin form kept while editing; CASCADE removes it")
exclude(EditingSession, field="user", reason="a short-lived 'who is editing' marker; CASCADE removes it")
