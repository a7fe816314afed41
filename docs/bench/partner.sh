#!/usr/bin/env bash
# Benchmarks the partner questionnaire page and its autosave on the packaged jar with an embedded PostgreSQL
# in a temporary folder. After ./mvnw package -DskipTests:   docs/bench/partner.sh [partners] [requests] [warm-up]
# Signs up, creates one site per partner through the new-site form (each gets a questionnaire), and one
# partner link per site through the API; then docs/bench/PartnerLoad.java runs all partners at once, one
# thread each: [warm-up] then [requests] x GET /partner/{qid}, then the same number of autosaves
# (POST /partner/{qid}/answers, htmx) of "Your business hours", each a new value on the partner's own
# questionnaire. Prints p50/p95/p99/max latency and requests per second of each.
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=${1:-50}
REQUESTS=${2:-100}
WARMUP=${3:-20}
PORT=${PORT:-18384}
URL="http://127.0.0.1:$PORT"
DATA=$(mktemp -d)
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests"; exit 1; }
# Opening a link (GET /p/{token}) is limited to 30 per minute per client network; all partners here come
# from 127.0.0.1, so the limit is raised for the set-up. The measured requests never pass the limiter.
SITEREADY_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT SITEREADY_PARTNER_LOOKUPS_PER_MINUTE=$((USERS + 10)) \
  java -jar "$JAR" >/tmp/siteready-partner-bench.log 2>&1 &
APP=$!
JAR_COOKIES=$(mktemp)
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA" "$JAR_COOKIES"' EXIT
until curl -fs -o /dev/null "$URL/q/health/ready"; do kill -0 $APP || exit 1; sleep 0.2; done

curl -fs -c "$JAR_COOKIES" -o /dev/null "$URL/signup"
csrf() { awk '$6 == "csrf-token" {print $7}' "$JAR_COOKIES"; }
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "csrf-token=$(csrf)" \
  --data-urlencode "workspaceName=Bench Co" --data-urlencode "name=Bench" \
  --data-urlencode "email=bench-$RANDOM@example.test" --data-urlencode "password=quiet harbor lantern 47" "$URL/signup"
# sign-in renews the CSRF token: open a page for the new one, as a browser does
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null "$URL/"
TOKEN=$(curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" --data-urlencode "name=bench" \
  "$URL/settings/api-tokens" | grep -o 'id="new-token">[^<]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || { echo "no API token"; exit 1; }

: > "$DATA/links.txt"
for i in $(seq 1 "$USERS"); do
  # The new-site form (not the CSV import) starts the site's questionnaire; it answers 303 to /sites/{id}.
  SITE=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" \
    --data-urlencode "name=Partner Hospital $i" --data-urlencode "ehrVendor=Epic" --data-urlencode "timeZone=America/Chicago" \
    --data-urlencode "status=SCOPING" --data-urlencode "template=Lab results" --data-urlencode "contactName=Pat $i" \
    --data-urlencode "contactRole=Interface analyst" --data-urlencode "contactEmail=pat$i@example.org" "$URL/sites" | sed 's#.*/##')
  PROJECT=$(curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/sites/$SITE/projects" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"label":"Bench partner","expiresInDays":14}' "$URL/api/projects/$PROJECT/questionnaire/links" \
    | grep -o '"url":"[^"]*"' | cut -d'"' -f4 >> "$DATA/links.txt"
done
[ "$(grep -c /p/ "$DATA/links.txt")" -eq "$USERS" ] || { echo "expected $USERS partner links"; exit 1; }
echo "$USERS sites, questionnaires and partner links created; $(nproc) cores, $(java -version 2>&1 | head -1)"
java docs/bench/PartnerLoad.java "$DATA/links.txt" "$REQUESTS" "$WARMUP"
ERRORS=$(grep -c ' ERROR ' /tmp/siteready-partner-bench.log || true)
echo "errors in the server log (/tmp/siteready-partner-bench.log): $ERRORS"
