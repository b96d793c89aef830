#include "CliAdvice.h"

#include "auth/EntraError.h"

#include <QRegularExpression>

namespace tenantry::cli {

namespace {

QString plainProviderError(const QString& message)
{
    // The ERROR: line in plain words with the code; the provider's own words (what its support asks for)
    // on the next line, as az prints them.
    const EntraErrorText text = describeEntraError(message);
    if (text.code == 0)
        return message;
    return text.details.isEmpty() ? text.line() : text.line() + QLatin1Char('\n') + text.details;
}

} // namespace

QString tokenFailureMessage(const TokenResponse& response)
{
    // NotSignedIn without a home account: the cache has no account for the user at all (CachedTokenLookup).
    // With one, the account is there but its refresh token is not; the message already says to sign in.
    if (response.error == TokenResponse::Error::NotSignedIn && response.homeAccountId.isEmpty())
        return response.message + QStringLiteral(" Run 'tenantry-cli login' (or 'az login').");
    return plainProviderError(response.message);
}

QString brokerRenewalHint(const QList<QPair<QString, QStringList>>& options)
{
    // Quoted for a POSIX shell where a value needs it, so the line can be pasted as it is.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    QString command = QStringLiteral("az account get-access-token");
    for (const auto& [name, values] : options) {
        command += QLatin1Char(' ') + name;
        for (const QString& value : values) {
            QString quoted = value;
            if (!plain.match(value).hasMatch())
                quoted = QLatin1Char('\'') + QString(value).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                         QLatin1Char('\'');
            command += QLatin1Char(' ') + quoted;
        }
    }
    return QStringLiteral("To renew it through the broker, run az, then this command again:\n") + command;
}

QString subscriptionFailureMessage(const Error& error)
{
    switch (error.code) {
    case Error::Code::NotSignedIn:
        return QStringLiteral("Please run 'tenantry-cli login' (or 'az login') to set up an account.");
    case Error::Code::NoSubscription:
        return QStringLiteral("No subscription found. Run 'tenantry-cli account set' to select a subscription.");
    default:
        // InvalidArgument: the detail is az's own sentence for a name that matches none or several.
        return error.detail.isEmpty() ? error.message() : error.detail;
    }
}

QString signInFailureMessage(const SignInResult& result)
{
    if (result.noSubscriptions && result.tenantsNeedingSignIn().isEmpty())
        return plainProviderError(result.error) +
               QStringLiteral(" Sign in with --allow-no-subscriptions to use its tenants.");
    return plainProviderError(result.error);
}

} // namespace tenantry::cli
