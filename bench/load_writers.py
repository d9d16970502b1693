"""Concurrent writers against the real site: do acknowledged writes survive?

    uv run python bench/load_writers.py --db sqlite --writers 20 --seconds 30
    uv run python bench/load_writers.py --db postgres

Starts gunicorn (4 workers) on a fresh database and signs in one person per writer;
then wrk, one thread and one connection per writer, has every writer create entries
and edit each one once, for --seconds. Afterwards every entry the site acknowledged
(a redirect to it) must be in the database, the writer's, with the last text the site
acknowledged for it. Exits non-zero unless errors and lost writes are both 0.
"""

import argparse
import json
import sys
from pathlib import Path

if not __package__:  # run as a file (python bench/load_writers.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402

# Each wrk thread is one writer (WRITERS[me]): odd requests create an entry, even ones
# edit the entry just created. done() prints every acknowledged write as ACK lines.
LUA = """
local count, threads = 0, {}
function setup(thread)
  count = count + 1
  thread:set("me", count)
  table.insert(threads, thread)
end
function init(args)
  writer, acks, errors, n, last, pending = WRITERS[me], {}, 0, 0, nil, nil
end
function request()
  n = n + 1
  local path, id, text = "/journal/new/", nil, writer.name .. " entry " .. n
  if n % 2 == 0 and last then
    path, id, text = "/journal/" .. last .. "/edit/", last, acks[last] .. " (edited)"
  end
  pending = {id = id, text = text}
  local form = "csrfmiddlewaretoken=" .. writer.token .. "&mood=3&body=" .. text:gsub(" ", "+")
  return wrk.format("POST", path, {Cookie = writer.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded"}, form)
end
function response(status, headers, body)
  local id = pending.id or (headers.Location or ""):match("/journal/(%d+)/$")
  if status == 302 and id then acks[id], last = pending.text, id else errors = errors + 1 end
end
function done(summary)
  local e = summary.errors
  print("REQUESTS", summary.requests, e.connect + e.read + e.write + e.timeout + e.status)
  for _, t in ipairs(threads) do
    print("ERRORS", t:get("errors"))
    local email, pending = t:get("writer").name, t:get("pending")
    for id, text in pairs(t:get("acks")) do print("ACK", email, id, text) end
    if pending.id then print("SENT", email, pending.id, pending.text) end
  end
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    args = parser.parse_args()

    with harness.workdir() as tmp:
        env = harness.site_env(args.db, tmp)
        harness.prepare_database(env)
        harness.django_setup(env)
        from journal.models import Entry

        emails = harness.seed({f"writer{i}": (0, 0) for i in range(1, args.writers + 1)})
        with harness.gunicorn(env, args.workers, args.port) as base:
            writers = []  # as Lua tables (a JSON string is a Lua string)
            for name, email in emails.items():
                cookie = harness.sign_in(base, email)
                token = harness.csrf_token(base + "/journal/new/", cookie)
                writers.append(f"{{name = {json.dumps(email)}, cookie = {json.dumps(cookie)}, "
                               f"token = {json.dumps(token)}}}")  # fmt: skip
            lua = f"WRITERS = {{{', '.join(writers)}}}\n{LUA}"
            output = harness.wrk(base, args.seconds, args.writers, lua, args.writers)
        lines = [line.split("\t") for line in output.splitlines()]
        requests, errors = (int(x) for x in next(x for x in lines if x[0] == "REQUESTS")[1:])
        errors += sum(int(x[1]) for x in lines if x[0] == "ERRORS")
        acked, sent = (
            {int(x[2]): (x[1], x[3]) for x in lines if x[0] == kind} for kind in ("ACK", "SENT")
        )
        stored = {e.pk: (e.owner.email, e.body) for e in Entry.objects.select_related("owner")}
        lost = sum(stored.get(pk) not in (write, sent.get(pk)) for pk, write in acked.items())
    print(f"database        {args.db} ({args.workers} gunicorn workers, "
          f"{args.writers} writers, {args.seconds:.0f} s)")  # fmt: skip
    print(f"requests        {requests} ({requests / args.seconds:.0f}/s)")
    print(f"errors          {errors}")
    print(f"entries acked   {len(acked)} (stored: {len(stored)})")
    print(f"lost writes     {lost}")
    return 0 if errors == 0 and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
