#!/usr/bin/env bash
# Runs every test on a fresh clone: restore, build with warnings as errors, run all test projects,
# then print one line "N passed, M failed" summed over all of them (from the TRX files).
set -euo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"

# The real Binance clients (ccxt, @binance/connector) the simulator's compatibility tests drive; the lock file pins them.
npm ci --prefix scripts/compat --no-audit --no-fund --loglevel=error

dotnet restore RxTrader.sln
dotnet build RxTrader.sln --configuration Release --no-restore -warnaserror

status=0
dotnet test RxTrader.sln --configuration Release --no-build \
  --logger "trx" --results-directory "$results" || status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test results were written" >&2
  status=1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
