#include "AccountCommands.h"

#include "AccountReport.h"
#include "CliAdvice.h"
#include "CliOutput.h"
#include "CliSession.h"

#include "account/RecentSubscriptions.h"
#include "account/SignInService.h"
#include "util/AppSettings.h"

namespace tenantry::cli {

QList<CliCommand> AccountCommands::commands()
{
    return {
        {{{QStringLiteral("account"), QStringLiteral("list")},
          QStringLiteral("Get a list of subscriptions for the logged in account."),
          {{{QStringLiteral("--all")},
            QStringLiteral("all"),
            true,
            false,
            QStringLiteral("List all subscriptions from all clouds, rather than just 'Enabled' ones of active "
                           "tenants.")},
           {{QStringLiteral("--refresh")},
            QStringLiteral("refresh"),
            true,
            false,
            QStringLiteral("Retrieve up-to-date subscriptions from the server.")}}},
         [this](const ParsedArgs& args) { list(args); }},
        {{{QStringLiteral("account"), QStringLiteral("show")},
          QStringLiteral("Get the details of a subscription (the active one by default)."),
          {subscriptionOption()}},
         [this](const ParsedArgs& args) { show(args); }},
        {{{QStringLiteral("account"), QStringLiteral("set")},
          QStringLiteral("Set a subscription to be the current active subscription (for az too)."),
          {subscriptionOption()}},
         [this](const ParsedArgs& args) { set(args); }},
        {{{QStringLiteral("account"), QStringLiteral("clear")},
          QStringLiteral("Clear all subscriptions and every cached token (as az account clear)."),
          {}},
         [this](const ParsedArgs& args) { clear(args); }},
    };
}

void AccountCommands::list(const ParsedArgs& args)
{
    if (!m_session.open())
        return;
    const bool all = args.has(QStringLiteral("all"));
    auto print = [this, all] {
        // Without --all, as az leaves out disabled subscriptions: those of tenants the user hid too.
        const QList<Subscription> subs =
            all ? m_session->state().subscriptions(true)
                : m_session->tenantChoice().activeSubscriptions(m_session->state().subscriptions(false));
        if (subs.isEmpty())
            m_output.warn(
                QStringLiteral("Please run \"tenantry-cli login\" (or \"az login\") to access your accounts."));
        m_output.printResult(subscriptionsOutput(m_session->state().profile(), subs, all, m_output),
                             [](const Json& rows) {
                                 Json out = Json::array();
                                 for (const Json& r : rows) {
                                     out.push_back({{"Name", r.value("name", Json())},
                                                    {"CloudName", r.value("cloudName", Json())},
                                                    {"SubscriptionId", r.value("id", Json())},
                                                    {"TenantId", r.value("tenantId", Json())},
                                                    {"State", r.value("state", Json())},
                                                    {"IsDefault", r.value("isDefault", Json())}});
                                 }
                                 return out;
                             });
        m_output.finish(m_partialExitCode);
    };
    if (!args.has(QStringLiteral("refresh"))) {
        print();
        return;
    }
    m_session.loadCache([this, print] {
        QStringList users;
        const QList<Subscription> subs = m_session->state().subscriptions(true);
        for (const Subscription& s : subs) {
            if (s.userType == QLatin1String("user") && !users.contains(s.userName, Qt::CaseInsensitive))
                users.append(s.userName);
        }
        refreshAccounts(users, print);
    });
}

void AccountCommands::refreshAccounts(QStringList usernames, std::function<void()> then)
{
    if (usernames.isEmpty()) {
        then();
        return;
    }
    const QString username = usernames.takeFirst();
    m_session->signIn().refreshAccount(username, [this, username, usernames, then](const SignInResult& result) {
        if (!result.ok()) {
            // As az account list --refresh: an account that cannot be refreshed is an error; the
            // others are still refreshed and listed.
            QString message = signInFailureMessage(result);
            if (result.homeAccountId.isEmpty() || m_session.refreshTokenRefused(result.homeAccountId))
                message += QLatin1Char('\n') + reauthenticateHint(username);
            m_output.error(message);
            m_partialExitCode = 1;
        } else {
            reportProfileChange(result.profileChange, m_output);
            if (reportUnreachedTenants(result, m_output) && m_partialExitCode == 0)
                m_partialExitCode = 3;
        }
        refreshAccounts(usernames, then);
    });
}

void AccountCommands::show(const ParsedArgs& args)
{
    if (!m_session.open())
        return;
    const auto sub = m_session->state().subscription(args.value(QStringLiteral("subscription")));
    if (!sub) {
        m_output.fail(subscriptionFailureMessage(sub.error()));
        return;
    }
    // The entry as stored, every field kept; entries of other shapes (null, numbers) are skipped there.
    m_output.printResult(m_session->state().profile().storedEntry(sub->id));
    m_output.succeed();
}

void AccountCommands::set(const ParsedArgs& args)
{
    if (!args.has(QStringLiteral("subscription"))) {
        m_output.fail(QStringLiteral("the following arguments are required: --subscription/-s/--name/-n"), 2);
        return;
    }
    if (!m_session.open())
        return;
    QString error;
    if (!m_session->state().setActive(args.value(QStringLiteral("subscription")), &error)) {
        m_output.fail(error);
        return;
    }
    // The desktop app's tray offers it among the recent ones, as if it had been switched there.
    const AzureCliState& state = m_session->state();
    if (const auto active = state.profile().defaultSubscription(state.cloud().name)) {
        AppSettings settings;
        RecentSubscriptions(settings).remember(active->id);
    }
    m_output.succeed();
}

void AccountCommands::clear(const ParsedArgs&)
{
    if (!m_session.open())
        return;
    m_session->signIn().signOutEverywhere([this](const QString& error) {
        if (!error.isEmpty()) {
            m_output.fail(error);
            return;
        }
        m_output.succeed();
    });
}

} // namespace tenantry::cli
