#pragma once

#include "account/InteractiveSignIn.h"
#include "auth/AuthorizationBrowser.h"
#include "signin/EmbeddedSignInLoader.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace tenantry {

class DeviceCodeDialog;
class EmbeddedAuthorizationBrowser;
class Session;

// The app's face of InteractiveSignIn (core), which decides everything about a sign-in: this adapter
// supplies the embedded browser (from the plugin EmbeddedSignInLoader loads at the first browser sign-in:
// QtWebEngine is mapped only now), shows the device code in its dialog, raises the running sign-in's
// window when another is asked for, and words what the core reports for the window. A cancelled or
// failed sign-in changes nothing. Without the plugin, a browser sign-in goes through the system browser
// (a loopback listener, as tenantry-cli's), or where there is none, a device code.
class SignInCoordinator : public QObject
{
    Q_OBJECT

public:
    SignInCoordinator(Session* session, QWidget* dialogParent, QObject* parent = nullptr);
    ~SignInCoordinator() override;

    bool isRunning() const;
    // The embedded browser of the latest browser sign-in (null before one, or with the system browser).
    EmbeddedAuthorizationBrowser* browser() const;
    // Tests: the plugin file to load instead of the installed one.
    void setEmbeddedSignInPlugin(const QString& pluginPath);
    DeviceCodeDialog* deviceCodeDialog() const;

public slots:
    void signInWithBrowser(const tenantry::SignInRequest& request);
    void signInWithCode(const tenantry::SignInRequest& request);
    void cancel();

signals:
    void started(const QString& message);
    // The browser sign-in goes on without the embedded browser (its plugin could not be loaded): why, and how.
    void embeddedBrowserUnavailable(const QString& message);
    void completed(const tenantry::SignInResult& result); // the account is signed in (result may name problems)
    void failed(const QString& message);
    void cancelled();

private:
    bool begin();
    void raiseRunning();
    void showDeviceCode(const DeviceCodePrompt& prompt);
    void onFailed(const Error& error);
    static QString describe(const Error& error);

    Session* m_session;
    InteractiveSignIn* m_signIn;
    QPointer<QWidget> m_dialogParent;
    EmbeddedSignInLoader m_embeddedSignIn;
    QPointer<EmbeddedAuthorizationBrowser> m_browser;
    // The fallback without the plugin: the loopback listener and the system browser it opens.
    QPointer<AuthorizationBrowser> m_systemBrowser;
    std::unique_ptr<BrowserLauncher> m_launcher;
    QPointer<DeviceCodeDialog> m_deviceCodeDialog;
};

} // namespace tenantry
