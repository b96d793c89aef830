#pragma once

#include <QSet>
#include <QTimer>
#include <QTreeView>

namespace tenantry {

class AccountActions;
class AccountTreeModel;

// The accounts → tenants → subscriptions tree of the main window. It ticks the model's countdowns
// once a second, keeps the current row and what is collapsed when the model is rebuilt, and offers
// AccountActions on the current row: context menu (also by the Menu key), Return for the row's
// obvious action (make a subscription active, sign in to a tenant that needs it), Delete to sign
// out, Ctrl+C to copy a token.
class AccountsView : public QTreeView
{
    Q_OBJECT

public:
    explicit AccountsView(AccountActions* actions, QWidget* parent = nullptr);

    void setAccountsModel(AccountTreeModel* model);
    AccountTreeModel* accountsModel() const { return m_model; }
    AccountActions* actions() const { return m_actions; }
    QTimer* ticker() { return &m_ticker; }

    // "kind|user|tenant|subscription": a row's identity across rebuilds.
    static QString rowKey(const QModelIndex& index);
    QModelIndex indexForKey(const QString& key) const;

public slots:
    void triggerDefaultAction(); // Return or a double click on the current row
    void selectActiveSubscription();

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;

private:
    void rememberState();
    void restoreState();
    void fitColumns();

    AccountActions* m_actions;
    AccountTreeModel* m_model = nullptr;
    QTimer m_ticker;
    QString m_currentKey;
    QSet<QString> m_collapsed;
    bool m_restoring = false;
};

} // namespace tenantry
