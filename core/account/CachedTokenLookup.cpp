#include "account/CachedTokenLookup.h"

#include <QCoreApplication>

namespace tenantry {

CachedTokenLookup::CachedTokenLookup(QString environment, QString clientId)
    : m_environment(std::move(environment))
    , m_clientId(std::move(clientId))
{}

QString CachedTokenLookup::homeAccountIdOf(const MsalCache& cache, const QString& username) const
{
    const QList<Account> accounts = cache.accountsByUsername(username, m_environment);
    return accounts.isEmpty() ? QString() : accounts.first().homeAccountId;
}

TokenResponse CachedTokenLookup::lookup(const MsalCache& cache, const TokenRequest& request, qint64 now) const
{
    TokenResponse response;
    response.tenantId = request.tenantId;
    response.homeAccountId = homeAccountIdOf(cache, request.username);
    if (response.homeAccountId.isEmpty()) {
        response.error = TokenResponse::Error::NotSignedIn;
        response.message = QCoreApplication::translate("tenantry::CachedTokenLookup", "User '%1' is not signed in.")
                               .arg(request.username);
        return response;
    }
    if (!request.forceRefresh) {
        const AccessTokenQuery query{m_clientId, m_environment, response.homeAccountId, request.tenantId,
                                     request.scopes};
        if (const auto token = cache.findAccessToken(query, now)) {
            response.accessToken = token->secret;
            response.tokenType = token->tokenType.isEmpty() ? QStringLiteral("Bearer") : token->tokenType;
            response.expiresOn = token->expiresOn;
            return response;
        }
    }
    response.error = TokenResponse::Error::NoValidToken;
    response.message = QCoreApplication::translate("tenantry::CachedTokenLookup",
                                                   "No valid access token for '%1' in tenant %2 is cached.")
                           .arg(request.scopes.join(QLatin1Char(' ')), request.tenantId);
    return response;
}

} // namespace tenantry
