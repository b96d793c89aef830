#include "accounts/AccountActions.h"

#include "AppIcons.h"
#include "account/AccountTreeModel.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace tenantry {

AccountTarget AccountTarget::fromIndex(const QModelIndex& index)
{
    AccountTarget target;
    if (!index.isValid())
        return target;
    const QModelIndex row = index.siblingAtColumn(0);
    target.kind = row.data(AccountTreeModel::KindRole).toInt();
    target.username = row.data(AccountTreeModel::UsernameRole).toString();
    target.homeAccountId = row.data(AccountTreeModel::HomeAccountIdRole).toString();
    target.tenantId = row.data(AccountTreeModel::TenantIdRole).toString();
    target.tenantName = row.data(AccountTreeModel::TenantNameRole).toString();
    target.subscriptionId = row.data(AccountTreeModel::SubscriptionIdRole).toString();
    target.subscriptionName = row.data(AccountTreeModel::SubscriptionNameRole).toString();
    target.claims = row.data(AccountTreeModel::ClaimsRole).toString();
    target.signedIn = row.data(AccountTreeModel::SignedInRole).toBool();
    target.isActive = row.data(AccountTreeModel::IsActiveRole).toBool();
    const QModelIndex tenantRow = target.kind == AccountTreeModel::SubscriptionKind ? row.parent() : row;
    const QVariant secondsLeft = tenantRow.data(AccountTreeModel::SecondsLeftRole);
    target.hasValidToken = secondsLeft.isValid() && secondsLeft.toLongLong() > 0;
    return target;
}

QString AccountTarget::describe() const
{
    switch (kind) {
    case AccountTreeModel::SubscriptionKind:
        return QStringLiteral("%1 (%2), %3").arg(subscriptionName, tenantName, username);
    case AccountTreeModel::TenantKind:
        return QStringLiteral("%1, %2").arg(tenantName, username);
    case AccountTreeModel::AccountKind:
        return username;
    }
    return {};
}

AccountActions::AccountActions(QObject* parent)
    : QObject(parent)
{
    m_makeActive = add(tr("Make &active"), QStringLiteral("make-active"));
    m_makeActive->setToolTip(tr("Make this the subscription az and other tools use"));
    m_makeActive->setShortcut(QKeySequence(Qt::Key_Return));
    m_copyToken = add(tr("&Copy token…"), QStringLiteral("copy-token"));
    m_copyToken->setToolTip(tr("Copy an access token for this tenant to the clipboard"));
    m_copyToken->setShortcut(QKeySequence::Copy);
    m_openTerminal = add(tr("Open a &terminal here"), QString());
    m_openTerminal->setToolTip(tr("Open a terminal in which az and other tools use this subscription; other "
                                  "terminals keep the active one"));
    m_signIn = add(tr("&Sign in…"), QStringLiteral("sign-in"));
    m_signInWithCode = add(tr("Sign in with a c&ode…"), QString());
    m_signOutTenant = add(tr("Sign &out of tenant"), QStringLiteral("sign-out"));
    m_signOutTenant->setToolTip(tr("Remove this tenant's tokens and subscriptions"));
    m_signOutAccount = add(tr("Sign out of &account"), QStringLiteral("sign-out"));
    m_signOutAccount->setToolTip(tr("Remove this account's tokens and subscriptions, for az too"));
    m_refresh = add(tr("&Refresh"), QStringLiteral("refresh"));
    m_refresh->setToolTip(tr("Find this account's tenants and subscriptions again"));
    m_chooseTenants = add(tr("Choose &tenants…"), QString());
    m_chooseTenants->setToolTip(tr("Choose which of this account's tenants Tenantry shows and keeps signed in"));
    connect(m_chooseTenants, &QAction::triggered, this, [this] { emit chooseTenantsRequested(m_target); });

    connect(m_signIn, &QAction::triggered, this, [this] { emit signInRequested(m_target); });
    connect(m_signInWithCode, &QAction::triggered, this, [this] { emit signInWithCodeRequested(m_target); });
    connect(m_signOutTenant, &QAction::triggered, this, [this] { emit signOutTenantRequested(m_target); });
    connect(m_signOutAccount, &QAction::triggered, this, [this] { emit signOutAccountRequested(m_target); });
    connect(m_makeActive, &QAction::triggered, this, [this] { emit makeActiveRequested(m_target); });
    connect(m_copyToken, &QAction::triggered, this, [this] { emit copyTokenRequested(m_target); });
    connect(m_openTerminal, &QAction::triggered, this, [this] { emit openTerminalRequested(m_target); });
    connect(m_refresh, &QAction::triggered, this, [this] { emit refreshRequested(m_target); });
    update();
}

QAction* AccountActions::add(const QString& text, const QString& iconName)
{
    auto* action = new QAction(text, this);
    if (!iconName.isEmpty())
        action->setIcon(AppIcons::action(iconName));
    // Only while the tree (or the toolbar) has focus: Return and Delete mean other things elsewhere.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

QList<QAction*> AccountActions::all() const
{
    return {m_makeActive,    m_copyToken,      m_openTerminal, m_signIn,       m_signInWithCode,
            m_signOutTenant, m_signOutAccount, m_refresh,      m_chooseTenants};
}

void AccountActions::setTarget(const QModelIndex& index)
{
    m_target = AccountTarget::fromIndex(index);
    update();
}

void AccountActions::update()
{
    const int kind = m_target.kind;
    const bool account = kind == AccountTreeModel::AccountKind;
    const bool tenant = kind == AccountTreeModel::TenantKind;
    const bool subscription = kind == AccountTreeModel::SubscriptionKind;

    m_makeActive->setEnabled(subscription && !m_target.isActive);
    m_copyToken->setEnabled((tenant || subscription) && (m_target.signedIn || m_target.hasValidToken));
    m_openTerminal->setEnabled(subscription);
    m_signIn->setEnabled(account || tenant);
    m_signIn->setText(tenant ? tr("&Sign in to tenant…") : tr("&Sign in again…"));
    if (!account && !tenant)
        m_signIn->setText(tr("&Sign in…"));
    m_signInWithCode->setEnabled(account || tenant);
    m_signOutTenant->setEnabled(tenant);
    m_signOutAccount->setEnabled(m_target.isValid());
    m_refresh->setEnabled(m_target.isValid() && m_target.signedIn);
    m_chooseTenants->setEnabled((account || tenant) && !m_target.homeAccountId.isEmpty());
}

void AccountActions::fillMenu(QMenu* menu) const
{
    const int kind = m_target.kind;
    if (kind == AccountTreeModel::SubscriptionKind) {
        menu->addAction(m_makeActive);
        menu->addAction(m_copyToken);
        menu->addAction(m_openTerminal);
        menu->addSeparator();
        menu->addAction(m_refresh);
    } else if (kind == AccountTreeModel::TenantKind) {
        menu->addAction(m_copyToken);
        menu->addSeparator();
        menu->addAction(m_signIn);
        menu->addAction(m_signInWithCode);
        menu->addAction(m_signOutTenant);
        menu->addAction(m_signOutAccount);
        menu->addSeparator();
        menu->addAction(m_chooseTenants);
        menu->addAction(m_refresh);
    } else if (kind == AccountTreeModel::AccountKind) {
        menu->addAction(m_signIn);
        menu->addAction(m_signInWithCode);
        menu->addAction(m_signOutAccount);
        menu->addSeparator();
        menu->addAction(m_chooseTenants);
        menu->addAction(m_refresh);
    }
}

void AccountActions::addShortcutsTo(QWidget* widget)
{
    widget->addActions({m_makeActive, m_copyToken});
}

} // namespace tenantry
