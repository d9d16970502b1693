"""One tag per name in any letter case (0005 merged the tags made before)."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0005_merge_tags_that_differ_only_in_case"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="tag",
            name="unique_tag_per_owner",
        ),
        migrations.AddConstraint(
            model_name="tag",
            constraint=models.UniqueConstraint(
                models.F("owner"),
                django.db.models.functions.text.Lower("name"),
                name="unique_tag_per_owner_any_case",
            ),
        ),
    ]
