from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .middleware import shared_device_session_start


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
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.fields["email"].help_text = _("Optional for pupils. Teachers need one, to confirm their identity.")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["display_name", "certificate_name", "preferred_language"]
        help_texts = {
            "display_name": _("How the site greets you. Your teacher sees it too."),
        }
