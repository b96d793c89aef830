#include "store/KeychainStore.h"

#include "store/KeychainStorePlatform.h"

namespace tenantry {

bool keychainServiceMissing(const QString& detail)
{
    Q_UNUSED(detail);
    return false;
}

int KeychainStore::defaultMaxChunkSize()
{
    return kWindowsMaxChunkSize;
}

QString KeychainStore::backendName() const
{
    return QStringLiteral("Windows Credential Manager");
}

} // namespace tenantry
