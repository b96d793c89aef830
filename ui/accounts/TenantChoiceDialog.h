#pragma once

#include <QDialog>

class QDialogButtonBox;
class QTreeWidget;

namespace tenantry {

// One tenant offered in TenantChoiceDialog.
struct TenantChoiceEntry
{
    QString tenantId;
    QString name; // the tenant's display name (its admin's words) or its id
    QString defaultDomain;
    bool active = true;
};

// A checkable list of one account's tenants: the checked ones are active (shown, kept signed in, their
// subscriptions listed for az), the others hidden. At least one stays checked.
class TenantChoiceDialog : public QDialog
{
    Q_OBJECT

public:
    TenantChoiceDialog(const QString& username, const QList<TenantChoiceEntry>& tenants, const QString& intro,
                       QWidget* parent = nullptr);

    QStringList hiddenTenants() const; // the unchecked tenants' ids
    QStringList activeTenants() const; // the checked tenants' ids
    QTreeWidget* list() const { return m_list; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void setAllChecked(bool checked);
    void updateOk();
    QStringList tenantsChecked(bool checked) const;

    QTreeWidget* m_list;
    QDialogButtonBox* m_buttons;
};

} // namespace tenantry
