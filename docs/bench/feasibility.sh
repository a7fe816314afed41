#!/usr/bin/env bash
# Benchmarks the feasibility summary page and the portfolio on the workspace home against one workspace with
# many sites, next to a trivial page of the same app, on the packaged jar with an embedded PostgreSQL in a
# temporary folder. After ./mvnw package -DskipTests:
#   docs/bench/feasibility.sh [users] [requests] [warm-up] [login-requests]      (defaults: 50 100 20 1000)
# Signs up, imports SITES (default 1000) sites through the CSV import page (POST /sites/import, 250 a request,
# template "Lab results": each site gets a project, its scope and a questionnaire), times the very first
# GET / (it computes and stores the feasibility rollup of every site), then answers part of the
# questionnaire of [users] sites spread over the list (one site per virtual user; plain form posts to
# .../questionnaire/answers, starting the questionnaire first if the import did not; the answers vary so
# the verdicts differ), checks through GET /api/sites/{id}/feasibility that the answers took effect, and
# warms the portfolio up again. Then docs/bench/FeasibilityLoad.java runs all users at once, one thread each,
# one phase after another: GET /login without cookies (the baseline: a small form, no database work),
# GET /sites/{id}/feasibility (each user its own answered site), GET / (the portfolio, default sort) and
# GET /?verdict=INCOMPLETE&sort=golive, then GET /sites/{id}/projects/{id}/testing (the user's project's testing
# page: phases, timeline, its 4-item functional checklist, one workflow); [warm-up] then [requests] per user and phase ([login-requests] for
# /login, default 10 x [requests], as it is so fast). Prints p50/p95/p99/max latency and requests per second
# of each, the throughput of each page relative to /login, and each phase's wall-clock window (this machine
# may run other work; compare with top). A failed set-up request stops the script with the request and the
# server's errors; the server's log is in /tmp/siteready-feasibility-bench.log. SITES, CHUNK and PORT are
# read from the environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=${1:-50}
REQUESTS=${2:-100}
WARMUP=${3:-20}
LOGIN_REQUESTS=${4:-$((10 * REQUESTS))}
SITES=${SITES:-1000}
CHUNK=${CHUNK:-250}
PORT=${PORT:-18385}
URL="http://127.0.0.1:$PORT"
LOG=/tmp/siteready-feasibility-bench.log
DATA=$(mktemp -d)
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests"; exit 1; }
[ "$USERS" -le "$SITES" ] || { echo "at most one user per site: users ($USERS) > sites ($SITES)"; exit 1; }
SITEREADY_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" >"$LOG" 2>&1 &
APP=$!
JAR_COOKIES=$(mktemp)
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA" "$JAR_COOKIES"' EXIT
trap 'echo "FAILED (line $LINENO): $BASH_COMMAND"; grep -A5 " ERROR " "$LOG" | tail -30' ERR
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
api() { curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/$1"; }
fail() { echo "FAILED: $*"; grep -A5 ' ERROR ' "$LOG" | tail -30; exit 1; }  # with the server's errors, if any

# ---- 1. SITES sites through the import page, CHUNK per request (a 303 to the site list means all were created).
# shellcheck source=docs/bench/import-sites.sh
. docs/bench/import-sites.sh
import_sites 1 "$SITES"

# ---- 2. The very first GET / after the import: computes and stores the rollup of every site.
R=$(curl -s -o "$DATA/home.html" -w '%{http_code} %{time_total}' -b "$JAR_COOKIES" "$URL/")
[ "${R%% *}" = 200 ] || fail "first GET /: HTTP ${R%% *} after ${R#* } s"
grep -q "id=\"portfolio-count\">$SITES sites" "$DATA/home.html" || fail "first GET / does not list $SITES sites"
echo "first GET / after the import (rollups of all $SITES sites computed): ${R#* } s (at $(date +%T))"

# ---- 3. All site ids (API, 25 a page), then USERS of them spread over the list.
: > "$DATA/all.txt"
for PAGE in $(seq 1 $(((SITES + 24) / 25))); do
  api "sites?sort=name&page=$PAGE" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >> "$DATA/all.txt"
done
[ "$(wc -l < "$DATA/all.txt")" -eq "$SITES" ] || fail "expected $SITES site ids from GET /api/sites"
awk -v n="$USERS" -v total="$SITES" 'NR % int(total / n) == 1 || int(total / n) == 1 {print}' "$DATA/all.txt" | head -n "$USERS" > "$DATA/sites.txt"
[ "$(wc -l < "$DATA/sites.txt")" -eq "$USERS" ] || fail "could not pick $USERS sites"

# ---- 4. Part of each chosen site's questionnaire, as a member answers it (plain form posts, 303 when saved).
esc() { printf '%s' "$1" | sed 's/[][\.*^$/]/\\&/g'; }
version() { # version QUESTION SUBJECT: the card's version field on the questionnaire page in $DATA/q.html
  tr -d '\n' < "$DATA/q.html" | sed -n "s/.*name=\"question\" value=\"$(esc "$1")\">[[:space:]]*<input type=\"hidden\" name=\"subject\" value=\"$(esc "$2")\">[[:space:]]*<input type=\"hidden\" name=\"version\" value=\"\([0-9]*\)\".*/\1/p"
}
answer() { # answer QUESTION SUBJECT VALUE...
  local question=$1 subject=$2 v args=() code
  shift 2
  for v in "$@"; do args+=(--data-urlencode "value=$v"); done
  code=$(curl -s -o "$DATA/answer.html" -w '%{http_code} %{redirect_url}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" \
    --data-urlencode "csrf-token=$(csrf)" --data-urlencode "question=$question" --data-urlencode "subject=$subject" \
    --data-urlencode "version=$(version "$question" "$subject")" "${args[@]}" "$BASE/answers")
  case "$code" in
    "303 "*"#q-"*) ;;
    *) grep -o 'class="field-error"[^<]*' "$DATA/answer.html" | head
       fail "POST $BASE/answers question=$question subject=$subject value=$*: HTTP $code" ;;
  esac
}
N=0
while read -r SITE; do
  N=$((N + 1))
  PROJECT=$(curl -fs -b "$JAR_COOKIES" "$URL/sites/$SITE" | grep -o "<h3><a href=\"/sites/$SITE/projects/[^\"]*\"" | head -1 | sed 's#.*/##; s/"$//')
  [ -n "$PROJECT" ] || fail "no project (article.project h3 a) on GET /sites/$SITE"
  echo "$SITE $PROJECT" >> "$DATA/users.txt"
  curl -fs -b "$JAR_COOKIES" -o /dev/null "$URL/sites/$SITE/projects/$PROJECT/testing" # makes its functional checklist
  BASE="$URL/sites/$SITE/projects/$PROJECT/questionnaire"
  curl -fs -b "$JAR_COOKIES" -o "$DATA/q.html" "$BASE"
  if grep -q 'questionnaire/start"' "$DATA/q.html"; then
    TEMPLATE=$(grep -o '<option value="[^"]*">Standard scoping<' "$DATA/q.html" | head -1 | cut -d'"' -f2)
    [ -n "$TEMPLATE" ] || TEMPLATE=$(grep -o '<select id="template" name="template"><option value="[^"]*"' "$DATA/q.html" | cut -d'"' -f6)
    R=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" \
      --data-urlencode "template=$TEMPLATE" "$BASE/start")
    [ "$R" = 303 ] || fail "POST $BASE/start template=$TEMPLATE: HTTP $R"
    STARTED=$((${STARTED:-0} + 1))
    curl -fs -b "$JAR_COOKIES" -o "$DATA/q.html" "$BASE"
  fi
  answer golive.daily_volume "" $((1000 + 50 * N))
  answer codes.systems Results $([ $((N % 3)) = 0 ] && echo L || echo LN)
  answer connection.methods "Results|INBOUND" $([ $((N % 2)) = 0 ] && echo HL7V2_MLLP || echo FHIR)
  answer patient.id_count "" $((1 + N % 3))
  [ $((N % 3)) = 0 ] && answer codes.local_mapping Results YES
  [ $((N % 4)) = 0 ] && answer golive.target_date "" "2027-$(printf %02d $((1 + N % 12)))-01"
  if [ $((N % 5)) = 0 ]; then
    answer data.field_provided "Results|Orders[].Results[].Units" NO
    answer data.change_effort "Results|Orders[].Results[].Units" $([ $((N % 10)) = 0 ] && echo NOT_POSSIBLE || echo MEDIUM)
  fi
  [ $((N % 5)) = 1 ] && answer data.field_provided "Results|Orders[].Results[].Code" YES
  : # keep set -e from ending the loop on a false test above
