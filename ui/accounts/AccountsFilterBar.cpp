#include "accounts/AccountsFilterBar.h"

#include "accounts/AccountsView.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace tenantry {

AccountsFilterBar::AccountsFilterBar(AccountsView* view, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
    , m_field(new QLineEdit(this))
    , m_noMatch(new QLabel(this))
    , m_findAction(new QAction(tr("&Find…"), this))
{
    setObjectName(QStringLiteral("accountsFilterBar"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->setSpacing(4);

    m_field->setObjectName(QStringLiteral("accountsFilter"));
    m_field->setPlaceholderText(tr("Filter by account, tenant or subscription name or ID (%1, or just type)")
                                    .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_field->setAccessibleName(tr("Filter accounts, tenants and subscriptions"));
    m_field->setClearButtonEnabled(true);
    m_field->setMaxLength(256);
    m_field->installEventFilter(this);
    layout->addWidget(m_field);

    m_noMatch->setObjectName(QStringLiteral("accountsFilterNoMatch"));
    m_noMatch->setTextFormat(Qt::PlainText);
    m_noMatch->setWordWrap(true);
    m_noMatch->setForegroundRole(QPalette::PlaceholderText);
    m_noMatch->hide();
    layout->addWidget(m_noMatch);

    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_findAction, &QAction::triggered, this, &AccountsFilterBar::focusField);

    connect(m_field, &QLineEdit::textChanged, this, &AccountsFilterBar::apply);
    connect(m_view, &AccountsView::filterTyped, this, &AccountsFilterBar::typeInto);
    connect(m_view, &AccountsView::filterCleared, m_field, &QLineEdit::clear);
}

QString AccountsFilterBar::noMatchText() const
{
    return m_noMatch->isHidden() ? QString() : m_noMatch->text();
}

void AccountsFilterBar::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void AccountsFilterBar::typeInto(const QString& text)
{
    m_field->setFocus(Qt::OtherFocusReason);
    m_field->deselect();
    m_field->end(false);
    m_field->insert(text);
}

void AccountsFilterBar::apply(const QString& text)
{
    m_view->setFilterText(text);
    const bool none = !text.trimmed().isEmpty() && !m_view->hasVisibleRows();
    if (none)
        m_noMatch->setText(tr("No account, tenant or subscription matches “%1”.").arg(text.trimmed()));
    m_noMatch->setVisible(none);
}

bool AccountsFilterBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            m_field->clear();
            m_view->setFocus(Qt::OtherFocusReason);
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Down) &&
            m_view->hasVisibleRows()) {
            m_view->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tenantry
