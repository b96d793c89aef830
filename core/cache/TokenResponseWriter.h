#pragma once

#include "auth/TokenGrantResult.h"
#include "cache/MsalCache.h"

namespace tenantry {

// Where a token response came from: what MSAL's TokenCache.add() needs besides the response.
struct TokenResponseContext
{
    QString environment;       // authority host, e.g. login.microsoftonline.com
    QString clientId;
    QString realm;             // tenant segment of the token endpoint used
    QStringList requestedScopes; // decorated scopes sent, used only when the response has no "scope"
    qint64 now = 0;
    bool createAccount = false; // sign-ins create Account entries; refreshes never do (MSAL's skip_account_creation)
    QString rotatedRefreshTokenKey; // refresh grant: the RT entry that was used, rotated in place
};

// Writes a successful token response into the cache exactly as MSAL Python 1.21's TokenCache.add
// does (SPEC §6, reference §1.3), plus the Account entry's account_source that MSAL Python >= 1.25
// writes, so az and MSAL apps read it as their own. Returns the home_account_id ("uid.utid" from
// client_info, else the ID token's sub).
QString writeTokenResponse(MsalCache& cache, const TokenGrantResult& response, const TokenResponseContext& context);

// "uid.utid" from a client_info value; empty when it lacks either.
QString homeAccountIdFromClientInfo(const QString& clientInfo);

} // namespace tenantry
