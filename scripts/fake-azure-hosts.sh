#!/usr/bin/env bash
# Runs a command in a private mount namespace in which the real Azure host names resolve to 127.0.0.1
# and a throw-away test CA is trusted, so the real `az` (MSAL Python insists on https and on
# login.microsoftonline.com) and Tenantry can talk to the test identity provider (tests/tools/test-idp,
# or a test that embeds TestIdentityProvider) listening with TLS on 127.0.0.1:443. Nothing outside the
# namespace changes; the temp dir is removed on exit.
#
#   scripts/fake-azure-hosts.sh [--host NAME]... [--no-nss] [--isolate-net] -- COMMAND [ARG]...
#   scripts/fake-azure-hosts.sh --check     # exit 0 if the namespace can be made here, else say why
#
# Inside the namespace:
#   /etc/hosts       maps login.microsoftonline.com, management.azure.com (and every --host) to 127.0.0.1
#   /etc/ssl/certs   the system's certificates plus the test CA with its OpenSSL hash link (Qt, OpenSSL)
#   ~/.pki/nssdb     a copy (or a new db) with the test CA, for QtWebEngine/Chromium (needs certutil)
# and these variables are exported:
#   TENANTRY_FAKE_AZURE_HOSTS=1
#   TENANTRY_TEST_CA              the CA certificate (PEM)
#   TENANTRY_TEST_TLS_CERT/_KEY   server certificate and key (PEM) for the names above, localhost, 127.0.0.1
#   REQUESTS_CA_BUNDLE, SSL_CERT_FILE   the system bundle plus the test CA (az/python requests, OpenSSL)
#   SSL_CERT_DIR=/etc/ssl/certs
# As root it uses `unshare --mount`; otherwise it tries an unprivileged user namespace with its own
# network namespace (loopback only), where binding port 443 is allowed. --isolate-net gives root a
# network namespace of its own too: only loopback, so parallel runs do not compete for 127.0.0.1:443
# and nothing can reach the internet (but abstract-socket D-Bus/X11 of the session are out of reach).
set -euo pipefail

names=(login.microsoftonline.com management.azure.com)
nss=1
check=0
isolate_net=0

if [ "${1:-}" = "--inner" ]; then
  # Second stage, inside the new namespace: bind-mount the prepared files, then run the command.
  dir=$2
  shift 3 # --inner DIR --
  mount --bind "$dir/hosts" /etc/hosts
  mount --bind "$dir/certs" /etc/ssl/certs
  if [ -f "$dir/nssdb-target" ]; then
    mount --bind "$dir/nssdb" "$(cat "$dir/nssdb-target")"
  fi
  if [ -f "$dir/own-netns" ]; then
    ip link set lo up
  fi
  export TENANTRY_FAKE_AZURE_HOSTS=1
  export TENANTRY_TEST_CA="$dir/ca.pem"
  export TENANTRY_TEST_TLS_CERT="$dir/server.pem"
  export TENANTRY_TEST_TLS_KEY="$dir/server.key"
  export REQUESTS_CA_BUNDLE="$dir/ca-bundle.pem"
  export SSL_CERT_FILE="$dir/ca-bundle.pem"
  export SSL_CERT_DIR=/etc/ssl/certs
  exec "$@"
fi

while [ $# -gt 0 ]; do
  case "$1" in
    --host) names+=("$2"); shift 2 ;;
    --no-nss) nss=0; shift ;;
    --isolate-net) isolate_net=1; shift ;;
    --check) check=1; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) break ;;
  esac
done

if [ "$(id -u)" = 0 ]; then
  unshare_args=(--mount --propagation private)
  [ "$isolate_net" = 1 ] && unshare_args+=(--net)
else
  unshare_args=(--user --map-root-user --mount --propagation private --net)
fi
if ! unshare "${unshare_args[@]}" true 2>/dev/null; then
  echo "fake-azure-hosts: cannot create a mount namespace here (unshare ${unshare_args[*]} is not permitted)" >&2
  exit 77
