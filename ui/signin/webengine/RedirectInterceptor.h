#pragma once

#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace tenantry {

// A second line behind SignInWebPage: blocks every request to the redirect URI at the network
// level (sub-resources, prefetches, redirects Chromium follows itself), and reports main-frame
// ones, so the authorization code never reaches whatever might listen on that port.
class RedirectInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    explicit RedirectInterceptor(const QUrl& redirectUri, QObject* parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo& info) override;

signals:
    void redirectRequested(const QUrl& url);

private:
    QUrl m_redirectUri;
};

} // namespace tenantry
