#include "auth/AuthorityDiscovery.h"

#include "azure/CloudConfig.h"
#include "http/HttpClient.h"
#include "util/Guid.h"
#include "util/Logging.h"

namespace tenantry {

QString OpenIdConfiguration::realm() const
{
    return tokenEndpoint.path().section(QLatin1Char('/'), 1, 1);
}

AuthorityDiscovery::AuthorityDiscovery(HttpClient* http, QUrl authorityHost, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_host(std::move(authorityHost))
{}

void AuthorityDiscovery::discover(const QString& tenant, Done done)
{
    const QString key = tenant.toLower();
    if (const auto it = m_known.constFind(key); it != m_known.constEnd()) {
        const OpenIdConfiguration known = it.value(); // a copy: the callback may discover more
        done(&known, QString());
        return;
    }
    QString why;
    if (!isAllowedAuthority(m_host.toString(), &why)) {
        done(nullptr, why);
        return;
    }
    if (OpenIdConfiguration laidOut; layOutOnPublicHost(key, &laidOut)) {
        m_known.insert(key, laidOut);
        done(&laidOut, QString());
        return;
    }
    if (OpenIdConfiguration derived; deriveFromKnown(key, &derived)) {
        m_known.insert(key, derived);
        qCDebug(lcAuth).noquote() << "endpoints of" << tenant << "derived from a known tenant's";
        done(&derived, QString());
        return;
    }
    const bool alreadyAsking = m_waiting.contains(key);
    m_waiting[key].append(std::move(done));
    if (alreadyAsking)
        return;

    QUrl url = m_host;
    url.setPath(QStringLiteral("/%1/v2.0/.well-known/openid-configuration").arg(tenant));
    m_http->get(url, {}, [this, key, tenant](const HttpResponse& response) {
        const auto body = response.json();
        if (!response.ok() || !body || !body->is_object()) {
            const QString error = response.status == 400 || response.status == 404
                                      ? tr("'%1' is not a tenant %2 knows.").arg(tenant, m_host.host())
                                      : tr("Could not read the sign-in configuration of tenant '%1' from %2 (%3).")
                                            .arg(tenant, m_host.host(),
                                                 response.status ? QStringLiteral("HTTP %1").arg(response.status)
                                                                 : response.networkError);
            finish(key, nullptr, error);
            return;
        }
        OpenIdConfiguration config;
        config.authorizationEndpoint = QUrl(json::toQString(body->value("authorization_endpoint", Json())));
        config.tokenEndpoint = QUrl(json::toQString(body->value("token_endpoint", Json())));
        const QString device = json::toQString(body->value("device_authorization_endpoint", Json()));
        // MSAL's fallback when the document has no device endpoint: next to the token endpoint.
        config.deviceAuthorizationEndpoint =
            device.isEmpty() ? config.tokenEndpoint.resolved(QUrl(QStringLiteral("devicecode"))) : QUrl(device);
        QString unusable;
        if (!isAllowedAuthority(config.tokenEndpoint.toString(), &unusable) ||
            !isAllowedAuthority(config.authorizationEndpoint.toString(), &unusable) ||
            !isOnAuthorityHost(config.deviceAuthorizationEndpoint, &unusable)) {
            finish(key, nullptr, tr("The sign-in configuration of '%1' is unusable: %2").arg(tenant, unusable));
            return;
        }
        m_known.insert(key, config);
        qCDebug(lcAuth).noquote() << "discovered" << tenant << "realm" << config.realm();
        finish(key, &config, QString());
    });
}

bool AuthorityDiscovery::isOnAuthorityHost(const QUrl& endpoint, QString* why) const
{
    if (!isAllowedAuthority(endpoint.toString(), why))
        return false;
    // The device code it hands out is typed in by people: it must come from the authority itself.
    const auto port = [](const QUrl& url) { return url.port(url.scheme() == QLatin1String("https") ? 443 : 80); };
    if (endpoint.scheme() == m_host.scheme() && endpoint.host().compare(m_host.host(), Qt::CaseInsensitive) == 0 &&
        port(endpoint) == port(m_host))
        return true;
    const auto origin = [](const QUrl& url) {
        return url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    };
    *why = tr("its device authorization endpoint is on %1, not on %2").arg(origin(endpoint), origin(m_host));
    return false;
}

bool AuthorityDiscovery::deriveFromKnown(const QString& tenantId, OpenIdConfiguration* derived) const
{
    if (!isGuid(tenantId) || m_known.isEmpty())
        return false;
    const OpenIdConfiguration& known = m_known.cbegin().value();
    const QString segment = known.realm();
    // Each endpoint must be {authority host}/{the known tenant}/...; anything else is not derivable.
    const auto withTenant = [&](const QUrl& endpoint, QUrl* out) {
        if (endpoint.host().compare(m_host.host(), Qt::CaseInsensitive) != 0 ||
            endpoint.path().section(QLatin1Char('/'), 1, 1) != segment)
            return false;
        *out = endpoint;
        out->setPath(QLatin1Char('/') + tenantId + QLatin1Char('/') + endpoint.path().section(QLatin1Char('/'), 2));
        return true;
    };
    return !segment.isEmpty() && withTenant(known.tokenEndpoint, &derived->tokenEndpoint) &&
           withTenant(known.authorizationEndpoint, &derived->authorizationEndpoint) &&
           withTenant(known.deviceAuthorizationEndpoint, &derived->deviceAuthorizationEndpoint);
}

bool AuthorityDiscovery::layOutOnPublicHost(const QString& tenant, OpenIdConfiguration* laidOut) const
{
    // The sign-in hosts of the clouds az knows built in (AzureCloud, AzureUSGovernment, AzureChinaCloud).
    static const QStringList kPublicHosts = {QStringLiteral("login.microsoftonline.com"),
                                             QStringLiteral("login.microsoftonline.us"),
                                             QStringLiteral("login.chinacloudapi.cn")};
    const bool publicHost = m_host.scheme() == QLatin1String("https") && m_host.port(443) == 443 &&
                            (m_host.path().isEmpty() || m_host.path() == QLatin1String("/")) &&
                            kPublicHosts.contains(m_host.host(), Qt::CaseInsensitive);
    // A domain needs the document: the realm is the tenant id its token endpoint names.
    static const QStringList kAudiences = {QStringLiteral("organizations"), QStringLiteral("common"),
                                           QStringLiteral("consumers")};
    if (!publicHost || (!kAudiences.contains(tenant) && !isGuid(tenant)))
        return false;
    const auto endpoint = [&](const char* name) {
        QUrl url = m_host;
        url.setPath(QStringLiteral("/%1/oauth2/v2.0/%2").arg(tenant, QLatin1String(name)));
        return url;
    };
    laidOut->authorizationEndpoint = endpoint("authorize");
    laidOut->tokenEndpoint = endpoint("token");
    laidOut->deviceAuthorizationEndpoint = endpoint("devicecode");
    return true;
}

void AuthorityDiscovery::finish(const QString& key, const OpenIdConfiguration* configuration, const QString& error)
{
    const QList<Done> waiting = m_waiting.take(key);
    for (const Done& done : waiting)
        done(configuration, error);
}

} // namespace tenantry
