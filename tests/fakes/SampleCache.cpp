#include "fakes/SampleCache.h"

#include "fakes/TestFiles.h"

namespace tenantry::test {

MsalCache azSampleCache()
{
    MsalCache cache;
    QString error;
    if (!MsalCache::parse(readFile(dataPath(QStringLiteral("azure-cli-2.45/msal_token_cache.json"))), &cache, &error))
        qFatal("the sample token cache does not parse: %s", qPrintable(error));
    return cache;
}

void copyAccountEntries(const MsalCache& from, const QString& environment, const QString& homeAccountId, MsalCache* to,
                        bool withAccounts, const QString& username)
{
    for (AccessToken t : from.accessTokens()) {
        t.environment = environment;
        t.homeAccountId = homeAccountId;
        to->upsert(t);
    }
    for (RefreshToken t : from.refreshTokens()) {
        t.environment = environment;
        t.homeAccountId = homeAccountId;
        to->upsert(t);
    }
    for (IdToken t : from.idTokens()) {
        t.environment = environment;
        t.homeAccountId = homeAccountId;
        to->upsert(t);
    }
    for (Account a : withAccounts ? from.accounts() : QList<Account>()) {
        a.environment = environment;
        a.homeAccountId = homeAccountId;
        if (!username.isEmpty())
            a.username = username;
        to->upsert(a);
    }
}

} // namespace tenantry::test
