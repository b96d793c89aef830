#!/usr/bin/env bash
# Configures and builds build-sanitize/: everything (core, tenantry-cli, tests; no GUI) with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer, plus the libFuzzer targets of fuzz/.
# Usage: scripts/build-sanitized.sh [ninja target...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh sanitize
werror=OFF
[ -n "${CI:-}" ] && werror=ON
if [ ! -f build-sanitize/CMakeCache.txt ]; then
  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DTENANTRY_SANITIZE=ON -DTENANTRY_BUILD_GUI=OFF -DTENANTRY_WERROR="$werror"
else
  cmake -S . -B build-sanitize -DTENANTRY_WERROR="$werror" >/dev/null
fi
cmake --build build-sanitize --parallel "$(nproc)" ${1:+--target "$@"}
