#include "fakes/SessionSignIn.h"

#include "account/Session.h"
#include "auth/AuthCodeFlow.h"
#include "fakes/FakeBrowser.h"

#include <QtTest>

#include <memory>
#include <optional>

namespace tenantry::test {

SignInResult signInThroughSession(const QString& configDir, QNetworkAccessManager* network, const Clock& clock,
                                  TestIdentityProvider& idp, const QString& user)
{
    Session::Options options;
    options.configDir = AzureConfigDir(configDir);
    options.network = network;
    Session session(options, clock);
    SignInResult failure;
    if (!session.load(&failure.error))
        return failure;
    InProcessAuthorizationBrowser browser(&idp);
    browser.user = user;
    AuthCodeFlow flow(&session.tokenClient(), &browser);
    // Shared: a sign-in that finishes after the wait gave up must not write to a gone stack frame.
    auto outcome = std::make_shared<std::optional<SignInResult>>();
    QObject::connect(&flow, &AuthCodeFlow::succeeded, &session,
                     [&session, outcome](const TokenGrantResult& grant, const QString& realm) {
                         session.signIn().completeSignIn(grant, realm, {session.cloud().armScope()}, {},
                                                         [outcome](const SignInResult& r) { *outcome = r; });
                     });
    QObject::connect(&flow, &AuthCodeFlow::failed, &session, [outcome](const QString& message) {
        SignInResult failed;
        failed.error = message;
        *outcome = failed;
    });
    AuthCodeRequest request;
    request.scopes = {session.cloud().armScope()};
    flow.start(request);
    if (!QTest::qWaitFor([outcome] { return outcome->has_value(); }, 60000)) {
        failure.error = QStringLiteral("the sign-in did not finish within a minute");
        return failure;
    }
    return **outcome;
}

} // namespace tenantry::test
