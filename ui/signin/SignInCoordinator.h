#pragma once

#include "account/InteractiveSignIn.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace tenantry {

class DeviceCodeDialog;
class Session;
class WebEngineAuthorizationBrowser;

// The app's face of InteractiveSignIn (core), which decides everything about a sign-in: this adapter
// supplies the embedded browser (WebEngineAuthorizationBrowser; QtWebEngine starts only now), shows the
// device code in its dialog, raises the running sign-in's window when another is asked for, and words
// what the core reports for the window. A cancelled or failed sign-in changes nothing.
class SignInCoordinator : public QObject
{
    Q_OBJECT

public:
    SignInCoordinator(Session* session, QWidget* dialogParent, QObject* parent = nullptr);
    ~SignInCoordinator() override;

    bool isRunning() const;
    WebEngineAuthorizationBrowser* browser() const;
    DeviceCodeDialog* deviceCodeDialog() const;

public slots:
    void signInWithBrowser(const tenantry::SignInRequest& request);
    void signInWithCode(const tenantry::SignInRequest& request);
    void cancel();

signals:
    void started(const QString& message);
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
    QPointer<WebEngineAuthorizationBrowser> m_browser;
    QPointer<DeviceCodeDialog> m_deviceCodeDialog;
};

} // namespace tenantry
