#pragma once

#include "account/TokenRequest.h"
#include "cache/MsalCache.h"

namespace tenantry {

// Answers a TokenRequest from the cache alone, as MSAL's acquire_token_silent does before it
// touches the network: the user's account in the cloud's environment, then an access token of
// this client for the tenant that covers the scopes and has more than 5 minutes left.
class CachedTokenLookup
{
public:
    CachedTokenLookup(QString environment, QString clientId);

    // NotSignedIn, with no homeAccountId, when the user has no account entry; NoValidToken when no usable
    // token is cached. The message says what is missing; each front end adds how to sign in.
    TokenResponse lookup(const MsalCache& cache, const TokenRequest& request, qint64 now) const;
    // The account's home_account_id for a username (case-insensitive, as MSAL's get_accounts).
    QString homeAccountIdOf(const MsalCache& cache, const QString& username) const;

private:
    QString m_environment;
    QString m_clientId;
};

} // namespace tenantry
