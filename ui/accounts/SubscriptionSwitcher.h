#pragma once

#include "azure/AzureProfile.h"

#include <QObject>

namespace tenantry {

class AzureCliState;
class RecentSubscriptions;

// Makes a subscription the one az uses, as `az account set` does: isDefault in azureProfile.json
// and [<cloud>] subscription in clouds.config. It re-reads az's files first, because az may have
// written them since, and the switch rewrites the whole profile. The tray and the main window share it.
// Each switch is remembered in the recent subscriptions, when it has them.
class SubscriptionSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit SubscriptionSwitcher(AzureCliState* state, QObject* parent = nullptr);

    void setRecentSubscriptions(RecentSubscriptions* recent) { m_recent = recent; } // not owned; null: none

    // True when `subscriptionId` is active afterwards (also when it already was).
    bool makeActive(const QString& subscriptionId, QString* error = nullptr);

signals:
    void activeSubscriptionChanged(const tenantry::Subscription& subscription);
    void switchFailed(const QString& message);
    void stateReloaded(); // az's files were read again (something else may have changed too)

private:
    AzureCliState* m_state;
    RecentSubscriptions* m_recent = nullptr;
};

} // namespace tenantry
