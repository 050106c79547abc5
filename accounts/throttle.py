"""Throttling for the admin login forms, which bypass allauth.

Both admins count failures in allauth's `login_failed` limit with allauth's own key, so a
username gets the same budget whichever form is attacked, in the shared cache.
"""

from functools import wraps

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from django.shortcuts import render


def _attempts_key(request) -> str:
    username = request.POST.get("username", "")
    return get_adapter(request)._get_login_attempts_cache_key(request, username=username)


def admin_login_throttled(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        key = _attempts_key(request)
        if not ratelimit.consume(request, action="login_failed", key=key, dry_run=True):
            return render(request, "429.html", status=429)
        response = view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            ratelimit.consume(request, action="login_failed", key=key)
        return response

    return wrapped
