#pragma once

#include "account/SignInService.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace tenantry {

class AccountDirectory;
class AccountsController;
class Session;
class TenantChoiceDialog;
struct AccountTarget;

// Lets the user choose an account's active tenants (TenantChoiceDialog over the session's TenantChoice):
// from the account's actions at any time, and right after a sign-in that found many tenants, before any of
// them is prompted for.
class TenantChoiceController : public QObject
{
    Q_OBJECT

public:
    TenantChoiceController(Session* session, AccountDirectory* directory, AccountsController* accounts, QWidget* window,
                           QObject* parent = nullptr);

    // The dialog for the target's account; tenants checked again are refreshed into az's list.
    void choose(const AccountTarget& target);
    // A sign-in finished: when it found more than TenantChoice::kOfferAbove tenants of an account the user
    // never chose for, the dialog comes first; `then` gets the result with the hidden tenants withdrawn.
    void afterSignIn(const SignInResult& result, std::function<void(const SignInResult&)> then);

    TenantChoiceDialog* dialog() const; // the open one, if any

signals:
    void statusMessage(const QString& message);
    // The user hid these tenants (all of `username`'s): whatever asked for their sign-in no longer stands.
    void tenantsHidden(const QString& username, const QStringList& tenantIds);

private:
    Session* m_session;
    AccountDirectory* m_directory;
    AccountsController* m_accounts;
    QWidget* m_window;
    QPointer<TenantChoiceDialog> m_dialog;
};

} // namespace tenantry
