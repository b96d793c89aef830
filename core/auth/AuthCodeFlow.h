#pragma once

#include "auth/AuthorizationBrowser.h"
#include "auth/Pkce.h"
#include "auth/TokenClient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace tenantry {

// Options of one interactive sign-in.
struct AuthCodeRequest
{
    QString tenant = QStringLiteral("organizations");
    QStringList scopes;
    QString loginHint;
    QString domainHint;
    QString claims; // a claims challenge from a tenant that needs MFA / Conditional Access
    QString prompt = QStringLiteral("select_account");
    // How long the whole sign-in may take before it fails with a clear error (the browser never came
    // back, say); 0: as long as the user takes (an embedded browser the user can close).
    int timeoutSecs = 0;
};

// The authorization code grant with PKCE (S256), state and nonce, through an AuthorizationBrowser.
// It checks the redirect's state, redeems the code with the verifier and the exact redirect URI,
// and checks that the ID token echoes the nonce.
class AuthCodeFlow : public QObject
{
    Q_OBJECT

public:
    AuthCodeFlow(TokenClient* client, AuthorizationBrowser* browser, QObject* parent = nullptr);

    void start(const AuthCodeRequest& request);
    void cancel();
    bool isRunning() const { return m_running; }
    // The authorize URL of the running flow (for an embedded browser or a "copy link" fallback).
    QUrl authorizeUrl() const { return m_authorizeUrl; }

signals:
    void succeeded(const tenantry::TokenGrantResult& result, const QString& realm);
    void failed(const QString& message, tenantry::TokenGrantResult::Kind kind);
    void cancelled();

private:
    void onRedirect(const AuthorizationResponse& response);
    void fail(const QString& message, TokenGrantResult::Kind kind = TokenGrantResult::Kind::OtherError);
    void timedOut();

    TokenClient* m_client;
    QPointer<AuthorizationBrowser> m_browser;
    AuthCodeRequest m_request;
    AuthorizationRandoms m_randoms;
    QUrl m_authorizeUrl;
    QTimer m_deadline;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace tenantry
