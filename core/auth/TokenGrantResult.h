#pragma once

#include "http/HttpClient.h"
#include "util/Secret.h"

#include <QList>
#include <QString>

namespace tenantry {

// A token endpoint's answer, success or error, classified the way callers need to act on it.
struct TokenGrantResult
{
    enum class Kind {
        Ok,
        InteractionRequired,  // MFA / Conditional Access / claims challenge: this tenant needs an interactive sign-in
        RefreshTokenDead,     // invalid_grant 700082/70043/50173...: the account needs a new sign-in
        AuthorizationPending, // device code: keep polling
        SlowDown,             // device code: poll 5 s slower
        Declined,             // device code: the user said no
        Expired,              // device code expired
        BadVerificationCode,
        OtherError,           // any other OAuth error
        Network,              // no answer, or 5xx after retries
        InvalidResponse,      // 2xx without the fields a token response must have
    };

    Kind kind = Kind::InvalidResponse;
    int httpStatus = 0;

    // Success
    Secret accessToken;
    Secret refreshToken;
    Secret idToken;
    QString tokenType;
    QString scope;         // as granted, server's order
    qint64 expiresIn = 0;
    qint64 extExpiresIn = 0;
    std::optional<qint64> refreshIn;
    QString clientInfo;    // base64url {"uid","utid"}
    QString foci;          // "1" for the Microsoft family
    QString grantType;     // the grant_type sent (set by TokenClient): MSAL's event "grant_type"

    // Error (error_description is the server's text for people: AADSTS code and message)
    QString error;
    QString errorDescription;
    QString suberror;
    QString claims;        // JSON string to pass back on an interactive sign-in
    QList<int> errorCodes;

    bool ok() const { return kind == Kind::Ok; }
    QString message() const; // first line of error_description, or what went wrong

    // Reads a token endpoint's answer (no network: a pure function of status and body, fuzzed). Never
    // throws: missing or mistyped fields are an InvalidResponse or get MSAL's defaults, lifetimes are
    // bounded. `now` is POSIX seconds (for expires_on).
    static TokenGrantResult fromHttp(const HttpResponse& response, qint64 now);
};

} // namespace tenantry
