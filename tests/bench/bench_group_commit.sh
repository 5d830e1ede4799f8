#!/bin/sh
# Bookings over HTTP by 50 concurrent clients booking distinct créneaux of one organisation on
# SQLite (synchronous=FULL), with group commit (--booking-group 64) and without (1), beside the
# raw rate of single-row durable transactions on the same disk (bench_core), same run.
# Usage: tests/bench/bench_group_commit.sh BUILD_DIR [DURATION] [DIR]
set -eu
build=${1:?usage: bench_group_commit.sh BUILD_DIR [DURATION] [DIR]}
duration=${2:-10s}
parent=${3:-${TMPDIR:-/tmp}}
server_bin="$build/app/creneau-server"
core_bin="$build/tests/bench/bench_core"
for b in "$server_bin" "$core_bin"; do
    [ -x "$b" ] || { echo "missing $b (build it first)" >&2; exit 1; }
done
for t in wrk jq sqlite3; do
    command -v $t >/dev/null || { echo "$t not found (apt-get install $t)" >&2; exit 1; }
done
work=$(mktemp -d "$parent/bench-group.XXXXXX")
pid=""
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
slug=departement-bench

run() { # $1: group size; prints "created seconds"
    rm -rf "$work/data"
    "$server_bin" --data "$work/data" --listen 127.0.0.1:0 --demo-size large --rate-limit 0 \
        --max-bookings-per-hour 0 --max-per-client 64 --booking-group "$1" >"$work/server.log" 2>&1 &
    pid=$!
    i=0
    while ! grep -q 'Listening on' "$work/server.log"; do
        i=$((i + 1)); [ $i -lt 600 ] || { cat "$work/server.log" >&2; exit 1; }
        sleep 0.5
    done
    port=$(sed -n 's/.*Listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n1)
    base="http://127.0.0.1:$port/api/v1/public/$slug"
    from=$(date -d "+2 days" +%F); to=$(date -d "+60 days" +%F)
    : >"$work/bodies"
    for motif in $(curl -s "$base/motifs" | jq '.[].id'); do
        curl -s "$base/motifs/$motif/creneaux?from=$from&to=$to" | jq -c --argjson m "$motif" '
            def name: [recurse(if . >= 26 then (. / 26 | floor) else empty end) | . % 26 + 97]
                      | implode;
            to_entries[] | {motif_id: $m, starts_at: .value.starts_at, lieu_id: .value.lieu_id,
              booked_by: "prescripteur",
              prescripteur: {first_name: "Paul", last_name: "Bench", email: "paul@bench.example.fr"},
              usager: {first_name: "Usager", last_name: ("Bench " + (($m * 10000 + .key) | name)),
                       phone: "0612345678"}}' >>"$work/bodies"
    done
    before=$(sqlite3 "$work/data/creneau.sqlite" "SELECT COUNT(*) FROM rdvs")
    start=$(date +%s.%N)
    BODIES_FILE="$work/bodies" THREADS=2 wrk -c50 -t2 -d"$duration" \
        -s "$(dirname "$0")/http/book_distinct.lua" "$base/rdvs" >"$work/wrk.out"
    end=$(date +%s.%N)
    after=$(sqlite3 "$work/data/creneau.sqlite" "SELECT COUNT(*) FROM rdvs")
    doubles=$(sqlite3 "$work/data/creneau.sqlite" "SELECT COUNT(*) FROM rdvs a JOIN rdv_agents x ON x.rdv_id = a.id JOIN rdv_agents y ON y.agent_id = x.agent_id JOIN rdvs b ON b.id = y.rdv_id WHERE a.id < b.id AND a.status <> 'revoked' AND b.status <> 'revoked' AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at")
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    echo "$((after - before)) $(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}') $(wc -l <"$work/bodies") $doubles"
}

set -- $(run 64); grouped=$1; grouped_s=$2; offered=$3; grouped_doubles=$4
set -- $(run 1); single=$1; single_s=$2; single_doubles=$4
raw=$("$core_bin" --queries 1 --bookings 300 --dir "$work" | awk '/raw single-row/ {print $(NF-2)}')
g_rate=$(awk -v n="$grouped" -v s="$grouped_s" 'BEGIN{printf "%.0f", n/s}')
s_rate=$(awk -v n="$single" -v s="$single_s" 'BEGIN{printf "%.0f", n/s}')
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw single-row durable transactions, same disk: $raw/s"
echo "bookings (201) by 50 clients, distinct créneaux ($offered offered):"
echo "  group commit (64):  $g_rate/s ($grouped in ${grouped_s}s), $(awk -v a="$g_rate" -v b="$raw" 'BEGIN{printf "%.0f", 100*a/b}')% of raw (goal >= 100%), double bookings: $grouped_doubles"
echo "  one by one (1):     $s_rate/s ($single in ${single_s}s), $(awk -v a="$s_rate" -v b="$raw" 'BEGIN{printf "%.0f", 100*a/b}')% of raw, double bookings: $single_doubles"
