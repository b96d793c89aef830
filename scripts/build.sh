#!/usr/bin/env bash
# Installs what is missing, configures and builds into build/ (executables in build/bin/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh "${TENANTRY_DEPS:-build}"
werror=OFF
[ -n "${CI:-}" ] && werror=ON
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTENANTRY_WERROR="$werror"
else
  cmake -S . -B build -DTENANTRY_WERROR="$werror" >/dev/null
fi
cmake --build build --parallel "$(nproc)"
