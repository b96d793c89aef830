#include "AccountReport.h"

#include "CliAdvice.h"
#include "CliOutput.h"

namespace tenantry::cli {

Json subscriptionsOutput(const AzureProfile& profile, const QList<Subscription>& subs, bool all, CliOutput& output)
{
    Json result = Json::array();
    bool skipped = false;
    const QHash<QString, const Json*> stored = profile.storedEntriesById(); // one pass, not one per subscription
    for (const Subscription& s : subs) {
        if (!all && s.state != QLatin1String("Enabled")) {
            skipped = true;
            continue;
        }
        const Json* found = stored.value(AzureProfile::idKey(s.id));
        Json entry = found ? *found : Json::object();
        // az renames environmentName to cloudName in list and login output only.
        entry["cloudName"] = entry.value("environmentName", Json());
        entry.erase("environmentName");
        result.push_back(std::move(entry));
    }
    if (skipped)
        output.warn(QStringLiteral("A few accounts are skipped as they don't have 'Enabled' "
                                   "state. Use '--all' to display them."));
    return result;
}

void reportProfileChange(const ProfileChange& change, CliOutput& output)
{
    const auto named = [](const Subscription& s) { return QStringLiteral("'%1' (%2)").arg(s.name, s.id); };
    const auto list = [&named](const QList<Subscription>& subs) {
        QStringList names;
        for (const Subscription& s : subs)
            names.append(named(s));
        return names.join(QStringLiteral(", "));
    };
    if (!change.added.isEmpty())
        output.warn(QStringLiteral("Added %1 subscription(s) to azureProfile.json: %2.")
                        .arg(change.added.size())
                        .arg(list(change.added)));
    if (!change.removed.isEmpty())
        output.warn(QStringLiteral("Removed %1 subscription(s) from azureProfile.json: %2.")
                        .arg(change.removed.size())
                        .arg(list(change.removed)));
    if (!change.activeChanged())
        return;
    if (!change.activeAfter)
        output.warn(QStringLiteral("No subscription is the default any more: %1 is no longer listed.")
                        .arg(named(*change.activeBefore)));
    else if (!change.activeBefore)
        output.warn(QStringLiteral("The default subscription is now %1: no subscription was the default.")
                        .arg(named(*change.activeAfter)));
    else
        output.warn(QStringLiteral("The default subscription is now %1: %2 is no longer listed.")
                        .arg(named(*change.activeAfter), named(*change.activeBefore)));
}

bool reportUnreachedTenants(const SignInResult& result, CliOutput& output)
{
    bool unreached = false;
    for (const TenantStatus& t : result.discovery.tenants) {
        const QString name = t.tenant.displayName.isEmpty() ? t.tenant.tenantId : t.tenant.displayName;
        switch (t.state) {
        case TenantStatus::State::SignedIn:
        case TenantStatus::State::Hidden: // the user's choice: nothing to say
            break;
        case TenantStatus::State::HeldByBroker: // signed in: only its token is az's to renew
            output.warn(QStringLiteral("Tenant '%1' (%2): %3\n%4")
                            .arg(name, t.tenant.tenantId, t.reason,
                                 brokerRenewalHint({{QStringLiteral("--tenant"), {t.tenant.tenantId}}})));
            break;
        case TenantStatus::State::NeedsSignIn:
            output.warn(QStringLiteral("Tenant '%1' (%2) needs an interactive sign-in: %3\n"
                                       "Run 'tenantry-cli login --tenant %2' to sign in to it.")
                            .arg(name, t.tenant.tenantId, t.reason));
            unreached = true;
            break;
        case TenantStatus::State::Error:
            output.warn(
                QStringLiteral("Tenant '%1' (%2) could not be reached: %3").arg(name, t.tenant.tenantId, t.reason));
            unreached = true;
            break;
        }
    }
    return unreached;
}

QString reauthenticateHint(const QString& username)
{
    return QStringLiteral("To re-authenticate %1, please run:\ntenantry-cli login").arg(username);
}

} // namespace tenantry::cli
