#include "cache/CacheKeys.h"

namespace tenantry::cachekeys {

namespace {

QString credentialKey(const QString& homeAccountId, const QString& environment, const QString& credentialType,
                      const QString& clientId, const QString& realm, const QString& target)
{
    return QStringList{homeAccountId, environment, credentialType, clientId, realm, target}
        .join(QLatin1Char('-'))
        .toLower();
}

} // namespace

QString accessToken(const AccessToken& e)
{
    return credentialKey(e.homeAccountId, e.environment, QStringLiteral("AccessToken"), e.clientId, e.realm, e.target);
}

QString refreshToken(const RefreshToken& e)
{
    return credentialKey(e.homeAccountId, e.environment, QStringLiteral("RefreshToken"), e.clientId, QString(),
                         e.target);
}

QString idToken(const IdToken& e)
{
    return credentialKey(e.homeAccountId, e.environment, QStringLiteral("IdToken"), e.clientId, e.realm, QString());
}

QString account(const Account& e)
{
    return QStringList{e.homeAccountId, e.environment, e.realm}.join(QLatin1Char('-')).toLower();
}

QString appMetadata(const AppMetadata& e)
{
    return QStringLiteral("appmetadata-") + e.environment + QLatin1Char('-') + e.clientId;
}

} // namespace tenantry::cachekeys
