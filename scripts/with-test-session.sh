#!/usr/bin/env bash
# Runs a command inside a throw-away desktop session: Xvfb, a private D-Bus session bus and an
# unlocked gnome-keyring (a real Secret Service), with HOME and XDG dirs in a temp directory so
# nothing of the user's is read or changed.
set -euo pipefail
if [ -z "${TENANTRY_IN_TEST_SESSION:-}" ]; then
  session=$(mktemp -d /tmp/tenantry-test-session.XXXXXX)
  trap 'rm -rf "$session"' EXIT
  export TENANTRY_IN_TEST_SESSION=1 HOME="$session/home" XDG_RUNTIME_DIR="$session/run"
  export XDG_DATA_HOME="$session/home/.local/share" XDG_CONFIG_HOME="$session/home/.config"
  export XDG_CACHE_HOME="$session/home/.cache" AZURE_CONFIG_DIR="$session/home/.azure"
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  export QTWEBENGINE_DISABLE_SANDBOX=1 # Chromium refuses its sandbox as root (tests and CI only)
  status=0
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi
# Inside the session bus: start the keyring with its secrets component, unlocked with a test password.
eval "$(printf 'tenantry-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
"$@"
