#pragma once

#include "cache/CacheEntries.h"

namespace tenantry::cachekeys {

// MSAL recomputes keys from fields when it updates or removes an entry, so these must match
// msal/token_cache.py exactly: fields joined with '-', whole key lower-cased, except AppMetadata.
QString accessToken(const AccessToken& entry);
QString refreshToken(const RefreshToken& entry); // realm slot always empty: RTs are cross-tenant
QString idToken(const IdToken& entry); // target slot always empty
QString account(const Account& entry);
QString appMetadata(const AppMetadata& entry); // not lower-cased

} // namespace tenantry::cachekeys
