#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test headless: an X server
# (Xvfb) for windows, a private D-Bus session with an unlocked gnome-keyring for the keychain.
set -euo pipefail
cd "$(dirname "$0")/.."
TENANTRY_DEPS=test scripts/build.sh
exec scripts/with-test-session.sh ctest --test-dir build --output-on-failure --timeout 600 "$@"
