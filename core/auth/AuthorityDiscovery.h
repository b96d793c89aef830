#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

namespace tenantry {

class HttpClient;

// The endpoints of one tenant's authority, from its OpenID Connect discovery document.
struct OpenIdConfiguration
{
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl deviceAuthorizationEndpoint;

    // The tenant segment of the token endpoint: "organizations", or the tenant GUID even when the
    // authority was named by domain. MSAL stores it as the cache "realm".
    QString realm() const;
};

// GET {authority host}/{tenant}/v2.0/.well-known/openid-configuration, once per tenant per run;
// concurrent asks for the same tenant share one request. A tenant named by its GUID after some
// document is known gets that document's endpoints with its own tenant segment instead: the
// identity platform lays every tenant's endpoints out alike, and after a sign-in that lists twenty
// tenants this saves twenty round trips before their tokens can be refreshed. On the identity
// platform's public sign-in hosts (the built-in clouds') a tenant GUID, "organizations", "common" and
// "consumers" need no document at all: their endpoints are laid out alike everywhere, and MSAL .NET
// builds them just so, so a sign-in starts with its first real request.
class AuthorityDiscovery : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const OpenIdConfiguration* configuration, const QString& error)>;

    AuthorityDiscovery(HttpClient* http, QUrl authorityHost, QObject* parent = nullptr);

    const QUrl& authorityHost() const { return m_host; }
    QString environment() const { return m_host.host().toLower(); } // the cache's "environment"
    void discover(const QString& tenant, Done done);

private:
    void finish(const QString& tenant, const OpenIdConfiguration* configuration, const QString& error);
    bool deriveFromKnown(const QString& tenantId, OpenIdConfiguration* derived) const;
    bool layOutOnPublicHost(const QString& tenant, OpenIdConfiguration* laidOut) const;
    bool isOnAuthorityHost(const QUrl& endpoint, QString* why) const;

    HttpClient* m_http;
    QUrl m_host;
    QHash<QString, OpenIdConfiguration> m_known;
    QHash<QString, QList<Done>> m_waiting;
};

} // namespace tenantry
