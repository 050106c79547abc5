from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Give the admin URL prefixes their own, looser policy (Wagtail still uses inline scripts).

    Listed after Django's ContentSecurityPolicyMiddleware, so its response hook runs first and
    the CSP middleware then builds the header from the config set here.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.ADMIN_CSP_PREFIXES)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.prefixes) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return response
