#!/usr/bin/env bash
# Benchmarks the cross-project retrospective review (full-text search, tag filter, JSON API) against one workspace
# with many retrospectives, on the packaged jar with an embedded PostgreSQL in a temporary folder.
# After ./mvnw package -DskipTests:
#   docs/bench/retro-search.sh [requests]          (default 200 per measured request)
# Signs up, imports SITES (default 500) sites through the CSV import page (template "Lab results"), starts each
# first project's retrospective and adds ITEMS (default 12) items to each through the page's form (plain form
# posts; titles and notes drawn from a small vocabulary, one or two of 15 tags), so SITES x ITEMS items in all.
# Then, one request after another (one user; the point is the database work per request), times each of:
#   GET /retrospectives                       (newest first, first page; frequent tags; retrospective list)
#   GET /retrospectives?q=mappings            (full-text, stemmed; matches about a fifth of the items)
#   GET /retrospectives?q="interface engine"  (a phrase; rarer)
#   GET /retrospectives?tag=cerner            (tag filter)
#   GET /retrospectives?q=mapping&tag=loinc   (both)
#   GET /api/retrospectives?q=mappings        (JSON, 100 items a page)
#   GET /retrospectives/export.csv?q=mappings (up to 5,000 items)
# and prints p50/p95/max. The server's log is in /tmp/siteready-retro-bench.log. SITES, ITEMS and PORT are read
# from the environment; KEEP=1 leaves the app and its database running at the end (to look at query plans).
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-200}
SITES=${SITES:-500}
ITEMS=${ITEMS:-12}
PORT=${PORT:-18386}
URL="http://127.0.0.1:$PORT"
LOG=/tmp/siteready-retro-bench.log
DATA=$(mktemp -d)
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests"; exit 1; }
SITEREADY_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" >"$LOG" 2>&1 &
APP=$!
JAR_COOKIES=$(mktemp)
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA" "$JAR_COOKIES"' EXIT
until curl -fs -o /dev/null "$URL/q/health/ready"; do kill -0 $APP || exit 1; sleep 0.2; done
fail() { echo "FAILED: $*"; grep -A5 ' ERROR ' "$LOG" | tail -30; exit 1; }

curl -fs -c "$JAR_COOKIES" -o /dev/null "$URL/signup"
csrf() { awk '$6 == "csrf-token" {print $7}' "$JAR_COOKIES"; }
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "csrf-token=$(csrf)" \
  --data-urlencode "workspaceName=Retro Bench Co" --data-urlencode "name=Bench" \
  --data-urlencode "email=bench-$RANDOM@example.test" --data-urlencode "password=quiet harbor lantern 47" "$URL/signup"
