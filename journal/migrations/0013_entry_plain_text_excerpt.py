# Lists show a stored plain-text excerpt instead of the first words of the raw
# Markdown. Existing entries get theirs here; new and edited ones on save.
# A frozen copy of guide.markdown.markdown_to_text: migrations import no app code.

from django.db import migrations, models
from django.utils.text import Truncator
from markdown_it import MarkdownIt

EXCERPT_WORDS = 40
BATCH = 500


def markdown_to_text(text):
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parts = []
    for token in parser.parse(text or ""):
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
                elif child.type == "image":
                    parts.extend(grandchild.content for grandchild in child.children or ())
                else:
                    parts.append(child.content)
        elif token.type in ("code_block", "fence"):
            parts.append(token.content)
        parts.append(" " if token.block else "")
    return " ".join("".join(parts).split())


def fill_excerpts(apps, schema_editor):
    Entry = apps.get_model("journal", "Entry")
    batch = []
    for entry in Entry.objects.only("id", "body").iterator(chunk_size=BATCH):
        entry.excerpt = Truncator(markdown_to_text(entry.body)).words(EXCERPT_WORDS)
        batch.append(entry)
        if len(batch) == BATCH:
            Entry.objects.bulk_update(batch, ["excerpt"])
            batch = []
    Entry.objects.bulk_update(batch, ["excerpt"])


class Migration(migrations.Migration):
    dependencies = [("journal", "0012_profile_discreet")]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="excerpt",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_excerpts, migrations.RunPython.noop, elidable=True),
    ]
