#include "account/AccountTreeModel.h"

#include "auth/EntraError.h"
#include "util/Clock.h"

#include <algorithm>

namespace tenantry {

namespace {

bool sameAccount(const AccountEntry& a, const AccountEntry& b)
{
    return a.homeAccountId == b.homeAccountId && a.username == b.username && a.displayName == b.displayName &&
           a.environment == b.environment && a.hasRefreshToken == b.hasRefreshToken && a.heldByBroker == b.heldByBroker;
}

bool sameTenant(const TenantEntry& a, const TenantEntry& b)
{
    return a.tenantId == b.tenantId && a.displayName == b.displayName && a.defaultDomain == b.defaultDomain &&
           a.tokenExpiresOn == b.tokenExpiresOn;
}

bool sameSubscription(const SubscriptionEntry& a, const SubscriptionEntry& b)
{
    return a.id == b.id && a.name == b.name && a.state == b.state && a.isActive == b.isActive;
}

} // namespace

QString AccountTreeModel::Node::identity() const
{
    switch (kind) {
    case AccountKind:
        return account.username.toLower();
    case TenantKind:
        return tenant.tenantId.toLower();
    case SubscriptionKind:
        return subscription.id.toLower();
    }
    return {};
}

bool AccountTreeModel::Node::sameRow(const Node& other) const
{
    switch (kind) {
    case AccountKind:
        return sameAccount(account, other.account);
    case TenantKind:
        return sameTenant(tenant, other.tenant);
    case SubscriptionKind:
        return sameSubscription(subscription, other.subscription);
    }
    return false;
}

const AccountTreeModel::Node& AccountTreeModel::Node::accountNode() const
{
    const Node* node = this;
    while (node->parent && node->parent->parent)
        node = node->parent;
    return *node;
}

AccountTreeModel::AccountTreeModel(AccountDirectory* directory, const Clock& clock, QObject* parent)
    : QAbstractItemModel(parent)
    , m_directory(directory)
    , m_clock(clock)
{
    connect(directory, &AccountDirectory::changed, this, &AccountTreeModel::sync);
    connect(directory, &AccountDirectory::tenantStateChanged, this, &AccountTreeModel::onTenantStateChanged);
    sync();
}

AccountTreeModel::Node* AccountTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : nullptr;
}

QModelIndex AccountTreeModel::indexOf(const Node* node, int column) const
{
    if (!node || !node->parent)
        return {};
    const auto& siblings = node->parent->children;
    const auto it = std::find_if(siblings.cbegin(), siblings.cend(),
                                 [node](const std::unique_ptr<Node>& sibling) { return sibling.get() == node; });
    if (it == siblings.cend())
        return {};
    return createIndex(static_cast<int>(it - siblings.cbegin()), column, const_cast<Node*>(node));
}

QModelIndex AccountTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    const Node* node = parent.isValid() ? nodeOf(parent) : &m_root;
    return createIndex(row, column, node->children.at(static_cast<size_t>(row)).get());
}

QModelIndex AccountTreeModel::parent(const QModelIndex& child) const
{
    const Node* node = nodeOf(child);
    if (!node || node->parent == &m_root)
        return {};
    return indexOf(node->parent);
}

int AccountTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node* node = parent.isValid() ? nodeOf(parent) : &m_root;
    return static_cast<int>(node->children.size());
}

int AccountTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

std::unique_ptr<AccountTreeModel::Node> AccountTreeModel::nodeFor(const AccountEntry& account)
{
    auto accountNode = std::make_unique<Node>();
    accountNode->kind = AccountKind;
    accountNode->account = account;
    accountNode->account.tenants.clear();
    for (const TenantEntry& tenant : account.tenants) {
        auto tenantNode = std::make_unique<Node>();
        tenantNode->kind = TenantKind;
        tenantNode->parent = accountNode.get();
        tenantNode->tenant = tenant;
        tenantNode->tenant.subscriptions.clear();
        for (const SubscriptionEntry& subscription : tenant.subscriptions) {
            auto subscriptionNode = std::make_unique<Node>();
            subscriptionNode->kind = SubscriptionKind;
            subscriptionNode->parent = tenantNode.get();
            subscriptionNode->subscription = subscription;
            tenantNode->children.push_back(std::move(subscriptionNode));
        }
        accountNode->children.push_back(std::move(tenantNode));
    }
    return accountNode;
}

void AccountTreeModel::sync()
{
    std::vector<std::unique_ptr<Node>> wanted;
    for (const AccountEntry& account : m_directory->accounts())
        wanted.push_back(nodeFor(account));
    syncChildren(&m_root, std::move(wanted));
    for (const auto& account : m_root.children) {
        if (updateAccountSummary(account.get()))
            emitRowChanged(account.get());
    }
}

