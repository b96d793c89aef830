#pragma once

#include "cache/MsalCache.h"

namespace tenantry::test {

// az 2.45's token cache (tests/data/azure-cli-2.45/msal_token_cache.json): Sam's refresh token, four
// access tokens, three ID tokens, his Account entry and Azure CLI's AppMetadata, all under
// login.microsoftonline.com.
MsalCache azSampleCache();

// Every token of `from` and its Account entries (unless `withAccounts` is false), written into `to` again
// under `environment` for `homeAccountId` (and `username`, when given): the same account as another
// client or an older MSAL would have cached it.
void copyAccountEntries(const MsalCache& from, const QString& environment, const QString& homeAccountId, MsalCache* to,
                        bool withAccounts = true, const QString& username = {});

} // namespace tenantry::test
