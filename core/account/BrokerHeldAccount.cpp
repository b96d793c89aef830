#include "account/BrokerHeldAccount.h"

#include <algorithm>

namespace tenantry {

bool isHeldByBroker(const MsalCache& cache, const QString& homeAccountId, const QString& environment,
                    const QString& clientId)
{
    if (homeAccountId.isEmpty() || !cache.refreshTokensFor(homeAccountId, environment, clientId).isEmpty())
        return false;
    const QStringList aliases = MsalCache::environmentAliases(environment);
    const auto ofAccount = [&](const QString& entryHomeAccountId, const QString& entryEnvironment) {
        return entryHomeAccountId == homeAccountId && aliases.contains(entryEnvironment, Qt::CaseInsensitive);
    };
    const QList<Account> accounts = cache.accounts();
    bool sourceNamed = false;
    for (const Account& a : accounts) {
        if (!ofAccount(a.homeAccountId, a.environment) || a.accountSource.isEmpty())
            continue;
        if (a.accountSource == QLatin1String("broker"))
            return true;
        sourceNamed = true;
    }
    if (sourceNamed)
        return false;
    const QList<AccessToken> tokens = cache.accessTokens();
    return std::any_of(tokens.cbegin(), tokens.cend(),
                       [&](const AccessToken& t) { return ofAccount(t.homeAccountId, t.environment); });
}

} // namespace tenantry
