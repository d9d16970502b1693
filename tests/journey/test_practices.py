"""Your stage: the practices checklist, ticked and unticked with their dates."""

import re

import pytest
from django.utils import timezone

from journal.models import PracticeTick

pytestmark = pytest.mark.django_db


def practice(guide, title_start, stage="separation"):
    return guide[stage].practices.get(title__startswith=title_start)


def test_stage_page_lists_the_practices_prompts_and_guide_sections_for_a_chaser(
    owner_client, chaser_journey, guide
):
    page = owner_client.get("/journey/").content.decode()
    assert "Separation" in page
    assert "Go one day without checking their social media" in page  # a chaser's practice
    assert "Name one fear that surfaced" not in page  # a runner's practice
    assert "/journal/new/?prompt=" in page
    assert "/guide/twin-flame-runner/#coping-as-the-chaser" in page


def test_a_chaser_sees_the_chasers_prompt_and_coping_section_first(
    owner_client, chaser_journey, guide
):
    response = owner_client.get("/journey/")
    prompts = list(response.context["prompts"])
    assert prompts[0].audience == "chaser"
    assert all(p.audience != "runner" for p in prompts)
    assert response.context["sections"][0].slug == "coping-as-the-chaser"


def test_a_runner_sees_the_runners_practice_first_and_no_chaser_content(
    owner_client, chaser_journey, guide
):
    chaser_journey.role = "runner"
    chaser_journey.save()
    response = owner_client.get("/journey/")
    practices = response.context["practices"]
    assert practices[0].title.startswith("Name one fear")
    assert all(p.audience != "chaser" for p in practices)
    assert all(s.audience != "chaser" for s in response.context["sections"])


def test_ticking_a_practice_saves_it_with_todays_date(owner_client, owner, chaser_journey, guide):
    item = practice(guide, "Go one day")
    response = owner_client.post(f"/journey/practices/{item.pk}/", {"done": "1"})
    assert response.status_code == 302
    assert response.url == f"/journey/#practice-{item.pk}"
    tick = PracticeTick.objects.for_owner(owner).get(practice=item)
    assert tick.done_on == timezone.localdate()
    assert tick.undone_on is None


def test_unticking_keeps_the_tick_with_the_date_it_was_undone(
    owner_client, owner, chaser_journey, guide
):
    item = practice(guide, "Go one day")
    owner_client.post(f"/journey/practices/{item.pk}/", {"done": "1"})
    owner_client.post(f"/journey/practices/{item.pk}/", {"done": "0"})
    tick = PracticeTick.objects.for_owner(owner).get(practice=item)
    assert tick.undone_on == timezone.localdate()
    assert not PracticeTick.objects.for_owner(owner).active().exists()
    page = owner_client.get("/journey/").content.decode()
    assert 'aria-pressed="true"' not in page


def test_ticking_twice_keeps_one_active_tick_and_ticking_again_after_undo_starts_a_new_one(
    owner_client, owner, chaser_journey, guide
):
    item = practice(guide, "Go one day")
    for done in ("1", "1", "0", "1"):
        owner_client.post(f"/journey/practices/{item.pk}/", {"done": done})
    ticks = PracticeTick.objects.for_owner(owner).filter(practice=item)
    assert ticks.count() == 2
    assert ticks.active().count() == 1


def test_htmx_tick_returns_only_the_checklist_with_the_new_count(
    owner_client, owner, chaser_journey, guide
):
    item = practice(guide, "Go one day")
    response = owner_client.post(
        f"/journey/practices/{item.pk}/", {"done": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="practices"')
    assert "1 of 7 tried so far" in html
    assert f'id="practice-toggle-{item.pk}" class="practice-toggle" aria-pressed="true"' in html
    assert "<html" not in html


def test_ticked_practices_show_on_the_stage_page_with_their_date(
    owner_client, chaser_journey, guide
):
    item = practice(guide, "Go one day")
    owner_client.post(f"/journey/practices/{item.pk}/", {"done": "1"})
    page = owner_client.get("/journey/").content.decode()
    assert f"Done on {timezone.localdate():%-d %B %Y}" in page
    assert "1 of 7 tried so far" in page


def test_a_practice_of_the_other_role_is_not_found(owner_client, chaser_journey, guide):
    runner_only = practice(guide, "Name one fear")
    response = owner_client.post(f"/journey/practices/{runner_only.pk}/", {"done": "1"})
    assert response.status_code == 404


def test_a_tick_with_a_nonsense_value_is_a_bad_request(owner_client, chaser_journey, guide):
    item = practice(guide, "Go one day")
    response = owner_client.post(f"/journey/practices/{item.pk}/", {"done": "maybe"})
    assert response.status_code == 400


def test_ticking_needs_a_post(owner_client, chaser_journey, guide):
    item = practice(guide, "Go one day")
    assert owner_client.get(f"/journey/practices/{item.pk}/").status_code == 405


def test_htmx_tick_also_refreshes_what_next(owner_client, owner, chaser_journey, guide):
    first = chaser_journey.practices()[0]
    response = owner_client.post(
        f"/journey/practices/{first.pk}/", {"done": "1"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    what_next = re.search(r'<section id="journey-next".*?</section>', html, re.S).group(0)
    assert 'hx-swap-oob="true"' in what_next
    assert first.title not in what_next
    second = chaser_journey.practices()[1]
    assert second.title in what_next
