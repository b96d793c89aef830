#pragma once

#include <QTimer>
#include <QTreeView>

namespace tenantry {

class AccountActions;
class AccountTreeModel;

// The accounts → tenants → subscriptions tree of the main window. It ticks the model's countdowns
// once a second, opens rows as they come (what the user closes stays closed: the model never
// resets), and offers AccountActions on the current row: context menu (also by the Menu key), Return
// for the row's obvious action (make a subscription active, sign in to a tenant that needs it),
// Delete to sign out, Ctrl+C to copy a token.
class AccountsView : public QTreeView
{
    Q_OBJECT

public:
    explicit AccountsView(AccountActions* actions, QWidget* parent = nullptr);

    void setAccountsModel(AccountTreeModel* model);
    AccountTreeModel* accountsModel() const { return m_model; }
    AccountActions* actions() const { return m_actions; }
    QTimer* ticker() { return &m_ticker; }

public slots:
    void triggerDefaultAction(); // Return or a double click on the current row
    void selectActiveSubscription();

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

    AccountActions* m_actions;
    AccountTreeModel* m_model = nullptr;
    QTimer m_ticker;
};

} // namespace tenantry
