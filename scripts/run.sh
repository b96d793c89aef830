#!/usr/bin/env bash
# README command 1: build, then start the desktop app (arguments go to tenantry).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec build/bin/tenantry "$@"
