#include "CacheCommands.h"

#include "AzJson.h"
#include "CliOutput.h"
#include "CliSession.h"

#include "cache/CacheInventory.h"

#include <memory>

namespace tenantry::cli {

namespace {

// The table view: one row per entry, the client by name where it is known.
Json cacheTable(const Json& rows)
{
    Json out = Json::array();
    for (const Json& r : rows) {
        out.push_back(
            {{"Kind", r.value("kind", Json())},
             {"Client", r.value("client", Json()) == "" ? r.value("clientId", Json()) : r.value("client", Json())},
             {"Account", r.value("account", Json())},
             {"Realm", r.value("realm", Json())},
             {"Scopes", r.value("scopes", Json())},
             {"ExpiresOn", r.value("expiresOn", Json())}});
    }
    return out;
}

// One entry as `cache list` prints it; each kind has only the fields that mean something for it.
Json listEntry(const CacheRow& r, qint64 now)
{
    static const char* const kKinds[] = {"AccessToken", "RefreshToken", "IdToken", "Account", "AppMetadata"};
    const bool hasClient = r.kind != CacheRow::Kind::Account;
    const bool hasAccount = r.kind != CacheRow::Kind::AppMetadata;
    const auto nullIfEmpty = [](const QString& text) { return text.isEmpty() ? Json(nullptr) : jstr(text); };
    Json e{{"kind", kKinds[static_cast<int>(r.kind)]}};
    if (hasClient) {
        e["client"] = jstr(r.clientName);
        e["clientId"] = jstr(r.clientId);
    }
    if (hasAccount) {
        e["account"] = r.homeAccountId.isEmpty() ? Json(nullptr) : jstr(r.username);
        e["homeAccountId"] = nullIfEmpty(r.homeAccountId);
    }
    e["environment"] = jstr(r.environment);
    switch (r.kind) {
    case CacheRow::Kind::AccessToken:
        e["realm"] = jstr(r.realm);
        e["scopes"] = jstr(r.scopes);
        e["expiresOn"] = jstr(azLocalTime(r.expiresOn));
        e["expires_on"] = r.expiresOn;
        e["expired"] = r.expiresOn <= now;
        break;
    case CacheRow::Kind::RefreshToken:
        e["scopes"] = jstr(r.scopes);
        e["familyId"] = nullIfEmpty(r.familyId);
        e["lastModified"] = jstr(azLocalTime(r.lastModified));
        break;
    case CacheRow::Kind::IdToken:
        e["realm"] = jstr(r.realm);
        break;
    case CacheRow::Kind::Account:
        e["realm"] = jstr(r.realm);
        e["authorityType"] = jstr(r.authorityType);
        break;
    case CacheRow::Kind::AppMetadata:
        e["familyId"] = nullIfEmpty(r.familyId);
        break;
    }
    return e;
}

} // namespace

QList<CliCommand> CacheCommands::commands()
{
    return {
        {{{QStringLiteral("cache"), QStringLiteral("list")},
          QStringLiteral("List every entry of the shared token cache, without secrets."),
          {}},
         [this](const ParsedArgs& args) { list(args); }},
        {{{QStringLiteral("cache"), QStringLiteral("remove")},
          QStringLiteral("Remove an app's tokens from the shared token cache (and its backups): of one account, or of "
                         "every account. The app has to sign in again."),
          {{{QStringLiteral("--client")},
            QStringLiteral("client"),
            false,
            false,
            QStringLiteral(
                "The app: its client id, or its name as `cache list` shows it (e.g. \"Azure PowerShell\").")},
           {{QStringLiteral("--account")},
            QStringLiteral("account"),
            false,
            false,
            QStringLiteral("The account: its user name or home account id. Default: every account.")}}},
         [this](const ParsedArgs& args) { remove(args); }},
    };
}

void CacheCommands::list(const ParsedArgs&)
{
    if (!m_session.open())
        return;
    m_session.loadCache([this] {
        const qint64 now = m_session.clock().nowSecs();
        Json result = Json::array();
        for (const CacheRow& r : CacheInventory::rows(m_session->cache().cache()))
            result.push_back(listEntry(r, now));
        m_output.printResult(result, cacheTable);
        m_output.succeed();
    });
}

void CacheCommands::remove(const ParsedArgs& args)
{
    const QString client = args.value(QStringLiteral("client")).trimmed();
    if (client.isEmpty()) {
        m_output.fail(QStringLiteral("the following arguments are required: --client"), 2);
        return;
    }
    const QString account = args.value(QStringLiteral("account")).trimmed();
    if (args.has(QStringLiteral("account")) && account.isEmpty()) {
        m_output.fail(QStringLiteral("--account needs a user name or a home account id."), 2);
        return;
    }
    if (!m_session.open())
        return;
    m_session.loadCache([this, client, account] {
        // The app and the account as the cache names them; a name nobody holds tokens under is an error.
        QString clientId;
        QString homeAccountId;
        for (const CacheRow& r : CacheInventory::rows(m_session->cache().cache())) {
            if (!r.isToken())
                continue;
            if (r.clientId.compare(client, Qt::CaseInsensitive) == 0 ||
                r.clientName.compare(client, Qt::CaseInsensitive) == 0)
                clientId = r.clientId;
            if (!account.isEmpty() && !r.homeAccountId.isEmpty() &&
                (r.username.compare(account, Qt::CaseInsensitive) == 0 || r.homeAccountId == account))
                homeAccountId = r.homeAccountId;
        }
        if (clientId.isEmpty()) {
            m_output.fail(QStringLiteral("No app '%1' holds tokens in the token cache. See `cache list`.").arg(client));
            return;
        }
        if (!account.isEmpty() && homeAccountId.isEmpty()) {
            m_output.fail(QStringLiteral("No account '%1' in the token cache. See `cache list`.").arg(account));
            return;
        }
        auto removal = std::make_shared<CacheRemoval>();
        m_session->cache().modify(
            [clientId, homeAccountId, removal](MsalCache& cache) {
                *removal = CacheInventory::removeAppEntries(cache, clientId, homeAccountId);
            },
            [this, removal](const CacheOutcome& outcome) {
                if (!outcome.ok) {
                    m_output.fail(outcome.error);
                    return;
                }
                m_output.printResult(Json{{"accessTokens", removal->accessTokens},
                                          {"refreshTokens", removal->refreshTokens},
                                          {"idTokens", removal->idTokens}});
                m_output.succeed();
            });
    });
}

} // namespace tenantry::cli
