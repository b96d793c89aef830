#pragma once

#include <QHash>
#include <QModelIndex>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;
class QTreeView;

namespace tenantry {

class CacheTreeModel;
class Clock;
class TokenCacheService;
struct CacheOutcome;
struct CacheRemoval;
class MsalCache;

// "Shared token cache": what the MSAL token cache (az, Azure PowerShell, VS Code, Tenantry, …) holds, app
// by app and account by account, with live countdowns, and the user's removals from it: one entry, or an
// app's tokens of one account or of every account, each after a confirmation. Removals go through
// TokenCacheService::modify (the file under MSAL's lock, merged with what others wrote, the keychain copy,
// backups holding what was removed). The list follows the cache: whenever the service's cache changes
// (the app's file watcher reloads it when az writes), it is rebuilt.
class CacheWindow : public QWidget
{
    Q_OBJECT

public:
    // `ownClientId`: the client Tenantry signs in with, whose removal signs Tenantry out too.
    CacheWindow(TokenCacheService& cache, const Clock& clock, const QString& ownClientId, QWidget* parent = nullptr);

    void setTenantNames(const QHash<QString, QString>& names); // tenant id in lower case -> name

    CacheTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QPushButton* removeEntryButton() const { return m_removeEntry; }
    QPushButton* removeForAccountButton() const { return m_removeForAccount; }
    QPushButton* removeForAllAccountsButton() const { return m_removeForAllAccounts; }
    QString statusText() const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void rebuild();
    void updateButtons();
    QModelIndex current() const;
    void confirmRemoveEntry();
    void confirmRemoveForAccount();
    void confirmRemoveForAllAccounts();
    QString signInAgainText(const QString& appName, const QString& clientId, bool accessOrIdToken) const;
    void remove(const std::function<CacheRemoval(MsalCache&)>& removal);
    void finishRemoval(const CacheOutcome& outcome, int removed);

    TokenCacheService& m_cache;
    const Clock& m_clock;
    QString m_ownClientId;
    CacheTreeModel* m_model;
    QTreeView* m_view;
    QPushButton* m_removeEntry;
    QPushButton* m_removeForAccount;
    QPushButton* m_removeForAllAccounts;
    QLabel* m_status;
    QTimer* m_countdown;
};

} // namespace tenantry
