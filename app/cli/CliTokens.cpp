#include "CliTokens.h"

#include "AccountReport.h"
#include "CliAdvice.h"
#include "CliOutput.h"
#include "CliSession.h"

#include "account/CachedTokenLookup.h"
#include "account/TokenProvider.h"

namespace tenantry::cli {

std::optional<Subscription> chosenSubscription(CliSession& session, CliOutput& output, const QString& idOrName)
{
    if (!session.open())
        return std::nullopt;
    const auto sub = session->state().subscription(idOrName);
    if (!sub) {
        output.fail(subscriptionFailureMessage(sub.error()));
        return std::nullopt;
    }
    // As `account list`: a subscription named in a tenant the user hid is not offered. az's own default stays
    // what it is.
    if (!idOrName.isEmpty() && session->tenantChoice().activeSubscriptions({*sub}).isEmpty()) {
        output.fail(QStringLiteral("The subscription '%1' is in a tenant you hid (%2). Show it again with "
                                   "'tenantry-cli account tenant unhide --tenant %2'.")
                        .arg(sub->id, sub->tenantId));
        return std::nullopt;
    }
    return *sub;
}

std::optional<Subscription> userSubscription(CliSession& session, CliOutput& output, const QString& idOrName)
{
    const std::optional<Subscription> sub = chosenSubscription(session, output, idOrName);
    if (sub && sub->userType == QLatin1String("servicePrincipal")) {
        output.fail(QStringLiteral("The subscription is a service principal's; tenantry-cli hands git, kubectl and "
                                   "the programs it runs a user's sign-in only."));
        return std::nullopt;
    }
    return sub;
}

namespace {

// The fast path of fetchUserToken: a valid token in the file, when the file is in step with the keychain.
std::optional<TokenResponse> tokenFromCacheFile(CliSession& session, const TokenRequest& request)
{
    if (const std::optional<MsalCache> file = session->cache().readFileWhenInStep()) {
        TokenResponse cached = CachedTokenLookup(session->cloud().authorityHost(), session->clientId())
                                   .lookup(*file, request, session.clock().nowSecs());
        if (cached.ok())
            return cached;
    }
    return std::nullopt;
}

} // namespace

void fetchUserToken(CliSession& session, const TokenRequest& request, std::function<void(const TokenResponse&)> done)
{
    if (const std::optional<TokenResponse> cached = tokenFromCacheFile(session, request)) {
        done(*cached);
        return;
    }
    session.loadCache([&session, request, done = std::move(done)] { session->tokens().getToken(request, done); });
}

void fetchUserTokenAndGoOn(CliSession& session, const TokenRequest& request,
                           std::function<void(const TokenResponse&)> done)
{
    if (const std::optional<TokenResponse> cached = tokenFromCacheFile(session, request)) {
        done(*cached);
        return;
    }
    session->cache().load([&session, request, done = std::move(done)](const CacheOutcome& outcome) {
        if (!outcome.ok) {
            TokenResponse failed;
            failed.error = TokenResponse::Error::Storage;
            failed.message = outcome.error;
            done(failed);
            return;
        }
        session->tokens().getToken(request, done);
    });
}

QString tokenFailureAdvice(const TokenResponse& response, const TokenRequest& request,
                           const QList<QPair<QString, QStringList>>& azOptions)
{
    QString message = tokenFailureMessage(response);
    // The tenant's challenge is met by signing in to it; anything else a sign-in cures, by signing in again.
    if (response.error == TokenResponse::Error::InteractionRequired)
        message += QLatin1Char('\n') +
                   QStringLiteral("Run 'tenantry-cli login --tenant %1' to sign in to this tenant interactively.")
                       .arg(request.tenantId);
    else if (response.error == TokenResponse::Error::HeldByBroker)
        message += QLatin1Char('\n') + brokerRenewalHint(azOptions);
    else if (response.needsInteractiveSignIn())
        message += QLatin1Char('\n') + reauthenticateHint(request.username);
    return message;
}

QString tokenFailureAdvice(const TokenResponse& response, const TokenRequest& request)
{
    return tokenFailureAdvice(
        response, request,
        {{QStringLiteral("--scope"), request.scopes}, {QStringLiteral("--tenant"), {request.tenantId}}});
}

} // namespace tenantry::cli
