#include "cache/CacheInventory.h"

#include <QHash>

namespace tenantry {

namespace {

const char* sectionName(CacheRow::Kind kind)
{
    switch (kind) {
    case CacheRow::Kind::AccessToken:
        return "AccessToken";
    case CacheRow::Kind::RefreshToken:
        return "RefreshToken";
    case CacheRow::Kind::IdToken:
        return "IdToken";
    case CacheRow::Kind::Account:
        return "Account";
    case CacheRow::Kind::AppMetadata:
        return "AppMetadata";
    }
    return "";
}

// Erases the rows' keys from their sections (in a copy of the document) and counts what went.
CacheRemoval eraseRows(MsalCache& cache, const QList<CacheRow>& rows)
{
    CacheRemoval removal;
    if (rows.isEmpty())
        return removal;
    Json document = cache.document();
    for (const CacheRow& row : rows) {
        const auto section = document.find(sectionName(row.kind));
        if (section == document.end() || !section->is_object() || section->erase(row.key.toStdString()) == 0)
            continue;
        switch (row.kind) {
        case CacheRow::Kind::AccessToken:
            ++removal.accessTokens;
            break;
        case CacheRow::Kind::RefreshToken:
            ++removal.refreshTokens;
            break;
        case CacheRow::Kind::IdToken:
            ++removal.idTokens;
            break;
        case CacheRow::Kind::Account:
            ++removal.accounts;
            break;
        case CacheRow::Kind::AppMetadata:
            break;
        }
    }
    cache = MsalCache::fromDocument(std::move(document));
    return removal;
}

} // namespace

QString CacheInventory::knownClientName(const QString& clientId)
{
    static const QHash<QString, QString> kClients = {
        {QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46"), QStringLiteral("Azure CLI")},
        {QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2"), QStringLiteral("Azure PowerShell")},
        {QStringLiteral("aebc6443-996d-45c2-90f0-388ff96faa56"), QStringLiteral("Visual Studio Code")},
        {QStringLiteral("872cd9fa-d31f-45e0-9eab-6e460a02d1f1"), QStringLiteral("Visual Studio")},
    };
    return kClients.value(clientId.toLower());
}

QList<CacheRow> CacheInventory::rows(const MsalCache& cache)
{
    const QList<Account> accounts = cache.accounts();
    QHash<QString, QString> usernames;
    for (const Account& a : accounts)
        usernames.insert(a.homeAccountId, a.username);
    auto row = [&usernames](CacheRow::Kind kind, const QString& key, const QString& clientId, const QString& hid,
                            const QString& environment) {
        CacheRow r;
        r.kind = kind;
        r.key = key;
        r.clientId = clientId;
        r.clientName = knownClientName(clientId);
        r.homeAccountId = hid;
        r.username = usernames.value(hid);
        r.environment = environment;
        return r;
    };

    QList<CacheRow> out;
    for (const AccessToken& t : cache.accessTokens()) {
        CacheRow r = row(CacheRow::Kind::AccessToken, t.key, t.clientId, t.homeAccountId, t.environment);
        r.realm = t.realm;
        r.scopes = t.target;
        r.expiresOn = t.expiresOn;
        out.append(std::move(r));
    }
    for (const RefreshToken& t : cache.refreshTokens()) {
        CacheRow r = row(CacheRow::Kind::RefreshToken, t.key, t.clientId, t.homeAccountId, t.environment);
        r.scopes = t.target;
        r.familyId = t.familyId;
        r.lastModified = t.lastModificationTime;
        out.append(std::move(r));
    }
    for (const IdToken& t : cache.idTokens()) {
        CacheRow r = row(CacheRow::Kind::IdToken, t.key, t.clientId, t.homeAccountId, t.environment);
        r.realm = t.realm;
        out.append(std::move(r));
    }
    for (const Account& a : accounts) {
        CacheRow r = row(CacheRow::Kind::Account, a.key, QString(), a.homeAccountId, a.environment);
        r.clientName.clear();
        r.realm = a.realm;
        r.authorityType = a.authorityType;
        out.append(std::move(r));
    }
    for (const AppMetadata& m : cache.appMetadata()) {
        CacheRow r = row(CacheRow::Kind::AppMetadata, m.key, m.clientId, QString(), m.environment);
        r.familyId = m.familyId;
        out.append(std::move(r));
    }
    return out;
}

CacheRemoval CacheInventory::removeEntry(MsalCache& cache, CacheRow::Kind kind, const QString& key)
{
    CacheRow row;
    row.kind = kind;
    row.key = key;
    return eraseRows(cache, {row});
}

CacheRemoval CacheInventory::removeAppEntries(MsalCache& cache, const QString& clientId, const QString& homeAccountId)
{
    const bool everyAccount = homeAccountId.isEmpty();
    QList<CacheRow> doomed;
    for (const CacheRow& r : rows(cache)) {
        if (r.clientId.compare(clientId, Qt::CaseInsensitive) != 0)
            continue;
        if (r.isToken() ? (everyAccount || r.homeAccountId == homeAccountId)
                        : (everyAccount && r.kind == CacheRow::Kind::AppMetadata))
            doomed.append(r);
    }
    return eraseRows(cache, doomed);
}

} // namespace tenantry
