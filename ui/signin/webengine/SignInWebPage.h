#pragma once

#include <QUrl>
#include <QWebEnginePage>

namespace tenantry {

// The navigation policy of the embedded sign-in page:
// - a navigation to the redirect URI (http://localhost:PORT) is never loaded; it is reported
//   (redirectRequested) for the dialog to check its `state`;
// - https -> http is refused (a downgrade could leak the authorization code);
// - only web schemes load (no file:, no custom handlers);
// - pop-ups and new windows open in the system browser, never in here.
class SignInWebPage : public QWebEnginePage
{
    Q_OBJECT

public:
    SignInWebPage(QWebEngineProfile* profile, const QUrl& redirectUri, QObject* parent = nullptr);

    // Same scheme, host and port as the redirect URI; any path and query.
    static bool isRedirect(const QUrl& url, const QUrl& redirectUri);
    static bool isDowngrade(const QUrl& from, const QUrl& to);

signals:
    void redirectRequested(const QUrl& url);
    void navigationRefused(const QUrl& url);
    void openedExternally(const QUrl& url);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;

private:
    void openExternally(const QUrl& url);

    QUrl m_redirectUri;
    QUrl m_current; // the last main-frame URL accepted: where a navigation comes from
};

} // namespace tenantry
