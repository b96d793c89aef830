#!/usr/bin/env bash
# CI's install test of the Debian package: builds the .deb from a configured build tree (default
# build/, as scripts/test.sh leaves it), installs it with apt, checks both programs, the desktop
# files and the translations from the installed paths, starts the app and its embedded sign-in
# browser under Xvfb, then purges the package and checks that none of its files is left. It installs
# into the system (as root, or with sudo), so it refuses to run while a tenantry package is installed
# already, and purges on every exit, a failed check included. Last line: "package: N passed, M failed".
# Usage: scripts/test-package.sh [build-dir]
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$PWD
build=$(realpath -m "${1:-build}")

passed=0
failed=0
pass() {
  echo "PASS: $1"
  passed=$((passed + 1))
}
fail() {
  echo "FAIL: $1"
  failed=$((failed + 1))
}
# check <description> <command...>: the command's exit status decides.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
finish() {
  echo "package: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
# dpkg's state of the package: empty when dpkg knows none (never installed, or purged).
package_state() { dpkg-query -W -f='${Status}' tenantry 2>/dev/null | grep -v '^unknown ok not-installed$'; }

scripts/install-deps.sh package || { fail "the test's Debian packages install"; finish; }
if [ -n "$(package_state)" ]; then
  fail "no tenantry package on this system before the test ($(package_state)): remove it first"
  finish
fi
if ! grep -q '^TENANTRY_BUILD_GUI:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  fail "$build is a configured build tree with the GUI (scripts/build.sh makes one)"
  finish
fi

# --- Build the package -------------------------------------------------------------------------
rm -f "$build"/tenantry_*.deb
if ! cmake --build "$build" --parallel "$(nproc)" --target tenantry-package-contents >"$build/package-build.log" 2>&1; then
  tail -40 "$build/package-build.log"
  fail "the build tree builds"
  finish
fi
if ! (cd "$build" && cpack -G DEB >"$build/package-cpack.log" 2>&1); then
  cat "$build/package-cpack.log"
  fail "cpack -G DEB makes a package"
  finish
fi
debs=("$build"/tenantry_*_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  fail "cpack made one tenantry_<version>_<arch>.deb (found: ${debs[*]})"
  finish
fi
deb=${debs[0]}
pass "cpack made $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Depends Recommends

# --- Install: from here on, every exit purges ----------------------------------------------------
# shellcheck disable=SC2317 # run by the traps
purge() {
  if [ -n "$(package_state)" ]; then
    "${sudo_cmd[@]}" apt-get purge -y -qq tenantry >/dev/null 2>&1
  fi
}
trap 'purge' EXIT
trap 'purge; exit 130' INT TERM

if ! "${sudo_cmd[@]}" apt-get install -y -qq "$deb" >"$build/package-install.log" 2>&1; then
  cat "$build/package-install.log"
  fail "apt-get install ./$(basename "$deb")"
  finish
fi
pass "apt-get install ./$(basename "$deb")"
mapfile -t package_files < <(dpkg -L tenantry)

version=$(dpkg-deb --field "$deb" Version)
scratch=$(mktemp -d /tmp/tenantry-package-test.XXXXXX)
trap 'purge; rm -rf "$scratch"' EXIT
trap 'purge; rm -rf "$scratch"; exit 130' INT TERM

# --- The command line --------------------------------------------------------------------------
check "tenantry-cli is /usr/bin/tenantry-cli" test "$(command -v tenantry-cli)" = /usr/bin/tenantry-cli
out=$(/usr/bin/tenantry-cli --version 2>&1)
check "tenantry-cli --version names $version ($out)" grep -qF "$version" <<<"$out"
mkdir -p "$scratch/home/.azure"
# As az: "[]" on stdout, the hint to sign in on stderr.
out=$(HOME="$scratch/home" AZURE_CONFIG_DIR="$scratch/home/.azure" XDG_CONFIG_HOME="$scratch/home/.config" \
  /usr/bin/tenantry-cli account list 2>"$scratch/cli.err")
status=$?
check "tenantry-cli account list on an empty config: [] and exit 0 (got $status: $out)" \
  test "$status-$(tr -d '[:space:]' <<<"$out")" = "0-[]"

# --- Files on disk -----------------------------------------------------------------------------
for f in /usr/bin/tenantry /usr/bin/tenantry-cli /usr/lib/tenantry/tenantry-signin-webengine.so \
  /usr/lib/tenantry/tenantry-keychain.so; do
  check "$f is there, stripped" sh -c "test -f '$f' && ! readelf -S '$f' | grep -q '\.debug_info'"
  missing=$(ldd "$f" 2>&1 | grep 'not found')
  check "$f finds all its libraries${missing:+ (missing: $missing)}" test -z "$missing"
done
check "/usr/share/doc/tenantry/copyright is the licence" cmp -s /usr/share/doc/tenantry/copyright "$root/LICENSE"
desktop=/usr/share/applications/org.tenantry.Tenantry.desktop
metainfo=/usr/share/metainfo/org.tenantry.Tenantry.metainfo.xml
check "desktop-file-validate $desktop" desktop-file-validate "$desktop"
check "appstreamcli validate --no-net $metainfo" appstreamcli validate --no-net "$metainfo"
check "the metainfo names version $version" grep -qF "<release version=\"$version\"" "$metainfo"
check "the scalable icon" test -s /usr/share/icons/hicolor/scalable/apps/org.tenantry.Tenantry.svg
# A PNG's width and height: big-endian 32-bit numbers at bytes 16 and 20.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $3 * 256 + $4, $7 * 256 + $8 }'; }
for size in 16 22 24 32 48 64 128 256; do
  icon=/usr/share/icons/hicolor/${size}x${size}/apps/org.tenantry.Tenantry.png
  check "the ${size}x${size} icon is a ${size}x${size} PNG" test "$(png_size "$icon" 2>/dev/null)" = "${size}x${size}"
done
for lang in de en; do
  check "/usr/share/tenantry/translations/tenantry_$lang.qm" test -s "/usr/share/tenantry/translations/tenantry_$lang.qm"
done

# --- The desktop app ---------------------------------------------------------------------------
out=$(QT_QPA_PLATFORM=offscreen /usr/bin/tenantry --help 2>&1)
check "tenantry --help exits 0 (got $?)" test $? -eq 0
check "tenantry --help lists --minimized" grep -qF -- --minimized <<<"$out"
# German from the installed catalogues: Tenantry's own (/usr/share/tenantry/translations) and Qt's
# (qtbase, QCommandLineParser's --help line: qt6-translations-l10n).
out=$(env -u LC_ALL -u LC_MESSAGES LANG=de_DE.UTF-8 LANGUAGE=de QT_QPA_PLATFORM=offscreen \
  QT_LOGGING_RULES='tenantry.ui.debug=true' /usr/bin/tenantry --help 2>&1)
check "German --help: Tenantry's text (Im Infobereich starten)" grep -qF "Im Infobereich starten." <<<"$out"
check "German --help: Qt's text (Zeigt Hilfe)" grep -qF "Zeigt Hilfe" <<<"$out"
check "German catalogue loaded from /usr/share/tenantry/translations" \
  grep -qF "/usr/share/tenantry/translations/tenantry_de.qm" <<<"$out"

# In a throw-away desktop session (Xvfb, D-Bus, keyring): start it in the tray, see it up after 5 s and
# end on SIGTERM (what a desktop's logout sends) within 5 s without a crash; then start a browser
# sign-in, which loads the embedded sign-in browser (/usr/lib/tenantry, QtWebEngineProcess). Its
# page goes through a proxy that refuses every connection: the test never reaches Microsoft.
cat >"$scratch/session.sh" <<'EOF'
out=$1
/usr/bin/tenantry --minimized >"$out/app.log" 2>&1 &
app=$!
sleep 5
if ! kill -0 "$app" 2>/dev/null; then
  wait "$app"
  echo "exited early: $?" >"$out/app.result"
else
  kill -TERM "$app"
  for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app" 2>/dev/null; then
    kill -KILL "$app"
    echo "still running 5 s after SIGTERM" >"$out/app.result"
  else
    wait "$app"
    echo "ended: $?" >"$out/app.result"
  fi
fi
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy=
QT_LOGGING_RULES='tenantry.ui.signin.debug=true' /usr/bin/tenantry --sign-in >"$out/signin.log" 2>&1 &
app=$!
for _ in $(seq 150); do
  grep -q 'embedded sign-in browser' "$out/signin.log" && break
  sleep 0.1
done
sleep 1
kill -KILL "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit 0
EOF
"$root/scripts/with-test-session.sh" bash "$scratch/session.sh" "$scratch"
result=$(cat "$scratch/app.result" 2>/dev/null || echo "did not run")
check "tenantry --minimized stays up under Xvfb and ends on SIGTERM ($result)" test "$result" = "ended: 143"
if grep -qiE 'fatal|abort|segmentation|could not load the qt platform plugin' "$scratch/app.log"; then
  fail "tenantry --minimized ran without a fatal message"
  cat "$scratch/app.log"
else
  pass "tenantry --minimized ran without a fatal message"
fi
if grep -q 'loaded the embedded sign-in browser' "$scratch/signin.log"; then
  pass "tenantry --sign-in loads the embedded sign-in browser from /usr/lib/tenantry"
else
  fail "tenantry --sign-in loads the embedded sign-in browser from /usr/lib/tenantry"
  cat "$scratch/signin.log"
fi

# --- Purge: nothing of the package is left -----------------------------------------------------
if "${sudo_cmd[@]}" apt-get purge -y -qq tenantry >"$build/package-purge.log" 2>&1; then
  pass "apt-get purge tenantry"
else
  cat "$build/package-purge.log"
  fail "apt-get purge tenantry"
fi
check "dpkg knows no tenantry package after the purge" test -z "$(package_state)"
left=()
for f in "${package_files[@]}"; do
  # Directories the package shares with others (/usr, /usr/share/icons/...) stay.
  if [ -e "$f" ] && [ ! -d "$f" ]; then left+=("$f"); fi
done
for d in /usr/lib/tenantry /usr/share/tenantry /usr/share/doc/tenantry; do
  [ -e "$d" ] && left+=("$d")
done
check "no file of the package is left${left:+: ${left[*]}}" test ${#left[@]} -eq 0
finish
