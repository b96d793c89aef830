#include "DesktopApp.h"

#include "AboutDialog.h"
#include "ClipboardGuard.h"
#include "ConfirmationBox.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SettingsDialog.h"
#include "UiLogging.h"
#include "account/AccountDirectory.h"
#include "account/AccountTreeModel.h"
#include "account/RecentSubscriptions.h"
#include "account/Session.h"
#include "account/TokenRequest.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountDetailsPanel.h"
#include "accounts/AccountsController.h"
#include "accounts/AccountsFilterBar.h"
#include "accounts/AccountsView.h"
#include "accounts/SubscriptionSwitcher.h"
#include "accounts/TenantChoiceController.h"
#include "cache/CacheWindow.h"
#include "signin/SignInCoordinator.h"
#include "token/CopiedTokenReminder.h"
#include "token/TokenCopyController.h"
#include "tools/SubscriptionContext.h"
#include "tools/TerminalCommand.h"
#include "tray/TrayController.h"
#include "tray/TrayMenu.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSystemTrayIcon>

namespace tenantry {

DesktopApp::DesktopApp(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(*m_options.clock)
{
    buildSession();
    m_directory = new AccountDirectory(m_session->clientId(), this);
    m_model = new AccountTreeModel(m_directory, m_clock, this);
    m_recent = std::make_unique<RecentSubscriptions>(*m_options.settings);
    m_switcher = new SubscriptionSwitcher(&m_session->state(), this);
    m_switcher->setRecentSubscriptions(m_recent.get());
    m_clipboard = new ClipboardGuard(this);
    m_reminder = new CopiedTokenReminder(m_clock, this);
    m_notifier = new Notifier(this);
    m_actions = new AccountActions(this);

    m_window = std::make_unique<MainWindow>(m_options.settings);
    m_view = new AccountsView(m_actions);
    m_view->setAccountsModel(m_model);
    m_window->setAccountsView(m_view);
    m_details = new AccountDetailsPanel(m_model, m_actions, m_clock);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, m_details,
            [this](const QModelIndex& current) { m_details->showIndex(m_view->sourceIndex(current)); });
    m_details->showIndex(m_view->sourceIndex(m_view->currentIndex()));
    m_window->setDetailsPanel(m_details);
    m_filterBar = new AccountsFilterBar(m_view);
    m_window->setFilterBar(m_filterBar, m_filterBar->findAction());
    m_window->setAccountActions(m_actions);

    m_trayMenu = new TrayMenu(&m_session->state(), m_switcher, this);
    m_trayMenu->setRecentSubscriptions(m_recent.get());
    m_tray = new TrayController(m_trayMenu, this);

    if (m_sessionError.isEmpty()) {
        m_accounts = new AccountsController(m_session.get(), m_directory, this);
        m_copier = new TokenCopier(&m_session->tokens(), m_clipboard, this);
        m_signIn = new SignInCoordinator(m_session.get(), m_window.get(), this);
        m_tenantChoice = new TenantChoiceController(m_session.get(), m_directory, m_accounts, m_window.get(), this);
    } else {
        m_window->showProblem(m_sessionError);
    }
    m_tokenCopy = new TokenCopyController(m_session.get(), m_copier, m_directory, m_trayMenu, m_window.get(),
                                          m_reminder, m_signIn, this);
    applySettings(PlaintextCopies::Keep);
    wireWindow();
    wireAccounts();
    wireTray();
    wireTokens();
    updateAccountsShown();
}

DesktopApp::~DesktopApp()
{
    // Dialogs and flows first, then what shows the accounts, then the session they all use.
    delete m_tokenCopy;
    delete m_signIn;
    delete m_tray;
    delete m_trayMenu;
    m_window.reset();
    delete m_accounts;
    delete m_copier;
    delete m_clipboard;
    m_session.reset();
}

CopyTokenDialog* DesktopApp::copyTokenDialog() const
{
    return m_tokenCopy->dialog();
}

void DesktopApp::buildSession()
{
    AppSettings& settings = *m_options.settings;
    m_startCloudSetting = settings.cloudName();
    Session::Options options;
    options.configDir = m_options.configDir;
    const StorageModeChoice storage = settings.storageMode(); // TENANTRY_STORAGE_MODE, as the CLI
    options.storageMode = storage.mode;
    if (!storage.warning.isEmpty())
        qCWarning(lcUi).noquote() << storage.warning;
    options.clientId = m_options.clientId;
    options.cloudName = m_startCloudSetting;
    options.keychain = m_options.keychain;
    options.network = m_options.network;
    options.settings = m_options.settings; // the tenant choice
    m_session = std::make_unique<Session>(options, m_clock);
    QString error;
    if (!m_session->load(&error)) {
        m_sessionError =
            tr("The Azure CLI configuration in %1 cannot be used: %2").arg(m_options.configDir.path(), error);
        qCWarning(lcUi).noquote() << m_sessionError;
    }
}

void DesktopApp::applySettings(PlaintextCopies copies)
{
    m_clipboard->applySettings(*m_options.settings);
    m_reminder->setMinutesBefore(m_options.settings->notifyBeforeExpiryMinutes());
    if (!m_sessionError.isEmpty())
        return;
    // The session's clients are built for one cloud: another one takes a new start.
    if (m_options.settings->cloudName() != m_startCloudSetting)
        m_window->showProblem(tr("Tenantry uses the new cloud setting from its next start."));
    const StorageMode mode = m_options.settings->storageMode().mode;
    if (mode != m_session->cache().mode()) {
        QPointer<DesktopApp> self(this);
        m_session->cache().setMode(mode, copies, [self](const CacheOutcome& outcome) {
            if (self && !outcome.ok)
                self->m_window->showProblem(outcome.error);
        });
    }
}

void DesktopApp::start(const LaunchOptions& options)
{
    const bool minimized = options.minimized || m_options.settings->startMinimized();
    if (minimized) {
        m_tray->start();
        if (!QSystemTrayIcon::isSystemTrayAvailable())
            m_window->showMinimized(); // no tray (yet): minimized to the taskbar instead of invisible
    } else {
        m_window->showAndRaise();
    }
    // The rest once the event loop has sent the window to the display (the map request goes out when it
    // first waits): the tray (a D-Bus round trip), the token cache (the keychain), discovery (the network),
    // what the command line asked for. The window shows what it would have: azureProfile.json's accounts,
    // the cache's details as they load.
    QMetaObject::invokeMethod(
        this,
        [this, minimized, options] {
            if (!minimized)
                m_tray->start();
            if (m_accounts)
                m_accounts->start(m_options.discoverAtStart);
            // Subscription contexts of shells that have ended (tenantry-cli env, "Open a terminal here").
            SubscriptionContext::removeAbandoned();
            act(options);
        },
        Qt::QueuedConnection);
}

void DesktopApp::activate(const QStringList& arguments)
{
    LaunchOptions options;
    QString error;
    if (!LaunchOptions::parse(arguments, &options, &error))
        qCWarning(lcUi).noquote() << "ignored a second launch's command line:" << error;
    if (!options.minimized)
        m_window->showAndRaise();
    act(options);
}

void DesktopApp::act(const LaunchOptions& options)
{
    if (options.signIn)
        m_window->requestBrowserSignIn(options.tenant);
    else if (options.deviceCode)
        m_window->requestCodeSignIn(options.tenant);
}

void DesktopApp::quit()
{
    m_window->prepareToQuit();
    emit quitRequested();
}

void DesktopApp::notify(const QString& title, const QString& message)
{
    if (m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        m_tray->notify(title, message);
    else
        m_window->showStatus(title + QStringLiteral(": ") + message.section(QLatin1Char('\n'), 0, 0));
}

void DesktopApp::tellProfileChange(const QString& message)
{
    if (message.isEmpty())
        return;
    m_window->showNotice(message);
    if (!m_window->isVisible())
        notify(tr("Azure CLI subscriptions changed"), message);
}

void DesktopApp::updateAccountsShown()
{
    // While the cache loads, what az's profile lists is about to show: no welcome page flash.
    const bool loading = m_accounts && !m_accounts->isLoaded();
    m_window->setHasAccounts(loading ? !m_session->state().subscriptions().isEmpty()
                                     : !m_directory->accounts().isEmpty());
}

void DesktopApp::confirm(const QString& title, const QString& text, const QString& acceptText,
                         std::function<void()> then, bool warning)
{
    askToConfirm(m_window.get(), title, text, acceptText, std::move(then), warning);
}

void DesktopApp::wireWindow()
{
    MainWindow* window = m_window.get();
    connect(window, &MainWindow::settingsRequested, this, &DesktopApp::openSettings);
    connect(window, &MainWindow::aboutRequested, this, &DesktopApp::openAbout);
    connect(window, &MainWindow::quitRequested, this, &DesktopApp::quit);
    connect(m_clipboard, &ClipboardGuard::countdown, window, &MainWindow::setClipboardCountdown);
    const auto unavailable = [this] { m_window->showProblem(m_sessionError); };
    if (!m_signIn) {
        connect(window, &MainWindow::signInWithBrowserRequested, this, unavailable);
        connect(window, &MainWindow::signInWithCodeRequested, this, unavailable);
        connect(window, &MainWindow::signOutEverywhereRequested, this, unavailable);
        connect(window, &MainWindow::tokenCacheRequested, this, unavailable);
        return;
    }
    connect(window, &MainWindow::signInWithBrowserRequested, m_signIn, [this](const QString& tenant) {
        m_signIn->signInWithBrowser({tenant, {}, {}});
    });
    connect(window, &MainWindow::signInWithCodeRequested, m_signIn, [this](const QString& tenant) {
        m_signIn->signInWithCode({tenant, {}, {}});
    });
    connect(window, &MainWindow::refreshRequested, m_accounts, &AccountsController::refreshAll);
    connect(window, &MainWindow::signOutEverywhereRequested, this, &DesktopApp::confirmSignOutEverywhere);
    connect(window, &MainWindow::tokenCacheRequested, this, &DesktopApp::openTokenCache);

    connect(m_signIn, &SignInCoordinator::started, window, &MainWindow::showStatus);
    connect(m_signIn, &SignInCoordinator::embeddedBrowserUnavailable, window, &MainWindow::showNotice);
    connect(m_signIn, &SignInCoordinator::cancelled, window,
            [this] { m_window->showStatus(tr("Sign-in cancelled; nothing was changed.")); });
    connect(m_signIn, &SignInCoordinator::failed, window, [this](const QString& message) {
        m_window->showStatus(QString()); // "Waiting for you to…" is over
        m_window->showProblem(tr("The sign-in did not complete: %1").arg(message));
    });
    connect(m_signIn, &SignInCoordinator::completed, this, [this](const SignInResult& signedIn) {
        // Many tenants: the user chooses before any of them is prompted for.
        m_tenantChoice->afterSignIn(signedIn, [this](const SignInResult& result) { showSignIn(result); });
    });
}

void DesktopApp::showSignIn(const SignInResult& result)
{
    m_accounts->applySignIn(result);
    m_view->selectActiveSubscription(); // which subscription az now uses
    m_notifier->accountSignedIn(result.username);
    m_window->showProblem(result.ok() ? QString() : result.error);
    m_window->showStatus(
        tr("Signed in as %1: %n subscription(s).", nullptr, static_cast<int>(result.subscriptions.size()))
            .arg(result.username));
    tellProfileChange(AccountsController::describeProfileChange(result.profileChange));
    m_trayMenu->rebuild();
}

void DesktopApp::confirmSignOutEverywhere()
{
    confirm(
        tr("Sign out everywhere?"),
        tr("Every account's tokens are removed from this computer: from Tenantry's keychain item and from "
           "the Azure CLI's token cache %1 and its backup copies, which az, Azure PowerShell, VS Code and "
           "other tools share. The list of subscriptions az knows (azureProfile.json) is emptied.")
                .arg(m_session->cache().filePath()) +
            QStringLiteral("\n\n") +
            tr("Afterwards az and those tools need a new sign-in (az login), and so does Tenantry."),
        tr("Sign out everywhere"),
        [this] {
            QPointer<DesktopApp> self(this);
            m_session->signIn().signOutEverywhere([self](const QString& error) {
                if (!self)
                    return;
                if (!error.isEmpty()) {
                    self->m_window->showProblem(tr("Not everything could be removed: %1").arg(error));
                    return;
                }
                self->m_window->showProblem(QString());
                self->m_window->showStatus(tr("Signed out everywhere: no account's tokens are left."));
            });
        },
        /*warning=*/true);
}

void DesktopApp::wireAccounts()
{
    connect(m_directory, &AccountDirectory::changed, this, [this] {
        updateAccountsShown();
        // A rebuild deletes the menu's actions: never while it is open.
        if (!m_trayMenu->menu()->isVisible()) {
            m_trayMenu->setHiddenTenants(m_directory->hiddenTenantKeys());
            m_trayMenu->setTenantNames(m_directory->tenantNames());
        }
    });
    connect(m_switcher, &SubscriptionSwitcher::switchFailed, m_window.get(), &MainWindow::showProblem);
    connect(m_switcher, &SubscriptionSwitcher::activeSubscriptionChanged, m_window.get(),
            [this](const Subscription& subscription) {
                m_window->showStatus(tr("Active subscription: %1").arg(subscription.name));
            });
    connect(m_actions, &AccountActions::makeActiveRequested, this,
            [this](const AccountTarget& target) { m_switcher->makeActive(target.subscriptionId); });
    connect(m_actions, &AccountActions::copyTokenRequested, this, &DesktopApp::openCopyTokenDialog);
    connect(m_actions, &AccountActions::openTerminalRequested, this, &DesktopApp::openTerminal);
    if (!m_accounts)
        return;
    // The switcher read az's files again: the tree shows what they say now.
    connect(m_switcher, &SubscriptionSwitcher::stateReloaded, m_accounts, &AccountsController::rebuild);
    connect(m_accounts, &AccountsController::loaded, this, &DesktopApp::updateAccountsShown);
    connect(m_accounts, &AccountsController::statusMessage, m_window.get(), &MainWindow::showStatus);
    connect(m_accounts, &AccountsController::operationFailed, m_window.get(), &MainWindow::showProblem);
    connect(m_accounts, &AccountsController::profileChangeNotice, this, &DesktopApp::tellProfileChange);
    connect(m_accounts, &AccountsController::tenantNeedsSignIn, m_notifier, &Notifier::tenantNeedsSignIn);
    connect(m_accounts, &AccountsController::tenantSignedIn, m_notifier, &Notifier::tenantSignedIn);
    connect(m_accounts, &AccountsController::accountSignInExpired, m_notifier, &Notifier::accountSignInExpired);
    connect(&m_session->signIn(), &SignInService::profileChanged, m_trayMenu, [this] {
        if (!m_trayMenu->menu()->isVisible())
            m_trayMenu->rebuild();
    });

    // An account's row signs in to all its tenants; a tenant's row to that tenant, with its challenge.
    const auto signInRequest = [this](const AccountTarget& target) {
        const bool tenant = target.kind == AccountTreeModel::TenantKind;
        return m_directory->signInRequest(target.username, tenant ? target.tenantId : QString());
    };
    connect(m_actions, &AccountActions::signInRequested, m_signIn,
            [this, signInRequest](const AccountTarget& target) { m_signIn->signInWithBrowser(signInRequest(target)); });
    connect(m_actions, &AccountActions::signInWithCodeRequested, m_signIn,
            [this, signInRequest](const AccountTarget& target) { m_signIn->signInWithCode(signInRequest(target)); });
    connect(m_actions, &AccountActions::chooseTenantsRequested, m_tenantChoice, &TenantChoiceController::choose);
    connect(m_tenantChoice, &TenantChoiceController::statusMessage, m_window.get(), &MainWindow::showStatus);
    connect(m_tenantChoice, &TenantChoiceController::tenantsHidden, m_notifier,
            [this](const QString& username, const QStringList& tenantIds) {
                for (const QString& tenantId : tenantIds)
                    m_notifier->tenantSignedIn(username, tenantId); // no sign-in is asked for a hidden tenant
            });
    connect(m_actions, &AccountActions::refreshRequested, m_accounts,
            [this](const AccountTarget& target) { m_accounts->refreshAccount(target.username); });
    connect(m_actions, &AccountActions::signOutTenantRequested, this, [this](const AccountTarget& target) {
        confirm(tr("Sign out of %1?").arg(target.tenantName),
                tr("Tenantry, az and other tools that share the token cache will no longer use %1's tokens "
                   "for the tenant %2, and its subscriptions are removed from the list.")
                        .arg(target.username, target.tenantName) +
                    QLatin1Char(' ') +
                    tr("The account's refresh token can still reach this tenant until you sign out of the "
                       "account itself."),
                tr("Sign out"), [this, target] { m_accounts->signOutTenant(target.username, target.tenantId); });
    });
    connect(m_actions, &AccountActions::signOutAccountRequested, this, [this](const AccountTarget& target) {
        confirm(tr("Sign out %1?").arg(target.username),
                tr("All tokens of %1 are removed from this computer — for az and other tools that share the "
                   "token cache too — together with its subscriptions. Other accounts are not touched.")
                    .arg(target.username),
                tr("Sign out"), [this, target] { m_accounts->signOutAccount(target.username); });
    });
}

void DesktopApp::wireTray()
{
    QApplication* app = qApp;
    // Until a tray shows up, closing the window quits, as in any app without one.
    app->setQuitOnLastWindowClosed(true);
    connect(m_tray, &TrayController::availabilityChanged, m_window.get(), [this, app](bool available) {
        m_window->setCloseToTray(available);
        app->setQuitOnLastWindowClosed(!available);
        if (!available && !m_window->isVisible())
            m_window->showAndRaise(); // started minimized, but there is nowhere to minimize to
    });
    connect(m_tray, &TrayController::activated, m_window.get(), &MainWindow::toggleVisible);
    connect(m_trayMenu, &TrayMenu::showRequested, m_window.get(), &MainWindow::showAndRaise);
    connect(m_trayMenu, &TrayMenu::quitRequested, this, &DesktopApp::quit);
    connect(m_trayMenu, &TrayMenu::findRequested, m_window.get(), [this] {
        m_window->showAndRaise();
        m_filterBar->focusField();
    });
    connect(m_trayMenu, &TrayMenu::signInRequested, m_window.get(), [this] {
        m_window->showAndRaise();
        m_window->requestBrowserSignIn();
    });
    connect(m_notifier, &Notifier::notify, this, &DesktopApp::notify);
    connect(m_notifier, &Notifier::attentionChanged, m_tray, &TrayController::setNeedsAttention);
}

void DesktopApp::wireTokens()
{
    connect(m_reminder, &CopiedTokenReminder::remind, m_notifier, &Notifier::message);
    connect(m_tokenCopy, &TokenCopyController::notificationRequested, this, &DesktopApp::notify);
}

void DesktopApp::openCopyTokenDialog(const AccountTarget& target)
{
    m_tokenCopy->openDialog(target);
}

void DesktopApp::openTerminal(const AccountTarget& target)
{
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/tenantry-cli");
    const std::optional<TerminalLaunch> terminal =
        TerminalCommand::find(TerminalCommand::subscriptionShell(cli, target.subscriptionId));
    if (!terminal) {
        m_window->showProblem(tr("No terminal was found. Set the TERMINAL environment variable to your terminal "
                                 "program, or install one (x-terminal-emulator, gnome-terminal, konsole, "
                                 "xfce4-terminal or xterm)."));
        return;
    }
    if (!QProcess::startDetached(terminal->program, terminal->arguments)) {
        m_window->showProblem(tr("The terminal %1 could not be started.").arg(terminal->program));
        return;
    }
    m_window->showStatus(tr("Opened a terminal in which az uses the subscription %1.").arg(target.subscriptionId));
}

void DesktopApp::openTokenCache()
{
    if (!m_cacheWindow) {
        m_cacheWindow = new CacheWindow(m_session->cache(), m_clock, m_session->clientId(), m_window.get());
        m_cacheWindow->setTenantNames(m_directory->tenantNames());
        connect(m_directory, &AccountDirectory::changed, m_cacheWindow,
                [this] { m_cacheWindow->setTenantNames(m_directory->tenantNames()); });
    }
    m_cacheWindow->show();
    m_cacheWindow->raise();
    m_cacheWindow->activateWindow();
}

void DesktopApp::openAbout()
{
    AboutFacts facts;
    facts.tokenCacheFile = QDir::toNativeSeparators(m_session->cache().filePath());
    facts.settingsFile = QDir::toNativeSeparators(m_options.settings->fileName());
    facts.keychainOnly = m_session->cache().mode() == StorageMode::KeychainOnly;
    facts.storageModeFromEnvironment = m_options.settings->storageMode().setByEnvironment;
    auto* dialog = new AboutDialog(facts, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DesktopApp::openSettings()
{
    auto* dialog = new SettingsDialog(m_options.settings, m_options.autostart, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::settingsChanged, this,
            [this, dialog] { applySettings(dialog->plaintextCopies()); });
    dialog->open();
}

} // namespace tenantry
