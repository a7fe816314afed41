#!/usr/bin/env bash
# Benchmarks onboarding and the site list on the packaged jar with an embedded PostgreSQL in a temporary
# folder. After ./mvnw package -DskipTests:   docs/bench/sites.sh [sites-in-list]
# Prints: time to import 100 sites from CSV through the API, then (after importing the rest) the median
# time of GET /sites (HTML page) and GET /api/sites over 20 requests each, with that many sites.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOTAL=${1:-1000}
PORT=${PORT:-18383}
URL="http://127.0.0.1:$PORT"
DATA=$(mktemp -d)
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests"; exit 1; }
SITEREADY_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" >/tmp/siteready-sites-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA" "$JAR_COOKIES"' EXIT
until curl -fs -o /dev/null "$URL/q/health/ready"; do kill -0 $APP || exit 1; sleep 0.2; done

JAR_COOKIES=$(mktemp)
curl -fs -c "$JAR_COOKIES" -o /dev/null "$URL/signup"
csrf() { awk '$6 == "csrf-token" {print $7}' "$JAR_COOKIES"; }
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "csrf-token=$(csrf)" \
  --data-urlencode "workspaceName=Bench Co" --data-urlencode "name=Bench" \
  --data-urlencode "email=bench-$RANDOM@example.test" --data-urlencode "password=quiet harbor lantern 47" "$URL/signup"
# sign-in renews the CSRF token: open a page for the new one, as a browser does
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null "$URL/"
TOKEN=$(curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" --data-urlencode "name=bench" \
  "$URL/settings/api-tokens" | grep -o 'id="new-token">[^<]*' | sed 's/.*>//')

csv() { # csv FROM TO
  echo "name,ehr_vendor,time_zone,contact_name,contact_email,template"
  for i in $(seq "$1" "$2"); do
    echo "Bench Hospital $i,Epic,America/Chicago,Pat $i,pat$i@example.org,Lab results"
  done
}
csv 1 100 > "$DATA/first.csv"
T100=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$DATA/first.csv" "$URL/api/sites/import")
echo "import of 100 sites (CSV, API): ${T100} s"
if [ "$TOTAL" -gt 100 ]; then
  csv 101 "$TOTAL" > "$DATA/rest.csv"
  TREST=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
    --data-binary @"$DATA/rest.csv" "$URL/api/sites/import")
  echo "import of $((TOTAL - 100)) more sites: ${TREST} s"
fi
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
curl -fs -o /dev/null -b "$JAR_COOKIES" "$URL/sites"  # warm-up
PAGE=$(for i in $(seq 1 20); do curl -fs -o /dev/null -w '%{time_total}\n' -b "$JAR_COOKIES" "$URL/sites?page=$((i % 10 + 1))"; done | median)
SEARCH=$(for i in $(seq 1 20); do curl -fs -o /dev/null -w '%{time_total}\n' -b "$JAR_COOKIES" "$URL/sites?q=hospital+$i&sort=status"; done | median)
API=$(for i in $(seq 1 20); do curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL/api/sites?page=$i"; done | median)
echo "with $TOTAL sites, median of 20: GET /sites ${PAGE} s, GET /sites?q=... ${SEARCH} s, GET /api/sites ${API} s"
