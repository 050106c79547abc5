"""h5p's part of the privacy registry. Only editors and administrators upload and approve
packages: the packages stay, without who uploaded or approved them. (H5P results, a learner's
own data, are declared here when that model arrives.)"""

from accounts.privacy_registry import Erase, register

from .models import H5PActivity, H5PLibrary

register(H5PLibrary, field="approved_by", erase=Erase.SET_NULL, reason="editorial record, kept without its approver")
register(H5PActivity, field="uploaded_by", erase=Erase.SET_NULL, reason="editorial record, kept without its uploader")
