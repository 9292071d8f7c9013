#!/usr/bin/env bash
# Import throughput end to end (docs/benchmarks.md, "Import"): builds the server and the CLI in Release, generates
# N synthetic messages (`rapport generate`, deterministic), starts the server on a fresh database, imports the file
# with `rapport import` (a cold server), then a second file (seed 2, a warm server), and prints messages/s and the
# server's CPU seconds for each.
#
#   bench/import/run.sh sqlite [MESSAGES]
#   RAPPORT_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" bench/import/run.sh postgresql [MESSAGES]
#
# PostgreSQL needs a connection string whose user may create databases; a database is created and dropped.
set -euo pipefail
provider=${1:-sqlite}
messages=${2:-50000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/artifacts/bench-import"
work=$(mktemp -d /tmp/rapport-bench-import.XXXXXX)
pid=""
database=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$database" ]; then
    psql "$(admin_url)" -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# psql takes a URI; the .NET connection string's Host/Port/Username/Database become one.
admin_url() {
  local host port user db
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$RAPPORT_BENCH_POSTGRES")
  port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$RAPPORT_BENCH_POSTGRES")
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$RAPPORT_BENCH_POSTGRES")
  db=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$RAPPORT_BENCH_POSTGRES")
  echo "postgresql://${user:-postgres}@${host:-127.0.0.1}:${port:-5432}/${db:-postgres}"
}

dotnet build "$root/src/Rapport.Server/Rapport.Server.csproj" -c Release -o "$out/server" -nologo -v quiet -clp:ErrorsOnly
dotnet build "$root/src/Rapport.Cli/Rapport.Cli.csproj" -c Release -o "$out/cli" -nologo -v quiet -clp:ErrorsOnly
rapport() { dotnet "$out/cli/rapport.dll" "$@"; }
rapport generate "$work/cold.jsonl" --messages "$messages" --seed 1
rapport generate "$work/warm.jsonl" --messages "$messages" --seed 2

case "$provider" in
  sqlite)
    args=(--Rapport:Database:Provider Sqlite --ConnectionStrings:Rapport "Data Source=$work/rapport.db") ;;
  postgresql)
    : "${RAPPORT_BENCH_POSTGRES:?set RAPPORT_BENCH_POSTGRES to an admin connection string}"
    database="rapport_bench_$$"
    psql "$(admin_url)" -qc "CREATE DATABASE \"$database\"" >/dev/null
    args=(--Rapport:Database:Provider PostgreSql --ConnectionStrings:Rapport "$(sed "s/Database=[^;]*/Database=$database/" <<<"$RAPPORT_BENCH_POSTGRES")") ;;
  *) echo "usage: $0 sqlite|postgresql [MESSAGES]" >&2; exit 2 ;;
esac

dotnet "$out/server/Rapport.Server.dll" --urls http://127.0.0.1:0 "${args[@]}" --Rapport:Database:SeedDemo false \
  --Logging:LogLevel:Default Warning >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do grep -q '^Demo API key' "$work/server.log" && break; sleep 0.5; done
url=$(sed -n 's/^Rapport desk: \(http[^ ]*\).*/\1/p' "$work/server.log")
key=$(sed -n 's/^Demo API key (admin): \(rpt_[^ ]*\).*/\1/p' "$work/server.log")
[ -n "$url" ] && [ -n "$key" ] || { cat "$work/server.log" >&2; echo "the server did not start" >&2; exit 1; }

cpu() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$pid/stat"; }
echo "provider: $provider, $messages messages per file, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in cold warm; do
  before=$(cpu)
  rapport import "$work/$run.jsonl" --server "$url" --key "$key"
  echo "  $run server: $(awk -v a="$before" -v b="$(cpu)" 'BEGIN {printf "%.1f", b - a}') CPU seconds in the server"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
