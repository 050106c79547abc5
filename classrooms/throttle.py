"""Wrong join codes are counted in the shared cache, per account and per IP.

The per-account limit is the tight one. A whole class often shares one IP (school network,
carrier NAT): 40 pupils who each mistype a few times must stay well under the per-IP limit.
"""

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache

# (failures allowed, window in seconds)
JOIN_FAILURES_PER_ACCOUNT = getattr(settings, "CLASSROOM_JOIN_FAILURES_PER_ACCOUNT", (10, 15 * 60))
JOIN_FAILURES_PER_IP = getattr(settings, "CLASSROOM_JOIN_FAILURES_PER_IP", (200, 15 * 60))


def _keys(request) -> list[tuple[str, tuple[int, int]]]:
    keys = [(f"classroom-join-fail:ip:{get_adapter(request).get_client_ip(request)}", JOIN_FAILURES_PER_IP)]
    if request.user.is_authenticated:
        keys.append((f"classroom-join-fail:user:{request.user.pk}", JOIN_FAILURES_PER_ACCOUNT))
    return keys


def join_blocked(request) -> bool:
    """True once this account or this IP has used up its wrong codes for now."""
    values = cache.get_many([key for key, _limit in _keys(request)])
    return any(values.get(key, 0) >= limit for key, (limit, _window) in _keys(request))


def join_failure_record(request) -> None:
    for key, (_limit, window) in _keys(request):
        cache.add(key, 0, window)  # the window starts at the first failure
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
