import time

from django.conf import settings
from django.contrib.auth import logout

SHARED_DEVICE_KEY = "kalan_shared_device"
LAST_SEEN_KEY = "kalan_last_seen"


class SharedDeviceSessionMiddleware:
    """Ends a "this is not my phone" session after SHARED_DEVICE_IDLE_SECONDS without activity.

    The cookie already dies with the browser (expiry 0); this covers a phone left open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.get(SHARED_DEVICE_KEY):
            now = int(time.time())
            last_seen = session.get(LAST_SEEN_KEY, now)
            if now - last_seen > settings.SHARED_DEVICE_IDLE_SECONDS:
                logout(request)
            else:
                session[LAST_SEEN_KEY] = now
        return self.get_response(request)


def shared_device_session_start(request) -> None:
    request.session.set_expiry(0)
    request.session[SHARED_DEVICE_KEY] = True
    request.session[LAST_SEEN_KEY] = int(time.time())
