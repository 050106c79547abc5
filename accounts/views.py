from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from .data_export import export_for_display, user_data_export, user_data_export_json
from .erasure import user_erase
from .forms import AccountEraseForm, ProfileForm
from .models import ErasureLog
from .privacy_registry import ErasureOptions
from .roles import ROLE_LABELS, user_roles


@login_required
def profile(request):
    """My account: the names shown on the site and on certificates, language, password, my data."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes have been saved."))
        return redirect("accounts_profile")
    roles = [ROLE_LABELS[role] for role in sorted(user_roles(request.user))]
    return render(request, "accounts/profile.html", {"form": form, "roles": roles})


@never_cache
@require_GET
@login_required
def data_export(request):
    """A readable summary of everything held about the signed-in person, in their language."""
    data = user_data_export(user=request.user, language=translation.get_language())
    return render(
        request,
        "accounts/data_export.html",
        {"sections": export_for_display(data), "generated_at": data["generated_at"]},
    )


@never_cache
@require_GET
@login_required
def data_export_json(request):
    """The same, as a JSON file to keep or take elsewhere."""
    body = user_data_export_json(user=request.user, language=translation.get_language())
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"kalan-{request.user.username}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def account_erase(request):
    """GET: what erasing means, and the form. POST (password, CSRF): erase, sign out."""
    form = AccountEraseForm(request.POST or None, user=request.user)
    if request.method == "POST":
        # Password guesses count like a re-authentication (allauth's per-user limit).
        if not ratelimit.consume(request, action="reauthenticate", user=request.user):
            return render(request, "429.html", status=429)
        if form.is_valid():
            language = translation.get_language()
            options = ErasureOptions(keep_certificates=form.cleaned_data["keep_certificates"])
            user_erase(user=request.user, actor=request.user, actor_role=ErasureLog.ActorRole.SELF, options=options)
            logout(request)
            messages.success(request, _("Your account and your data have been erased. Goodbye, and take care."))
            return redirect(translate_url("/", language))
    return render(request, "accounts/account_erase.html", {"form": form})
