#!/usr/bin/env bash
# Throughput of SiteReady's key pages as a ratio of a bare Quarkus + Qute + Panache page, measured by the
# shared tool ratio.sh on the same machine in the same run (a slow or busy machine cancels out). After
# ./mvnw package -DskipTests, from the repository:   docs/bench/pages.sh
# Starts the packaged jar (target/quarkus-app/quarkus-run.jar) on a free port with an embedded PostgreSQL in
# a temporary folder (SITEREADY_DATA_DIR), signs up, imports SITES (default 1000) sites through the CSV
# import page (POST /sites/import, CHUNK (250) a request, template "Lab results"), starts the questionnaire
# of the first site's first project if the import did not and answers a few of its questions (so the
# feasibility summary has content), creates a partner questionnaire link for that project through the API
# and opens it (GET /p/{token}) for the partner cookie, then warms the home page once (the first GET /
# computes the rollup of every site). Then ratio.sh measures, by these names:
#   summary        GET /sites/{id}/feasibility
#   portfolio      GET /
#   questionnaire  GET /sites/{id}/projects/{pid}/questionnaire
#   partner        GET /partner/{questionnaireId}          (the partner's page)
#   sites          GET /sites
#   testing        GET /sites/{id}/projects/{pid}/testing
#   retro          GET /sites/{id}/projects/{pid}/retrospective   (started, with 4 items and an action)
# and, only when named in PAGES, two floors that show the fixed cost of any page (not key pages):
#   layout         GET /settings/password   (signed in, the layout and a form, no query of its own)
#   live           GET /q/health/live       (no session, no template)
# ratio.sh sends one Cookie header with every request. If the partner page still answers 200 to the member's
# session cookie and the partner cookie together (a signed-in member of the same workspace opening the
# partner page), all pages are measured in one call with both cookies; otherwise ratio.sh is called twice:
# the member pages with the session cookie, the partner page with the partner cookie.
# Before measuring, it prints the bytes of a first visit to the portfolio (the page and every static file it links, as
# sent to a browser that accepts gzip and br). Every page is checked once with curl first (any non-2xx stops the script with the status and the server's
# errors); afterwards the pages are checked again and the errors in the server log are counted.
# After the throughput ratios, the latency as users see it: USERS (100) users, each waiting a think time of 0.5-1.5 s
# (docs/bench/think.lua) before each request, for LAT_DUR (30) seconds per page (wrk --latency: p50, p90, p99 and the
# requests per second that result, about USERS a second), each page first warmed alone for LAT_WARM (30) seconds with 8
# connections. Then LARGE (5000; 0 skips it) sites in all: the missing
# ones are imported the same way, the first GET / computes their rollups, and the portfolio is measured again.
# Environment: SITES (1000), CHUNK (250), PORT (a free one), JAR (the app to start; default
# target/quarkus-app/quarkus-run.jar, e.g. a copy of an earlier build's quarkus-app folder to compare with), RATIO (path of ratio.sh; default
# ../shared/bench/ratio.sh next to the repository), and CONNS, DUR, WARM, passed through to ratio.sh
# (e.g. DUR=10 WARM=10 for a shorter run). JAVA_OPTS goes to the app's JVM, e.g. a flight recording:
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/sites.jfr,settings=profile PAGES=sites docs/bench/pages.sh
# PAGES (a space-separated list of the names above) measures only those pages. HOLD=1 stops after the set-up and
# keeps the app running (its pid, address, cookies and page addresses printed) until Ctrl-C. The server's log is in
# ${TMPDIR:-/tmp}/siteready-pages-bench.log.
set -euo pipefail
RATIO=${RATIO:-$(cd "$(dirname "$0")" && pwd)/../../../shared/bench/ratio.sh}
if [ -n "${JAR:-}" ]; then  # a jar given from any folder, before the cd below
  [ -f "$JAR" ] || { echo "JAR=$JAR: no such file"; exit 1; }
  JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
