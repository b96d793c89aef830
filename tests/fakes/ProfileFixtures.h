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
