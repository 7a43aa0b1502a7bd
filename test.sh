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

# Mail tests read a help-desk mailbox on Debian's Dovecot (started by the tests on a spare port, private config);
# smtp4dev (a local dotnet tool, restored below) receives what SIGET sends.
if [ ! -x /usr/sbin/dovecot ]; then
  echo "Installing Debian's dovecot-imapd for the mail tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dovecot-imapd >/dev/null \
    || { echo "Could not install dovecot-imapd"; echo "0 passed, 1 failed"; exit 1; }
  # The package's own system-wide service is not needed: the tests start their own instance.
  $SUDO systemctl disable --now dovecot >/dev/null 2>&1 || true
fi

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
# A test that hangs fails the run (with a dump) instead of holding CI until its time limit.
dotnet test Siget.sln --nologo --blame-hang-timeout 10m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    12, Skipped: ..."
sum() { grep -E '^(Passed|Failed)! +- ' "$log" | grep -Eo "$1: +[0-9]+" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # build error or crashed run: still a failure
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
