#!/usr/bin/env bash
# Builds build-sanitize/ and runs the core, cli and compat tests (the latter drive the sanitized tenantry-cli)
# under AddressSanitizer and UndefinedBehaviorSanitizer in the headless test session; any sanitizer
# report, leaks included, fails its test.
# Usage: scripts/test-sanitized.sh [ctest arguments...]   (default: -L "core|cli|compat")
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-sanitized.sh
. scripts/sanitizer-options.sh
[ $# -eq 0 ] && set -- -L "core|cli|compat"
exec scripts/with-test-session.sh ctest --test-dir build-sanitize --output-on-failure --timeout 600 "$@"
