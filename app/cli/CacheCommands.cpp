#include "CacheCommands.h"

#include "AzJson.h"
#include "CliOutput.h"
#include "CliSession.h"

#include "cache/CacheInventory.h"

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

} // namespace tenantry::cli
