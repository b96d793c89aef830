#pragma once

#include "http/TrustRoots.h"

#include <QUrl>
#include <QWebEnginePage>

class QWebEngineCertificateError;

namespace tenantry {

// The navigation policy of the embedded sign-in page:
// - a navigation to the redirect URI (http://localhost:PORT) is never loaded; it is reported
//   (redirectRequested) for the dialog to check its `state`;
// - https -> http is refused (a downgrade could leak the authorization code);
// - only web schemes load (no file:, no custom handlers);
// - pop-ups and new windows open in the system browser, never in here;
// - a certificate Chromium finds no authority for is accepted only when it verifies for its host against
//   the system's authorities plus the CA bundle az's users name (TrustRoots: REQUESTS_CA_BUNDLE, ...), as
//   the core's own requests do behind a TLS-inspecting proxy; every other certificate error is refused
//   (certificateRefused).
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
    void certificateRefused(const QString& message); // for people: names the host

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;

private:
    void openExternally(const QUrl& url);
    void onCertificateError(QWebEngineCertificateError error);

    QUrl m_redirectUri;
    TrustRoots m_trustRoots;
    QUrl m_current; // the last main-frame URL accepted: where a navigation comes from
};

} // namespace tenantry
