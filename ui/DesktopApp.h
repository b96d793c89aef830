#pragma once

#include "LaunchOptions.h"
#include "azure/AzureConfigDir.h"
#include "token/TokenCopier.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace tenantry {

class AccountActions;
class AccountDetailsPanel;
class AccountDirectory;
class AccountsFilterBar;
class AccountTreeModel;
class AccountsController;
class AccountsView;
class AppSettings;
class AutostartEntry;
class CacheWindow;
class Clock;
class ClipboardGuard;
class CopiedTokenReminder;
class CopyTokenDialog;
class MainWindow;
class Notifier;
enum class PlaintextCopies;
class RecentSubscriptions;
class SecretStore;
class Session;
class SignInCoordinator;
struct SignInResult;
class TenantChoiceController;
class SubscriptionSwitcher;
class TokenCopyController;
class TrayController;
class TrayMenu;
struct AccountTarget;

// The desktop app's objects, built and wired once: the core session for az's config dir (cache,
// identity platform, ARM), the accounts picture and its tree, the main window, the tray, sign-in,
// token copying and notifications. app/gui/main.cpp hands it the real clock, settings and keychain;
// the tests hand it theirs. Nothing here reaches for a global.
class DesktopApp : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        AzureConfigDir configDir = AzureConfigDir::fromEnvironment();
        AppSettings* settings = nullptr;          // required; not owned
        const Clock* clock = nullptr;             // required; not owned
        SecretStore* keychain = nullptr;          // null: no keychain (file only)
        AutostartEntry* autostart = nullptr;      // for the settings dialog
        QNetworkAccessManager* network = nullptr; // null: the session makes its own
        QString clientId;                         // empty: Azure CLI's
        bool discoverAtStart = true;              // look at every account's tenants after the cache loaded
    };

    explicit DesktopApp(Options options, QObject* parent = nullptr);
    ~DesktopApp() override;

    // Shows the window (or the tray, minimized); the tray, the token cache, discovery and what `options` ask
    // for follow from the event loop, once the window is on its way to the display.
    void start(const LaunchOptions& options);
    void activate(const QStringList& arguments); // a second launch's command line

    // Why az's config could not be used (the window says so too); empty when it could.
    QString sessionError() const { return m_sessionError; }

    MainWindow* window() const { return m_window.get(); }
    Session* session() const { return m_session.get(); }
    AccountDirectory* directory() const { return m_directory; }
    AccountTreeModel* model() const { return m_model; }
    AccountsView* accountsView() const { return m_view; }
    AccountDetailsPanel* details() const { return m_details; }
    AccountsFilterBar* filterBar() const { return m_filterBar; }
    AccountActions* actions() const { return m_actions; }
    AccountsController* accounts() const { return m_accounts; }
    SignInCoordinator* signIn() const { return m_signIn; }
    TenantChoiceController* tenantChoice() const { return m_tenantChoice; }
    TrayMenu* trayMenu() const { return m_trayMenu; }
    TrayController* tray() const { return m_tray; }
    ClipboardGuard* clipboard() const { return m_clipboard; }
    TokenCopier* copier() const { return m_copier; }
    Notifier* notifier() const { return m_notifier; }
    CopiedTokenReminder* reminder() const { return m_reminder; }
    CopyTokenDialog* copyTokenDialog() const;
    CacheWindow* cacheWindow() const { return m_cacheWindow; } // null until first opened

public slots:
    void openCopyTokenDialog(const tenantry::AccountTarget& target);
    // A terminal (TerminalCommand) running `tenantry-cli shell -s <subscription>`, detached.
    void openTerminal(const tenantry::AccountTarget& target);
    void openSettings();
    void openTokenCache();
    void openAbout();
    void quit();

signals:
    void quitRequested();

private:
    void buildSession();
    void wireWindow();
    void wireAccounts();
    void wireTray();
    void wireTokens();
    void act(const LaunchOptions& options);
    void updateAccountsShown();
    void confirmSignOutEverywhere();
    void showSignIn(const SignInResult& result); // what a finished sign-in found, in the window and the tray
    // `warning`: the question is about removing more than the selected row (a warning icon, not a question mark).
    void confirm(const QString& title, const QString& text, const QString& acceptText, std::function<void()> then,
                 bool warning = false);
    void notify(const QString& title, const QString& message);
    void tellProfileChange(const QString& message); // what a sign-in or refresh changed in az's list
    void applySettings(PlaintextCopies copies);

    Options m_options;
    const Clock& m_clock;
    QString m_sessionError;
    QString m_startCloudSetting; // AppSettings::cloudName() as the session was built
    std::unique_ptr<Session> m_session;
    AccountDirectory* m_directory = nullptr;
    AccountTreeModel* m_model = nullptr;
    AccountsController* m_accounts = nullptr;
    SubscriptionSwitcher* m_switcher = nullptr;
    ClipboardGuard* m_clipboard = nullptr;
    TokenCopier* m_copier = nullptr;
    CopiedTokenReminder* m_reminder = nullptr;
    Notifier* m_notifier = nullptr;
    AccountActions* m_actions = nullptr;
    std::unique_ptr<MainWindow> m_window;
    AccountsView* m_view = nullptr;
    AccountDetailsPanel* m_details = nullptr;
    AccountsFilterBar* m_filterBar = nullptr;
    std::unique_ptr<RecentSubscriptions> m_recent;
    TrayMenu* m_trayMenu = nullptr;
    TrayController* m_tray = nullptr;
    SignInCoordinator* m_signIn = nullptr;
    TenantChoiceController* m_tenantChoice = nullptr;
    TokenCopyController* m_tokenCopy = nullptr;
    CacheWindow* m_cacheWindow = nullptr;
};

} // namespace tenantry
