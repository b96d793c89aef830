#pragma once

#include "cache/CacheInventory.h"

#include <QHash>
#include <QStandardItemModel>

#include <utility>

namespace tenantry {

// The shared token cache as a tree for people: app (by name where known, else its client id), then
// account, then the app's tokens for that account with their tenant, scopes and expiry. It holds what
// CacheInventory describes and nothing else: no token, no part of one, no digest of one.
class CacheTreeModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column { EntryColumn, TenantColumn, ScopesColumn, ExpiresColumn, ColumnCount };
    enum Level { AppLevel, AccountLevel, EntryLevel };
    enum Role {
        LevelRole = Qt::UserRole + 1, // Level
        ClientIdRole,                 // every level
        AppNameRole,                  // every level
        HomeAccountIdRole,            // account and entry levels; empty: app-only tokens
        AccountNameRole,              // account and entry levels: the username, else the home account id
        EntryKindRole,                // entry level: CacheRow::Kind as int
        EntryKeyRole,                 // entry level: the MSAL key (ids and scopes)
        ExpiresOnRole,                // access tokens: POSIX seconds
    };

    explicit CacheTreeModel(QObject* parent = nullptr);

    // Rebuilds from the cache's entries (tokens only: accounts and app metadata are no app's tokens).
    void setRows(const QList<CacheRow>& rows, qint64 now);
    // Tenant ids in lower case -> names, for the tenant column; applied at the next setRows(). False: the
    // same names as before.
    bool setTenantNames(const QHash<QString, QString>& names) { return names != std::exchange(m_tenantNames, names); }
    // Updates the access tokens' countdowns.
    void updateCountdowns(qint64 now);

    static QString kindText(CacheRow::Kind kind);
    static QString expiresText(qint64 expiresOn, qint64 now);

private:
    QString tenantText(const QString& realm) const;
    void updateCountdowns(QStandardItem* parent, qint64 now);

    QHash<QString, QString> m_tenantNames;
};

} // namespace tenantry
