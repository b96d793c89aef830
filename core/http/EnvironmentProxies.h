#pragma once

#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tenantry {

// The proxy a request goes through, chosen from the environment as az's HTTP library (Python requests)
// chooses it, so Tenantry and az leave a corporate network by the same way:
// - https_proxy (else HTTPS_PROXY) for https URLs, http_proxy (else HTTP_PROXY) for http URLs, and
//   all_proxy (else ALL_PROXY) for either when that is not set; a lowercase variable set to nothing
//   means no proxy, whatever the uppercase one says. http_proxy is never used for https URLs.
// - no_proxy (else NO_PROXY): comma-separated host names, domain suffixes ("example.com" and
//   ".example.com" both cover login.example.com), host:port, IPv4 addresses and CIDR ranges; "*" covers
//   every host.
// - A proxy URL without a scheme is an http:// proxy; http:// and socks5:// (socks5h://) are used.
// Qt's own system proxy lookup (libproxy on Debian) reads other names and skips "*" and bare suffixes.
//
// A proxy URL may carry user:password; it is used to answer the proxy's challenge and never appears in
// a log or message: describe() names a proxy by scheme, host and port only.
class EnvironmentProxies
{
public:
    static EnvironmentProxies
    fromEnvironment(const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

    // The proxy for `url`; NoProxy when none is set or no_proxy covers the host. nullopt when the
    // variable for the URL's scheme names a proxy that cannot be used (see errors()): the request must
    // fail rather than leave the network unproxied.
    std::optional<QNetworkProxy> proxyFor(const QUrl& url) const;

    // One sentence per proxy variable that cannot be used, naming the variable, never its credentials.
    const QStringList& errors() const { return m_errors; }

    // "http://proxy.example:3128": what a proxy is called in messages.
    static QString describe(const QNetworkProxy& proxy);

private:
    struct Setting
    {
        QString variable;                   // the name it was read from, for messages
        std::optional<QNetworkProxy> proxy; // nullopt: set but unusable
    };

    std::optional<Setting> read(const QProcessEnvironment& environment, const QString& lowercaseName);
    bool bypasses(const QUrl& url) const;

    std::optional<Setting> m_https;
    std::optional<Setting> m_http;
    std::optional<Setting> m_all;
    QStringList m_noProxy; // lowercased entries, spaces removed
    QStringList m_errors;
};

// Hands a QNetworkAccessManager the proxies of EnvironmentProxies. A URL whose proxy cannot be used gets
// an empty list, which Qt would take as "no proxy": HttpClient refuses such requests before they are sent.
class EnvironmentProxyFactory : public QNetworkProxyFactory
{
public:
    explicit EnvironmentProxyFactory(EnvironmentProxies proxies)
        : m_proxies(std::move(proxies))
    {}

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

private:
    EnvironmentProxies m_proxies;
};

} // namespace tenantry
