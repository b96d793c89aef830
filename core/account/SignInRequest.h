#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tenantry {

// What to sign in to, interactively.
struct SignInRequest
{
    // What the app's menus know: the tenant (or none), the account, the tenant's challenge.
    SignInRequest(QString tenantId = {}, QString account = {}, QString challenge = {})
        : tenant(std::move(tenantId))
        , loginHint(std::move(account))
        , claims(std::move(challenge))
    {}

    QString tenant;     // empty: every tenant of the account ("organizations" authority), as az login
    QString loginHint;  // the account, when signing in again or to one more tenant (browser only)
    QString claims;     // the tenant's claims challenge (MFA, Conditional Access), passed to the provider
    QStringList scopes; // empty: the cloud's ARM scope
    bool allowNoSubscriptions = false; // tenants without subscriptions become tenant-level entries
    // How long the browser may take to come back before the sign-in fails; 0: as long as the user takes
    // (an embedded browser the user can close).
    int browserTimeoutSecs = 0;
};

} // namespace tenantry

Q_DECLARE_METATYPE(tenantry::SignInRequest)
