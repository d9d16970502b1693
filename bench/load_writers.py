"""Concurrent writers: does every write the site acknowledged survive? (bench/README.md)

wrk, one thread and connection per signed-in writer, creates entries and edits each
once; afterwards every entry acknowledged (a redirect to it) must hold the writer's last
acknowledged text (or the edit still in flight). Exits 1 on any error or lost write.
"""

import argparse
import sys
from pathlib import Path

if not __package__:  # run as a file (python bench/load_writers.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    with harness.fresh_site(args.db) as env:
        harness.django_setup(env)
        from journal.models import Entry

        emails = harness.seed({f"writer{i}": (0, 0) for i in range(1, args.writers + 1)})
        with harness.gunicorn(env, args.workers) as base:
            writers = []  # email, cookie and CSRF token of each, for wrk_writers.lua
            for email in emails.values():
                cookie = harness.sign_in(base, email)
                form = harness.fetch(base + "/journal/new/", {"Cookie": cookie})[2].decode()
                writers += [email, cookie, harness.TOKEN.search(form).group(1)]
            script = harness.ROOT / "bench" / "wrk_writers.lua"
            output = harness.wrk(base, args.seconds, args.writers, script, args.writers, writers)
        lines = [line.split("\t") for line in output.splitlines()]
        requests, errors = (int(x) for x in next(x for x in lines if x[0] == "REQUESTS")[1:])
        errors += sum(int(x[1]) for x in lines if x[0] == "ERRORS")
        # Entries are named by their public id (a UUID), in the redirect and here.
        acked = {x[2]: (x[1], x[3]) for x in lines if x[0] == "ACK"}
        sent = {x[2]: (x[1], x[3]) for x in lines if x[0] == "SENT"}
        entries = Entry.objects.select_related("owner")
        stored = {str(e.public_id): (e.owner.email, e.body) for e in entries}
        lost = sum(stored.get(id_) not in (write, sent.get(id_)) for id_, write in acked.items())
    print(f"database        {args.db} ({args.workers} gunicorn workers, {args.writers} writers)")
    print(f"requests        {requests} ({requests / args.seconds:.0f}/s for {args.seconds:.0f} s)")
    print(f"errors          {errors}")
    print(f"entries acked   {len(acked)} (stored: {len(stored)})")
    print(f"lost writes     {lost}")
    return 0 if errors == 0 and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
