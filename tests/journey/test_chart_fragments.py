"""The mood picture is kept per process once drawn, and redrawn as soon as its data changes."""

import pytest
from django.urls import reverse

from journal.journey.charts import mood_chart_for
from journal.models import CheckIn

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["home", "journey:history"])
def test_a_check_in_shows_in_the_mood_picture_at_once(owner_client, owner, chaser_journey, page):
    html = owner_client.get(reverse(page)).content.decode()
    assert "No moods in these days yet" in html

    CheckIn.record(owner, 4, "")

    html = owner_client.get(reverse(page)).content.decode()
    assert 'data-mood="4"' in html
    assert "No moods in these days yet" not in html


def test_the_pictures_fingerprint_follows_its_data(owner, chaser_journey):
    before = mood_chart_for(owner).fingerprint
    assert mood_chart_for(owner).fingerprint == before

    CheckIn.record(owner, 2, "")

    assert mood_chart_for(owner).fingerprint != before
