from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Without a `next`, land on the home page in the learner's preferred language."""
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", "")
        if url == "/" and language:
            return translate_url("/", language)
        return url
