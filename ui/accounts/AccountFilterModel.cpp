#include "accounts/AccountFilterModel.h"

#include "account/AccountTreeModel.h"

namespace tenantry {

namespace {

// What the user may know a row by: an account's user name and display name (the name column shows
// both), a tenant's name, id and domain, a subscription's name and id.
void addNamesAndIds(const QModelIndex& row, QStringList* fields)
{
    switch (row.data(AccountTreeModel::KindRole).toInt()) {
    case AccountTreeModel::AccountKind:
        fields->append(row.data(Qt::DisplayRole).toString());
        break;
    case AccountTreeModel::TenantKind:
        fields->append(row.data(AccountTreeModel::TenantNameRole).toString());
        fields->append(row.data(AccountTreeModel::TenantIdRole).toString());
        fields->append(row.data(AccountTreeModel::DefaultDomainRole).toString());
        break;
    case AccountTreeModel::SubscriptionKind:
        fields->append(row.data(AccountTreeModel::SubscriptionNameRole).toString());
        fields->append(row.data(AccountTreeModel::SubscriptionIdRole).toString());
        break;
    }
}

} // namespace

AccountFilterModel::AccountFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true); // an account or tenant stays while a row below it matches
}

bool AccountFilterModel::filtersLike(const QString& text) const
{
    return AccountFilter(text).words() == m_filter.words();
}

void AccountFilterModel::setFilterText(const QString& text)
{
    if (filtersLike(text))
        return;
    m_filter = AccountFilter(text);
    invalidateRowsFilter();
}

bool AccountFilterModel::sourceRowMatches(const QModelIndex& sourceIndex) const
{
    if (m_filter.isEmpty())
        return true;
    QStringList fields;
    for (QModelIndex row = sourceIndex; row.isValid(); row = row.parent())
        addNamesAndIds(row, &fields);
    return m_filter.matches(fields);
}

bool AccountFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    return sourceRowMatches(sourceModel()->index(sourceRow, 0, sourceParent));
}

bool AccountFilterModel::rowMatches(const QModelIndex& index) const
{
    return index.isValid() && sourceRowMatches(mapToSource(index.siblingAtColumn(0)));
}

} // namespace tenantry
