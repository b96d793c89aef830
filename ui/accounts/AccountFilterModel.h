#pragma once

#include "account/AccountFilter.h"

#include <QSortFilterProxyModel>

namespace tenantry {

// The accounts tree as the filter leaves it: the rows that match the filter text (AccountFilter: by the
// names and ids of the row and its ancestors, so a matching tenant keeps all its subscriptions), and the
// ancestors of those rows. Without text it passes everything through. It never copies or rebuilds the
// tree model: a new text re-filters the rows it has.
class AccountFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AccountFilterModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    bool filtersLike(const QString& text) const; // `text` has the words of the filter in force (a space added)
    bool isFiltering() const { return !m_filter.isEmpty(); }
    // The row matches by itself (or through an ancestor), not only as the ancestor of a match.
    bool rowMatches(const QModelIndex& index) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool sourceRowMatches(const QModelIndex& sourceIndex) const;

    AccountFilter m_filter;
};

} // namespace tenantry
