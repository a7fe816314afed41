#!/usr/bin/env bash
# Measures the packaged jar: milliseconds from launch to the first 200 on /q/health/ready, and the
# resident memory (RSS) after the first page request. Usage, after ./mvnw package -DskipTests:
#   docs/bench/startup.sh embedded [runs]          # embedded PostgreSQL, data folder kept between runs
#   docs/bench/startup.sh external [runs]          # needs SITEREADY_DB_URL/_USER/_PASSWORD exported
# Prints one line per run and the median.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-embedded}
RUNS=${2:-5}
PORT=${PORT:-18181}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests"; exit 1; }
export SITEREADY_SESSION_KEY=${SITEREADY_SESSION_KEY:-bench-session-key-0123456789abcdef}
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
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median ($MODE, $RUNS runs): ready after $(median "${times[@]}") ms, RSS $(median "${rss[@]}") MB"
