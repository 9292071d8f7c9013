#!/usr/bin/env bash
# Runs Rapport's whole test suite. This is the README's test command, and .ci/run calls it.
# It installs what the tests need beyond the .NET SDK (PostgreSQL and Chromium from Debian packages, when missing), starts a
# throwaway PostgreSQL cluster on 127.0.0.1 for the server suite, and prints a one-line summary.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is required (dotnet not found on PATH)" >&2
  exit 2
fi

log=$(mktemp)
pgroot=""
cleanup() {
  if [ -n "$pgroot" ]; then
    as_postgres "$pgbin/pg_ctl" -D "$pgroot/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pgroot"
  fi
  rm -f "$log"
}
trap cleanup EXIT

# PostgreSQL for the server suite: every server test runs on SQLite and on PostgreSQL. RAPPORT_TEST_POSTGRES may
# point at an existing server (a connection string whose user can create databases); otherwise a throwaway cluster
# is started here and removed on exit.
find_pgbin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && pgbin=$dir
  done
  [ -n "${pgbin:-}" ]
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  pgbin=""
  if ! find_pgbin; then
    echo "test.sh: PostgreSQL not found; installing it from Debian packages (apt-get install postgresql)"
    if [ "$(id -u)" -ne 0 ]; then
      echo "test.sh: installing PostgreSQL needs root; run 'sudo apt-get install -y postgresql' or set RAPPORT_TEST_POSTGRES" >&2
      exit 2
    fi
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } </dev/null; then
      echo "test.sh: could not install PostgreSQL with apt-get (no network or no package source?)." >&2
      echo "test.sh: the server suite needs it; install postgresql or set RAPPORT_TEST_POSTGRES to a server's connection string." >&2
      exit 2
    fi
    find_pgbin || { echo "test.sh: postgresql installed but no initdb under /usr/lib/postgresql/*/bin" >&2; exit 2; }
  fi

  pgroot=$(mktemp -d /tmp/rapport-pg.XXXXXX)
  mkdir -p "$pgroot/data" "$pgroot/sock"
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root; the cluster belongs to the postgres user the Debian package creates.
    chown -R postgres: "$pgroot"
  fi
  as_postgres "$pgbin/initdb" -D "$pgroot/data" -A trust -U postgres -E UTF8 --no-sync >"$pgroot/initdb.log" 2>&1 ||
    { cat "$pgroot/initdb.log" >&2; echo "test.sh: initdb failed" >&2; exit 2; }
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
    echo $((20000 + RANDOM % 20000)))
  # fsync off: a throwaway cluster has nothing to keep, and the suite creates and drops many databases. 300
  # connections: xUnit runs a test class per core, each PostgreSQL fixture's server keeps a pool, and the clustered and
  # kill tests start server processes of their own; the default 100 is tight on a many-core machine.
  as_postgres "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w -t 60 \
    -o "-p $port -k $pgroot/sock -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null ||
    { cat "$pgroot/server.log" >&2; echo "test.sh: PostgreSQL did not start" >&2; exit 2; }
  as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres rapport_test ||
    { echo "test.sh: createdb rapport_test failed" >&2; exit 2; }
  # The suite connects here and creates (then drops) a fresh database per fixture.
  export RAPPORT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=rapport_test"
  echo "test.sh: throwaway PostgreSQL $("$pgbin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port"
}

if [ -z "${RAPPORT_TEST_POSTGRES:-}" ]; then
  start_postgres
fi

# Chromium for the browser tests (Playwright drives Debian's Chromium; it never downloads a browser).
chromium=${RAPPORT_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "test.sh: Chromium not found at $chromium; installing it from Debian packages (apt-get install chromium)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: installing Chromium needs root; run 'sudo apt-get install -y chromium' or set RAPPORT_CHROMIUM" >&2
    exit 2
  fi
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } </dev/null; then
    echo "test.sh: could not install Chromium with apt-get; the browser tests need it (or RAPPORT_CHROMIUM)." >&2
    exit 2
  fi
fi
export RAPPORT_CHROMIUM="$chromium"

# A font for the report's charts (ScottPlot draws text with SkiaSharp from the system's fonts; none is downloaded).
if ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 && ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null)" ]; }; then
  echo "test.sh: no fonts found; installing fonts-dejavu-core from Debian packages (the report's charts draw text with it)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: installing fonts needs root; run 'sudo apt-get install -y fonts-dejavu-core'" >&2
    exit 2
  fi
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core; } </dev/null; then
    echo "test.sh: could not install fonts-dejavu-core with apt-get; the report tests need a font." >&2
    exit 2
  fi
fi

status=0
dotnet build Rapport.slnx -c Release -nologo -clp:ErrorsOnly || exit $?
dotnet test Rapport.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One closing line for humans and CI: "N passed, N failed, N skipped".
count() { { grep -oE "^ +$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
# A failure scrolls far out of sight in a 1,400-test log; repeat each failed test's name, message and first stack
# lines just above the summary, so the tail of the log (all CI keeps) says what broke.
if [ "$failed" -gt 0 ]; then
  echo "failures:"
  awk '/^ +Failed [A-Za-z_]/ {n = 25} n > 0 {print; n--}' "$log" | cut -c1-300
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
