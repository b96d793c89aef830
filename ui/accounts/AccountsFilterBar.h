#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;

namespace tenantry {

class AccountsView;

// Above the accounts tree: the field that filters it (AccountsView::setFilterText) by account, tenant
// and subscription names and ids, and a line saying so when nothing matches. Ctrl+F (findAction(), for
// the window) or typing in the tree puts the focus here; Esc clears the filter; Return or Down goes back
// to the tree, on the first match.
class AccountsFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit AccountsFilterBar(AccountsView* view, QWidget* parent = nullptr);

    QLineEdit* field() const { return m_field; }
    QAction* findAction() const { return m_findAction; }
    QString noMatchText() const; // empty while something matches (or nothing is typed)

public slots:
    void focusField(); // and selects what is typed, to type anew

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply(const QString& text);
    void typeInto(const QString& text);

    AccountsView* m_view;
    QLineEdit* m_field;
    QLabel* m_noMatch;
    QAction* m_findAction;
};

} // namespace tenantry
