#!/usr/bin/env bash
# Runs SIGET's benchmark: generates the data set if needed (bench/.data), publishes the app, runs every scenario
# and writes bench/RESULTS.md. Arguments go to the harness: --only a,b  --quick  --tickets N --open N ...
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
dotnet build bench/Siget.Bench/Siget.Bench.csproj -c Release --nologo -v q
exec dotnet bench/Siget.Bench/bin/Release/net10.0/Siget.Bench.dll run "$@"
