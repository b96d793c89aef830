#include "signin/webengine/RedirectInterceptor.h"

#include "signin/webengine/SignInWebPage.h"

namespace tenantry {

RedirectInterceptor::RedirectInterceptor(const QUrl& redirectUri, QObject* parent)
    : QWebEngineUrlRequestInterceptor(parent)
    , m_redirectUri(redirectUri)
{}

void RedirectInterceptor::interceptRequest(QWebEngineUrlRequestInfo& info)
{
    const QUrl url = info.requestUrl();
    if (!SignInWebPage::isRedirect(url, m_redirectUri))
        return;
    info.block(true);
    if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame) {
        // Queued: this runs inside Chromium's request handling.
        QMetaObject::invokeMethod(
            this, [this, url] { emit redirectRequested(url); }, Qt::QueuedConnection);
    }
}

} // namespace tenantry
