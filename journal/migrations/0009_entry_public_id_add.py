# Entries get a random public id for their addresses, in three steps (Django's
# "migrations that add unique fields"): add it empty, give every entry its own,
# then make it required and unique.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0008_fill_guide_words_of_ticks_and_entries"),
    ]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="public_id",
            field=models.UUIDField(null=True, editable=False),
        ),
    ]
