"""Editors never destroy a person's history: what people refer to is retired, not
deleted; ticks and entries keep the words they referred to; and the admin says why it
keeps something in counts, never naming a person."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from guide.models import Practice, Prompt, Section, Stage
from journal.data.export import export_data
from journal.models import Entry, Journey, PracticeTick
from tests.guide.factories import (
    PracticeFactory,
    PromptFactory,
    SectionFactory,
    StageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def lived(owner):
    """A stage with a practice the owner ticked and a prompt and section they wrote to."""
    stage = StageFactory(slug="separation", name="Separation")
    practice = PracticeFactory(stage=stage, title="Breathe before replying")
    spare = PracticeFactory(stage=stage, title="Nobody ticked this")
    prompt = PromptFactory(stage=stage, text="What did you need today?")
    section = SectionFactory(title="Why runners run", slug="why")
    Journey.start(owner, "runner", stage)
    PracticeTick.set_done(owner, practice, True)
    entry = Entry.objects.create(
        owner=owner, title="Tuesday", body="...", stage=stage, prompt=prompt, section=section
    )
    return {"stage": stage, "practice": practice, "spare": spare, "prompt": prompt,
            "section": section, "entry": entry}  # fmt: skip


def stage_form(stage, practices=None, prompts=None, **changes):
    """The POST of a stage's admin page: its fields, its practices and prompts inline."""
    now = timezone.localtime(stage.publish_at)
    data = {
        "name": stage.name,
        "slug": stage.slug,
        "order": stage.order,
        "summary": stage.summary,
        "description": stage.description,
        "feelings": stage.feelings,
        "status": stage.status,
        "publish_at_0": now.strftime("%Y-%m-%d"),
        "publish_at_1": now.strftime("%H:%M:%S"),
    }
    inlines = {
        "practices": [
            {"id": p.pk, "title": p.title, "order": p.order, "description": p.description}
            for p in stage.practices.all()
        ],
        "prompts": [{"id": p.pk, "text": p.text, "order": p.order} for p in stage.prompts.all()],
    }
    for prefix, rows in inlines.items():
        changed = {"practices": practices, "prompts": prompts}[prefix] or {}
        data |= {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": len(rows)}
        data |= {f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
        for n, row in enumerate(rows):
            row = {"audience": "", "stage": stage.pk, **row, **changed.get(row["id"], {})}
            data |= {f"{prefix}-{n}-{key}": value for key, value in row.items()}
    return data | changes


def change_url(obj):
    return reverse(f"admin:guide_{obj._meta.model_name}_change", args=[obj.pk])


def delete_url(obj):
    return reverse(f"admin:guide_{obj._meta.model_name}_delete", args=[obj.pk])


def shows_nobody(html, owner):
    """No person named (the default page says "Journey of user 1"), nothing private."""
    return "of user" not in html and owner.email not in html and "Tuesday" not in html


# --- Retiring ----------------------------------------------------------------------


def test_an_editor_retires_a_practice_with_ticks_and_the_history_stays(
    editor_client, lived, owner, client
):
    practice = lived["practice"]
    data = stage_form(lived["stage"], practices={practice.pk: {"retired": "on"}})
    response = editor_client.post(change_url(lived["stage"]), data)
    assert response.status_code == 302, response.context["errors"]
    practice.refresh_from_db()
    assert practice.retired
    tick = PracticeTick.objects.get(owner=owner)
    assert (tick.practice_id, tick.practice_title) == (practice.pk, "Breathe before replying")

    # Gone from new use: the guide, the tracker, ticking.
    assert "Breathe before replying" not in client.get("/guide/stages/separation/").text
    client.force_login(owner)
    assert "Breathe before replying" not in client.get("/journey/").text
    tick_url = reverse("journey:tick", args=[practice.pk])
    assert client.post(tick_url, {"done": "1"}).status_code == 404
    # Still in the person's timeline and export.
    history = client.get("/journey/history/").text
    assert "Breathe before replying" in history and "no longer in the guide" in history
    ticks = export_data(owner)["practice_ticks"]
    assert [t["practice"] for t in ticks] == ["Breathe before replying"]


def test_a_retired_prompt_is_no_longer_offered_but_its_entries_keep_it(
    editor_client, lived, owner, client
):
    prompt = lived["prompt"]
    data = stage_form(lived["stage"], prompts={prompt.pk: {"retired": "on"}})
    assert editor_client.post(change_url(lived["stage"]), data).status_code == 302
    assert not Prompt.objects.published().filter(pk=prompt.pk).exists()
    assert "What did you need today?" not in client.get("/guide/stages/separation/").text
    client.force_login(owner)
    entry_page = client.get(reverse("journal:entry_detail", args=[lived["entry"].public_id])).text
    assert "What did you need today?" in entry_page
    new_entry = client.get(reverse("journal:entry_new"), {"prompt": prompt.pk}).text
    assert "What did you need today?" not in new_entry


def test_an_entry_keeps_the_words_it_answered_when_an_editor_rewrites_them(lived, owner, client):
    Prompt.objects.filter(pk=lived["prompt"].pk).update(text="A different question")
    Section.objects.filter(pk=lived["section"].pk).update(title="A different title")
    client.force_login(owner)
    page = client.get(reverse("journal:entry_detail", args=[lived["entry"].public_id])).text
    assert "What did you need today?" in page and "Why runners run" in page
    exported = export_data(owner)["entries"][0]
    assert (exported["prompt"], exported["section"]) == ("What did you need today?",
                                                         "Why runners run")  # fmt: skip


# --- Deleting what people refer to is refused, with a clear message ---------------


def test_deleting_a_ticked_practice_is_refused_and_says_to_retire_it(editor_client, lived, owner):
    practice = lived["practice"]
    data = stage_form(lived["stage"], practices={practice.pk: {"DELETE": "on"}})
    response = editor_client.post(change_url(lived["stage"]), data)
    assert response.status_code == 200
    html = response.text
    assert "“Breathe before replying” is kept" in html
    assert "1 practice tick" in html and "tick “Retired” instead" in html
    assert shows_nobody(html, owner)
    assert Practice.objects.filter(pk=practice.pk).exists()
    assert PracticeTick.objects.filter(owner=owner).count() == 1


def test_a_practice_nobody_ticked_can_still_be_deleted(editor_client, lived):
    spare = lived["spare"]
    data = stage_form(lived["stage"], practices={spare.pk: {"DELETE": "on"}})
    assert editor_client.post(change_url(lived["stage"]), data).status_code == 302
    assert not Practice.objects.filter(pk=spare.pk).exists()


def test_deleting_a_prompt_an_entry_answers_is_refused(editor_client, lived, owner):
    prompt = lived["prompt"]
    data = stage_form(lived["stage"], prompts={prompt.pk: {"DELETE": "on"}})
    response = editor_client.post(change_url(lived["stage"]), data)
    assert response.status_code == 200
    assert "“What did you need today?” is kept" in response.text
    assert "1 entry" in response.text and shows_nobody(response.text, owner)
    assert Prompt.objects.filter(pk=prompt.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_stage_people_are_in_cannot_be_deleted_and_the_editor_is_told_why(
    editor_client, lived, owner, method
):
    stage = lived["stage"]
    response = getattr(editor_client, method)(delete_url(stage), {"post": "yes"}, follow=True)
    assert response.redirect_chain[-1][0] == change_url(stage)
    html = response.text
    assert "Stage “Separation” is kept" in html
    assert "set its status to Draft instead" in html
    assert "1 journey" in html and "1 practice tick" in html and "1 entry" in html
    assert shows_nobody(html, owner)
    assert Stage.objects.filter(pk=stage.pk).exists()


def test_a_section_an_entry_reflects_on_cannot_be_deleted(editor_client, lived, owner):
    section = lived["section"]
    response = editor_client.post(delete_url(section), {"post": "yes"}, follow=True)
    assert "“Why runners run” is kept" in response.text
    assert Section.objects.filter(pk=section.pk).exists()
    article = section.article
    response = editor_client.post(delete_url(article), {"post": "yes"}, follow=True)
    assert "is kept" in response.text and shows_nobody(response.text, owner)
    assert Section.objects.filter(pk=section.pk).exists()


def test_the_bulk_delete_page_counts_and_names_nobody(editor_client, lived, owner):
    stage = lived["stage"]
    changelist = reverse("admin:guide_stage_changelist")
    action = {"action": "delete_selected", "_selected_action": [stage.pk]}
    response = editor_client.post(changelist, action)
    assert response.status_code == 200
    html = response.text
    assert "own records: 1 entry, 1 journey" in html
    assert "Journey of user" not in html and shows_nobody(html, owner)
    editor_client.post(changelist, action | {"post": "yes"})
    assert Stage.objects.filter(pk=stage.pk).exists()


def test_an_unused_stage_still_deletes_as_before(editor_client, lived):
    unused = StageFactory()
    PracticeFactory(stage=unused)
    response = editor_client.post(delete_url(unused), {"post": "yes"})
    assert response.status_code == 302
    assert not Stage.objects.filter(pk=unused.pk).exists()


@pytest.mark.parametrize("item", ["practice", "prompt", "section", "stage"])
def test_nothing_people_refer_to_can_be_deleted_from_code_either(lived, item):
    with pytest.raises(ProtectedError):
        lived[item].delete()


def test_restoring_a_version_that_would_delete_a_ticked_practice_is_refused(editor_client, owner):
    import reversion
    from reversion.models import Version

    stage = StageFactory(name="Separation")
    with reversion.create_revision():
        stage.save()
    version = Version.objects.get_for_object(stage).get()
    practice = PracticeFactory(stage=stage, title="Added later")
    PracticeTick.set_done(owner, practice, True)
    url = reverse("admin:guide_stage_revision", args=[stage.pk, version.pk])
    response = editor_client.get(url, follow=True)
    # django-reversion refuses the revert itself and says so (no person named).
    assert response.status_code == 200
    assert "referenced through protected foreign keys" in response.text
    assert shows_nobody(response.text, owner)
    assert Practice.objects.filter(pk=practice.pk).exists()
