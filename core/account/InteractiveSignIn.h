#pragma once

#include "account/SignInRequest.h"
#include "account/SignInService.h"
#include "auth/DeviceCodeFlow.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>

namespace tenantry {

class AuthCodeFlow;
class AuthorizationBrowser;
class Clock;
class Session;
class TokenClient;

// One interactive sign-in at a time, for both front ends: the authorization code flow in the browser the
// front end supplies (the app's embedded one, tenantry-cli's system browser behind a loopback listener) or
// the device code flow, then SignInService with the tokens (cache, tenants, subscriptions,
// azureProfile.json). It decides the authority (the tenant, "organizations" when none), the scopes and
// what is a failure; the front ends show what it reports. A cancelled or failed flow saves nothing.
class InteractiveSignIn : public QObject
{
    Q_OBJECT

public:
    InteractiveSignIn(TokenClient* client, SignInService* signIn, const Clock& clock, QString armScope,
                      QObject* parent = nullptr);
    // With the session's clients, its clock and its cloud's ARM scope.
    explicit InteractiveSignIn(Session* session, QObject* parent = nullptr);

    // From a start until completed(), failed() or cancelled().
    bool isRunning() const { return m_running; }

    // Both return false and start nothing while a sign-in runs. `browser` stays the caller's; it must
    // outlive the sign-in.
    bool startWithBrowser(const SignInRequest& request, AuthorizationBrowser* browser);
    bool startWithDeviceCode(const SignInRequest& request);
    // Stops a sign-in that waits for the user (browser or device code); nothing is saved. Once the
    // tokens are in (tokensReceived()), the sign-in is past stopping and finishes.
    void cancel();

signals:
    // Device code: what the user needs to finish the sign-in on another device.
    void deviceCodeReady(const tenantry::DeviceCodePrompt& prompt);
    // The user signed in; the tokens are being stored and the tenants and subscriptions looked up.
    void tokensReceived();
    // Exactly one of these ends a started sign-in.
    void completed(const tenantry::SignInResult& result); // signed in; result.error may still name a problem
    void failed(const tenantry::Error& error);            // nothing was signed in
    void cancelled();                                     // nothing was saved

private:
    bool begin(const SignInRequest& request);
    QStringList scopesOf(const SignInRequest& request) const;
    void onTokens(const TokenGrantResult& grant, const QString& realm);
    void onFlowFailed(const QString& message, TokenGrantResult::Kind kind);
    void onFlowCancelled();

    TokenClient* m_client;
    SignInService* m_signIn;
    const Clock& m_clock;
    QString m_armScope;
    SignInRequest m_request;
    QPointer<AuthCodeFlow> m_authCodeFlow;
    QPointer<DeviceCodeFlow> m_deviceCodeFlow;
    bool m_running = false;
};

} // namespace tenantry
