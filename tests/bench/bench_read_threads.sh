#!/bin/sh
# Reads served by other threads while the server books (issue #16): creneau-server
# --demo-size large with --read-threads 0 (the server's thread answers everything) and then N,
# each time 40 connections asking for créneaux lists (motifs and weeks at random, so that
# answers are computed) while 10 connections book. Prints both rates and the créneaux p99.
# Usage: tests/bench/bench_read_threads.sh BUILD_DIR [DURATION] [THREADS]
set -eu
build=${1:?usage: bench_read_threads.sh BUILD_DIR [DURATION] [THREADS]}
duration=${2:-10s}
threads=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
server_bin="${SERVER_BIN:-$build/app/creneau-server}"
[ -x "$server_bin" ] || { echo "missing $server_bin (build it first)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pid=""
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

slug=departement-bench
monday=$(date -d "next monday" +%F)

run() {
    rm -rf "$work/data"
    "$server_bin" --data "$work/data" --listen 127.0.0.1:0 --demo-size large --rate-limit 0 \
        --max-bookings-per-hour 0 --max-per-client 100 --read-threads "$1" >"$work/server.log" 2>&1 &
    pid=$!
    i=0
    while ! grep -q 'Listening on' "$work/server.log"; do
        i=$((i + 1)); [ $i -lt 600 ] || { echo "timeout starting the server" >&2; exit 1; }
        sleep 0.5
    done
    port=$(sed -n 's/.*Listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n1)
    base="http://127.0.0.1:$port"
    motifs=$(curl -s "$base/api/v1/public/$slug/motifs" | grep -o '"bookable_by":"everyone",[^}]*"id":[0-9]*' | sed 's/.*"id"://' | paste -sd, -)
    motif=${motifs%%,*}
    curl -s "$base/api/v1/public/$slug/motifs/$motif/creneaux?from=$monday&to=$(date -d "$monday + 13 days" +%F)" >"$work/creneaux.json"
    CRENEAUX_FILE="$work/creneaux.json" MOTIF_ID=$motif \
        wrk -c10 -t1 -d"$duration" -s "$here/http/book.lua" "$base/api/v1/public/$slug/rdvs" >"$work/book.out" &
    book=$!
    SLUG=$slug MOTIF_IDS=$motifs MONDAY=$monday WEEKS=6 \
        wrk -c40 -t1 -d"$duration" --latency -s "$here/http/creneaux_weeks.lua" "$base" >"$work/read.out"
    wait "$book"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    reads=$(awk '/Requests\/sec/ {print $2}' "$work/read.out")
    read_errors=$(awk '/Non-2xx/ {print $NF}' "$work/read.out")
    p99=$(awk '$1 == "99%" {print $2}' "$work/read.out")
    total=$(awk '/requests in/ {print $1}' "$work/book.out")
    refused=$(awk '/Non-2xx/ {print $NF}' "$work/book.out")
    secs=$(awk '/requests in/ {sub(/s,/,"",$4); print $4}' "$work/book.out")
    booked=$(awk -v t="$total" -v r="${refused:-0}" -v s="$secs" 'BEGIN{printf "%.0f", (t-r)/s}')
    printf '%-14s %14s %12s %16s %12s\n' "$1" "$reads" "$p99" "$booked" "${read_errors:-0}"
    echo "$reads" >"$work/reads.$1"
}

printf '%-14s %14s %12s %16s %12s\n' "read threads" "créneaux/s" "p99" "bookings 201/s" "non-2xx"
run 0
run "$threads"
awk -v a="$(cat "$work/reads.0")" -v b="$(cat "$work/reads.$threads")" \
    'BEGIN{printf "créneaux answers with %s read threads / without: %.2f\n", "'"$threads"'", b/a}'
