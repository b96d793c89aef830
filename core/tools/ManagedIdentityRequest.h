#pragma once

#include "http/HttpRequestParser.h"
#include "util/Result.h"
#include "util/Secret.h"

#include <QByteArray>
#include <QString>

#include <tl/expected.hpp>

namespace tenantry {

// The token requests Tenantry answers as an App Service managed identity (api-version 2019-08-01):
// what the Azure SDKs' ManagedIdentityCredential sends when IDENTITY_ENDPOINT and IDENTITY_HEADER are
// set, and the answers they accept. Pure functions over a parsed request; ManagedIdentityEndpoint
// (ManagedIdentityEndpoint.h) is the listener around them.

inline constexpr QLatin1String kManagedIdentityPath("/msi/token");
inline constexpr QLatin1String kManagedIdentityApiVersion("2019-08-01");
inline constexpr QByteArrayView kManagedIdentitySecretHeader("x-identity-header");

// An HTTP answer with a JSON body.
struct ManagedIdentityAnswer
{
    int status = 200;
    QByteArray body;
};

// What a valid request asks for: a token for `scope`; `resource` is echoed in the answer (the SDK files
// the token under it).
struct ManagedIdentityAsk
{
    QString scope;
    QString resource;
};

// Reads one request. `secret` is the per-run X-IDENTITY-HEADER value, `expectedHost` the only Host the
// endpoint answers to ("127.0.0.1:PORT"). A request without the right secret gets 401 and nothing
// else (compared in constant time); then the Host (DNS rebinding), GET, the path, api-version, and no
// other identity named (client_id, object_id, ...: there is one, the signed-in user) are checked.
// `resource` R asks for R/.default, `scope` for itself. Refusals are JSON errors the SDKs show.
tl::expected<ManagedIdentityAsk, ManagedIdentityAnswer>
readManagedIdentityRequest(const HttpRequest& request, QByteArrayView secret, QByteArrayView expectedHost);

// The token answer: access_token, expires_on and expires_in (seconds, as text as App Service sends
// them), resource, token_type.
ManagedIdentityAnswer managedIdentityTokenAnswer(const ManagedIdentityAsk& ask, const Secret& accessToken,
                                                 qint64 expiresOn, qint64 now);

// A refusal: {"error": {"code": code, "message": message}}; azure-identity shows the body as it is.
ManagedIdentityAnswer managedIdentityError(int status, const QString& code, const QString& message);

// A failed token acquisition as the SDK shows it: always 400, never a 5xx, which the SDKs retry for
// minutes; the code names the kind of failure, the message is Tenantry's (never a secret).
ManagedIdentityAnswer managedIdentityTokenFailure(const Error& error);

// Constant-time comparison: how long it takes says nothing about where a guess goes wrong.
bool equalInConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace tenantry
