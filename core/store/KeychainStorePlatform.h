#pragma once

// KeychainStore's operating-system part: which backend QtKeychain talks to, how big an item may be,
// and whether an error means no keychain service runs at all (KeychainStore_unix.cpp,
// KeychainStore_win.cpp; KeychainStore::backendName and defaultMaxChunkSize are defined there too).

#include <QString>

namespace tenantry {

// Whether QtKeychain's error `detail` (for an OtherError) means no keychain service answered, rather
// than that the service failed: on Linux a missing session bus or Secret Service.
bool keychainServiceMissing(const QString& detail);

} // namespace tenantry
