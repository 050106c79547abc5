from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Classroom, School
from .pupil_lists import MAX_UPLOAD_BYTES

ERROR_UNKNOWN_CODE = _("No class has this code. Check it with your teacher.")
ERROR_BAD_CODE = _("A class code has six letters and digits, like 7KX-MQ4.")
ERROR_TOO_MANY_TRIES = _("Too many wrong codes. Wait a few minutes and ask your teacher for the code.")
ERROR_NO_NAMES = _("Type at least one name, or choose a file.")
ERROR_DUE_DATE_PAST = _("The due date cannot be in the past.")


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Class code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class TeacherRequestForm(forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.all())


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["school", "name", "level", "year"]
        help_texts = {"year": _("For example 2026-2027.")}

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].empty_label = None


class CoteacherForm(forms.Form):
    username = forms.CharField(label=_("Username of the co-teacher"), max_length=150)


class PupilListForm(forms.Form):
    names = forms.CharField(
        label=_("Names, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "autocomplete": "off"}),
    )
    file = forms.FileField(
        label=_("Or a CSV file"),
        required=False,
        help_text=_("One pupil per row: name (or first name and last name in two columns)."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("names", "").strip() and not data.get("file"):
            raise forms.ValidationError(ERROR_NO_NAMES)
        upload = data.get("file")
        if upload is not None:
            data["file_bytes"] = upload.read(MAX_UPLOAD_BYTES + 1)
        return data


class AssignmentForm(forms.Form):
    course = forms.TypedChoiceField(label=_("Module"), coerce=str)
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    message = forms.CharField(
        label=_("Message to the class"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [(str(c.translation_key), c.title) for c in courses]

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and due < timezone.localdate():
            raise forms.ValidationError(ERROR_DUE_DATE_PAST)
        return due


ERROR_ERASE_CONFIRMATION = _("Type the pupil's username exactly as shown above. Nothing was erased.")


class PupilEraseForm(forms.Form):
    """A teacher erases a pupil account they manage. Typing the pupil's username (printed on
    the page and on the login slip) proves the teacher means this pupil, not the one above or
    below in the list; the teacher's own password would not say which pupil."""

    username = forms.CharField(
        label=_("Type the pupil's username to confirm"),
        max_length=150,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
    keep_certificates = forms.BooleanField(
        label=_("Keep the pupil's certificates as anonymous valid records"),
        required=False,
        help_text=_(
            "Someone who has the code of one of these certificates can still check that it is valid. "
            "It will no longer show any name."
        ),
    )

    def __init__(self, *args, pupil, **kwargs):
        super().__init__(*args, **kwargs)
        self.pupil = pupil

    def clean_username(self):
        typed = self.cleaned_data["username"]
        if typed.casefold() != self.pupil.username.casefold():
            raise forms.ValidationError(ERROR_ERASE_CONFIRMATION, code="username_mismatch")
        return typed
