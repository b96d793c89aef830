#pragma once

#include <QModelIndex>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace tenantry {

// The row a command is about: an account, one of its tenants, or a subscription in a tenant.
struct AccountTarget
{
    int kind = -1; // AccountTreeModel::Kind; -1: nothing selected
    QString username;
    QString homeAccountId;
    QString tenantId;
    QString tenantName;
    QString subscriptionId;
    QString subscriptionName;
    QString claims;             // the tenant's claims challenge, carried into its sign-in
    bool signedIn = false;      // the account has a live refresh token
    bool hasValidToken = false; // the tenant's cached access token has not expired (copied even without a sign-in)
    bool isActive = false;      // the subscription az uses

    static AccountTarget fromIndex(const QModelIndex& index);
    bool isValid() const { return kind >= 0; }
    QString describe() const; // "Northwind Sandbox (Northwind), sam@northwind.example"
};

// What can be done with the selected row of the accounts tree, as QActions shared by the toolbar,
// the context menu and the keyboard: sign in to a tenant (or again to an account), sign out of a
// tenant or an account, make a subscription active, copy a token, open a terminal with a subscription, refresh
// the account.
// It asks for these through signals; it does none of them itself.
class AccountActions : public QObject
{
    Q_OBJECT

public:
    explicit AccountActions(QObject* parent = nullptr);

    void setTarget(const QModelIndex& index);
    const AccountTarget& target() const { return m_target; }

    QAction* signIn() const { return m_signIn; }
    QAction* signInWithCode() const { return m_signInWithCode; }
    QAction* signOutTenant() const { return m_signOutTenant; }
    QAction* signOutAccount() const { return m_signOutAccount; }
    QAction* makeActive() const { return m_makeActive; }
    QAction* copyToken() const { return m_copyToken; }
    QAction* openTerminal() const { return m_openTerminal; }
    QAction* refresh() const { return m_refresh; }
    QAction* chooseTenants() const { return m_chooseTenants; }
    QList<QAction*> all() const;

    // The context menu for the current target: only what applies to it.
    void fillMenu(QMenu* menu) const;
    // Puts the shortcuts on `widget` (the tree): Return and Ctrl+C work while it has focus (the tree
    // itself turns Delete into the sign-out that fits the row).
    void addShortcutsTo(QWidget* widget);

signals:
    void signInRequested(const tenantry::AccountTarget& target);
    void signInWithCodeRequested(const tenantry::AccountTarget& target);
    void signOutTenantRequested(const tenantry::AccountTarget& target);
    void signOutAccountRequested(const tenantry::AccountTarget& target);
    void makeActiveRequested(const tenantry::AccountTarget& target);
    void copyTokenRequested(const tenantry::AccountTarget& target);
    void openTerminalRequested(const tenantry::AccountTarget& target);
    void refreshRequested(const tenantry::AccountTarget& target);
    void chooseTenantsRequested(const tenantry::AccountTarget& target);

private:
    QAction* add(const QString& text, const QString& iconName);
    void update();

    AccountTarget m_target;
    QAction* m_signIn = nullptr;
    QAction* m_signInWithCode = nullptr;
    QAction* m_signOutTenant = nullptr;
    QAction* m_signOutAccount = nullptr;
    QAction* m_makeActive = nullptr;
    QAction* m_copyToken = nullptr;
    QAction* m_openTerminal = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_chooseTenants = nullptr;
};

} // namespace tenantry

Q_DECLARE_METATYPE(tenantry::AccountTarget)
