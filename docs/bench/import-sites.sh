# Sourced by the bench scripts: import_sites FROM TO creates sites "Bench Hospital FROM" to "Bench Hospital TO" (template
# "Lab results") through the import page, CHUNK a request; a 303 to the site list means all of a chunk were created.
# Needs from the caller: URL, DATA (a scratch folder), JAR_COOKIES (a signed-in cookie jar), CHUNK, csrf (prints the
# CSRF token) and fail (prints its arguments with the server's errors and exits).
import_sites() {
  local from to i R
  for from in $(seq "$1" "$CHUNK" "$2"); do
    to=$((from + CHUNK - 1 > $2 ? $2 : from + CHUNK - 1))
    { echo "name,ehr_vendor,time_zone,template,contact_name"
      for i in $(seq "$from" "$to"); do echo "Bench Hospital $i,Epic,America/Chicago,Lab results,Pat $i"; done; } > "$DATA/sites.csv"
    R=$(curl -s -o "$DATA/import.html" -w '%{http_code} %{time_total}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" \
      --data-urlencode "csrf-token=$(csrf)" --data-urlencode "csv@$DATA/sites.csv" "$URL/sites/import")
    [ "${R%% *}" = 303 ] || { grep -o 'class="[^"]*error[^"]*"[^<]*' "$DATA/import.html" | head; fail "POST /sites/import (sites $from-$to): HTTP ${R%% *}"; }
    echo "import of sites $from-$to (POST /sites/import): ${R#* } s"
  done
}