# sign-in renews the CSRF token: open a page for the new one, as a browser does
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null "$URL/"
TOKEN=$(curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" --data-urlencode "name=bench" \
  "$URL/settings/api-tokens" | grep -o 'id="new-token">[^<]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || fail "no API token"

# ---- 1. The sites, 250 a request through the import page (every fifth site's EHR is Cerner).
for FROM in $(seq 1 250 "$SITES"); do
  TO=$((FROM + 249 > SITES ? SITES : FROM + 249))
  { echo "name,ehr_vendor,time_zone,template,contact_name"
    for i in $(seq "$FROM" "$TO"); do
      echo "Retro Hospital $i,$([ $((i % 5)) = 0 ] && echo 'Oracle Health (Cerner)' || echo Epic),America/Chicago,Lab results,Pat $i"
    done; } > "$DATA/sites.csv"
  R=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" \
    --data-urlencode "csrf-token=$(csrf)" --data-urlencode "csv@$DATA/sites.csv" "$URL/sites/import")
  [ "$R" = 303 ] || fail "POST /sites/import (sites $FROM-$TO): HTTP $R"
done
echo "imported $SITES sites"

# ---- 2. A retrospective per site, ITEMS items each.
SECTIONS=(DESIGN_REVIEW DECISION WENT_WELL TO_IMPROVE NOT_REQUIRED MISSING_DATA FEATURE_NEEDED)
TAGS=(mapping loinc cerner epic providers results orders scheduling go-live testing code-mapping identifiers npi vpn volumes)
TITLES=("Results mappings took weeks" "Interface engine restarts during go-live" "Provider NPI missing in ORC-12"
  "Local codes needed a crosswalk" "VPN tunnel renewed late" "Order cancels arrived out of order" "Units were never needed"
  "Specimen source missing" "Production testing went smoothly" "EMPI identifier used as primary" "Duplicate ADT messages"
  "Scheduling feed volumes underestimated" "Code mapping upload needed" "Test patients reused across phases"
  "Sign-off took two weeks")
NOTES=("The partner mapped local result codes to LOINC by hand." "Messages queued on the interface engine for an hour."
  "We agreed to file results on the order." "Volumes doubled after the first week." "The vendor crosswalk was not needed."
  "Retries created duplicates until the control ID check went in." "Nothing to change next time.")
: > "$DATA/retros.txt"
N=0
for PAGE in $(seq 1 $(((SITES + 24) / 25))); do
  curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/sites?sort=name&page=$PAGE" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >> "$DATA/all.txt"
done
START=$(date +%s)
while read -r SITE; do
  PROJECT=$(curl -fs -b "$JAR_COOKIES" "$URL/sites/$SITE" | grep -o "<h3><a href=\"/sites/$SITE/projects/[^\"]*\"" | head -1 | sed 's#.*/##; s/"$//')
  BASE="$URL/sites/$SITE/projects/$PROJECT/retrospective"
  R=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" "$BASE")
  [ "$R" = 303 ] || fail "POST $BASE: HTTP $R"
  for j in $(seq 1 "$ITEMS"); do
    N=$((N + 1))
    R=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" \
      --data-urlencode "section=${SECTIONS[$((N % 7))]}" --data-urlencode "title=${TITLES[$((N % 15))]} ($N)" \
      --data-urlencode "notes=${NOTES[$((N % 7))]} ${NOTES[$(((N / 7) % 7))]}" \
      --data-urlencode "tags=${TAGS[$((N % 15))]}, ${TAGS[$(((N / 3) % 15))]}" --data-urlencode "link=" "$BASE/items")
    [ "$R" = 303 ] || fail "POST $BASE/items: HTTP $R"
  done
done < "$DATA/all.txt"
echo "$SITES retrospectives with $N items written in $(($(date +%s) - START)) s"
sleep 65 # let autovacuum analyse the new tables (its naptime is 60 s), as it would have long before in real use

# ---- 3. Timing, one request after another.
measure() { # measure LABEL PATH [auth]
  local label=$1 path=$2 i t
  : > "$DATA/times.txt"
  for i in $(seq 1 20); do curl -fs -o /dev/null -b "$JAR_COOKIES" ${3:+-H "Authorization: Bearer $TOKEN"} "$URL$path"; done
  for i in $(seq 1 "$REQUESTS"); do
    t=$(curl -fs -o "$DATA/out" -w '%{time_total}' -b "$JAR_COOKIES" ${3:+-H "Authorization: Bearer $TOKEN"} "$URL$path") || fail "GET $path"
    echo "$t" >> "$DATA/times.txt"
  done
  sort -n "$DATA/times.txt" | awk -v label="$label" -v bytes="$(wc -c < "$DATA/out")" \
    '{a[NR]=$1} END {printf "%-46s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d bytes)\n", label, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000, bytes}'
}
measure "GET /retrospectives" "/retrospectives"
measure "GET /retrospectives?q=mappings" "/retrospectives?q=mappings"
measure "GET /retrospectives?q=\"interface engine\"" "/retrospectives?q=%22interface+engine%22"
measure "GET /retrospectives?tag=cerner" "/retrospectives?tag=cerner"
measure "GET /retrospectives?q=mapping&tag=loinc" "/retrospectives?q=mapping&tag=loinc"
measure "GET /retrospectives?q=Cerner (site's EHR vendor)" "/retrospectives?q=Cerner"
measure "GET /api/retrospectives?q=mappings" "/api/retrospectives?q=mappings" auth
measure "GET /retrospectives/export.csv?q=mappings" "/retrospectives/export.csv?q=mappings"
curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/retrospectives?q=mappings" | grep -o '"total":[0-9]*' | sed 's/^/matches for q=mappings: /'
if [ -n "${KEEP:-}" ]; then # KEEP=1: leave the app and its database running, to look at query plans
  echo "app still running at $URL; database: $(grep -o 'jdbc:postgresql://[^ ]*' "$LOG" | head -1); press Enter to stop"
  read -r
fi
