#!/usr/bin/env bash
# The test command (README, .ci/run): builds everything and runs every test project of AslSweep.sln.
# Needs only the .NET 10 SDK; later suites install their Debian packages (redis-server, prometheus) here.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test AslSweep.sln -c Release 2>&1 | tee "$log" || status=$?

# One plain closing line with the totals of every test assembly ("N passed, N failed, N skipped").
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
