#pragma once

#include "account/AccountDirectory.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace tenantry {

class Clock;

// accounts → tenants → subscriptions for a tree view, with each tenant's state and live token countdown.
// It keeps its own copy of the directory's picture and follows each change by the smallest steps a view
// can follow (rows inserted, removed, moved, changed): a tenant's state change is dataChanged for its row,
// never a reset, so what the user expanded or selected stays. tick() (the view calls it each second)
// refreshes only the countdown cells.
class AccountTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, ExpiresColumn, ColumnCount };
    enum Kind { AccountKind, TenantKind, SubscriptionKind };
    enum Role {
        KindRole = Qt::UserRole + 1,
        UsernameRole,
        HomeAccountIdRole,
        TenantIdRole,
        SubscriptionIdRole,
        TenantStateRole,  // TenantState as int (tenant rows)
        SecondsLeftRole,  // of the tenant's token; negative when expired; invalid when none
        ExpiringSoonRole, // under 5 minutes left
        IsActiveRole,     // the subscription az uses
        ReasonRole,
        ClaimsRole,
        HasRefreshTokenRole,
        TenantNameRole,       // the tenant's display name (tenant and subscription rows)
        SubscriptionNameRole, // subscription rows
        RefreshTokenDeadRole, // the account's sign-in expired or was revoked (a tenant of it is SignInExpired)
        DefaultDomainRole,    // the tenant's default domain, when known
        SignedInRole,         // the account is signed in: by its refresh token (not rejected) or through a broker
        HeldByBrokerRole,     // a broker holds the account's sign-in (BrokerHeldAccount.h): cached tokens only
    };

    AccountTreeModel(AccountDirectory* directory, const Clock& clock, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void tick();
    QModelIndex activeSubscriptionIndex() const;

    // "59:58", "1:02:03", "3 d 4 h"; shown for a token's time left.
    static QString formatCountdown(qint64 secondsLeft);
    // Said of an account (and its tenants) whose sign-in a broker holds.
    static QString heldByBrokerText();
    static constexpr qint64 kExpiringSoonSecs = 300;

private:
    // One row; the index's internal pointer is its node, so indexes outlive changes of their parents' rows.
    struct Node
    {
        Kind kind = AccountKind;
        Node* parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        AccountEntry account;           // AccountKind, without its tenants
        TenantEntry tenant;             // TenantKind, without its subscriptions
        SubscriptionEntry subscription; // SubscriptionKind
        bool refreshing = false;        // AccountKind: a tenant of it is Refreshing
        bool signInExpired = false;     // AccountKind: a tenant of it is SignInExpired

        QString identity() const;
        bool sameRow(const Node& other) const;
        const Node& accountNode() const;
    };

    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column = 0) const;
    static std::unique_ptr<Node> nodeFor(const AccountEntry& account);
    void sync();
    void syncChildren(Node* shown, std::vector<std::unique_ptr<Node>> wanted);
    void emitRowChanged(const Node* node);
    void onTenantStateChanged(const TenantKey& key);
    bool updateAccountSummary(Node* account) const;
    TenantStateInfo stateOf(const Node& tenant) const;
    static QString subscriptionStateText(const QString& state);
    QString statusText(const Node& tenant) const;
    QString expiresText(const Node& tenant) const;
    QVariant accountData(const Node& node, int column, int role) const;
    QVariant tenantData(const Node& node, int column, int role) const;
    QVariant subscriptionData(const Node& node, int column, int role) const;

    AccountDirectory* m_directory;
    const Clock& m_clock;
    Node m_root;
};

} // namespace tenantry
