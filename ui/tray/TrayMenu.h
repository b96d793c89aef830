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
class RecentSubscriptions;
class SubscriptionSwitcher;

// The tray's menu, built from what az knows (AzureCliState): first the active subscription (checked)
// and the ones last switched to (RecentSubscriptions), each with its tenant's name; then a submenu per
// tenant with its subscriptions -- or, with more than kMaxTenantMenus tenants, "More…", which asks for
// the window's filter instead of a hundred submenus. Choosing a subscription makes it active on disk
// (azureProfile.json and clouds.config, as `az account set`). Then "Copy token" with the scope presets
// of the state's cloud (ScopeCatalogue), Show and Quit. A plain QMenu: it works, and is tested, without a
// system tray.
class TrayMenu : public QObject
{
    Q_OBJECT

public:
    // `switcher`: shared with the main window; null: the menu makes its own.
    explicit TrayMenu(AzureCliState* state, SubscriptionSwitcher* switcher = nullptr, QObject* parent = nullptr);
    ~TrayMenu() override;

    static constexpr int kMaxTenantMenus = 10;

    // The menu and what is in it, built on the first call to any of these.
    QMenu* menu() const
    {
        ensureBuilt();
        return m_menu;
    }
    // Read on each opening; also given to the switcher, which records the switches. Not owned; null: none.
    void setRecentSubscriptions(RecentSubscriptions* recent);

    // Tenant names from ARM discovery (tenant id -> display name), used when azureProfile.json
    // does not carry them (az 2.45 does not).
    void setTenantNames(const QHash<QString, QString>& names);
    QString tenantName(const Subscription& subscription) const;
    // Tenants the user hid ("username|tenant id", lower case): their subscriptions are left out from the next rebuild.
    void setHiddenTenants(const QSet<QString>& keys) { m_hiddenTenants = keys; }

    std::optional<Subscription> activeSubscription() const;
    QString toolTip() const; // names the active subscription and its tenant

    QList<QAction*> subscriptionActions() const; // in the tenant submenus
    QList<QAction*> recentActions() const;       // active first, then recent
    // In its tenant's submenu; without submenus, among the recent ones; null when not in the menu.
    QAction* subscriptionAction(const QString& subscriptionId) const;
    QList<QMenu*> tenantMenus() const
    {
        ensureBuilt();
        return m_tenantMenus;
    }
    QAction* moreAction() const // null unless there are too many tenants for submenus
    {
        ensureBuilt();
        return m_moreAction;
    }
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
    void findRequested(); // "More…": the window, its filter focused
    void rebuilt();

private:
    void ensureBuilt() const; // rebuild() unless built already
    void buildCopyTokenMenu();
    ClipboardGuard::TokenFormat tokenFormat() const;
    static QString subscriptionName(const Subscription& subscription);
    QAction* addSubscription(QMenu* menu, QActionGroup* group, const Subscription& subscription, const QString& label);
    void addRecent(const QList<Subscription>& subscriptions);

    AzureCliState* m_state;
    SubscriptionSwitcher* m_switcher;
    QMenu* m_menu;
    bool m_built = false; // rebuild() has run
    QMenu* m_copyTokenMenu = nullptr;
    QAction* m_asHeaderAction = nullptr;
    RecentSubscriptions* m_recent = nullptr;
    // Each exclusive: the check moves at once when one is chosen (the menu is rebuilt after the switch).
    QActionGroup* m_subscriptionGroup = nullptr;
    QActionGroup* m_recentGroup = nullptr;
    QList<QMenu*> m_tenantMenus;
    QAction* m_moreAction = nullptr;
    QAction* m_showAction = nullptr;
    QAction* m_quitAction = nullptr;
    QHash<QString, QString> m_tenantNames;
    QSet<QString> m_hiddenTenants;
};

} // namespace tenantry
