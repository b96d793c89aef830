#!/usr/bin/python3
"""The MSAL Python 1.21 / msal-extensions 1.0 side of TestMsalPythonInterop.

Run with /usr/bin/python3 (the interpreter az uses; another python3 may be first on PATH). Offline: MSAL's
HTTP client is replaced by one that answers discovery only and refuses (and counts) token requests.
Each command prints one JSON object on stdout. Tokens are never printed, only their SHA-256 hex digests.

Commands:
  check-format <cache>                    BOM? ASCII? byte-identical to MSAL's json.dumps(indent=4)?
  keys-canonical <cache>                  every stored key == the key MSAL computes from the entry
  silent <cache> <tenant> <user> <scope>...  get_accounts + acquire_token_silent, as az does
  add <cache> <json-spec>                 SerializableTokenCache.add() of a fake token response, then save
  rotate-rt <cache> <home_account_id> <new-rt>   update_rt() on that account's refresh token(s)
  remove-account <cache> <tenant> <user>  PublicClientApplication.remove_account() (az logout)
  persisted-writer <cache> <label> <n> <pause-ms>   PersistedTokenCache(FilePersistence) adds n tokens
  hold-lock <lockfile> <seconds>          CrossPlatLock held that long; prints "locked" when held
  time-lock <lockfile>                    how long CrossPlatLock took; was the content ours; removed after?
"""
import base64
import hashlib
import json
import os
import sys
import time

import msal
from msal_extensions import FilePersistence, PersistedTokenCache
from msal_extensions.cache_lock import CrossPlatLock

CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"  # Azure CLI's public client id
ENV = "login.microsoftonline.com"
ALIASES = [ENV, "login.windows.net", "login.microsoft.com", "sts.windows.net"]


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def out(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def load(path):
    cache = msal.SerializableTokenCache()
    with open(path, "r") as handle:  # as FilePersistence.load() reads it: text mode, no utf-8-sig
        cache.deserialize(handle.read())
    return cache


def save(cache, path):
    # As FilePersistence.save(): truncate and write, 0600 when new.
    with os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600), "w+") as handle:
        handle.write(cache.serialize())


class FakeResponse(object):
    def __init__(self, status_code, body):
        self.status_code = status_code
        self.text = json.dumps(body)
        self.headers = {}

    def raise_for_status(self):
        if self.status_code >= 400:
            raise RuntimeError("HTTP %d" % self.status_code)


class OfflineHttp(object):
    """Answers discovery; records and refuses any token request (the tests assert there were none)."""

    def __init__(self):
        self.token_requests = 0

    def get(self, url, params=None, headers=None, **kwargs):
        if "/.well-known/openid-configuration" in url:
            tenant = url.split("/")[3]
            base = "https://%s/%s" % (ENV, tenant)
            return FakeResponse(200, {
                "authorization_endpoint": base + "/oauth2/v2.0/authorize",
                "token_endpoint": base + "/oauth2/v2.0/token",
                "device_authorization_endpoint": base + "/oauth2/v2.0/devicecode",
                "issuer": base + "/v2.0",
            })
        if "/discovery/instance" in url:
            return FakeResponse(200, {
                "tenant_discovery_endpoint":
                    "https://%s/common/v2.0/.well-known/openid-configuration" % ENV,
                "api-version": "1.1",
                "metadata": [{"preferred_network": ENV, "preferred_cache": "login.windows.net",
                              "aliases": ALIASES}],
            })
        return FakeResponse(404, {"error": "not_found"})

    def post(self, url, params=None, data=None, headers=None, **kwargs):
        self.token_requests += 1
        return FakeResponse(400, {"error": "invalid_grant", "error_description": "offline test"})

    def close(self):
        pass


def app_for(cache, tenant):
    http = OfflineHttp()
    app = msal.PublicClientApplication(
        CLI, authority="https://%s/%s" % (ENV, tenant), token_cache=cache, http_client=http)
    return app, http


def client_info(uid, utid):
    raw = json.dumps({"uid": uid, "utid": utid}).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def token_event(uid, utid, tenant, scopes, access_token, refresh_token=None, username=None,
                foci=True, expires_in=3600, refresh=False):
    """What MSAL's ClientApplication hands to TokenCache.add() after a token response."""
    response = {
        "token_type": "Bearer",
        "scope": " ".join(scopes),
        "expires_in": expires_in,
        "ext_expires_in": expires_in,
        "access_token": access_token,
        "client_info": client_info(uid, utid),
    }
    if refresh_token:
        response["refresh_token"] = refresh_token
    if username:
        response["id_token"] = "fake-id-token-for-" + uid
        # Claims given directly (as a broker does), so MSAL does not validate a fake JWT.
        response["id_token_claims"] = {
            "oid": uid, "sub": "sub-" + uid, "tid": utid, "preferred_username": username, "aud": CLI,
            "iss": "https://%s/%s/v2.0" % (ENV, utid)}
    if foci:
        response["foci"] = "1"
    event = {
        "client_id": CLI,
        "scope": list(scopes),
        "token_endpoint": "https://%s/%s/oauth2/v2.0/token" % (ENV, tenant),
        "environment": ENV,
        "response": response,
        "grant_type": "refresh_token" if refresh else "authorization_code",
    }
    if refresh:
        event["skip_account_creation"] = True  # as acquire_token_silent does: refreshes add no Account
    return event


