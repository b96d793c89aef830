#include "accounts/TenantChoiceDialog.h"

#include "UntrustedText.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tenantry {

namespace {

constexpr int kTenantIdRole = Qt::UserRole;
constexpr int kMaxNameChars = 200; // a tenant's admin picks the name: a long one must not widen the dialog

// One line of a name chosen elsewhere: no line breaks or other control characters, bounded.
QString oneLine(const QString& text)
{
    QString out;
    for (const QChar c : text.left(kMaxNameChars)) {
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            out.append(c);
        else
            out.append(QLatin1Char(' '));
    }
    return text.size() > kMaxNameChars ? out + QChar(0x2026) : out;
}

} // namespace

TenantChoiceDialog::TenantChoiceDialog(const QString& username, const QList<TenantChoiceEntry>& tenants,
                                       const QString& intro, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("tenantChoiceDialog"));
    setWindowTitle(tr("Choose Tenants"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(intro.isEmpty() ? tr("Tenants of %1:").arg(username)
                                             : intro + QStringLiteral("\n\n") + tr("Tenants of %1:").arg(username));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    layout->addWidget(label);

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("tenantList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Tenant"), tr("Domain"), tr("Tenant ID")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    for (const TenantChoiceEntry& t : tenants) {
        auto* item = new QTreeWidgetItem(m_list, {oneLine(t.name), oneLine(t.defaultDomain), oneLine(t.tenantId)});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, t.active ? Qt::Checked : Qt::Unchecked);
        item->setData(0, kTenantIdRole, t.tenantId);
        item->setToolTip(0, plainTextToolTip(t.name));
    }
    m_list->sortItems(0, Qt::AscendingOrder);
    m_list->resizeColumnToContents(1);
    m_list->resizeColumnToContents(2);
    layout->addWidget(m_list);

    auto* hint = new QLabel(tr("Unchecked tenants are hidden: Tenantry does not refresh them or ask you to sign in "
                               "to them, and adds none of their subscriptions to the Azure CLI's list. "
                               "Signing in to a tenant checks it again."));
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* all = m_buttons->addButton(tr("Check &All"), QDialogButtonBox::ResetRole);
    QPushButton* none = m_buttons->addButton(tr("Check &None"), QDialogButtonBox::ResetRole);
    connect(all, &QPushButton::clicked, this, [this] { setAllChecked(true); });
    connect(none, &QPushButton::clicked, this, [this] { setAllChecked(false); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemChanged, this, &TenantChoiceDialog::updateOk);
    layout->addWidget(m_buttons);
    updateOk();
    resize(640, 420);
}

void TenantChoiceDialog::setAllChecked(bool checked)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        m_list->topLevelItem(i)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
}

void TenantChoiceDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!activeTenants().isEmpty());
}

QStringList TenantChoiceDialog::tenantsChecked(bool checked) const
{
    QStringList ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_list->topLevelItem(i);
        if ((item->checkState(0) == Qt::Checked) == checked)
            ids.append(item->data(0, kTenantIdRole).toString());
    }
    return ids;
}

QStringList TenantChoiceDialog::hiddenTenants() const
{
    return tenantsChecked(false);
}

QStringList TenantChoiceDialog::activeTenants() const
{
    return tenantsChecked(true);
}

} // namespace tenantry
