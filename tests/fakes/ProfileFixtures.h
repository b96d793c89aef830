#pragma once

#include "azure/AzureProfile.h"

namespace tenantry::test {

// A user subscription of Sam's in Northwind (AzureCloud), as az lists it.
inline Subscription northwindSubscription(const QString& id, const QString& name)
{
    Subscription s;
    s.id = id;
    s.name = name;
    s.state = QStringLiteral("Enabled");
    s.userName = QStringLiteral("sam@northwind.example");
    s.userType = QStringLiteral("user");
    s.tenantId = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
    s.homeTenantId = s.tenantId;
    s.environmentName = QStringLiteral("AzureCloud");
    return s;
}

// A consultant's profile: Sam also reaches `tenants` customer tenants ("Fabrikam Client 001", …) with
// `perTenant` subscriptions each ("Workload 01", …), ids from manyTenantId() and manySubscriptionId().
inline QString manyTenantId(int tenant)
{
    return QStringLiteral("10000000-0000-4000-8000-%1").arg(tenant, 12, 10, QLatin1Char('0'));
}

inline QString manySubscriptionId(int tenant, int subscription)
{
    return QStringLiteral("20000000-%1-4000-8000-%2")
        .arg(tenant, 4, 10, QLatin1Char('0'))
        .arg(subscription, 12, 10, QLatin1Char('0'));
}

inline QList<Subscription> manyTenantSubscriptions(int tenants, int perTenant)
{
    QList<Subscription> subscriptions;
    for (int t = 1; t <= tenants; ++t) {
        for (int n = 1; n <= perTenant; ++n) {
            Subscription s = northwindSubscription(manySubscriptionId(t, n),
                                                   QStringLiteral("Workload %1").arg(n, 2, 10, QLatin1Char('0')));
            s.tenantId = manyTenantId(t);
            s.tenantDisplayName = QStringLiteral("Fabrikam Client %1").arg(t, 3, 10, QLatin1Char('0'));
            subscriptions.append(s);
        }
    }
    return subscriptions;
}

// azureProfile.json as az's Session.save writes it (BOM + json.dumps), `defaultId` the active one;
// `extra` holds further top-level keys.
inline QByteArray azProfileBytes(const QList<Subscription>& subscriptions, const QString& defaultId,
                                 const Json& extra = Json::object())
{
    Json list = Json::array();
    for (const Subscription& s : subscriptions) {
        Json entry = AzureProfile::toJson(s);
        entry["isDefault"] = s.id == defaultId;
        list.push_back(entry);
    }
    Json doc = extra;
    doc["subscriptions"] = list;
    doc["installationId"] = "b4b92d00-e716-11f1-aa58-02fc00000001";
    return QByteArray("\xEF\xBB\xBF") + json::dumpPythonCompact(doc);
}

} // namespace tenantry::test
