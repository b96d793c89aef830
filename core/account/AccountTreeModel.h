#pragma once

#include "account/AccountDirectory.h"

#include <QAbstractItemModel>

namespace tenantry {

class Clock;

// accounts → tenants → subscriptions for a tree view, with each tenant's live token countdown.
// tick() (the view calls it each second) refreshes only the countdown cells.
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
        TenantStateRole,  // TenantState as int
        SecondsLeftRole,  // of the tenant's token; negative when expired; invalid when none
        ExpiringSoonRole, // under 5 minutes left
        IsActiveRole,     // the subscription az uses
        ReasonRole,
        ClaimsRole,
        HasRefreshTokenRole,
        TenantNameRole,       // the tenant's display name (tenant and subscription rows)
        SubscriptionNameRole, // subscription rows
        RefreshTokenDeadRole, // the account's sign-in expired or was revoked
        DefaultDomainRole,    // the tenant's default domain, when known
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
    static constexpr qint64 kExpiringSoonSecs = 300;

private:
    // Internal ids: 0 = account (row in accounts), tenant = 1-based account index << 20 | ... packed.
    struct Path
    {
        int account = -1;
        int tenant = -1;
        int subscription = -1;
    };
    Path pathOf(const QModelIndex& index) const;
    static quintptr pack(int account, int tenant);
    static QString subscriptionStateText(const QString& state);
    static TenantState effectiveState(const AccountEntry& account, const TenantEntry& tenant);
    QString statusText(const AccountEntry& account, const TenantEntry& tenant) const;
    QString expiresText(const AccountEntry& account, const TenantEntry& tenant) const;

    AccountDirectory* m_directory;
    const Clock& m_clock;
};

} // namespace tenantry
