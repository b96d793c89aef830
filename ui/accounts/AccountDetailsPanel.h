#pragma once

#include <QFrame>
#include <QPersistentModelIndex>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace tenantry {

class AccountActions;
class AccountTreeModel;
class Clock;

// Below the tree: the current row in full -- ids, domain, why a tenant needs a sign-in (the tree
// cuts long reasons short), when its token expires -- with buttons for what can be done with it
// (the same actions as the toolbar and the context menu).
class AccountDetailsPanel : public QFrame
{
    Q_OBJECT

public:
    AccountDetailsPanel(AccountTreeModel* model, AccountActions* actions, const Clock& clock,
                        QWidget* parent = nullptr);

    QString titleText() const;
    QString factsText() const; // every fact shown, one per line ("Label: value"), for tests and screen readers
    QList<QToolButton*> buttons() const { return m_buttons; }

public slots:
    void showIndex(const QModelIndex& index);
    void rebuild();      // the facts and buttons for the row's kind
    void updateValues(); // what changes while it is shown: status, countdown

private:
    QLabel* addFact(const QString& label, const QString& value, bool selectable = true);
    QString expiresText() const;
    void setButtons(const QList<QAction*>& actions);

    AccountTreeModel* m_model;
    AccountActions* m_actions;
    const Clock& m_clock;
    QPersistentModelIndex m_index;
    QLabel* m_title = nullptr;
    QFormLayout* m_facts = nullptr;
    QHBoxLayout* m_buttonRow = nullptr;
    QList<QToolButton*> m_buttons;
    QLabel* m_empty = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_expires = nullptr;
};

} // namespace tenantry
