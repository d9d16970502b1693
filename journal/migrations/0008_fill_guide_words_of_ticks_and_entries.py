"""Ticks and entries made before 0007 get the words they referred to, as they are now."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Entry = apps.get_model("journal", "Entry")
    PracticeTick = apps.get_model("journal", "PracticeTick")
    Practice = apps.get_model("guide", "Practice")
    Prompt = apps.get_model("guide", "Prompt")
    Section = apps.get_model("guide", "Section")

    PracticeTick.objects.filter(practice_title="").update(
        practice_title=Subquery(
            Practice.objects.filter(pk=OuterRef("practice_id")).values("title")[:1]
        )
    )
    Entry.objects.filter(prompt__isnull=False, prompt_text="").update(
        prompt_text=Subquery(Prompt.objects.filter(pk=OuterRef("prompt_id")).values("text")[:1])
    )
    Entry.objects.filter(section__isnull=False, section_title="").update(
        section_title=Subquery(
            Section.objects.filter(pk=OuterRef("section_id")).values("title")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("guide", "0006_practice_and_prompt_retired"),
        ("journal", "0007_keep_guide_items_people_refer_to"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
