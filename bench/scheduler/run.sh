#!/usr/bin/env bash
# Scheduler throughput across a crash (docs/benchmarks.md, "Scheduler"): N due sla.check rows (default 10,000) are
# seeded into a fresh database while the real server runs as its own process (Quartz sweep every 500 ms); all fall due
# at once, the server is SIGKILLed when half are done, a new process on the same database finishes them, and every row
# must end done exactly once (one warning and one breach alert per conversation). Prints the elapsed time from "due"
# to "all done" (including the kill and the restart) and the load average, since the machine is shared.
#
#   bench/scheduler/run.sh [sqlite|postgresql|both] [ROWS]
#   RAPPORT_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" bench/scheduler/run.sh postgresql
#
# It runs KillDuringSweepTests (tests/Rapport.Server.Tests/Sla) with RAPPORT_SWEEP_ROWS and the shipped batch size
# (RAPPORT_SWEEP_BATCH=200; the test suite uses 50); PostgreSQL needs a connection
# string whose user may create databases (a database is created and dropped).
set -euo pipefail
which=${1:-both}
rows=${2:-10000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
case "$which" in
  sqlite) filter="FullyQualifiedName~KillDuringSweepTestsOnSqlite" ;;
  postgresql) filter="FullyQualifiedName~KillDuringSweepTestsOnPostgreSql" ;;
  both) filter="FullyQualifiedName~KillDuringSweepTests" ;;
  *) echo "usage: bench/scheduler/run.sh [sqlite|postgresql|both] [ROWS]" >&2; exit 2 ;;
esac

dotnet build "$root/tests/Rapport.Server.Tests" -c Release -clp:ErrorsOnly -v quiet >/dev/null
echo "before: $(uptime)"
RAPPORT_SWEEP_ROWS=$rows RAPPORT_SWEEP_BATCH=${RAPPORT_SWEEP_BATCH:-200} dotnet test "$root/tests/Rapport.Server.Tests" -c Release --no-build --filter "$filter" \
  --logger "console;verbosity=detailed" | grep -E "sweep:|Passed!|Failed!|Error Message" || true
echo "after:  $(uptime)"
