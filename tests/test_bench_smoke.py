"""The benchmark's own helpers (no servers, no load): the verdicts it prints are right,
and the people it seeds are what its pages measure."""

import pytest
from django.core.management import call_command

from bench import harness, lighthouse, perf, signed_in
from journal.models import CheckIn, Entry, Journey, PracticeTick, Transition


def row(rps=100.0, p50=10.0):
    return {"rps": rps, "p50_ms": p50, "p95_ms": p50 * 2}


def test_ratio_lines_pass_when_every_target_is_met():
    results = {
        "baseline /ping": row(rps=1000),
        "guide article (anon)": row(rps=600),
        "journal list, 10": row(p50=10),
        "journal list, 10k": row(p50=19),
        "journal search, 10": row(p50=10),
        "journal search, 10k": row(p50=20),
        "dashboard, 10 days": row(p50=10),
        "dashboard, 1000 days": row(p50=12),
    }
    lines = perf.ratio_lines(results)
    assert len(lines) == 4
    assert all(line.strip().startswith("PASS") for line in lines), lines
    assert "60% of baseline" in lines[0]
    assert "1.90x" in lines[1]


def test_ratio_lines_fail_a_slow_guide_and_a_search_that_grows_with_data():
    results = {
        "baseline /ping": row(rps=1000),
        "guide article (anon)": row(rps=100),
        "journal list, 10": row(p50=10),
        "journal list, 10k": row(p50=15),
        "journal search, 10": row(p50=10),
        "journal search, 10k": row(p50=35),
        "dashboard, 10 days": row(p50=10),
        "dashboard, 1000 days": row(p50=10),
    }
    verdicts = [line.split()[0] for line in perf.ratio_lines(results)]
    assert verdicts == ["FAIL", "PASS", "FAIL", "PASS"]


def test_a_page_that_was_not_measured_fails_its_target_instead_of_passing():
    lines = perf.ratio_lines({"baseline /ping": row(rps=1000)})
    assert [line.split()[0] for line in lines] == ["FAIL"] * 4
    assert all(line.endswith("not measured") for line in lines)


def test_every_tenth_seeded_entry_holds_the_search_word():
    bodies = [harness.entry_body(n) for n in range(100)]
    matching = [body for body in bodies if harness.SEARCH_WORD in body.split()]
    assert len(matching) == 10


def test_the_static_asset_is_read_from_the_rendered_page_with_its_hashed_name():
    html = '<link rel="stylesheet" href="/static/css/site.0123abcd4567.css">'
    assert perf.static_asset_path(html) == "/static/css/site.0123abcd4567.css"


def test_lighthouse_failures_name_the_elements_and_keep_weights():
    report = {
        "categories": {
            "seo": {"auditRefs": [{"id": "is-crawlable", "weight": 4.0}]},
            "performance": {"auditRefs": [{"id": "metric", "weight": 0}]},
        },
        "audits": {
            "is-crawlable": {
                "score": 0,
                "scoreDisplayMode": "binary",
                "title": "Page is blocked from indexing",
                "details": {"items": [{"source": {"url": "http://x/robots.txt"}}]},
            },
            "metric": {
                "score": 1,
                "scoreDisplayMode": "numeric",
                "details": {"items": {"not": "a list"}},
            },
        },
    }
    failures = lighthouse.failed_audits(report)
    assert [f["id"] for f in failures] == ["is-crawlable"]
    assert failures[0]["weight"] == 4.0
    assert failures[0]["nodes"] == ["http://x/robots.txt"]


@pytest.mark.django_db
def test_seeded_people_have_their_entries_and_history_and_their_pages_answer(client):
    call_command("load_guide", verbosity=0)
    emails = harness.seed({"writer": (25, 0), "keeper": (0, 120)})
    writer = Entry.objects.filter(owner__email=emails["writer"])
    assert writer.count() == 25
    assert writer.filter(body__contains=harness.SEARCH_WORD).count() == 3
    assert writer.filter(tags__isnull=False).count() == 13
    keeper = {"owner__email": emails["keeper"]}
    assert Entry.objects.filter(**keeper).count() == 120
    assert CheckIn.objects.filter(**keeper).count() == 120
    assert PracticeTick.objects.filter(**keeper, undone_on=None).exists()
    moves = Transition.objects.filter(**keeper).order_by("created_at")
    assert moves.count() == 3 and moves.first().from_stage is None
    assert Journey.objects.get(**keeper).stage == moves.last().to_stage
    for person, path, marker in (
        ("writer", "/journal/?q=river", "river"),
        ("keeper", "/", "<main"),
    ):
        assert client.login(email=emails[person], password=harness.PASSWORD)
        response = client.get(path)
        assert response.status_code == 200 and marker in response.content.decode()


@pytest.mark.django_db
def test_queries_per_page_are_counted_and_the_slowest_of_a_large_page_named(monkeypatch, capsys):
    call_command("load_guide", verbosity=0)
    emails = harness.seed({"entries10k": (30, 0)})
    page = perf.Page("journal list, 10k", "/journal/", "entries10k", "journal")
    monkeypatch.setattr(perf, "PAGES", [page])
    perf.print_queries("sqlite", emails, profile=False)
    out = capsys.readouterr().out
    counted = next(line for line in out.splitlines() if line.strip().startswith(page.label))
    assert int(counted.split()[3]) > 0, out
    assert "SELECT" in out.split("slowest queries on the large pages:")[1], out


def signed_in_results(share, ping_share=0.6, scale=1.2):
    ping = 400.0
    results = {page.label: row(rps=ping * share) for page in signed_in.PAGES}
    results[signed_in.PING_SIGNED_IN] = row(rps=ping)
    results[signed_in.PING_ANONYMOUS] = row(rps=ping / ping_share)
    for big, small, _ in signed_in.SCALE:
        results[small], results[big] = row(p50=10), row(p50=10 * scale)
    return {label: measured | {"errors": 0} for label, measured in results.items()}


def test_signed_in_verdicts_pass_when_every_page_keeps_up_with_signed_in_ping():
    lines = signed_in.verdicts(signed_in_results(share=0.5))
    assert all(line.strip().startswith("PASS") for line in lines), lines
    assert any("/journal/ >= 35% of signed-in /ping: 50.0% (stretch met)" in x for x in lines)
    table = signed_in.table(signed_in_results(share=0.5))
    assert table[0].startswith("| page | req/s | p50 ms | share of signed-in `/ping`")
    assert len(table) == 2 + len(signed_in.PAGES)


def test_signed_in_verdicts_fail_slow_pages_a_slow_signed_in_ping_and_growing_latency():
    lines = signed_in.verdicts(signed_in_results(share=0.1, ping_share=0.3, scale=2))
    failed = [line for line in lines if line.strip().startswith("FAIL")]
    assert len(failed) == len(lines)
    assert any("signed-in /ping >= 50% of anonymous /ping: 30.0%" in x for x in failed)
