#pragma once

#include "account/SignInService.h"
#include "account/TokenRequest.h"
#include "util/Result.h"

namespace tenantry::cli {

// What tenantry-cli says when core reports a failure: core's words plus the command to run, as az
// advises `az login`. Core's errors carry no advice for one front end; the GUI names its own menus.

// A failed token request: core's message and, for a user with no account in the token cache, the
// sign-in command.
QString tokenFailureMessage(const TokenResponse& response);

// After TokenResponse::Error::HeldByBroker: az renews the token through the broker, with the options the
// user gave (each name with its values: --tenant T, --scope S1 S2, ...); tenantry-cli then serves it.
QString brokerRenewalHint(const QList<QPair<QString, QStringList>>& options);

// A sign-in or refresh SignInService refused: core's words and, when only tenants without subscriptions
// were found, the option that lists them.
QString signInFailureMessage(const SignInResult& result);

// AzureCliState::subscription()'s failure: az's sentences with tenantry-cli's commands.
QString subscriptionFailureMessage(const Error& error);

} // namespace tenantry::cli
