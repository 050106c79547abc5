"""The help page ("Besoin d'aide ?"): public, cookie-free, light, and honest about what is verified."""

import datetime
import gzip
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from accounts.roles import Role
from accounts.services import user_role_grant
from core.help_content import organisation_key
from core.models import HelpPage, HomePage, SupportOrganisation
from core.templatetags import shell
from tests.factories.accounts import UserFactory

FIRST_VIEW_BUDGET = 30 * 1024


class _Resources(HTMLParser):
    """What a browser would fetch (src, srcset, <link href>), inline code, and the links."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.links: list[str] = []
        self.inline_scripts = 0
        self.style_attributes = 0
        self.style_elements = 0
        self.h1 = 0
        self._tag = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._tag = tag
        self.h1 += tag == "h1"
        self.style_elements += tag == "style"
        self.style_attributes += "style" in attrs
        if tag == "script" and not attrs.get("src"):
            self.inline_scripts += 1
        for name in ("src", "data", "poster"):
            if attrs.get(name):
                self.loaded.append(attrs[name])
        if attrs.get("srcset"):
            self.loaded.extend(part.strip().split(" ")[0] for part in attrs["srcset"].split(","))
        if tag == "link" and attrs.get("href"):
            self.loaded.append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def _parse(response) -> _Resources:
    parser = _Resources()
    parser.feed(response.content.decode())
    return parser


def _same_origin(url: str) -> bool:
    return url.startswith("data:") or (url.startswith("/") and not url.startswith("//"))


@pytest.fixture
def client():
    return Client(raise_request_exception=True)


@pytest.fixture(autouse=True)
def _fresh_help_link_cache():
    """The help link's per-process cache must not carry a rolled-back page into another test."""
    shell.help_link_cache_clear()
    yield
    shell.help_link_cache_clear()


@pytest.fixture
def help_pages(db):
    call_command("load_help_page", stdout=StringIO())
    french = HelpPage.objects.get(locale__language_code="fr")
    english = HelpPage.objects.get(locale__language_code="en")
    return french, english


def _french_home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="fr")


# --- Reachable, discreet, light --------------------------------------------------------------


def test_help_page_is_public_in_french_and_english(client, help_pages):
    french = client.get("/aide/")
    assert french.status_code == 200
    html = french.content.decode()
    assert "Besoin d&#x27;aide ?" in html
    assert "Ce n'est pas ta faute" in html  # rich text: stored HTML, not re-escaped
    assert "https://stopncii.org/" in html
    assert "Take It Down NCMEC" in html

    # The browser tab and the history keep the neutral site title.
    assert "<title>Kalan — citoyenneté numérique</title>" in html

    english = client.get("/en/help/")
    assert english.status_code == 200
    assert "Need help?" in english.content.decode()
    assert "It is not your fault" in english.content.decode()


def test_english_help_page_is_a_real_translation(help_pages):
    french, english = help_pages
    assert english.translation_key == french.translation_key
    assert english.live and english.alias_of_id is None
    assert english.get_parent().specific.get_translation(Locale.objects.get(language_code="fr")) == _french_home()


