# Run by TestExecTokenEndpoint with Debian's /usr/bin/python3, inside `tenantry-cli exec` (or not): gets a
# token through azure-identity as an SDK app does, checks its claims here, and prints one JSON object of
# what the test checks further. The token itself is never printed: only its SHA-256.
#
#   exec_identity.py CREDENTIAL SCOPE [EXPECTED_TID]
#   CREDENTIAL: managed-identity | default | cli (AzureCliCredential, which runs az)
import base64
import hashlib
import json
import logging
import sys
import time

credential_name, scope = sys.argv[1], sys.argv[2]
expected_tid = sys.argv[3] if len(sys.argv) > 3 else None

messages = []


class KeepMessages(logging.Handler):
    def emit(self, record):
        messages.append(record.getMessage())


identity_logger = logging.getLogger("azure.identity")
identity_logger.setLevel(logging.INFO)  # not DEBUG: azure-identity's debug log names the account
identity_logger.addHandler(KeepMessages())

from azure.identity import AzureCliCredential, DefaultAzureCredential, ManagedIdentityCredential  # noqa: E402

if credential_name == "managed-identity":
    credential = ManagedIdentityCredential()
elif credential_name == "default":
    credential = DefaultAzureCredential()
else:
    credential = AzureCliCredential()

started = time.monotonic()
try:
    token = credential.get_token(scope)
except Exception as error:  # what the SDK tells the app, for the test to check
    print(json.dumps({"error": type(error).__name__, "message": str(error), "log": messages}))
    sys.exit(3)
seconds = time.monotonic() - started

payload = token.token.split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
if expected_tid is not None:
    assert claims.get("tid") == expected_tid, "the token is of another tenant"
assert token.expires_on > time.time() + 60, "the token expires too soon"

print(json.dumps({
    "tid": claims.get("tid"),
    "aud": claims.get("aud"),
    "sha256": hashlib.sha256(token.token.encode()).hexdigest(),
    "expires_on": token.expires_on,
    "seconds": seconds,
    "log": messages,
}))
