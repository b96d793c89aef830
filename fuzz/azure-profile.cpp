// azureProfile.json as az (or anything else) left it: parsed as load() does, read the way `account list`,
// `account show` and `account set` do, merged as `login` does, pruned as `logout` does, serialized for saving.
#include "FuzzSupport.h"

#include "azure/AzureProfile.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    AzureProfile profile;
    QString error;
    profile.parse(bytes, QStringLiteral("azureProfile.json"), &error);
    const QList<Subscription> subscriptions = profile.subscriptions();
    profile.defaultSubscription({});
    profile.defaultSubscription(QStringLiteral("AzureCloud"));
    profile.find({}, {}, &error);
    profile.installationId();
    for (const Subscription& subscription : subscriptions) {
        profile.find(subscription.id, subscription.environmentName, &error);
        profile.find(subscription.name, {}, &error);
        AzureProfile::fromJson(AzureProfile::toJson(subscription));
    }

    Subscription incoming;
    incoming.id = QStringLiteral("00000000-0000-0000-0000-000000000001");
    incoming.name = QStringLiteral("Incoming");
    incoming.state = QStringLiteral("Enabled");
    incoming.userName = QStringLiteral("user@example.com");
    incoming.userType = QStringLiteral("user");
    incoming.tenantId = QStringLiteral("00000000-0000-0000-0000-0000000000aa");
    incoming.environmentName = QStringLiteral("AzureCloud");
    QList<Subscription> merged{incoming};
    if (!subscriptions.isEmpty()) {
        profile.setDefault(subscriptions.first().id);
        merged.append(subscriptions.first());
    }
    profile.merge(merged);
    profile.removeUser(subscriptions.isEmpty() ? incoming.userName : subscriptions.last().userName);
    // What save() writes after the BOM (save() itself syncs to disk: a few exec/s instead of thousands).
    json::dumpPythonCompact(profile.document());
    return 0;
}
