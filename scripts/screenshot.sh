#!/usr/bin/env bash
# Takes docs/screenshot-main.png: the app on the az 2.45 sample files (tokens moved into the future,
# one under 5 minutes to show the warning colour), under Xvfb with a private D-Bus and keychain.
#   scripts/screenshot.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/screenshot-main.png}")
if [ -z "${TENANTRY_SCREENSHOT_INNER:-}" ]; then
  scripts/build.sh
  TENANTRY_SCREENSHOT_INNER=1 exec scripts/with-test-session.sh "$0" "$out"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AZURE_CONFIG_DIR=$work/azure
mkdir -p "$AZURE_CONFIG_DIR"
cp tests/data/azure-cli-2.45/{azureProfile.json,clouds.config,config,msal_token_cache.json} "$AZURE_CONFIG_DIR/"
/usr/bin/python3 - "$AZURE_CONFIG_DIR/msal_token_cache.json" <<'PY'
import json, sys, time
path = sys.argv[1]
cache = json.load(open(path))
now = int(time.time())
for i, (key, entry) in enumerate(sorted(cache["AccessToken"].items())):
    lifetime = [262, 3400, 3127, 3127][i % 4]
    entry["expires_on"] = str(now + lifetime)
    entry["extended_expires_on"] = str(now + lifetime + 3600)
json.dump(cache, open(path, "w"), indent=4)
PY
QT_QPA_PLATFORM=xcb build/bin/tenantry >"$work/app.log" 2>&1 &
pid=$!
sleep "${SHOT_DELAY:-6}"
import -window root "$work/root.png"
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
# No window manager under Xvfb: the window sits at the top left; trim the empty screen around it.
convert "$work/root.png" -trim +repage "$out"
echo "wrote $out"
