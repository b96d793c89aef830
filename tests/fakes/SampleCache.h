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

// The cache as several apps share it: az 2.45's sample (Sam, Azure CLI) plus Visual Studio Code's tokens for
// Sam and for Alex (whose access token expired at 1795421000), an unknown app's app-only token and its
// token for Sam, an unknown section and an unknown field on the Graph token of Azure CLI, as newer MSALs
// write them.
namespace shared {
inline const QString kVsCode = QStringLiteral("aebc6443-996d-45c2-90f0-388ff96faa56");
inline const QString kUnknownApp = QStringLiteral("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");
inline const QString kSam = QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
inline const QString kAlex =
    QStringLiteral("1b1b1b1b-2222-4333-8444-555566667777.7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
inline const QString kAlexName = QStringLiteral("alex@contoso.example");
constexpr qint64 kAlexTokenExpiry = 1795421000;
constexpr qint64 kSamVsCodeTokenExpiry = 1795427412;
} // namespace shared
MsalCache sharedSampleCache();

} // namespace tenantry::test
