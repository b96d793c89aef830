#pragma once

#include "account/SignInService.h"
#include "azure/AzureProfile.h"
#include "util/Json.h"

#include <QList>
#include <QString>

namespace tenantry::cli {

class CliOutput;

// What `login` and `account list` print about accounts, and what a sign-in or refresh changed.

// The subscriptions as az lists them: each entry as stored in azureProfile.json, every field kept,
// environmentName renamed to cloudName. Without `all`, only 'Enabled' ones (with a warning when
// others were left out).
Json subscriptionsOutput(const AzureProfile& profile, const QList<Subscription>& subscriptions, bool all,
                         CliOutput& output);

// What a sign-in or refresh changed in azureProfile.json besides its entries' details, as warnings.
void reportProfileChange(const ProfileChange& change, CliOutput& output);

// A warning per tenant the sign-in could not reach (true if there was any), and per tenant whose
// sign-in a broker holds (the az command that renews its token; not counted: it is signed in).
bool reportUnreachedTenants(const SignInResult& result, CliOutput& output);

// What to run when the account's refresh token is gone (az says "To re-authenticate, please run: az login").
QString reauthenticateHint(const QString& username);

} // namespace tenantry::cli
