// azureProfile.json as az (or anything else) left it: loaded from disk, read the way `account list`,
// `account show` and `account set` do, merged as `login` does, pruned as `logout` does, saved back.
#include "FuzzSupport.h"

#include "azure/AzureProfile.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The file lives in memory (a disk file would cost a journal write per input) and is read by path.
    static const int fd = memfd_create("azureProfile.json", 0);
    static const QString path = QStringLiteral("/proc/self/fd/%1").arg(fd);
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size))
        fuzzCheckFailed("cannot write the in-memory profile");

    AzureProfile profile;
    QString error;
    profile.load(path, &error);
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
