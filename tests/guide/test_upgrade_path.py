"""Upgrading a site that already holds people's journeys, ticks, check-ins and entries:
`migrate` then `load_guide`, as a deploy runs them. Nothing of theirs changes; the new
stage and sections arrive; someone in Reunion can now choose Peace apart."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from guide.models import Practice, Prompt, Section, ShippedContent, Stage
from journal.models import CheckIn, Entry, Journey, PracticeTick, Role, Transition
from tests.factories import UserFactory
from tests.guide.test_load_guide import EARLIER_RELEASE

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def people_data():
    """Everything of a person's that points into the guide, as plain values."""
    return {
        "journeys": list(Journey.objects.values_list("owner_id", "role", "stage__slug")),
        "moves": list(
            Transition.objects.values_list("owner_id", "from_stage__slug", "to_stage__slug")
        ),
        "ticks": list(
            PracticeTick.objects.values_list("owner_id", "practice_id", "practice__title")
        ),
        "check_ins": list(CheckIn.objects.values_list("owner_id", "day", "mood")),
        "entries": list(
            Entry.objects.values_list("owner_id", "body", "stage_id", "prompt_id", "section_id")
        ),
    }


@pytest.fixture
def site_on_the_earlier_release():
    """The content as the earlier release's loader left it, and two people using it."""
    call_command("load_guide", "--file", str(EARLIER_RELEASE), verbosity=0)
    ShippedContent.objects.filter(key__startswith="section:").delete()
    ShippedContent.objects.update(fingerprint="")
    stages = {stage.slug: stage for stage in Stage.objects.all()}

    wren = UserFactory(email="wren@example.com")
    journey = Journey.start(wren, Role.CHASER, stages["separation"])
    journey.move_to(stages["integration"], note="Calmer")
    journey.move_to(stages["reunion"], note="We both chose to try")
    for practice in Practice.objects.filter(stage__slug="separation")[:3]:
        PracticeTick.set_done(wren, practice, True)
    CheckIn.record(wren, mood=2)
    Entry.objects.create(
        owner=wren,
        body="What I wanted to feel was chosen.",
        stage=stages["separation"],
        prompt=Prompt.objects.filter(stage__slug="separation").first(),
        section=Section.objects.get(slug="coping-as-the-chaser"),
    )
    ash = UserFactory(email="ash@example.com")
    Journey.start(ash, Role.RUNNER, stages["integration"])
    Entry.objects.create(owner=ash, body="Naming it instead of leaving.")
    # The schema as it was before this release.
    migrate([("guide", "0004_shipped_content")])
    assert "follows_id" not in columns("guide_stage")
    return wren


def columns(table):
    with connection.cursor() as cursor:
        return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def test_migrate_then_load_guide_keeps_everything_people_made(site_on_the_earlier_release):
    before = people_data()

    migrate()
    report = StringIO()
    call_command("load_guide", stdout=report)

    assert people_data() == before
    assert "Added: stage “Peace apart”" in report.getvalue()
    assert Stage.objects.get(slug="peace-apart").follows == Stage.objects.get(slug="integration")
    assert Section.objects.filter(slug__in=["safety", "no-contact", "glossary"]).count() == 3


def test_after_the_upgrade_someone_in_reunion_can_choose_peace_apart(
    site_on_the_earlier_release, client
):
    migrate()
    call_command("load_guide", verbosity=0)
    wren = site_on_the_earlier_release
    client.force_login(wren)
    page = client.get("/journey/").text
    assert "Move to Peace apart instead" in page

    peace = Stage.objects.get(slug="peace-apart")
    client.post("/journey/move/", {"stage": peace.pk, "note": "Settled on my own"})
    assert Journey.objects.get(owner=wren).stage == peace
    assert list(Transition.objects.for_owner(wren).values_list("to_stage__slug", flat=True)) == [
        "separation",
        "integration",
        "reunion",
        "peace-apart",
    ]
