"""Cookieless visitors share one cached copy of each guide page, never a stale one."""

import pytest
from django.test import Client

from guide.models import Section, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(db):
    import io

    from django.core.management import call_command

    call_command("load_guide", stdout=io.StringIO())


def test_second_visit_is_served_without_touching_the_database(guide, django_assert_num_queries):
    Client().get("/guide/")
    with django_assert_num_queries(0):
        response = Client().get("/guide/")
    assert response.status_code == 200
    assert "The twin flame runner" in response.content.decode()


def test_a_repeat_visit_with_the_etag_gets_304(guide):
    first = Client().get("/guide/")
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    again = Client().get("/guide/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_an_editors_save_shows_at_once_and_changes_the_etag(guide):
    first = Client().get("/guide/")
    section = Section.objects.get(slug="signs-of-a-runner")
    section.title = "Signs someone is pulling away"
    section.save()
    response = Client().get("/guide/", headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 200
    assert "Signs someone is pulling away" in response.content.decode()
    assert response["ETag"] != first["ETag"]


def test_unpublishing_removes_the_section_from_the_cached_page(guide):
    Client().get("/guide/")
    Section.objects.filter(slug="closing").update(status=Status.DRAFT)
    # .update() sends no signal; a save does, as admin always saves.
    Section.objects.get(slug="closing").save()
    assert 'id="closing"' not in Client().get("/guide/").content.decode()


def test_signed_in_people_get_their_own_render_not_the_shared_copy(guide, owner_client):
    Client().get("/guide/")
    response = owner_client.get("/guide/")
    assert "Sign out" in response.content.decode()
    assert not response.has_header("ETag")


def test_pages_with_query_strings_are_not_cached(guide):
    Client().get("/guide/?utm=x")
    response = Client().get("/guide/?utm=x")
    assert not response.has_header("ETag")


def test_the_cached_page_carries_no_csrf_token_or_cookie(guide):
    Client().get("/guide/")
    response = Client().get("/guide/")
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_content_that_goes_live_without_a_save_gets_a_new_etag(guide):
    import datetime

    from django.core.cache import cache
    from django.utils import timezone

    from guide.page_cache import VERSION_KEY

    first = Client().get("/guide/")
    version = cache.get(VERSION_KEY)
    # Scheduled content goes public by the clock alone: no save, no version bump.
    Section.objects.filter(slug="closing").update(
        title="A new closing", publish_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    # The minute-long page copy expires; the content version stays the same.
    cache.clear()
    cache.set(VERSION_KEY, version, None)
    again = Client().get("/guide/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert "A new closing" in again.content.decode()


def test_an_editors_save_shows_at_once_to_signed_in_readers_too(guide, owner_client):
    """Signed-in readers get the sections' kept rendering, retired by any guide save."""
    assert "Signs of a runner" in owner_client.get("/guide/").content.decode()
    section = Section.objects.get(slug="signs-of-a-runner")
    section.title = "Signs someone is pulling away"
    section.save()
    assert "Signs someone is pulling away" in owner_client.get("/guide/").content.decode()
