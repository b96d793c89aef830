#pragma once

#include "account/AccountDirectory.h"
#include "account/SignInService.h"
#include "azure/AzureFilesWatcher.h"

#include <QObject>

namespace tenantry {

class Session;

// Keeps the accounts picture (AccountDirectory) in step with the session -- the token cache,
// azureProfile.json (also when az changes them, as AzureFilesWatcher sees), what discovery and token refreshes learn --
// and runs the account operations the window asks for: refresh, sign out of an account or a tenant. Start-up shows the
// cache at once and then discovers every signed-in account in the background.
class AccountsController : public QObject
{
    Q_OBJECT

public:
    AccountsController(Session* session, AccountDirectory* directory, QObject* parent = nullptr);

    // Loads the cache (asynchronously) and rebuilds; with `discover`, then looks at every
    // signed-in account's tenants (names, which need sign-in) without changing az's files.
    void start(bool discover = true);
    bool isLoaded() const { return m_loaded; }

    // What a sign-in or refresh changed in azureProfile.json, in a sentence or two for the window or a
    // notification; empty when there is nothing to say.
    static QString describeProfileChange(const ProfileChange& change);

public slots:
    void rebuild();
    void discoverAll();
    // az account list --refresh for one user or all: the subscriptions in azureProfile.json are updated.
    void refreshAccount(const QString& username);
    void refreshAll();
    void signOutAccount(const QString& username);
    void signOutTenant(const QString& username, const QString& tenantId);
    // What a finished sign-in found: tenant names and states; the account's sign-in is alive again.
    void applySignIn(const tenantry::SignInResult& result);
    void reloadFromDisk();   // az's files and the token cache, as they are now
    void reloadProfile();    // azureProfile.json and az's settings
    void reloadTokenCache(); // the token cache

signals:
    void loaded();
    void statusMessage(const QString& message);
    void operationFailed(const QString& message);
    void profileChangeNotice(const QString& message); // describeProfileChange() of a refresh
    void tenantNeedsSignIn(const QString& username, const QString& tenantId, const QString& tenantName,
                           const QString& reason);
    void tenantSignedIn(const QString& username, const QString& tenantId);
    void accountSignInExpired(const QString& username, const QString& message);

private:
    void discover(const AccountEntry& account);
    void applyDiscovery(const QString& homeAccountId, const DiscoveryResult& discovery);
    QString usernameOf(const QString& homeAccountId) const;

    Session* m_session;
    AccountDirectory* m_directory;
    AzureFilesWatcher m_files;
    bool m_loaded = false;
};

} // namespace tenantry
