#include "accounts/AccountsView.h"

#include "account/AccountTreeModel.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountItemDelegate.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

namespace tenantry {

AccountsView::AccountsView(AccountActions* actions, QWidget* parent)
    : QTreeView(parent)
    , m_actions(actions)
{
    setObjectName(QStringLiteral("accountsView"));
    setAccessibleName(tr("Accounts, tenants and subscriptions"));
    setItemDelegate(new AccountItemDelegate(this));
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setExpandsOnDoubleClick(false); // a double click acts on the row (make active, sign in)
    setAnimated(false);
    setIconSize(QSize(16, 16));
    header()->setStretchLastSection(false);
    header()->setSectionsMovable(false);
    m_actions->addShortcutsTo(this);
    connect(this, &QAbstractItemView::doubleClicked, this, &AccountsView::triggerDefaultAction);

    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->tick();
    });
}

void AccountsView::setAccountsModel(AccountTreeModel* model)
{
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &AccountsView::rememberState);
    connect(model, &QAbstractItemModel::modelReset, this, &AccountsView::restoreState);
    header()->setSectionResizeMode(AccountTreeModel::NameColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(AccountTreeModel::StatusColumn, QHeaderView::Interactive);
    header()->setSectionResizeMode(AccountTreeModel::ExpiresColumn, QHeaderView::Interactive);
    restoreState();
    m_ticker.start();
}

QString AccountsView::rowKey(const QModelIndex& index)
{
    if (!index.isValid())
        return {};
    const QModelIndex row = index.siblingAtColumn(0);
    return QStringList{row.data(AccountTreeModel::KindRole).toString(),
                       row.data(AccountTreeModel::UsernameRole).toString().toLower(),
                       row.data(AccountTreeModel::TenantIdRole).toString().toLower(),
                       row.data(AccountTreeModel::SubscriptionIdRole).toString().toLower()}
        .join(QLatin1Char('|'));
}

QModelIndex AccountsView::indexForKey(const QString& key) const
{
    if (!m_model || key.isEmpty())
        return {};
    // Depth first over at most accounts × tenants × subscriptions rows: small.
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeFirst();
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex child = m_model->index(r, 0, parent);
            if (rowKey(child) == key)
                return child;
            pending.append(child);
        }
    }
    return {};
}

void AccountsView::rememberState()
{
    if (m_restoring)
        return;
    m_currentKey = rowKey(currentIndex());
    m_collapsed.clear();
    for (int a = 0; a < m_model->rowCount(); ++a) {
        const QModelIndex account = m_model->index(a, 0);
        if (!isExpanded(account))
            m_collapsed.insert(rowKey(account));
        for (int t = 0; t < m_model->rowCount(account); ++t) {
            const QModelIndex tenant = m_model->index(t, 0, account);
            if (!isExpanded(tenant))
                m_collapsed.insert(rowKey(tenant));
        }
    }
}

void AccountsView::restoreState()
{
    m_restoring = true;
    // Everything is open unless the user closed it: the point is to see it all at a glance.
    for (int a = 0; a < m_model->rowCount(); ++a) {
        const QModelIndex account = m_model->index(a, 0);
        setExpanded(account, !m_collapsed.contains(rowKey(account)));
        for (int t = 0; t < m_model->rowCount(account); ++t) {
            const QModelIndex tenant = m_model->index(t, 0, account);
            setExpanded(tenant, !m_collapsed.contains(rowKey(tenant)));
        }
    }
    QModelIndex current = indexForKey(m_currentKey);
    if (!current.isValid() && m_model->rowCount() > 0)
        current =
            m_model->activeSubscriptionIndex().isValid() ? m_model->activeSubscriptionIndex() : m_model->index(0, 0);
    if (current.isValid())
        setCurrentIndex(current);
    else
        m_actions->setTarget({});
    fitColumns();
    m_restoring = false;
}

void AccountsView::fitColumns()
{
    // Status and countdown as wide as their texts need (within reason); the name takes the rest.
    const int status = qBound(160, sizeHintForColumn(AccountTreeModel::StatusColumn) + 24, 360);
    const int expires = qMax(header()->sectionSizeHint(AccountTreeModel::ExpiresColumn),
                             sizeHintForColumn(AccountTreeModel::ExpiresColumn) + 24);
    header()->resizeSection(AccountTreeModel::StatusColumn, status);
    header()->resizeSection(AccountTreeModel::ExpiresColumn, expires);
}

void AccountsView::selectActiveSubscription()
{
    if (m_model && m_model->activeSubscriptionIndex().isValid())
        setCurrentIndex(m_model->activeSubscriptionIndex());
}

void AccountsView::currentChanged(const QModelIndex& current, const QModelIndex& previous)
{
    QTreeView::currentChanged(current, previous);
    m_actions->setTarget(current);
}

void AccountsView::triggerDefaultAction()
{
    const AccountTarget& target = m_actions->target();
    if (target.kind == AccountTreeModel::SubscriptionKind) {
        if (m_actions->makeActive()->isEnabled())
            m_actions->makeActive()->trigger();
        return;
    }
    const QModelIndex current = currentIndex().siblingAtColumn(0);
    const auto state = static_cast<TenantState>(current.data(AccountTreeModel::TenantStateRole).toInt());
    const bool needsSignIn =
        target.kind == AccountTreeModel::TenantKind ? state == TenantState::NeedsSignIn : !target.signedIn;
    if (target.isValid() && needsSignIn && m_actions->signIn()->isEnabled())
        m_actions->signIn()->trigger();
    else if (target.isValid())
        setExpanded(current, !isExpanded(current));
}

void AccountsView::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        triggerDefaultAction();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Delete) {
        const int kind = m_actions->target().kind;
        QAction* signOut = kind == AccountTreeModel::TenantKind    ? m_actions->signOutTenant()
                           : kind == AccountTreeModel::AccountKind ? m_actions->signOutAccount()
                                                                   : nullptr;
        if (signOut && signOut->isEnabled())
            signOut->trigger();
        event->accept();
        return;
    }
    QTreeView::keyPressEvent(event);
}

void AccountsView::contextMenuEvent(QContextMenuEvent* event)
{
    QModelIndex index = indexAt(event->pos());
    QPoint where = event->globalPos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        // The Menu key: for the current row, under it.
        index = currentIndex();
        const QRect rect = visualRect(index);
        where = viewport()->mapToGlobal(QPoint(rect.left() + 24, rect.bottom()));
    }
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("accountsContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_actions->fillMenu(menu);
    menu->popup(where);
}

} // namespace tenantry
