#pragma once

#include "ClipboardGuard.h"
#include "azure/AzureProfile.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QAction;
class QActionGroup;
class QMenu;

namespace tenantry {

class AzureCliState;
class SubscriptionSwitcher;

// The tray's menu, built from what az knows (AzureCliState): the active cloud's subscriptions
// grouped by tenant, a check mark on the active one; choosing another makes it active on disk
// (azureProfile.json and clouds.config, as `az account set`). Then "Copy token" with the scope
// presets of the state's cloud (ScopeCatalogue), Show and Quit. A plain QMenu: it works, and is tested, without a
// system tray.
class TrayMenu : public QObject
{
    Q_OBJECT

public:
    // `switcher`: shared with the main window; null: the menu makes its own.
    explicit TrayMenu(AzureCliState* state, SubscriptionSwitcher* switcher = nullptr, QObject* parent = nullptr);
    ~TrayMenu() override;

    QMenu* menu() const { return m_menu; }

    // Tenant names from ARM discovery (tenant id -> display name), used when azureProfile.json
    // does not carry them (az 2.45 does not).
    void setTenantNames(const QHash<QString, QString>& names);
    QString tenantName(const Subscription& subscription) const;
    // Tenants the user hid ("username|tenant id", lower case): their subscriptions are left out from the next rebuild.
    void setHiddenTenants(const QSet<QString>& keys) { m_hiddenTenants = keys; }

    std::optional<Subscription> activeSubscription() const;
    QString toolTip() const; // names the active subscription and its tenant

    QList<QAction*> subscriptionActions() const;
    QAction* subscriptionAction(const QString& subscriptionId) const;
    QList<QAction*> tenantHeaders() const { return m_tenantHeaders; }
    QMenu* copyTokenMenu() const { return m_copyTokenMenu; }
    QAction* showAction() const { return m_showAction; }
    QAction* quitAction() const { return m_quitAction; }

public slots:
    void rebuild();          // from the state in memory
    void reloadAndRebuild(); // re-reads az's files first (az may have switched meanwhile)

signals:
    void activeSubscriptionChanged(const tenantry::Subscription& subscription);
    void switchFailed(const QString& message);
    void copyTokenRequested(const QString& scope, tenantry::ClipboardGuard::TokenFormat format);
    void customScopeRequested(tenantry::ClipboardGuard::TokenFormat format);
    void showRequested();
    void quitRequested();
    void signInRequested();
    void rebuilt();

private:
    void buildCopyTokenMenu();
    ClipboardGuard::TokenFormat tokenFormat() const;

    AzureCliState* m_state;
    SubscriptionSwitcher* m_switcher;
    QMenu* m_menu;
    QMenu* m_copyTokenMenu = nullptr;
    QAction* m_asHeaderAction = nullptr;
    QActionGroup* m_subscriptionGroup = nullptr;
    QList<QAction*> m_tenantHeaders;
    QAction* m_showAction = nullptr;
    QAction* m_quitAction = nullptr;
    QHash<QString, QString> m_tenantNames;
    QSet<QString> m_hiddenTenants;
};

} // namespace tenantry