void AccountTreeModel::syncChildren(Node* shown, std::vector<std::unique_ptr<Node>> wanted)
{
    const QModelIndex parentIndex = indexOf(shown);
    const size_t countBefore = shown->children.size();
    auto& rows = shown->children;
    const auto isWanted = [&wanted](const QString& identity) {
        return std::any_of(wanted.cbegin(), wanted.cend(),
                           [&identity](const std::unique_ptr<Node>& w) { return w->identity() == identity; });
    };
    for (int i = static_cast<int>(rows.size()) - 1; i >= 0; --i) {
        if (isWanted(rows.at(static_cast<size_t>(i))->identity()))
            continue;
        beginRemoveRows(parentIndex, i, i);
        rows.erase(rows.begin() + i);
        endRemoveRows();
    }
    for (int i = 0; i < static_cast<int>(wanted.size()); ++i) {
        std::unique_ptr<Node>& want = wanted.at(static_cast<size_t>(i));
        const QString identity = want->identity();
        int at = -1;
        for (int j = i; j < static_cast<int>(rows.size()) && at < 0; ++j) {
            if (rows.at(static_cast<size_t>(j))->identity() == identity)
                at = j;
        }
        if (at < 0) {
            beginInsertRows(parentIndex, i, i);
            want->parent = shown;
            rows.insert(rows.begin() + i, std::move(want));
            endInsertRows();
            continue;
        }
        if (at != i) {
            beginMoveRows(parentIndex, at, at, parentIndex, i);
            std::unique_ptr<Node> moved = std::move(rows.at(static_cast<size_t>(at)));
            rows.erase(rows.begin() + at);
            rows.insert(rows.begin() + i, std::move(moved));
            endMoveRows();
        }
        Node* row = rows.at(static_cast<size_t>(i)).get();
        if (!row->sameRow(*want)) {
            row->account = want->account;
            row->tenant = want->tenant;
            row->subscription = want->subscription;
            emitRowChanged(row);
        }
        syncChildren(row, std::move(want->children));
    }
    // Rows the picture holds fewer times than shown (the same id listed twice before).
    while (rows.size() > wanted.size()) {
        const int last = static_cast<int>(rows.size()) - 1;
        beginRemoveRows(parentIndex, last, last);
        rows.pop_back();
        endRemoveRows();
    }
    // An account's status counts its tenants.
    if (shown != &m_root && shown->kind == AccountKind && rows.size() != countBefore)
        emitRowChanged(shown);
}

void AccountTreeModel::emitRowChanged(const Node* node)
{
    const QModelIndex first = indexOf(node, 0);
    if (first.isValid())
        emit dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

bool AccountTreeModel::updateAccountSummary(Node* account) const
{
    const bool refreshing = m_directory->isRefreshing(account->account.homeAccountId);
    const bool expired = m_directory->isSignInExpired(account->account.homeAccountId);
    if (refreshing == account->refreshing && expired == account->signInExpired)
        return false;
    account->refreshing = refreshing;
    account->signInExpired = expired;
    return true;
}

void AccountTreeModel::onTenantStateChanged(const TenantKey& key)
{
    for (const auto& account : m_root.children) {
        if (account->account.homeAccountId != key.homeAccountId())
            continue;
        for (const auto& tenant : account->children) {
            if (tenant->identity() == key.tenantId())
                emitRowChanged(tenant.get());
        }
        if (!updateAccountSummary(account.get()))
            continue;
        // Every row answers whether its account can still sign in without the user.
        emitRowChanged(account.get());
        for (const auto& tenant : account->children) {
            if (tenant->children.empty())
                continue;
            const QModelIndex tenantIndex = indexOf(tenant.get());
            emit dataChanged(index(0, 0, tenantIndex),
                             index(static_cast<int>(tenant->children.size()) - 1, ColumnCount - 1, tenantIndex));
        }
    }
}

TenantStateInfo AccountTreeModel::stateOf(const Node& tenant) const
{
    return m_directory->tenantState({tenant.accountNode().account.homeAccountId, tenant.tenant.tenantId});
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

QString AccountTreeModel::heldByBrokerText()
{
    return tr("Signed in through the broker az uses (Web Account Manager on Windows): Tenantry uses the tokens az "
              "cached, and az renews them.");
}

QString AccountTreeModel::statusText(const Node& tenant) const
{
    const TenantStateInfo info = stateOf(tenant);
    switch (info.state) {
    case TenantState::SignedIn:
        return tenant.accountNode().account.heldByBroker ? tr("Signed in through the broker") : tr("Signed in");
    case TenantState::SignInExpired:
        // The account's words, as its row says them: one state for the account and its tenants.
        return tr("Sign-in expired");
    case TenantState::NeedsInteraction:
    case TenantState::NotSignedIn:
        // The provider's reason in plain words; its code and own words are in the tooltip.
        return info.reason.isEmpty() ? tr("Needs sign-in")
                                     : tr("Needs sign-in: %1").arg(describeEntraError(info.reason).line());
    case TenantState::Refreshing:
        return tr("Refreshing…");
    case TenantState::Unreachable:
        return info.reason.isEmpty() ? tr("Error") : tr("Error: %1").arg(describeEntraError(info.reason).line());
    }
    return {};
}

QString AccountTreeModel::expiresText(const Node& tenant) const
{
    // A tenant that needs an interactive sign-in gets no new token by refresh: nothing "renews on use".
    const AccountEntry& account = tenant.accountNode().account;
    const bool renews = account.hasRefreshToken && !needsSignIn(stateOf(tenant).state);
    if (tenant.tenant.tokenExpiresOn == 0)
        return renews ? tr("renews on use") : QStringLiteral("—");
    const qint64 left = tenant.tenant.tokenExpiresOn - m_clock.nowSecs();
    if (left <= 0)
        return renews                 ? tr("expired — renews on use")
               : account.heldByBroker ? tr("expired — az renews it")
                                      : tr("expired");
    return formatCountdown(left);
}

QVariant AccountTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeOf(index);
    if (!node)
        return {};
    const Node& accountNode = node->accountNode();
    const AccountEntry& account = accountNode.account;

    // Roles every row answers for its account, whatever its kind.
    switch (role) {
    case UsernameRole:
        return account.username;
    case HomeAccountIdRole:
        return account.homeAccountId;
    case HasRefreshTokenRole:
        return account.hasRefreshToken && !accountNode.signInExpired;
    case SignedInRole:
        return account.signedIn() && !accountNode.signInExpired;
    case HeldByBrokerRole:
        return account.heldByBroker;
    case RefreshTokenDeadRole:
        return accountNode.signInExpired;
    default:
        break;
    }
    switch (node->kind) {
    case AccountKind:
        return accountData(*node, index.column(), role);
    case TenantKind:
        return tenantData(*node, index.column(), role);
    case SubscriptionKind:
        return subscriptionData(*node, index.column(), role);
    }
    return {};
}

QVariant AccountTreeModel::accountData(const Node& node, int column, int role) const
{
    const AccountEntry& account = node.account;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return account.displayName.isEmpty() ? account.username
                                                 : QStringLiteral("%1 (%2)").arg(account.username, account.displayName);
        if (column == StatusColumn) {
            if (node.refreshing)
                return tr("Refreshing…");
            if (node.signInExpired)
                return tr("Sign-in expired");
            if (!account.signedIn())
                return tr("Not signed in");
            return tr("%n tenant(s)", nullptr, static_cast<int>(node.children.size()));
        }
        return {};
    case Qt::ToolTipRole:
        if (account.heldByBroker)
            return QString(account.username + QLatin1Char('\n') + heldByBrokerText());
        return account.username;
    case KindRole:
        return AccountKind;
    default:
        return {};
    }
}

