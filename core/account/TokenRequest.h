#pragma once

#include "util/Secret.h"

#include <QString>
#include <QStringList>

namespace tenantry {

// Azure CLI's public client id: tokens and refresh tokens are shared with az through the cache.
inline const QString kAzureCliClientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");

// An access token for `scopes`, for `username`'s account, issued by `tenantId`.
struct TokenRequest
{
    QStringList scopes;
    QString tenantId;
    QString username;
    bool forceRefresh = false;
    // False: the caller tells the user about a tenant that needs an interactive sign-in (discovery reports it per
    // tenant, after the user chose which tenants are active), so TokenProvider::interactionRequired stays quiet.
    bool announceInteraction = true;
    // True: a refreshed token is handed over as soon as the provider issued it, while its cache write goes on
    // (TokenProvider::whenWritten says when every write has ended). For callers that only send it on, such as
    // discovery listing a tenant's subscriptions, so the cache write (a locked file write and a keychain
    // round trip) is not on their way; false: once the token is in the cache, as az would find it.
    bool answerBeforeCached = false;
};

struct TokenResponse
{
    enum class Error {
        None,
        NotSignedIn,         // no account for the user in the cache: sign in first
        NoValidToken,        // nothing valid cached and no way to refresh it here
        InteractionRequired, // MFA / Conditional Access: this tenant needs an interactive sign-in
        RefreshTokenDead,    // the account's refresh token was revoked or expired: sign in again
        HeldByBroker,        // a broker holds the account's sign-in (BrokerHeldAccount.h) and no cached token is valid:
                             // the user is signed in, az renews the token; no sign-in cures it
        Network,             // the identity provider did not answer usefully
        Storage,             // the cache could not be read
    };

    Error error = Error::None;
    QString message; // for people; never a secret
    QString claims;  // the claims challenge to pass to an interactive sign-in, if any
    Secret accessToken;
    QString tokenType = QStringLiteral("Bearer");
    qint64 expiresOn = 0; // POSIX seconds
    QString tenantId;
    QString homeAccountId;

    bool ok() const { return error == Error::None; }
    // The one answer to "does the user have to sign in interactively to get this token?": the tenant
    // asks for MFA / Conditional Access, the account's refresh token is dead, or it is not signed in.
    // Network and storage trouble is not cured by a sign-in, nor is a broker-held sign-in (az renews its tokens).
    bool needsInteractiveSignIn() const
    {
        return error == Error::InteractionRequired || error == Error::RefreshTokenDead || error == Error::NotSignedIn;
    }
};

} // namespace tenantry
