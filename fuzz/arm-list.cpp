// One page of ARM's GET /tenants or /subscriptions (a guest tenant's admin chooses much of it):
// the page read, each item read as a tenant and as a subscription.
#include "FuzzSupport.h"

#include "azure/ArmClient.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const ArmListPage page = parseArmListPage(body);
    for (const Json& item : page.items) {
        FUZZ_CHECK(item.is_object()); // the rest are skipped and counted
        parseArmTenant(item);
        parseArmSubscription(item);
    }
    return 0;
}
