#!/usr/bin/env bash
# The desk at scale: fills a database with a synthetic archive (100,000 conversations / about 1,000,000 messages by
# default), starts the real server on it as its own process, and measures the inbox, conversation detail, the analyze
# endpoint and the server's memory. Figures go to docs/benchmarks.md ("The desk at scale").
#
#   bench/desk-load/run.sh [sqlite|postgresql|both]      (default both)
#   env: CONVERSATIONS=100000 MESSAGES=10 CUSTOMERS=20000 SURVEYS=50000 REQUESTS=500 CONCURRENCY=16 DURATION=10
#
# Besides the inbox it measures the analytics dashboard (issue 6): the first full rollup, timed once, then every query
# the Analytics page and its CSV export make; ANALYTICS=no skips that part.
#
# The SQLite database is kept in artifacts/desk-load/ and reused while its size parameters match (seeding takes
# minutes); so is the PostgreSQL cluster (artifacts/desk-load/postgresql, default durability settings, 127.0.0.1 only,
# started for the run and stopped on exit). SEED_ONLY=1 fills the databases without measuring.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
which=${1:-both}
conversations=${CONVERSATIONS:-100000}
messages=${MESSAGES:-10}
customers=${CUSTOMERS:-20000}
surveys=${SURVEYS:-50000}
out="$root/artifacts/desk-load"
mkdir -p "$out"

if ! command -v wrk >/dev/null && [ "$(id -u)" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk </dev/null >/dev/null 2>&1 || echo "(wrk not installed; the .NET load client alone measures analyze)"
fi
echo "building the server and the load tool (Release)..."
dotnet build src/Rapport.Server -c Release -o "$out/server" --nologo -v quiet -p:UseArtifactsOutput=false >/dev/null
dotnet build bench/Rapport.LoadTest -c Release -o "$out/loadtest" --nologo -v quiet -p:UseArtifactsOutput=false >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

server_pid=""
pgroot=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [ -n "$pgroot" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgroot/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

measure() { # provider connection-string key-file
  local port; port=$(free_port)
  # The load test's lead signs in to the workspace for the inbox page measurement.
  dotnet "$out/loadtest/rapport-loadtest.dll" set-password --provider "$1" --connection "$2" \
    --email agent1@example.com --password load-test-lead
  dotnet "$out/server/Rapport.Server.dll" --urls "http://127.0.0.1:$port" --Rapport:Database:Provider "$1" \
    --ConnectionStrings:Rapport "$2" --Rapport:Database:SeedDemo false --Rapport:RateLimit:PermitLimit 1000000 \
    --Rapport:Analytics:Enabled false \
    --Logging:LogLevel:Default Warning >"$out/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/openapi/v1.json" >/dev/null 2>&1 && break
    sleep 0.5
  done
  echo "== $1: $conversations conversations, server pid $server_pid on 127.0.0.1:$port"
  dotnet "$out/loadtest/rapport-loadtest.dll" measure --url "http://127.0.0.1:$port" --key-file "$3" \
    --conversations "$conversations" --requests "${REQUESTS:-500}" --concurrency "${CONCURRENCY:-16}" \
    --duration "${DURATION:-10}" --pid "$server_pid" --analytics "${ANALYTICS:-yes}" --agent-email agent1@example.com --agent-password load-test-lead
  if command -v wrk >/dev/null; then
    # wrk (C, epoll) takes less of the shared 2 cores than the .NET client, so the server gets closer to its own limit.
    echo "wrk, analyze (1 thread, ${CONCURRENCY:-16} connections, ${DURATION:-10} s):"
    RAPPORT_KEY=$(cat "$3") wrk -t1 -c"${CONCURRENCY:-16}" -d"${DURATION:-10}s" --latency -s "$root/bench/desk-load/analyze.lua" \
      "http://127.0.0.1:$port/api/v1/analyze" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors" || true
    grep -E "^(VmRSS|VmHWM)" "/proc/$server_pid/status" | sed 's/^/server after wrk: /'
  fi
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

if [ "$which" = sqlite ] || [ "$which" = both ]; then
  db="$out/sqlite/rapport.db"
  stamp="$out/sqlite/seeded-$conversations-$messages-$customers-$surveys"
  if [ ! -f "$stamp" ]; then
    rm -rf "$out/sqlite"; mkdir -p "$out/sqlite"
    echo "seeding SQLite ($db)..."
    dotnet "$out/loadtest/rapport-loadtest.dll" seed --provider Sqlite --connection "Data Source=$db" \
      --conversations "$conversations" --messages "$messages" --customers "$customers" --surveys "$surveys" --key-file "$out/sqlite/key"
    touch "$stamp"
  fi
  echo "database file: $(du -h "$db" | cut -f1)"
  [ "${SEED_ONLY:-0}" = 1 ] || measure Sqlite "Data Source=$db" "$out/sqlite/key"
fi

if [ "$which" = postgresql ] || [ "$which" = both ]; then
  pgbin=""
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && pgbin=$dir; done
  [ -n "$pgbin" ] || { echo "run.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
  # Kept in artifacts/desk-load/postgresql like the SQLite file (seeding takes minutes); stopped on exit.
  pgroot="$out/postgresql"
  stamp="$pgroot/seeded-$conversations-$messages-$customers-$surveys"
  if [ ! -f "$stamp" ]; then
    rm -rf "$pgroot"; mkdir -p "$pgroot/data" "$pgroot/sock"; chown -R postgres: "$pgroot"
    runuser -u postgres -- "$pgbin/initdb" -D "$pgroot/data" -A trust -U postgres -E UTF8 >/dev/null
  fi
  port=$(free_port)
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w \
    -o "-p $port -k $pgroot/sock -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" start >/dev/null
  cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=rapport"
  if [ ! -f "$stamp" ]; then
    runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres rapport
    echo "seeding PostgreSQL $("$pgbin/pg_ctl" --version | awk '{print $3}')..."
    dotnet "$out/loadtest/rapport-loadtest.dll" seed --provider PostgreSql --connection "$cs" \
      --conversations "$conversations" --messages "$messages" --customers "$customers" --surveys "$surveys" --key-file "$pgroot/key"
    runuser -u postgres -- psql -h 127.0.0.1 -p "$port" -U postgres -d rapport -qc "VACUUM ANALYZE" >/dev/null
    touch "$stamp"
  fi
  [ "${SEED_ONLY:-0}" = 1 ] && exit 0
  measure PostgreSql "$cs" "$pgroot/key"
fi
