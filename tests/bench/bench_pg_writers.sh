#!/bin/sh
# Writers per organisation on PostgreSQL (issue #16, goal 3): two creneau-server instances on one
# durable PostgreSQL database book through POST .../rdvs, first all in one organisation, then in
# ten organisations at once (the same number of wrk connections, 50, spread over both instances).
# Prints bookings/s of each and their ratio (goal: ≥ 4), then checks in the database that no
# agent is booked twice. The organisations are copies of the large demo one (clone_organisations),
# so both runs book the same kind of créneaux; the one-organisation run books in a copy of its
# own, so the ten-organisation run finds every créneau free.
# Usage: tests/bench/bench_pg_writers.sh BUILD_DIR [DURATION]
# SERVER_BIN=path runs another creneau-server (an older build, for "before" figures) with this
# build's clone_organisations.
# The one-organisation run lasts ONE_DURATION (3s): an organisation has about 2,000 free créneaux
# for its motif over the six weeks it can be booked, and at 145 bookings/s for 10 s the earlier
# version of this bench booked them all and measured the supply, not the speed. Each run prints
# how many requests were refused (409: créneau already taken); a high share means the same.
set -eu
build=${1:?usage: bench_pg_writers.sh BUILD_DIR [DURATION]}
duration=${2:-10s}
one_duration=${ONE_DURATION:-3s}
server_bin=${SERVER_BIN:-"$build/app/creneau-server"}
clone_bin="$build/tests/bench/clone_organisations"
for b in "$server_bin" "$clone_bin"; do
    [ -x "$b" ] || { echo "missing $b (build it first)" >&2; exit 1; }
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL not installed" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    # start() runs in $(...): its variables die with it, so the servers' pids are in a file.
    [ -f "$work/pids" ] && for p in $(cat "$work/pids"); do kill "$p" 2>/dev/null || true; done
    [ -d "$work/pg" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

start() {
    log="$work/server$(cat "$work/pids" 2>/dev/null | wc -l).log"
    "$@" >"$log" 2>&1 &
    echo $! >>"$work/pids"
    i=0
    port=""
    # Until the whole line is there: "Listening on" may be read before its port is written.
    while [ -z "$port" ]; do
        i=$((i + 1)); [ $i -lt 600 ] || { echo "timeout starting $1" >&2; cat "$log" >&2; exit 1; }
        sleep 0.5
        port=$(sed -n 's/.*Listening on http:\/\/127.0.0.1:\([0-9][0-9]*\).*/\1/p' "$log" | head -n1)
    done
    echo "$port"
}

monday=$(date -d "next monday" +%F)
last=$(date -d "$monday + 41 days" +%F) # the motif's six weeks (the API allows 62 days)

motif_of() { # base slug n: the n-th motif's id
    curl -s "$1/api/v1/public/$2/motifs" | grep -o '"id":[0-9]*' | sed -n "${3}p" | sed 's/"id"://'
}

# One wrk per "base slug connections part" group, all at once; prints the bookings (201) per
# second. `part` k/m: the wrk books every m-th créneau from the k-th (book.lua), so that two wrk on
# one organisation do not fight over the same créneaux (refusals are not what is measured).
book() {
    n=0
    while [ $# -ge 4 ]; do
        base=$1 slug=$2 conns=$3 part=$4; shift 4
        n=$((n + 1))
        motif=$(motif_of "$base" "$slug" 2)
        curl -s "$base/api/v1/public/$slug/motifs/$motif/creneaux?from=$monday&to=$last" \
            >"$work/creneaux$n.json"
        CRENEAUX_FILE="$work/creneaux$n.json" MOTIF_ID=$motif CRENEAUX_PART=$part \
            wrk -c"$conns" -t1 -d"$run_for" -s "$here/http/book.lua" \
            "$base/api/v1/public/$slug/rdvs" >"$work/book$n.txt" &
    done
    wait
    cat "$work"/book*.txt | awk -v d="${run_for%s}" '
        /requests in/ {total += $1} /Non-2xx/ {bad += $NF}
        END {printf "%.0f %d\n", (total - bad) / d, total ? 100 * bad / total : 0}'
    [ -z "${KEEP_WRK:-}" ] || cat "$work"/book*.txt >>"$KEEP_WRK"
    rm -f "$work"/book*.txt
}

# The machine's CPU use between two readings of /proc/stat ("busy idle" jiffies): when the ten
# organisations' run keeps every core busy, its rate is bound by the CPU, not by any lock.
jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat; }
busy_since() { # "busy idle" of the start
    set -- $1 $(jiffies)
    awk -v b0="$1" -v i0="$2" -v b1="$3" -v i1="$4" 'BEGIN{printf "%.0f", 100 * (b1 - b0) / ((b1 - b0) + (i1 - i0))}'
}

mkdir -p "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
as_pg "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust >/dev/null
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres creneau
url="postgresql://postgres@127.0.0.1:$pgport/creneau"
limits="--rate-limit 0 --max-bookings-per-hour 0 --max-messages-per-recipient 0"
# shellcheck disable=SC2086
a="http://127.0.0.1:$(start "$server_bin" --data "$work/pg1" --db "$url" --listen 127.0.0.1:0 \
    --demo-size large $limits)"
# shellcheck disable=SC2086
b="http://127.0.0.1:$(start "$server_bin" --data "$work/pg2" --db "$url" --listen 127.0.0.1:0 $limits)"
slugs="departement-bench $("$clone_bin" "$url" departement-bench 10 | tr '\n' ' ')"

# One organisation (the last copy): 25 connections on each instance.
alone=$(echo "$slugs" | awk '{print $NF}')
start_cpu=$(jiffies)
run_for=$one_duration
set -- $(book "$a" "$alone" 25 1/2 "$b" "$alone" 25 2/2)
one=$1 one_refused=$2
one_cpu=$(busy_since "$start_cpu")
# Ten organisations (the others), 5 connections each, alternately on one instance and the other.
set --
k=0
for s in $(echo "$slugs" | awk '{$NF=""; print}'); do
    if [ $((k % 2)) = 0 ]; then set -- "$@" "$a" "$s" 5 1/1; else set -- "$@" "$b" "$s" 5 1/1; fi
    k=$((k + 1))
done
start_cpu=$(jiffies)
run_for=$duration
set -- $(book "$@")
ten=$1 ten_refused=$2
ten_cpu=$(busy_since "$start_cpu")

overlaps=$(as_pg psql -h 127.0.0.1 -p "$pgport" -U postgres -d creneau -Atc "
  SELECT COUNT(*) FROM rdv_agents a1 JOIN rdvs r1 ON r1.id = a1.rdv_id
  JOIN rdv_agents a2 ON a2.agent_id = a1.agent_id AND a2.rdv_id > a1.rdv_id
  JOIN rdvs r2 ON r2.id = a2.rdv_id
  WHERE r1.status <> 'revoked' AND r2.status <> 'revoked'
    AND r1.starts_at < r2.ends_at AND r2.starts_at < r1.ends_at")

printf '%-52s %10s   CPU %s %% busy (%s cores), %s %% refused, %s\n' \
    "bookings/s, 2 instances, 1 organisation" "$one" "$one_cpu" "$(nproc)" "$one_refused" \
    "$one_duration"
printf '%-52s %10s   CPU %s %% busy, %s %% refused, %s\n' \
    "bookings/s, 2 instances, 10 organisations at once" "$ten" "$ten_cpu" "$ten_refused" "$duration"
awk -v a="$ten" -v b="$one" 'BEGIN{printf "%-52s %10.2f\n", "10 organisations / 1 (goal ≥ 4)", a/b}'
echo "double bookings on PostgreSQL: $overlaps"
[ "$overlaps" = 0 ]
