#!/usr/bin/env bash
# Side-by-side throughput: `rapport analyze --input FILE --json` against npm `vader-sentiment` on the same file, in one
# run (docs/benchmarks.md). Usage: bench/compare-vader/run.sh [MESSAGES]   (default 200000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
messages="${1:-200000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v node >/dev/null || { echo "run.sh: node is required (apt-get install nodejs npm)" >&2; exit 2; }
[[ -d "$here/node_modules/vader-sentiment" ]] || (cd "$here" && npm ci --no-audit --no-fund --silent)

"$root/rapport" bench --messages "$messages" --write-corpus "$work/corpus.txt" >/dev/null
"$root/rapport" analyze --input "$work/corpus.txt" --json >/dev/null   # warm the build and the file cache

seconds() { local start end; start=$(date +%s.%N); "$@" >"$work/out.jsonl"; end=$(date +%s.%N); echo "$end - $start" | bc -l; }

rapport_s=$(seconds "$root/rapport" analyze --input "$work/corpus.txt" --json)
rapport_lines=$(wc -l <"$work/out.jsonl")
vader_s=$(seconds node "$here/vader-analyze.js" "$work/corpus.txt")
vader_lines=$(wc -l <"$work/out.jsonl")

printf '%-40s %10s %12s %14s\n' "tool" "messages" "seconds" "messages/s"
printf '%-40s %10d %12.2f %14.0f\n' "rapport analyze --json" "$rapport_lines" "$rapport_s" "$(echo "$rapport_lines / $rapport_s" | bc -l)"
printf '%-40s %10d %12.2f %14.0f\n' "vader-sentiment (node $(node --version))" "$vader_lines" "$vader_s" "$(echo "$vader_lines / $vader_s" | bc -l)"
printf 'rapport is %.1fx the messages/s of vader-sentiment on the same %d messages (%d cores)\n' \
  "$(echo "($rapport_lines / $rapport_s) / ($vader_lines / $vader_s)" | bc -l)" "$messages" "$(nproc)"