@pytest.mark.parametrize("url", ["/aide/", "/en/help/"])
def test_help_page_sets_no_cookie(client, help_pages, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize("url", ["/aide/", "/en/help/"])
def test_help_page_loads_nothing_from_a_third_party(client, help_pages, url):
    page = _parse(client.get(url))
    assert page.loaded, "the page should at least load its stylesheet and script"
    foreign = [loaded for loaded in page.loaded if not _same_origin(loaded)]
    assert not foreign
    # The site CSP forbids inline code: none may slip in.
    assert page.inline_scripts == 0
    assert page.style_attributes == 0 and page.style_elements == 0
    assert page.h1 == 1
    # Links are navigation, not loading: StopNCII is linked, Take It Down deliberately is not.
    assert "https://stopncii.org/" in page.links
    assert not [link for link in page.links if "takeitdown" in link.lower()]


def test_first_view_fits_in_30_kb(client, help_pages):
    response = client.get("/aide/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    total = len(response.content)
    html = gzip.decompress(response.content).decode()
    parser = _Resources()
    parser.feed(html)
    assets = [url for url in parser.loaded if url.startswith(settings.STATIC_URL)]
    assert any(url.endswith(".css") for url in assets) and any(url.endswith(".js") for url in assets)
    for url in assets:
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        assert path, f"{url} is not a static file"
        with open(path, "rb") as file:
            total += len(gzip.compress(file.read()))
    assert total <= FIRST_VIEW_BUDGET, f"first view is {total} bytes compressed"


def test_help_page_needs_a_fixed_small_number_of_queries(client, help_pages, django_assert_max_num_queries):
    client.get("/aide/")  # per-process caches (content types) warm up once
    client.get("/en/help/")
    with django_assert_max_num_queries(10):
        assert client.get("/aide/").status_code == 200
    # The English tree costs Wagtail two more lookups (the translated home page).
    with django_assert_max_num_queries(12):
        assert client.get("/en/help/").status_code == 200

    for number in range(15):
        SupportOrganisation.objects.create(name=f"Organisation {number}", locale=Locale.objects.get(language_code="fr"))
    with django_assert_max_num_queries(10):
        response = client.get("/aide/")
    assert "Organisation 14" in response.content.decode()


# --- The organisations: verified contacts only, always escaped ---------------------------------


def test_unverified_organisations_hide_their_contact_and_say_so(client, help_pages):
    fr = Locale.objects.get(language_code="fr")
    SupportOrganisation.objects.create(
        name="Association Test", description="Écoute.", contact="Tél. 00 00 00 00 (test)", locale=fr
    )
    html = client.get("/aide/").content.decode()
    assert "Association Test" in html
    assert "Tél. 00 00 00 00 (test)" not in html  # a contact nobody checked is not shown
    # This one, and the three the command created without contacts: the Pôle, AMSOPT, AJCAD.
    assert html.count("Coordonnées à vérifier par l'équipe éditoriale") == 4
    for name in ("AMSOPT", "AJCAD"):
        organisation = SupportOrganisation.objects.get(translation_key=organisation_key(name.lower()), locale=fr)
        assert organisation.contact == "" and organisation.verified_on is None
        assert not organisation.is_verified


def test_verified_organisation_shows_its_contact_and_the_date(client, help_pages):
    SupportOrganisation.objects.create(
        name="Association Vérifiée",
        contact="Tél. 00 00 00 01 (test)\nBamako",
        languages="Français, Bamanankan",
        verified_on=datetime.date(2026, 3, 5),
        locale=Locale.objects.get(language_code="fr"),
    )
    html = client.get("/aide/").content.decode()
    assert "Tél. 00 00 00 01 (test)<br>Bamako" in html
    assert "Vérifié le 5 mars 2026" in html
    assert "Langues : Français, Bamanankan" in html


def test_verified_date_without_contact_still_counts_as_unverified():
    organisation = SupportOrganisation(name="X", contact="  ", verified_on=datetime.date(2026, 1, 1))
    assert not organisation.is_verified


def test_organisation_text_is_escaped(client, help_pages):
    SupportOrganisation.objects.create(
        name="<script>alert(1)</script>",
        description="<b>gras</b>",
        contact="<img src=x onerror=alert(2)>",
        verified_on=datetime.date(2026, 1, 1),
        locale=Locale.objects.get(language_code="fr"),
    )
    html = client.get("/aide/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>gras</b>" not in html
    assert "<img src=x" not in html


def test_untranslated_organisation_falls_back_to_french_with_a_notice(client, help_pages):
    SupportOrganisation.objects.create(
        name="Seulement en français", description="Texte français.", locale=Locale.objects.get(language_code="fr")
    )
    html = client.get("/en/help/").content.decode()
    assert "Seulement en français" in html
    assert "Not translated yet: shown in French." in html
    # The organisations the command translated appear once, in English.
    assert html.count("<h3>AMSOPT</h3>") == 1
    assert "A Malian NGO." in html
    assert "Contact details to be verified by the editorial team" in html


# --- The "Need help?" link on every page -------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "target", "label"),
    [
        ("/", "/aide/", "Besoin d&#x27;aide ?"),
        ("/accounts/login/", "/aide/", "Besoin d&#x27;aide ?"),
        ("/en/", "/en/help/", "Need help?"),
        ("/en/accounts/login/", "/en/help/", "Need help?"),
        ("/bm/accounts/login/", "/aide/", None),  # no Bambara help page yet: the French one
    ],
)
def test_every_page_links_to_the_help_page_in_its_language(client, help_pages, url, target, label):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a class="help-link" href="{target}">' in html
    if label:
        assert f'<a class="help-link" href="{target}">{label}</a>' in html


def test_help_link_costs_one_query_then_none_until_the_page_changes(help_pages, django_assert_num_queries):
    from django.template import Context, Template
    from django.test import RequestFactory

    def render():
        template = Template("{% load shell %}{% help_page_link %}{% help_page_link %}")
        return template.render(Context({"request": RequestFactory().get("/accounts/login/")}))

    with django_assert_num_queries(1):
        assert render().count('href="/aide/"') == 2
    with django_assert_num_queries(0):  # the next request, in the same process
        assert 'href="/aide/"' in render()

    french, _english = help_pages
    french.get_latest_revision().publish()  # e.g. a new slug: the link follows at once
    with django_assert_num_queries(1):
        assert 'href="/aide/"' in render()
    french.unpublish()
    assert "help-link" not in render()


def test_no_help_page_no_link(client, db):
    assert not HelpPage.objects.exists()
    html = client.get("/accounts/login/").content.decode()
    assert "help-link" not in html


def test_help_link_marks_the_help_page_itself_as_current(client, help_pages):
    html = client.get("/aide/").content.decode()
    assert '<a class="help-link" href="/aide/" aria-current="page">' in html


# --- The loading command respects editors ------------------------------------------------------


def test_load_help_page_twice_creates_nothing_new(help_pages):
    pages = HelpPage.objects.count()
    organisations = SupportOrganisation.objects.count()
    assert (pages, organisations) == (2, 6)  # fr + en; three organisations in two languages
    out = StringIO()
    call_command("load_help_page", stdout=out)
    assert HelpPage.objects.count() == pages
    assert SupportOrganisation.objects.count() == organisations
    assert "created" not in out.getvalue()
    assert out.getvalue().count("skipped") == 8


def test_load_help_page_keeps_editors_changes(client, help_pages):
    french, _english = help_pages
    french.intro = "<p>Texte de l'équipe éditoriale.</p>"
    french.save_revision().publish()
    amsopt = SupportOrganisation.objects.get(translation_key=organisation_key("amsopt"), locale=french.locale)
    amsopt.name = "AMSOPT (nom complet vérifié)"
    amsopt.save()

    call_command("load_help_page", stdout=StringIO())

    french.refresh_from_db()
    assert french.intro == "<p>Texte de l'équipe éditoriale.</p>"
    assert not SupportOrganisation.objects.filter(name="AMSOPT", locale=french.locale).exists()
    assert "Texte de l'équipe éditoriale." in client.get("/aide/").content.decode()


def test_help_page_belongs_under_a_home_page_once_per_language(help_pages):
    french, english = help_pages
    home = _french_home()
    assert not HelpPage.can_create_at(home)  # max one per home page
    assert not HelpPage.can_create_at(french)
    assert HelpPage.can_exist_under(home)
    assert not HelpPage.can_exist_under(french)
    assert english.get_parent().specific_class is HomePage


def test_editors_manage_the_organisations_in_the_admin(db):
    editor = UserFactory(username="help-editor")
    user_role_grant(user=editor, role=Role.EDITOR)
    student = UserFactory(username="help-student")
    editor_client, student_client = Client(), Client()
    editor_client.force_login(editor)
    student_client.force_login(student)
    url = "/admin/snippets/core/supportorganisation/add/"
    assert editor_client.get(url).status_code == 200
    assert student_client.get(url).status_code == 302
