#include "account/AccountTreeModel.h"

#include "util/Clock.h"

namespace tenantry {

// internalId layout: 0 for accounts; for tenants (account + 1); for subscriptions
// ((account + 1) << 16) | (tenant + 1). Parents are derived from it without stored pointers.
quintptr AccountTreeModel::pack(int account, int tenant)
{
    return (static_cast<quintptr>(account + 1) << 16) | static_cast<quintptr>(tenant + 1);
}

AccountTreeModel::AccountTreeModel(AccountDirectory* directory, const Clock& clock, QObject* parent)
    : QAbstractItemModel(parent)
    , m_directory(directory)
    , m_clock(clock)
{
    connect(directory, &AccountDirectory::aboutToChange, this, &AccountTreeModel::beginResetModel);
    connect(directory, &AccountDirectory::changed, this, &AccountTreeModel::endResetModel);
}

AccountTreeModel::Path AccountTreeModel::pathOf(const QModelIndex& index) const
{
    Path p;
    if (!index.isValid())
        return p;
    const quintptr id = index.internalId();
    if (id == 0) {
        p.account = index.row();
    } else if ((id >> 16) == 0) {
        p.account = static_cast<int>(id) - 1;
        p.tenant = index.row();
    } else {
        p.account = static_cast<int>(id >> 16) - 1;
        p.tenant = static_cast<int>(id & 0xffff) - 1;
        p.subscription = index.row();
    }
    return p;
}

QModelIndex AccountTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const Path p = pathOf(parent);
    if (p.tenant < 0)
        return createIndex(row, column, static_cast<quintptr>(p.account + 1));
    return createIndex(row, column, pack(p.account, p.tenant));
}

QModelIndex AccountTreeModel::parent(const QModelIndex& child) const
{
    const Path p = pathOf(child);
    if (p.tenant < 0)
        return {};
    if (p.subscription < 0)
        return createIndex(p.account, 0, quintptr(0));
    return createIndex(p.tenant, 0, static_cast<quintptr>(p.account + 1));
}

int AccountTreeModel::rowCount(const QModelIndex& parent) const
{
    const QList<AccountEntry>& accounts = m_directory->accounts();
    if (!parent.isValid())
        return static_cast<int>(accounts.size());
    if (parent.column() != 0)
        return 0;
    const Path p = pathOf(parent);
    if (p.account < 0 || p.account >= accounts.size())
        return 0;
    const AccountEntry& account = accounts.at(p.account);
    if (p.tenant < 0)
        return static_cast<int>(account.tenants.size());
    if (p.subscription < 0 && p.tenant < account.tenants.size())
        return static_cast<int>(account.tenants.at(p.tenant).subscriptions.size());
    return 0;
}

int AccountTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString AccountTreeModel::formatCountdown(qint64 secondsLeft)
{
    const qint64 s = std::max<qint64>(0, secondsLeft);
    if (s >= 86400)
        return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString AccountTreeModel::subscriptionStateText(const QString& state)
{
    // ARM's subscription states; anything newer is shown as ARM names it.
    if (state == QLatin1String("Enabled"))
        return tr("Enabled");
    if (state == QLatin1String("Disabled"))
        return tr("Disabled");
    if (state == QLatin1String("Warned"))
        return tr("Warned");
    if (state == QLatin1String("PastDue"))
        return tr("Past due");
    if (state == QLatin1String("Deleted"))
        return tr("Deleted");
    return state;
}

TenantState AccountTreeModel::effectiveState(const AccountEntry& account, const TenantEntry& tenant)
{
    return account.refreshing ? TenantState::Refreshing : tenant.state;
}

QString AccountTreeModel::statusText(const AccountEntry& account, const TenantEntry& tenant) const
{
    switch (effectiveState(account, tenant)) {
    case TenantState::SignedIn:
        return tr("Signed in");
    case TenantState::NeedsSignIn:
        return tenant.reason.isEmpty() ? tr("Needs sign-in") : tr("Needs sign-in: %1").arg(tenant.reason);
    case TenantState::Refreshing:
        return tr("Refreshing…");
    case TenantState::Error:
        return tenant.reason.isEmpty() ? tr("Error") : tr("Error: %1").arg(tenant.reason);
    }
    return {};
}

QString AccountTreeModel::expiresText(const AccountEntry& account, const TenantEntry& tenant) const
{
    // A tenant that needs an interactive sign-in gets no new token by refresh: nothing "renews on use".
    const bool renews =
        account.hasRefreshToken && !account.refreshTokenDead && tenant.state != TenantState::NeedsSignIn;
    if (tenant.tokenExpiresOn == 0)
        return renews ? tr("renews on use") : QStringLiteral("—");
    const qint64 left = tenant.tokenExpiresOn - m_clock.nowSecs();
    if (left <= 0)
        return renews ? tr("expired — renews on use") : tr("expired");
    return formatCountdown(left);
}

QVariant AccountTreeModel::data(const QModelIndex& index, int role) const
{
    const Path p = pathOf(index);
    const QList<AccountEntry>& accounts = m_directory->accounts();
    if (p.account < 0 || p.account >= accounts.size())
        return {};
    const AccountEntry& account = accounts.at(p.account);

    // Roles every row answers for its account, whatever its kind.
    switch (role) {
    case UsernameRole:
        return account.username;
    case HomeAccountIdRole:
        return account.homeAccountId;
    case HasRefreshTokenRole:
        return account.hasRefreshToken && !account.refreshTokenDead;
    case RefreshTokenDeadRole:
        return account.refreshTokenDead;
    default:
        break;
    }

    if (p.tenant < 0) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return account.displayName.isEmpty()
                           ? account.username
                           : QStringLiteral("%1 (%2)").arg(account.username, account.displayName);
            if (index.column() == StatusColumn) {
                if (account.refreshing)
                    return tr("Refreshing…");
                if (account.refreshTokenDead)
                    return tr("Sign-in expired");
                if (!account.hasRefreshToken)
                    return tr("Not signed in");
                return tr("%n tenant(s)", nullptr, static_cast<int>(account.tenants.size()));
            }
            return {};
        case Qt::ToolTipRole:
            return account.username;
        case KindRole:
            return AccountKind;
        default:
            return {};
        }
    }
    if (p.tenant >= account.tenants.size())
        return {};
    const TenantEntry& tenant = account.tenants.at(p.tenant);

    if (p.subscription < 0) {
        const qint64 left = tenant.tokenExpiresOn - m_clock.nowSecs();
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return tenant.displayName;
            if (index.column() == StatusColumn)
                return statusText(account, tenant);
            return expiresText(account, tenant);
        case Qt::ToolTipRole: {
            QString tip = tenant.tenantId;
            if (!tenant.defaultDomain.isEmpty())
                tip += QLatin1Char('\n') + tenant.defaultDomain;
            if (!tenant.reason.isEmpty())
                tip += QLatin1Char('\n') + tenant.reason;
            return tip;
        }
        case KindRole:
            return TenantKind;
        case TenantIdRole:
            return tenant.tenantId;
        case TenantStateRole:
            return static_cast<int>(effectiveState(account, tenant));
        case TenantNameRole:
            return tenant.displayName;
        case DefaultDomainRole:
            return tenant.defaultDomain;
        case SecondsLeftRole:
            return tenant.tokenExpiresOn ? QVariant(left) : QVariant();
        case ExpiringSoonRole:
            return tenant.tokenExpiresOn != 0 && left < kExpiringSoonSecs;
        case ReasonRole:
            return tenant.reason;
        case ClaimsRole:
            return tenant.claims;
        default:
            return {};
        }
    }
    if (p.subscription >= tenant.subscriptions.size())
        return {};
    const SubscriptionEntry& sub = tenant.subscriptions.at(p.subscription);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return sub.name;
        if (index.column() == StatusColumn)
            return sub.isActive ? tr("Active (az uses it)") : subscriptionStateText(sub.state);
        return {};
    case Qt::ToolTipRole:
        return sub.id;
    case KindRole:
        return SubscriptionKind;
    case TenantIdRole:
        return tenant.tenantId;
    case SubscriptionIdRole:
        return sub.id;
    case SubscriptionNameRole:
        return sub.name;
    case TenantNameRole:
        return tenant.displayName;
    case IsActiveRole:
        return sub.isActive;
    default:
        return {};
    }
}

QVariant AccountTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Account / tenant / subscription");
    case StatusColumn:
        return tr("Status");
    case ExpiresColumn:
        return tr("Token expires in");
    }
    return {};
}

void AccountTreeModel::tick()
{
    const QList<AccountEntry>& accounts = m_directory->accounts();
    for (int a = 0; a < accounts.size(); ++a) {
        const int tenants = static_cast<int>(accounts.at(a).tenants.size());
        if (tenants == 0)
            continue;
        const QModelIndex accountIndex = index(a, 0);
        emit dataChanged(index(0, ExpiresColumn, accountIndex), index(tenants - 1, ExpiresColumn, accountIndex),
                         {Qt::DisplayRole, SecondsLeftRole, ExpiringSoonRole});
    }
}

QModelIndex AccountTreeModel::activeSubscriptionIndex() const
{
    const QList<AccountEntry>& accounts = m_directory->accounts();
    for (int a = 0; a < accounts.size(); ++a) {
        for (int t = 0; t < accounts.at(a).tenants.size(); ++t) {
            const auto& subs = accounts.at(a).tenants.at(t).subscriptions;
            for (int s = 0; s < subs.size(); ++s) {
                if (subs.at(s).isActive)
                    return index(s, 0, index(t, 0, index(a, 0)));
            }
        }
    }
    return {};
}

} // namespace tenantry