QVariant AccountTreeModel::tenantData(const Node& node, int column, int role) const
{
    const TenantEntry& tenant = node.tenant;
    const qint64 left = tenant.tokenExpiresOn - m_clock.nowSecs();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return tenant.displayName;
        if (column == StatusColumn)
            return statusText(node);
        return expiresText(node);
    case Qt::ToolTipRole: {
        QString tip = tenant.tenantId;
        if (!tenant.defaultDomain.isEmpty())
            tip += QLatin1Char('\n') + tenant.defaultDomain;
        const EntraErrorText reason = describeEntraError(stateOf(node).reason);
        if (!reason.summary.isEmpty())
            tip += QLatin1Char('\n') + reason.summary;
        if (!reason.details.isEmpty())
            tip += QLatin1Char('\n') + reason.details;
        if (node.accountNode().account.heldByBroker)
            tip += QLatin1Char('\n') + heldByBrokerText();
        return tip;
    }
    case KindRole:
        return TenantKind;
    case TenantIdRole:
        return tenant.tenantId;
    case TenantStateRole:
        return static_cast<int>(stateOf(node).state);
    case TenantNameRole:
        return tenant.displayName;
    case DefaultDomainRole:
        return tenant.defaultDomain;
    case SecondsLeftRole:
        return tenant.tokenExpiresOn ? QVariant(left) : QVariant();
    case ExpiringSoonRole:
        return tenant.tokenExpiresOn != 0 && left < kExpiringSoonSecs;
    case ReasonRole:
        return stateOf(node).reason;
    case ClaimsRole:
        return stateOf(node).claims;
    default:
        return {};
    }
}

QVariant AccountTreeModel::subscriptionData(const Node& node, int column, int role) const
{
    const SubscriptionEntry& sub = node.subscription;
    const TenantEntry& tenant = node.parent->tenant;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return sub.name;
        if (column == StatusColumn)
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
    for (const auto& account : m_root.children) {
        const int tenants = static_cast<int>(account->children.size());
        if (tenants == 0)
            continue;
        const QModelIndex accountIndex = indexOf(account.get());
        emit dataChanged(index(0, ExpiresColumn, accountIndex), index(tenants - 1, ExpiresColumn, accountIndex),
                         {Qt::DisplayRole, SecondsLeftRole, ExpiringSoonRole});
    }
}

QModelIndex AccountTreeModel::activeSubscriptionIndex() const
{
    for (const auto& account : m_root.children) {
        for (const auto& tenant : account->children) {
            for (const auto& subscription : tenant->children) {
                if (subscription->subscription.isActive)
                    return indexOf(subscription.get());
            }
        }
    }
    return {};
}

} // namespace tenantry
