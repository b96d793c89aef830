#pragma once

#include "account/SignInService.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace tenantry {

class AuthCodeFlow;
class DeviceCodeDialog;
class DeviceCodeFlow;
class Session;
class WebEngineAuthorizationBrowser;

// What to sign in to.
struct SignInRequest
{
    QString tenant;    // empty: every tenant of the account ("organizations" authority)
    QString loginHint; // the account, when signing in again or to one more tenant
    QString claims;    // the tenant's claims challenge (MFA, Conditional Access)
};

// Runs one interactive sign-in at a time: in the embedded browser (AuthCodeFlow through a
// WebEngineAuthorizationBrowser; QtWebEngine starts only now) or with a device code (DeviceCodeFlow
// and its dialog). A successful flow is handed to SignInService, which caches it, finds the
// account's tenants and subscriptions and updates azureProfile.json. A cancelled or failed flow
// changes nothing.
class SignInCoordinator : public QObject
{
    Q_OBJECT

public:
    SignInCoordinator(Session* session, QWidget* dialogParent, QObject* parent = nullptr);
    ~SignInCoordinator() override;

    bool isRunning() const { return m_running; }
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
    void complete(const TokenGrantResult& result, const QString& realm, const SignInRequest& request);
    void finishFlow();
    void raiseRunning();
    QStringList scopes() const;

    Session* m_session;
    QPointer<QWidget> m_dialogParent;
    QPointer<WebEngineAuthorizationBrowser> m_browser;
    QPointer<AuthCodeFlow> m_authCodeFlow;
    QPointer<DeviceCodeFlow> m_deviceCodeFlow;
    QPointer<DeviceCodeDialog> m_deviceCodeDialog;
    bool m_running = false;
};

} // namespace tenantry

Q_DECLARE_METATYPE(tenantry::SignInRequest)
