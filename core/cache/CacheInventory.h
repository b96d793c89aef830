#pragma once

#include "cache/MsalCache.h"

#include <QList>
#include <QString>

namespace tenantry {

// One entry of the shared MSAL token cache, described without its secret: which app (client) holds
// what for which account, tenant, scopes and until when. The key is MSAL's, made of ids and scopes only.
struct CacheRow
{
    enum class Kind { AccessToken, RefreshToken, IdToken, Account, AppMetadata };

    Kind kind = Kind::AccessToken;
    QString key;
    QString clientId;      // empty for Account entries
    QString clientName;    // knownClientName(clientId); empty when unknown
    QString homeAccountId; // empty for AppMetadata and app-only tokens
    QString username;      // from the account's Account entry; empty when there is none
    QString environment;
    QString realm;           // the tenant: AccessToken, IdToken, Account
    QString scopes;          // AccessToken, RefreshToken: the target as granted
    QString familyId;        // RefreshToken, AppMetadata
    QString authorityType;   // Account
    qint64 expiresOn = 0;    // AccessToken
    qint64 lastModified = 0; // RefreshToken

    bool isToken() const { return kind == Kind::AccessToken || kind == Kind::RefreshToken || kind == Kind::IdToken; }
    QString appName() const { return clientName.isEmpty() ? clientId : clientName; }
};

// What the token cache holds, app by app, and the user's removals from it. Shared by `tenantry-cli
// cache list` and the desktop app's cache window, so both name apps and group entries alike.
class CacheInventory
{
public:
    // The apps whose client ids are well known (Microsoft's first-party tools); empty for any other.
    static QString knownClientName(const QString& clientId);

    // Every entry the typed readers accept: access, refresh and ID tokens, accounts, app metadata, in
    // that order and each section in the cache's order.
    static QList<CacheRow> rows(const MsalCache& cache);

    // The entry of that kind stored under `key`, when it is still there.
    static CacheRemoval removeEntry(MsalCache& cache, CacheRow::Kind kind, const QString& key);
    // One app's access, refresh and ID tokens: of one account, or (empty homeAccountId) of every account,
    // then also the app's metadata. Account entries stay: other apps sign in with the same account.
    static CacheRemoval removeAppEntries(MsalCache& cache, const QString& clientId, const QString& homeAccountId);
};

} // namespace tenantry
