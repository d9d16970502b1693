-- Concurrent writers (bench/load_writers.py). wrk runs one thread and one connection per
-- writer; its arguments are email, cookie and CSRF token of each writer in turn.
-- Odd requests create an entry, even ones edit the entry just created. done() prints the
-- counts, every acknowledged write (ACK) and each writer's edit in flight at the end (SENT).
local count, threads = 0, {}

function setup(thread)
  count = count + 1
  thread:set("me", count)
  table.insert(threads, thread)
end

function init(args)
  email, cookie, token = args[3 * me - 2], args[3 * me - 1], args[3 * me]
  acks, errors, n, last, pending = {}, 0, 0, nil, {}
end

function request()
  n = n + 1
  local path, id, text = "/journal/new/", nil, email .. " entry " .. n
  if n % 2 == 0 and last then
    path, id, text = "/journal/" .. last .. "/edit/", last, acks[last] .. " (edited)"
  end
  pending = {id = id, text = text}
  local headers = {Cookie = cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}
  local form = "csrfmiddlewaretoken=" .. token .. "&mood=3&body=" .. text:gsub(" ", "+")
  return wrk.format("POST", path, headers, form)
end

function response(status, headers, body)
  local id = pending.id or (headers.Location or ""):match("/journal/([%x%-]+)/$")
  if status == 302 and id then
    acks[id], last = pending.text, id
  else
    errors = errors + 1
  end
end

function done(summary)
  local e = summary.errors
  print("REQUESTS", summary.requests, e.connect + e.read + e.write + e.timeout + e.status)
  for _, t in ipairs(threads) do
    local email, pending = t:get("email"), t:get("pending")
    print("ERRORS", t:get("errors"))
    for id, text in pairs(t:get("acks")) do print("ACK", email, id, text) end
    if pending.id then print("SENT", email, pending.id, pending.text) end
  end
end
