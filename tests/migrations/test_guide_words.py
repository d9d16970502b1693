"""Ticks and entries made before snapshots existed get the words they referred to."""


def test_migrating_fills_the_titles_of_older_ticks_and_entries(migrator):
    apps = migrator.migrate(
        ("journal", "0006_tag_name_unique_in_any_case"), ("guide", "0005_stage_follows_and_shipped_fingerprint")
    )
    User = apps.get_model("auth", "User")
    Stage, Practice = apps.get_model("guide", "Stage"), apps.get_model("guide", "Practice")
    Prompt, Article = apps.get_model("guide", "Prompt"), apps.get_model("guide", "Article")
    Section = apps.get_model("guide", "Section")
    Entry, Tick = apps.get_model("journal", "Entry"), apps.get_model("journal", "PracticeTick")
    ana = User.objects.create(username="ana", email="ana@example.com")
    stage = Stage.objects.create(slug="separation", name="Separation", summary="s")
    practice = Practice.objects.create(stage=stage, title="Breathe before replying")
    prompt = Prompt.objects.create(stage=stage, text="What did you need today?")
    article = Article.objects.create(title="Guide", slug="guide", summary="s")
    section = Section.objects.create(article=article, title="Why runners run", slug="why")
    Tick.objects.create(owner=ana, practice=practice)
    Entry.objects.create(owner=ana, body="...", stage=stage, prompt=prompt, section=section)
    Entry.objects.create(owner=ana, body="no links")

    apps = migrator.migrate(("journal", "0008_fill_guide_words_of_ticks_and_entries"))
    Entry, Tick = apps.get_model("journal", "Entry"), apps.get_model("journal", "PracticeTick")
    assert list(Tick.objects.values_list("practice_title", flat=True)) == [
        "Breathe before replying"
    ]
    words = set(Entry.objects.values_list("prompt_text", "section_title"))
    assert words == {("What did you need today?", "Why runners run"), ("", "")}
