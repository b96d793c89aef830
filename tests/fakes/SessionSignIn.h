#pragma once

#include "account/SignInService.h"

class QNetworkAccessManager;

namespace tenantry {
class Clock;
}

namespace tenantry::test {

class TestIdentityProvider;

// What a finished interactive sign-in leaves behind in `configDir`, done through a whole Session (its
// cloud from az's files there, file-only storage): `user` picks their account on the test identity
// provider's page (auth code + PKCE through InProcessAuthorizationBrowser), then the session stores the
// tokens and writes the discovered subscriptions to azureProfile.json. Waits up to a minute.
SignInResult signInThroughSession(const QString& configDir, QNetworkAccessManager* network, const Clock& clock,
                                  TestIdentityProvider& idp, const QString& user);

} // namespace tenantry::test