fi
cd "$(dirname "$0")/../.."
SITES=${SITES:-1000}
CHUNK=${CHUNK:-250}
PORT=${PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
URL="http://127.0.0.1:$PORT"
LOG=${TMPDIR:-/tmp}/siteready-pages-bench.log
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests"; exit 1; }
[ -f "$RATIO" ] || { echo "ratio.sh not found at $RATIO (set RATIO)"; exit 1; }
[ "$SITES" -ge 1 ] || { echo "SITES must be at least 1"; exit 1; }
export CONNS DUR WARM  # for ratio.sh, when set
DATA=$(mktemp -d)
JAR_COOKIES=$(mktemp)
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
SITEREADY_DATA_DIR="$DATA/app" QUARKUS_HTTP_PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA" "$JAR_COOKIES"' EXIT
trap 'echo "FAILED (line $LINENO): $BASH_COMMAND"; grep -A5 " ERROR " "$LOG" | tail -30' ERR
fail() { echo "FAILED: $*"; grep -A5 ' ERROR ' "$LOG" | tail -30; exit 1; }  # with the server's errors, if any
until curl -fs -o /dev/null "$URL/q/health/ready"; do kill -0 $APP 2>/dev/null || fail "the app did not start (log: $LOG)"; sleep 0.2; done

# ---- 1. Sign up (session cookie and csrf-token in $JAR_COOKIES) and an API token.
curl -fs -c "$JAR_COOKIES" -o /dev/null "$URL/signup"
csrf() { awk '$6 == "csrf-token" {print $7}' "$JAR_COOKIES"; }
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "csrf-token=$(csrf)" \
  --data-urlencode "workspaceName=Bench Co" --data-urlencode "name=Bench" \
  --data-urlencode "email=bench-$RANDOM@example.test" --data-urlencode "password=quiet harbor lantern 47" "$URL/signup"
# sign-in renews the CSRF token: open a page for the new one, as a browser does
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null "$URL/"
TOKEN=$(curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" --data-urlencode "name=bench" \
  "$URL/settings/api-tokens" | grep -o 'id="new-token">[^<]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || fail "no API token"
api() { curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/$1"; }

# ---- 2. SITES sites through the import page, CHUNK per request (a 303 to the site list means all were created).
# shellcheck source=docs/bench/import-sites.sh
. docs/bench/import-sites.sh
import_sites 1 "$SITES"

# ---- 3. The first site (by name) and its first project; its questionnaire started and partly answered.
SITE=$(api "sites?sort=name&page=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$SITE" ] || fail "no site from GET /api/sites"
PROJECT=$(api "sites/$SITE/projects" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$PROJECT" ] || fail "no project from GET /api/sites/$SITE/projects"
BASE="$URL/sites/$SITE/projects/$PROJECT/questionnaire"
curl -fs -b "$JAR_COOKIES" -o "$DATA/q.html" "$BASE"
if grep -q 'questionnaire/start"' "$DATA/q.html"; then
  TEMPLATE=$(grep -o '<option value="[^"]*">Standard scoping<' "$DATA/q.html" | head -1 | cut -d'"' -f2)
  [ -n "$TEMPLATE" ] || TEMPLATE=$(grep -o '<select id="template" name="template"><option value="[^"]*"' "$DATA/q.html" | cut -d'"' -f6)
  R=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" \
    --data-urlencode "template=$TEMPLATE" "$BASE/start")
  [ "$R" = 303 ] || fail "POST $BASE/start template=$TEMPLATE: HTTP $R"
  echo "questionnaire started here (template $TEMPLATE)"
  curl -fs -b "$JAR_COOKIES" -o "$DATA/q.html" "$BASE"
else
  echo "questionnaire started by the import"
fi
esc() { printf '%s' "$1" | sed 's/[][\.*^$/]/\\&/g'; }
version() { # version QUESTION SUBJECT: the card's version field on the questionnaire page in $DATA/q.html
  tr -d '\n' < "$DATA/q.html" | sed -n "s/.*name=\"question\" value=\"$(esc "$1")\">[[:space:]]*<input type=\"hidden\" name=\"subject\" value=\"$(esc "$2")\">[[:space:]]*<input type=\"hidden\" name=\"version\" value=\"\([0-9]*\)\".*/\1/p"
}
answer() { # answer QUESTION SUBJECT VALUE... (a plain form post, 303 to the card when saved)
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
answer golive.daily_volume "" 1500
answer codes.systems Results LN
answer connection.methods "Results|INBOUND" HL7V2_MLLP
answer patient.id_count "" 2
answer codes.local_mapping Results YES
answer golive.target_date "" 2027-03-01
answer data.field_provided "Results|Orders[].Results[].Units" NO
answer data.change_effort "Results|Orders[].Results[].Units" MEDIUM
JSON=$(api "sites/$SITE/feasibility")
ANSWERED=$(printf '%s' "$JSON" | grep -o '"answered":[0-9]*' | head -1 | cut -d: -f2)
[ "${ANSWERED:-0}" -ge 4 ] || fail "GET /api/sites/$SITE/feasibility: answered ${ANSWERED:-?}, expected at least 4"
echo "site $SITE, project $PROJECT: $ANSWERED answered, verdict $(printf '%s' "$JSON" | grep -o '"verdict":"[A-Z_]*"' | head -1 | cut -d'"' -f4)"

# ---- 3b. The project's retrospective started, with an item in each of four sections and an action on the first.
RETRO="$URL/sites/$SITE/projects/$PROJECT/retrospective"
post() { # post PATH FIELD=VALUE...: a form post that must answer 303
  local path=$1 args=() code kv
  shift
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  code=$(curl -s -o "$DATA/post.html" -w '%{http_code}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "csrf-token=$(csrf)" \
    ${args[@]+"${args[@]}"} "$URL$path")
  [ "$code" = 303 ] || fail "POST $path $*: HTTP $code"
}
post "${RETRO#"$URL"}"
for section in WENT_WELL TO_IMPROVE MISSING_DATA DECISION; do
  post "${RETRO#"$URL"}/items" "section=$section" "title=Bench item ($section)" "notes=Seen at the **bench** site." "tags=bench, $section" \
    "link=QUESTION:golive.daily_volume"
done
ITEM=$(curl -fs -b "$JAR_COOKIES" "$RETRO" | grep -o 'items/[0-9a-f-]*/propose' | head -1 | cut -d/ -f2)
[ -n "$ITEM" ] || fail "no item on the retrospective page"
post "${RETRO#"$URL"}/actions" "title=Bench action" "owner=Bench" "due=" "item=$ITEM"
echo "retrospective started: 4 items, 1 action"

# ---- 4. A partner link for the project (API), opened once for the partner cookie and the page's address.
LINK=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"label":"Bench partner","expiresInDays":14}' "$URL/api/projects/$PROJECT/questionnaire/links" \
  | grep -o '"url":"[^"]*"' | cut -d'"' -f4)
[[ "$LINK" == */p/* ]] || fail "no partner link from POST /api/projects/$PROJECT/questionnaire/links"
LINK="$URL/p/${LINK##*/p/}"  # the same link on this server's address, whatever base URL the app printed
curl -s -o /dev/null -D "$DATA/open.txt" "$LINK"
R=$(head -1 "$DATA/open.txt" | awk '{print $2}')
[ "$R" = 303 ] || fail "GET /p/{token}: HTTP $R (429 = link lookups throttled)"
PARTNER_PATH=$(tr -d '\r' < "$DATA/open.txt" | awk 'tolower($1) == "location:" {print $2}' | sed 's#^https\?://[^/]*##')
PARTNER_COOKIE=$(tr -d '\r' < "$DATA/open.txt" | grep -io '^set-cookie: siteready-partner=[^;]*' | sed 's/^[^:]*: //' | head -1)
[[ "$PARTNER_PATH" == /partner/* ]] || fail "GET /p/{token} did not lead to /partner/{id} (Location: $PARTNER_PATH)"
[ -n "$PARTNER_COOKIE" ] || fail "GET /p/{token} set no siteready-partner cookie"

# ---- 5. The first GET / after the import computes and stores the rollup of every site.
rollups() { # rollups N: the first GET / after an import, which must list N sites
  R=$(curl -s -o "$DATA/home.html" -w '%{http_code} %{time_total}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$URL/")
  [ "${R%% *}" = 200 ] || fail "first GET /: HTTP ${R%% *} after ${R#* } s"
  grep -Eq "id=\"portfolio-count\">$1 sites?[ <]" "$DATA/home.html" || fail "first GET / does not list $1 sites"
  echo "first GET / (rollups of the new sites computed, $1 sites in all): ${R#* } s"
}
rollups "$SITES"

# ---- 6. The cookies, and one request per page with curl: every page must answer 2xx before it is measured.
SESSION_COOKIE=$(awk '$6 == "quarkus-credential" || $6 == "csrf-token" {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$JAR_COOKIES")
[[ "$SESSION_COOKIE" == *quarkus-credential=* ]] || fail "no session cookie (quarkus-credential) after signing up"
BOTH_COOKIES="$SESSION_COOKIE; $PARTNER_COOKIE"
MEMBER_PAGES=(summary="$URL/sites/$SITE/feasibility" portfolio="$URL/" questionnaire="$BASE" sites="$URL/sites"
  testing="$URL/sites/$SITE/projects/$PROJECT/testing" retro="$URL/sites/$SITE/projects/$PROJECT/retrospective")
FLOORS=(layout="$URL/settings/password" live="$URL/q/health/live")
[[ " ${PAGES:-} " == *" layout "* || " ${PAGES:-} " == *" live "* ]] && MEMBER_PAGES+=("${FLOORS[@]}")
PARTNER_PAGE=partner="$URL$PARTNER_PATH"
status() { curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $2" "$1"; }
check() { # check COOKIE NAME=URL...: prints each page's status, fails on any non-2xx
  local cookie=$1 pair code bad=0
  shift
  for pair in "$@"; do
    code=$(status "${pair#*=}" "$cookie")
    [[ "$code" == 2?? ]] || { echo "NON-2XX: ${pair%%=*} ${pair#*=} -> HTTP $code"; bad=1; }
  done
  return $bad
}
check "$SESSION_COOKIE" "${MEMBER_PAGES[@]}" || fail "member pages with the session cookie"
check "$PARTNER_COOKIE" "$PARTNER_PAGE" || fail "the partner page with the partner cookie"
portal() { # portal COOKIE FILE: the partner page is the partner's questionnaire (shared with the link's label)
  curl -s -o "$2" -H "Cookie: $1" "$URL$PARTNER_PATH" && grep -q '<dd>Bench partner</dd>' "$2"
}
portal "$PARTNER_COOKIE" "$DATA/partner-alone.html" || fail "GET $PARTNER_PATH with the partner cookie is not the partner's questionnaire"
: > "$DATA/both.txt"
if check "$BOTH_COOKIES" "${MEMBER_PAGES[@]}" "$PARTNER_PAGE" >"$DATA/both.txt" \
    && { portal "$BOTH_COOKIES" "$DATA/partner-both.html" || { echo "NON-PORTAL: partner $URL$PARTNER_PATH" >>"$DATA/both.txt"; false; }; }; then
  TOGETHER=1
  echo "session and partner cookie in one Cookie header: every page answers 2xx, so one ratio.sh run" \
    "(partner page: $(wc -c <"$DATA/partner-both.html") bytes with both cookies, $(wc -c <"$DATA/partner-alone.html") with the partner cookie alone)"
else
  TOGETHER=0
  echo "session and partner cookie in one Cookie header: not every page answers 2xx, so two ratio.sh runs:"
  sed 's/^/  /' "$DATA/both.txt"
fi

# ---- 6b. Bytes of a first visit to the portfolio: the page and every static file it links, compressed as a browser asks.
first_visit() {
  local body=0 head=0 b h address
  for address in / $(curl -fs -H "Cookie: $SESSION_COOKIE" "$URL/" | grep -o '\(href\|src\)="/\(static\|webjars\)/[^"]*"' | cut -d'"' -f2 | sort -u); do
    read -r b h < <(curl -fs -o /dev/null -w '%{size_download} %{size_header}\n' -H "Cookie: $SESSION_COOKIE" \
      -H 'Accept-Encoding: gzip, deflate, br' "$URL${address//&amp;/&}")
    [ "$address" = / ] && echo "  the portfolio page: $b bytes"
    body=$((body + b)); head=$((head + h))
  done
  echo "first visit to the portfolio: $body bytes of bodies, $head bytes of headers"
}
first_visit

if [ -n "${HOLD:-}" ]; then  # HOLD=1: keep the app running for a profiler or a browser, until Ctrl-C
  printf 'app pid %s on %s (log %s)\nCOOKIE=%q\nPARTNER_COOKIE=%q\n' "$APP" "$URL" "$LOG" "$SESSION_COOKIE" "$PARTNER_COOKIE"
  printf '%s\n' "${MEMBER_PAGES[@]}" "$PARTNER_PAGE"
  wait "$APP" || true
  exit 0
fi

# ---- 7. The measurements.
echo "$SITES sites; $(nproc) cores, $(java -version 2>&1 | head -1); CONNS=${CONNS:-default} DUR=${DUR:-default} WARM=${WARM:-default}; load generator on the same machine"
STATUS=0
chosen() { # chosen NAME=URL...: the pairs whose name is in PAGES (all when PAGES is empty)
  local pair
  for pair in "$@"; do [[ -z "${PAGES:-}" || " $PAGES " == *" ${pair%%=*} "* ]] && echo "$pair"; done; true
}
mapfile -t MEASURE_MEMBER < <(chosen "${MEMBER_PAGES[@]:0:3}" "$PARTNER_PAGE" "${MEMBER_PAGES[@]:3}")
mapfile -t MEASURE_SESSION < <(chosen "${MEMBER_PAGES[@]}")
mapfile -t MEASURE_PARTNER < <(chosen "$PARTNER_PAGE")
if [ "$TOGETHER" = 1 ]; then
  [ ${#MEASURE_MEMBER[@]} = 0 ] || COOKIE="$BOTH_COOKIES" "$RATIO" "${MEASURE_MEMBER[@]}" || STATUS=$?
else
  [ ${#MEASURE_SESSION[@]} = 0 ] || COOKIE="$SESSION_COOKIE" "$RATIO" "${MEASURE_SESSION[@]}" || STATUS=$?
  [ "$STATUS" != 0 ] || [ ${#MEASURE_PARTNER[@]} = 0 ] || COOKIE="$PARTNER_COOKIE" "$RATIO" "${MEASURE_PARTNER[@]}" || STATUS=$?
fi
[ "$STATUS" = 0 ] || echo "ratio.sh FAILED (exit $STATUS)"

# ---- 7b. Latency with USERS users and think time (docs/bench/think.lua), then the portfolio with LARGE sites.
USERS=${USERS:-100}; LAT_DUR=${LAT_DUR:-30}; LAT_WARM=${LAT_WARM:-30}; LARGE=${LARGE:-5000}
LUA="$(pwd)/docs/bench/think.lua"
latency() { # latency LABEL COOKIE URL: one line of p50 / p90 / p99 / requests per second / non-2xx answers
  local out pct
  # The page alone first, as ratio.sh warms it, so that its measurement starts with the page's code compiled by the JIT:
  # the retrospective page took about a minute of load before C2 was done with it, and its p99 at 100 users fell from
  # 200 ms to 38 ms over that minute (docs/performance.md).
  wrk -t2 -c8 -d"${LAT_WARM}s" -H "Cookie: $2" "$3" >/dev/null
  out=$(wrk -t2 -c"$USERS" -d"${LAT_DUR}s" --timeout 10s --latency -s "$LUA" -H "Cookie: $2" "$3")
  pct() { echo "$out" | awk -v p="$1" '$1 == p {print $2}'; }
  local bad; bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-22s %9s %9s %9s %8s %6s\n' "$1" "$(pct 50%)" "$(pct 90%)" "$(pct 99%)" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "${bad:-0}"
  [ -z "$bad" ]
}
echo "latency: $USERS users, think time 0.5-1.5 s, ${LAT_DUR} s per page"
printf '%-22s %9s %9s %9s %8s %6s\n' page p50 p90 p99 'req/s' non2xx
for pair in "${MEASURE_SESSION[@]}"; do latency "${pair%%=*} ($SITES sites)" "$SESSION_COOKIE" "${pair#*=}" || STATUS=1; done
for pair in "${MEASURE_PARTNER[@]}"; do latency "${pair%%=*}" "$PARTNER_COOKIE" "${pair#*=}" || STATUS=1; done
if [ "$LARGE" -gt "$SITES" ] && [[ -z "${PAGES:-}" || " $PAGES " == *" portfolio "* ]]; then
  import_sites $((SITES + 1)) "$LARGE"
  rollups "$LARGE"
  wrk -t2 -c8 -d"${WARM:-20}s" -H "Cookie: $SESSION_COOKIE" "$URL/" >/dev/null  # warm-up, as ratio.sh does
  latency "portfolio ($LARGE sites)" "$SESSION_COOKIE" "$URL/" || STATUS=1
fi

# ---- 8. Afterwards: the pages still answer 2xx with the same cookies, and the server logged no errors.
if [ "$TOGETHER" = 1 ]; then
  check "$BOTH_COOKIES" "${MEMBER_PAGES[@]}" "$PARTNER_PAGE" || STATUS=1
else
  check "$SESSION_COOKIE" "${MEMBER_PAGES[@]}" || STATUS=1
  check "$PARTNER_COOKIE" "$PARTNER_PAGE" || STATUS=1
fi
ERRORS=$(grep -c ' ERROR ' "$LOG" || true)
echo "errors in the server log ($LOG): $ERRORS"
[ "$ERRORS" = 0 ] || grep -A5 ' ERROR ' "$LOG" | head -40
exit $STATUS
