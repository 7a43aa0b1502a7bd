#!/usr/bin/env bash
# Installs what the tests need and runs every test project. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

# Browser tests drive Debian's Chromium (Playwright's own browser download is not possible here).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
    || { echo "Could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi

# The PostgreSQL tests start a private cluster with Debian's PostgreSQL 15; the multi-instance tests start redis-server;
# the mail tests read a help-desk mailbox on Debian's Dovecot (private config, spare port) while smtp4dev (a local dotnet
# tool, restored below) receives what SIGET sends; the tests in front of two instances run Debian's nginx with the shipped
# docs/nginx-siget.conf (private config, spare port). Each server is started and stopped by the tests themselves.
need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v redis-server >/dev/null || need+=(redis-server)
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
[ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} for the database, multi-instance, proxy and mail tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "Could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
  # The packages' own system-wide services are not needed.
  $SUDO systemctl disable --now dovecot >/dev/null 2>&1 || true
  $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
fi

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
# A test that hangs fails the run (with a dump) instead of holding CI until its time limit.
dotnet test Siget.sln --nologo --blame-hang-timeout 10m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The service-level and story tests a second time, on PostgreSQL (a private cluster the tests start and remove);
# the few about SQLite files themselves carry the trait Database=Sqlite.
if [ "$status" -eq 0 ] || grep -qE '^(Passed|Failed)! +- ' "$log"; then
  echo "Service and story tests on PostgreSQL..."
  SIGET_TEST_DATABASE=PostgreSql dotnet test Siget.Console.Tests --no-build --nologo --blame-hang-timeout 10m \
    --filter "(FullyQualifiedName~.Stories.|FullyQualifiedName~.Sla.|FullyQualifiedName~.Problems.|FullyQualifiedName~.Knowledge.|FullyQualifiedName~.Reports.)&Database!=Sqlite" \
    2>&1 | tee -a "$log"
  pg_status=${PIPESTATUS[0]}
  [ "$pg_status" -ne 0 ] && status=$pg_status
fi

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    12, Skipped: ..."
sum() { grep -E '^(Passed|Failed)! +- ' "$log" | grep -Eo "$1: +[0-9]+" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # build error or crashed run: still a failure
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
