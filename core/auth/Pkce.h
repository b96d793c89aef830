#pragma once

#include "util/Secret.h"

#include <QString>

namespace tenantry {

// Proof Key for Code Exchange (RFC 7636, S256) and the other per-request randoms of the auth code
// flow, as MSAL makes them: a 43-character verifier of unreserved characters, a 16-letter state,
// a random nonce of which the request carries the SHA-256 hex (the ID token must echo that).
struct AuthorizationRandoms
{
    Secret codeVerifier;
    QString codeChallenge; // base64url(SHA-256(verifier)), no padding
    QString state;
    Secret nonce;
    QString nonceHash; // sent as "nonce"; hex SHA-256 of the nonce

    static AuthorizationRandoms generate();
    static QString challengeFor(const QString& verifier);
};

} // namespace tenantry
