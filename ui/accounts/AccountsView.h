#pragma once

#include <QTimer>
#include <QTreeView>

namespace tenantry {

class AccountActions;
class AccountFilterModel;
class AccountTreeModel;

// The accounts → tenants → subscriptions tree of the main window. It ticks the model's countdowns
// once a second, opens rows as they come (what the user closes stays closed: the model never
// resets), and offers AccountActions on the current row: context menu (also by the Menu key), Return
// for the row's obvious action (make a subscription active, sign in to a tenant that needs it),
// Delete to sign out, Ctrl+C to copy a token.
// It shows the model through an AccountFilterModel: its indexes are the filter's (sourceIndex() maps
// them to the tree model's). Typing in it does not jump to a row as in other trees (Qt's keyboard
// search): the text goes to the filter field (filterTyped), and Esc clears the filter.
class AccountsView : public QTreeView
{
    Q_OBJECT

public:
    explicit AccountsView(AccountActions* actions, QWidget* parent = nullptr);

    void setAccountsModel(AccountTreeModel* model);
    AccountTreeModel* accountsModel() const { return m_model; }
    AccountFilterModel* filterModel() const { return m_filter; }
    AccountActions* actions() const { return m_actions; }
    QTimer* ticker() { return &m_ticker; }
    QModelIndex sourceIndex(const QModelIndex& viewIndex) const; // the tree model's index of a row shown

    // Shows only what matches `text` (AccountFilter), opened, with the current row on a match: the one
    // it was on when it still matches, else the first match. An empty text shows everything again.
    void setFilterText(const QString& text);
    bool hasVisibleRows() const;

    void keyboardSearch(const QString& search) override; // Qt's type-to-jump: to the filter instead

public slots:
    void triggerDefaultAction(); // Return or a double click on the current row
    void selectActiveSubscription();

signals:
    void filterTyped(const QString& text); // printable keys pressed in the tree, for the filter field
    void filterCleared();                  // Esc in the tree while it is filtered

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;

private:
    void expandNew(const QModelIndex& parent, int first, int last);
    void expandBelow(const QModelIndex& parent); // below parent, what has rows
    void onRowsRemoved();
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void ensureCurrent();
    void fitColumns();
    QModelIndex firstMatch(const QModelIndex& parent) const;

    AccountActions* m_actions;
    AccountTreeModel* m_model = nullptr;
    AccountFilterModel* m_filter;
    bool m_refiltering = false; // rows come and go by the filter: opened and fitted once, afterwards
    QTimer m_ticker;
};

} // namespace tenantry
