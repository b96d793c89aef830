#include "accounts/AccountsView.h"

#include "account/AccountTreeModel.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountFilterModel.h"
#include "accounts/AccountItemDelegate.h"
#include "accounts/AccountsHeader.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

namespace tenantry {

AccountsView::AccountsView(AccountActions* actions, QWidget* parent)
    : QTreeView(parent)
    , m_actions(actions)
    , m_filter(new AccountFilterModel(this))
{
    setHeader(new AccountsHeader(this));
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
    m_filter->setSourceModel(model);
    setModel(m_filter);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &AccountsView::expandNew);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &AccountsView::onRowsRemoved);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &AccountsView::onDataChanged);
    header()->setSectionResizeMode(AccountTreeModel::NameColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(AccountTreeModel::StatusColumn, QHeaderView::Interactive);
    header()->setSectionResizeMode(AccountTreeModel::ExpiresColumn, QHeaderView::Interactive);
    if (m_filter->rowCount() > 0)
        expandNew({}, 0, m_filter->rowCount() - 1);
    else
        ensureCurrent();
    m_ticker.start();
}

QModelIndex AccountsView::sourceIndex(const QModelIndex& viewIndex) const
{
    return m_filter->mapToSource(viewIndex);
}

void AccountsView::expandNew(const QModelIndex& parent, int first, int last)
{
    if (m_refiltering)
        return;
    // Everything is open unless the user closed it: the point is to see it all at a glance. A row
    // getting its first children opens too (it could not have been closed).
    if (parent.isValid() && first == 0 && last == m_filter->rowCount(parent) - 1)
        setExpanded(parent, true);
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_filter->index(row, 0, parent);
        setExpanded(index, true);
        expandBelow(index);
    }
    ensureCurrent();
    fitColumns();
}

void AccountsView::expandBelow(const QModelIndex& parent)
{
    for (int row = 0; row < m_filter->rowCount(parent); ++row) {
        const QModelIndex index = m_filter->index(row, 0, parent);
        if (m_filter->rowCount(index) > 0) {
            setExpanded(index, true);
            expandBelow(index);
        }
    }
}

void AccountsView::onRowsRemoved()
{
    if (m_refiltering)
        return;
    ensureCurrent();
    fitColumns();
}

void AccountsView::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    const QModelIndex current = currentIndex();
    const auto within = [&](const QModelIndex& row) {
        return row.isValid() && row.parent() == topLeft.parent() && row.row() >= topLeft.row() &&
               row.row() <= bottomRight.row();
    };
    if (!roles.isEmpty()) {
        // The countdown ticking: only Copy token depends on it (a tenant's valid cached token is copied even
        // after its account's sign-in expired), for the tenant's row and its subscriptions'.
        const bool subscription =
            current.data(AccountTreeModel::KindRole).toInt() == AccountTreeModel::SubscriptionKind;
        if (roles.contains(AccountTreeModel::SecondsLeftRole) && within(subscription ? current.parent() : current))
            m_actions->setTarget(current);
        return;
    }
    if (within(current))
        m_actions->setTarget(current); // e.g. the tenant now needs a sign-in, with a claims challenge
    fitColumns();
}

void AccountsView::ensureCurrent()
{
    if (currentIndex().isValid())
        return;
    QModelIndex current = m_filter->mapFromSource(m_model->activeSubscriptionIndex());
    if (!current.isValid() && m_filter->rowCount() > 0)
        current = m_filter->index(0, 0);
    if (current.isValid())
        setCurrentIndex(current);
    else
        m_actions->setTarget({});
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
    const QModelIndex active = m_model ? m_filter->mapFromSource(m_model->activeSubscriptionIndex()) : QModelIndex();
    if (active.isValid())
        setCurrentIndex(active);
}

void AccountsView::setFilterText(const QString& text)
{
    if (!m_model)
        return;
    if (m_filter->filtersLike(text))
        return;
    // A current row the filter hides under a hidden ancestor would go without a word (no currentChanged):
    // it is let go first, so that the details and the actions follow, and taken again below when it
    // still matches.
    const QPersistentModelIndex before = sourceIndex(currentIndex().siblingAtColumn(0));
    selectionModel()->clearCurrentIndex();
    m_refiltering = true;
    m_filter->setFilterText(text);
    m_refiltering = false;
    // Matches are shown opened. Rows the filter brings back are opened too: what the user had closed
    // before filtering opens again, as after a start.
    expandAll();
    QModelIndex current = m_filter->mapFromSource(before);
    if (m_filter->isFiltering() && !m_filter->rowMatches(current))
        current = firstMatch({}); // none: nothing to act on, nothing in the details
    if (current.isValid())
        setCurrentIndex(current);
    ensureCurrent();
    if (currentIndex().isValid())
        scrollTo(currentIndex());
    fitColumns();
}

QModelIndex AccountsView::firstMatch(const QModelIndex& parent) const
{
    for (int row = 0; row < m_filter->rowCount(parent); ++row) {
        const QModelIndex index = m_filter->index(row, 0, parent);
        if (m_filter->rowMatches(index))
            return index;
        const QModelIndex below = firstMatch(index);
        if (below.isValid())
            return below;
    }
    return {};
}

bool AccountsView::hasVisibleRows() const
{
    return m_filter->rowCount() > 0;
}

void AccountsView::keyboardSearch(const QString& search)
{
    // One behaviour for typing: it filters. Jumping to the next row starting with the letter, as Qt's
    // trees do, would fight it.
    if (!search.trimmed().isEmpty() || m_filter->isFiltering())
        emit filterTyped(search);
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
    const bool signInNeeded = target.kind == AccountTreeModel::TenantKind ? needsSignIn(state) : !target.signedIn;
    if (target.isValid() && signInNeeded && m_actions->signIn()->isEnabled())
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
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && m_filter->isFiltering()) {
        emit filterCleared();
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
