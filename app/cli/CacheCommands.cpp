#include "CacheCommands.h"

#include "AzJson.h"
#include "CliOutput.h"
#include "CliSession.h"

#include <QHash>

namespace tenantry::cli {

namespace {

QString knownClientName(const QString& clientId)
{
    static const QHash<QString, QString> kClients = {
        {QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46"), QStringLiteral("Azure CLI")},
        {QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2"), QStringLiteral("Azure PowerShell")},
        {QStringLiteral("aebc6443-996d-45c2-90f0-388ff96faa56"), QStringLiteral("Visual Studio Code")},
        {QStringLiteral("872cd9fa-d31f-45e0-9eab-6e460a02d1f1"), QStringLiteral("Visual Studio")},
    };
    return kClients.value(clientId.toLower());
}

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

} // namespace

QList<CliCommand> CacheCommands::commands()
{
    return {
        {{{QStringLiteral("cache"), QStringLiteral("list")},
          QStringLiteral("List every entry of the shared token cache, without secrets."),
          {}},
         [this](const ParsedArgs& args) { list(args); }},
    };
}

void CacheCommands::list(const ParsedArgs&)
{
    if (!m_session.open())
        return;
    m_session.loadCache([this] {
        const MsalCache& cache = m_session->cache().cache();
        const qint64 now = m_session.clock().nowSecs();
        QHash<QString, QString> usernames;
        for (const Account& a : cache.accounts())
            usernames.insert(a.homeAccountId, a.username);
        auto base = [&](const char* kind, const QString& clientId, const QString& hid, const QString& environment) {
            return Json{{"kind", kind},
                        {"client", jstr(knownClientName(clientId))},
                        {"clientId", jstr(clientId)},
                        {"account", hid.isEmpty() ? Json(nullptr) : jstr(usernames.value(hid))},
                        {"homeAccountId", hid.isEmpty() ? Json(nullptr) : jstr(hid)},
                        {"environment", jstr(environment)}};
        };
        Json result = Json::array();
        for (const AccessToken& t : cache.accessTokens()) {
            Json e = base("AccessToken", t.clientId, t.homeAccountId, t.environment);
            e["realm"] = jstr(t.realm);
            e["scopes"] = jstr(t.target);
            e["expiresOn"] = jstr(azLocalTime(t.expiresOn));
            e["expires_on"] = t.expiresOn;
            e["expired"] = t.expiresOn <= now;
            result.push_back(std::move(e));
        }
        for (const RefreshToken& t : cache.refreshTokens()) {
            Json e = base("RefreshToken", t.clientId, t.homeAccountId, t.environment);
            e["scopes"] = jstr(t.target);
            e["familyId"] = t.familyId.isEmpty() ? Json(nullptr) : jstr(t.familyId);
            e["lastModified"] = jstr(azLocalTime(t.lastModificationTime));
            result.push_back(std::move(e));
        }
        for (const IdToken& t : cache.idTokens()) {
            Json e = base("IdToken", t.clientId, t.homeAccountId, t.environment);
            e["realm"] = jstr(t.realm);
            result.push_back(std::move(e));
        }
        for (const Account& a : cache.accounts()) {
            Json e = base("Account", QString(), a.homeAccountId, a.environment);
            e.erase("client");
            e.erase("clientId");
            e["realm"] = jstr(a.realm);
            e["authorityType"] = jstr(a.authorityType);
            result.push_back(std::move(e));
        }
        for (const AppMetadata& m : cache.appMetadata()) {
            Json e = base("AppMetadata", m.clientId, QString(), m.environment);
            e.erase("account");
            e.erase("homeAccountId");
            e["familyId"] = m.familyId.isEmpty() ? Json(nullptr) : jstr(m.familyId);
            result.push_back(std::move(e));
        }
        m_output.printResult(result, cacheTable);
        m_output.succeed();
    });
}

} // namespace tenantry::cli
