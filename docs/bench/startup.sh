#!/usr/bin/env bash
# Measures the packaged jar: milliseconds from launch to the first 200 on /q/health/ready, and the
# resident memory (RSS) after the first page request. Usage, after ./mvnw package -DskipTests:
#   docs/bench/startup.sh embedded [runs]          # embedded PostgreSQL, data folder kept between runs
#   docs/bench/startup.sh external [runs]          # needs SITEREADY_DB_URL/_USER/_PASSWORD exported
#   docs/bench/startup.sh bare [runs]              # against the bare Quarkus app of ../shared/bench (see below)
# Prints one line per run and the median.
# "bare" compares start to ready with the bare Quarkus + Qute + Panache app that ../shared/bench/ratio.sh measures
# throughput against, both on the machine's PostgreSQL 15 (started if stopped; databases sr_startup and bare are
# created anew), started in turn (SiteReady, bare, SiteReady, ...) after one uncounted start of each (SiteReady's
# migrates its database). Prints both medians and their ratio. Needs root (runuser -u postgres) like ratio.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-embedded}
RUNS=${2:-5}
PORT=${PORT:-18181}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests"; exit 1; }
export SITEREADY_SESSION_KEY=${SITEREADY_SESSION_KEY:-bench-session-key-0123456789abcdef}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
if [ "$MODE" = "bare" ]; then
  BARE_SRC=${BARE_SRC:-$(cd "$(dirname "$0")" && pwd)/../../../shared/bench/bare-app}
  build=${TMPDIR:-/tmp}/siteready-bare-app  # the same build ratio.sh makes and reuses
  if [ ! -f "$build/target/quarkus-app/quarkus-run.jar" ]; then
    [ -d "$BARE_SRC" ] || { echo "bare app not found at $BARE_SRC (set BARE_SRC)"; exit 1; }
    rm -rf "$build"; cp -r "$BARE_SRC" "$build"; (cd "$build" && ./mvnw -B -q package -DskipTests)
  fi
  pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 1 40); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.25; done
  su_sql() { runuser -u postgres -- psql -X -q -At -c "$1"; }
  for role in sr_startup bare_bench; do
    su_sql "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='$role') THEN CREATE ROLE $role LOGIN CREATEROLE PASSWORD '$role'; END IF; END\$\$"
  done
  su_sql "DROP DATABASE IF EXISTS sr_startup" 2>/dev/null; su_sql "CREATE DATABASE sr_startup OWNER sr_startup"
  su_sql "DROP DATABASE IF EXISTS bare" 2>/dev/null; su_sql "CREATE DATABASE bare OWNER bare_bench"
  ready() { # ready URL COMMAND...: milliseconds from launch to the first 200 on URL; the process is stopped after
    local url=$1 pid start ms; shift
    "$@" >/tmp/siteready-bench.log 2>&1 &
    pid=$!; start=$(date +%s%N)
    until curl -fs -o /dev/null "$url"; do
      kill -0 $pid 2>/dev/null || { cat /tmp/siteready-bench.log >&2; exit 1; }
      sleep 0.02
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    kill $pid; wait $pid 2>/dev/null || true
    echo "$ms"
  }
  app() { ready "http://127.0.0.1:$PORT/q/health/ready" env SITEREADY_DB_URL=jdbc:postgresql://127.0.0.1:5432/sr_startup \
    SITEREADY_DB_USER=sr_startup SITEREADY_DB_PASSWORD=sr_startup QUARKUS_HTTP_PORT=$PORT java -jar "$JAR"; }
  bare() { ready "http://127.0.0.1:$PORT/" env BARE_DB_URL=jdbc:postgresql://127.0.0.1:5432/bare BARE_DB_USER=bare_bench \
    BARE_DB_PASSWORD=bare_bench QUARKUS_HTTP_PORT=$PORT java -jar "$build/target/quarkus-app/quarkus-run.jar"; }
  echo "uncounted first starts: SiteReady $(app) ms (migrates), bare $(bare) ms"
  a=(); b=()
  for run in $(seq 1 "$RUNS"); do
    a+=("$(app)"); b+=("$(bare)")
    echo "run $run: SiteReady ready after ${a[-1]} ms, bare app after ${b[-1]} ms"
  done
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
  echo "median ($RUNS runs, $(nproc) cores): SiteReady $ma ms, bare $mb ms, ratio $(python3 -c "print(f'{$ma/$mb:.2f}')")"
  exit 0
fi
DATA=$(mktemp -d)
times=(); rss=()
for run in $(seq 1 "$RUNS"); do
  if [ "$MODE" = "embedded" ]; then
    env -u SITEREADY_DB_URL SITEREADY_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" >/tmp/siteready-bench.log 2>&1 &
  else
    : "${SITEREADY_DB_URL:?export SITEREADY_DB_URL, SITEREADY_DB_USER and SITEREADY_DB_PASSWORD}"
    QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" >/tmp/siteready-bench.log 2>&1 &
  fi
  pid=$!
  start=$(date +%s%N)
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { cat /tmp/siteready-bench.log; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/login"
  kb=$(ps -o rss= -p $pid | tr -d ' ')
  kill $pid; wait $pid 2>/dev/null || true
  echo "run $run: ready after ${ms} ms, RSS after first request $((kb / 1024)) MB"
  times+=("$ms"); rss+=("$((kb / 1024))")
done
rm -rf "$DATA"
echo "median ($MODE, $RUNS runs): ready after $(median "${times[@]}") ms, RSS $(median "${rss[@]}") MB"
