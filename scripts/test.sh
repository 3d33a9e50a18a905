#!/usr/bin/env bash
# Runs every test on a fresh clone: restore, build with warnings as errors, run all test projects,
# then print one line "N passed, M failed" summed over all of them (from the TRX files).
set -euo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"

# The metrics integration tests scrape the host with a real Prometheus server (Debian package `prometheus`, which
# also ships promtool). Installed only when missing: no apt call on a machine that has it.
if ! command -v prometheus >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=""
  elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
  else
    echo "prometheus is not installed and this user cannot install it (not root, no sudo): apt-get install prometheus" >&2
    exit 1
  fi
  echo "prometheus not found: installing the Debian package (apt-get update -qq && apt-get install -y -qq prometheus)"
  $as_root apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
  echo "installed $(prometheus --version 2>&1 | head -n 1)"
fi

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
