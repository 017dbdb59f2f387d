#!/usr/bin/env bash
# The test command (README, .ci/run): builds everything and runs every test project of AslSweep.sln.
# Needs only the .NET 10 SDK; the Debian packages some tests use (prometheus, redis-server) are installed here when missing.
set -euo pipefail
cd "$(dirname "$0")"

# Real servers for the tests that need them (each test says why it skips if this fails): Prometheus for
# deploy/prometheus, Redis for the multi-node cluster and fault tests. The tests start their own instances on
# free loopback ports; the packages' services are not used.
missing=()
command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null) \
      || echo "warning: could not install Debian's ${missing[*]}; the tests that need them will skip"
  else
    echo "warning: ${missing[*]} not installed (sudo apt-get install ${missing[*]}); the tests that need them will skip"
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test AslSweep.sln -c Release 2>&1 | tee "$log" || status=$?

# One plain closing line with the totals of every test assembly ("N passed, N failed, N skipped").
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
