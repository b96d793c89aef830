#include "http/EnvironmentProxies.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace tenantry {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tenantry::EnvironmentProxies", text);
}

// Where a proxy URL points, without its user or password.
QString withoutCredentials(const QUrl& url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                        QUrl::StripTrailingSlash);
}

} // namespace

EnvironmentProxies EnvironmentProxies::fromEnvironment(const QProcessEnvironment& environment)
{
    EnvironmentProxies proxies;
    proxies.m_https = proxies.read(environment, QStringLiteral("https_proxy"));
    proxies.m_http = proxies.read(environment, QStringLiteral("http_proxy"));
    proxies.m_all = proxies.read(environment, QStringLiteral("all_proxy"));
    QString noProxy = environment.value(QStringLiteral("no_proxy"));
    if (noProxy.isEmpty())
        noProxy = environment.value(QStringLiteral("NO_PROXY"));
    noProxy.remove(QLatin1Char(' '));
    for (const QString& entry : noProxy.toLower().split(QLatin1Char(','), Qt::SkipEmptyParts))
        proxies.m_noProxy << entry;
    return proxies;
}

std::optional<EnvironmentProxies::Setting> EnvironmentProxies::read(const QProcessEnvironment& environment,
                                                                    const QString& lowercaseName)
{
    // Python's urllib lets a lowercase variable override the uppercase one, even when set to nothing.
    QString variable = lowercaseName;
    if (!environment.contains(variable))
        variable = lowercaseName.toUpper();
    QString value = environment.value(variable).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    if (!value.contains(QLatin1String("://")))
        value.prepend(QLatin1String("http://"));
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    Setting setting{variable, std::nullopt};
    QString why;
    if (!url.isValid() || url.host().isEmpty()) {
        why = tr("it is not a proxy address");
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("socks5") ||
               scheme == QLatin1String("socks5h")) {
        const bool http = scheme == QLatin1String("http");
        QNetworkProxy proxy(http ? QNetworkProxy::HttpProxy : QNetworkProxy::Socks5Proxy, url.host(),
                            quint16(url.port(http ? 80 : 1080)));
        // requests sends them percent-decoded; so does QUrl::userName(FullyDecoded).
        proxy.setUser(url.userName(QUrl::FullyDecoded));
        proxy.setPassword(url.password(QUrl::FullyDecoded));
        setting.proxy = proxy;
        return setting;
    } else {
        why = tr("Tenantry can use only http:// and socks5:// proxies");
    }
    // The message names the variable and where it points, never what is before the '@'.
    const QString where =
        url.isValid() && !url.host().isEmpty() ? withoutCredentials(url) : tr("an unreadable address");
    m_errors << tr("%1 names the proxy %2, which cannot be used: %3. Requests that would go through it fail.")
                    .arg(variable, where, why);
    return setting;
}

bool EnvironmentProxies::bypasses(const QUrl& url) const
{
    const QString host = url.host().toLower();
    const QHostAddress address(host);
    const bool ipv4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    const QString hostWithPort = url.port() >= 0 ? host + QLatin1Char(':') + QString::number(url.port()) : QString();
    for (const QString& entry : m_noProxy) {
        if (entry == QLatin1String("*"))
            return true;
        if (ipv4) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (entry.contains(QLatin1Char('/')) ? address.isInSubnet(subnet) : entry == host)
                return true;
            continue;
        }
        // requests matches the end of the host name (or of host:port), not only whole labels.
        if (host.endsWith(entry) || (!hostWithPort.isEmpty() && hostWithPort.endsWith(entry)))
            return true;
    }
    return false;
}

std::optional<QNetworkProxy> EnvironmentProxies::proxyFor(const QUrl& url) const
{
    const QString scheme = url.scheme().toLower();
    const std::optional<Setting>& own = scheme == QLatin1String("https")  ? m_https
                                        : scheme == QLatin1String("http") ? m_http
                                                                          : m_all;
    const std::optional<Setting>& setting = own ? own : m_all;
    if (!setting || bypasses(url))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return setting->proxy;
}

QString EnvironmentProxies::describe(const QNetworkProxy& proxy)
{
    QUrl url;
    url.setScheme(proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5") : QStringLiteral("http"));
    url.setHost(proxy.hostName());
    url.setPort(proxy.port());
    return url.toString();
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    QUrl url = query.url();
    if (!url.isValid() || url.host().isEmpty()) {
        url = QUrl();
        url.setScheme(query.protocolTag());
        url.setHost(query.peerHostName());
        if (query.peerPort() > 0)
            url.setPort(query.peerPort());
    }
    if (const auto proxy = m_proxies.proxyFor(url))
        return {*proxy};
    return {};
}

} // namespace tenantry
