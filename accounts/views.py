from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .roles import ROLE_LABELS, user_roles


@login_required
def profile(request):
    """My account: the names shown on the site and on certificates, language, password."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes have been saved."))
        return redirect("accounts_profile")
    roles = [ROLE_LABELS[role] for role in sorted(user_roles(request.user))]
    return render(request, "accounts/profile.html", {"form": form, "roles": roles})
