# The created_at default lets an import keep each entry's own time. (The full-text
# index that once followed here is built by 0004, on the stored column it reads.)

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0002_practice_tick_history"),
    ]

    operations = [
        migrations.AlterField(
            model_name="entry",
            name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False),
        ),
    ]
