#!/bin/sh
# HTTP benchmark: creneau-server --demo-size large against a bare Qt HttpServer "hello" route,
# with wrk at 50 connections. Prints throughput, p99 and the ratios to the bare route.
# Usage: tests/bench/bench_http.sh BUILD_DIR [DURATION]
set -eu
build=${1:?usage: bench_http.sh BUILD_DIR [DURATION]}
duration=${2:-10s}
server_bin="$build/app/creneau-server"
hello_bin="$build/tests/bench/http/bench_hello_server"
for b in "$server_bin" "$hello_bin"; do
    [ -x "$b" ] || { echo "missing $b (build it first)" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pids=""
cleanup() { for p in $pids; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT INT TERM

# Starts "$@" in the background and echoes the port it prints.
start() {
    log="$work/$(basename "$1").log"
    "$@" >"$log" 2>&1 &
    pids="$pids $!"
    i=0
    while ! grep -q 'Listening on' "$log"; do
        i=$((i + 1)); [ $i -lt 600 ] || { echo "timeout starting $1" >&2; cat "$log" >&2; exit 1; }
        sleep 0.5
    done
    sed -n 's/.*Listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$log" | head -n1
}

# Runs wrk and prints "requests_per_second p99_ms".
measure() {
    out=$(wrk -c50 -t2 -d"$duration" --latency "$1")
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
    errors=$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')
    echo "$rps $p99 ${errors:-0}"
}

hello_port=$(start "$hello_bin")
server_port=$(start "$server_bin" --data "$work/data" --listen 127.0.0.1:0 --demo-size large --rate-limit 0 \
    --max-bookings-per-hour 0 --max-per-client 100)
base="http://127.0.0.1:$server_port"
slug=departement-bench
motif=$(curl -s "$base/api/v1/public/$slug/motifs" | grep -o "\"bookable_by\":\"everyone\",[^}]*\"id\":[0-9]*" | head -n1 | sed "s/.*\"id\"://")
[ -n "$motif" ] || { echo "no motif found" >&2; exit 1; }
monday=$(date -d "next monday" +%F)
sunday=$(date -d "$monday + 6 days" +%F)
api="$base/api/v1/public/$slug/motifs/$motif/creneaux?from=$monday&to=$sunday"
page="$base/rdv/$slug/motif/$motif?semaine=$monday"
curl -sf "$api" >/dev/null && curl -sf "$page" >/dev/null

set -- $(measure "http://127.0.0.1:$hello_port/hello"); hello_rps=$1; hello_p99=$2
set -- $(measure "$api"); api_rps=$1; api_p99=$2; api_err=$3
set -- $(measure "$page"); page_rps=$1; page_p99=$2; page_err=$3

printf '%-22s %12s %10s %8s\n' "route" "req/s" "p99 (ms)" "ratio"
printf '%-22s %12s %10s %8s\n' "bare hello" "$hello_rps" "$hello_p99" "1.00"
printf '%-22s %12s %10s %8s\n' "creneaux API" "$api_rps" "$api_p99" \
    "$(awk -v a="$api_rps" -v b="$hello_rps" 'BEGIN{printf "%.2f", a/b}')"
printf '%-22s %12s %10s %8s\n' "creneaux page" "$page_rps" "$page_p99" \
    "$(awk -v a="$page_rps" -v b="$hello_rps" 'BEGIN{printf "%.2f", a/b}')"
echo "non-2xx: api=$api_err page=$page_err"

# Bookings through POST .../rdvs: every créneau of two weeks, tried by 50 connections at once
# (two wrk threads walk the same list, so each créneau is also fought over).
curl -s "$base/api/v1/public/$slug/motifs/$motif/creneaux?from=$monday&to=$sunday" >"$work/creneaux.json"
offered=$(grep -o '"starts_at"' "$work/creneaux.json" | wc -l)
book_out=$(CRENEAUX_FILE="$work/creneaux.json" MOTIF_ID=$motif \
    wrk -c50 -t2 -d"$duration" --latency -s "$(dirname "$0")/http/book.lua" "$base/api/v1/public/$slug/rdvs")
total=$(printf '%s\n' "$book_out" | awk '/requests in/ {print $1}')
non2xx=$(printf '%s\n' "$book_out" | awk '/Non-2xx/ {print $NF}')
created=$((total - ${non2xx:-0}))
post_rps=$(printf '%s\n' "$book_out" | awk '/Requests\/sec/ {print $2}')
post_p99=$(printf '%s\n' "$book_out" | awk '$1 == "99%" {print $2}')
# The week's capacity runs out within the run, so the 201 count is a floor, not a rate limit.
echo "bookings: $created created (201) of $total POSTs ($offered créneaux offered, several agents" \
     "each); POST throughput $post_rps req/s, p99 $post_p99"
overlaps=$(sqlite3 "$work/data/creneau.sqlite" "
  SELECT COUNT(*) FROM rdv_agents a1 JOIN rdvs r1 ON r1.id = a1.rdv_id
  JOIN rdv_agents a2 ON a2.agent_id = a1.agent_id AND a2.rdv_id > a1.rdv_id
  JOIN rdvs r2 ON r2.id = a2.rdv_id
  WHERE r1.status <> 'revoked' AND r2.status <> 'revoked'
    AND r1.starts_at < r2.ends_at AND r2.starts_at < r1.ends_at
    AND (r1.created_by = 'prescripteur' OR r2.created_by = 'prescripteur');")
echo "double bookings (an agent booked twice at once): $overlaps"
[ "$overlaps" = 0 ] || exit 1
awk -v a="$api_rps" -v b="$hello_rps" -v p="$api_p99" 'BEGIN{
    ok = (a/b >= 0.30 && p <= 20);
    printf "targets (API >= 30%% of bare, p99 <= 20 ms): %s\n", ok ? "met" : "NOT met" }'