def cmd_check_format(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    text = raw.decode("utf-8")
    load(path)  # must not raise
    out({
        "bom": raw.startswith(b"\xef\xbb\xbf"),
        "ascii": all(b < 0x80 for b in raw),
        "identical_to_msal_serialize": json.dumps(json.loads(text), indent=4) == text,
    })


def cmd_keys_canonical(path):
    cache = load(path)
    mismatches = []
    checked = 0
    for section, entries in cache._cache.items():  # pylint: disable=protected-access
        maker = cache.key_makers.get(section)
        if maker is None:
            continue
        for key, entry in entries.items():
            checked += 1
            if maker(**entry) != key:
                mismatches.append(key)  # keys hold no secrets
    out({"checked": checked, "mismatches": mismatches})


def cmd_silent(path, tenant, username, scopes):
    cache = load(path)
    app, http = app_for(cache, tenant)
    all_users = sorted(a["username"] for a in app.get_accounts())
    matching = app.get_accounts(username=username)
    result = app.acquire_token_silent(scopes, account=matching[0]) if len(matching) == 1 else None
    found = bool(result and "access_token" in result)
    out({
        "usernames": all_users,
        "matching_accounts": len(matching),
        "found": found,
        "token_sha256": digest(result["access_token"]) if found else None,
        "token_requests": http.token_requests,
    })


def cmd_add(path, spec):
    cache = load(path) if os.path.exists(path) else msal.SerializableTokenCache()
    cache.add(token_event(**spec))
    save(cache, path)
    out({"ok": True})


def cmd_rotate_rt(path, home_account_id, new_rt):
    cache = load(path)
    rts = cache.find(msal.TokenCache.CredentialType.REFRESH_TOKEN,
                     query={"home_account_id": home_account_id, "environment": ENV})
    for rt in rts:
        cache.update_rt(rt, new_rt)
    save(cache, path)
    out({"rotated": len(rts)})


def cmd_remove_account(path, tenant, username):
    cache = load(path)
    app, http = app_for(cache, tenant)
    accounts = app.get_accounts(username=username)
    for account in accounts:
        app.remove_account(account)
    save(cache, path)
    out({"removed_accounts": len(accounts), "token_requests": http.token_requests})


def cmd_persisted_writer(path, label, count, pause_ms):
    cache = PersistedTokenCache(FilePersistence(path))
    uid = "0b0b0b0b-2222-4333-8444-555566667777"
    utid = "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"
    for i in range(count):
        # Each add() is several modify() calls (AT, Account, IdToken, AppMetadata), each under the lock.
        cache.add(token_event(
            uid, utid, utid, ["https://msal-python.invalid/%s/%d/.default" % (label, i)],
            "fake-py-at-%s-%d" % (label, i), username="py-writer@northwind.example"))
        if pause_ms:
            time.sleep(pause_ms / 1000.0)
    out({"written": count})


def cmd_hold_lock(lockfile, seconds):
    with CrossPlatLock(lockfile):
        print("locked", flush=True)
        time.sleep(seconds)
    print("released", flush=True)


def cmd_time_lock(lockfile):
    sys.stdout.write("waiting\n")  # the caller holds the lock from here on, however slowly Python started
    sys.stdout.flush()
    start = time.monotonic()
    with CrossPlatLock(lockfile):
        waited = time.monotonic() - start
        with open(lockfile, "rb") as handle:
            content = handle.read()
    expected = "{} {}".format(os.getpid(), sys.argv[0]).encode("utf-8")
    out({"waited": waited, "content_is_ours": content == expected, "removed": not os.path.exists(lockfile)})


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "check-format":
        cmd_check_format(args[0])
    elif command == "keys-canonical":
        cmd_keys_canonical(args[0])
    elif command == "silent":
        cmd_silent(args[0], args[1], args[2], args[3:])
    elif command == "add":
        cmd_add(args[0], json.loads(args[1]))
    elif command == "rotate-rt":
        cmd_rotate_rt(args[0], args[1], args[2])
    elif command == "remove-account":
        cmd_remove_account(args[0], args[1], args[2])
    elif command == "persisted-writer":
        cmd_persisted_writer(args[0], args[1], int(args[2]), int(args[3]))
    elif command == "hold-lock":
        cmd_hold_lock(args[0], float(args[1]))
    elif command == "time-lock":
        cmd_time_lock(args[0])
    else:
        sys.exit("unknown command: " + command)


if __name__ == "__main__":
    main(sys.argv)
