#pragma once

#include "auth/AuthorizationResponse.h"

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QWebEngineLoadingInfo;
class QWebEnginePage;
class QWebEngineProfile;
class QWebEngineView;

namespace tenantry {

class RedirectInterceptor;
class SignInWebPage;

// The identity provider's sign-in page in a dialog: a QWebEngineView on an off-the-record profile
// of its own (no cookies or cache shared with anything, nothing left on disk). It catches the
// navigation to the redirect URI before it loads and reports it only when its `state` matches.
// A redirect with a code closes the dialog; one with an error shows the provider's
// error_description. Esc, Cancel and the close button cancel and change nothing.
// Creating this dialog starts QtWebEngine: create it only when a sign-in starts.
class EmbeddedSignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit EmbeddedSignInDialog(const QUrl& redirectUri, QWidget* parent = nullptr);
    ~EmbeddedSignInDialog() override; // deletes the page before its profile

    // Loads the authorize URL; only redirects carrying `expectedState` are reported.
    void start(const QUrl& authorizeUrl, const QString& expectedState);

    QUrl redirectUri() const { return m_redirectUri; }
    QWebEnginePage* page() const;
    QWebEngineProfile* profile() const { return m_profile; }
    bool isFinished() const { return m_finished; }
    QString failureText() const;

public slots:
    // Shows why the sign-in failed (provider's error_description, a load error, a failed code
    // redemption) instead of the page; the dialog stays until the user closes it.
    void showFailure(const QString& message);
    void reject() override; // Esc, Cancel, the window's close button

signals:
    void redirected(const tenantry::AuthorizationResponse& response); // the redirect, with this sign-in's state
    void loadFailed(const QString& message);
    void cancelled();

private:
    void buildUi();
    void onRedirectRequested(const QUrl& url);
    void onLoadingChanged(const QWebEngineLoadingInfo& info);
    void showAddress(const QUrl& url);

    QUrl m_redirectUri;
    QString m_expectedState;
    bool m_finished = false;
    QWebEngineProfile* m_profile = nullptr;
    RedirectInterceptor* m_interceptor = nullptr;
    SignInWebPage* m_page = nullptr;
    QWebEngineView* m_view = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_addressLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_failureLabel = nullptr;
    QWidget* m_failurePanel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tenantry
