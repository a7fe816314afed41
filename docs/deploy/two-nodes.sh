#!/usr/bin/env bash
# Two SiteReady nodes behind nginx on this machine, set up as docs/deploy/README.md describes for production:
#   node A on 127.0.0.1:8081 and node B on 127.0.0.1:8082, both from the packaged jar, with SITEREADY_BEHIND_PROXY=true
#   and one SITEREADY_SESSION_KEY, on one PostgreSQL; nginx on port 8080 in front of them, configured by
#   docs/deploy/nginx.conf (its placeholders filled in) from a temporary prefix. The script waits until all three
#   are ready, then keeps running; Ctrl-C stops all three. Kill one node (its pid is printed) to watch nginx send
#   everyone to the other.
#
# Usage, from anywhere, after ./mvnw package -DskipTests:
#   SITEREADY_DB_URL=jdbc:postgresql://127.0.0.1:5432/siteready SITEREADY_DB_USER=siteready \
#   SITEREADY_DB_PASSWORD=choose-one docs/deploy/two-nodes.sh
#
# The database is required (the nodes must share one). On this machine's PostgreSQL 15, for example:
#   pg_ctlcluster --skip-systemctl-redirect 15 main start
#   su postgres -c "psql -c \"CREATE ROLE siteready LOGIN CREATEROLE PASSWORD 'choose-one'\""
#   su postgres -c "psql -c 'CREATE DATABASE siteready OWNER siteready'"
# (README.md, "Use an external PostgreSQL"). Afterwards: DROP DATABASE siteready; DROP ROLE siteready_app,
# siteready_lookup, siteready; and pg_ctlcluster --skip-systemctl-redirect 15 main stop.
#
# Settings (environment variables):
#   SITEREADY_DB_URL, SITEREADY_DB_USER, SITEREADY_DB_PASSWORD   required: the database and its owner
#   SITEREADY_SESSION_KEY   shared by both nodes; generated when unset (sessions then end when this script stops)
#   PORT (8080)             where nginx listens, on every interface
#   PORT_A (8081), PORT_B (8082)   the nodes, on 127.0.0.1 only: they believe X-Forwarded-For, so only nginx may
#                           reach them
#   JAR                     default target/quarkus-app/quarkus-run.jar of this repository
#   NGINX                   default /usr/sbin/nginx (Debian: apt-get install nginx)
#   RUN_DIR                 default a new temporary folder: the nodes' logs, nginx's config, logs and temporary files
# Any other SITEREADY_* variable (SITEREADY_BASE_URL, SITEREADY_DB_APP_USER, ...) reaches both nodes.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
: "${SITEREADY_DB_URL:?is required: the PostgreSQL both nodes share (see the header of $0)}"
: "${SITEREADY_DB_USER:?is required: the database owner (see the header of $0)}"
: "${SITEREADY_DB_PASSWORD:?is required: the password of that owner (see the header of $0)}"
PORT=${PORT:-8080}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
JAR=${JAR:-$repo/target/quarkus-app/quarkus-run.jar}
NGINX=${NGINX:-/usr/sbin/nginx}
RUN_DIR=${RUN_DIR:-$(mktemp -d -t siteready-two-nodes.XXXXXX)}
mkdir -p "$RUN_DIR"

[ -f "$JAR" ] || { echo "$JAR is missing: run ./mvnw package -DskipTests first" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "nginx is not at $NGINX: apt-get install nginx, or set NGINX" >&2; exit 1; }
if [ -z "${SITEREADY_SESSION_KEY:-}" ]; then
  SITEREADY_SESSION_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
  echo "== generated a session key for this run (set SITEREADY_SESSION_KEY to keep sessions across runs)"
fi
export SITEREADY_DB_URL SITEREADY_DB_USER SITEREADY_DB_PASSWORD SITEREADY_SESSION_KEY
export SITEREADY_BEHIND_PROXY=true

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo
  echo "== stopping nginx and both nodes"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 60); do
    alive=""
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=yes; done
    [ -z "$alive" ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  echo "== stopped; logs are in $RUN_DIR"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# wait_for NAME URL PID LOG: until URL answers 200, while the process lives (3 minutes at most).
wait_for() {
  local name=$1 url=$2 pid=$3 log=$4
  for _ in $(seq 1 360); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before it was ready; the end of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$name was not ready within 3 minutes; the end of $log:" >&2
  tail -n 40 "$log" >&2
  exit 1
}

start_node() {
  local name=$1 port=$2
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port java -jar "$JAR" >"$RUN_DIR/node-$name.log" 2>&1 &
  pids+=($!)
  echo "== node $name: pid $!, http://127.0.0.1:$port, log $RUN_DIR/node-$name.log"
}
start_node a "$PORT_A"
start_node b "$PORT_B"
wait_for "node a" "http://127.0.0.1:$PORT_A/q/health/ready" "${pids[0]}" "$RUN_DIR/node-a.log"
wait_for "node b" "http://127.0.0.1:$PORT_B/q/health/ready" "${pids[1]}" "$RUN_DIR/node-b.log"

# nginx.conf with its placeholders filled in ([$] keeps sed from reading $ as the end of the line).
mkdir -p "$RUN_DIR/nginx/logs" "$RUN_DIR/nginx/temp"
sed -e "s|[$]{LISTEN}|$PORT|g" -e "s|[$]{NODE_A}|127.0.0.1:$PORT_A|g" -e "s|[$]{NODE_B}|127.0.0.1:$PORT_B|g" \
    -e "s|[$]{LOG_DIR}|$RUN_DIR/nginx/logs|g" -e "s|[$]{TEMP_DIR}|$RUN_DIR/nginx/temp|g" \
    "$repo/docs/deploy/nginx.conf" >"$RUN_DIR/nginx/nginx.conf"
if grep -o '[$]{[A-Za-z_]*}' "$RUN_DIR/nginx/nginx.conf"; then
  echo "docs/deploy/nginx.conf has a placeholder this script does not fill in (above)" >&2
  exit 1
fi
"$NGINX" -p "$RUN_DIR/nginx/" -c "$RUN_DIR/nginx/nginx.conf" -e stderr \
  -g "daemon off; pid $RUN_DIR/nginx/nginx.pid;$([ "$(id -u)" = 0 ] && echo ' user root;')" >"$RUN_DIR/nginx/logs/nginx.out" 2>&1 &
pids+=($!)
echo "== nginx: pid $!, config $RUN_DIR/nginx/nginx.conf, logs $RUN_DIR/nginx/logs"
wait_for nginx "http://127.0.0.1:$PORT/login" "${pids[2]}" "$RUN_DIR/nginx/logs/nginx.out"

echo "== SiteReady on two nodes: http://localhost:$PORT (Ctrl-C stops all three)"
wait "${pids[2]}" || true
echo "== nginx stopped; see $RUN_DIR/nginx/logs"