fi
if { [ "$(id -u)" != 0 ] || [ "$isolate_net" = 1 ]; } && ! command -v ip >/dev/null; then
  echo "fake-azure-hosts: 'ip' (iproute2) is needed to bring up loopback in a network namespace" >&2
  exit 77
fi
[ "$check" = 1 ] && exit 0
if [ $# -eq 0 ]; then
  echo "usage: $0 [--host NAME]... [--no-nss] -- COMMAND [ARG]..." >&2
  exit 2
fi

dir=$(mktemp -d /tmp/tenantry-fake-hosts.XXXXXX)
created_dirs=()
child=
cleanup() {
  local i
  [ -n "$child" ] && kill "$child" 2>/dev/null || true
  rm -rf "$dir"
  # Mount points this script had to create, deepest first, only if still empty.
  for ((i = ${#created_dirs[@]} - 1; i >= 0; i--)); do
    rmdir "${created_dirs[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# Test CA and server certificate (SANs for every name, localhost and 127.0.0.1), valid for two days.
(
  cd "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -sha256 \
    -subj "/O=Tenantry tests/CN=Tenantry Test CA $$" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" 2>/dev/null
  san="DNS:localhost,IP:127.0.0.1"
  for name in "${names[@]}"; do san="DNS:$name,$san"; done
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" "subjectAltName=$san" "subjectKeyIdentifier=hash" \
    "authorityKeyIdentifier=keyid" > server.ext
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -sha256 \
    -subj "/O=Tenantry tests/CN=${names[0]}" 2>/dev/null
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 12)" \
    -days 2 -sha256 -extfile server.ext -out server.pem 2>/dev/null
  rm -f ca.key server.csr server.ext
  chmod 600 server.key
)

# /etc/hosts with the names on 127.0.0.1.
{
  cat /etc/hosts
  echo "127.0.0.1 ${names[*]} # tenantry fake-azure-hosts"
} > "$dir/hosts"

# /etc/ssl/certs plus the CA and its hash link; a CA bundle for python requests.
mkdir "$dir/certs"
cp -a /etc/ssl/certs/. "$dir/certs/"
cp "$dir/ca.pem" "$dir/certs/tenantry-test-ca.pem"
hash=$(openssl x509 -hash -noout -in "$dir/ca.pem")
n=0
while [ -e "$dir/certs/$hash.$n" ]; do n=$((n + 1)); done
ln -s tenantry-test-ca.pem "$dir/certs/$hash.$n"
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  cat /etc/ssl/certs/ca-certificates.crt "$dir/ca.pem" > "$dir/ca-bundle.pem"
  rm -f "$dir/certs/ca-certificates.crt"
  cp "$dir/ca-bundle.pem" "$dir/certs/ca-certificates.crt"
else
  cp "$dir/ca.pem" "$dir/ca-bundle.pem"
fi

# NSS database for Chromium (QtWebEngine): a copy of the user's with the CA added.
if [ "$nss" = 1 ] && [ -n "${HOME:-}" ] && command -v certutil >/dev/null; then
  target="$HOME/.pki/nssdb"
  mkdir "$dir/nssdb"
  if [ -d "$target" ]; then
    cp -a "$target/." "$dir/nssdb/"
  else
    certutil -N -d "sql:$dir/nssdb" --empty-password
    for d in "$HOME/.pki" "$target"; do
      if [ ! -d "$d" ]; then
        mkdir "$d"
        created_dirs+=("$d")
      fi
    done
  fi
  certutil -A -d "sql:$dir/nssdb" -n "Tenantry Test CA" -t "C,," -i "$dir/ca.pem"
  echo "$target" > "$dir/nssdb-target"
elif [ "$nss" = 1 ]; then
  echo "fake-azure-hosts: certutil (libnss3-tools) not found: QtWebEngine will not trust the test CA" >&2
fi

if [ "$(id -u)" != 0 ] || [ "$isolate_net" = 1 ]; then
  touch "$dir/own-netns"
fi

exec 3<&0
unshare "${unshare_args[@]}" -- "$0" --inner "$dir" -- "$@" <&3 3<&- &
child=$!
exec 3<&-
status=0
wait "$child" || status=$?
child=
exit "$status"
