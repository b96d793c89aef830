// The MSAL token cache file (msal_token_cache.json) as other programs write it: parsed, read through
// every typed view and lookup, edited the way sign-in and sign-out do, and written back.
#include "FuzzSupport.h"

#include "cache/MsalCache.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    MsalCache cache;
    QString error;
    bool hadBom = false;
    if (!MsalCache::parse(bytes, &cache, &error, &hadBom))
        return 0;

    const qint64 now = 1700000000;
    const QList<AccessToken> accessTokens = cache.accessTokens();
    const QList<RefreshToken> refreshTokens = cache.refreshTokens();
    const QList<IdToken> idTokens = cache.idTokens();
    const QList<Account> accounts = cache.accounts();
    cache.appMetadata();
    cache.entryCount();
    cache.serialize();

    // Lookups keyed by what the file itself holds, so they get past the first comparison.
    for (const AccessToken& token : accessTokens) {
        AccessTokenQuery query;
        query.clientId = token.clientId;
        query.environment = token.environment;
        query.homeAccountId = token.homeAccountId;
        query.realm = token.realm;
        query.scopes = token.scopes();
        cache.findAccessToken(query, now);
    }
    for (const Account& account : accounts) {
        cache.accountsByUsername(account.username, account.environment);
        cache.refreshTokensFor(account.homeAccountId, account.environment, QStringLiteral("client"));
    }
    for (const IdToken& idToken : idTokens)
        cache.idTokenFor(idToken.homeAccountId, idToken.environment, idToken.clientId, idToken.realm);

    // Sign-in (rotate, upsert) and sign-out (remove a realm, then the account) on the hostile document.
    if (!refreshTokens.isEmpty()) {
        const RefreshToken& first = refreshTokens.first();
        cache.refreshTokensFor(first.homeAccountId, first.environment, first.clientId);
        cache.rotateRefreshToken(first.key, Secret(QStringLiteral("rotated")), now);
        cache.upsert(first);
        cache.removeRealm(first.homeAccountId, first.environment, QStringLiteral("organizations"));
        cache.removeAccount(first.homeAccountId, first.environment, first.clientId);
    }
    if (!accounts.isEmpty())
        cache.upsert(accounts.first());
    cache.serialize();
    return 0;
}
