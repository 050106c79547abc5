"""h5p's part of the privacy registry. Only editors and administrators upload and approve
packages: the packages stay, without who uploaded or approved them. A learner's practice scores
and saved activity states are theirs: exported, and deleted with the account."""

from django.utils.translation import gettext_lazy as _

from accounts.privacy_registry import Erase, register

from .models import H5PActivity, H5PLibrary, H5PResult, H5PUserState

register(H5PLibrary, field="approved_by", erase=Erase.SET_NULL, reason="editorial record, kept without its approver")
register(H5PActivity, field="uploaded_by", erase=Erase.SET_NULL, reason="editorial record, kept without its uploader")
register(
    H5PResult,
    label=_("Interactive activities"),
    export=("activity__title", "raw", "max", "scaled", "best_scaled", "completed", "updated_at", "statement"),
    erase=Erase.DELETE,
)
register(
    H5PUserState,
    label=_("Saved progress in interactive activities"),
    export=("activity__title", "state", "updated_at"),
    erase=Erase.DELETE,
)
