#!/bin/sh
# SQLite against PostgreSQL, same run, same machine: bookings per second through
# POST .../rdvs with one instance on SQLite and with two instances on one PostgreSQL database,
# and the créneaux API's throughput on each engine. PostgreSQL runs in a throw-away cluster
# (durable: fsync on), as `postgres` when run as root.
# Usage: tests/bench/bench_engines.sh BUILD_DIR [DURATION]
set -eu
build=${1:?usage: bench_engines.sh BUILD_DIR [DURATION]}
duration=${2:-5s}
server_bin="$build/app/creneau-server"
[ -x "$server_bin" ] || { echo "missing $server_bin (build it first)" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL not installed" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
chmod 755 "$work"
pids=""
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    [ -d "$work/pg" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

start() {
    log="$work/server$(echo "$pids" | wc -w).log"
    "$@" >"$log" 2>&1 &
    pids="$pids $!"
    i=0
    while ! grep -q 'Listening on' "$log"; do
        i=$((i + 1)); [ $i -lt 600 ] || { echo "timeout starting $1" >&2; cat "$log" >&2; exit 1; }
        sleep 0.5
    done
    sed -n 's/.*Listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$log" | head -n1
}

slug=departement-bench
monday=$(date -d "next monday" +%F)
last=$(date -d "$monday + 27 days" +%F)

# Prints "created_per_second post_p99" for wrk runs against each base URL given, in parallel.
book() {
    motif=$1; shift
    curl -s "$1/api/v1/public/$slug/motifs/$motif/creneaux?from=$monday&to=$last" >"$work/creneaux.json"
    n=0
    for base in "$@"; do
        n=$((n + 1))
        CRENEAUX_FILE="$work/creneaux.json" MOTIF_ID=$motif \
            wrk -c$((50 / $#)) -t1 -d"$duration" --latency -s "$here/http/book.lua" \
            "$base/api/v1/public/$slug/rdvs" >"$work/book$n.txt" &
    done
    wait
    cat "$work"/book*.txt | awk -v d="${duration%s}" '
        /requests in/ {total += $1} /Non-2xx/ {bad += $NF}
        END {printf "%.0f\n", (total - bad) / d}'
    rm -f "$work"/book*.txt
}

api_rps() {
    wrk -c50 -t2 -d"$duration" "$1/api/v1/public/$slug/motifs/$2/creneaux?from=$monday&to=$last" |
        awk '/Requests\/sec/ {print $2}'
}

motif_of() {
    curl -s "$1/api/v1/public/$slug/motifs" | grep -o '"id":[0-9]*' | sed -n "${2}p" | sed 's/"id"://'
}

# SQLite: one instance.
sqlite_port=$(start "$server_bin" --data "$work/sqlite" --listen 127.0.0.1:0 --demo-size large --rate-limit 0)
sqlite_base="http://127.0.0.1:$sqlite_port"
m1=$(motif_of "$sqlite_base" 1)
m2=$(motif_of "$sqlite_base" 2)
sqlite_api=$(api_rps "$sqlite_base" "$m1")
sqlite_book=$(book "$m2" "$sqlite_base")

# PostgreSQL: a durable throw-away cluster, two instances on one database.
mkdir -p "$work/pg" && chown postgres "$work/pg" 2>/dev/null || true
as_pg "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust >/dev/null
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres creneau
url="postgresql://postgres@127.0.0.1:$pgport/creneau"
pg1=$(start "$server_bin" --data "$work/pg1" --db "$url" --listen 127.0.0.1:0 --demo-size large --rate-limit 0)
pg2=$(start "$server_bin" --data "$work/pg2" --db "$url" --listen 127.0.0.1:0 --rate-limit 0)
pg_api=$(api_rps "http://127.0.0.1:$pg1" "$m1")
pg_book=$(book "$m2" "http://127.0.0.1:$pg1" "http://127.0.0.1:$pg2")
overlaps=$(as_pg psql -h 127.0.0.1 -p "$pgport" -U postgres -d creneau -Atc "
  SELECT COUNT(*) FROM rdv_agents a1 JOIN rdvs r1 ON r1.id = a1.rdv_id
  JOIN rdv_agents a2 ON a2.agent_id = a1.agent_id AND a2.rdv_id > a1.rdv_id
  JOIN rdvs r2 ON r2.id = a2.rdv_id
  WHERE r1.status <> 'revoked' AND r2.status <> 'revoked'
    AND r1.starts_at < r2.ends_at AND r2.starts_at < r1.ends_at")

printf '%-44s %10s\n' "bookings/s, 1 instance on SQLite" "$sqlite_book"
printf '%-44s %10s\n' "bookings/s, 2 instances on PostgreSQL" "$pg_book"
printf '%-44s %10s\n' "créneaux API req/s, SQLite" "$sqlite_api"
printf '%-44s %10s\n' "créneaux API req/s, PostgreSQL" "$pg_api"
awk -v a="$pg_api" -v b="$sqlite_api" 'BEGIN{printf "%-44s %10.2f\n", "créneaux API, PostgreSQL / SQLite", a/b}'
echo "double bookings on PostgreSQL: $overlaps"
[ "$overlaps" = 0 ]
