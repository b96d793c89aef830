#pragma once

#include "cache/MsalCache.h"

namespace tenantry {

// Whether an account's sign-in is held by a broker: Web Account Manager on Windows (az's default since
// 2.61) or the macOS / Linux brokers of newer MSAL. MSAL Python stores what the broker answers (Account,
// ID and access tokens) in the shared cache but never its refresh token, so Tenantry can serve the
// cached access tokens and cannot renew them; az renews them through the broker.
//
// The rule: the cache holds no refresh token `clientId` can use for the account (its own or its
// family's), and
//  - an Account entry of it says `account_source: "broker"` (MSAL Python >= 1.25), or
//  - none of its Account entries names a source (an older MSAL wrote none) and it has access tokens of
//    any client: only a broker leaves access tokens without a refresh token; a sign-out removes both.
// An account with a usable refresh token is never broker-held: that token renews its tokens as for any
// other. One established by another grant (authorization_code, device code) whose refresh token is gone
// signs in again.
bool isHeldByBroker(const MsalCache& cache, const QString& homeAccountId, const QString& environment,
                    const QString& clientId);

} // namespace tenantry
