from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .middleware import shared_device_session_start

PRIVACY_NOTICE_REQUIRED = _("To create an account, please read the privacy notice and tick the box.")
WRONG_PASSWORD = _("This is not your password. Nothing was erased.")
ADMINISTRATOR_NOT_ERASABLE = _(
    "An administrator account cannot be erased here: ask another administrator to remove your "
    "administrator rights first, so the site is never left without one."
)
# Recorded when someone signs up before an administrator has published a notice.
NO_NOTICE_VERSION = "none"


class LoginForm(AllauthLoginForm):
    shared_device = forms.BooleanField(
        label=_("This is not my phone"),
        required=False,
        help_text=_("Tick this on a shared or borrowed phone: you will be signed out when the browser closes."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or e-mail")
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["login"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs.pop("placeholder", None)

    def login(self, request, redirect_url=None):
        response = super().login(request, redirect_url)
        if self.cleaned_data.get("shared_device") and request.user.is_authenticated:
            shared_device_session_start(request)
        return response


class SignupForm(AllauthSignupForm):
    accept_privacy_notice = forms.BooleanField(
        label=_("I have read the privacy notice and I accept it."),
        error_messages={"required": PRIVACY_NOTICE_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        from core.models.privacy import privacy_notice_for_language

        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.fields["email"].help_text = _("Optional for pupils. Teachers need one, to confirm their identity.")
        self.notice = privacy_notice_for_language(translation.get_language())
        if self.notice is not None:
            self.fields["accept_privacy_notice"].help_text = format_html(
                '<a href="{}">{}</a>', self.notice.url, _("Read the privacy notice")
            )
        # The box comes last, right above the button.
        self.fields["accept_privacy_notice"] = self.fields.pop("accept_privacy_notice")

    def signup(self, request, user):
        from .services import consent_record

        notice = self.notice
        consent_record(
            user=user,
            notice_version=notice.version if notice is not None else NO_NOTICE_VERSION,
            notice_language=notice.locale.language_code if notice is not None else "",
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["display_name", "certificate_name", "preferred_language"]
        help_texts = {
            "display_name": _("How the site greets you. Your teacher sees it too."),
        }


class AccountEraseForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is really you."),
    )
    keep_certificates = forms.BooleanField(
        label=_("Keep my certificates as anonymous valid records"),
        required=False,
        help_text=_(
            "Someone who has the code of one of your certificates can still check that it is valid. "
            "It will no longer show any name."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password

    def clean(self):
        cleaned = super().clean()
        if self.user.is_superuser:
            raise forms.ValidationError(ADMINISTRATOR_NOT_ERASABLE, code="administrator")
        return cleaned