done < "$DATA/sites.txt"
echo "questionnaires started by the import: $((USERS - ${STARTED:-0})) of $USERS, started here: ${STARTED:-0}"

# ---- 5. The answers are what the rules read: every chosen site has answers and a verdict.
: > "$DATA/verdicts.txt"
while read -r SITE; do
  JSON=$(api "sites/$SITE/feasibility")
  ANSWERED=$(printf '%s' "$JSON" | grep -o '"answered":[0-9]*' | head -1 | cut -d: -f2)
  QUESTIONS=$(printf '%s' "$JSON" | grep -o '"questions":[0-9]*' | head -1 | cut -d: -f2)
  [ "${ANSWERED:-0}" -ge 4 ] || fail "GET /api/sites/$SITE/feasibility: answered ${ANSWERED:-?}, expected at least 4"
  echo "$(printf '%s' "$JSON" | grep -o '"verdict":"[A-Z_]*"' | head -1 | cut -d'"' -f4) $ANSWERED/$QUESTIONS $(printf '%s' "$JSON" | grep -o '"ruleId"' | wc -l)" >> "$DATA/verdicts.txt"
done < "$DATA/sites.txt"
echo "answered sites: $USERS; verdicts: $(cut -d' ' -f1 "$DATA/verdicts.txt" | sort | uniq -c | awk '{print $2, $1}' | paste -sd, -);" \
  "answered/questions $(cut -d' ' -f2 "$DATA/verdicts.txt" | sort -t/ -n | sed -n '1p;$p' | paste -sd- -);" \
  "findings per site $(cut -d' ' -f3 "$DATA/verdicts.txt" | sort -n | sed -n '1p;$p' | paste -sd- -)"
R=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$JAR_COOKIES" "$URL/")
[ "${R%% *}" = 200 ] || fail "GET / after answering: HTTP ${R%% *}"
echo "GET / after answering (rollups of the $USERS changed sites recomputed): ${R#* } s"
for i in 1 2 3 4 5; do curl -fs -o /dev/null -b "$JAR_COOKIES" "$URL/"; done

# ---- 6. The load: the session cookie of the signed-in member, one answered site per user.
awk '$6 == "quarkus-credential" || $6 == "csrf-token" {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$JAR_COOKIES" > "$DATA/cookie.txt"
echo "$SITES sites in one workspace, $USERS answered; $(nproc) cores, $(java -version 2>&1 | head -1); load generator on the same machine"
STATUS=0
java docs/bench/FeasibilityLoad.java "$URL" "$DATA/cookie.txt" "$DATA/users.txt" "$SITES" "$REQUESTS" "$WARMUP" "$LOGIN_REQUESTS" || STATUS=$?
ERRORS=$(grep -c ' ERROR ' "$LOG" || true)
echo "errors in the server log ($LOG): $ERRORS"
[ "$ERRORS" = 0 ] || grep -A5 ' ERROR ' "$LOG" | head -40
exit $STATUS
