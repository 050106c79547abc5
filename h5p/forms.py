from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .validation import H5PValidationError, package_validate


class H5PUploadForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use the title stored in the package."),
    )
    file = forms.FileField(
        label=_("H5P package"),
        help_text=_("An .h5p file exported from H5P. Its libraries must be approved by an administrator."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    package = None

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            self.package = package_validate(fileobj=uploaded)
        except H5PValidationError as error:
            raise ValidationError(list(error.messages)) from error
        return uploaded
