"""Guide items people refer to are kept (PROTECT: editors retire them instead), and
ticks and entries keep the words they referred to; 0008 fills those for older rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('guide', '0006_practice_and_prompt_retired'),
        ('journal', '0006_tag_name_unique_in_any_case'),
    ]

    operations = [
        migrations.AddField(
            model_name='entry',
            name='prompt_text',
            field=models.CharField(blank=True, editable=False, max_length=300),
        ),
        migrations.AddField(
            model_name='entry',
            name='section_title',
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name='practicetick',
            name='practice_title',
            field=models.CharField(default='', editable=False, max_length=200),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='entry',
            name='prompt',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='guide.prompt'),
        ),
        migrations.AlterField(
            model_name='entry',
            name='section',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='guide.section'),
        ),
        migrations.AlterField(
            model_name='entry',
            name='stage',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='guide.stage'),
        ),
        migrations.AlterField(
            model_name='practicetick',
            name='practice',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='guide.practice'),
        ),
    ]
