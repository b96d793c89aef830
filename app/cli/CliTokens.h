#pragma once

#include "account/TokenRequest.h"
#include "azure/AzureProfile.h"

#include <functional>
#include <optional>

namespace tenantry::cli {

class CliOutput;
class CliSession;

// `-s SUBSCRIPTION` as az resolves it (by id or name; empty: az's active one), with the session opened. Not
// found, and a subscription named in a tenant the user hid, is reported through `output`, which then
// finishes.
std::optional<Subscription> chosenSubscription(CliSession& session, CliOutput& output, const QString& idOrName);
// chosenSubscription() whose user's tokens git, kubectl and exec's programs get: a service principal's
// subscription is refused too (these tools hand out a user's sign-in).
std::optional<Subscription> userSubscription(CliSession& session, CliOutput& output, const QString& idOrName);

// A user's access token for `request` (the session open), as account get-access-token finds it: a valid
// token in msal_token_cache.json when the file is in step with the keychain (no keychain round trip, no
// network stack), else from the loaded cache, refreshed by the account's refresh token when needed.
// `done` runs once; a cache that cannot be loaded is reported through the session's output instead.
void fetchUserToken(CliSession& session, const TokenRequest& request, std::function<void(const TokenResponse&)> done);
// The same for a command that keeps running after one token failed (exec's token endpoint): a cache that
// cannot be loaded comes to `done` as a Storage error and does not finish the command.
void fetchUserTokenAndGoOn(CliSession& session, const TokenRequest& request,
                           std::function<void(const TokenResponse&)> done);

// What to print for a failed token request: tokenFailureMessage() and the command that cures it. `azOptions`
// are the same request as az's command line: what renews a broker-held account's token.
QString tokenFailureAdvice(const TokenResponse& response, const TokenRequest& request,
                           const QList<QPair<QString, QStringList>>& azOptions);
// The same, with the request's scopes and tenant as az's options.
QString tokenFailureAdvice(const TokenResponse& response, const TokenRequest& request);

} // namespace tenantry::cli
