"""Every page marks where you are in the header (aria-current), account pages included."""

import re

import pytest

from journal.models import Journey, Role
from tests.guide.factories import ArticleFactory, SectionFactory, StageFactory
from tests.journal.factories import EntryFactory

pytestmark = pytest.mark.django_db


def current(client, path):
    """The header items marked as the current place, by their visible words."""
    response = client.get(path)
    assert response.status_code == 200, path
    header = re.search(r'<header class="site-header">.*?</header>', response.text, re.S).group(0)
    marked = re.findall(
        r'<(?:a|summary)[^>]*aria-current="page"[^>]*>(.*?)</(?:a|summary)>', header, re.S
    )
    # The account menu also marks the exact page inside it; here only the top level counts.
    words = [re.sub(r"<[^>]+>|\s+", " ", m).strip() for m in marked]
    return [w for w in words if w not in {"Your account", "Your data"}]


@pytest.fixture
def onboarded(owner_client, owner):
    Journey.start(owner, Role.RUNNER, StageFactory())
    return owner_client


@pytest.mark.parametrize(
    "path, section",
    [
        ("/journal/", "Journal"),
        ("/journal/new/", "Journal"),
        ("/journey/", "Journey"),
        ("/journey/history/", "Journey"),
        ("/journal/settings/", "Account"),
        ("/journal/data/", "Account"),
        ("/accounts/email/", "Account"),
        ("/accounts/password/change/", "Account"),
        ("/accounts/2fa/", "Account"),
        ("/accounts/sessions/", "Account"),
        ("/help/", "Get help"),
        ("/help/right-now/", "Get help"),
    ],
)
def test_signed_in_pages_mark_their_section(onboarded, path, section):
    assert current(onboarded, path) == [section]


def test_an_entry_page_marks_the_journal(onboarded, owner):
    entry = EntryFactory(owner=owner)
    assert current(onboarded, entry.get_absolute_url()) == ["Journal"]


def test_the_dashboard_marks_the_sites_name(onboarded):
    assert current(onboarded, "/") == ["Twin Flame Runner"]


def test_guide_pages_mark_the_guide_for_visitors(client):
    section = SectionFactory(article=ArticleFactory(slug="twin-flame-runner"))
    stage = StageFactory()
    for path in (
        section.article.get_absolute_url(),
        stage.get_absolute_url(),
        "/guide/search/?q=a",
    ):
        assert current(client, path) == ["Guide"], path


def test_the_doors_in_mark_themselves(client):
    assert current(client, "/accounts/login/") == ["Sign in"]
    assert current(client, "/accounts/signup/") == ["Sign up"]


@pytest.mark.parametrize(
    "path, item",
    [
        ("/accounts/email/", "Email addresses"),
        ("/accounts/password/change/", "Password"),
        ("/accounts/2fa/", "Two-factor authentication"),
        ("/accounts/sessions/", "Sessions"),
        ("/journal/settings/", "Settings"),
        ("/journal/data/", "Your data"),
    ],
)
def test_account_pages_mark_themselves_in_the_account_menu(onboarded, path, item):
    page = onboarded.get(path).text
    subnav = re.search(r'<nav class="subnav" aria-label="Account">.*?</nav>', page, re.S).group(0)
    marked = re.findall(r'aria-current="page">([^<]+)<', subnav)
    assert marked == [item]
