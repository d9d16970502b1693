"""The dashboard greets people as they are: new, or coming back."""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def greeting(client):
    page = client.get("/").text
    return page[page.index("<h1>") + 4 : page.index("</h1>")]


def test_a_brand_new_account_is_welcomed_not_welcomed_back(owner_client, chaser_journey):
    assert greeting(owner_client) == "Welcome"


def test_someone_who_joined_before_today_is_welcomed_back(owner_client, owner, chaser_journey):
    owner.date_joined = timezone.now() - datetime.timedelta(days=3)
    owner.save()
    assert greeting(owner_client) == "Welcome back"
