"""Every journal URL: anonymous → sign in, anyone but the owner → 404, the owner → 200."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse

from guide.models import Practice, Stage, Status
from journal.data.export import FORMAT, VERSION
from journal.models import CheckIn, Entry, EntryDraft, Journey, PracticeTick, Role

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

OWN_PAGES = [
    "journal:entry_list",
    "journal:entry_new",
    "journal:draft_discard",
    "journal:settings",
    "journal:data",
    "journal:export_json",
    "journal:export_zip",
]
ENTRY_PAGES = ["journal:entry_detail", "journal:entry_edit", "journal:entry_delete"]
POST_ONLY = ["journal:draft", "journal:import", "journal:import_other"]


@pytest.fixture
def entry(owner):
    return EntryFactory(owner=owner, title="Only mine", body="A very private sentence.")


def entry_urls(entry):
    return [reverse(name, args=[entry.public_id]) for name in ENTRY_PAGES]


@pytest.mark.parametrize("name", OWN_PAGES + POST_ONLY + ["journal:delete_account"])
def test_anonymous_visitor_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ENTRY_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in_from_an_entry(client, entry, name):
    response = client.get(reverse(name, args=[entry.public_id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", OWN_PAGES)
def test_owner_gets_their_own_pages(owner_client, entry, name):
    assert owner_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", ENTRY_PAGES)
def test_owner_gets_their_entry_pages(owner_client, entry, name):
    response = owner_client.get(reverse(name, args=[entry.public_id]))
    assert response.status_code == 200
    assert "Only mine" in response.text


@pytest.mark.parametrize("name", ENTRY_PAGES)
def test_other_user_gets_404_not_403(other_client, entry, name):
    response = other_client.get(reverse(name, args=[entry.public_id]))
    assert response.status_code == 404
    assert "A very private sentence" not in response.text


@pytest.mark.parametrize("name", ["journal:entry_edit", "journal:entry_delete"])
def test_other_user_cannot_change_or_delete_an_entry(other_client, entry, name):
    data = {"title": "Mine now", "body": "Overwritten"}
    assert other_client.post(reverse(name, args=[entry.public_id]), data).status_code == 404
    entry.refresh_from_db()
    assert entry.title == "Only mine"


def test_other_users_pages_never_show_the_owners_writing(other_client, entry, owner):
    EntryDraft.save_for(owner, "Draft title", "A private draft")
    for name in OWN_PAGES:
        response = other_client.get(reverse(name))
        assert "A very private sentence" not in response.content.decode(errors="ignore")
        assert "A private draft" not in response.content.decode(errors="ignore")
    response = other_client.get(reverse("journal:entry_list"), {"q": "private"})
    assert "Only mine" not in response.text


def post_only_urls(client, params):
    """Every journal and journey address the resolver knows that answers GET with 405 and
    "Allow: POST", by URL name; `params` fills each namespace's path parameters."""
    found = {}
    for namespace in ("journal", "journey"):
        for pattern in get_resolver().namespace_dict[namespace][1].url_patterns:
            kwargs = {name: params[namespace][name] for name in pattern.pattern.converters}
            url = reverse(f"{namespace}:{pattern.name}", kwargs=kwargs)
            response = client.get(url)
            if response.status_code == 405 and response["Allow"] == "POST":
                found[f"{namespace}:{pattern.name}"] = url
    return found


def an_export():
    entry = {"body": "Brought back", "entry_date": "2024-01-01",
             "created_at": "2024-01-01T10:00:00+00:00"}  # fmt: skip
    content = json.dumps({"format": FORMAT, "version": VERSION, "entries": [entry]}).encode()
    return SimpleUploadedFile("journal.json", content, content_type="application/json")


def a_jrnl_export():
    entry = {"title": "From jrnl.", "body": "", "date": "2024-01-01", "time": "10:00"}
    content = json.dumps({"tags": {}, "entries": [entry]}).encode()
    return SimpleUploadedFile("jrnl.json", content, content_type="application/json")


# What the owner sends to each POST-only address, and what it must have done.
POSTS = {
    "journal:draft": (
        lambda: {"title": "T", "body": "A draft"},
        lambda owner: EntryDraft.objects.get(owner=owner).body == "A draft",
    ),
    "journal:import": (
        lambda: {"file": an_export()},
        lambda owner: Entry.objects.for_owner(owner).filter(body="Brought back").exists(),
    ),
    "journal:import_other": (
        lambda: {"other-source": "jrnl", "other-file": a_jrnl_export()},
        lambda owner: Entry.objects.for_owner(owner).filter(body="From jrnl.").exists(),
    ),
    "journey:tick": (
        lambda: {"done": "1"},
        lambda owner: PracticeTick.objects.for_owner(owner).active().exists(),
    ),
    "journey:move": (
        lambda: {"stage": Stage.objects.get(slug="return").pk, "note": "On"},
        lambda owner: Journey.objects.get(owner=owner).stage.slug == "return",
    ),
    "journey:check_in": (
        lambda: {"mood": "3"},
        lambda owner: CheckIn.objects.for_owner(owner).filter(mood=3).exists(),
    ),
}


def test_owner_can_post_to_post_only_urls(owner_client, owner, entry, stage):
    Stage.objects.create(order=2, slug="return", name="Return", summary="Back.",
                         status=Status.PUBLISHED)  # fmt: skip
    practice = Practice.objects.create(stage=stage, title="Breathe")
    Journey.start(owner, Role.CHASER, stage)
    urls = post_only_urls(
        owner_client,
        {
            "journal": {"pk": entry.pk, "public_id": entry.public_id},
            "journey": {"pk": practice.pk},
        },
    )
    # A new POST-only address fails here until it has a payload and an effect above.
    assert urls.keys() == POSTS.keys()
    for name, url in urls.items():
        data, done = POSTS[name]
        response = owner_client.post(url, data())
        assert response.status_code == 302, name
        assert done(owner), name


def test_superuser_sees_no_journal_model_and_no_entry_text_in_admin(client, superuser, owner):
    entry = EntryFactory(owner=owner, title="Secret title", body="Secret body text")
    client.force_login(superuser)
    index = client.get("/admin/")
    assert index.status_code == 200
    assert "journal" not in index.text.lower()
    assert "Secret" not in index.text
    for path in [
        "/admin/journal/",
        "/admin/journal/entry/",
        f"/admin/journal/entry/{entry.pk}/change/",
    ]:
        response = client.get(path)
        assert response.status_code == 404
        assert "Secret" not in response.text
    # Nor through the user's own admin page, or any model admin at all.
    user_page = client.get(f"/admin/{get_user_model()._meta.app_label}/user/{owner.pk}/change/")
    assert "Secret" not in user_page.text
    from django.contrib import admin

    for model in admin.site._registry:
        assert model._meta.app_label != "journal"
        listing = client.get(f"/admin/{model._meta.app_label}/{model._meta.model_name}/")
        assert "Secret" not in listing.content.decode(errors="ignore")
    assert Entry.objects.filter(title="Secret title").exists()
