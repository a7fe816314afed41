#!/usr/bin/env bash
# Where a page's time goes: per request, the app's CPU (user + system of its JVM, from /proc) and PostgreSQL's time
# (execution + planning of every statement, from pg_stat_statements), measured under load with wrk.
#   APP_PID=... COOKIE='quarkus-credential=...' DB=sr_bench docs/bench/cost.sh NAME=URL [NAME=URL ...]
# Needs the app running against the machine's PostgreSQL 15 (SITEREADY_DB_URL, as docs/performance.md describes) with
# pg_stat_statements loaded (shared_preload_libraries = 'pg_stat_statements', pg_stat_statements.track_planning = on,
# then CREATE EXTENSION pg_stat_statements in DB), wrk, and root (runuser -u postgres). For each page: W (5) seconds of
# warm-up, then D (10) seconds measured with 8 connections; TOP=N also prints the N most expensive statements.
# PostgreSQL's figure is time inside statements; its CPU for the protocol and the connection is not in it. "PG CPU ms" is
# that too: user + system CPU of every process of the postgres user (backends, WAL writer, autovacuum...) over the same
# window, per request, so it includes what the statement time leaves out (the machine must run no other PostgreSQL).
set -euo pipefail
: "${APP_PID:?APP_PID: the app's java process}" "${DB:?DB: the app's database}"
COOKIE=${COOKIE:-}; D=${D:-10}; W=${W:-5}
[ $# -gt 0 ] || { echo "usage: $0 NAME=URL [NAME=URL ...]"; exit 1; }
sql() { runuser -u postgres -- psql -X -d "$DB" -At -c "$1"; }
cpu() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }  # clock ticks (1/100 s)
pgcpu() { local t=0 p; for p in $(pgrep -u postgres); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
mine="dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'"
printf '%-14s %7s %13s %11s %11s %13s\n' page 'req/s' 'app CPU ms' 'PG ms' 'PG CPU ms' 'statements'
for pair in "$@"; do
  name=${pair%%=*}; url=${pair#*=}
  wrk -t2 -c8 -d"${W}s" -H "Cookie: $COOKIE" "$url" >/dev/null
  sql "SELECT pg_stat_statements_reset()" >/dev/null
  c0=$(cpu); p0=$(pgcpu); out=$(wrk -t2 -c8 -d"${D}s" -H "Cookie: $COOKIE" "$url"); c1=$(cpu); p1=$(pgcpu)
  ! echo "$out" | grep -q Non-2xx || { echo "$name: non-2xx answers from $url"; exit 1; }
  n=$(echo "$out" | awk '/requests in/ {print $1}'); rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  IFS='|' read -r pg calls <<<"$(sql "SELECT coalesce(sum(total_exec_time + total_plan_time), 0), coalesce(sum(calls), 0) FROM pg_stat_statements WHERE $mine")"
  python3 -c "n=$n; print('%-14s %7.0f %13.2f %11.2f %11.2f %13.1f' % ('$name', $rps, ($c1 - $c0) * 10 / n, $pg / n, ($p1 - $p0) * 10 / n, $calls / n))"
  if [ -n "${TOP:-}" ]; then
    sql "SELECT '    ' || round((total_exec_time / $n)::numeric, 3) || ' ms exec, ' || round((total_plan_time / $n)::numeric, 3)
      || ' ms plan: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements WHERE $mine
      ORDER BY total_exec_time + total_plan_time DESC LIMIT $TOP"
  fi
done
