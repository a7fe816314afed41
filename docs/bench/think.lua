-- wrk script for docs/bench/pages.sh: every connection is one user who waits a think time, uniformly between
-- THINK_MIN_MS and THINK_MAX_MS (500 and 1,500), before each request, the first one included (so that the users
-- do not all arrive at once). wrk measures a request's latency from its sending, without the think time.
local lo = tonumber(os.getenv("THINK_MIN_MS") or "500")
local hi = tonumber(os.getenv("THINK_MAX_MS") or "1500")
local seed = 0

function setup(thread)
  seed = seed + 1
  thread:set("seed", seed)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

function delay()
  return math.random(lo, hi)
end
