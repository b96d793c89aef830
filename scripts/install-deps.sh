#!/usr/bin/env bash
# Installs the Debian 12 packages Tenantry needs, but only those that are missing.
# Usage: scripts/install-deps.sh build|test|package|sanitize
set -euo pipefail

build_pkgs=(
  g++ cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 qt6-webengine-dev qt6-webengine-dev-tools libqt6webenginecore6-bin
  qt6-image-formats-plugins qtkeychain-qt6-dev nlohmann-json3-dev libexpected-dev libgl-dev
  qt6-translations-l10n # Qt's own strings ("Cancel") in the UI's language
  libfontconfig-dev # the desktop app loads the font configuration early (FontConfigWarmUp)
)
test_pkgs=(
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  azure-cli python3-msal python3-msal-extensions openssl libnss3-tools
  imagemagick fonts-dejavu-core util-linux
  zsh fish # TestSubscriptionContext: the env snippet run by the real shells; tests/docs: zsh completion
  nghttp2-server # TestHttp2: nghttpd offers HTTP/2 over TLS
  libbenchmark-dev libxcb1-dev # bench/: the microbenchmarks (Google Benchmark) and bench-probe
  nghttp2-proxy # bench/: nghttpx serves the test IdP over h2 and http/1.1, as the real hosts do
  groff-base # tests/docs: the man pages rendered by groff
)
# The package's install test (scripts/test-package.sh): its validators and dpkg-shlibdeps (dpkg-dev).
package_pkgs=(desktop-file-utils appstream dpkg-dev binutils)
# The ASan + UBSan build and libFuzzer (scripts/build-sanitized.sh): clang 14, its sanitizer and
# fuzzer runtimes, llvm-symbolizer for readable stacks.
sanitize_pkgs=(clang libclang-rt-14-dev llvm)

case "${1:-build}" in
  build) wanted=("${build_pkgs[@]}") ;;
  test) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  package) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}" "${package_pkgs[@]}") ;;
  sanitize) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}" "${sanitize_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|package|sanitize" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
