#!/usr/bin/env bash
# Runs Rapport's whole test suite. This is the README's test command, and .ci/run calls it.
# It installs what the tests need beyond the .NET SDK (none yet for the engine) and prints a one-line summary.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is required (dotnet not found on PATH)" >&2
  exit 2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet build Rapport.slnx -c Release -nologo -clp:ErrorsOnly || exit $?
dotnet test Rapport.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One closing line for humans and CI: "N passed, N failed, N skipped".
count() { { grep -oE "^ +$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
