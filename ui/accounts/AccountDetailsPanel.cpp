#include "accounts/AccountDetailsPanel.h"

#include "account/AccountTreeModel.h"
#include "accounts/AccountActions.h"
#include "auth/EntraError.h"
#include "util/Clock.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace tenantry {

AccountDetailsPanel::AccountDetailsPanel(AccountTreeModel* model, AccountActions* actions, const Clock& clock,
                                         QWidget* parent)
    : QFrame(parent)
    , m_model(model)
    , m_actions(actions)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("accountDetails"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Details"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);

    auto* header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    header->addWidget(m_title, 1);
    m_buttonRow = new QHBoxLayout;
    m_buttonRow->setSpacing(4);
    header->addLayout(m_buttonRow);
    layout->addLayout(header);

    m_facts = new QFormLayout;
    m_facts->setHorizontalSpacing(14);
    m_facts->setVerticalSpacing(3);
    m_facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_facts->setLabelAlignment(Qt::AlignLeft);
    layout->addLayout(m_facts);

    m_empty = new QLabel(tr("Select an account, a tenant or a subscription to see its details."), this);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty);
    layout->addStretch();

    // The countdown ticks each second: only the values change, the labels and buttons stay. Anything
    // else about the row (its state, name, tenants) is shown anew.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
                const QModelIndex shown = m_index;
                const bool ours = shown.isValid() && shown.parent() == topLeft.parent() &&
                                  shown.row() >= topLeft.row() && shown.row() <= bottomRight.row();
                if (ours && roles.isEmpty())
                    rebuild();
                else
                    updateValues();
            });
    const auto tenantsChanged = [this](const QModelIndex& under) {
        if (m_index.isValid() && under == m_index)
            rebuild();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, tenantsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, tenantsChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AccountDetailsPanel::rebuild);
    rebuild();
}

QString AccountDetailsPanel::titleText() const
{
    return m_title->text();
}

QString AccountDetailsPanel::factsText() const
{
    QStringList lines;
    for (int row = 0; row < m_facts->rowCount(); ++row) {
        auto* label = qobject_cast<QLabel*>(m_facts->itemAt(row, QFormLayout::LabelRole)
                                                ? m_facts->itemAt(row, QFormLayout::LabelRole)->widget()
                                                : nullptr);
        auto* field = qobject_cast<QLabel*>(m_facts->itemAt(row, QFormLayout::FieldRole)
                                                ? m_facts->itemAt(row, QFormLayout::FieldRole)->widget()
                                                : nullptr);
        if (label && field)
            lines.append(label->text() + QLatin1Char(' ') + field->text());
    }
    return lines.join(QLatin1Char('\n'));
}

void AccountDetailsPanel::showIndex(const QModelIndex& index)
{
    m_index = index.siblingAtColumn(0);
    rebuild();
}

QLabel* AccountDetailsPanel::addFact(const QString& label, const QString& value, bool selectable)
{
    auto* field = new QLabel(value, this);
    field->setTextFormat(Qt::PlainText);
    field->setWordWrap(true);
    if (selectable)
        field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* name = new QLabel(label, this);
    name->setForegroundRole(QPalette::PlaceholderText);
    m_facts->addRow(name, field);
    return field;
}

void AccountDetailsPanel::setButtons(const QList<QAction*>& actions)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(false);
        m_buttonRow->addWidget(button);
        m_buttons.append(button);
    }
}

QString AccountDetailsPanel::expiresText() const
{
    const QVariant left = m_index.data(AccountTreeModel::SecondsLeftRole);
    const QString countdown = QModelIndex(m_index).siblingAtColumn(AccountTreeModel::ExpiresColumn).data().toString();
    if (!left.isValid() || left.toLongLong() <= 0)
        return countdown;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(m_clock.nowSecs() + left.toLongLong()).toLocalTime();
    return tr("%1 (in %2)").arg(QLocale().toString(at.time(), QLocale::ShortFormat), countdown);
}

void AccountDetailsPanel::updateValues()
{
    if (!m_index.isValid())
        return;
    if (m_status)
        m_status->setText(QModelIndex(m_index).siblingAtColumn(AccountTreeModel::StatusColumn).data().toString());
    if (m_expires)
        m_expires->setText(expiresText());
}

void AccountDetailsPanel::rebuild()
{
    while (m_facts->rowCount() > 0)
        m_facts->removeRow(0);
    m_status = nullptr;
    m_expires = nullptr;
    const QModelIndex index = m_index;
    m_empty->setVisible(!index.isValid());
    // Hidden while empty: no blank line over the placeholder, and the start (nothing is selected before the
    // cache loads) does not load the title's font before the window is shown.
    m_title->setVisible(index.isValid());
    if (!index.isValid()) {
        m_title->clear();
        setButtons({});
        return;
    }
    const int kind = index.data(AccountTreeModel::KindRole).toInt();
    const QString username = index.data(AccountTreeModel::UsernameRole).toString();
    const QString tenantId = index.data(AccountTreeModel::TenantIdRole).toString();
    const QString tenantName = index.data(AccountTreeModel::TenantNameRole).toString();
    const QString status = index.siblingAtColumn(AccountTreeModel::StatusColumn).data().toString();

    if (kind == AccountTreeModel::SubscriptionKind) {
        m_title->setText(index.data(AccountTreeModel::SubscriptionNameRole).toString());
        addFact(tr("Subscription ID:"), index.data(AccountTreeModel::SubscriptionIdRole).toString());
        addFact(tr("Tenant:"), tenantName == tenantId ? tenantId : tr("%1 (%2)").arg(tenantName, tenantId));
        addFact(tr("Account:"), username);
        m_status = addFact(tr("State:"), status, false);
        setButtons({m_actions->makeActive(), m_actions->copyToken(), m_actions->openTerminal()});
        return;
    }
    if (kind == AccountTreeModel::TenantKind) {
        m_title->setText(tenantName);
        addFact(tr("Tenant ID:"), tenantId);
        const QString domain = index.data(AccountTreeModel::DefaultDomainRole).toString();
        if (!domain.isEmpty())
            addFact(tr("Domain:"), domain);
        addFact(tr("Account:"), username);
        m_status = addFact(tr("Status:"), status);
        // The identity provider's own words (code, trace and correlation ids) behind the plain status.
        const QString details = describeEntraError(index.data(AccountTreeModel::ReasonRole).toString()).details;
        if (!details.isEmpty())
            addFact(tr("Details:"), details);
        m_expires = addFact(tr("Token expires:"), expiresText(), false);
        setButtons({m_actions->signIn(), m_actions->copyToken(), m_actions->signOutTenant()});
        return;
    }
    m_title->setText(index.data().toString());
    addFact(tr("Tenants:"), QString::number(m_model->rowCount(index)), false);
    const QString signIn =
        index.data(AccountTreeModel::RefreshTokenDeadRole).toBool()  ? tr("Expired or revoked: sign in again")
        : index.data(AccountTreeModel::HasRefreshTokenRole).toBool() ? tr("Signed in; tokens renew on use")
        : index.data(AccountTreeModel::HeldByBrokerRole).toBool()    ? AccountTreeModel::heldByBrokerText()
                                                                     : tr("Not signed in on this computer");
    addFact(tr("Sign-in:"), signIn, false);
    setButtons({m_actions->signIn(), m_actions->refresh(), m_actions->chooseTenants(), m_actions->signOutAccount()});
}

} // namespace tenantry
