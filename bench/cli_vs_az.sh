#!/usr/bin/env bash
# tenantry-cli against Debian's az 2.45 on the same files, with the test identity provider standing in
# for login.microsoftonline.com and management.azure.com (scripts/fake-azure-hosts.sh: a private mount
# and loopback-only network namespace, a throw-away CA; nothing outside it changes).
#
#   bench/cli_vs_az.sh [BUILD_DIR] [RUNS]      BUILD_DIR default: build; RUNS default: 20
#
# 1. login --use-device-code (approved at once by the provider) for an account in 20 tenants with two
#    subscriptions each, 100 ms latency on every request: tenantry-cli and az, 3 fresh sign-ins each.
#    Both wait the device code interval (1 s) before their first poll.
# 2. Cache hits, provider without latency: `account list` and `account get-access-token` on the files
#    tenantry-cli wrote, RUNS runs each, with hyperfine when installed, else a loop (median).
# Needs: BUILD_DIR/bin/{tenantry-cli,test-idp}, /usr/bin/az, python3, unshare, ip, openssl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(cd "${1:-$root/build}" && pwd)
runs=${2:-20}

if [ "${TENANTRY_FAKE_AZURE_HOSTS:-}" != 1 ]; then
  exec "$root/scripts/fake-azure-hosts.sh" --no-nss --isolate-net -- "$0" "$build" "$runs"
fi

cli=$build/bin/tenantry-cli
idp_bin=$build/bin/test-idp
for f in "$cli" "$idp_bin" /usr/bin/az; do
  [ -x "$f" ] || { echo "cli_vs_az: $f is missing" >&2; exit 1; }
done

work=$(mktemp -d /tmp/tenantry-bench.XXXXXX)
idp_pid=
cleanup() {
  [ -n "$idp_pid" ] && kill "$idp_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work/home AZURE_CORE_COLLECT_TELEMETRY=no AZURE_CORE_NO_COLOR=yes AZURE_CORE_SURVEY_MESSAGE=no
export AZURE_CORE_OUTPUT=json AZURE_CORE_ONLY_SHOW_ERRORS=yes TENANTRY_STORAGE_MODE=keychain-and-file
export PATH=/usr/bin:/bin:$PATH
unset PYTHONPATH PYTHONHOME TENANTRY_CLIENT_ID
mkdir -p "$HOME"

# A provider config: one user in 20 tenants, two subscriptions each; $1 = latency in ms.
write_config() {
  python3 - "$1" > "$work/idp.json" <<'EOF'
import json, sys
tenants = []
for t in range(20):
    tid = "00000000-0000-4000-8000-%012x" % t
    tenants.append({"id": tid, "displayName": "Bench %d" % t, "defaultDomain": "bench%d.example" % t,
                    "subscriptions": [{"id": "00000001-0000-4000-8000-%012x" % (t * 100 + s),
                                       "name": "Bench %d-%d" % (t, s)} for s in range(2)]})
print(json.dumps({
    "authorityUrl": "https://login.microsoftonline.com", "armUrl": "https://management.azure.com",
    "latencyMs": int(sys.argv[1]),
    "deviceCode": {"interval": 1, "autoApprove": "bench@bench0.example"},
    "tenants": tenants,
    "users": [{"objectId": "0000000a-0000-4000-8000-000000000001", "homeTenant": tenants[0]["id"],
               "upn": "bench@bench0.example", "name": "Bench User"}]}))
EOF
}

start_idp() {
  [ -n "$idp_pid" ] && { kill "$idp_pid"; wait "$idp_pid" 2>/dev/null || true; }
  write_config "$1"
  "$idp_bin" --config "$work/idp.json" --port 443 --tls-cert "$TENANTRY_TEST_TLS_CERT" \
    --tls-key "$TENANTRY_TEST_TLS_KEY" --verbose > "$work/idp.url" 2> "$work/idp.log" &
  idp_pid=$!
  for _ in $(seq 100); do [ -s "$work/idp.url" ] && return 0; sleep 0.05; done
  echo "cli_vs_az: test-idp did not start" >&2
  exit 1
}

requests() { grep -c '^test-idp: #' "$work/idp.log" || true; }

now_ms() { date +%s%3N; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== login --use-device-code: 20 tenants x 2 subscriptions, 100 ms per request =="
start_idp 100
for tool in tenantry-cli az; do
  times=()
  for i in 1 2 3; do
    export AZURE_CONFIG_DIR=$work/login-$tool-$i
    before=$(requests)
    t0=$(now_ms)
    if [ "$tool" = az ]; then
      az login --use-device-code > "$work/out.json" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
    else
      "$cli" login --use-device-code > "$work/out.json" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
    fi
    t1=$(now_ms)
    subs=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/out.json")
    times+=($((t1 - t0)))
    echo "  $tool run $i: $((t1 - t0)) ms, $(($(requests) - before)) requests, $subs subscriptions"
  done
  printf '  %s median: %s ms\n' "$tool" "$(printf '%s\n' "${times[@]}" | median)"
done

echo "== cache hits on the files tenantry-cli wrote (provider without latency), $runs runs =="
start_idp 0
export AZURE_CONFIG_DIR=$work/login-tenantry-cli-1
"$cli" account get-access-token > /dev/null # the ARM token is cached now, for both
before=$(requests)
"$cli" account get-access-token > /dev/null
echo "  requests by one tenantry-cli account get-access-token: $(($(requests) - before))"
before=$(requests)
az account get-access-token > /dev/null
echo "  requests by one az account get-access-token: $(($(requests) - before))"

commands=("$cli account list" "az account list" "$cli account get-access-token" "az account get-access-token")
if command -v hyperfine > /dev/null; then
  hyperfine --style basic --warmup 2 --runs "$runs" --export-markdown "$work/hyperfine.md" \
    --command-name "tenantry-cli account list" "${commands[0]} > /dev/null" \
    --command-name "az account list" "${commands[1]} > /dev/null" \
    --command-name "tenantry-cli account get-access-token" "${commands[2]} > /dev/null" \
    --command-name "az account get-access-token" "${commands[3]} > /dev/null" > /dev/null
  cat "$work/hyperfine.md"
else
  for c in "${commands[@]}"; do
    times=()
    for _ in $(seq "$runs"); do
      t0=$(now_ms)
      $c > /dev/null
      t1=$(now_ms)
      times+=($((t1 - t0)))
    done
    printf '  %-45s median %s ms\n' "${c#"$build/bin/"}" "$(printf '%s\n' "${times[@]}" | median)"
  done
fi
