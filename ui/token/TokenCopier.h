#pragma once

#include "ClipboardGuard.h"

#include <QObject>

namespace tenantry {

class TokenProvider;

// Who and what a token is copied for.
struct TokenCopyRequest
{
    QString username;
    QString tenantId;
    QString scope;       // one or more scopes, space-separated
    QString description; // for people: "Microsoft Graph for Northwind (sam@northwind.example)"
    ClipboardGuard::TokenFormat format = ClipboardGuard::TokenFormat::Raw;
};

// Gets an access token (cached, or refreshed by the account's refresh token) and puts it on the
// clipboard through ClipboardGuard, which clears it again. The token itself never leaves this
// class except into the guard.
class TokenCopier : public QObject
{
    Q_OBJECT

public:
    TokenCopier(TokenProvider* tokens, ClipboardGuard* clipboard, QObject* parent = nullptr);

    void copy(const TokenCopyRequest& request);
    bool isBusy() const { return m_pending > 0; }

    // "https://graph.microsoft.com" and "https://management.core.windows.net/" (a resource, as
    // az's --resource takes it) become "<resource>/.default"; scopes stay as they are.
    static QString normalizedScope(const QString& scopeOrResource);

signals:
    void copied(const tenantry::TokenCopyRequest& request, qint64 expiresOn, int clearInSeconds);
    // `needsSignIn`: the tenant (or the account) needs an interactive sign-in first.
    void failed(const tenantry::TokenCopyRequest& request, const QString& message, bool needsSignIn);

private:
    TokenProvider* m_tokens;
    ClipboardGuard* m_clipboard;
    int m_pending = 0;
};

} // namespace tenantry

Q_DECLARE_METATYPE(tenantry::TokenCopyRequest)
